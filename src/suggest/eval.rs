//! Measuring a source: its span candidates against the annotated spans of the same documents,
//! exact span match (same range and label), per label and in total (micro average), as
//! `hashiya suggest --eval` prints them. Also the positional split of the issue's `ANERcorp`
//! evaluation: the first part of the tokens to train, the rest to test.

use std::collections::{BTreeMap, HashSet};

use crate::export::tokens::{SentenceSplit, tokenize};
use crate::model::{Document, DocumentMeta, Span};
use crate::suggest::candidate::{CandidateEnd, Candidates};

/// Counts of one label (or of all, for the micro total).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Candidates that match an annotated span exactly.
    pub correct: usize,
    /// Candidates proposed.
    pub proposed: usize,
    /// Annotated spans.
    pub annotated: usize,
}

impl Counts {
    /// Share of the proposed that are right (0 when nothing was proposed).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.proposed)
    }

    /// Share of the annotated that were proposed (0 when nothing is annotated).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.annotated)
    }

    /// Harmonic mean of precision and recall (0 when both are 0).
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn add(&mut self, other: &Self) {
        self.correct += other.correct;
        self.proposed += other.proposed;
        self.annotated += other.annotated;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// The scores of a source: per label (name order) and the micro total, and its links per
/// kind (a link is right when its kind and both ends' ranges and labels are those of an
/// annotated link).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Label → counts.
    pub labels: BTreeMap<String, Counts>,
    /// All labels together.
    pub total: Counts,
    /// Link kind → counts.
    pub links: BTreeMap<String, Counts>,
    /// Labels whose spans the source was given ([`given_document`]): not scored.
    pub given_labels: Vec<String>,
}

impl Evaluation {
    /// Adds one document: its annotated spans against the candidates proposed for it.
    /// Existing ends (`CandidateEnd::Span`) are looked up in `annotated`: the document given to
    /// the source kept the ids of the spans it was given.
    pub fn add(&mut self, annotated: &Document, candidates: &Candidates) {
        let given_labels = self.given_labels.clone();
        let given = |label: &str| given_labels.iter().any(|l| l == label);
        let gold: HashSet<(usize, usize, &str)> = annotated
            .spans()
            .iter()
            .map(|s| (s.char_start, s.char_end, s.label.as_str()))
            .collect();
        let spans: Vec<&Span> = annotated.spans().iter().filter(|s| !given(&s.label)).collect();
        for span in spans {
            self.labels.entry(span.label.clone()).or_default().annotated += 1;
        }
        self.add_links(annotated, candidates);
        let mut seen = HashSet::new();
        for candidate in candidates.spans.iter().filter(|c| !given(&c.label)) {
            let key = (candidate.char_start, candidate.char_end, candidate.label.as_str());
            if !seen.insert(key) {
                continue;
            }
            let counts = self.labels.entry(candidate.label.clone()).or_default();
            counts.proposed += 1;
            if gold.contains(&key) {
                counts.correct += 1;
            }
        }
        self.total = Counts::default();
        for counts in self.labels.values() {
            self.total.add(counts);
        }
    }

    fn add_links(&mut self, annotated: &Document, candidates: &Candidates) {
        type End<'a> = (usize, usize, &'a str);
        let of_span = |id| annotated.span(id).map(|s| (s.char_start, s.char_end, s.label.as_str()));
        let resolve = |end: CandidateEnd| -> Option<End<'_>> {
            match end {
                CandidateEnd::Span(id) => of_span(id),
                CandidateEnd::Candidate(index) => candidates
                    .spans
                    .get(index)
                    .map(|c| (c.char_start, c.char_end, c.label.as_str())),
            }
        };
        let gold: HashSet<(&str, End<'_>, End<'_>)> = annotated
            .links()
            .iter()
            .filter_map(|l| Some((l.kind.as_str(), of_span(l.from)?, of_span(l.to)?)))
            .collect();
        for link in annotated.links() {
            self.links.entry(link.kind.clone()).or_default().annotated += 1;
        }
        let mut seen = HashSet::new();
        for link in &candidates.links {
            let (Some(from), Some(to)) = (resolve(link.from), resolve(link.to)) else {
                continue;
            };
            let key = (link.kind.as_str(), from, to);
            if !seen.insert(key) {
                continue;
            }
            let counts = self.links.entry(link.kind.clone()).or_default();
            counts.proposed += 1;
            if gold.contains(&key) {
                counts.correct += 1;
            }
        }
    }
}

/// What a source is given to propose for: `document` without its links and without its
/// spans but those labelled one of `given_labels` (ids kept).
#[must_use]
pub fn given_document(document: &Document, given_labels: &[String]) -> Document {
    let spans = document
        .spans()
        .iter()
        .filter(|s| given_labels.contains(&s.label))
        .cloned()
        .collect();
    Document::from_parts(
        document.text().to_owned(),
        document.schema().clone(),
        document.meta().clone(),
        spans,
        Vec::new(),
    )
}

