//! Broken annotation files: each gives an error (with line:col where it applies), never a
//! panic, and a failed load leaves the file as it was.

use hashiya::io::{IoError, Problem, from_ron_str, validate_ron};
use proptest::prelude::*;

const TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const GOOD: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

/// The problems of loading `ron`, which must fail.
fn problems(ron: &str) -> Vec<Problem> {
    match from_ron_str(ron, TEXT) {
        Ok(_) => panic!("expected an error for:\n{ron}"),
        Err(error) => {
            // validate reports the same file as invalid too.
            assert!(!validate_ron(ron, TEXT).is_empty());
            error.problems()
        }
    }
}

/// `GOOD` with the first occurrence of `from` replaced.
fn edit(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from}");
    GOOD.replacen(from, to, 1)
}

fn line_of(ron: &str, needle: &str) -> usize {
    ron.lines().position(|l| l.contains(needle)).expect("needle") + 1
}

fn assert_one(ron: &str, line: usize, fragment: &str) {
    let found = problems(ron);
    assert!(
        found
            .iter()
            .any(|p| p.position.map(|p| p.line) == Some(line) && p.message.contains(fragment)),
        "expected \"{fragment}\" at line {line}, got {found:#?}"
    );
}

#[test]
fn the_good_file_loads() {
    let loaded = from_ron_str(GOOD, TEXT).expect("loads");
    assert_eq!(loaded.document.spans().len(), 50);
}

#[test]
fn truncated_files() {
    for cut in [0, 1, 10, GOOD.len() / 3, GOOD.len() / 2, GOOD.len() - 3] {
        let mut end = cut;
        while !GOOD.is_char_boundary(end) {
            end -= 1;
        }
        let found = problems(&GOOD[..end]);
        assert!(found[0].position.is_some(), "{found:?}");
    }
}

#[test]
fn wrong_types() {
    let ron = edit("start: 60,", "start: \"60\",");
    assert_one(&ron, line_of(&ron, "start: \"60\""), "");
    let ron = edit("status: Done", "status: Finished");
    assert_one(&ron, line_of(&ron, "Finished"), "Finished");
    let ron = edit("spans: [", "spans: 5, old_spans: [");
    assert_one(&ron, line_of(&ron, "spans: 5"), "");
    let ron = edit("(id: 1, kind:", "(id: true, kind:");
    assert_one(&ron, line_of(&ron, "id: true"), "");
    let ron = edit("attributes: {\"type\": \"person\"}", "attributes: {\"type\": 3}");
    assert_one(&ron, line_of(&ron, "\"type\": 3"), "");
    let ron = edit("(id: 1, label:", "(id: 1, colour: 3, label:");
    assert_one(&ron, line_of(&ron, "colour"), "colour");
}

#[test]
fn negative_and_huge_offsets() {
    let ron = edit("start: 60,", "start: -60,");
    assert_one(&ron, line_of(&ron, "-60"), "");
    let ron = edit("end: 74,", "end: 999999999999999999999999999,");
    assert_one(&ron, line_of(&ron, "9999999"), "");
    let ron = edit("end: 74,", "end: 18446744073709551615,");
    assert_one(
        &ron,
        line_of(&ron, "18446744073709551615"),
        "past the end of the document",
    );
    let ron = edit("start: 60, end: 74,", "start: 74, end: 60,");
    assert_one(&ron, line_of(&ron, "start: 74, end: 60"), "empty or reversed");
    let ron = edit("start: 60, end: 74,", "start: 60, end: 75,");
    assert_one(&ron, line_of(&ron, "end: 75"), "its text has 14 chars");
    let ron = edit("char_len: 2480", "char_len: 18446744073709551616");
    assert_one(&ron, line_of(&ron, "char_len"), "");
}

#[test]
fn duplicate_ids() {
    let ron = edit("(id: 2, label:", "(id: 1, label:");
    assert_one(&ron, line_of(&ron, "الفريق محمد الحداد\""), "span T1 is defined twice");
    let ron = edit("(id: 2, kind:", "(id: 1, kind:");
    assert_one(
        &ron,
        line_of(&ron, "(id: 1, kind: \"speaker\", from: 12"),
        "link R1 is defined twice",
    );
}

#[test]
fn broken_links() {
    let ron = edit("from: 6, to: 1)", "from: 6, to: 99)");
    assert_one(&ron, line_of(&ron, "to: 99"), "refers to missing span T99");
    let ron = edit("kind: \"speaker\", from: 6,", "kind: \"said\", from: 6,");
    assert_one(&ron, line_of(&ron, "\"said\""), "does not define");
    // A speaker link from an actor to an actor.
    let ron = edit("from: 6, to: 1)", "from: 2, to: 1)");
    assert_one(
        &ron,
        line_of(&ron, "from: 2, to: 1"),
        "goes from Quote to Actor, not from a Actor to a Actor",
    );
    // A second speaker for the same quote.
    let ron = edit("from: 12, to: 13)", "from: 6, to: 13)");
    assert_one(&ron, line_of(&ron, "from: 6, to: 13"), "has only one");
    let ron = edit("from: 12, to: 13)", "from: 6, to: 1)");
    assert_one(&ron, line_of(&ron, "(id: 2, kind"), "repeats link R1");
}

