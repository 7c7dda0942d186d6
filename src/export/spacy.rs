//! spaCy's `DocBin` (a `.spacy` file, what `spacy train` reads), written without Python: one
//! `Doc` per document with every span in `doc.spans["sc"]` (overlapping and nested ones kept,
//! for spaCy's span categorizer), the outermost spans in `doc.ents` (which cannot overlap),
//! and the sentences as `SENT_START`.
//!
//! Tokens: the shared tokenizer ([`crate::export::tokens`]) cut at every span boundary, so that
//! each span starts and ends on a token boundary («والحداد» with a span on «الحداد» gives «و»
//! «الحداد») and `doc.char_span` finds every span. The whitespace between tokens is kept as
//! spaCy keeps it: one space after a token is that token's `whitespace_`, other whitespace is a
//! token of its own, so `doc.text` is the article text char for char.
//!
//! The file (spaCy's `spacy/tokens/_serialize.py`, `DocBin.to_bytes`): zlib-compressed
//! `MessagePack` of `{"version", "attrs", "tokens", "spaces", "lengths", "strings", "cats",
//! "flags", "span_groups"}`. `tokens` is a little-endian `uint64` table, a row per token and a
//! column per attribute of `attrs` (`ORTH`, `ENT_IOB`, `ENT_TYPE`, `SENT_START`); strings are
//! stored as spaCy's ids (`MurmurHash64A` of the UTF-8 with seed 1, or the fixed id of one of
//! spaCy's symbols) and listed in `strings`. Each document's span groups are the bytes of
//! `SpanGroups.to_bytes`: `{group bytes: ["sc"]}`, a group being `{"name", "attrs", "spans"}`
//! with each span packed as `>QQQllll` (id, `kb_id`, label, token start, token end, char start,
//! char end), as `spacy/tokens/span_group.pyx` writes it. A span's `id_` is its Hashiya id (the
//! JSONL `id`), its `kb_id_` the actor entity it names (`E3`), if any. Links, attributes and
//! notes have no place in the format.

use std::collections::BTreeSet;
use std::io::Write as _;

use crate::export::ExportReport;
use crate::export::conll::{merged_ranges, outermost};
use crate::export::msgpack::{self, Writer};
use crate::export::tokens::{SentenceSplit, tokenize_document};
use crate::export::warning::{DataWarning, LinklessFormat, SpanLoss, SpanRef};
use crate::model::{Document, Span};

/// The file extension of a `DocBin`.
pub const EXTENSION: &str = "spacy";

/// The span group that holds every span: spaCy's span categorizer reads `doc.spans["sc"]` by
/// default (its `spans_key`).
pub const SPANS_KEY: &str = "sc";

/// spaCy's attribute ids (`spacy.attrs`) of the token table's columns, `ORTH` first as
/// `DocBin` requires, then in increasing order as `DocBin` sorts them.
const ATTRS: [u64; 4] = [ORTH, ENT_IOB, ENT_TYPE, SENT_START];
const ORTH: u64 = 65;
const ENT_IOB: u64 = 77;
const ENT_TYPE: u64 = 78;
const SENT_START: u64 = 80;

/// `ENT_IOB` values (`Token.iob_strings()`: "", "I", "O", "B").
const IOB_INSIDE: u64 = 1;
const IOB_OUTSIDE: u64 = 2;
const IOB_BEGIN: u64 = 3;

/// `SENT_START` of a token that does not start a sentence: -1 in the unsigned table.
const NOT_SENT_START: u64 = u64::MAX;

/// Why a `DocBin` could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SpacyError {
    /// A value exceeds what the format holds (4 GiB in one field, 2^31 chars in a document).
    #[error("too large for a spaCy DocBin (over 4 GiB in one field or 2^31 characters in a document)")]
    TooLarge,
    /// Compressing failed.
    #[error("cannot compress the DocBin: {0}")]
    Compress(#[from] std::io::Error),
}

impl From<msgpack::TooLarge> for SpacyError {
    fn from(_: msgpack::TooLarge) -> Self {
        Self::TooLarge
    }
}

