//! The string matcher: proposes again what was annotated before. It learns the surface
//! strings of annotated spans (and of gazetteer lines `text<TAB>label`) and finds them in a
//! document:
//!
//! - Strings are compared in the normal form of find ([`crate::text::arabic::fold`]: no
//!   diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits, Latin lowercase), token by
//!   token: a token is a run of word chars or one punctuation char; whitespace only separates.
//! - The first word of a string may carry attached proclitics in the text, exactly as find
//!   allows them ([`crate::text::find::stem_readings`]: و/ف, then ب/ك/ل, «لل…» read as «ال…»);
//!   the candidate starts after them. A whole-word reading is tried before any stripped one,
//!   so a learned name that starts with و («وليد») is matched whole.
//! - Matches are whole words; from left to right the longest learned string (in tokens)
//!   wins and matches never overlap.
//! - A string's label is the one it was annotated with most often; its score is that label's
//!   share of the string's annotations (ties go to the label first in name order).
//! - Strings learned from documents are also counted where those documents leave them
//!   unannotated: a string annotated in under half of its occurrences there («على», which
//!   folds like the name «علي») is not proposed. Strings added later ([`Matcher::add_span`])
//!   and gazetteer entries have no such count and are proposed.
//! - Whether attached proclitics belong inside a span is learned from the annotations too:
//!   spans that start inside a word (after «و», «بـ»…) vote for leaving them out (Hashiya's
//!   own convention, and the default), spans that start with a proclitic before an article
//!   word («والجيش», as token-based datasets like `ANERcorp` tag whole tokens) vote for keeping
//!   them in.
//!
//! The strings live in a trie keyed by normalised tokens, so a suggest is one pass over the
//! document's tokens with a few hash lookups each, and learning one more span
//! ([`Matcher::add_span`]) is one walk down the trie.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::Document;
use crate::suggest::candidate::{Candidates, SpanCandidate};
use crate::text::arabic;
use crate::text::find::stem_readings;

/// Fewest normalised chars a learned string needs: one-letter strings are mostly noise.
const MIN_CHARS: usize = 2;

/// Least share of a string's occurrences in the learned documents that must be annotated for
/// it to be proposed.
const MIN_ANNOTATED_SHARE: f32 = 0.5;

/// A gazetteer line that does not read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// The line has no tab between the text and the label.
    #[error("line {line}: expected text<TAB>label")]
    NoTab {
        /// 1-based line number.
        line: usize,
    },
    /// The text or the label is empty.
    #[error("line {line}: empty text or label")]
    Empty {
        /// 1-based line number.
        line: usize,
    },
}

/// Parses a gazetteer: one `text<TAB>label` a line; blank lines and lines starting with `#`
/// are skipped.
pub fn parse_gazetteer(input: &str) -> Result<Vec<(String, String)>, GazetteerError> {
    let mut entries = Vec::new();
    for (index, line) in input.lines().enumerate() {
        let line_number = index + 1;
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, label) = line
            .split_once('\t')
            .ok_or(GazetteerError::NoTab { line: line_number })?;
        let (text, label) = (text.trim(), label.trim());
        if text.is_empty() || label.is_empty() {
            return Err(GazetteerError::Empty { line: line_number });
        }
        entries.push((text.to_owned(), label.to_owned()));
    }
    Ok(entries)
}

#[derive(Clone, Debug, Default)]
struct Node {
    children: HashMap<Box<str>, usize>,
    /// Label → times the string ending here was annotated with it.
    labels: BTreeMap<String, u32>,
    /// Times the string was matched in the learned documents, annotated or not (0: unknown).
    occurrences: u32,
    /// Of its annotations, how many came from those documents.
    annotated_in_documents: u32,
}

/// Learned strings and their labels; see the module comment.
#[derive(Clone, Debug)]
pub struct Matcher {
    nodes: Vec<Node>,
    strings: usize,
    /// Votes of the learned spans on attached proclitics: (left out, kept inside).
    prefix_votes: (u32, u32),
}

impl Default for Matcher {
    fn default() -> Self {
        Self {
            nodes: vec![Node::default()],
            strings: 0,
            prefix_votes: (0, 0),
        }
    }
}

/// One token of a text: its char range and normal form, and for a word the original char
/// offset of every normalised char (to map a stem back to the text).
#[derive(Clone, Debug)]
pub(crate) struct TextToken {
    pub(crate) char_start: usize,
    pub(crate) char_end: usize,
    pub(crate) normal: Vec<char>,
    pub(crate) origin: Vec<usize>,
    pub(crate) is_word: bool,
}

