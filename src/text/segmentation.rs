//! Unicode word boundaries (UAX #29) on char offsets: the word under a click, a drag snapped
//! to whole words, and word-by-word steps for moving span ends.
//!
//! Every query segments only a small window of the text (from the whitespace before the
//! offset onward), so it costs O(distance to the answer), not O(text), even on an 820,000-char
//! paragraph. Punctuation (« » ، ؛ ؟ . , ( ) …) forms segments of its own, so it is always a
//! boundary.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::CharIndex;
use crate::text::clitics::{Lexicon, proclitic_len};

/// How far back a query looks for whitespace to start segmenting from; a text without any
/// whitespace for longer than this is segmented from this point (still correct in practice:
/// UAX #29 rarely joins across more than a few chars).
const MAX_LOOKBACK_CHARS: usize = 512;

/// Which edge of a word a step lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordEdge {
    /// The first char of a word.
    Start,
    /// Just after the last char of a word.
    End,
}

/// One UAX #29 segment in char offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Segment {
    chars: Range<usize>,
    /// True for a run of whitespace (never part of a snapped selection).
    is_space: bool,
}

/// Word-boundary queries over one text, in char offsets. Cheap to create: it borrows the text
/// and its [`CharIndex`] (for example from `model::Document::char_index`).
#[derive(Clone, Copy, Debug)]
pub struct Words<'t> {
    text: &'t str,
    index: &'t CharIndex,
    /// When set, snapped ranges leave out a first word's attached prefixes (see
    /// [`crate::text::clitics`]).
    lexicon: Option<&'t Lexicon>,
}

impl<'t> Words<'t> {
    /// Queries over `text`, whose index is `index`.
    #[must_use]
    pub fn new(text: &'t str, index: &'t CharIndex) -> Self {
        Self {
            text,
            index,
            lexicon: None,
        }
    }

    /// The same queries, but [`Words::snap_to_words`] also leaves out the attached prefixes
    /// (و ف, then ب ك ل) of the first word when the rest is a word of `lexicon`.
    #[must_use]
    pub fn with_lexicon(self, lexicon: &'t Lexicon) -> Self {
        Self {
            lexicon: Some(lexicon),
            ..self
        }
    }

    /// The segment containing the char at `char_offset`: a word, a run of whitespace, or a
    /// punctuation mark. Past the end of the text: the empty range at the end.
    #[must_use]
    pub fn word_at(&self, char_offset: usize) -> Range<usize> {
        self.segment_at(char_offset)
            .map_or(self.len()..self.len(), |segment| segment.chars)
    }

    /// Widens a dragged char range to whole words: a start inside a word moves to the word's
    /// start, an end inside a word moves to its end; whitespace at either edge is dropped
    /// rather than widened into the next word. A range of only whitespace becomes empty at its
    /// start. Reversed ranges are normalized first; offsets are clamped to the text.
    #[must_use]
    pub fn snap_to_words(&self, char_range: Range<usize>) -> Range<usize> {
        let len = self.len();
        let (from, to) = (char_range.start.min(len), char_range.end.min(len));
        let (from, to) = if from <= to { (from, to) } else { (to, from) };
        if from == to {
            return from..to;
        }
        let start = match self.segment_at(from) {
            Some(segment) if segment.is_space => segment.chars.end,
            Some(segment) => segment.chars.start,
            None => from,
        };
        let end = match self.segment_at(to - 1) {
            Some(segment) if segment.is_space => segment.chars.start,
            Some(segment) => segment.chars.end,
            None => to,
        };
        if start >= end {
            return from..from;
        }
        start + self.proclitics_at(start, end)..end
    }

    /// Where the word starting at `word_start` begins once its attached prefixes are left
    /// out (`word_start` itself without a lexicon or without prefixes).
    #[must_use]
    pub fn stem_start(&self, word_start: usize) -> usize {
        word_start + self.proclitics_at(word_start, self.len())
    }

    /// How many chars at `start` are attached prefixes to leave out (0 without a lexicon, or
    /// when the first word would be left empty).
    fn proclitics_at(&self, start: usize, end: usize) -> usize {
        let Some(lexicon) = self.lexicon else { return 0 };
        let word_end = self.segment_at(start).map_or(end, |segment| segment.chars.end.min(end));
        let word = self.index.slice(self.text, start..word_end);
        let strip = proclitic_len(word, lexicon);
        if start + strip < word_end { strip } else { 0 }
    }

