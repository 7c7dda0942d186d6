//! `kill -9` in the middle of a save never leaves a corrupt or empty annotation file: a child
//! process rewrites a large annotation file (`hashiya fmt`, the same atomic write as Save) and
//! is killed at staggered moments; after each kill the file must load whole.

#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use hashiya::io;
use hashiya::model::{Document, DocumentMeta, Schema, Span, SpanId};

/// A long article with many spans, so one save takes long enough to be interrupted.
fn large_document() -> Document {
    let sentence = "وأكد قادة الجيش الليبي في البيان رفضهم التام لعودة الاقتتال 2020. ";
    let text = sentence.repeat(3_000);
    let words: Vec<(usize, usize)> = {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text.chars().enumerate() {
            match (c == ' ', start) {
                (true, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        words
    };
    let spans = words
        .iter()
        .step_by(2)
        .enumerate()
        .map(|(i, &(start, end))| Span::new(SpanId(i as u64 + 1), "Actor", start, end))
        .collect();
    let meta = DocumentMeta {
        source_name: "long.txt".into(),
        ..DocumentMeta::default()
    };
    Document::from_parts(text, Schema::default_schema(), meta, spans, Vec::new())
}

#[test]
fn killing_a_save_midway_leaves_a_whole_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("long.txt");
    let document = large_document();
    std::fs::write(&article, document.text()).expect("article");
    let ron = io::annotation_path_for(&article);
    io::save_document(&document, &ron).expect("first save");
    let span_count = document.spans().len();

    // How long one rewrite takes, to spread the kills over it.
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("fmt")
        .arg(&ron)
        .status()
        .expect("runs");
    assert!(status.success());
    let full = started.elapsed();

    for attempt in 0..12u32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("fmt")
            .arg(&ron)
            .spawn()
            .expect("spawns");
        std::thread::sleep(full.mul_f64(f64::from(attempt) / 12.0) + Duration::from_micros(200));
        let _ = child.kill(); // SIGKILL on unix
        let _ = child.wait();
        let loaded = io::load_annotations(&ron, document.text())
            .unwrap_or_else(|error| panic!("after kill {attempt}, the file does not load: {error}"));
        assert_eq!(loaded.document.spans().len(), span_count, "after kill {attempt}");
    }
}
