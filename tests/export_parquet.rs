//! The Parquet export read back with the parquet crate's own reader: a row per document, the
//! columns of the Hashiya JSONL with their values (every row equals the document's JSONL
//! record), span offsets that slice the span's text (chars, or UTF-16 units with
//! `--offsets utf16`), suggestions when asked, and a split written as one file per part with
//! the dataset card.

mod common;

use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use hashiya::app::DocumentSession;
use hashiya::export::ExportReport;
use hashiya::export::files::{self, ExportFormat};
use hashiya::export::jsonl::JsonlFlavor;
use hashiya::export::offsets::OffsetUnit;
use hashiya::export::parquet::ParquetOptions;
use hashiya::export::split::SplitSpec;
use hashiya::model::{
    Command, Document, DocumentMeta, EntityRegistry, Schema, Span, SpanId, SuggestedLink, SuggestedSpan, SuggestionEnd,
    SuggestionId, SuggestionSource,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

fn write(
    documents: &[Document],
    registry: &EntityRegistry,
    format: ExportFormat,
    destination: &Path,
    split: Option<&SplitSpec>,
) -> ExportReport {
    files::write_export_with_entities(
        documents,
        registry,
        format,
        destination,
        split.map(|s| (s, 3)),
        &files::Protected::default(),
        &mut |_, _| {},
    )
    .expect("export")
}

fn parquet(offsets: OffsetUnit, suggestions: bool) -> ExportFormat {
    ExportFormat::Parquet(ParquetOptions { offsets, suggestions })
}

fn jsonl(offsets: OffsetUnit, suggestions: bool) -> ExportFormat {
    let flavor = if suggestions {
        JsonlFlavor::HashiyaWithSuggestions
    } else {
        JsonlFlavor::Hashiya
    };
    ExportFormat::Jsonl(flavor, offsets)
}

/// Every record batch of a Parquet file, read with the parquet crate's Arrow reader.
fn read(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).expect("the file exists");
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a Parquet file")
        .build()
        .expect("a reader");
    reader.collect::<Result<Vec<_>, _>>().expect("every batch reads")
}

/// The value at `row` of an Arrow column as JSON (floats as the f32 they are).
fn value(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(row)),
        DataType::Int64 => Value::from(array.as_primitive::<Int64Type>().value(row)),
        DataType::Boolean => Value::from(array.as_boolean().value(row)),
        DataType::Float32 => Value::from(f64::from(array.as_primitive::<Float32Type>().value(row))),
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(row);
            Value::Array((0..items.len()).map(|i| value(&items, i)).collect())
        }
        DataType::Struct(fields) => {
            let columns = array.as_struct().columns();
            Value::Object(
                fields
                    .iter()
                    .zip(columns)
                    .map(|(field, column)| (field.name().clone(), value(column, row)))
                    .collect(),
            )
        }
        other => panic!("a column of type {other} is no part of the schema"),
    }
}

/// The rows of a Parquet file as JSON objects.
fn rows(path: &Path) -> Vec<Value> {
    let mut rows = Vec::new();
    for batch in read(path) {
        let schema = batch.schema();
        for row in 0..batch.num_rows() {
            rows.push(Value::Object(
                schema
                    .fields()
                    .iter()
                    .zip(batch.columns())
                    .map(|(field, column)| (field.name().clone(), value(column, row)))
                    .collect(),
            ));
        }
    }
    rows
}

/// A JSONL file's records, floats rounded to f32 as Parquet stores them.
fn records(path: &Path) -> Vec<Value> {
    fn as_f32(value: Value) -> Value {
        match value {
            Value::Number(n) if !n.is_i64() && !n.is_u64() => {
                Value::from(f64::from(n.as_f64().expect("a float") as f32))
            }
            Value::Array(items) => Value::Array(items.into_iter().map(as_f32).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, as_f32(v))).collect()),
            other => other,
        }
    }
    std::fs::read_to_string(path)
        .expect("reads")
        .lines()
        .map(|line| as_f32(serde_json::from_str(line).expect("JSON")))
        .collect()
}

/// Column names and their Arrow types, top level.
fn columns(path: &Path) -> Vec<(String, String)> {
    // From the file's footer: an empty part has no batch, but its schema.
    let file = std::fs::File::open(path).expect("the file exists");
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
    reader
        .schema()
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().to_string()))
        .collect()
}

