//! The user's text selection: an anchor and a focus caret (char boundaries), so a drag can
//! go backwards and Shift+click can extend it.

use std::ops::Range;

use crate::text::Words;

/// A selection between two char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Where it started.
    pub anchor: usize,
    /// Where it ends (moves with the pointer).
    pub focus: usize,
    /// Whether the ends snap outwards to whole words.
    pub snap_to_words: bool,
}

impl Selection {
    /// A selection of exactly `range`.
    #[must_use]
    pub fn of_range(range: Range<usize>) -> Self {
        Self {
            anchor: range.start,
            focus: range.end,
            snap_to_words: false,
        }
    }

    /// The selected chars, in logical order; `None` when empty.
    #[must_use]
    pub fn range(&self, words: Words<'_>) -> Option<Range<usize>> {
        let raw = self.anchor.min(self.focus)..self.anchor.max(self.focus);
        let range = if self.snap_to_words {
            words.snap_to_words(raw)
        } else {
            raw
        };
        (!range.is_empty()).then_some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::CharIndex;

    #[test]
    fn backwards_and_snapped_selections() {
        let text = "الفريق محمد الحداد";
        let index = CharIndex::new(text);
        let words = Words::new(text, &index);
        let backwards = Selection {
            anchor: 9,
            focus: 2,
            snap_to_words: false,
        };
        assert_eq!(backwards.range(words), Some(2..9));
        let snapped = Selection {
            snap_to_words: true,
            ..backwards
        };
        assert_eq!(snapped.range(words), Some(0..11));
        assert_eq!(Selection::of_range(4..4).range(words), None);
    }
}
