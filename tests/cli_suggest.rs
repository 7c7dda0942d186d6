//! `hashiya suggest --eval` on a small CoNLL fixture: the test file repeats two of the
//! training file's names and adds one it never saw, so a source that finds what it learned
//! scores precision 1 and recall 2/3; and the rules on the sample.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/conll")
        .join(name)
}

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .expect("runs hashiya")
}

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn eval(source: &str, extra: &[&str]) -> Output {
    let train = data("suggest-train.conll");
    let test = data("suggest-test.conll");
    let mut args = vec![
        "suggest",
        "--eval",
        "--source",
        source,
        "--train",
        train.to_str().expect("utf-8"),
        "--test",
        test.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    hashiya(&args)
}

#[test]
fn matcher_finds_what_it_learned_per_label() {
    let report = json(&eval("matcher", &["--json"]));
    assert_eq!(report["source"], "matcher");
    assert_eq!(report["train_documents"], 1);
    let total = &report["total"];
    assert_eq!(
        (
            total["correct"].as_u64(),
            total["proposed"].as_u64(),
            total["annotated"].as_u64()
        ),
        (Some(2), Some(2), Some(3))
    );
    assert!((total["recall"].as_f64().expect("number") - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(report["labels"]["LOC"]["recall"], 0.5, "«بنغازي» was never annotated");
    assert_eq!(report["labels"]["PERS"]["f1"], 1.0);
    assert!(report["train_seconds"].as_f64().is_some());

    let table = eval("matcher", &[]);
    let text = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(text.starts_with("matcher: trained on 1 document in "), "{text}");
    let loc = text.lines().find(|l| l.starts_with("LOC ")).expect("a LOC row");
    assert_eq!(
        loc.split_whitespace().collect::<Vec<_>>(),
        ["LOC", "1.000", "0.500", "0.667", "1", "1", "2"]
    );
    assert!(text.lines().any(|l| l.starts_with("total (micro)")));
}

#[test]
fn tagger_trains_and_is_measured() {
    let report = json(&eval("tagger", &["--json"]));
    assert_eq!(report["source"], "tagger");
    let total = &report["total"];
    assert_eq!(total["annotated"], 3);
    assert!(total["proposed"].as_u64().expect("count") > 0, "{report}");
}

#[test]
fn split_at_trains_on_the_first_tokens() {
    let all = data("suggest-all.conll");
    let report = json(&hashiya(&[
        "suggest",
        "--eval",
        "--source",
        "matcher",
        "--split-at",
        "0.7",
        all.to_str().expect("utf-8"),
        "--json",
    ]));
    assert_eq!(
        (report["train_documents"].as_u64(), report["test_documents"].as_u64()),
        (Some(1), Some(1))
    );
    // The last sentence is the test file's: the same figures.
    assert_eq!(report["total"]["annotated"], 3);
    assert_eq!(report["total"]["correct"], 2);
}

#[test]
fn rules_need_no_training_and_propose_speakers_for_given_actors() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");
    let sample = sample.to_str().expect("utf-8");
    let report = json(&hashiya(&[
        "suggest", "--eval", "--source", "rules", "--test", sample, "--json",
    ]));
    assert!(
        report["labels"]["Quote"]["correct"].as_u64().expect("count") > 0,
        "{report}"
    );
    let given = json(&hashiya(&[
        "suggest", "--eval", "--source", "rules", "--given", "Actor", "--test", sample, "--json",
    ]));
    assert!(given["labels"].get("Actor").is_none(), "given labels are not scored");
    assert!(
        given["links"]["speaker"]["correct"].as_u64().expect("count") > 0,
        "{given}"
    );
}

#[test]
fn errors_are_one_line_with_exit_codes() {
    let missing = hashiya(&[
        "suggest",
        "--eval",
        "--source",
        "matcher",
        "--train",
        "missing.conll",
        "--test",
        "x.conll",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr).into_owned();
    assert!(
        stderr.starts_with("hashiya suggest: ") && stderr.contains("missing.conll"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);

    let test = data("suggest-test.conll");
    let untrained = hashiya(&[
        "suggest",
        "--eval",
        "--source",
        "matcher",
        "--test",
        test.to_str().expect("utf-8"),
    ]);
    assert_eq!(untrained.status.code(), Some(1));

    let bad_share = hashiya(&[
        "suggest",
        "--eval",
        "--source",
        "matcher",
        "--split-at",
        "1.5",
        "x.conll",
    ]);
    assert_eq!(bad_share.status.code(), Some(2));
    let no_source = hashiya(&["suggest", "--eval", "--test", "x.conll"]);
    assert_eq!(no_source.status.code(), Some(2));
}
