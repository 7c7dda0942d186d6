//! `hashiya agree` on two annotators' files of the sample, as a team keeps them beside the
//! article (`NAME.hashiya.ron` and `NAME.omar.hashiya.ron`): the figures follow from what the
//! second annotator left out, in the table and in JSON.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const NAME: &str = "libya-army-leaders-meeting.ar";

fn hashiya(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs hashiya")
}

/// The sample and a second annotator's version without the first `dropped` Actors that have
/// no link; returns the number of Actors of the sample.
fn two_annotators(dir: &Path, dropped: usize) -> usize {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for ext in ["txt", "hashiya.ron"] {
        std::fs::copy(samples.join(format!("{NAME}.{ext}")), dir.join(format!("{NAME}.{ext}"))).expect("copies");
    }
    let loaded = hashiya::io::load_document(&dir.join(format!("{NAME}.txt"))).expect("loads");
    let sample = loaded.document;
    let omar = common::sample_without_unlinked_actors(&sample, "omar", dropped);
    std::fs::write(
        dir.join(format!("{NAME}.omar.hashiya.ron")),
        hashiya::io::to_ron_string(&omar),
    )
    .expect("writes");
    sample.spans().iter().filter(|s| s.label == "Actor").count()
}

#[test]
fn json_figures_follow_from_the_spans_one_annotator_left_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let actors = two_annotators(dir.path(), 2);
    let first = format!("{NAME}.hashiya.ron");
    let second = format!("{NAME}.omar.hashiya.ron");
    let output = hashiya(&["agree", "--json", &first, &second], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(record["annotators"], serde_json::json!(["Hashiya sample", "omar"]));
    assert_eq!(record["documents"], serde_json::json!([format!("{NAME}.txt")]));
    // Actor: omar has all but 2 of them, each one the sample's: F1 = 2(n−2) / (2n−2).
    let expected = 2.0 * (actors as f64 - 2.0) / (2.0 * actors as f64 - 2.0);
    let actor = record["spans"]["exact"]["by_label"]["Actor"]
        .as_f64()
        .expect("a number");
    assert!((actor - expected).abs() < 1e-4, "{actor} vs {expected}");
    assert_eq!(record["spans"]["exact"]["by_label"]["Quote"], serde_json::json!(1.0));
    assert_eq!(record["links"]["f1"], serde_json::json!(1.0));
    assert_eq!(record["tokens"]["kappa"]["Quote"], serde_json::json!(1.0));
    let kappa = record["tokens"]["kappa"]["Actor"].as_f64().expect("a number");
    assert!(kappa > 0.5 && kappa < 1.0, "{kappa}");
    let disagreements = record["disagreements"].as_array().expect("a list");
    assert_eq!(disagreements.len(), 2);
    for d in disagreements {
        assert_eq!(d["labels"]["Hashiya sample"], "Actor");
        assert!(d["labels"]["omar"].is_null());
    }
}

#[test]
fn the_table_and_the_exit_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    two_annotators(dir.path(), 1);
    let first = format!("{NAME}.hashiya.ron");
    let second = format!("{NAME}.omar.hashiya.ron");
    let output = hashiya(&["agree", &first, &second], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("2 annotators (Hashiya sample, omar), 1 document\n"),
        "{text}"
    );
    assert!(text.contains("spans, exact"), "{text}");
    assert!(text.contains("Hashiya sample × omar: 0.9"), "{text}");
    assert!(text.contains("1 range where the labels differ"), "{text}");
    // One annotator only: nothing to compare.
    let alone = hashiya(&["agree", &first], dir.path());
    assert_eq!(alone.status.code(), Some(1));
    // An unreadable file is named, the others still measured.
    let missing = hashiya(&["agree", &first, &second, "nope.hashiya.ron"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.hashiya.ron"));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("spans, exact"));
}
