//! Caps long runs of combining marks for shaping and display.
//!
//! A base letter followed by a million marks (U+0651 ARABIC SHADDA, say) is one grapheme
//! cluster, and shaping or hit-testing one huge cluster takes time quadratic in its length.
//! The text given to the shaper keeps the first [`MAX_CLUSTER_MARKS`] marks of a run and replaces
//! each further one by an invisible format char of the same UTF-8 length, which is a cluster of
//! its own. The document text is never changed and byte and char offsets stay exact.

use std::borrow::Cow;
use std::ops::Range;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

/// Marks kept after a base char; real text stacks at most a few (Arabic: shadda + a vowel).
pub const MAX_CLUSTER_MARKS: usize = 16;

/// Whether `ch` extends the grapheme cluster before it: a combining mark, ZWNJ or ZWJ.
pub(crate) fn is_mark(ch: char) -> bool {
    GeneralCategoryGroup::Mark.contains(CodePointMapData::<GeneralCategory>::new().get(ch))
        || matches!(ch, '\u{200c}' | '\u{200d}')
}

/// The text to shape for `doc[bytes]`: the same, except that marks past the
/// [`MAX_CLUSTER_MARKS`]-th in a row (counting those just before `bytes`) become invisible
/// default-ignorable chars of the same UTF-8 length.
pub(crate) fn capped_marks(doc: &str, bytes: Range<usize>) -> Cow<'_, str> {
    let Some(text) = doc.get(bytes.clone()) else {
        return Cow::Borrowed("");
    };
    let before = doc.get(..bytes.start).unwrap_or_default();
    let mut run = before
        .chars()
        .rev()
        .take(MAX_CLUSTER_MARKS + 1)
        .take_while(|&ch| is_mark(ch))
        .count();
    let mut capped: Option<String> = None;
    for (byte, ch) in text.char_indices() {
        run = if is_mark(ch) { run + 1 } else { 0 };
        if run > MAX_CLUSTER_MARKS {
            let out = capped.get_or_insert_with(|| {
                let mut out = String::with_capacity(text.len());
                out.push_str(&text[..byte]);
                out
            });
            out.push(invisible_of_len(ch.len_utf8()));
        } else if let Some(out) = capped.as_mut() {
            out.push(ch);
        }
    }
    capped.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A zero-width, bidi-neutral (BN) format char that is a grapheme cluster of its own, of UTF-8
/// length `len` (marks are 2 to 4 bytes long).
fn invisible_of_len(len: usize) -> char {
    match len {
        2 => '\u{00ad}',  // SOFT HYPHEN
        3 => '\u{2060}',  // WORD JOINER
        _ => '\u{e0001}', // LANGUAGE TAG
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_of_marks_are_capped_with_offsets_kept() {
        let text = format!("ب{}x", "\u{0651}".repeat(40));
        let capped = capped_marks(&text, 0..text.len());
        assert_eq!(capped.len(), text.len());
        assert_eq!(capped.chars().count(), text.chars().count());
        let marks = capped.chars().filter(|&c| c == '\u{0651}').count();
        assert_eq!(marks, MAX_CLUSTER_MARKS);
        assert!(capped.ends_with('x'));
        // A piece starting inside the run knows how many marks came before it.
        let start = text.char_indices().nth(30).map_or(0, |(b, _)| b);
        let tail = capped_marks(&text, start..text.len());
        assert!(!tail.contains('\u{0651}'));
        for ch in ['\u{0301}', '\u{20d0}', '\u{1d167}'] {
            assert_eq!(invisible_of_len(ch.len_utf8()).len_utf8(), ch.len_utf8());
        }
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        let text = "مُحَمَّد Hello";
        assert!(matches!(capped_marks(text, 0..text.len()), Cow::Borrowed(_)));
    }
}