/// The tokens of `text` as the matcher compares them (see the module comment).
pub(crate) fn text_tokens(text: &str) -> Vec<TextToken> {
    let mut tokens: Vec<TextToken> = Vec::new();
    let mut open: Option<TextToken> = None;
    let mut count = 0;
    for (offset, ch) in text.chars().enumerate() {
        count = offset + 1;
        if arabic::is_word_char(ch) {
            let token = open.get_or_insert_with(|| TextToken {
                char_start: offset,
                char_end: offset,
                normal: Vec::new(),
                origin: Vec::new(),
                is_word: true,
            });
            token.char_end = offset + 1;
            if let Some(folded) = arabic::fold(ch) {
                token.normal.push(folded);
                token.origin.push(offset);
            }
            continue;
        }
        if let Some(token) = open.take()
            && !token.normal.is_empty()
        {
            tokens.push(token);
        }
        if !ch.is_whitespace()
            && let Some(folded) = arabic::fold(ch)
        {
            tokens.push(TextToken {
                char_start: offset,
                char_end: offset + 1,
                normal: vec![folded],
                origin: vec![offset],
                is_word: false,
            });
        }
    }
    if let Some(token) = open.take()
        && !token.normal.is_empty()
    {
        tokens.push(token);
    }
    debug_assert!(tokens.last().is_none_or(|t| t.char_end <= count));
    tokens
}

impl Matcher {
    /// Learns the annotated spans of `documents` and the gazetteer's entries.
    #[must_use]
    pub fn learn(documents: &[&Document], gazetteer: &[(String, String)]) -> Self {
        let mut matcher = Self::default();
        for document in documents {
            for span in document.spans() {
                let text = document.span_text(span);
                let before = span
                    .char_start
                    .checked_sub(1)
                    .and_then(|i| document.text_of(i, span.char_start).chars().next());
                if before.is_some_and(arabic::is_word_char) {
                    matcher.prefix_votes.0 += 1;
                } else if starts_with_prefixed_article(text) {
                    matcher.prefix_votes.1 += 1;
                }
                // A span cut after the ل of «لل…» («لحداد» of «للحداد») is the article word
                // «الحداد» with its alef dropped: learn that spelling.
                let mut chars = text.chars();
                let node = if before == Some('ل') && chars.next() == Some('ل') && chars.next() != Some('ل') {
                    matcher.add(&format!("ا{text}"), &span.label)
                } else {
                    matcher.add(text, &span.label)
                };
                if let Some(node) = node {
                    matcher.nodes[node].annotated_in_documents += 1;
                }
            }
        }
        for document in documents {
            let tokens = text_tokens(document.text());
            let mut at = 0;
            while at < tokens.len() {
                match matcher.longest_at(&tokens, at) {
                    Some((node, length, _)) => {
                        matcher.nodes[node].occurrences += 1;
                        at += length;
                    }
                    None => at += 1,
                }
            }
        }
        for (text, label) in gazetteer {
            matcher.add_span(text, label);
        }
        matcher
    }

    /// Learns one more annotated string (the window calls it after each new span, so that
    /// the suggestions follow without learning everything again).
    pub fn add_span(&mut self, text: &str, label: &str) {
        self.add(text, label);
    }

    /// Adds one annotation of `text`; returns the string's node.
    fn add(&mut self, text: &str, label: &str) -> Option<usize> {
        let tokens = text_tokens(text);
        if tokens.iter().map(|t| t.normal.len()).sum::<usize>() < MIN_CHARS {
            return None;
        }
        let mut node = 0;
        for token in &tokens {
            let key: String = token.normal.iter().collect();
            node = if let Some(&child) = self.nodes[node].children.get(key.as_str()) {
                child
            } else {
                self.nodes.push(Node::default());
                let child = self.nodes.len() - 1;
                self.nodes[node].children.insert(key.into_boxed_str(), child);
                child
            };
        }
        let labels = &mut self.nodes[node].labels;
        if labels.is_empty() {
            self.strings += 1;
        }
        *labels.entry(label.to_owned()).or_insert(0) += 1;
        Some(node)
    }

    /// Whether a string is annotated often enough where the learned documents have it.
    fn is_mostly_annotated(&self, node: usize) -> bool {
        let node = &self.nodes[node];
        node.occurrences == 0 || node.annotated_in_documents as f32 >= MIN_ANNOTATED_SHARE * node.occurrences as f32
    }

    /// Number of distinct strings learned.
    #[must_use]
    pub fn len(&self) -> usize {
        self.strings
    }

