//! Line starts where a paragraph can be laid out afresh: the text after such a start is
//! itemized, bidi-resolved, shaped and broken into lines exactly as when the paragraph is laid
//! out in one piece, so a block of a long paragraph may start there without a seam.
//!
//! What the layout of the text after a position can take from the text before it:
//! - script: chars without a script of their own (digits, punctuation, marks) take the script
//!   (and so the font) of the char before them;
//! - bidi: numbers and neutrals are resolved by looking back to the last strong char (rules
//!   W1–W7, N1/N2), brackets are paired across it (rule N0), and explicit embeddings and
//!   isolates opened before it still hold;
//! - shaping: a word broken inside (a word wider than the line) is shaped joined.
//!
//! So a start is free of context when it follows whitespace, its char is a strong letter with a
//! script of its own, and no bracket pair, embedding or isolate is open across it.

use icu_properties::CodePointMapData;
use icu_properties::props::{BidiClass, BidiMirroringGlyph, BidiPairedBracketType, Script};

/// Depth of the bracket stack of the bidi algorithm (rule BD16): deeper, pairing stops.
const MAX_BRACKET_DEPTH: usize = 63;
/// Maximum explicit embedding depth of the bidi algorithm (rule X1).
const MAX_EMBEDDING_DEPTH: usize = 125;

/// Of the byte offsets `starts` in `text` (ascending), the last that is free of context,
/// assuming `text` itself starts at such a place (nothing open before it).
pub(crate) fn last_context_free(text: &str, starts: &[usize]) -> Option<usize> {
    let mut scan = ContextScan::default();
    let mut found = None;
    let mut pending = starts.iter().copied().peekable();
    let mut previous: Option<char> = None;
    for (byte, ch) in text.char_indices() {
        // Starts inside a char are not line starts: skipped.
        while pending.next_if(|&start| start < byte).is_some() {}
        if pending.next_if_eq(&byte).is_some()
            && scan.is_clear()
            && previous.is_some_and(char::is_whitespace)
            && starts_afresh(ch)
        {
            found = Some(byte);
        }
        if pending.peek().is_none() {
            break;
        }
        scan.step(ch);
        previous = Some(ch);
    }
    found
}

/// Whether `ch` takes nothing from the text before it: a strong letter of a real script.
fn starts_afresh(ch: char) -> bool {
    let strong = matches!(
        CodePointMapData::<BidiClass>::new().get(ch),
        BidiClass::LeftToRight | BidiClass::RightToLeft | BidiClass::ArabicLetter
    );
    let script = CodePointMapData::<Script>::new().get(ch);
    strong && !matches!(script, Script::Common | Script::Inherited | Script::Unknown)
}

/// What is open at a point of the text: brackets (by their closing char) and explicit
/// embeddings or isolates (`true` for an isolate).
#[derive(Default)]
struct ContextScan {
    brackets: Vec<char>,
    embeddings: Vec<bool>,
    /// A stack overflowed: the bidi algorithm then treats the rest differently.
    overflowed: bool,
}

impl ContextScan {
    fn is_clear(&self) -> bool {
        self.brackets.is_empty() && self.embeddings.is_empty() && !self.overflowed
    }

    fn step(&mut self, ch: char) {
        let mirroring = CodePointMapData::<BidiMirroringGlyph>::new().get(ch);
        match mirroring.paired_bracket_type {
            BidiPairedBracketType::Open => {
                if self.brackets.len() == MAX_BRACKET_DEPTH {
                    self.overflowed = true;
                }
                self.brackets
                    .push(canonical_bracket(mirroring.mirroring_glyph.unwrap_or(ch)));
            }
            BidiPairedBracketType::Close => {
                let ch = canonical_bracket(ch);
                if let Some(open) = self.brackets.iter().rposition(|&close| close == ch) {
                    self.brackets.truncate(open);
                }
            }
            _ => self.step_explicit(ch),
        }
    }

    /// Explicit embeddings, overrides and isolates (rules X2–X7, without their overflow counts).
    fn step_explicit(&mut self, ch: char) {
        match CodePointMapData::<BidiClass>::new().get(ch) {
            BidiClass::LeftToRightEmbedding
            | BidiClass::RightToLeftEmbedding
            | BidiClass::LeftToRightOverride
            | BidiClass::RightToLeftOverride => self.open(false),
            BidiClass::LeftToRightIsolate | BidiClass::RightToLeftIsolate | BidiClass::FirstStrongIsolate => {
                self.open(true);
            }
            BidiClass::PopDirectionalFormat if self.embeddings.last() == Some(&false) => {
                self.embeddings.pop();
            }
            BidiClass::PopDirectionalIsolate => {
                if let Some(isolate) = self.embeddings.iter().rposition(|&isolate| isolate) {
                    self.embeddings.truncate(isolate);
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, isolate: bool) {
        if self.embeddings.len() == MAX_EMBEDDING_DEPTH {
            self.overflowed = true;
        }
        self.embeddings.push(isolate);
    }
}

/// U+2329/U+232A pair with U+3008/U+3009 (their canonical equivalents, rule BD16).
fn canonical_bracket(ch: char) -> char {
    match ch {
        '\u{2329}' => '\u{3008}',
        '\u{232a}' => '\u{3009}',
        _ => ch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte offsets of the words of `text` (each start after a space).
    fn word_starts(text: &str) -> Vec<usize> {
        text.char_indices()
            .filter(|&(byte, _)| byte > 0 && text[..byte].ends_with(' '))
            .map(|(byte, _)| byte)
            .collect()
    }

    fn free_words(text: &str) -> Vec<&str> {
        word_starts(text)
            .iter()
            .filter(|&&start| last_context_free(text, &[start]) == Some(start))
            .map(|&start| text[start..].split(' ').next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn letters_after_spaces_start_afresh() {
        let text = "قادة الجيش the meeting 2020 «طرابلس» (5+5) 18-19 مُحَمَّد";
        assert_eq!(free_words(text), ["الجيش", "the", "meeting", "مُحَمَّد"]);
        let starts = word_starts(text);
        let last = starts.last().copied();
        assert_eq!(last_context_free(text, &starts), last);
        assert_eq!(last_context_free(text, &[]), None);
    }

    #[test]
    fn a_word_broken_inside_is_not_a_fresh_start() {
        let text = "meeting";
        assert_eq!(last_context_free(text, &[3]), None);
    }

    #[test]
    fn open_brackets_and_isolates_hold_across_a_start() {
        let text = "قال (the UN said) أمس \u{2067}the meeting\u{2069} ثم \u{202b}a b\u{202c} c";
        assert_eq!(free_words(text), ["أمس", "ثم", "c"]);
        // A closing bracket without an opener closes nothing.
        assert_eq!(free_words("a) b ] c"), ["b", "c"]);
    }
}
