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

/// The sample with its Actors grouped into entities, and the registry.
fn sample_with_entities() -> (hashiya::model::EntityRegistry, hashiya::model::Document) {
    let (registry, document) = common::with_sample_entities(&common::golden_document());
    assert!(document.spans().iter().any(|s| s.entity.is_some()));
    (registry, document)
}

#[test]
fn jsonl_hashiya_with_entities() {
    let (registry, document) = sample_with_entities();
    let format = ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char);
    let (text, report) = files::export_string_with_entities(std::slice::from_ref(&document), &registry, format)
        .expect("one-file format");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    check("sample.entities.jsonl", &text);
    let record: serde_json::Value = serde_json::from_str(text.trim_end()).expect("one JSON line");
    // Every span says its entity (null when none), and the entities list exactly the mentions.
    let mut expected: std::collections::BTreeMap<String, Vec<u64>> = std::collections::BTreeMap::new();
    for (span, out) in document.spans().iter().zip(record["spans"].as_array().expect("spans")) {
        assert_eq!(out["id"].as_u64(), Some(span.id.0));
        match span.entity {
            Some(entity) => {
                assert_eq!(out["entity"].as_str(), Some(entity.to_string().as_str()));
                expected.entry(entity.to_string()).or_default().push(span.id.0);
            }
            None => assert!(out["entity"].is_null(), "{out}"),
        }
    }
    let entities = record["entities"].as_array().expect("entities");
    assert_eq!(entities.len(), expected.len());
    for entity in entities {
        let id = entity["id"].as_str().expect("id");
        let registered = registry.get(id.parse().expect("an id")).expect("in the registry");
        assert_eq!(entity["name"].as_str(), Some(registered.name.as_str()));
        assert_eq!(entity["type"].as_str(), Some(registered.kind.name()));
        assert_eq!(entity["country"].as_str(), registered.country.as_deref());
        assert_eq!(entity["role"].as_str(), registered.role.as_deref());
        let mentions: Vec<u64> = entity["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .filter_map(serde_json::Value::as_u64)
            .collect();
        assert_eq!(Some(&mentions), expected.get(id), "{id}");
    }
    // The same keys as a document without entities (a fixed schema), and it imports back.
    let (bare, _) = files::export_string(&[common::golden_document()], format).expect("one-file format");
    let bare: serde_json::Value = serde_json::from_str(bare.trim_end()).expect("JSON");
    let keys = |v: &serde_json::Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    assert_eq!(keys(&bare), keys(&record));
    assert_eq!(keys(&bare["spans"][0]), keys(&record["spans"][0]));
    let imported = hashiya::export::jsonl::import_str(&text, &hashiya::export::ImportOptions::new("sample"));
    assert_eq!(imported.documents, [document]);
}

