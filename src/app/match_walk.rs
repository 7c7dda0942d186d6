//! Labelling the matches of a search: which matches still need a span of the chosen label,
//! and the walk through them one by one (Y label / N skip / A label all remaining / Esc
//! stop), as brat's maintainers proposed for "label every occurrence". The walk collects the
//! ranges; the caller turns them into one batch command, so one undo removes them all.

use std::ops::Range;

use crate::model::Document;
use crate::text::find::Match;

/// The ranges of `matches` to label with `label`: from each match's stem (or its start when
/// prefixes are kept), leaving out matches already covered by a span of that label.
#[must_use]
pub fn ranges_to_label(
    document: &Document,
    matches: &[Match],
    label: &str,
    leave_out_prefixes: bool,
) -> Vec<Range<usize>> {
    matches
        .iter()
        .map(|found| found.range(leave_out_prefixes))
        .filter(|range| {
            !document
                .spans_overlapping(range.start, range.end)
                .any(|span| span.label == label && span.char_start <= range.start && range.end <= span.char_end)
        })
        .collect()
}

/// An answer during a walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkAnswer {
    /// Label the current match and go to the next.
    Yes,
    /// Skip the current match.
    No,
    /// Label the current match and every one after it.
    All,
    /// Stop; what was accepted so far is labelled.
    Stop,
}

/// A walk through the matches to label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchWalk {
    /// The label the accepted matches get.
    pub label: String,
    ranges: Vec<Range<usize>>,
    next: usize,
    accepted: Vec<Range<usize>>,
    stopped: bool,
}

impl MatchWalk {
    /// A walk over `ranges` (in text order) for `label`.
    #[must_use]
    pub fn new(label: impl Into<String>, ranges: Vec<Range<usize>>) -> Self {
        Self {
            label: label.into(),
            ranges,
            next: 0,
            accepted: Vec::new(),
            stopped: false,
        }
    }

    /// The match being asked about, or `None` when the walk is over.
    #[must_use]
    pub fn current(&self) -> Option<Range<usize>> {
        (!self.stopped).then(|| self.ranges.get(self.next).cloned()).flatten()
    }

    /// Position of the current match (1-based) and the number of matches.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        ((self.next + 1).min(self.ranges.len()), self.ranges.len())
    }

    /// Whether every match has been answered or the walk was stopped.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.current().is_none()
    }

    /// Answers for the current match.
    pub fn answer(&mut self, answer: WalkAnswer) {
        let Some(current) = self.current() else {
            return;
        };
        match answer {
            WalkAnswer::Yes => {
                self.accepted.push(current);
                self.next += 1;
            }
            WalkAnswer::No => self.next += 1,
            WalkAnswer::All => {
                self.accepted.extend(self.ranges[self.next..].iter().cloned());
                self.next = self.ranges.len();
            }
            WalkAnswer::Stop => self.stopped = true,
        }
    }

    /// The accepted ranges, in text order.
    #[must_use]
    pub fn accepted(&self) -> &[Range<usize>] {
        &self.accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, Span, SpanId};

    fn walk_of(n: usize) -> MatchWalk {
        MatchWalk::new("Actor", (0..n).map(|i| i * 10..i * 10 + 4).collect())
    }

    #[test]
    fn yes_no_all_and_stop() {
        let mut walk = walk_of(4);
        assert_eq!(walk.progress(), (1, 4));
        walk.answer(WalkAnswer::Yes);
        walk.answer(WalkAnswer::No);
        assert_eq!(walk.current(), Some(20..24));
        walk.answer(WalkAnswer::All);
        assert!(walk.is_done());
        assert_eq!(walk.accepted(), [0..4, 20..24, 30..34]);

        let mut stopped = walk_of(3);
        stopped.answer(WalkAnswer::Yes);
        stopped.answer(WalkAnswer::Stop);
        assert!(stopped.is_done());
        stopped.answer(WalkAnswer::Yes);
        assert_eq!(stopped.accepted(), vec![0..4], "answers after a stop change nothing");
    }

    #[test]
    fn matches_covered_by_the_label_are_skipped() {
        let text = "قال الحداد ثم والحداد";
        let spans = vec![Span::new(SpanId(1), "Actor", 4, 10)];
        let document = Document::from_parts(
            text.to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            Vec::new(),
        );
        let search = crate::text::find::SearchText::new(text);
        let matches = search
            .find("الحداد", &crate::text::find::FindOptions::default())
            .expect("valid");
        assert_eq!(matches.len(), 2);
        assert_eq!(ranges_to_label(&document, &matches, "Actor", true), vec![15..21]);
        assert_eq!(ranges_to_label(&document, &matches, "Actor", false), vec![14..21]);
        assert_eq!(ranges_to_label(&document, &matches, "Quote", true), [4..10, 15..21]);
    }
}