/// Splits documents by token position: the first `fraction` of all their tokens (the
/// `CoNLL` tokenizer's) to train, the rest to test. The document holding the cut is cut in
/// two at the first sentence start at or after it that no span crosses (at the token itself
/// when there is none); links are dropped from both halves.
#[must_use]
pub fn split_by_position(documents: &[Document], fraction: f64) -> (Vec<Document>, Vec<Document>) {
    let counts: Vec<Vec<(usize, bool)>> = documents
        .iter()
        .map(|d| {
            tokenize(d.text(), &[], &[], SentenceSplit::Unicode)
                .iter()
                .map(|t| (t.char_start, t.starts_sentence))
                .collect()
        })
        .collect();
    let total: usize = counts.iter().map(Vec::len).sum();
    let target = ((total as f64) * fraction.clamp(0.0, 1.0)).round() as usize;
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let mut before = 0;
    for (document, tokens) in documents.iter().zip(&counts) {
        if before + tokens.len() <= target {
            train.push(document.clone());
        } else if before >= target {
            test.push(document.clone());
        } else {
            let at = target - before;
            let crossed = |offset: usize| {
                document
                    .spans()
                    .iter()
                    .any(|s| s.char_start < offset && offset < s.char_end)
            };
            let cut = tokens[at..]
                .iter()
                .find(|&&(start, sentence)| sentence && !crossed(start))
                .map_or(tokens[at].0, |&(start, _)| start);
            let (head, tail) = cut_document(document, cut);
            train.push(head);
            test.push(tail);
        }
        before += tokens.len();
    }
    (train, test)
}

/// The two halves of `document` at char offset `cut` (spans crossing it are dropped).
fn cut_document(document: &Document, cut: usize) -> (Document, Document) {
    let text = document.text();
    let byte = text.char_indices().nth(cut).map_or(text.len(), |(b, _)| b);
    let part = |suffix: &str, range_text: &str, spans: Vec<Span>| {
        let meta = DocumentMeta {
            source_name: format!("{}#{suffix}", document.meta().source_name),
            ..document.meta().clone()
        };
        Document::from_parts(
            range_text.to_owned(),
            document.schema().clone(),
            meta,
            spans,
            Vec::new(),
        )
    };
    let head_spans = document.spans().iter().filter(|s| s.char_end <= cut).cloned().collect();
    let tail_spans = document
        .spans()
        .iter()
        .filter(|s| s.char_start >= cut)
        .map(|s| Span {
            char_start: s.char_start - cut,
            char_end: s.char_end - cut,
            ..s.clone()
        })
        .collect();
    (
        part("train", &text[..byte], head_spans),
        part("test", &text[byte..], tail_spans),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Schema, SpanId};
    use crate::suggest::candidate::SpanCandidate;

    fn document(text: &str, spans: &[(usize, usize, &str)]) -> Document {
        let spans = spans
            .iter()
            .enumerate()
            .map(|(i, &(start, end, label))| Span::new(SpanId(i as u64 + 1), label, start, end))
            .collect();
        Document::from_parts(
            text.to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            Vec::new(),
        )
    }

    fn candidate(start: usize, end: usize, label: &str) -> SpanCandidate {
        SpanCandidate {
            char_start: start,
            char_end: end,
            label: label.to_owned(),
            score: 1.0,
        }
    }

    #[test]
    fn exact_match_per_label_and_total() {
        let gold = document("aaa bbb ccc ddd", &[(0, 3, "Actor"), (4, 7, "Actor"), (8, 11, "Quote")]);
        let candidates = Candidates {
            spans: vec![
                candidate(0, 3, "Actor"),
                candidate(4, 6, "Actor"),
                candidate(8, 11, "Actor"),
                candidate(8, 11, "Quote"),
            ],
            links: Vec::new(),
        };
        let mut evaluation = Evaluation::default();
        evaluation.add(&gold, &candidates);
        let actor = &evaluation.labels["Actor"];
        assert_eq!((actor.correct, actor.proposed, actor.annotated), (1, 3, 2));
        assert!((actor.f1() - 0.4).abs() < 1e-9);
        assert_eq!(evaluation.total.correct, 2);
        assert_eq!(evaluation.total.proposed, 4);
        assert_eq!(evaluation.total.annotated, 3);
        assert!((evaluation.labels["Quote"].precision() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn positional_split_cuts_at_a_sentence_start() {
        let text = "One two three. Four five six. Seven eight.";
        let whole = document(text, &[(0, 3, "Actor"), (20, 28, "Actor"), (30, 35, "Actor")]);
        let (head, tail) = split_by_position(&[whole], 0.5);
        assert_eq!(head.len(), 1);
        assert_eq!(tail.len(), 1);
        assert_eq!(head[0].text(), "One two three. Four five six. ");
        assert_eq!(tail[0].text(), "Seven eight.");
        assert_eq!(head[0].spans().len(), 2);
        assert_eq!(tail[0].span_text(&tail[0].spans()[0]), "Seven");
    }
}
