//! JSONL: one document per line.
//!
//! Hashiya's flavor:
//! `{"id", "text", "spans": [{"id", "start", "end", "label", "text", "attributes": [{"name",
//! "value"}], "note", "needs_review", "entity"}], "relations": [{"id", "label", "head",
//! "child"}], "entities": [{"id", "name", "type", "country", "role", "wikidata", "mentions"}],
//! "meta": {"annotator", "status", "source"}}` — `start`/`end` are Unicode scalar offsets, so
//! Python's `text[start:end]` equals the span's `text` and spaCy's `Doc.char_span` accepts
//! them; a relation's `head` is the quote or action span id, its `child` the actor's.
//! A span's `entity` is the id of the actor entity it mentions (`null`: none); `entities`
//! lists each entity the document mentions, from the dataset's registry, with the ids of its
//! mention spans (an id the registry lacks has `null` name and type, and a warning).
//! Every record has every key with one type (`note` is `null` when absent, lists are lists
//! even when empty), so that table readers (Hugging Face `datasets`, pandas) give every file
//! and split one schema. The import also reads the earlier layout (attributes as a map,
//! `note` and `needs_review` left out when absent).
//! The doccano flavors are described in `doccano.rs`. The import reads every flavor,
//! line by line, deciding by the keys each line has.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde_json::Value;

use crate::export::assemble::{PendingDocument, PendingLink, PendingSpan};
use crate::export::doccano;
use crate::export::offsets::{OffsetConverter, OffsetUnit};
use crate::export::schema_builder::SchemaBuilder;
use crate::export::token_classification::{self, TagSet};
use crate::export::tokens::SentenceSplit;
use crate::export::warning::DataWarning;
use crate::export::{ExportReport, ImportOptions, ImportReport, Imported, document_id};
use crate::model::{Document, DocumentMeta, EntityId, EntityRegistry, Status};

/// Which JSONL layout to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JsonlFlavor {
    /// Hashiya's own: spans with text and attributes, relations, meta.
    #[default]
    Hashiya,
    /// Hashiya's own with the suggestions too (`--with-suggestions`), under `suggestions` and
    /// `suggested_relations`, apart from the annotations.
    HashiyaWithSuggestions,
    /// doccano sequence labeling: `{"id", "text", "label": [[start, end, label]]}` (no links).
    Doccano,
    /// doccano relation extraction: `{"id", "text", "entities": [...], "relations": [...]}`.
    DoccanoRelations,
    /// Token classification: a record per sentence, `{"id", "tokens", "ner_tags"}` with
    /// integer IOB2 tags named by a `labels.json` (see [`crate::export::token_classification`]);
    /// sentences end where the rule says.
    Tokens(SentenceSplit),
}

impl JsonlFlavor {
    /// Every flavor, with the name the command line uses.
    pub const ALL: [(Self, &'static str); 4] = [
        (Self::Hashiya, "hashiya"),
        (Self::Doccano, "doccano"),
        (Self::DoccanoRelations, "doccano-relations"),
        (Self::Tokens(SentenceSplit::Unicode), "tokens"),
    ];

    /// The name the command line uses.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Hashiya | Self::HashiyaWithSuggestions => "hashiya",
            Self::Doccano => "doccano",
            Self::DoccanoRelations => "doccano-relations",
            Self::Tokens(_) => "tokens",
        }
    }

    /// Whether the flavor writes char offsets (which `--offsets` changes); the token flavor
    /// has none.
    #[must_use]
    pub fn has_offsets(self) -> bool {
        !matches!(self, Self::Tokens(_))
    }
}

impl fmt::Display for JsonlFlavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for JsonlFlavor {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .find(|(_, name)| *name == text)
            .map(|(flavor, _)| *flavor)
            .ok_or_else(|| format!("unknown JSONL flavor \"{text}\" (hashiya, doccano, doccano-relations, tokens)"))
    }
}

#[derive(Serialize)]
struct LineOut<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    relations: Vec<RelationOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    meta: MetaOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<Vec<SuggestionOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggested_relations: Option<Vec<SuggestedRelationOut<'a>>>,
}