    /// The first word edge strictly after `char_offset` (whitespace runs are not words);
    /// the text's length when there is none.
    #[must_use]
    pub fn next_word_boundary(&self, char_offset: usize, edge: WordEdge) -> usize {
        let from = char_offset.min(self.len());
        self.segments_from(self.safe_start(from))
            .filter(|segment| !segment.is_space)
            .map(|segment| edge_of(&segment, edge))
            .find(|&offset| offset > from)
            .unwrap_or(self.len())
    }

    /// The last word edge strictly before `char_offset`; 0 when there is none.
    #[must_use]
    pub fn prev_word_boundary(&self, char_offset: usize, edge: WordEdge) -> usize {
        let to = char_offset.min(self.len());
        let mut window_end = to;
        while window_end > 0 {
            let window_start = self.safe_start(window_end.saturating_sub(1));
            let found = self
                .segments_from(window_start)
                .take_while(|segment| segment.chars.start < to)
                .filter(|segment| !segment.is_space)
                .map(|segment| edge_of(&segment, edge))
                .filter(|&offset| offset < to)
                .last();
            if let Some(offset) = found {
                return offset;
            }
            window_end = window_start;
        }
        0
    }

    fn len(&self) -> usize {
        self.index.char_len()
    }

    fn segment_at(&self, char_offset: usize) -> Option<Segment> {
        if char_offset >= self.len() {
            return None;
        }
        self.segments_from(self.safe_start(char_offset))
            .find(|segment| segment.chars.end > char_offset)
    }

    /// A char offset at or before `char_offset` where segmentation can start as if from the
    /// text's beginning: just after whitespace (UAX #29 always breaks there), or the start.
    fn safe_start(&self, char_offset: usize) -> usize {
        let byte = self.index.byte_offset(self.text, char_offset);
        let before = self.text.get(..byte).unwrap_or_default();
        let mut start = char_offset;
        for ch in before.chars().rev().take(MAX_LOOKBACK_CHARS) {
            if ch.is_whitespace() {
                break;
            }
            start -= 1;
        }
        start
    }

    /// Segments of the text from `char_start` on, lazily.
    fn segments_from(&self, char_start: usize) -> impl Iterator<Item = Segment> + 't {
        let byte_start = self.index.byte_offset(self.text, char_start);
        let rest = self.text.get(byte_start..).unwrap_or_default();
        let mut next_char = char_start;
        rest.split_word_bounds().map(move |piece| {
            let start = next_char;
            next_char += piece.chars().count();
            Segment {
                chars: start..next_char,
                is_space: piece.chars().all(char::is_whitespace),
            }
        })
    }
}

