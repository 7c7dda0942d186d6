//! Python reads the exports as users will: every JSONL `text[start:end]` equals the span's
//! text, the file splits into one line per document even with `str.splitlines`, and every
//! brat T line's text equals the text at its offsets. Then the consumers users train with load
//! them (the scripts are in `tests/python/`): Hugging Face `datasets` loads and concatenates
//! every JSONL split and the token-classification export with its `labels.json`, pyarrow and
//! `datasets` load the Parquet split files (concatenated, with the JSONL's features and rows), seqeval reads
//! the spans back from the CoNLL and token tags, spaCy's converter reads a multi-document
//! CoNLL file as one Doc per document, and spaCy loads the `.spacy` export (whole and split)
//! with every span in `doc.spans["sc"]` at its char offsets and non-overlapping `doc.ents`. Outside CI a missing python3 or package skips with a
//! notice; in CI (`CI=true`, where `.ci/run` installs them) it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use hashiya::export::ExportReport;
use hashiya::export::conll::ConllOptions;
use hashiya::export::files::{self, ExportFormat};
use hashiya::export::jsonl::JsonlFlavor;
use hashiya::export::offsets::OffsetUnit;
use hashiya::export::parquet::ParquetOptions;
use hashiya::export::split::SplitSpec;
use hashiya::export::tokens::SentenceSplit;
use hashiya::model::{Document, DocumentMeta, EntityRegistry, Link, LinkId, Schema, Span, SpanId};

/// Whether `python3` can import `modules`. Without them the caller skips, except in CI, where
/// that is a failure.
fn python_with(modules: &str) -> bool {
    let works = Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|output| output.status.success());
    if !works {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "python3 with {modules} is missing; .ci/run installs it"
        );
        eprintln!("SKIPPED: python3 with {modules} is not available");
    }
    works
}

