//! `hashiya suggest --source S INPUT...` (without --eval): the source's suggestions are written
//! into the articles' annotation files, in their own section; annotations are untouched; a
//! second run replaces that source's suggestions; the other sources' stay.

mod common;

use std::path::Path;
use std::process::Output;

const SAMPLE_TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const SAMPLE_RON: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

fn hashiya(args: &[&str], dir: &Path) -> Output {
    common::hashiya_in(dir, args)
}

fn spans_section(ron: &str) -> String {
    ron.split("    spans: [")
        .nth(1)
        .and_then(|r| r.split("    ],").next())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_matcher_and_the_rules_write_suggestions_beside_the_annotations() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The annotated sample teaches the matcher; the new article gets its suggestions.
    std::fs::write(dir.path().join("a.txt"), SAMPLE_TEXT).expect("article");
    std::fs::write(
        dir.path().join("a.hashiya.ron"),
        SAMPLE_RON.replace("libya-army-leaders-meeting.ar.txt", "a.txt"),
    )
    .expect("annotations");
    let new = "وقال الفريق محمد الحداد إن ستيفاني وليامز ستزور طرابلس، وأكد قادة الجيش الليبي «نحن ملتزمون بوقف إطلاق النار».\n";
    std::fs::write(dir.path().join("b.txt"), new).expect("article");
    let before = std::fs::read_to_string(dir.path().join("a.hashiya.ron")).expect("reads");

    let run = hashiya(
        &["suggest", "--source", "matcher", "b.txt", "--train", "a.txt"],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let written = std::fs::read_to_string(dir.path().join("b.hashiya.ron")).expect("written");
    assert!(written.contains("    format_version: 4,"), "{written}");
    for name in ["الفريق محمد الحداد", "ستيفاني وليامز", "قادة الجيش الليبي"]
    {
        assert!(
            written.contains(&format!("text: \"{name}\", score:")),
            "{name} suggested: {written}"
        );
    }
    assert!(written.contains("source: Matcher"));
    assert_eq!(spans_section(&written).trim(), "", "no annotation made");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.hashiya.ron")).expect("reads"),
        before,
        "training input untouched"
    );

    // The rules add theirs; the matcher's stay.
    let run = hashiya(&["suggest", "--source", "rules", "b.txt"], dir.path());
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let both = std::fs::read_to_string(dir.path().join("b.hashiya.ron")).expect("written");
    assert!(
        both.contains("source: Rules") && both.contains("source: Matcher"),
        "{both}"
    );
    assert!(
        both.contains("label: \"Quote\""),
        "the quote after «وأكد» is suggested: {both}"
    );

    // Usage: --test and --json go with --eval.
    let usage = hashiya(&["suggest", "--source", "rules", "--json", "b.txt"], dir.path());
    assert_eq!(usage.status.code(), Some(2));
    let nothing = hashiya(&["suggest", "--source", "tagger", "b.txt"], dir.path());
    assert_eq!(nothing.status.code(), Some(2), "nothing annotated to learn from");
}