    /// Whether nothing was learned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.strings == 0
    }

    /// The best label of a learned string and its relative frequency.
    fn best_label(&self, node: usize) -> Option<(&str, f32)> {
        let labels = &self.nodes[node].labels;
        let total: u32 = labels.values().sum();
        let mut best: Option<(&str, u32)> = None;
        for (label, &count) in labels {
            if best.is_none_or(|(_, most)| count > most) {
                best = Some((label, count));
            }
        }
        best.map(|(label, count)| (label, count as f32 / total.max(1) as f32))
    }

    /// The longest learned string starting at token `at`: (node, tokens matched, stem offset
    /// in the first token's normal form).
    fn longest_at(&self, tokens: &[TextToken], at: usize) -> Option<(usize, usize, usize)> {
        let first = &tokens[at];
        let readings = if first.is_word {
            stem_readings(&first.normal)
        } else {
            vec![(0, first.normal.iter().collect())]
        };
        let mut best: Option<(usize, usize, usize)> = None;
        for (stem_at, stem) in readings {
            let Some(&start) = self.nodes[0].children.get(stem.as_str()) else {
                continue;
            };
            let mut node = start;
            let mut length = 1;
            let mut found = (!self.nodes[node].labels.is_empty()).then_some((node, length));
            let mut key = String::new();
            while let Some(next) = tokens.get(at + length) {
                key.clear();
                key.extend(next.normal.iter());
                let Some(&child) = self.nodes[node].children.get(key.as_str()) else {
                    break;
                };
                node = child;
                length += 1;
                if !self.nodes[node].labels.is_empty() {
                    found = Some((node, length));
                }
            }
            // Readings come whole word first: a stripped reading wins only when longer.
            if let Some((node, length)) = found
                && best.is_none_or(|(_, most, _)| length > most)
            {
                best = Some((node, length, stem_at));
            }
        }
        best
    }

    /// The learned strings found in `document` (see the module comment). Never proposes a
    /// span the document already has (same range and label), nor a label its schema lacks.
    #[must_use]
    pub fn suggest(&self, document: &Document) -> Candidates {
        let mut candidates = Candidates::default();
        if self.is_empty() {
            return candidates;
        }
        let existing: HashSet<(usize, usize, &str)> = document
            .spans()
            .iter()
            .map(|s| (s.char_start, s.char_end, s.label.as_str()))
            .collect();
        let tokens = text_tokens(document.text());
        let mut at = 0;
        while at < tokens.len() {
            let Some((node, length, stem_at)) = self.longest_at(&tokens, at) else {
                at += 1;
                continue;
            };
            let first = &tokens[at];
            let keep_prefixes = self.prefix_votes.1 > self.prefix_votes.0;
            let char_start = if keep_prefixes {
                first.char_start
            } else {
                first.origin.get(stem_at).copied().unwrap_or(first.char_start)
            };
            let char_end = tokens[at + length - 1].char_end;
            if let Some((label, score)) = self.best_label(node)
                && self.is_mostly_annotated(node)
                && !existing.contains(&(char_start, char_end, label))
                && document.schema().label(label).is_some()
            {
                candidates.spans.push(SpanCandidate {
                    char_start,
                    char_end,
                    label: label.to_owned(),
                    score,
                });
            }
            at += length;
        }
        candidates
    }
}

