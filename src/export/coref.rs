//! The coreference export (`hashiya export --to coref`): the mentions of each document
//! grouped into clusters by the entity they name, one JSON object per document in the
//! `OntoNotes`-style JSONL that coreference models train on (e2e-coref, `SpanBERT`, …):
//!
//! `{"doc_key", "sentences": [[TOKEN]], "speakers": [["-"]], "clusters": [[[FIRST, LAST]]],
//! "entities": [ID], "clusters_char": [[[CHAR_START, CHAR_END]]]}`
//!
//! - `sentences`: the document's tokens by sentence, cut as the `CoNLL` export cuts them
//!   (Unicode word boundaries, punctuation its own token) and also at every mention boundary,
//!   so every mention is a whole number of tokens; sentences never end inside a mention.
//! - `clusters`: one list per entity with two or more mentions in the document (`OntoNotes`
//!   leaves singletons out), its mentions as `[first, last]` token indices counted over the
//!   whole document, `last` included, in reading order; clusters in the order of their first
//!   mention. `entities[i]` is the entity id of `clusters[i]`; `clusters_char` the same
//!   mentions as Unicode scalar offsets `[char_start, char_end)` into the text.
//! - `speakers`: `-` for every token (`OntoNotes`' "no speaker"), the shape the readers expect.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::export::conll::merged_ranges;
use crate::export::tokens::{SentenceSplit, exported_text, tokenize_document};
use crate::export::{ExportReport, document_id};
use crate::model::{Document, EntityId, Span};

#[derive(Serialize)]
struct Record<'a> {
    doc_key: &'a str,
    sentences: Vec<Vec<Cow<'a, str>>>,
    speakers: Vec<Vec<&'static str>>,
    clusters: Vec<Vec<[usize; 2]>>,
    entities: Vec<String>,
    clusters_char: Vec<Vec<[usize; 2]>>,
}

/// Appends the document's record to `out` (one line, ending with `\n`).
pub fn push_document(document: &Document, out: &mut String) -> ExportReport {
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    let mentions: Vec<&Span> = document.spans().iter().filter(|s| s.entity.is_some()).collect();
    let mut splits: Vec<usize> = mentions.iter().flat_map(|s| [s.char_start, s.char_end]).collect();
    splits.sort_unstable();
    splits.dedup();
    let ranges = merged_ranges(mentions.iter().map(|s| (s.char_start, s.char_end)));
    let tokens = tokenize_document(document, &splits, &ranges, SentenceSplit::Unicode);
    let mut sentences: Vec<Vec<Cow<'_, str>>> = Vec::new();
    for token in &tokens {
        let text = exported_text(document.tokenization(), token);
        match sentences.last_mut() {
            Some(sentence) if !token.starts_sentence => sentence.push(text),
            _ => sentences.push(vec![text]),
        }
    }
    // Mentions by entity, in reading order (spans are sorted); entities by first mention.
    let mut by_entity: BTreeMap<EntityId, Vec<&Span>> = BTreeMap::new();
    for span in &mentions {
        if let Some(entity) = span.entity {
            by_entity.entry(entity).or_default().push(span);
        }
    }
    let mut clusters: Vec<(EntityId, Vec<&Span>)> = by_entity.into_iter().filter(|(_, m)| m.len() > 1).collect();
    clusters.sort_by_key(|(_, mentions)| mentions.first().map(|s| s.sort_key()));
    let mut record = Record {
        doc_key: document_id(document),
        speakers: sentences.iter().map(|s| vec!["-"; s.len()]).collect(),
        sentences,
        clusters: Vec::with_capacity(clusters.len()),
        entities: Vec::with_capacity(clusters.len()),
        clusters_char: Vec::with_capacity(clusters.len()),
    };
    for (entity, spans) in clusters {
        let mut tokens_of = Vec::with_capacity(spans.len());
        let mut chars_of = Vec::with_capacity(spans.len());
        for span in spans {
            // The first and last token inside the mention; a mention of whitespace only has
            // none and is left out.
            let first = tokens.partition_point(|t| t.char_start < span.char_start);
            let end = tokens.partition_point(|t| t.char_start < span.char_end);
            if first < end {
                tokens_of.push([first, end - 1]);
                chars_of.push([span.char_start, span.char_end]);
                report.spans += 1;
            } else {
                report.spans_lost += 1;
            }
        }
        if tokens_of.len() > 1 {
            record.clusters.push(tokens_of);
            record.clusters_char.push(chars_of);
            record.entities.push(entity.to_string());
        }
    }
    report.tokens = tokens.len();
    report.sentences = record.sentences.len();
    // Serializing strings and numbers cannot fail.
    let line = serde_json::to_string(&record).unwrap_or_default();
    out.push_str(&crate::export::jsonl::escape_line_separators(line));
    out.push('\n');
    report
}
