//! Token-classification JSONL: one record per sentence, `{"id", "tokens", "ner_tags"}` with
//! integer IOB2 tags, and a `labels.json` naming them (`labels` in id order, `label2id`,
//! `id2label`): the layout of the Hugging Face token-classification examples (`conll2003`,
//! `run_ner.py`), which read the tags as a `ClassLabel` list and a model's `id2label`.
//!
//! One record per sentence rather than per document: the training scripts cut every record
//! at the model's length (512 subword tokens for BERT-like models), which a news article
//! exceeds, and sentences never end inside a span, so no entity is cut. The tokens and tags are
//! those of the one-column `CoNLL` export ([`crate::export::conll`]): the same tokenizer, the
//! outermost span owning each token, nested spans counted as flattened.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::export::conll::{layer_labels, tag_outermost};
use crate::export::names::tag_name;
use crate::export::tokens::{SentenceSplit, exported_text};
use crate::export::warning::{DataWarning, LinklessFormat};
use crate::export::{ExportReport, document_id};
use crate::model::Document;

/// The name of the file written beside a token-classification export.
pub const LABELS_FILE: &str = "labels.json";

/// The integer tags of an export: `O` is 0, then `B-` and `I-` of each label (the schemas'
/// labels in their order, then any other label a span uses), so that every file and split of
/// one export numbers its tags alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSet {
    /// Tag names in id order.
    names: Vec<String>,
    /// A label's `B-` tag id (its `I-` tag is the next).
    begin_ids: HashMap<String, usize>,
}

impl TagSet {
    /// The tags of `documents`' labels.
    #[must_use]
    pub fn for_documents<'d>(documents: impl IntoIterator<Item = &'d Document>) -> Self {
        let mut names = vec!["O".to_owned()];
        let mut begin_ids = HashMap::new();
        let mut by_tag: HashMap<String, usize> = HashMap::new();
        for label in layer_labels(documents) {
            let tag = tag_name(&label);
            // `Agreed action` and `Agreed_action` are one tag in the file, as in `CoNLL`.
            let id = *by_tag.entry(tag.clone()).or_insert_with(|| {
                names.push(format!("B-{tag}"));
                names.push(format!("I-{tag}"));
                names.len() - 2
            });
            begin_ids.insert(label, id);
        }
        Self { names, begin_ids }
    }

    /// Tag names in id order.
    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The id of a span's `B-` (`begin`) or `I-` tag.
    fn id(&self, label: &str, begin: bool) -> Option<usize> {
        self.begin_ids.get(label).map(|&id| if begin { id } else { id + 1 })
    }

    /// `labels.json`: `{"labels": [...], "label2id": {...}, "id2label": {"0": ...}}`, each in
    /// id order, ending with a line break.
    #[must_use]
    pub fn labels_json(&self) -> String {
        let file = LabelsFile {
            labels: &self.names,
            label2id: Ordered(
                self.names
                    .iter()
                    .enumerate()
                    .map(|(id, name)| (name.as_str(), id))
                    .collect(),
            ),
            id2label: Ordered(
                self.names
                    .iter()
                    .enumerate()
                    .map(|(id, name)| (id.to_string(), name.as_str()))
                    .collect(),
            ),
        };
        // Serializing strings and numbers cannot fail.
        let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
        json.push('\n');
        json
    }
}

#[derive(Serialize)]
struct LabelsFile<'a> {
    labels: &'a [String],
    label2id: Ordered<&'a str, usize>,
    /// Keys are strings, as in a transformers model's `config.json`.
    id2label: Ordered<String, &'a str>,
}

/// A JSON object whose keys keep their order (id order, not alphabetical).
struct Ordered<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Ordered<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    id: String,
    tokens: Vec<Cow<'a, str>>,
    ner_tags: Vec<usize>,
}

/// Appends one JSON line per sentence of `document` to `out`, tagged with `tags` (which must
/// hold the document's labels; a label it lacks is written `O` with a warning).
pub fn push_document(document: &Document, tags: &TagSet, sentences: SentenceSplit, out: &mut String) -> ExportReport {
    let name = &document.meta().source_name;
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    report.drop_links(document, LinklessFormat::TokenClassification);
    let tagged = tag_outermost(document, sentences, &mut report);
    let id = document_id(document);
    let mut unknown = Vec::new();
    for (index, range) in tagged.sentences().into_iter().enumerate() {
        let record = SentenceOut {
            id: format!("{id}#{index}"),
            tokens: tagged.tokens[range.clone()]
                .iter()
                .map(|t| exported_text(document.tokenization(), t))
                .collect(),
            ner_tags: range
                .map(|token| match tagged.tags_of(token).first().copied().flatten() {
                    None => 0,
                    Some((begin, label)) => tags.id(label, begin).unwrap_or_else(|| {
                        unknown.push(label);
                        0
                    }),
                })
                .collect(),
        };
        // Serializing strings and numbers cannot fail.
        out.push_str(&serde_json::to_string(&record).unwrap_or_default());
        out.push('\n');
    }
    unknown.sort_unstable();
    unknown.dedup();
    for label in unknown {
        report.warn(DataWarning::LabelNotInLabelsFile {
            document: name.to_owned(),
            label: label.to_owned(),
        });
    }
    report
}