/// The char range `start..end` of `text`.
fn char_slice(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    let (start, end) = (
        usize::try_from(start.as_u64().expect("start")).expect("fits"),
        usize::try_from(end.as_u64().expect("end")).expect("fits"),
    );
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn events() {
    use hashiya::model::SpanId;
    let (registry, document) = sample_with_entities();
    let (text, report) =
        files::export_string_with_entities(std::slice::from_ref(&document), &registry, ExportFormat::Events)
            .expect("one-file format");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    check("sample.events.jsonl", &text);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    let count = |label: &str| document.spans().iter().filter(|s| s.label == label).count();
    let kinds = |kind: &str| records.iter().filter(|r| r["kind"] == kind).count();
    assert_eq!(kinds("action"), count("Agreed action"));
    assert_eq!(kinds("quote"), count("Quote"));
    let party_links = document.links().iter().filter(|l| l.kind == "party").count();
    let parties: usize = records
        .iter()
        .map(|r| r["parties"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(parties, party_links);
    let mut resolved = 0;
    let keys = records[0].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>());
    for record in &records {
        // One schema for every record, and offsets that slice to the text.
        assert_eq!(record.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()), keys);
        assert_eq!(
            char_slice(document.text(), &record["char_start"], &record["char_end"]),
            record["text"].as_str().expect("text")
        );
        let span = document
            .span(SpanId(record["span"].as_u64().expect("span")))
            .expect("a span");
        assert_eq!(record["label"].as_str(), Some(span.label.as_str()));
        let mentions = record["parties"]
            .as_array()
            .expect("parties")
            .iter()
            .chain(std::iter::once(&record["speaker"]).filter(|s| !s.is_null()));
        for mention in mentions {
            assert_eq!(
                char_slice(document.text(), &mention["char_start"], &mention["char_end"]),
                mention["text"].as_str().expect("text")
            );
            let actor = document
                .span(SpanId(mention["span"].as_u64().expect("span")))
                .expect("a span");
            // A mention that has an entity resolves to it, with the registry's name and codes.
            match actor.entity {
                Some(id) => {
                    let entity = registry.get(id).expect("registered");
                    assert_eq!(mention["entity"]["id"].as_str(), Some(id.to_string().as_str()));
                    assert_eq!(mention["entity"]["name"].as_str(), Some(entity.name.as_str()));
                    assert_eq!(mention["entity"]["country"].as_str(), entity.country.as_deref());
                    assert_eq!(mention["entity"]["role"].as_str(), entity.role.as_deref());
                    resolved += 1;
                }
                None => assert!(mention["entity"].is_null(), "{mention}"),
            }
        }
        if record["kind"] == "quote" {
            let speaker = document
                .links()
                .iter()
                .find(|l| l.kind == "speaker" && l.from == span.id)
                .map(|l| l.to.0);
            assert_eq!(record["speaker"]["span"].as_u64(), speaker, "{record}");
        }
    }
    assert!(resolved > 0, "the sample's speakers and parties have entities");
    // Without the registry the ids are kept, the names are null and each id is named once.
    let (bare, report) =
        files::export_string(std::slice::from_ref(&document), ExportFormat::Events).expect("one-file format");
    assert_eq!(bare.lines().count(), records.len());
    assert!(!report.warnings.is_empty() && report.warnings.iter().all(|w| w.to_string().contains("registry")));
    let first: serde_json::Value = serde_json::from_str(bare.lines().next().expect("a line")).expect("JSON");
    assert_eq!(first.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()), keys);
}

#[test]
fn coref() {
    let (_, document) = sample_with_entities();
    let (text, report) =
        files::export_string(std::slice::from_ref(&document), ExportFormat::Coref).expect("one-file format");
    check("sample.coref.jsonl", &text);
    assert_eq!(text.lines().count(), 1);
    let record: serde_json::Value = serde_json::from_str(text.trim_end()).expect("JSON");
    assert_eq!(record["doc_key"], "libya-army-leaders-meeting.ar");
    let sentences = record["sentences"].as_array().expect("sentences");
    let tokens: Vec<&str> = sentences
        .iter()
        .flat_map(|s| {
            s.as_array()
                .expect("a sentence")
                .iter()
                .map(|t| t.as_str().expect("a token"))
        })
        .collect();
    // The tokens are the text without its whitespace, and every sentence has its speakers.
    let bare: String = document.text().chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(tokens.concat(), bare);
    let speakers = record["speakers"].as_array().expect("speakers");
    for (sentence, speaker) in sentences.iter().zip(speakers) {
        assert_eq!(sentence.as_array().map(Vec::len), speaker.as_array().map(Vec::len));
    }
    // One cluster per entity with two or more mentions, each mention's tokens its text.
    let mut expected: std::collections::BTreeMap<String, Vec<(usize, usize)>> = std::collections::BTreeMap::new();
    for span in document.spans() {
        if let Some(entity) = span.entity {
            expected
                .entry(entity.to_string())
                .or_default()
                .push((span.char_start, span.char_end));
        }
    }
    expected.retain(|_, mentions| mentions.len() > 1);
    let clusters = record["clusters"].as_array().expect("clusters");
    let entities = record["entities"].as_array().expect("entities");
    let chars = record["clusters_char"].as_array().expect("clusters_char");
    assert_eq!(clusters.len(), expected.len());
    assert_eq!(entities.len(), clusters.len());
    let mut mentions = 0;
    for ((cluster, entity), char_cluster) in clusters.iter().zip(entities).zip(chars) {
        let ranges: Vec<(usize, usize)> = char_cluster
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| {
                let at = |i: usize| usize::try_from(m[i].as_u64().expect("offset")).expect("fits");
                (at(0), at(1))
            })
            .collect();
        assert_eq!(Some(&ranges), expected.get(entity.as_str().expect("id")), "{entity}");
        for (mention, (start, end)) in cluster.as_array().expect("mentions").iter().zip(&ranges) {
            let at = |i: usize| usize::try_from(mention[i].as_u64().expect("index")).expect("fits");
            let words: String = tokens[at(0)..=at(1)].concat();
            let span_text: String = document
                .text_of(*start, *end)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert_eq!(words, span_text);
            mentions += 1;
        }
    }
    assert_eq!(report.spans, mentions);
    assert!(mentions > 0);
}