/// One token of a [`SpacyDoc`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocToken<'a> {
    /// The token's text: a word or punctuation, or whitespace that is not one space after a
    /// token (never empty).
    pub text: &'a str,
    /// First char (Unicode scalar offset into the article).
    pub char_start: usize,
    /// One past the last char (the space of `space` not included).
    pub char_end: usize,
    /// Whether one space follows the token (spaCy's `whitespace_`).
    pub space: bool,
    /// Whether a sentence starts at this token.
    pub sent_start: bool,
    /// The entity of `doc.ents` covering the token: whether the token begins it, and its label.
    pub entity: Option<(bool, &'a str)>,
}

/// One span of `doc.spans["sc"]`, with the tokens it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocSpan<'a> {
    /// The Hashiya span.
    pub span: &'a Span,
    /// Its first token.
    pub token_start: usize,
    /// One past its last token.
    pub token_end: usize,
}

/// A document as a spaCy `Doc` holds it: tokens with their whitespace, sentence starts and
/// entities, and the span group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpacyDoc<'a> {
    /// The tokens; their texts and spaces concatenate to the article text.
    pub tokens: Vec<DocToken<'a>>,
    /// Every span, in the canonical order (reading order, then length, then id).
    pub spans: Vec<DocSpan<'a>>,
}

impl<'a> SpacyDoc<'a> {
    /// Tokenizes `document` so that every span boundary is a token boundary, marks the
    /// outermost spans as entities and finds each span's tokens. Counts tokens, sentences and
    /// spans in `report`; a span without tokens (none is expected) is counted as lost.
    #[must_use]
    pub fn new(document: &'a Document, report: &mut ExportReport) -> Self {
        let text = document.text();
        let mut spans: Vec<&Span> = document.spans().iter().collect();
        spans.sort_by_key(|s| s.sort_key());
        let mut starts: Vec<usize> = spans.iter().map(|s| s.char_start).collect();
        let mut ends: Vec<usize> = spans.iter().map(|s| s.char_end).collect();
        starts.sort_unstable();
        starts.dedup();
        ends.sort_unstable();
        ends.dedup();
        let mut cuts: Vec<usize> = starts.iter().chain(&ends).copied().collect();
        cuts.sort_unstable();
        cuts.dedup();
        let keep = merged_ranges(spans.iter().map(|s| (s.char_start, s.char_end)));
        let words = tokenize_document(document, &cuts, &keep, SentenceSplit::Unicode);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let mut tokens = Tokens {
            text,
            bytes: &bytes,
            cuts: &cuts,
            starts: &starts,
            ends: &ends,
            out: Vec::with_capacity(words.len() + words.len() / 8),
        };
        let mut reached = 0;
        for (index, word) in words.iter().enumerate() {
            tokens.gap(reached, word.char_start);
            // The first word starts a sentence only when no whitespace token came before it.
            let sent_start = tokens.out.is_empty() || (word.starts_sentence && index > 0);
            tokens.out.push(DocToken {
                text: word.text,
                char_start: word.char_start,
                char_end: word.char_end,
                space: false,
                sent_start,
                entity: None,
            });
            reached = word.char_end;
        }
        tokens.gap(reached, bytes.len() - 1);
        let mut tokens = tokens.out;
        mark_entities(&mut tokens, &outermost(spans.iter().copied(), |_, _| {}));
        let mut doc_spans = Vec::with_capacity(spans.len());
        for span in spans {
            let first = tokens.binary_search_by_key(&span.char_start, |t| t.char_start);
            let last = tokens.binary_search_by_key(&span.char_end, |t| t.char_end);
            match (first, last) {
                (Ok(first), Ok(last)) if first <= last => doc_spans.push(DocSpan {
                    span,
                    token_start: first,
                    token_end: last + 1,
                }),
                _ => {
                    report.spans_lost += 1;
                    report.warn(DataWarning::SpanLeftOut {
                        document: document.meta().source_name.clone(),
                        span: SpanRef::of(span),
                        why: SpanLoss::NotOnTokens,
                    });
                }
            }
        }
        report.tokens += tokens.len();
        report.sentences += tokens.iter().filter(|t| t.sent_start).count();
        report.spans += doc_spans.len();
        Self {
            tokens,
            spans: doc_spans,
        }
    }
}

/// The tokens of a document being built: the words, and the whitespace between them.
struct Tokens<'a, 'b> {
    text: &'a str,
    /// The byte offset of each char, and the text's length.
    bytes: &'b [usize],
    /// Every span boundary, sorted.
    cuts: &'b [usize],
    /// Span starts, sorted.
    starts: &'b [usize],
    /// Span ends, sorted.
    ends: &'b [usize],
    out: Vec<DocToken<'a>>,
}

