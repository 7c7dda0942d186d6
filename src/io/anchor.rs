//! Re-anchoring: when a span's stored text is no longer at its offsets (the article changed),
//! find the occurrence of that text nearest to where the span is expected.

use std::collections::HashSet;

use crate::text::CharIndex;

/// Where a span ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Its text is still at its offsets.
    InPlace,
    /// Its text was found starting at this char offset.
    Moved(usize),
    /// Its text is nowhere in the article.
    Orphan,
}

/// First search radius in chars around the expected position; each miss widens it 8×, so an
/// absent text costs about one scan of the article, and a nearby one a few kilobytes.
const FIRST_RADIUS: usize = 1024;

/// Places spans in reading order. The expected position of a span is its stored offset plus
/// the displacement of the previous placed span, so after an insertion near the top, repeated
/// names further down go to their own occurrence, not to an earlier mention.
pub(crate) struct Anchorer<'t> {
    text: &'t str,
    index: &'t CharIndex,
    shift: i128,
    /// Texts already known to be nowhere in the article.
    absent: HashSet<String>,
}

impl<'t> Anchorer<'t> {
    pub fn new(text: &'t str, index: &'t CharIndex) -> Self {
        Self {
            text,
            index,
            shift: 0,
            absent: HashSet::new(),
        }
    }

    /// Places a span stored at `char_start..char_end` with text `needle` (non-empty, of
    /// `char_end - char_start` chars).
    pub fn place(&mut self, char_start: usize, char_end: usize, needle: &str) -> Placement {
        let len = self.index.char_len();
        if char_end <= len && char_start < char_end && self.index.slice(self.text, char_start..char_end) == needle {
            self.shift = 0;
            return Placement::InPlace;
        }
        if needle.is_empty() || self.absent.contains(needle) {
            return Placement::Orphan;
        }
        let expected = (char_start as i128 + self.shift).clamp(0, len as i128) as usize;
        if let Some(found) = self.nearest(expected, needle) {
            self.shift = found as i128 - char_start as i128;
            Placement::Moved(found)
        } else {
            self.absent.insert(needle.to_owned());
            Placement::Orphan
        }
    }

    /// The char offset of the occurrence of `needle` whose start is nearest to `expected`
    /// (the earlier one on a tie).
    fn nearest(&self, expected: usize, needle: &str) -> Option<usize> {
        let len = self.index.char_len();
        let needle_chars = needle.chars().count();
        let expected_byte = self.index.byte_offset(self.text, expected);
        let mut radius = FIRST_RADIUS;
        loop {
            let from_char = expected.saturating_sub(radius);
            let to_char = expected.saturating_add(radius).saturating_add(needle_chars).min(len);
            let from = self.index.byte_offset(self.text, from_char);
            let to = self.index.byte_offset(self.text, to_char);
            if let Some(found) = self.nearest_in(from, to, expected_byte, needle) {
                return Some(found);
            }
            if from_char == 0 && to_char == len {
                return None;
            }
            radius = radius.saturating_mul(8);
        }
    }

    /// Searches the bytes `from..to` (char boundaries) for the occurrences just before and just
    /// after `expected_byte`, and returns the nearer one in chars. Every occurrence found lies
    /// within the search radius, and any occurrence outside it is farther, so the answer is
    /// the nearest in the whole text.
    fn nearest_in(&self, from: usize, to: usize, expected_byte: usize, needle: &str) -> Option<usize> {
        let window = self.text.get(from..to)?;
        let mut before = None;
        let mut after = None;
        let mut offset = 0;
        while let Some(found) = window.get(offset..).and_then(|rest| rest.find(needle)) {
            let at = from + offset + found;
            if at < expected_byte {
                before = Some(at);
            } else {
                after = Some(at);
                break;
            }
            // Step one char, so overlapping occurrences are seen too.
            let step = window[offset + found..].chars().next().map_or(1, char::len_utf8);
            offset += found + step;
        }
        let expected = self.index.char_offset(self.text, expected_byte);
        let before = before.map(|b| self.index.char_offset(self.text, b));
        let after = after.map(|b| self.index.char_offset(self.text, b));
        match (before, after) {
            (Some(b), Some(a)) => Some(if expected - b <= a - expected { b } else { a }),
            (b, a) => b.or(a),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_all(text: &str, spans: &[(usize, usize, &str)]) -> Vec<Placement> {
        let index = CharIndex::new(text);
        let mut anchorer = Anchorer::new(text, &index);
        let owned: Vec<String> = spans.iter().map(|s| s.2.to_owned()).collect();
        spans
            .iter()
            .zip(&owned)
            .map(|(&(start, end, _), needle)| anchorer.place(start, end, needle))
            .collect()
    }

    #[test]
    fn in_place_moved_and_orphaned() {
        // "الحداد" was at 4..10 before "قال " was inserted at the start.
        let text = "قال اجتمع الحداد والناظوري 😀 الحداد";
        let placements = place_all(text, &[(0, 3, "قال"), (6, 12, "الحداد"), (0, 5, "ليبيا")]);
        assert_eq!(placements[0], Placement::InPlace);
        assert_eq!(placements[1], Placement::Moved(10));
        assert_eq!(placements[2], Placement::Orphan);
    }

    #[test]
    fn nearest_occurrence_wins_and_ties_go_earlier() {
        let text = "ab..ab..ab";
        assert_eq!(place_all(text, &[(5, 7, "ab")]), [Placement::Moved(4)]);
        assert_eq!(place_all(text, &[(2, 4, "ab")]), [Placement::Moved(0)]);
        // Overlapping occurrences are found.
        assert_eq!(place_all("aaaa", &[(9, 12, "aaa")]), [Placement::Moved(1)]);
    }

    #[test]
    fn the_shift_of_the_previous_span_guides_the_next() {
        // Both names appear twice; 100 chars were inserted at the start, so the second span
        // belongs to the second mention although the first mention is nearer its old offset.
        let filler = "ـ".repeat(100);
        let text = format!("{filler}محمد ثم علي ثم محمد ثم علي");
        let placements = place_all(&text, &[(0, 4, "محمد"), (23, 26, "علي")]);
        assert_eq!(placements, [Placement::Moved(100), Placement::Moved(123)]);
    }

    #[test]
    fn far_moves_are_found_in_a_long_text() {
        let text = format!("{}هدف{}", "س".repeat(300_000), "ص".repeat(10));
        assert_eq!(place_all(&text, &[(2, 5, "هدف")]), [Placement::Moved(300_000)]);
        assert_eq!(place_all(&text, &[(2, 5, "غائب")]), [Placement::Orphan]);
    }
}