/// A suggested span (never among `spans`).
#[derive(Serialize)]
struct SuggestionOut<'a> {
    id: u64,
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    score: f32,
    source: &'a str,
}

/// A suggested relation; each end is `{"span": id, "suggestion": null}` or the other way round
/// (both keys always, so that every line has one schema).
#[derive(Serialize)]
struct SuggestedRelationOut<'a> {
    id: u64,
    label: &'a str,
    head: EndOut,
    child: EndOut,
    score: f32,
    source: &'a str,
}

#[derive(Serialize)]
struct EndOut {
    span: Option<u64>,
    suggestion: Option<u64>,
}

/// An entity the document mentions, with its mention span ids.
#[derive(Serialize)]
struct EntityOut<'a> {
    id: String,
    name: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'static str>,
    country: Option<&'a str>,
    role: Option<&'a str>,
    wikidata: Option<&'a str>,
    mentions: Vec<u64>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    id: u64,
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    attributes: Vec<AttributeOut<'a>>,
    /// Always written, `null` when the span has none: every record has the same keys.
    note: Option<&'a str>,
    needs_review: bool,
    /// The entity's id, `null` when the span names none.
    entity: Option<String>,
}

/// An attribute as a `{"name", "value"}` record: a list of these has one type whatever the
/// names, where a map would give every set of names a schema of its own.
#[derive(Serialize)]
struct AttributeOut<'a> {
    name: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct RelationOut<'a> {
    id: u64,
    label: &'a str,
    head: u64,
    child: u64,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    annotator: &'a str,
    status: &'static str,
    source: &'a str,
}

/// The name a status has in JSONL.
#[must_use]
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

fn parse_status(name: &str) -> Option<Status> {
    Status::ALL
        .into_iter()
        .find(|&s| status_name(s) == name || s.label() == name || format!("{s:?}") == name)
}

/// Exports documents, one JSON object per line (each line ends with `\n`), with char offsets.
#[must_use]
pub fn export_str(documents: &[Document], flavor: JsonlFlavor) -> (String, ExportReport) {
    export_str_in(documents, flavor, OffsetUnit::Char)
}

/// Exports documents, one JSON object per line, with offsets in `unit`.
#[must_use]
pub fn export_str_in(documents: &[Document], flavor: JsonlFlavor, unit: OffsetUnit) -> (String, ExportReport) {
    if let JsonlFlavor::Tokens(sentences) = flavor {
        let (out, _, report) = token_classification::export_str(documents, sentences);
        return (out, report);
    }
    let mut out = String::with_capacity(documents.iter().map(|d| d.text().len() * 2).sum());
    let mut report = ExportReport::default();
    for document in documents {
        let (line, one) = export_line(document, flavor, unit);
        out.push_str(&line);
        out.push('\n');
        report.merge(one);
    }
    (out, report)
}

/// One document as one JSON line (without the line end), with offsets in `unit`; in the
/// token flavor, a line per sentence (without the last line end), tagged with the document's
/// own labels. Entities are named by id only ([`export_line_with`] adds the registry's).
#[must_use]
pub fn export_line(document: &Document, flavor: JsonlFlavor, unit: OffsetUnit) -> (String, ExportReport) {
    export_line_with(document, flavor, unit, &EntityRegistry::default())
}