/// Runs `tests/python/NAME` with `args` and returns what it prints; fails with its stderr.
fn run_script(name: &str, args: &[&Path]) -> String {
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python");
    // The datasets cache in a fresh folder: no stale copy of an earlier run's files, no network.
    let cache = tempfile::tempdir().expect("temp dir");
    let output = Command::new("python3")
        .arg(scripts.join(name))
        .args(args)
        .env("PYTHONPATH", &scripts)
        .env("HF_HOME", cache.path())
        .env("HF_DATASETS_CACHE", cache.path().join("datasets"))
        .env("HF_HUB_OFFLINE", "1")
        .env("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{name} failed:\n{stderr}");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Writes `documents` in `format` to `destination` (split into parts of one document each,
/// named `names`, when given).
fn export(documents: &[Document], format: ExportFormat, destination: &Path, names: Option<&[&str]>) -> ExportReport {
    export_with(documents, &EntityRegistry::default(), format, destination, names)
}

/// [`export`] with an entity registry.
fn export_with(
    documents: &[Document],
    entities: &EntityRegistry,
    format: ExportFormat,
    destination: &Path,
    names: Option<&[&str]>,
) -> ExportReport {
    let spec = names.map(|names| {
        let share = 1.0 / names.len() as f64;
        let text: Vec<String> = names.iter().map(|n| format!("{n}={share}")).collect();
        text.join(",").parse::<SplitSpec>().expect("split")
    });
    files::write_export_with_entities(
        documents,
        entities,
        format,
        destination,
        spec.as_ref().map(|s| (s, 7)),
        &files::Protected::default(),
        &mut |_, _| {},
    )
    .expect("export")
}

const CHECK: &str = r#"
import json, os, sys
folder = sys.argv[1]
checked = 0
def lines(name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        content = f.read()
    assert content.endswith("\n")
    assert len(content.splitlines()) == len(content.split("\n")) - 1, "a line separator inside a line"
    return [json.loads(line) for line in content.splitlines()]
for doc in lines("hashiya.jsonl"):
    text = doc["text"]
    ids = {span["id"] for span in doc["spans"]}
    for span in doc["spans"]:
        assert text[span["start"]:span["end"]] == span["text"], (span, text[span["start"]:span["end"]])
        checked += 1
    for relation in doc["relations"]:
        assert relation["head"] in ids and relation["child"] in ids, relation
for doc in lines("doccano.jsonl"):
    for start, end, label in doc["label"]:
        assert 0 <= start < end <= len(doc["text"])
for doc in lines("relations.jsonl"):
    ids = {e["id"] for e in doc["entities"]}
    for e in doc["entities"]:
        assert 0 <= e["start_offset"] < e["end_offset"] <= len(doc["text"])
    for r in doc["relations"]:
        assert r["from_id"] in ids and r["to_id"] in ids
brat = os.path.join(folder, "brat")
for name in sorted(os.listdir(brat)):
    if not name.endswith(".ann"):
        continue
    with open(os.path.join(brat, name[:-4] + ".txt"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(brat, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.startswith("T"):
                continue
            ident, data, tail = line.split("\t", 2)
            kind, ranges = data.split(" ", 1)
            fragments = [tuple(int(n) for n in r.split()) for r in ranges.split(";")]
            assert " ".join(text[s:e] for s, e in fragments) == tail, (ident, tail)
            checked += 1
# UTF-16 offsets slice the UTF-16 encoding (as JavaScript's String.slice does) to the text
# that the char offsets slice the str to.
for chars, units in zip(lines("doccano.jsonl"), lines("doccano-utf16.jsonl")):
    text = chars["text"]
    encoded = text.encode("utf-16-le")
    assert units["text"] == text
    for (cs, ce, label), (us, ue, label16) in zip(chars["label"], units["label"]):
        assert label == label16
        assert encoded[2 * us:2 * ue].decode("utf-16-le") == text[cs:ce], (cs, ce, us, ue)
        checked += 1
documents = len(lines("hashiya.jsonl"))
with open(os.path.join(folder, "all.conll"), encoding="utf-8") as f:
    content = f.read()
for line in content.split("\n"):
    assert line in ("", "-DOCSTART- -X- O O") or (line.count("\t") == 1 and line.split("\t")[0].strip() != ""), repr(line)
# spaCy's `convert --converter ner` splits documents on this exact line.
assert len([d for d in content.strip().split("-DOCSTART- -X- O O") if d.strip()]) == documents
with open(os.path.join(folder, "layers.conll"), encoding="utf-8") as f:
    header, *body = f.read().split("\n")
columns = header.split()[2:]
assert columns[0] == "token" and len(columns) > 2, header
for line in body:
    assert line == "" or line.count("\t") == len(columns) - 1, repr(line)
assert sum(1 for line in body if line.startswith("-DOCSTART-")) == documents - 1
print(checked)
"#;

/// Emoji, a ZWJ family, a flag, combining marks and a line separator before and inside spans.
fn tricky_document() -> Document {
    let text = "👩\u{200d}👩\u{200d}👧 قال e\u{301}مُحَمَّد: «🇱🇾 نعم\u{2028}لا» 😀 x".to_owned();
    let (quote_start, quote_end) = common::find(&text, "«🇱🇾 نعم\u{2028}لا»", 0);
    let (actor_start, actor_end) = common::find(&text, "e\u{301}مُحَمَّد", 0);
    let spans = vec![
        Span::new(SpanId(1), "Actor", actor_start, actor_end),
        Span::new(SpanId(2), "Quote", quote_start, quote_end),
        Span::new(SpanId(3), "Agreed action", 0, 5),
    ];
    let link = Link {
        id: LinkId(1),
        kind: "speaker".into(),
        from: SpanId(2),
        to: SpanId(1),
    };
    let meta = DocumentMeta {
        source_name: "tricky.txt".into(),
        ..DocumentMeta::default()
    };
    Document::from_parts(text, Schema::default_schema(), meta, spans, vec![link])
}

#[test]
fn python_slices_every_exported_span() {
    if !python_with("json") {
        return;
    }
    let documents = [common::golden_document(), tricky_document()];
    let folder = tempfile::tempdir().expect("temp dir");
    for (format, name) in [
        (
            ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
            "hashiya.jsonl",
        ),
        (
            ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Char),
            "doccano.jsonl",
        ),
        (
            ExportFormat::Jsonl(JsonlFlavor::DoccanoRelations, OffsetUnit::Char),
            "relations.jsonl",
        ),
        (
            ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Utf16),
            "doccano-utf16.jsonl",
        ),
        (ExportFormat::Conll(ConllOptions::default()), "all.conll"),
        (
            ExportFormat::Conll(ConllOptions {
                layers: true,
                ..ConllOptions::default()
            }),
            "layers.conll",
        ),
        (ExportFormat::Brat, "brat"),
    ] {
        files::write_export(
            &documents,
            format,
            &folder.path().join(name),
            None,
            &files::Protected::default(),
            &mut |_, _| {},
        )
        .expect("export");
    }
    let output = Command::new("python3")
        .arg("-c")
        .arg(CHECK)
        .arg(folder.path())
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "python check failed:\n{stderr}");
    let checked: usize = String::from_utf8_lossy(&output.stdout).trim().parse().expect("count");
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    // Every span checked three times: in JSONL, in brat, and in UTF-16 against chars.
    assert_eq!(checked, 3 * spans);
    eprintln!("python3 checked {checked} span slices");
}

/// A document whose spans have no attributes or notes, and no links.
fn plain_document() -> Document {
    let text = "قال الفريق أول الناظوري إنهم اتفقوا.\nثم غادر الوفد";
    let (start, end) = common::find(text, "الفريق أول الناظوري", 0);
    let (action_start, action_end) = common::find(text, "اتفقوا", 0);
    let meta = DocumentMeta {
        source_name: "plain.txt".into(),
        ..DocumentMeta::default()
    };
    let spans = vec![
        Span::new(SpanId(1), "Actor", start, end),
        Span::new(SpanId(2), "Agreed action", action_start, action_end),
    ];
    Document::from_parts(text.into(), Schema::default_schema(), meta, spans, Vec::new())
}

/// A document without spans (annotated: nothing to mark).
fn empty_document() -> Document {
    let meta = DocumentMeta {
        source_name: "nothing.txt".into(),
        ..DocumentMeta::default()
    };
    Document::from_parts(
        "لا شيء هنا.".into(),
        Schema::default_schema(),
        meta,
        Vec::new(),
        Vec::new(),
    )
}

/// The documents of the consumer checks, and the Hashiya JSONL of them (what the scripts
/// compare the other formats with).
fn documents_with_truth(folder: &Path) -> (Vec<Document>, PathBuf) {
    let documents = vec![
        common::golden_document(),
        tricky_document(),
        plain_document(),
        empty_document(),
    ];
    let truth = folder.join("truth.jsonl");
    export(
        &documents,
        ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
        &truth,
        None,
    );
    (documents, truth)
}

const SPLITS: [&str; 4] = ["train", "dev", "test", "extra"];

#[test]
fn datasets_loads_and_concatenates_every_jsonl_split() {
    if !python_with("datasets") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut documents, _) = documents_with_truth(folder.path());
    // A document per split: one with links, attributes, notes and entities, ones with none of
    // them, one without spans; each split's file alone would give a different schema if keys
    // were left out when empty.
    let (registry, with_entities) = common::with_sample_entities(&documents[0]);
    documents[0] = with_entities;
    let out = folder.path().join("hashiya");
    let report = export_with(
        &documents,
        &registry,
        ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
        &out,
        Some(&SPLITS),
    );
    assert!(report.splits.iter().all(|(_, n)| *n == 1), "{:?}", report.splits);
    let checked = run_script("datasets_check.py", &[&out, Path::new(&SPLITS.join(","))]);
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    assert_eq!(checked, spans.to_string());
}

#[test]
fn pyarrow_and_datasets_load_the_parquet_splits_like_the_jsonl_ones() {
    if !python_with("datasets, pyarrow") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let (mut documents, _) = documents_with_truth(folder.path());
    // As for the JSONL: a document per split, one with links, attributes, notes and entities,
    // ones without, one without spans; each part alone has the one schema.
    let (registry, with_entities) = common::with_sample_entities(&documents[0]);
    documents[0] = with_entities;
    let (parquet, jsonl) = (folder.path().join("parquet"), folder.path().join("jsonl"));
    let report = export_with(
        &documents,
        &registry,
        ExportFormat::Parquet(ParquetOptions::default()),
        &parquet,
        Some(&SPLITS),
    );
    assert!(report.splits.iter().all(|(_, n)| *n == 1), "{:?}", report.splits);
    export_with(
        &documents,
        &registry,
        ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
        &jsonl,
        Some(&SPLITS),
    );
    let checked = run_script("parquet_check.py", &[&parquet, &jsonl, Path::new(&SPLITS.join(","))]);
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    assert_eq!(checked, spans.to_string());
}

#[test]
fn token_classification_and_conll_tags_give_back_their_spans() {
    if !python_with("datasets, seqeval") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let (documents, truth) = documents_with_truth(folder.path());
    let out = folder.path().join("ner");
    let report = export(
        &documents,
        ExportFormat::Jsonl(JsonlFlavor::Tokens(SentenceSplit::Unicode), OffsetUnit::Char),
        &out,
        Some(&SPLITS),
    );
    export(
        &documents,
        ExportFormat::Conll(ConllOptions::default()),
        &out.join("all.conll"),
        None,
    );
    export(
        &documents,
        ExportFormat::Conll(ConllOptions {
            layers: true,
            ..ConllOptions::default()
        }),
        &out.join("layers.conll"),
        None,
    );
    let entities = run_script("tokens_check.py", &[&out, Path::new(&SPLITS.join(",")), &truth]);
    assert_eq!(entities, report.spans.to_string());
    assert!(report.spans > 30 && report.spans_flattened > 0, "{report:?}");
}

#[test]
fn spacy_converts_a_multi_document_conll_file_into_one_doc_each() {
    if !python_with("spacy") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let (documents, truth) = documents_with_truth(folder.path());
    let conll = folder.path().join("all.conll");
    let report = export(&documents, ExportFormat::Conll(ConllOptions::default()), &conll, None);
    let converted = folder.path().join("spacy");
    std::fs::create_dir(&converted).expect("folder");
    let counts = run_script("spacy_check.py", &[&conll, &converted, &truth]);
    let last = counts.lines().last().unwrap_or_default();
    assert_eq!(last, format!("{} {}", documents.len(), report.spans), "{counts}");
}

/// Nested, crossing and same-start spans, an emoji inside a span, a word cut by a span
/// («والحداد»), spans that start on whitespace or end after it, tokens and a label that are
/// spaCy symbols («X», «PERSON», `ORG`: fixed ids, not hashes), and runs of whitespace.
fn overlapping_document() -> Document {
    let text = "أعلن 😀 الوزير X والحداد:  «نتفق على PERSON وقف النار 🕊️»\n\nثم غادر  الوفد 🇱🇾.";
    let mut spans = Vec::new();
    let mut add = |label: &str, needle: &str| {
        let (start, end) = common::find(text, needle, 0);
        spans.push(Span::new(SpanId(spans.len() as u64 + 1), label, start, end));
    };
    add("Actor", "الوزير X");
    add("Actor", "الحداد");
    add("Quote", "«نتفق على PERSON وقف النار 🕊️»");
    add("Agreed action", "وقف النار 🕊️");
    add("Agreed action", "نتفق على PERSON وقف النار");
    // Crosses the quote's end.
    add("Actor", "النار 🕊️»\n\nثم");
    add("ORG", " الوفد 🇱🇾");
    add("Actor", "غادر ");
    let mut schema = Schema::default_schema();
    schema
        .labels
        .push(hashiya::model::LabelDef::new("ORG", hashiya::model::Rgb(9, 9, 9)));
    let meta = DocumentMeta {
        source_name: "overlapping.txt".into(),
        ..DocumentMeta::default()
    };
    Document::from_parts(text.to_owned(), schema, meta, spans, Vec::new())
}

#[test]
fn spacy_loads_the_docbin_with_every_span_and_non_overlapping_entities() {
    if !python_with("spacy") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let (registry, sample) = common::with_sample_entities(&common::golden_document());
    let documents = vec![
        sample,
        overlapping_document(),
        tricky_document(),
        plain_document(),
        empty_document(),
    ];
    let truth = folder.path().join("truth.jsonl");
    export_with(
        &documents,
        &registry,
        ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
        &truth,
        None,
    );
    let docbin = folder.path().join("all.spacy");
    let report = export(&documents, ExportFormat::Spacy, &docbin, None);
    let split = folder.path().join("split");
    let parts = ["train", "dev", "test", "extra", "more"];
    let split_report = export(&documents, ExportFormat::Spacy, &split, Some(&parts));
    assert!(
        split_report.splits.iter().all(|(_, n)| *n == 1),
        "{:?}",
        split_report.splits
    );
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    assert_eq!((report.spans, report.spans_lost), (spans, 0), "{report:?}");
    let counts = run_script(
        "docbin_check.py",
        &[&docbin, &truth, &split, Path::new(&parts.join(","))],
    );
    assert_eq!(counts, format!("{} {spans}", documents.len()));
}
