//! Timing of the long-document workload (issue 6: `save_ron`/`load_ron` ≤ 60 ms each):
//! 820,000 chars in one paragraph, 11,000 spans. Not a test of speed (no timing assertions);
//! run it to print the figures:
//! `cargo test --release --test io_timing -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use hashiya::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId, Status};

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

/// One paragraph of about `chars` chars built from the sample's sentences, varied by a
/// counter so the text does not repeat exactly.
fn long_text(chars: usize) -> String {
    let sentences: Vec<&str> = SAMPLE.split(['\n', '.']).filter(|s| !s.trim().is_empty()).collect();
    let mut text = String::with_capacity(chars * 2);
    let mut count = 0;
    let mut n = 0;
    while count < chars {
        let piece = format!("{} ({n}). ", sentences[n % sentences.len()].trim());
        count += piece.chars().count();
        text.push_str(&piece);
        n += 1;
    }
    text
}

fn long_document(chars: usize, spans: usize) -> Document {
    let text = long_text(chars);
    let char_len = text.chars().count();
    let labels = ["Actor", "Quote", "Agreed action"];
    let stride = char_len / spans;
    let mut all = Vec::with_capacity(spans);
    for i in 0..spans {
        let start = i * stride;
        let mut span = Span::new(SpanId(i as u64 + 1), labels[i % 3], start, start + 8 + i % 40);
        if i % 3 == 0 {
            span.attributes.insert("type".into(), "person".into());
        }
        if i % 50 == 0 {
            span.note = Some(format!("ملاحظة {i}"));
        }
        all.push(span);
    }
    let links = (0..spans / 3)
        .map(|i| Link {
            id: LinkId(i as u64 + 1),
            kind: "speaker".into(),
            from: SpanId((i * 3 + 2) as u64),
            to: SpanId((i * 3 + 1) as u64),
        })
        .collect();
    let meta = DocumentMeta {
        source_name: "long.txt".into(),
        annotator: "bench".into(),
        status: Status::InProgress,
    };
    Document::from_parts(text, Schema::default_schema(), meta, all, links)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

#[test]
#[ignore = "prints timings; run in release with --ignored --nocapture"]
fn save_and_load_11k_spans() {
    let document = long_document(820_000, 11_000);
    assert_eq!(document.check(), Vec::<String>::new());
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.hashiya.ron");
    let ron = hashiya::io::to_ron_string(&document);
    println!(
        "document: {} chars ({} bytes), {} spans, {} links; RON file {} bytes",
        document.char_len(),
        document.text().len(),
        document.spans().len(),
        document.links().len(),
        ron.len()
    );
    let runs = 15;
    let to_string = time(runs, || drop(hashiya::io::to_ron_string(&document)));
    let save = time(runs, || hashiya::io::save_document(&document, &path).expect("saves"));
    let parse = time(runs, || {
        drop(hashiya::io::from_ron_str(&ron, document.text()).expect("loads"));
    });
    let load = time(runs, || {
        drop(hashiya::io::load_annotations(&path, document.text()).expect("loads"));
    });
    let canonical = time(runs, || drop(hashiya::io::canonical_ron(&ron).expect("formats")));
    let ignored = time(runs, || {
        let _: serde::de::IgnoredAny = ron::from_str(&ron).expect("parses");
    });
    println!("canonical_ron          {canonical:?}");
    println!("ron parse, IgnoredAny  {ignored:?}");
    let sha = time(runs, || drop(hashiya::io::sha256_hex(document.text())));
    let index = time(runs, || drop(hashiya::text::CharIndex::new(document.text())));
    let mut moved = document.text().to_owned();
    moved.insert_str(0, "سطر جديد في أول الخبر ");
    let reanchor = time(5, || drop(hashiya::io::from_ron_str(&ron, &moved).expect("loads")));
    println!("to_ron_string          {to_string:?}");
    println!("save_ron (atomic+fsync) {save:?}");
    println!("from_ron_str           {parse:?}");
    println!("load_ron (read+parse)  {load:?}");
    println!("  of which sha256      {sha:?}");
    println!("  of which CharIndex   {index:?} (built twice)");
    println!("re-anchor all spans    {reanchor:?}");
    let loaded = hashiya::io::from_ron_str(&ron, &moved).expect("loads");
    assert!(loaded.document.spans().iter().all(|s| s.needs_review));
    assert!(loaded.orphans.is_empty());
}