/// [`export_line`] with the dataset's entity registry, whose names and codes the Hashiya
/// flavor's `entities` carry.
#[must_use]
pub fn export_line_with(
    document: &Document,
    flavor: JsonlFlavor,
    unit: OffsetUnit,
    registry: &EntityRegistry,
) -> (String, ExportReport) {
    let offsets = OffsetConverter::new(document.text(), unit);
    let mut report = one_document_report(document);
    let json = match flavor {
        JsonlFlavor::Hashiya | JsonlFlavor::HashiyaWithSuggestions => serde_json::to_string(&hashiya_record(
            document,
            flavor == JsonlFlavor::HashiyaWithSuggestions,
            &offsets,
            registry,
            &mut report,
        )),
        JsonlFlavor::Doccano => {
            if !document.links().is_empty() {
                report.links_dropped = document.links().len();
                report.links = 0;
                report.warn(DataWarning::DoccanoNoLinks {
                    document: document.meta().source_name.clone(),
                    count: document.links().len(),
                });
            }
            serde_json::to_string(&doccano::label_line(document, &offsets))
        }
        JsonlFlavor::DoccanoRelations => serde_json::to_string(&doccano::relations_line(document, &offsets)),
        JsonlFlavor::Tokens(sentences) => {
            let mut out = String::new();
            let one =
                token_classification::push_document(document, &TagSet::for_documents([document]), sentences, &mut out);
            out.pop();
            return (out, one);
        }
    };
    // Serializing borrowed strings and numbers cannot fail; an empty line would be reported
    // by any reader, and the fallback never happens in practice.
    let json = json.unwrap_or_default();
    (escape_line_separators(json), report)
}

/// A document as a record of Hashiya's flavor (with its suggestions when `suggestions`), as a
/// JSON value: what the Parquet export writes as a row (see
/// [`crate::export::record_schema`]). Counts and warnings as [`export_line_with`]'s.
#[must_use]
#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
pub(crate) fn hashiya_value(
    document: &Document,
    suggestions: bool,
    unit: OffsetUnit,
    registry: &EntityRegistry,
) -> (Value, ExportReport) {
    let offsets = OffsetConverter::new(document.text(), unit);
    let mut report = one_document_report(document);
    let record = hashiya_record(document, suggestions, &offsets, registry, &mut report);
    // Strings, numbers and options of them always convert.
    (serde_json::to_value(&record).unwrap_or_default(), report)
}

/// The counts of one document's line, before any warning.
fn one_document_report(document: &Document) -> ExportReport {
    ExportReport {
        documents: 1,
        spans: document.spans().len(),
        links: document.links().len(),
        ..ExportReport::default()
    }
}

/// A document's record of Hashiya's flavor; warns of entities the registry lacks.
fn hashiya_record<'d>(
    document: &'d Document,
    suggestions: bool,
    offsets: &OffsetConverter,
    registry: &'d EntityRegistry,
    report: &mut ExportReport,
) -> LineOut<'d> {
    let mut line = hashiya_line(document, offsets, registry);
    if suggestions {
        add_suggestions(&mut line, document, offsets);
    }
    for entity in line.entities.iter().filter(|e| e.name.is_none()) {
        report.warn(DataWarning::UnknownEntity {
            document: document.meta().source_name.clone(),
            id: entity.id.clone(),
        });
    }
    line
}

fn hashiya_line<'d>(document: &'d Document, offsets: &OffsetConverter, registry: &'d EntityRegistry) -> LineOut<'d> {
    let meta = document.meta();
    let mut mentions: BTreeMap<EntityId, Vec<u64>> = BTreeMap::new();
    for span in document.spans() {
        if let Some(entity) = span.entity {
            mentions.entry(entity).or_default().push(span.id.0);
        }
    }
    let entities = mentions
        .into_iter()
        .map(|(id, mut mentions)| {
            mentions.sort_unstable();
            let entity = registry.get(id);
            EntityOut {
                id: id.to_string(),
                name: entity.map(|e| e.name.as_str()),
                kind: entity.map(|e| e.kind.name()),
                country: entity.and_then(|e| e.country.as_deref()),
                role: entity.and_then(|e| e.role.as_deref()),
                wikidata: entity.and_then(|e| e.wikidata.as_deref()),
                mentions,
            }
        })
        .collect();
    LineOut {
        id: document_id(document),
        text: document.text(),
        spans: document
            .spans()
            .iter()
            .map(|span| SpanOut {
                id: span.id.0,
                start: offsets.convert(span.char_start),
                end: offsets.convert(span.char_end),
                label: &span.label,
                text: document.span_text(span),
                attributes: span
                    .attributes
                    .iter()
                    .map(|(name, value)| AttributeOut { name, value })
                    .collect(),
                note: span.note.as_deref(),
                needs_review: span.needs_review,
                entity: span.entity.map(|e| e.to_string()),
            })
            .collect(),
        relations: document
            .links()
            .iter()
            .map(|link| RelationOut {
                id: link.id.0,
                label: &link.kind,
                head: link.from.0,
                child: link.to.0,
            })
            .collect(),
        entities,
        meta: MetaOut {
            annotator: &meta.annotator,
            status: status_name(meta.status),
            source: &meta.source_name,
        },
        suggestions: None,
        suggested_relations: None,
    }
}

