//! The open document's problems ([`crate::checks`]) for the Problems window and F8 /
//! Shift+F8: found again only when the document changed, and walked from the span the
//! annotator has selected, wrapping at either end.

use crate::checks::{Problem, find_problems};
use crate::model::{Document, SpanId};

/// The problems of the open document, kept until it changes.
#[derive(Debug, Default)]
pub struct ProblemList {
    /// What `problems` were found for: (document generation, revision).
    found_for: Option<(u64, u64)>,
    problems: Vec<Problem>,
    /// The problem F8 last went to.
    current: Option<usize>,
}

impl ProblemList {
    /// The problems of `document`, found again when `state` (the document's generation and
    /// revision) differs from the last call.
    pub fn refresh(&mut self, state: (u64, u64), document: &Document) -> &[Problem] {
        if self.found_for != Some(state) {
            self.problems = find_problems(document);
            self.found_for = Some(state);
            self.current = None;
        }
        &self.problems
    }

    /// The problems found at the last [`Self::refresh`].
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Goes to the next problem (`forward`) or the previous one, from the problem last gone
    /// to when `selected` is still its span, else from `selected`'s place in the text (from
    /// the start when nothing is selected); wraps at either end. `None` when there is none.
    pub fn step(&mut self, document: &Document, selected: Option<SpanId>, forward: bool) -> Option<&Problem> {
        let count = self.problems.len();
        if count == 0 {
            return None;
        }
        let at_current = self
            .current
            .filter(|&index| Some(self.problems[index].span) == selected);
        let next = match (at_current, selected.and_then(|id| document.span(id))) {
            (Some(index), _) if forward => (index + 1) % count,
            (Some(index), _) => (index + count - 1) % count,
            (None, Some(span)) => {
                let key = (span.char_start, span.char_end);
                if forward {
                    let after = self.problems.partition_point(|p| (p.char_start, p.char_end) <= key);
                    after % count
                } else {
                    let before = self.problems.partition_point(|p| (p.char_start, p.char_end) < key);
                    (before + count - 1) % count
                }
            }
            (None, None) if forward => 0,
            (None, None) => count - 1,
        };
        self.current = Some(next);
        self.problems.get(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckKind;
    use crate::model::{DocumentMeta, Schema, Span};

    /// Quotes «قال», «ذلك», «جدا» without speakers; an Actor «اليوم».
    fn document() -> Document {
        let spans = vec![
            Span::new(SpanId(1), "Quote", 0, 3),
            Span::new(SpanId(2), "Quote", 4, 7),
            Span::new(SpanId(3), "Quote", 8, 11),
            Span::new(SpanId(4), "Actor", 12, 17),
        ];
        let text = "قال ذلك جدا اليوم هنا".to_owned();
        Document::from_parts(
            text,
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            Vec::new(),
        )
    }

    fn walk(list: &mut ProblemList, document: &Document, selected: Option<u64>, forward: bool) -> Option<u64> {
        list.step(document, selected.map(SpanId), forward).map(|p| p.span.0)
    }

    #[test]
    fn f8_walks_forward_and_back_from_the_selection_and_wraps() {
        let document = document();
        let mut list = ProblemList::default();
        let found = list.refresh((1, 0), &document);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|p| p.check == CheckKind::MissingLink));
        assert_eq!(walk(&mut list, &document, None, true), Some(1));
        assert_eq!(walk(&mut list, &document, Some(1), true), Some(2));
        assert_eq!(walk(&mut list, &document, Some(2), true), Some(3));
        assert_eq!(walk(&mut list, &document, Some(3), true), Some(1), "wraps");
        assert_eq!(walk(&mut list, &document, Some(1), false), Some(3), "wraps back");
        // From a span with no problem: the next problem after it in the text, or before it.
        assert_eq!(walk(&mut list, &document, Some(4), true), Some(1));
        assert_eq!(walk(&mut list, &document, Some(4), false), Some(3));
        assert_eq!(walk(&mut list, &document, None, false), Some(3));
    }

    #[test]
    fn problems_are_found_again_only_when_the_document_changed() {
        let document = document();
        let mut list = ProblemList::default();
        assert_eq!(list.refresh((1, 0), &document).len(), 3);
        let empty = Document::from_parts(
            "نص".to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            Vec::new(),
            Vec::new(),
        );
        assert_eq!(list.refresh((1, 0), &empty).len(), 3, "same state: kept");
        assert!(list.refresh((1, 1), &empty).is_empty(), "new revision: found again");
        assert_eq!(list.step(&empty, None, true), None);
    }
}
