//! `kill -9` in the middle of a save never leaves a corrupt or empty annotation file: a child
//! process rewrites a large, non-canonical annotation file (`hashiya fmt`, the same atomic
//! write as Save) and is killed at staggered moments; after each kill the file is byte for
//! byte the old or the new version, and the backup is a previous version.

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

/// The canonical file with its first span line moved to the end of the list and a comment
/// naming the round: valid, not canonical, and different in every round, so that `fmt`
/// really rewrites it and the backup shows which version it kept.
fn non_canonical(canonical: &str, round: u32) -> String {
    let mut lines: Vec<&str> = canonical.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("        (id: "))
        .expect("a span line");
    let line = lines.remove(first);
    let end = lines[first..]
        .iter()
        .position(|l| *l == "    ],")
        .expect("end of spans")
        + first;
    lines.insert(end, line);
    format!("// round {round}\n{}\n", lines.join("\n"))
}

#[test]
fn killing_a_save_midway_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("long.txt");
    let document = large_document();
    std::fs::write(&article, document.text()).expect("article");
    let ron = io::annotation_path_for(&article);
    let backup = io::atomic::backup_path_for(&ron);
    let canonical = io::to_ron_string(&document);
    let span_count = document.spans().len();
    let fmt = || {
        Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("fmt")
            .arg(&ron)
            .spawn()
            .expect("spawns")
    };

    // How long one rewrite takes, to spread the kills over it.
    std::fs::write(&ron, non_canonical(&canonical, 0)).expect("writes");
    let started = Instant::now();
    assert!(fmt().wait().expect("runs").success());
    let full = started.elapsed();
    assert_eq!(std::fs::read_to_string(&ron).expect("reads"), canonical);
    let mut old_versions = vec![non_canonical(&canonical, 0)];
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), old_versions[0]);

    for round in 1..=12u32 {
        let old = non_canonical(&canonical, round);
        std::fs::write(&ron, &old).expect("writes");
        old_versions.push(old.clone());
        let mut child = fmt();
        std::thread::sleep(full.mul_f64(f64::from(round) / 12.0) + Duration::from_micros(200));
        // SIGKILL on unix; the child may have finished already, which is fine.
        let _ = child.kill();
        child.wait().expect("waits");
        let now = std::fs::read_to_string(&ron).expect("reads");
        assert!(
            now == old || now == canonical,
            "after kill {round}, the file is neither the old nor the new version"
        );
        let kept = std::fs::read_to_string(&backup).expect("backup");
        assert!(
            old_versions.contains(&kept),
            "after kill {round}, the backup is not a previous version"
        );
        if now == canonical {
            assert_eq!(
                kept, old,
                "after kill {round}, the rewrite kept the version it replaced"
            );
        }
        let loaded = io::load_annotations(&ron, document.text())
            .unwrap_or_else(|error| panic!("after kill {round}, the file does not load: {error}"));
        assert_eq!(loaded.document.spans().len(), span_count, "after kill {round}");
    }
}
