//! Turning what a source proposes into the command that stores it: proposals that cannot be
//! stored (outside the text, a label the schema lacks) or need not be (already annotated,
//! rejected before, proposed twice) are left out, and the rest numbered.

use std::collections::{HashMap, HashSet};

use crate::model::{
    Command, Document, LinkRejection, SpanId, SuggestedLink, SuggestedSpan, SuggestionEnd, SuggestionId,
    SuggestionSource, clamp_score,
};

/// A span a source proposes, before it is numbered.
#[derive(Clone, Debug, PartialEq)]
pub struct NewSuggestion {
    /// First char.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
    /// Label name.
    pub label: String,
    /// Confidence, 0 to 1 (clamped).
    pub score: f32,
}

/// One end of a proposed link: an annotated span, or a proposal of the same batch (its index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewEnd {
    /// An annotated span.
    Span(SpanId),
    /// The proposal at this index of the batch's spans.
    New(usize),
}

/// A link a source proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct NewLink {
    /// Relation name.
    pub kind: String,
    /// Head.
    pub from: NewEnd,
    /// Child.
    pub to: NewEnd,
    /// Confidence, 0 to 1 (clamped).
    pub score: f32,
}

/// How many suggestions a batch makes, and how many proposals it left out and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchCounts {
    /// Suggested spans and links the command holds.
    pub made: usize,
    /// Already an annotated span of that label and range (or link).
    pub annotated: usize,
    /// Rejected before.
    pub rejected: usize,
    /// Outside the text, or a label or relation the schema does not define.
    pub invalid: usize,
}

impl Document {
    /// The command that replaces `source`'s suggestions with these proposals, and how many it
    /// makes and leaves out. Numbering starts after every suggestion id in use.
    #[must_use]
    pub fn suggestion_command(
        &self,
        source: &SuggestionSource,
        spans: &[NewSuggestion],
        links: &[NewLink],
    ) -> (Command, BatchCounts) {
        let mut counts = BatchCounts::default();
        let annotated: HashSet<(usize, usize, &str)> = self
            .spans
            .iter()
            .map(|s| (s.char_start, s.char_end, s.label.as_str()))
            .collect();
        let mut next = self.suggestions.next_id().0;
        let mut seen = HashSet::new();
        let mut numbered: HashMap<usize, SuggestionId> = HashMap::new();
        let mut out_spans = Vec::new();
        for (index, proposal) in spans.iter().enumerate() {
            let key = (proposal.char_start, proposal.char_end, proposal.label.as_str());
            if proposal.char_start >= proposal.char_end
                || proposal.char_end > self.char_len()
                || self.schema.label(&proposal.label).is_none()
            {
                counts.invalid += 1;
            } else if annotated.contains(&key) {
                counts.annotated += 1;
            } else if self
                .suggestions
                .is_rejected(&proposal.label, proposal.char_start, proposal.char_end)
            {
                counts.rejected += 1;
            } else if seen.insert(key) {
                let id = SuggestionId(next);
                next += 1;
                numbered.insert(index, id);
                out_spans.push(SuggestedSpan {
                    id,
                    label: proposal.label.clone(),
                    char_start: proposal.char_start,
                    char_end: proposal.char_end,
                    score: clamp_score(proposal.score),
                    source: source.clone(),
                });
            }
        }
        let mut out_links = Vec::new();
        for proposal in links {
            let end = |end: NewEnd| match end {
                NewEnd::Span(id) => self.span(id).map(|_| SuggestionEnd::Span(id)),
                NewEnd::New(index) => numbered.get(&index).map(|&id| SuggestionEnd::Suggested(id)),
            };
            let (Some(from), Some(to)) = (end(proposal.from), end(proposal.to)) else {
                counts.invalid += 1;
                continue;
            };
            if self.schema.relation(&proposal.kind).is_none() {
                counts.invalid += 1;
                continue;
            }
            if let (SuggestionEnd::Span(a), SuggestionEnd::Span(b)) = (from, to)
                && self
                    .links
                    .iter()
                    .any(|l| l.kind == proposal.kind && l.from == a && l.to == b)
            {
                counts.annotated += 1;
                continue;
            }
            let range = |end: SuggestionEnd| match end {
                SuggestionEnd::Span(id) => self.span(id).map(|s| (s.char_start, s.char_end)),
                SuggestionEnd::Suggested(id) => out_spans
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| (s.char_start, s.char_end)),
            };
            if let (Some(from_range), Some(to_range)) = (range(from), range(to))
                && self.suggestions.rejected_links.contains(&LinkRejection {
                    kind: proposal.kind.clone(),
                    from: from_range,
                    to: to_range,
                })
            {
                counts.rejected += 1;
                continue;
            }
            out_links.push(SuggestedLink {
                id: SuggestionId(next),
                kind: proposal.kind.clone(),
                from,
                to,
                score: clamp_score(proposal.score),
                source: source.clone(),
            });
            next += 1;
        }
        counts.made = out_spans.len() + out_links.len();
        let command = Command::SetSuggestions {
            source: source.clone(),
            spans: out_spans,
            links: out_links,
        };
        (command, counts)
    }
}