fn edge_of(segment: &Segment, edge: WordEdge) -> usize {
    match edge {
        WordEdge::Start => segment.chars.start,
        WordEdge::End => segment.chars.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "قال الفريق محمد الحداد «نعم»، واللجنة (5+5) في 2020.";

    fn with_words<R>(text: &str, f: impl FnOnce(Words<'_>) -> R) -> R {
        let index = CharIndex::new(text);
        f(Words::new(text, &index))
    }

    fn slice(text: &str, range: Range<usize>) -> String {
        text.chars().skip(range.start).take(range.len()).collect()
    }

    fn offset_of(text: &str, needle: &str) -> usize {
        let byte = text.find(needle).expect("needle present");
        text[..byte].chars().count()
    }

    #[test]
    fn word_at_finds_words_and_punctuation() {
        with_words(SAMPLE, |words| {
            let at = offset_of(SAMPLE, "الحداد") + 2;
            assert_eq!(slice(SAMPLE, words.word_at(at)), "الحداد");
            assert_eq!(slice(SAMPLE, words.word_at(offset_of(SAMPLE, "«"))), "«");
            assert_eq!(slice(SAMPLE, words.word_at(offset_of(SAMPLE, "،"))), "،");
            assert_eq!(slice(SAMPLE, words.word_at(offset_of(SAMPLE, "2020") + 3)), "2020");
            assert_eq!(slice(SAMPLE, words.word_at(offset_of(SAMPLE, "5+5"))), "5");
            let len = SAMPLE.chars().count();
            assert_eq!(words.word_at(len + 10), len..len);
        });
    }

    #[test]
    fn snap_widens_inside_words_and_trims_whitespace() {
        with_words(SAMPLE, |words| {
            let start = offset_of(SAMPLE, "محمد") + 1;
            let end = offset_of(SAMPLE, "الحداد") + 3;
            assert_eq!(slice(SAMPLE, words.snap_to_words(start..end)), "محمد الحداد");
            // From the space before a word to the space after it: just the word.
            let space_before = offset_of(SAMPLE, " محمد");
            let space_after = offset_of(SAMPLE, "محمد ") + 4;
            assert_eq!(
                slice(SAMPLE, words.snap_to_words(space_before..space_after + 1)),
                "محمد"
            );
            // Reversed and out-of-range ranges are normalized, only whitespace collapses.
            assert_eq!(slice(SAMPLE, words.snap_to_words(end..start)), "محمد الحداد");
            assert!(words.snap_to_words(space_before..space_before + 1).is_empty());
            assert_eq!(
                words.snap_to_words(1000..2000),
                SAMPLE.chars().count()..SAMPLE.chars().count()
            );
        });
    }

    #[test]
    fn word_steps() {
        with_words(SAMPLE, |words| {
            let mohammed = offset_of(SAMPLE, "محمد");
            let haddad = offset_of(SAMPLE, "الحداد");
            assert_eq!(words.next_word_boundary(mohammed, WordEdge::End), mohammed + 4);
            assert_eq!(words.next_word_boundary(mohammed + 4, WordEdge::End), haddad + 6);
            assert_eq!(words.next_word_boundary(mohammed, WordEdge::Start), haddad);
            assert_eq!(words.prev_word_boundary(haddad, WordEdge::Start), mohammed);
            assert_eq!(words.prev_word_boundary(haddad + 6, WordEdge::End), mohammed + 4);
            assert_eq!(words.prev_word_boundary(2, WordEdge::Start), 0);
            assert_eq!(words.prev_word_boundary(0, WordEdge::Start), 0);
            let len = SAMPLE.chars().count();
            assert_eq!(words.next_word_boundary(len, WordEdge::End), len);
            assert_eq!(words.next_word_boundary(len - 1, WordEdge::End), len);
        });
    }

    #[test]
    fn snapping_leaves_out_attached_prefixes_with_a_lexicon() {
        let text = "وقال الفريق والحداد لحكومة الوحدة، ثم التقى الحكومة ووليامز وقالت وليامز";
        let lexicon = Lexicon::from_text(text);
        let index = CharIndex::new(text);
        let words = Words::new(text, &index);
        let stripping = words.with_lexicon(&lexicon);
        let haddad = offset_of(text, "والحداد");
        assert_eq!(slice(text, stripping.snap_to_words(haddad + 1..haddad + 3)), "الحداد");
        assert_eq!(slice(text, words.snap_to_words(haddad + 1..haddad + 3)), "والحداد");
        let government = offset_of(text, "لحكومة");
        let unity_end = offset_of(text, "الوحدة") + 6;
        assert_eq!(
            slice(text, stripping.snap_to_words(government..unity_end)),
            "حكومة الوحدة"
        );
        let williams = offset_of(text, "ووليامز");
        assert_eq!(slice(text, stripping.snap_to_words(williams..williams + 7)), "وليامز");
        let bare = offset_of(text, " وليامز") + 1;
        assert_eq!(
            slice(text, stripping.snap_to_words(bare..bare + 2)),
            "وليامز",
            "a name is not split"
        );
        // A selection of only the prefix letter keeps it.
        assert_eq!(slice(text, stripping.snap_to_words(haddad..haddad + 1)), "الحداد");
    }

    #[test]
    fn long_text_without_spaces_does_not_panic() {
        let text = "ا".repeat(3000);
        with_words(&text, |words| {
            let word = words.word_at(2500);
            assert!(word.contains(&2500));
            assert!(words.prev_word_boundary(2999, WordEdge::Start) < 2999);
        });
    }

    proptest::proptest! {
        #[test]
        fn queries_stay_in_bounds(text in "[a-z ا-ي0-9«»،.+\n]{0,80}", a in 0usize..100, b in 0usize..100) {
            let index = CharIndex::new(&text);
            let words = Words::new(&text, &index);
            let len = index.char_len();
            let word = words.word_at(a);
            proptest::prop_assert!(word.start <= word.end && word.end <= len);
            if a < len {
                proptest::prop_assert!(word.contains(&a));
            }
            let snapped = words.snap_to_words(a..b);
            proptest::prop_assert!(snapped.start <= snapped.end && snapped.end <= len);
            let next = words.next_word_boundary(a, WordEdge::End);
            proptest::prop_assert!(next <= len && (next > a || next == len));
            let prev = words.prev_word_boundary(a, WordEdge::Start);
            proptest::prop_assert!(prev <= a.min(len));
        }
    }
}