/// Whether `text` starts with an attached proclitic before an article word («والجيش»).
fn starts_with_prefixed_article(text: &str) -> bool {
    text_tokens(text).first().is_some_and(|first| {
        first.is_word
            && stem_readings(&first.normal)
                .into_iter()
                .any(|(at, stem)| at > 0 && stem.starts_with("ال") && stem.chars().count() >= 4)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::testing::document;

    fn texts(document: &Document, candidates: &Candidates) -> Vec<(String, String)> {
        candidates
            .spans
            .iter()
            .map(|c| (document.text_of(c.char_start, c.char_end).to_owned(), c.label.clone()))
            .collect()
    }

    fn pair(text: &str, label: &str) -> (String, String) {
        (text.to_owned(), label.to_owned())
    }

    #[test]
    fn longest_match_first_and_no_overlap() {
        let learned = document(
            "قال الجيش ثم قال قادة الجيش الليبي",
            &[("الجيش", "Actor"), ("قادة الجيش الليبي", "Quote")],
        );
        let matcher = Matcher::learn(&[&learned], &[]);
        assert_eq!(matcher.len(), 2);
        let target = document("وصل قادة الجيش الليبي ثم الجيش", &[]);
        let found = matcher.suggest(&target);
        assert_eq!(
            texts(&target, &found),
            [pair("قادة الجيش الليبي", "Quote"), pair("الجيش", "Actor")]
        );
    }

    #[test]
    fn attached_prefixes_are_matched_and_left_out() {
        let matcher = Matcher::learn(&[], &[("الجيش".to_owned(), "Actor".to_owned())]);
        let target = document("والجيش وبالجيش فالجيش للجيش الجيشان", &[]);
        let found = matcher.suggest(&target);
        assert_eq!(
            texts(&target, &found),
            [
                pair("الجيش", "Actor"),
                pair("الجيش", "Actor"),
                pair("الجيش", "Actor"),
                pair("لجيش", "Actor"),
            ],
            "«الجيشان» is another word"
        );
    }

    #[test]
    fn a_name_starting_with_waw_is_not_stripped() {
        let matcher = Matcher::learn(&[], &[("وليد".to_owned(), "Actor".to_owned())]);
        let target = document("التقى وليد بالوزير", &[]);
        let found = matcher.suggest(&target);
        assert_eq!(texts(&target, &found), [pair("وليد", "Actor")]);
        assert_eq!(found.spans[0].char_start, 6, "the و is part of the name");
    }

    #[test]
    fn normalised_forms_and_most_frequent_label() {
        let learned = document(
            "أكّد الرئيس ثم الرئيس ثم الرئيس",
            &[("الرئيس", "Actor"), ("الرئيس ثم", "Quote")],
        );
        let mut matcher = Matcher::learn(&[&learned], &[]);
        matcher.add_span("الرئيس", "Actor");
        matcher.add_span("الرئيس", "Quote");
        let target = document("قال الرَّئيس", &[]);
        let found = matcher.suggest(&target);
        assert_eq!(texts(&target, &found), [pair("الرَّئيس", "Actor")]);
        assert!((found.spans[0].score - 2.0 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn existing_spans_are_not_proposed_again() {
        let learned = document("الجيش", &[("الجيش", "Actor")]);
        let matcher = Matcher::learn(&[&learned], &[]);
        assert!(matcher.suggest(&learned).spans.is_empty());
        let other = document("الجيش والجيش", &[("الجيش", "Actor")]);
        assert_eq!(matcher.suggest(&other).spans.len(), 1);
    }

    #[test]
    fn alef_dropped_spans_learn_the_article_spelling() {
        let learned = document("عزاء للحداد", &[("لحداد", "Actor")]);
        let matcher = Matcher::learn(&[&learned], &[]);
        let target = document("قال الحداد", &[]);
        assert_eq!(texts(&target, &matcher.suggest(&target)), [pair("الحداد", "Actor")]);
    }

    #[test]
    fn strings_mostly_left_unannotated_are_not_proposed() {
        let learned = document("قال علي إنه على حق وعلى الجميع أن يعرف", &[("علي", "Actor")]);
        let matcher = Matcher::learn(&[&learned], &[]);
        let target = document("وصل علي", &[]);
        assert!(
            matcher.suggest(&target).spans.is_empty(),
            "«علي» is «على» in two of three uses"
        );
        let mut added = matcher.clone();
        added.add_span("الجيش", "Actor");
        assert_eq!(added.suggest(&document("وصل الجيش", &[])).spans.len(), 1);
    }

    #[test]
    fn token_datasets_keep_prefixes_inside() {
        let learned = document("وصل والجيش ثم بالعاصمة", &[("والجيش", "Actor"), ("بالعاصمة", "Actor")]);
        let matcher = Matcher::learn(&[&learned], &[]);
        let target = document("ثم والجيش", &[]);
        let found = matcher.suggest(&target);
        assert_eq!(texts(&target, &found), [pair("والجيش", "Actor")]);
    }

    #[test]
    fn gazetteer_lines() {
        let parsed = parse_gazetteer("# names\nالجيش الليبي\tActor\n\nطرابلس\tPlace\n").expect("reads");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0], ("الجيش الليبي".to_owned(), "Actor".to_owned()));
        assert_eq!(parse_gazetteer("a\tb\nno tab"), Err(GazetteerError::NoTab { line: 2 }));
        assert_eq!(parse_gazetteer("\tb"), Err(GazetteerError::Empty { line: 1 }));
    }

    #[test]
    fn labels_outside_the_schema_are_not_proposed() {
        let matcher = Matcher::learn(&[], &[("طرابلس".to_owned(), "Place".to_owned())]);
        assert!(matcher.suggest(&document("في طرابلس", &[])).spans.is_empty());
    }
}
