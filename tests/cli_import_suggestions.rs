//! `hashiya import --from jsonl --as-suggestions`: a model's predictions become suggestions of
//! the articles they belong to (by name or text), never annotations; labels are mapped; what is
//! already annotated is not suggested; a second run replaces that model's suggestions.

mod common;

use std::path::Path;
use std::process::Output;

const SAMPLE_TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const SAMPLE_RON: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

fn hashiya(args: &[&str], dir: &Path) -> Output {
    common::hashiya_in(dir, args)
}

fn char_span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn predictions_become_suggestions_of_their_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out");
    std::fs::write(out.join("sample.txt"), SAMPLE_TEXT).expect("article");
    std::fs::write(
        out.join("sample.hashiya.ron"),
        SAMPLE_RON.replace("libya-army-leaders-meeting.ar.txt", "sample.txt"),
    )
    .expect("annotations");
    let before = std::fs::read_to_string(out.join("sample.hashiya.ron")).expect("reads");
    let (tripoli, williams) = (
        char_span(SAMPLE_TEXT, "طرابلس"),
        char_span(SAMPLE_TEXT, "ستيفاني وليامز"),
    );
    let line = serde_json::json!({
        "text": SAMPLE_TEXT,
        "entities": [
            {"entity_group": "LOC", "score": 0.8125, "word": "طرابلس", "start": tripoli.0, "end": tripoli.1},
            {"entity_group": "PER", "score": 0.99, "word": "ستيفاني وليامز", "start": williams.0, "end": williams.1},
        ],
    });
    let other = serde_json::json!({"document": "tunis", "text": "وصل الوفد إلى تونس", "spans": [{"start": 14, "end": 18, "label": "LOC", "score": 0.5, "model": "crf"}]});
    std::fs::write(dir.path().join("p.jsonl"), format!("{line}\n{other}\n")).expect("predictions");
    let args = [
        "import",
        "--from",
        "jsonl",
        "--as-suggestions",
        "--model",
        "hf",
        "--map",
        "PER=Actor",
        "p.jsonl",
        "--out",
        "out",
    ];
    let run = hashiya(&args, dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let saved = std::fs::read_to_string(out.join("sample.hashiya.ron")).expect("reads");
    assert!(
        saved.contains(&format!(
            "(id: 1, label: \"LOC\", start: {}, end: {}, text: \"طرابلس\", score: 0.8125, source: Imported(\"hf\")),",
            tripoli.0, tripoli.1
        )),
        "{saved}"
    );
    assert!(
        !saved.contains("score: 0.99"),
        "Williams is already an annotated Actor: not suggested"
    );
    let spans = |ron: &str| {
        ron.split("    spans: [")
            .nth(1)
            .and_then(|r| r.split("    ],").next())
            .map(str::to_owned)
    };
    assert_eq!(spans(&saved), spans(&before), "annotations untouched");
    let tunis = std::fs::read_to_string(out.join("tunis.hashiya.ron")).expect("a new article's file");
    assert!(tunis.contains("source: Imported(\"crf\")"), "{tunis}");
    assert_eq!(
        std::fs::read_to_string(out.join("tunis.txt")).expect("article"),
        "وصل الوفد إلى تونس"
    );

    // Again with nothing for LOC: hf's suggestions are replaced, crf's stay.
    let again = serde_json::json!({"text": SAMPLE_TEXT, "entities": []});
    std::fs::write(dir.path().join("p.jsonl"), format!("{again}\n")).expect("predictions");
    let run = hashiya(&args, dir.path());
    assert_eq!(run.status.code(), Some(0));
    let saved = std::fs::read_to_string(out.join("sample.hashiya.ron")).expect("reads");
    assert!(!saved.contains("suggestions: ["), "{saved}");
}

#[test]
fn as_suggestions_reads_jsonl_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("x.conll"), "a O\n").expect("input");
    let run = hashiya(
        &["import", "--from", "conll", "--as-suggestions", "x.conll", "--out", "o"],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--from jsonl"));
}

#[test]
fn suggestions_reach_an_export_only_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let line = serde_json::json!({"document": "tunis", "text": "وصل الوفد إلى تونس", "spans": [{"start": 14, "end": 18, "label": "Actor", "score": 0.5}]});
    std::fs::write(dir.path().join("p.jsonl"), format!("{line}\n")).expect("predictions");
    let run = hashiya(
        &[
            "import",
            "--from",
            "jsonl",
            "--as-suggestions",
            "p.jsonl",
            "--out",
            "out",
        ],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(0));
    let article = out.join("tunis.txt");
    // Started (an unstarted document without spans is no part of a dataset), with no span.
    let ron = out.join("tunis.hashiya.ron");
    let started = std::fs::read_to_string(&ron)
        .expect("reads")
        .replace("status: NotStarted", "status: InProgress");
    std::fs::write(&ron, started).expect("writes");
    let article = article.to_str().expect("utf-8 path");
    for args in [
        &["export", "--to", "jsonl", article][..],
        &["export", "--to", "conll", article],
        &["export", "--to", "brat", "--out", "b", article],
    ] {
        let run = hashiya(args, dir.path());
        let written = String::from_utf8_lossy(&run.stdout).into_owned()
            + &std::fs::read_dir(dir.path().join("b"))
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .filter(|e| e.path().extension().is_some_and(|x| x == "ann"))
                        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                        .collect::<String>()
                })
                .unwrap_or_default();
        assert!(
            !written.contains("Actor") && !written.contains("0.5"),
            "{args:?}: {written}"
        );
    }
    let run = hashiya(&["export", "--to", "jsonl", "--with-suggestions", article], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let line: serde_json::Value = serde_json::from_slice(&run.stdout).expect("one JSON line");
    assert_eq!(line["spans"], serde_json::json!([]));
    assert_eq!(line["suggestions"][0]["label"], "Actor");
    assert_eq!(line["suggestions"][0]["start"], 14);
    assert_eq!(line["suggestions"][0]["source"], "imported");
    let refused = hashiya(&["export", "--to", "conll", "--with-suggestions", article], dir.path());
    assert_eq!(refused.status.code(), Some(2));
}