/// The sample with its entities, and a document with an emoji before a span (where chars
/// and UTF-16 units differ), a note and a span without anything.
fn documents() -> (EntityRegistry, Vec<Document>) {
    let (registry, sample) = common::with_sample_entities(&common::golden_document());
    let text = "😀 قال الفريق «نعم» 🇱🇾 x";
    let (actor_start, actor_end) = common::find(text, "الفريق", 0);
    let (quote_start, quote_end) = common::find(text, "«نعم» 🇱🇾", 0);
    let mut quote = Span::new(SpanId(2), "Quote", quote_start, quote_end);
    quote.note = Some("a note".into());
    let meta = DocumentMeta {
        source_name: "emoji.txt".into(),
        ..DocumentMeta::default()
    };
    let emoji = Document::from_parts(
        text.into(),
        Schema::default_schema(),
        meta,
        vec![Span::new(SpanId(1), "Actor", actor_start, actor_end), quote],
        Vec::new(),
    );
    (registry, vec![sample, emoji])
}

#[test]
fn the_sample_reads_back_with_the_jsonl_columns_and_values() {
    let (registry, documents) = documents();
    let folder = tempfile::tempdir().expect("temp dir");
    let (file, truth) = (folder.path().join("all.parquet"), folder.path().join("all.jsonl"));
    let report = write(&documents, &registry, parquet(OffsetUnit::Char, false), &file, None);
    write(&documents, &registry, jsonl(OffsetUnit::Char, false), &truth, None);
    let spans: usize = documents.iter().map(|d| d.spans().len()).sum();
    assert_eq!((report.documents, report.spans), (documents.len(), spans));
    assert!(std::fs::read(&file).expect("reads").starts_with(b"PAR1"));

    let names: Vec<String> = columns(&file).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["id", "text", "spans", "relations", "entities", "meta"]);
    let rows = rows(&file);
    assert_eq!(rows.len(), documents.len());
    // Row by row, the JSONL record of the same document: same keys, same values, nulls where
    // the JSONL has null.
    let truth = records(&truth);
    for (row, record) in rows.iter().zip(&truth) {
        assert_eq!(row, record);
    }
    // Char offsets slice the span's text, as Python's text[start:end] does.
    let mut checked = 0;
    for (row, document) in rows.iter().zip(&documents) {
        let text: Vec<char> = row["text"].as_str().expect("text").chars().collect();
        let spans = row["spans"].as_array().expect("a list");
        assert_eq!(spans.len(), document.spans().len());
        for span in spans {
            let (start, end) = (
                span["start"].as_u64().expect("start"),
                span["end"].as_u64().expect("end"),
            );
            let slice: String = text[start as usize..end as usize].iter().collect();
            assert_eq!(slice, span["text"].as_str().expect("span text"));
            checked += 1;
        }
    }
    assert_eq!(checked, spans);
    assert!(
        rows.iter().any(|r| !r["entities"].as_array().expect("list").is_empty()),
        "an entity reached the file"
    );
    assert!(rows[1]["spans"][0]["note"].is_null() && rows[1]["spans"][1]["note"] == "a note");
}

