//! Suggestions between the model and the file (format version 4): written from a document,
//! checked, and placed back in the article on load. A suggestion is cheap to make again, so
//! one whose text is no longer at its offsets (the article changed) is dropped with a warning
//! rather than re-anchored.

use std::collections::{BTreeSet, HashSet};

use crate::io::ProblemReason;
use crate::io::dto::{EndDto, FileDto, RejectedDto, RejectedLinkDto, SourceDto, SuggestedLinkDto, SuggestionDto};
use crate::model::{
    Document, LinkRejection, Rejection, Schema, SpanId, SuggestedLink, SuggestedSpan, SuggestionEnd, SuggestionId,
    SuggestionSource, Suggestions,
};
use crate::text::CharIndex;

impl FileDto {
    /// Fills the suggestion sections from the document.
    pub(crate) fn set_suggestions(&mut self, document: &Document) {
        let suggestions = document.suggestions();
        self.suggestions = suggestions
            .spans()
            .iter()
            .map(|s| SuggestionDto {
                id: s.id.0,
                label: s.label.clone(),
                start: s.char_start as u64,
                end: s.char_end as u64,
                text: document.text_of(s.char_start, s.char_end).to_owned(),
                score: s.score,
                source: SourceDto::from(&s.source),
            })
            .collect();
        self.suggested_links = suggestions
            .links()
            .iter()
            .map(|l| SuggestedLinkDto {
                id: l.id.0,
                kind: l.kind.clone(),
                from: EndDto::from(l.from),
                to: EndDto::from(l.to),
                score: l.score,
                source: SourceDto::from(&l.source),
            })
            .collect();
        self.rejected = suggestions
            .rejected()
            .iter()
            .map(|r| RejectedDto {
                label: r.label.clone(),
                start: r.char_start as u64,
                end: r.char_end as u64,
            })
            .collect();
        self.rejected_links = suggestions
            .rejected_links()
            .iter()
            .map(|r| RejectedLinkDto {
                kind: r.kind.clone(),
                from: (r.from.0 as u64, r.from.1 as u64),
                to: (r.to.0 as u64, r.to.1 as u64),
            })
            .collect();
    }

