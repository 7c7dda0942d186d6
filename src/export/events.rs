//! The events export (`hashiya export --to events`): the agreed actions and the quotes of a
//! dataset at the level of actor entities, one JSON object per line, for event data (PLOVER,
//! CAMEO) and quote attribution (PARC 3.0).
//!
//! Every record has the same keys, whatever its kind:
//!
//! `{"kind": "action"|"quote", "document", "id", "span", "label", "text", "char_start",
//! "char_end", "parties": [MENTION], "speaker": MENTION|null, "cue": MENTION|null}`
//!
//! where a MENTION is `{"span", "text", "char_start", "char_end", "entity": ENTITY|null}` and
//! an ENTITY `{"id", "name", "type", "country", "role", "wikidata"}` from the dataset's
//! registry (`name` and `type` are `null` for an id the registry lacks, with a warning).
//!
//! - An **action** record per span of a label that heads `party` links in the schema: its
//!   `parties` are the actors its `party` links point to; its `speaker` is the speaker of the
//!   innermost quote that contains it (who reported the agreement), `null` when none.
//! - A **quote** record per span of a label that heads `speaker` links: its `speaker` is the
//!   actor its `speaker` link points to (`null` when it has none yet); `parties` is empty;
//!   `cue` is the span of its `cue` link when the schema defines one (a reporting verb).
//!
//! Offsets are Unicode scalar (char) offsets into the document's `text` of the Hashiya JSONL
//! export (Python's `text[char_start:char_end]` is the record's `text`).

use serde::Serialize;

use crate::export::warning::DataWarning;
use crate::export::{ExportReport, document_id};
use crate::model::{Document, EntityRegistry, Schema, Span, SpanId};

/// The relation from an agreed action to each of its parties.
pub const PARTY: &str = "party";
/// The relation from a quote to its speaker.
pub const SPEAKER: &str = "speaker";
/// The relation from a quote to its cue (the reporting verb), when the schema has one.
pub const CUE: &str = "cue";

#[derive(Serialize)]
struct Record<'a> {
    kind: &'static str,
    document: &'a str,
    /// `DOCUMENT#T12`: unique across the dataset.
    id: String,
    span: u64,
    label: &'a str,
    text: &'a str,
    char_start: usize,
    char_end: usize,
    parties: Vec<Mention<'a>>,
    speaker: Option<Mention<'a>>,
    cue: Option<Mention<'a>>,
}

#[derive(Serialize)]
struct Mention<'a> {
    span: u64,
    text: &'a str,
    char_start: usize,
    char_end: usize,
    entity: Option<EntityOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: String,
    name: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'static str>,
    country: Option<&'a str>,
    role: Option<&'a str>,
    wikidata: Option<&'a str>,
}

/// Whether spans of `label` head links of `kind` in `schema`.
fn heads(schema: &Schema, kind: &str, label: &str) -> bool {
    schema.relation(kind).is_some_and(|relation| {
        relation.any_labels
            || relation.from_label == label
            || relation.other_pairs.iter().any(|(head, _)| head == label)
    })
}

/// Appends the records of one document to `out`, one line each (each ends with `\n`), the
/// actions and quotes in reading order.
pub fn push_document(document: &Document, registry: &EntityRegistry, out: &mut String) -> ExportReport {
    let mut report = ExportReport {
        documents: 1,
        spans: document.spans().len(),
        links: document.links().len(),
        ..ExportReport::default()
    };
    let schema = document.schema();
    if schema.relation(PARTY).is_none() && schema.relation(SPEAKER).is_none() {
        report.warn(DataWarning::NoEventRelations {
            document: document.meta().source_name.clone(),
        });
    }
    let mut unknown = std::collections::BTreeSet::new();
    let mut writer = Writer {
        document,
        registry,
        unknown: &mut unknown,
    };
    for span in document.spans() {
        let record = if heads(schema, PARTY, &span.label) {
            let parties = document
                .links()
                .iter()
                .filter(|l| l.kind == PARTY && l.from == span.id)
                .filter_map(|l| writer.mention(l.to))
                .collect();
            let speaker = enclosing_quote(document, span).and_then(|quote| writer.linked(quote.id, SPEAKER));
            writer.record("action", span, parties, speaker, None)
        } else if heads(schema, SPEAKER, &span.label) {
            let speaker = writer.linked(span.id, SPEAKER);
            let cue = writer.linked(span.id, CUE);
            writer.record("quote", span, Vec::new(), speaker, cue)
        } else {
            continue;
        };
        // Serializing strings and numbers cannot fail.
        let line = serde_json::to_string(&record).unwrap_or_default();
        out.push_str(&crate::export::jsonl::escape_line_separators(line));
        out.push('\n');
    }
    for id in unknown {
        report.warn(DataWarning::UnknownEntity {
            document: document.meta().source_name.clone(),
            id: id.clone(),
        });
    }
    report
}

/// The innermost quote (a span heading `speaker` links) that contains `span`.
fn enclosing_quote<'d>(document: &'d Document, span: &Span) -> Option<&'d Span> {
    document
        .spans_overlapping(span.char_start, span.char_end)
        .filter(|q| q.id != span.id && heads(document.schema(), SPEAKER, &q.label))
        .filter(|q| q.char_start <= span.char_start && span.char_end <= q.char_end)
        .min_by_key(|q| q.char_len())
}

struct Writer<'d, 'u> {
    document: &'d Document,
    registry: &'d EntityRegistry,
    /// Entity ids the registry lacks, for one warning each.
    unknown: &'u mut std::collections::BTreeSet<String>,
}

impl<'d> Writer<'d, '_> {
    fn record(
        &self,
        kind: &'static str,
        span: &'d Span,
        parties: Vec<Mention<'d>>,
        speaker: Option<Mention<'d>>,
        cue: Option<Mention<'d>>,
    ) -> Record<'d> {
        let document_name = document_id(self.document);
        Record {
            kind,
            document: document_name,
            id: format!("{document_name}#{}", span.id),
            span: span.id.0,
            label: &span.label,
            text: self.document.span_text(span),
            char_start: span.char_start,
            char_end: span.char_end,
            parties,
            speaker,
            cue,
        }
    }

    /// The span that the first `kind` link from `head` points to.
    fn linked(&mut self, head: SpanId, kind: &str) -> Option<Mention<'d>> {
        let document = self.document;
        let link = document.links().iter().find(|l| l.kind == kind && l.from == head)?;
        self.mention(link.to)
    }

    fn mention(&mut self, id: SpanId) -> Option<Mention<'d>> {
        let span = self.document.span(id)?;
        let entity = span.entity.map(|id| {
            let found = self.registry.get(id);
            if found.is_none() {
                self.unknown.insert(id.to_string());
            }
            EntityOut {
                id: id.to_string(),
                name: found.map(|e| e.name.as_str()),
                kind: found.map(|e| e.kind.name()),
                country: found.and_then(|e| e.country.as_deref()),
                role: found.and_then(|e| e.role.as_deref()),
                wikidata: found.and_then(|e| e.wikidata.as_deref()),
            }
        });
        Some(Mention {
            span: span.id.0,
            text: self.document.span_text(span),
            char_start: span.char_start,
            char_end: span.char_end,
            entity,
        })
    }
}