/// The suggestions of `--with-suggestions`, in their own keys.
fn add_suggestions<'d>(line: &mut LineOut<'d>, document: &'d Document, offsets: &OffsetConverter) {
    use crate::model::SuggestionEnd;
    let suggestions = document.suggestions();
    line.suggestions = Some(
        suggestions
            .spans()
            .iter()
            .map(|s| SuggestionOut {
                id: s.id.0,
                start: offsets.convert(s.char_start),
                end: offsets.convert(s.char_end),
                label: &s.label,
                text: document.text_of(s.char_start, s.char_end),
                score: s.score,
                source: s.source.name(),
            })
            .collect(),
    );
    let end = |end: SuggestionEnd| match end {
        SuggestionEnd::Span(id) => EndOut {
            span: Some(id.0),
            suggestion: None,
        },
        SuggestionEnd::Suggested(id) => EndOut {
            span: None,
            suggestion: Some(id.0),
        },
    };
    line.suggested_relations = Some(
        suggestions
            .links()
            .iter()
            .map(|l| SuggestedRelationOut {
                id: l.id.0,
                label: &l.kind,
                head: end(l.from),
                child: end(l.to),
                score: l.score,
                source: l.source.name(),
            })
            .collect(),
    );
}

/// JSON allows U+0085, U+2028 and U+2029 raw inside strings, but Python's `str.splitlines`
/// ends lines there and would cut a JSONL line in two: write them escaped. Outside strings
/// JSON is ASCII, so the replacement only touches string contents.
pub(crate) fn escape_line_separators(json: String) -> String {
    if !json.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return json;
    }
    json.replace('\u{85}', "\\u0085")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Imports JSONL of any flavor. Never fails: a line that is not a JSON object with a
/// `text` is skipped with a warning naming it.
#[must_use]
pub fn import_str(input: &str, options: &ImportOptions) -> Imported {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut builder = SchemaBuilder::new(options);
    let mut report = ImportReport::default();
    let mut pending = Vec::new();
    for (index, line) in input.split('\n').enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(error) => {
                report.warn(
                    Some(number),
                    DataWarning::NotJson {
                        error: error.to_string(),
                    },
                );
                continue;
            }
        };
        let Some(text) = value.get("text").and_then(Value::as_str) else {
            report.warn(Some(number), DataWarning::NoText);
            continue;
        };
        let mut document = PendingDocument {
            text: text.to_owned(),
            meta: meta_of(&value, number, options, &mut report),
            ..PendingDocument::default()
        };
        let mut line_report = LineReader {
            number,
            builder: &mut builder,
            report: &mut report,
        };
        if value.get("spans").is_some() {
            line_report.hashiya(&value, &mut document);
        } else {
            doccano::read_line(&value, &mut document, &mut line_report);
        }
        pending.push(document);
    }
    builder.define_attributes(&pending, &mut report);
    let schema = builder.finish(&mut report);
    let documents = pending.into_iter().map(|p| p.build(&schema, &mut report)).collect();
    Imported { documents, report }
}

