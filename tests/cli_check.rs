//! `hashiya check` as a reviewer runs it: each kind of mistake found in a fixture built for
//! it (`tests/data/checks/`), none in the shipped example annotation, checks turned off by
//! the schema, and the exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs hashiya")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const FIXTURE: &str = "tests/data/checks/problems.hashiya.ron";

#[test]
fn the_fixture_has_one_problem_of_each_kind_where_it_was_put() {
    let output = hashiya(&["check", "--json", FIXTURE]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found: Vec<(String, u64, u64, u64)> = stdout(&output)
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert!(record["document"].as_str().is_some_and(|d| d.ends_with("problems.txt")));
            (
                record["check"].as_str().expect("check").to_owned(),
                record["span"].as_u64().expect("span"),
                record["start"].as_u64().expect("start"),
                record["end"].as_u64().expect("end"),
            )
        })
        .collect();
    let expected = [
        ("missing-link", 2, 26, 36),   // a quote without its speaker
        ("span-edge", 3, 42, 53),      // « قادة الجيش»
        ("duplicate-span", 5, 43, 53), // span 4 again
        ("crosses-paragraph", 6, 54, 77),
        ("needs-review", 8, 78, 85),  // kept in two versions by a merge
        ("missing-link", 7, 90, 110), // an agreed action with one party
        ("span-edge", 7, 90, 110),    // «… مشتركة.»
    ];
    let expected: Vec<(String, u64, u64, u64)> = expected
        .iter()
        .map(|&(check, span, start, end)| (check.to_owned(), span, start, end))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn lines_name_the_article_the_range_the_check_and_the_span() {
    let output = hashiya(&["check", FIXTURE]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert_eq!(
        lines[0],
        "tests/data/checks/problems.txt: chars 26..36: missing-link: Quote «الجيش موحد» has no speaker"
    );
    // The paragraph break inside a span does not split its line.
    assert!(
        lines[3].contains("crosses-paragraph: Quote «التزامهم بالاتفاق¶واتفق»"),
        "{text}"
    );
    assert_eq!(
        lines[4],
        "tests/data/checks/problems.txt: chars 78..85: needs-review: Actor «الطرفان» is marked for review: \
         both branches changed this span; this is their version"
    );
    assert_eq!(lines[7], "7 problems in 1 of 1 document");
}

#[test]
fn the_shipped_example_annotation_has_no_problem() {
    let output = hashiya(&["check", "assets/samples/"]);
    assert_eq!(stdout(&output), "no problems in 1 document\n");
    assert_eq!(output.status.code(), Some(0));
}

/// Copies the fixture into `dir`, its schema turning `disabled` off.
fn fixture_with_disabled(dir: &Path, disabled: &str) -> PathBuf {
    let ron = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).expect("reads");
    let ron = ron
        .replacen("format_version: 1,", "format_version: 2,", 1)
        .replacen(
            "    spans: [",
            &format!("        disabled_checks: [{disabled}],\n    ),\n    spans: ["),
            1,
        )
        .replacen(
            "        ],\n    ),\n        disabled_checks",
            "        ],\n        disabled_checks",
            1,
        );
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/checks/problems.txt");
    std::fs::copy(article, dir.join("problems.txt")).expect("copies");
    let path = dir.join("problems.hashiya.ron");
    std::fs::write(&path, ron).expect("writes");
    path
}

#[test]
fn a_schema_turns_checks_off_and_a_misspelt_name_is_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = fixture_with_disabled(
        dir.path(),
        r#""span-edge", "missing-link", "needs-review", "crosses-paragraf""#,
    );
    let output = hashiya(&["check", path.to_str().expect("utf-8")]);
    let text = stdout(&output);
    let checks: Vec<&str> = text.lines().filter_map(|l| l.split(": ").nth(2)).collect();
    assert_eq!(checks, ["duplicate-span", "crosses-paragraph"], "{text}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("turns off \"crosses-paragraf\", which is no check"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn list_names_every_check_and_a_missing_input_is_exit_2() {
    let output = hashiya(&["check", "--list"]);
    assert_eq!(output.status.code(), Some(0));
    let names: Vec<String> = stdout(&output)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert_eq!(
        names,
        [
            "missing-link",
            "duplicate-span",
            "span-edge",
            "crosses-paragraph",
            "needs-review"
        ]
    );
    let missing = hashiya(&["check", "no/such/article.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("hashiya check: "));
}