    /// Problems of the suggestion sections that make the file invalid: a score that is not a
    /// number from 0 to 1, an id used twice, a label or kind the schema does not define, an
    /// empty or reversed range, a link end that is neither a span nor a suggestion.
    pub(crate) fn suggestion_problems(
        &self,
        schema: &Schema,
        span_ids: &HashSet<u64>,
    ) -> Vec<(bool, u64, String, ProblemReason)> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for s in &self.suggestions {
            let mut say = |message: String, reason| problems.push((true, s.id, message, reason));
            let id = s.id;
            if !ids.insert(s.id) {
                say(
                    format!("suggestion S{} is defined twice", s.id),
                    ProblemReason::SuggestionTwice { id },
                );
            }
            if !(0.0..=1.0).contains(&s.score) {
                say(
                    format!("suggestion S{} has score {}, not a number from 0 to 1", s.id, s.score),
                    ProblemReason::SuggestionScore { id },
                );
            }
            if schema.label(&s.label).is_none() {
                say(
                    format!(
                        "suggestion S{} has label \"{}\", which the schema does not define",
                        s.id, s.label
                    ),
                    ProblemReason::SuggestionLabel {
                        id,
                        label: s.label.clone(),
                    },
                );
            }
            if s.start >= s.end || s.end > self.document.char_len {
                say(
                    format!(
                        "suggestion S{} has range {}..{} outside the text (0..{})",
                        s.id, s.start, s.end, self.document.char_len
                    ),
                    ProblemReason::SuggestionRange {
                        id,
                        start: s.start,
                        end: s.end,
                    },
                );
            }
        }
        let suggested: HashSet<u64> = self.suggestions.iter().map(|s| s.id).collect();
        for l in &self.suggested_links {
            let mut say = |message: String, reason| problems.push((false, l.id, message, reason));
            let id = l.id;
            if !ids.insert(l.id) {
                say(
                    format!("suggestion S{} is defined twice", l.id),
                    ProblemReason::SuggestionTwice { id },
                );
            }
            if !(0.0..=1.0).contains(&l.score) {
                say(
                    format!("suggestion S{} has score {}, not a number from 0 to 1", l.id, l.score),
                    ProblemReason::SuggestionScore { id },
                );
            }
            if schema.relation(&l.kind).is_none() {
                say(
                    format!(
                        "suggestion S{} has kind \"{}\", which the schema does not define",
                        l.id, l.kind
                    ),
                    ProblemReason::SuggestionKind {
                        id,
                        kind: l.kind.clone(),
                    },
                );
            }
            for end in [l.from, l.to] {
                let exists = match end {
                    EndDto::Span(id) => span_ids.contains(&id),
                    EndDto::Suggested(id) => suggested.contains(&id),
                };
                if !exists {
                    say(
                        format!("suggestion S{} refers to {end:?}, which is not in the file", l.id),
                        ProblemReason::SuggestionEnd { id },
                    );
                }
            }
        }
        problems
    }

    /// The suggestions that still fit the article, and how many did not when some did not
    /// (the article changed): those are dropped, with the suggested links that ended at them.
    pub(crate) fn place_suggestions(
        &self,
        text: &str,
        index: &CharIndex,
        spans: &HashSet<SpanId>,
    ) -> (Suggestions, Option<usize>) {
        let char_len = index.char_len() as u64;
        let fits = |start: u64, end: u64| start < end && end <= char_len;
        let mut dropped = 0;
        let mut spans_out = Vec::with_capacity(self.suggestions.len());
        for s in &self.suggestions {
            let placed = fits(s.start, s.end) && index.slice(text, to_usize(s.start)..to_usize(s.end)) == s.text;
            if placed {
                spans_out.push(SuggestedSpan {
                    id: SuggestionId(s.id),
                    label: s.label.clone(),
                    char_start: to_usize(s.start),
                    char_end: to_usize(s.end),
                    score: s.score,
                    source: SuggestionSource::from(&s.source),
                });
            } else {
                dropped += 1;
            }
        }
        let kept: HashSet<u64> = spans_out.iter().map(|s| s.id.0).collect();
        let end_kept = |end: EndDto| match end {
            EndDto::Span(id) => spans.contains(&SpanId(id)),
            EndDto::Suggested(id) => kept.contains(&id),
        };
        let links: Vec<SuggestedLink> = self
            .suggested_links
            .iter()
            .filter(|l| end_kept(l.from) && end_kept(l.to))
            .map(|l| SuggestedLink {
                id: SuggestionId(l.id),
                kind: l.kind.clone(),
                from: l.from.into(),
                to: l.to.into(),
                score: l.score,
                source: SuggestionSource::from(&l.source),
            })
            .collect();
        dropped += self.suggested_links.len() - links.len();
        let rejected: BTreeSet<Rejection> = self
            .rejected
            .iter()
            .filter(|r| fits(r.start, r.end))
            .map(|r| Rejection {
                label: r.label.clone(),
                char_start: to_usize(r.start),
                char_end: to_usize(r.end),
            })
            .collect();
        let rejected_links: BTreeSet<LinkRejection> = self
            .rejected_links
            .iter()
            .filter(|r| fits(r.from.0, r.from.1) && fits(r.to.0, r.to.1))
            .map(|r| LinkRejection {
                kind: r.kind.clone(),
                from: (to_usize(r.from.0), to_usize(r.from.1)),
                to: (to_usize(r.to.0), to_usize(r.to.1)),
            })
            .collect();
        let warning = (dropped > 0).then_some(dropped);
        (
            Suggestions::from_parts(spans_out, links, rejected, rejected_links),
            warning,
        )
    }
}

/// An offset already checked to lie within the text (so within `usize`).
fn to_usize(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

impl From<&SuggestionSource> for SourceDto {
    fn from(source: &SuggestionSource) -> Self {
        match source {
            SuggestionSource::Matcher => Self::Matcher,
            SuggestionSource::Rules => Self::Rules,
            SuggestionSource::Tagger => Self::Tagger,
            SuggestionSource::Imported(model) => Self::Imported(model.clone()),
        }
    }
}

impl From<&SourceDto> for SuggestionSource {
    fn from(source: &SourceDto) -> Self {
        match source {
            SourceDto::Matcher => Self::Matcher,
            SourceDto::Rules => Self::Rules,
            SourceDto::Tagger => Self::Tagger,
            SourceDto::Imported(model) => Self::Imported(model.clone()),
        }
    }
}

impl From<SuggestionEnd> for EndDto {
    fn from(end: SuggestionEnd) -> Self {
        match end {
            SuggestionEnd::Span(id) => Self::Span(id.0),
            SuggestionEnd::Suggested(id) => Self::Suggested(id.0),
        }
    }
}

impl From<EndDto> for SuggestionEnd {
    fn from(end: EndDto) -> Self {
        match end {
            EndDto::Span(id) => Self::Span(SpanId(id)),
            EndDto::Suggested(id) => Self::Suggested(SuggestionId(id)),
        }
    }
}

impl SourceDto {
    /// As written in files: `Matcher`, `Imported("name")`.
    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Self::Matcher => out.push_str("Matcher"),
            Self::Rules => out.push_str("Rules"),
            Self::Tagger => out.push_str("Tagger"),
            Self::Imported(model) => {
                out.push_str("Imported(");
                crate::io::writer::push_string(out, model);
                out.push(')');
            }
        }
    }
}

impl EndDto {
    /// As written in files: `Span(3)`, `Suggested(7)`.
    pub(crate) fn write(self) -> String {
        match self {
            Self::Span(id) => format!("Span({id})"),
            Self::Suggested(id) => format!("Suggested({id})"),
        }
    }
}