fn meta_of(value: &Value, number: usize, options: &ImportOptions, report: &mut ImportReport) -> DocumentMeta {
    let meta = value.get("meta");
    let field = |name: &str| meta.and_then(|m| m.get(name)).and_then(Value::as_str);
    let id = match value.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(id)) => Some(id.to_string()),
        _ => None,
    };
    let source_name = field("source")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .or_else(|| {
            id.map(|id| {
                let has_txt = std::path::Path::new(&id)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
                if has_txt { id } else { format!("{id}.txt") }
            })
        })
        .unwrap_or_else(|| format!("{}-{number}.txt", options.name));
    let status = match field("status") {
        None => options.status,
        Some(name) => parse_status(name).unwrap_or_else(|| {
            report.warn(
                Some(number),
                DataWarning::UnknownStatus {
                    name: name.to_owned(),
                    fallback: options.status,
                },
            );
            options.status
        }),
    };
    DocumentMeta {
        source_name,
        annotator: field("annotator").map_or_else(|| options.annotator.clone(), str::to_owned),
        status,
    }
}

/// Reads the annotations of one line; shared with the doccano reader.
pub(crate) struct LineReader<'a, 'o> {
    pub(crate) number: usize,
    pub(crate) builder: &'a mut SchemaBuilder<'o>,
    pub(crate) report: &'a mut ImportReport,
}

impl LineReader<'_, '_> {
    pub(crate) fn warn(&mut self, warning: DataWarning) {
        self.report.warn(Some(self.number), warning);
    }

    fn hashiya(&mut self, value: &Value, document: &mut PendingDocument) {
        for (index, span) in items(value, "spans", self).iter().enumerate() {
            let (Some(start), Some(end), Some(label)) = (
                offset(span.get("start")),
                offset(span.get("end")),
                span.get("label").and_then(Value::as_str),
            ) else {
                self.warn(DataWarning::SpanFields { index });
                continue;
            };
            let (key, id) = id_of(span.get("id"), 'T', index);
            let attributes = self.attributes(span.get("attributes"), index);
            document.spans.push(PendingSpan {
                key,
                id,
                label: self.builder.label(label),
                char_start: start,
                char_end: end,
                attributes,
                note: span.get("note").and_then(Value::as_str).map(str::to_owned),
                needs_review: span.get("needs_review").and_then(Value::as_bool).unwrap_or(false),
                entity: self.entity(span.get("entity"), index),
                text: span.get("text").and_then(Value::as_str).map(str::to_owned),
                line: Some(self.number),
            });
        }
        let labels = document.labels_by_key();
        let mut links = Vec::new();
        for (index, relation) in items(value, "relations", self).iter().enumerate() {
            let (Some(kind), Some(head), Some(child)) = (
                relation.get("label").and_then(Value::as_str),
                relation.get("head"),
                relation.get("child"),
            ) else {
                self.warn(DataWarning::RelationFields { index });
                continue;
            };
            let (_, id) = id_of(relation.get("id"), 'R', index);
            let (from, to) = (id_of(Some(head), 'T', 0).0, id_of(Some(child), 'T', 0).0);
            links.push(self.link(&labels, kind, id, from, to));
        }
        document.links.extend(links);
    }

    /// A span's attributes: a list of `{"name", "value"}` (the layout written), or a map from
    /// name to value (the layout before every record had one schema).
    fn attributes(&mut self, value: Option<&Value>, index: usize) -> BTreeMap<String, String> {
        let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
        match value {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), text(v))).collect(),
            Some(Value::Array(items)) => {
                let mut attributes = BTreeMap::new();
                for item in items {
                    match (item.get("name").and_then(Value::as_str), item.get("value")) {
                        (Some(name), Some(value)) if !value.is_null() => {
                            attributes.insert(name.to_owned(), text(value));
                        }
                        _ => self.warn(DataWarning::AttributeItem {
                            index,
                            item: item.to_string(),
                        }),
                    }
                }
                attributes
            }
            Some(other) => {
                self.warn(DataWarning::AttributesNotList {
                    index,
                    value: other.to_string(),
                });
                BTreeMap::new()
            }
        }
    }

    /// A span's entity id: `"E3"`, or `null`/absent for none; anything else is left out with
    /// a warning.
    fn entity(&mut self, value: Option<&Value>, index: usize) -> Option<EntityId> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => match id.parse() {
                Ok(id) => Some(id),
                Err(crate::model::BadEntityId(text)) => {
                    self.warn(DataWarning::BadEntityId { index, text });
                    None
                }
            },
            Some(other) => {
                self.warn(DataWarning::EntityNotId {
                    index,
                    value: other.to_string(),
                });
                None
            }
        }
    }

    /// A link whose kind is resolved with the labels of its ends.
    pub(crate) fn link(
        &mut self,
        labels: &HashMap<&str, &str>,
        kind: &str,
        id: Option<u64>,
        from: String,
        to: String,
    ) -> PendingLink {
        let kind = match (labels.get(from.as_str()), labels.get(to.as_str())) {
            (Some(head), Some(child)) => self.builder.relation(kind, head, child),
            // The link refers to a missing span and is left out when the document is built.
            _ => kind.to_owned(),
        };
        PendingLink {
            id,
            kind,
            from,
            to,
            line: Some(self.number),
            ..PendingLink::default()
        }
    }
}