impl Tokens<'_, '_> {
    /// Adds the whitespace of chars `start..end` (between two words, or before the first or
    /// after the last): a space right after a word becomes that word's `whitespace_`, unless
    /// a span starts on that space or ends right after it (a token boundary is needed there);
    /// the rest is cut into tokens at span boundaries.
    fn gap(&mut self, start: usize, end: usize) {
        let mut from = start;
        if start < end
            && self
                .text
                .get(self.bytes[start]..)
                .is_some_and(|rest| rest.starts_with(' '))
            && self.starts.binary_search(&start).is_err()
            && self.ends.binary_search(&(start + 1)).is_err()
            && let Some(word) = self.out.last_mut().filter(|w| w.char_end == start)
        {
            word.space = true;
            from = start + 1;
        }
        let first_cut = self.cuts.partition_point(|&c| c <= from);
        let inner = self.cuts[first_cut..].iter().copied().take_while(|&c| c < end);
        let mut piece_start = from;
        for piece_end in inner.chain([end]) {
            if piece_start < piece_end {
                let sent_start = self.out.is_empty();
                self.out.push(DocToken {
                    text: self
                        .text
                        .get(self.bytes[piece_start]..self.bytes[piece_end])
                        .unwrap_or_default(),
                    char_start: piece_start,
                    char_end: piece_end,
                    space: false,
                    sent_start,
                    entity: None,
                });
            }
            piece_start = piece_end;
        }
    }
}

/// Marks the tokens covered by `entities` (disjoint, in reading order), each entity's first
/// token as its beginning.
fn mark_entities<'a>(tokens: &mut [DocToken<'a>], entities: &[&'a Span]) {
    let mut next = entities.iter().peekable();
    for token in tokens {
        while next.next_if(|e| e.char_end <= token.char_start).is_some() {}
        if let Some(entity) = next.peek().filter(|e| e.char_start <= token.char_start) {
            token.entity = Some((entity.char_start == token.char_start, entity.label.as_str()));
        }
    }
}

/// spaCy's id of a string (`StringStore`): the fixed id of one of its symbols, else
/// `MurmurHash64A` of the UTF-8 bytes with seed 1 (0 for the empty string).
#[must_use]
pub fn string_id(text: &str) -> u64 {
    if text.is_empty() {
        return 0;
    }
    symbol_id(text).unwrap_or_else(|| murmur_hash_64a(text.as_bytes(), 1))
}

