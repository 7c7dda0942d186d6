//! Golden files: each format's export of a fixed annotated document (the sample article)
//! must equal the reviewed file under `tests/data/golden/`. After an intended format change,
//! regenerate with `HASHIYA_BLESS=1 cargo test --test export_golden` and review the diff.

mod common;

use std::path::{Path, PathBuf};

use hashiya::export::conll::ConllOptions;
use hashiya::export::files::{self, ExportFormat};
use hashiya::export::jsonl::JsonlFlavor;
use hashiya::export::offsets::OffsetUnit;
use hashiya::export::tokens::SentenceSplit;

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
    assert!(
        from_earlier.report.warnings.is_empty(),
        "{:?}",
        from_earlier.report.warnings
    );
    assert_eq!(from_earlier.documents, [common::golden_document()]);
    assert_eq!(from_current.documents, from_earlier.documents);
}

#[test]
fn jsonl_tokens_with_labels_json() {
    let folder = tempfile::tempdir().expect("temp dir");
    let document = common::golden_document();
    let path = folder.path().join("sample.tokens.jsonl");
    let report = files::write_export(
        std::slice::from_ref(&document),
        ExportFormat::Jsonl(JsonlFlavor::Tokens(SentenceSplit::Unicode), OffsetUnit::Char),
        &path,
        None,
        &files::Protected::default(),
        &mut |_, _| {},
    )
    .expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    let labels = std::fs::read_to_string(folder.path().join("labels.json")).expect("labels.json beside the file");
    check("sample.tokens.jsonl", &text);
    check("sample.labels.json", &labels);
    // The same tokens, sentences and tags as the CoNLL export, numbered by labels.json.
    let names: serde_json::Value = serde_json::from_str(&labels).expect("JSON");
    let mut from_tokens = String::new();
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let tokens = record["tokens"].as_array().expect("tokens");
        let tags = record["ner_tags"].as_array().expect("tags");
        assert_eq!(tokens.len(), tags.len());
        for (token, tag) in tokens.iter().zip(tags) {
            let id = usize::try_from(tag.as_u64().expect("integer tag")).expect("id");
            let name = names["labels"][id].as_str().expect("a named tag");
            from_tokens.push_str(token.as_str().expect("token"));
            from_tokens.push('\t');
            from_tokens.push_str(name);
            from_tokens.push('\n');
        }
        from_tokens.push('\n');
    }
    let (conll, conll_report) = files::export_string(
        std::slice::from_ref(&document),
        ExportFormat::Conll(ConllOptions::default()),
    )
    .expect("one-file format");
    assert_eq!(from_tokens, conll);
    assert_eq!(report.sentences, text.lines().count());
    assert_eq!(
        (report.tokens, report.spans, report.spans_flattened),
        (conll_report.tokens, conll_report.spans, conll_report.spans_flattened)
    );
}