/// The array under `key` (absent: empty; not an array: a warning).
pub(crate) fn items<'v>(value: &'v Value, key: &str, reader: &mut LineReader<'_, '_>) -> &'v [Value] {
    match value.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(_) => {
            reader.warn(DataWarning::NotAList { key: key.to_owned() });
            &[]
        }
    }
}

/// A non-negative integer offset.
pub(crate) fn offset(value: Option<&Value>) -> Option<usize> {
    value.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok())
}

/// An id as written (number or string like `T12`): its key for references, and its number
/// when it has one. Missing ids get a key from the item's position.
pub(crate) fn id_of(value: Option<&Value>, prefix: char, index: usize) -> (String, Option<u64>) {
    match value {
        Some(Value::Number(n)) => (n.to_string(), n.as_u64()),
        Some(Value::String(s)) => {
            let number = s.strip_prefix(prefix).unwrap_or(s).parse().ok();
            (number.map_or_else(|| s.clone(), |n: u64| n.to_string()), number)
        }
        _ => (format!("#{index}"), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkId, Schema, Span, SpanId};

    pub(crate) fn sample() -> Document {
        let text = "قال 😀 الفريق محمد: «نعم»\u{2028}";
        let mut actor = Span::new(SpanId(1), "Actor", 6, 17);
        actor.attributes.insert("type".into(), "person".into());
        let mut quote = Span::new(SpanId(2), "Quote", 19, 24);
        quote.note = Some("a \"short\" one".into());
        let meta = DocumentMeta {
            source_name: "a.txt".into(),
            annotator: "Salma".into(),
            status: Status::Done,
        };
        let link = Link {
            id: LinkId(1),
            kind: "speaker".into(),
            from: SpanId(2),
            to: SpanId(1),
        };
        Document::from_parts(
            text.into(),
            Schema::default_schema(),
            meta,
            vec![actor, quote],
            vec![link],
        )
    }

    #[test]
    fn hashiya_line_layout() {
        let (text, report) = export_str(&[sample()], JsonlFlavor::Hashiya);
        assert_eq!(
            text,
            concat!(
                r#"{"id":"a","text":"قال 😀 الفريق محمد: «نعم»\u2028","#,
                r#""spans":[{"id":1,"start":6,"end":17,"label":"Actor","text":"الفريق محمد","#,
                r#""attributes":[{"name":"type","value":"person"}],"note":null,"needs_review":false,"entity":null},"#,
                r#"{"id":2,"start":19,"end":24,"label":"Quote","text":"«نعم»","attributes":[],"#,
                r#""note":"a \"short\" one","needs_review":false,"entity":null}],"#,
                r#""relations":[{"id":1,"label":"speaker","head":2,"child":1}],"entities":[],"#,
                r#""meta":{"annotator":"Salma","status":"done","source":"a.txt"}}"#,
                "\n"
            )
        );
        assert_eq!((report.documents, report.spans, report.links), (1, 2, 1));
    }

    #[test]
    fn every_flavor_round_trips_what_it_holds() {
        let original = sample();
        let options = ImportOptions::new("x");
        let (text, _) = export_str(std::slice::from_ref(&original), JsonlFlavor::Hashiya);
        let imported = import_str(&text, &options);
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        assert_eq!(imported.documents, std::slice::from_ref(&original));
        let (text, report) = export_str(std::slice::from_ref(&original), JsonlFlavor::DoccanoRelations);
        assert_eq!(report.links_dropped, 0);
        let doc = &import_str(&text, &options).documents[0];
        assert_eq!(
            (doc.text(), doc.links(), doc.meta().source_name.as_str()),
            (original.text(), original.links(), "a.txt")
        );
        let (text, report) = export_str(std::slice::from_ref(&original), JsonlFlavor::Doccano);
        assert_eq!(report.links_dropped, 1);
        let doc = &import_str(&text, &options).documents[0];
        let ranges: Vec<_> = doc
            .spans()
            .iter()
            .map(|s| (s.char_start, s.char_end, s.label.as_str()))
            .collect();
        assert_eq!(ranges, [(6, 17, "Actor"), (19, 24, "Quote")]);
    }

    /// The layout written before every record had one schema: attributes as a map, `note` and
    /// `needs_review` only when set.
    const EARLIER_LAYOUT: &str = concat!(
        r#"{"id":"a","text":"قال 😀 الفريق محمد: «نعم»\u2028","#,
        r#""spans":[{"id":1,"start":6,"end":17,"label":"Actor","text":"الفريق محمد","attributes":{"type":"person"}},"#,
        r#"{"id":2,"start":19,"end":24,"label":"Quote","text":"«نعم»","attributes":{},"note":"a \"short\" one"}],"#,
        r#""relations":[{"id":1,"label":"speaker","head":2,"child":1}],"#,
        r#""meta":{"annotator":"Salma","status":"done","source":"a.txt"}}"#,
        "\n"
    );

    #[test]
    fn earlier_and_current_layouts_import_alike() {
        let options = ImportOptions::new("x");
        let earlier = import_str(EARLIER_LAYOUT, &options);
        assert!(earlier.report.warnings.is_empty(), "{:?}", earlier.report.warnings);
        assert_eq!(earlier.documents, [sample()]);
        let mut reviewed = sample();
        reviewed = Document::from_parts(
            reviewed.text().to_owned(),
            reviewed.schema().clone(),
            reviewed.meta().clone(),
            reviewed
                .spans()
                .iter()
                .cloned()
                .map(|mut s| {
                    s.needs_review = true;
                    s
                })
                .collect(),
            reviewed.links().to_vec(),
        );
        let (current, _) = export_str(std::slice::from_ref(&reviewed), JsonlFlavor::Hashiya);
        assert_ne!(current, EARLIER_LAYOUT);
        let back = import_str(&current, &options);
        assert!(back.report.warnings.is_empty(), "{:?}", back.report.warnings);
        assert_eq!(back.documents, [reviewed]);
    }

    #[test]
    fn every_record_has_the_same_keys_and_types() {
        // A span with every optional value set and one with none, a document with relations
        // and one without: the key paths and JSON types of the records are equal.
        const NULLABLE: [&str; 7] = [
            ".spans[].note",
            ".spans[].entity",
            ".entities[].name",
            ".entities[].type",
            ".entities[].country",
            ".entities[].role",
            ".entities[].wikidata",
        ];
        fn shape(value: &Value, path: &str, out: &mut Vec<String>) {
            match value {
                Value::Object(map) => map.iter().for_each(|(k, v)| shape(v, &format!("{path}.{k}"), out)),
                Value::Array(items) => {
                    out.push(format!("{path}: list"));
                    for item in items {
                        shape(item, &format!("{path}[]"), out);
                    }
                }
                Value::Null | Value::String(_) if NULLABLE.contains(&path) => out.push(format!("{path}: string?")),
                Value::Null => out.push(format!("{path}: null")),
                Value::Bool(_) => out.push(format!("{path}: bool")),
                Value::Number(_) => out.push(format!("{path}: number")),
                Value::String(_) => out.push(format!("{path}: string")),
            }
        }
        let sample = sample();
        let mut spans = sample.spans().to_vec();
        spans[0].entity = crate::model::EntityId::new(1);
        let full = Document::from_parts(
            sample.text().to_owned(),
            sample.schema().clone(),
            sample.meta().clone(),
            spans,
            sample.links().to_vec(),
        );
        let mut bare = Document::from_parts(
            "أ ب".into(),
            full.schema().clone(),
            DocumentMeta::default(),
            vec![Span::new(SpanId(1), "Actor", 0, 1)],
            Vec::new(),
        );
        let (text, _) = export_str(&[full, bare.clone()], JsonlFlavor::Hashiya);
        let shapes: Vec<Vec<String>> = text
            .lines()
            .map(|line| {
                let value: Value = serde_json::from_str(line).expect("JSON");
                let mut out = Vec::new();
                shape(&value, "", &mut out);
                out.sort();
                out.dedup();
                out
            })
            .collect();
        let missing: Vec<&String> = shapes[0].iter().filter(|s| !shapes[1].contains(s)).collect();
        // Only what an empty list cannot show: the keys of its items.
        assert!(
            missing.iter().all(|s| s.starts_with(".relations[]")
                || s.starts_with(".spans[].attributes[]")
                || s.starts_with(".entities[]")),
            "{missing:?}"
        );
        assert!(shapes[1].iter().all(|s| shapes[0].contains(s)), "{shapes:?}");
        bare = Document::from_parts(
            bare.text().to_owned(),
            bare.schema().clone(),
            bare.meta().clone(),
            Vec::new(),
            Vec::new(),
        );
        let (text, _) = export_str(&[bare], JsonlFlavor::Hashiya);
        assert!(
            text.contains(r#""spans":[],"relations":[],"entities":[],"meta":{"annotator":"","#),
            "{text}"
        );
    }

    #[test]
    fn attribute_lists_with_bad_items_are_warnings() {
        let input = r#"{"text":"ab","spans":[{"start":0,"end":1,"label":"Actor","attributes":[{"name":"type","value":"person"},{"name":"x"},7]},{"start":1,"end":2,"label":"Actor","attributes":"type"}]}"#;
        let imported = import_str(input, &ImportOptions::new("x"));
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.iter().all(|m| m.contains("attributes")), "{messages:?}");
        let spans = imported.documents[0].spans();
        assert_eq!(spans[0].attributes.get("type").map(String::as_str), Some("person"));
        assert!(spans[1].attributes.is_empty());
    }

    #[test]
    fn bad_lines_are_warnings() {
        let input = concat!(
            "not json\n",
            "{\"spans\":[]}\n",
            "\n",
            r#"{"id":7,"text":"abc","spans":[{"start":0,"end":9,"label":"X"},{"start":"0"},{"id":"T5","start":1,"end":2,"label":"Actor","text":"b"}],"relations":[{"label":"speaker","head":"T5","child":"T9"}],"meta":{"status":"later"}}"#,
            "\n"
        );
        let imported = import_str(input, &ImportOptions::new("x"));
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 6, "{messages:?}");
        assert!(messages[0].starts_with("line 1: not JSON"));
        assert!(messages[1].starts_with("line 2: no \"text\""));
        assert!(messages[2].starts_with("line 4: unknown status \"later\""));
        assert!(messages[3].starts_with("line 4: spans[1] needs start"));
        assert!(messages[4].contains("outside the text"));
        assert!(messages[5].contains("missing span"));
        let [doc] = imported.documents.as_slice() else {
            panic!("one document")
        };
        assert_eq!(doc.meta().source_name, "7.txt");
        assert_eq!(doc.spans().len(), 1);
        assert_eq!(doc.spans()[0].id, SpanId(5));
        assert_eq!(imported.report.labels_added, ["X"]);
    }

    #[test]
    fn flavor_names() {
        for (flavor, name) in JsonlFlavor::ALL {
            assert_eq!(flavor.to_string(), name);
            assert_eq!(name.parse(), Ok(flavor));
        }
        assert!("spacy".parse::<JsonlFlavor>().is_err());
    }
}
