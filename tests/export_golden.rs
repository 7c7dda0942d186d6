//! Golden files: each format's export of a fixed annotated document (the sample article)
//! must equal the reviewed file under `tests/data/golden/`. After an intended format change,
//! regenerate with `HASHIYA_BLESS=1 cargo test --test export_golden` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use hashiya::export::conll::ConllOptions;
use hashiya::export::files::{self, ExportFormat};
use hashiya::export::jsonl::JsonlFlavor;
use hashiya::export::offsets::OffsetUnit;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden")
}

fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("HASHIYA_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("golden dir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{e}: {} (bless with HASHIYA_BLESS=1)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn export(format: ExportFormat) -> String {
    let (text, _) = files::export_string(&[common::golden_document()], format).expect("one-file format");
    text
}

#[test]
fn jsonl_hashiya() {
    check(
        "sample.jsonl",
        &export(ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char)),
    );
}

#[test]
fn jsonl_doccano() {
    check(
        "sample.doccano.jsonl",
        &export(ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Char)),
    );
    check(
        "sample.doccano-relations.jsonl",
        &export(ExportFormat::Jsonl(JsonlFlavor::DoccanoRelations, OffsetUnit::Char)),
    );
}

#[test]
fn conll() {
    let document = common::golden_document();
    let (text, report) = files::export_string(
        std::slice::from_ref(&document),
        ExportFormat::Conll(ConllOptions::default()),
    )
    .expect("one-file format");
    check("sample.conll", &text);
    // Spans inside another span (actors in quotes) are flattened: the outer span owns the tags.
    let spans = document.spans();
    let nested = spans
        .iter()
        .filter(|s| {
            spans.iter().any(|outer| {
                outer.id != s.id
                    && outer.char_start <= s.char_start
                    && s.char_end <= outer.char_end
                    && (outer.char_len() > s.char_len() || outer.id < s.id)
            })
        })
        .count();
    assert!(nested > 0, "the example annotations nest actors in quotes");
    assert_eq!(report.spans_flattened, nested);
    assert_eq!(report.spans, spans.len() - nested);
    assert_eq!(report.links_dropped, document.links().len());
}

#[test]
fn brat() {
    let folder = tempfile::tempdir().expect("temp dir");
    let document = common::golden_document();
    let report = files::write_export(
        std::slice::from_ref(&document),
        ExportFormat::Brat,
        folder.path(),
        None,
        &files::Protected::default(),
        &mut |_, _| {},
    )
    .expect("export");
    assert_eq!(
        (report.documents, report.spans, report.links),
        (1, document.spans().len(), document.links().len())
    );
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "libya-army-leaders-meeting.ar.ann",
            "libya-army-leaders-meeting.ar.txt",
            "visual.conf"
        ]
    );
    for name in ["annotation.conf", "visual.conf", "libya-army-leaders-meeting.ar.ann"] {
        let text = std::fs::read_to_string(folder.path().join(name)).expect("read");
        check(&format!("brat/{name}"), &text);
    }
    let txt = std::fs::read_to_string(folder.path().join("libya-army-leaders-meeting.ar.txt")).expect("read");
    assert_eq!(txt, common::SAMPLE);
}

#[test]
fn jsonl_of_the_earlier_layout_still_imports() {
    // Attributes as a map, `note` and `needs_review` only when set: read as the current layout.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixtures/sample-jsonl-v1.jsonl");
    let earlier = std::fs::read_to_string(path).expect("fixture");
    let current = export(ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char));
    assert_ne!(earlier, current, "the fixture is of the earlier layout");
    let options = hashiya::export::ImportOptions::new("sample");
    let from_earlier = hashiya::export::jsonl::import_str(&earlier, &options);
    let from_current = hashiya::export::jsonl::import_str(&current, &options);
    assert!(from_earlier.report.warnings.is_empty(), "{:?}", from_earlier.report.warnings);
    assert_eq!(from_earlier.documents, [common::golden_document()]);
    assert_eq!(from_current.documents, from_earlier.documents);
}