/// Exports `documents` as token-classification JSONL with their own tag set.
#[must_use]
pub fn export_str(documents: &[Document], sentences: SentenceSplit) -> (String, TagSet, ExportReport) {
    let tags = TagSet::for_documents(documents);
    let mut out = String::new();
    let mut report = ExportReport::default();
    for document in documents {
        report.merge(push_document(document, &tags, sentences, &mut out));
    }
    (out, tags, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Link, LinkId, Schema, Span, SpanId};
    use serde_json::Value;

    fn document(text: &str, spans: &[(&str, usize, usize)]) -> Document {
        let spans = spans
            .iter()
            .zip(1..)
            .map(|(&(label, start, end), id)| Span::new(SpanId(id), label, start, end))
            .collect();
        let meta = DocumentMeta {
            source_name: "t.txt".into(),
            ..DocumentMeta::default()
        };
        Document::from_parts(text.into(), Schema::default_schema(), meta, spans, Vec::new())
    }

    #[test]
    fn one_record_per_sentence_with_integer_iob2_tags() {
        // An actor starting inside a word (after the conjunction و) and an action in the
        // second sentence; the quote inside the action is flattened.
        let doc = document(
            "قالت وستيفاني وليامز. ثم اتفقوا على الهدنة",
            &[("Actor", 6, 20), ("Agreed action", 25, 42), ("Quote", 32, 42)],
        );
        let (text, tags, report) = export_str(std::slice::from_ref(&doc), SentenceSplit::Unicode);
        let names = tags.names();
        let id = |name: &str| names.iter().position(|n| n == name).expect("tag");
        let records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["id"], "t#0");
        assert_eq!(
            records[0]["tokens"],
            serde_json::json!(["قالت", "و", "ستيفاني", "وليامز", "."])
        );
        assert_eq!(
            records[0]["ner_tags"],
            serde_json::json!([0, 0, id("B-Actor"), id("I-Actor"), 0])
        );
        assert_eq!(
            records[1]["tokens"],
            serde_json::json!(["ثم", "اتفقوا", "على", "الهدنة"])
        );
        assert_eq!(
            records[1]["ner_tags"],
            serde_json::json!([0, id("B-Agreed_action"), id("I-Agreed_action"), id("I-Agreed_action")])
        );
        assert_eq!((report.sentences, report.tokens, report.spans), (2, 9, 2));
        assert_eq!(report.spans_flattened, 1);
        let keys: Vec<Vec<&String>> = records
            .iter()
            .map(|r| r.as_object().expect("object").keys().collect())
            .collect();
        assert!(keys.iter().all(|k| k == &["id", "ner_tags", "tokens"]), "{keys:?}");
    }

    #[test]
    fn labels_json_names_every_tag_in_id_order() {
        // Labels beyond the schema's, enough for ids of two digits.
        let doc = document(
            "أ ب ج د",
            &[("Actor", 0, 1), ("Source", 2, 3), ("Place one", 4, 5), ("Time", 6, 7)],
        );
        let tags = TagSet::for_documents([&doc]);
        let labels: Value = serde_json::from_str(&tags.labels_json()).expect("JSON");
        let names: Vec<String> = doc
            .schema()
            .labels
            .iter()
            .map(|l| tag_name(&l.name))
            .chain(["Source", "Place_one", "Time"].map(str::to_owned))
            .flat_map(|l| [format!("B-{l}"), format!("I-{l}")])
            .collect();
        let mut expected = vec!["O".to_owned()];
        expected.extend(names);
        assert!(expected.len() > 10);
        assert_eq!(labels["labels"], serde_json::json!(expected));
        for (id, name) in expected.iter().enumerate() {
            assert_eq!(labels["label2id"][name], id);
            assert_eq!(labels["id2label"][id.to_string()], name.as_str());
        }
        assert_eq!(
            labels["id2label"].as_object().map(serde_json::Map::len),
            Some(expected.len())
        );
        assert_eq!(
            labels["label2id"].as_object().map(serde_json::Map::len),
            Some(expected.len())
        );
        // The keys keep id order: "10" after "9", not after "1".
        let text = tags.labels_json();
        let position = |key: &str| text.find(&format!("\"{key}\": \"")).expect("key");
        assert!(position("1") < position("2") && position("9") < position("10"));
    }

    #[test]
    fn links_are_reported_and_unknown_labels_written_as_outside() {
        let mut doc = document("أ ب", &[("Actor", 0, 1), ("Quote", 2, 3)]);
        doc = Document::from_parts(
            doc.text().to_owned(),
            doc.schema().clone(),
            doc.meta().clone(),
            doc.spans().to_vec(),
            vec![Link {
                id: LinkId(1),
                kind: "speaker".into(),
                from: SpanId(2),
                to: SpanId(1),
            }],
        );
        let other = document("x", &[("Actor", 0, 1)]);
        let mut tags = TagSet::for_documents([&other]);
        tags.begin_ids.remove("Quote");
        let mut out = String::new();
        let report = push_document(&doc, &tags, SentenceSplit::Unicode, &mut out);
        assert_eq!(report.links_dropped, 1);
        assert!(
            report.warnings.iter().any(|w| w.to_string().contains("\"Quote\"")),
            "{:?}",
            report.warnings
        );
        assert_eq!(
            out,
            format!(
                "{{\"id\":\"t#0\",\"tokens\":[\"أ\",\"ب\"],\"ner_tags\":[{},0]}}\n",
                tags.id("Actor", true).expect("actor")
            )
        );
    }
}