#[test]
fn utf16_offsets_count_utf16_units() {
    let (registry, documents) = documents();
    let folder = tempfile::tempdir().expect("temp dir");
    let (chars, units) = (folder.path().join("c.parquet"), folder.path().join("u.parquet"));
    write(&documents, &registry, parquet(OffsetUnit::Char, false), &chars, None);
    write(&documents, &registry, parquet(OffsetUnit::Utf16, false), &units, None);
    let truth = folder.path().join("u.jsonl");
    write(&documents, &registry, jsonl(OffsetUnit::Utf16, false), &truth, None);
    let (chars, units) = (rows(&chars), rows(&units));
    assert_eq!(units, records(&truth));
    let mut differ = 0;
    for (row, unit_row) in chars.iter().zip(&units) {
        let text = row["text"].as_str().expect("text");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (span, unit_span) in row["spans"]
            .as_array()
            .expect("list")
            .iter()
            .zip(unit_row["spans"].as_array().expect("list"))
        {
            let (start, end) = (
                unit_span["start"].as_u64().expect("start") as usize,
                unit_span["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                String::from_utf16(&utf16[start..end]).expect("whole chars"),
                span["text"].as_str().expect("text")
            );
            differ += usize::from(span["start"] != unit_span["start"]);
        }
    }
    assert!(differ > 0, "no span after an emoji: the test proves nothing");
}

#[test]
fn suggestions_get_their_columns_when_asked() {
    let (registry, mut documents) = documents();
    let mut session = DocumentSession::in_memory("emoji.txt".into(), documents.pop().expect("emoji"));
    let text = session.document().text().to_owned();
    let (start, end) = common::find(&text, "قال", 0);
    session
        .edit(Command::SetSuggestions {
            source: SuggestionSource::Rules,
            spans: vec![SuggestedSpan {
                id: SuggestionId(1),
                label: "Agreed action".into(),
                char_start: start,
                char_end: end,
                score: 0.7,
                source: SuggestionSource::Rules,
            }],
            links: vec![SuggestedLink {
                id: SuggestionId(2),
                kind: "speaker".into(),
                from: SuggestionEnd::Span(SpanId(2)),
                to: SuggestionEnd::Span(SpanId(1)),
                score: 0.3,
                source: SuggestionSource::Rules,
            }],
        })
        .expect("the suggestions fit");
    documents.push(session.document().clone());
    let folder = tempfile::tempdir().expect("temp dir");
    let (with, without) = (
        folder.path().join("with.parquet"),
        folder.path().join("without.parquet"),
    );
    write(&documents, &registry, parquet(OffsetUnit::Char, true), &with, None);
    write(&documents, &registry, parquet(OffsetUnit::Char, false), &without, None);
    let truth = folder.path().join("with.jsonl");
    write(&documents, &registry, jsonl(OffsetUnit::Char, true), &truth, None);
    let names: Vec<String> = columns(&with).into_iter().map(|(name, _)| name).collect();
    assert_eq!(&names[6..], ["suggestions", "suggested_relations"]);
    assert_eq!(columns(&without).len(), 6);
    let rows = rows(&with);
    assert_eq!(rows, records(&truth));
    let suggestion = &rows[1]["suggestions"][0];
    assert_eq!(
        (suggestion["start"].as_u64(), suggestion["text"].as_str()),
        (Some(start as u64), Some("قال"))
    );
    assert_eq!(
        rows[1]["suggested_relations"][0]["head"],
        serde_json::json!({"span": 2, "suggestion": null})
    );
    assert_eq!(rows[0]["suggestions"], serde_json::json!([]));
}

#[test]
fn a_split_is_a_file_per_part_with_one_schema_and_a_dataset_card() {
    let (registry, mut documents) = documents();
    documents.push(Document::from_parts(
        "لا شيء".into(),
        Schema::default_schema(),
        DocumentMeta {
            source_name: "nothing.txt".into(),
            ..DocumentMeta::default()
        },
        Vec::new(),
        Vec::new(),
    ));
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("split");
    // More parts than documents: one part is empty, and still a file with the schema.
    let spec: SplitSpec = "train=0.5,dev=0.25,test=0.25,extra=0".parse().expect("spec");
    let report = write(
        &documents,
        &registry,
        parquet(OffsetUnit::Char, false),
        &out,
        Some(&spec),
    );
    let jsonl_out = folder.path().join("jsonl");
    write(
        &documents,
        &registry,
        jsonl(OffsetUnit::Char, false),
        &jsonl_out,
        Some(&spec),
    );
    let mut total = 0;
    let schema = columns(&out.join("train.parquet"));
    for (part, count) in &report.splits {
        let path = out.join(format!("{part}.parquet"));
        assert_eq!(columns(&path), schema, "{part}");
        let rows = rows(&path);
        assert_eq!(rows.len(), *count, "{part}");
        // The same documents in the same part as the JSONL split.
        assert_eq!(rows, records(&jsonl_out.join(format!("{part}.jsonl"))), "{part}");
        total += count;
    }
    assert_eq!(total, documents.len());
    assert!(report.splits.iter().any(|(_, n)| *n == 0), "{:?}", report.splits);
    let card = std::fs::read_to_string(out.join("README.md")).expect("a dataset card");
    let jsonl_card = std::fs::read_to_string(jsonl_out.join("README.md")).expect("a dataset card");
    assert!(card.contains("    path: \"extra.parquet\"\n"), "{card}");
    // The same features as the JSONL's card.
    let features =
        |card: &str| card[card.find("dataset_info:").expect("features")..card.find("\n---\n").expect("end")].to_owned();
    assert_eq!(features(&card), features(&jsonl_card));
}

#[test]
fn the_command_line_writes_parquet_only_to_a_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for name in [
        "libya-army-leaders-meeting.ar.txt",
        "libya-army-leaders-meeting.ar.hashiya.ron",
    ] {
        std::fs::copy(samples.join(name), folder.path().join(name)).expect("copies");
    }
    let run = common::hashiya_in(
        folder.path(),
        &[
            "export",
            "--to",
            "parquet",
            "--out",
            "sample.parquet",
            "libya-army-leaders-meeting.ar.txt",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let rows = rows(&folder.path().join("sample.parquet"));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["spans"].as_array().map(Vec::len),
        Some(common::golden_document().spans().len())
    );
    let run = common::hashiya_in(
        folder.path(),
        &["export", "--to", "parquet", "libya-army-leaders-meeting.ar.txt"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--out"));
    assert!(run.stdout.is_empty());
}