#[test]
fn schema_and_identity_problems() {
    let ron = edit("label: \"Actor\", start: 60", "label: \"Person\", start: 60");
    assert_one(&ron, line_of(&ron, "\"Person\""), "does not define");
    let ron = edit(
        "to_label: \"Actor\", multiple: false",
        "to_label: \"Speaker\", multiple: false",
    );
    assert_one(&ron, line_of(&ron, "    schema: ("), "unknown label");
    let ron = edit("sha256: \"bc36", "sha256: \"XYZ");
    assert_one(&ron, line_of(&ron, "sha256"), "hex");
    let problems = problems(&edit("(name: \"Quote\"", "(name: \"Actor\""));
    assert!(
        problems.iter().any(|p| p.message.contains("defined twice")),
        "{problems:?}"
    );
}

#[test]
fn unknown_and_newer_versions() {
    let next = hashiya::io::FORMAT_VERSION + 1;
    let newer = edit("format_version: 1", &format!("format_version: {next}"));
    let error = from_ron_str(&newer, TEXT).expect_err("newer");
    assert!(matches!(error, IoError::UnsupportedVersion { found, .. } if found == next));
    assert!(error.to_string().contains("newer than this Hashiya reads"), "{error}");
    // A newer file with fields this version does not know still says "newer".
    let newer = edit(
        "format_version: 1,",
        &format!("format_version: {next}, layers: [(name: \"x\")],"),
    );
    assert!(
        from_ron_str(&newer, TEXT)
            .expect_err("newer")
            .to_string()
            .contains("newer")
    );
    let zero = edit("format_version: 1", "format_version: 0");
    assert!(
        from_ron_str(&zero, TEXT)
            .expect_err("unknown")
            .to_string()
            .contains("unknown")
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{\"a\":", "}"), ("Some(", ")")] {
        let deep = format!("{}{}", open.repeat(200_000), close.repeat(200_000));
        assert!(!problems(&deep).is_empty());
        let inside = edit(
            "attributes: {\"type\": \"person\"}",
            &format!("attributes: {}", open.repeat(100_000)),
        );
        assert!(!problems(&inside).is_empty());
    }
}

#[test]
fn not_utf8_on_disk_is_a_positioned_error_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.hashiya.ron");
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("annotator").expect("field");
    bytes[at] = 0xFF;
    std::fs::write(&path, &bytes).expect("writes");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime");
    let error = hashiya::io::load_annotations(&path, TEXT).expect_err("not UTF-8");
    assert!(error.to_string().starts_with("6:5: the file is not UTF-8"), "{error}");
    assert!(error.to_string().ends_with(&path.display().to_string()));
    assert_eq!(std::fs::read(&path).expect("reads"), bytes);
    assert_eq!(
        std::fs::metadata(&path).and_then(|m| m.modified()).expect("mtime"),
        modified
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("lists").collect();
    assert_eq!(names.len(), 1, "a failed load creates no file");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_text_never_panics(ron in any::<String>()) {
        prop_assert!(from_ron_str(&ron, TEXT).is_err());
        prop_assert!(!validate_ron(&ron, TEXT).is_empty());
        let _ = hashiya::io::canonical_ron(&ron);
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let ron = String::from_utf8_lossy(&bytes);
        prop_assert!(from_ron_str(&ron, TEXT).is_err());
        let _ = hashiya::io::decode_article(&bytes);
    }

    #[test]
    fn mutated_good_files_never_panic(
        cut in 0..GOOD.len(),
        insert in prop::sample::select(vec!["", "-", "9999999999999999999999", "(", "]", "\"", ",", "id: 1,", "Some(", "«"]),
        remove in 0..40_usize,
    ) {
        let mut cut = cut;
        while !GOOD.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut end = (cut + remove).min(GOOD.len());
        while !GOOD.is_char_boundary(end) {
            end -= 1;
        }
        let ron = format!("{}{insert}{}", &GOOD[..cut], &GOOD[end..]);
        // Any outcome but a panic: some edits (a removed space) leave the file valid.
        let _ = from_ron_str(&ron, TEXT);
        let _ = validate_ron(&ron, TEXT);
        let _ = hashiya::io::canonical_ron(&ron);
    }
}

#[test]
fn thousands_of_problems_are_capped_with_a_count() {
    let line = GOOD.lines().find(|l| l.contains("(id: 1, label:")).expect("span line");
    let many = GOOD.replacen(line, &format!("{line}\n").repeat(500), 1);
    let found = problems(&many);
    assert_eq!(found.len(), 201);
    assert_eq!(found[0].position.map(|p| p.line), Some(line_of(GOOD, line) + 1));
    assert_eq!(found[200].message, "… and 299 more problems");
}