/// The `Doc` the spaCy export writes for the sample, as reviewable text: a line per token
/// (index, text, `_` when one space follows, `S` when a sentence starts, the `doc.ents` tag),
/// then a line per span of `doc.spans["sc"]` with its chars and tokens. The `.spacy` file
/// itself is binary; `tests/python_check.rs` has spaCy load it.
#[test]
fn spacy_doc() {
    use std::fmt::Write as _;

    use hashiya::export::ExportReport;
    use hashiya::export::spacy::SpacyDoc;

    let (_, document) = sample_with_entities();
    let mut report = ExportReport::default();
    let doc = SpacyDoc::new(&document, &mut report);
    let mut out = String::from("# tokens: index, text, space, sentence start, entity tag\n");
    let mut text = String::new();
    for (index, token) in doc.tokens.iter().enumerate() {
        let tag = match token.entity {
            Some((true, label)) => format!("B-{label}"),
            Some((false, label)) => format!("I-{label}"),
            None => "O".to_owned(),
        };
        let space = if token.space { "_" } else { "" };
        let start = if token.sent_start { "S" } else { "" };
        writeln!(out, "{index}\t{:?}\t{space}\t{start}\t{tag}", token.text).expect("string");
        text.push_str(token.text);
        text.push_str(space.replace('_', " ").as_str());
    }
    out.push_str("# spans: id, label, chars, tokens, entity, text\n");
    for span in &doc.spans {
        let s = span.span;
        let entity = s.entity.map(|e| e.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{}\t{}\t{}..{}\t{}..{}\t{entity}\t{:?}",
            s.id,
            s.label,
            s.char_start,
            s.char_end,
            span.token_start,
            span.token_end,
            document.text_of(s.char_start, s.char_end)
        )
        .expect("string");
    }
    // What spaCy's `doc.text` gives, and every span on its own tokens.
    assert_eq!(text, document.text());
    assert_eq!(doc.spans.len(), document.spans().len());
    for span in &doc.spans {
        let (first, last) = (doc.tokens[span.token_start], doc.tokens[span.token_end - 1]);
        assert_eq!(
            (first.char_start, last.char_end),
            (span.span.char_start, span.span.char_end)
        );
    }
    check("sample.spacy.txt", &out);
}

/// The Parquet schema of the sample's export, as the parquet crate prints a file's schema,
/// without and with the suggestions' columns: a changed column, type or nullability shows
/// here (the rows themselves equal the JSONL's, checked in `tests/export_parquet.rs`).
#[test]
fn parquet_schema() {
    use hashiya::export::parquet::ParquetOptions;
    use parquet::file::reader::FileReader;
    let folder = tempfile::tempdir().expect("temp dir");
    let mut out = String::new();
    for suggestions in [false, true] {
        let path = folder.path().join(format!("{suggestions}.parquet"));
        files::write_export(
            &[common::golden_document()],
            ExportFormat::Parquet(ParquetOptions {
                offsets: OffsetUnit::Char,
                suggestions,
            }),
            &path,
            None,
            &files::Protected::default(),
            &mut |_, _| {},
        )
        .expect("export");
        let reader =
            parquet::file::serialized_reader::SerializedFileReader::new(std::fs::File::open(&path).expect("written"))
                .expect("a Parquet file");
        let metadata = reader.metadata().file_metadata();
        assert_eq!(metadata.num_rows(), 1);
        let mut printed = Vec::new();
        parquet::schema::printer::print_schema(&mut printed, &metadata.schema_descr().root_schema_ptr());
        out += "# suggestions: ";
        out += if suggestions { "true\n" } else { "false\n" };
        out += &String::from_utf8(printed).expect("UTF-8");
    }
    check("sample.parquet-schema.txt", &out);
}