/// `MurmurHash64A` (Austin Appleby's, as the `murmurhash` package that spaCy uses computes it
/// on little-endian machines).
fn murmur_hash_64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        let mut k = u64::from_le_bytes(bytes);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, &byte) in tail.iter().enumerate() {
            h ^= u64::from(byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// spaCy's symbols (`spacy.symbols.IDS`), whose ids are their positions, not hashes: a token
/// «X» or a label «PERSON» has the symbol's id. Ids 19–63 are `FLAG19`–`FLAG63` and 104–379
/// `DEPRECATED001`–`DEPRECATED276`.
const SYMBOLS_0: [&str; 19] = [
    "",
    "IS_ALPHA",
    "IS_ASCII",
    "IS_DIGIT",
    "IS_LOWER",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_TITLE",
    "IS_UPPER",
    "LIKE_URL",
    "LIKE_NUM",
    "LIKE_EMAIL",
    "IS_STOP",
    "IS_OOV_DEPRECATED",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT",
    "IS_CURRENCY",
];
/// Symbols from id 64.
const SYMBOLS_64: [&str; 40] = [
    "ID",
    "ORTH",
    "LOWER",
    "NORM",
    "SHAPE",
    "PREFIX",
    "SUFFIX",
    "LENGTH",
    "CLUSTER",
    "LEMMA",
    "POS",
    "TAG",
    "DEP",
    "ENT_IOB",
    "ENT_TYPE",
    "HEAD",
    "SENT_START",
    "SPACY",
    "PROB",
    "LANG",
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CONJ",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
    "EOL",
    "SPACE",
];
/// Symbols from id 380.
const SYMBOLS_380: [&str; 77] = [
    "PERSON",
    "NORP",
    "FACILITY",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LANGUAGE",
    "LAW",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "cc",
    "ccomp",
    "complm",
    "conj",
    "cop",
    "csubj",
    "csubjpass",
    "dep",
    "det",
    "dobj",
    "expl",
    "hmod",
    "hyph",
    "infmod",
    "intj",
    "iobj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "nn",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "num",
    "number",
    "oprd",
    "obj",
    "obl",
    "parataxis",
    "partmod",
    "pcomp",
    "pobj",
    "poss",
    "possessive",
    "preconj",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "rcmod",
    "root",
    "xcomp",
    "acl",
    "ENT_KB_ID",
    "MORPH",
    "ENT_ID",
    "IDX",
    "_",
];

/// The id of one of spaCy's symbols.
fn symbol_id(text: &str) -> Option<u64> {
    let numbered = |prefix: &str, digits: usize, range: std::ops::RangeInclusive<u64>| {
        text.strip_prefix(prefix)
            .filter(|n| n.len() == digits && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u64>().ok())
            .filter(|n| range.contains(n))
    };
    let position = |table: &[&str], base: u64| table.iter().position(|&s| s == text).map(|i| base + i as u64);
    position(&SYMBOLS_0, 0)
        .or_else(|| numbered("FLAG", 2, 19..=63))
        .or_else(|| position(&SYMBOLS_64, 64))
        .or_else(|| numbered("DEPRECATED", 3, 1..=276).map(|n| 103 + n))
        .or_else(|| position(&SYMBOLS_380, 380))
}

/// Writes documents into one `DocBin`: [`DocBinWriter::push`] each, then
/// [`DocBinWriter::finish`].
#[derive(Debug, Default)]
pub struct DocBinWriter {
    /// Every string the tables refer to by id.
    strings: BTreeSet<String>,
    /// The token table, little-endian `u64`s, a row of [`ATTRS`] per token.
    tokens: Vec<u8>,
    /// A byte per token: whether one space follows it.
    spaces: Vec<u8>,
    /// Tokens per document, little-endian `i32`s.
    lengths: Vec<u8>,
    /// Each document's `SpanGroups.to_bytes`.
    span_groups: Vec<Vec<u8>>,
}

impl DocBinWriter {
    /// An empty `DocBin`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document as a `Doc`.
    pub fn push(&mut self, document: &Document) -> Result<ExportReport, SpacyError> {
        let mut report = ExportReport {
            documents: 1,
            ..ExportReport::default()
        };
        report.drop_links(document, LinklessFormat::SpacyDocBin);
        let doc = SpacyDoc::new(document, &mut report);
        let length = i32::try_from(doc.tokens.len()).map_err(|_| SpacyError::TooLarge)?;
        self.lengths.extend(length.to_le_bytes());
        for token in &doc.tokens {
            let (iob, label) = match token.entity {
                Some((true, label)) => (IOB_BEGIN, self.id_of(label)),
                Some((false, label)) => (IOB_INSIDE, self.id_of(label)),
                None => (IOB_OUTSIDE, 0),
            };
            let sent_start = if token.sent_start { 1 } else { NOT_SENT_START };
            for value in [self.id_of(token.text), iob, label, sent_start] {
                self.tokens.extend(value.to_le_bytes());
            }
            self.spaces.push(u8::from(token.space));
        }
        let group = self.span_group(&doc)?;
        let mut groups = Writer::new();
        groups.map(1)?;
        groups.bin(&group)?;
        groups.array(1)?;
        groups.str(SPANS_KEY)?;
        self.span_groups.push(groups.finish());
        Ok(report)
    }

    /// spaCy's id of `text`, remembered in the strings.
    fn id_of(&mut self, text: &str) -> u64 {
        if !self.strings.contains(text) {
            self.strings.insert(text.to_owned());
        }
        string_id(text)
    }

    /// `SpanGroup.to_bytes` of the `sc` group.
    fn span_group(&mut self, doc: &SpacyDoc<'_>) -> Result<Vec<u8>, SpacyError> {
        let mut group = Writer::new();
        group.map(3)?;
        group.str("name")?;
        group.str(SPANS_KEY)?;
        group.str("attrs")?;
        group.map(0)?;
        group.str("spans")?;
        group.array(doc.spans.len())?;
        let int = |n: usize| i32::try_from(n).map_err(|_| SpacyError::TooLarge);
        for one in &doc.spans {
            let span = one.span;
            let id = self.id_of(&span.id.0.to_string());
            let kb_id = span.entity.map_or(0, |e| self.id_of(&e.to_string()));
            let label = self.id_of(&span.label);
            let mut packed = Vec::with_capacity(40);
            for value in [id, kb_id, label] {
                packed.extend(value.to_be_bytes());
            }
            for value in [one.token_start, one.token_end, span.char_start, span.char_end] {
                packed.extend(int(value)?.to_be_bytes());
            }
            group.bin(&packed)?;
        }
        Ok(group.finish())
    }

    /// The `.spacy` file: the compressed `DocBin`.
    pub fn finish(self) -> Result<Vec<u8>, SpacyError> {
        let documents = self.span_groups.len();
        let mut msg = Writer::new();
        msg.map(9)?;
        msg.str("version")?;
        msg.str("0.1")?;
        msg.str("attrs")?;
        msg.array(ATTRS.len())?;
        for attr in ATTRS {
            msg.uint(attr);
        }
        msg.str("tokens")?;
        msg.bin(&self.tokens)?;
        msg.str("spaces")?;
        msg.bin(&self.spaces)?;
        msg.str("lengths")?;
        msg.bin(&self.lengths)?;
        msg.str("strings")?;
        msg.array(self.strings.len())?;
        // Sorted by UTF-8 bytes, which is Python's order of `sorted` (by code point).
        for string in &self.strings {
            msg.str(string)?;
        }
        msg.str("cats")?;
        msg.array(documents)?;
        for _ in 0..documents {
            msg.map(0)?;
        }
        msg.str("flags")?;
        msg.array(documents)?;
        for _ in 0..documents {
            msg.map(1)?;
            msg.str("has_unknown_spaces")?;
            msg.bool(false);
        }
        msg.str("span_groups")?;
        msg.array(documents)?;
        for group in &self.span_groups {
            msg.bin(group)?;
        }
        let msg = msg.finish();
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::with_capacity(msg.len() / 3), flate2::Compression::default());
        encoder.write_all(&msg)?;
        Ok(encoder.finish()?)
    }
}

/// Exports documents to one `.spacy` file's bytes.
pub fn export_bytes(documents: &[Document]) -> Result<(Vec<u8>, ExportReport), SpacyError> {
    let mut writer = DocBinWriter::new();
    let mut report = ExportReport::default();
    for document in documents {
        report.merge(writer.push(document)?);
    }
    Ok((writer.finish()?, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, SpanId};

    fn document(text: &str, spans: &[(&str, &str, usize)]) -> Document {
        let chars: Vec<char> = text.chars().collect();
        let spans = spans
            .iter()
            .enumerate()
            .map(|(i, &(label, needle, nth))| {
                let needle: Vec<char> = needle.chars().collect();
                let start = (0..chars.len())
                    .filter(|&at| chars[at..].starts_with(&needle))
                    .nth(nth)
                    .expect("in the text");
                Span::new(SpanId(i as u64 + 1), label, start, start + needle.len())
            })
            .collect();
        Document::from_parts(
            text.to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            Vec::new(),
        )
    }

    fn texts<'a>(doc: &SpacyDoc<'a>) -> Vec<(&'a str, bool)> {
        doc.tokens.iter().map(|t| (t.text, t.space)).collect()
    }

    /// The text spaCy's `Doc.text` gives: each token's text and its space.
    fn doc_text(doc: &SpacyDoc<'_>) -> String {
        doc.tokens
            .iter()
            .map(|t| {
                if t.space {
                    format!("{} ", t.text)
                } else {
                    t.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn span_boundaries_cut_words_and_the_text_comes_back() {
        let text = "قال والحداد إن  «الليبي».\nثم";
        let document = document(text, &[("Actor", "الحداد", 0), ("Quote", "«الليبي»", 0)]);
        let mut report = ExportReport::default();
        let doc = SpacyDoc::new(&document, &mut report);
        assert_eq!(
            texts(&doc),
            [
                ("قال", true),
                ("و", false),
                ("الحداد", true),
                ("إن", true),
                (" ", false),
                ("«", false),
                ("الليبي", false),
                ("»", false),
                (".", false),
                ("\n", false),
                ("ثم", false)
            ]
        );
        assert_eq!(doc_text(&doc), text);
        let tokens = |s: &DocSpan<'_>| (s.token_start, s.token_end);
        assert_eq!(doc.spans.iter().map(tokens).collect::<Vec<_>>(), [(2, 3), (5, 8)]);
        assert_eq!((report.tokens, report.spans, report.spans_lost), (11, 2, 0));
        assert!(doc.tokens[10].sent_start && !doc.tokens[9].sent_start && doc.tokens[0].sent_start);
    }

    #[test]
    fn nested_spans_stay_in_the_group_and_the_outermost_are_entities() {
        let text = "قال: «اتفقنا على وقف النار» أمس";
        let document = document(
            text,
            &[
                ("Quote", "«اتفقنا على وقف النار»", 0),
                ("Agreed action", "وقف النار", 0),
                ("Actor", "أمس", 0),
            ],
        );
        let mut report = ExportReport::default();
        let doc = SpacyDoc::new(&document, &mut report);
        assert_eq!(doc.spans.len(), 3);
        let entities: Vec<_> = doc
            .tokens
            .iter()
            .filter_map(|t| t.entity.map(|(begin, label)| (t.text, begin, label)))
            .collect();
        assert_eq!(entities[0], ("«", true, "Quote"));
        assert!(entities.iter().all(|&(_, _, l)| l != "Agreed action"));
        assert_eq!(entities.last(), Some(&("أمس", true, "Actor")));
        assert_eq!(entities.iter().filter(|e| e.1).count(), 2);
    }

    #[test]
    fn spans_on_whitespace_keep_their_own_tokens() {
        // A span ending after a space, one starting on a space, one of only a line break.
        let text = "a b  c\n\nd";
        let document = document(text, &[("Actor", "a ", 0), ("Quote", " c", 0), ("Actor", "\n", 1)]);
        let mut report = ExportReport::default();
        let doc = SpacyDoc::new(&document, &mut report);
        assert_eq!(doc_text(&doc), text);
        for one in &doc.spans {
            let first = doc.tokens[one.token_start];
            let last = doc.tokens[one.token_end - 1];
            assert_eq!(
                (first.char_start, last.char_end),
                (one.span.char_start, one.span.char_end)
            );
        }
        assert_eq!(report.spans, 3);
    }

    #[test]
    fn empty_and_blank_documents() {
        for text in ["", "  \n ", "\u{1c}x"] {
            let document = document(text, &[]);
            let mut report = ExportReport::default();
            let doc = SpacyDoc::new(&document, &mut report);
            assert_eq!(doc_text(&doc), text);
            assert!(doc.tokens.iter().all(|t| !t.text.is_empty()));
        }
    }

    #[test]
    fn string_ids_are_spacys() {
        // Values of spaCy 3.8's `spacy.strings.get_string_id`.
        assert_eq!(string_id("a"), 11_901_859_001_352_538_922);
        assert_eq!(string_id("والحداد"), 17_828_882_119_927_199_406);
        assert_eq!(string_id("Agreed action"), 6_909_924_079_812_812_200);
        assert_eq!(string_id("abcdefghij"), 17_029_599_333_975_756_408);
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("IS_CURRENCY"), 18);
        assert_eq!(string_id("FLAG19"), 19);
        assert_eq!(string_id("ORTH"), ORTH);
        assert_eq!(string_id("SENT_START"), SENT_START);
        assert_eq!(string_id("SPACE"), 103);
        assert_eq!(string_id("DEPRECATED001"), 104);
        assert_eq!(string_id("DEPRECATED276"), 379);
        assert_eq!(string_id("PERSON"), 380);
        assert_eq!(string_id("_"), 456);
        assert_ne!(string_id("FLAG64"), 64);
    }

    #[test]
    fn the_file_is_zlib_with_one_group_per_document() {
        let documents = [document("قال الحداد", &[("Actor", "الحداد", 0)]), document("", &[])];
        let (bytes, report) = export_bytes(&documents).expect("writes");
        assert_eq!((report.documents, report.spans, report.tokens), (2, 1, 2));
        // zlib's header: deflate with a 32 KiB window, and a check value.
        assert_eq!(bytes[0], 0x78);
        assert_eq!((u16::from(bytes[0]) << 8 | u16::from(bytes[1])) % 31, 0);
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&bytes[..]), &mut plain).expect("inflates");
        // A map of nine keys, the first "version".
        assert_eq!(&plain[..9], b"\x89\xa7version");
        let label = "Actor".as_bytes();
        assert!(plain.windows(label.len()).any(|w| w == label));
    }
}
