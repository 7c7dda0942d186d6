//! Python reads the exports as users will: every JSONL `text[start:end]` equals the span's
//! text, the file splits into one line per document even with `str.splitlines`, and every
//! brat T line's text equals the text at its offsets. Skipped (with a notice) without python3.

mod common;

use std::process::Command;

use hashiya::export::conll::ConllOptions;
use hashiya::export::files::{self, ExportFormat};
use hashiya::export::jsonl::JsonlFlavor;
use hashiya::export::offsets::OffsetUnit;
use hashiya::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId};

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
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 is not available");
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
