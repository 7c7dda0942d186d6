//! `CoNLL` tokenization: Unicode word boundaries (UAX #29, which also separates punctuation),
//! whitespace dropped, and extra splits where the tag column needs them (span boundaries).
//! Sentences: UAX #29 sentence boundaries or line breaks, never inside a span.
//!
//! A document whose text was built from tokens ([`Tokenization::Whitespace`], a `CoNLL`
//! import) keeps them instead: [`tokenize_document`] cuts it only at whitespace (a U+00A0
//! NO-BREAK SPACE stays inside its token) and at span boundaries, and ends sentences at line
//! breaks only.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Document, Tokenization};

/// What stands, in a whitespace-tokenized text, for a space inside an imported token.
pub const JOINED_SPACE: char = '\u{a0}';

/// Where `CoNLL` sentences end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SentenceSplit {
    /// At Unicode sentence boundaries (UAX #29: after `.` `!` `?` `؟` and at line breaks).
    #[default]
    Unicode,
    /// At line breaks only (a file imported from `CoNLL` has one sentence per line).
    Lines,
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text (never empty, never containing whitespace).
    pub text: &'a str,
    /// First char (Unicode scalar offset).
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
    /// Whether a sentence starts at this token.
    pub starts_sentence: bool,
}

/// Whether a char separates tokens: whitespace, and the information separators U+001C–U+001E
/// that Python's `splitlines` treats as line ends.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1e}')
}

/// Tokenizes a document by its [`Tokenization`]: [`tokenize`] for prose; for a text built from
/// tokens, the pieces between whitespace (other than [`JOINED_SPACE`]), cut at `splits` too,
/// with sentences at line breaks whatever `sentences` says (the imported sentences).
#[must_use]
pub fn tokenize_document<'a>(
    document: &'a Document,
    splits: &[usize],
    keep_together: &[(usize, usize)],
    sentences: SentenceSplit,
) -> Vec<Token<'a>> {
    match document.tokenization() {
        Tokenization::Words => tokenize(document.text(), splits, keep_together, sentences),
        Tokenization::Whitespace => tokenize_pieces(document.text(), splits, keep_together),
    }
}

/// A token's text as written by the token-based exports: for a text built from tokens, each
/// [`JOINED_SPACE`] back to the space the imported token held.
#[must_use]
pub fn exported_text<'a>(tokenization: Tokenization, token: &Token<'a>) -> Cow<'a, str> {
    match tokenization {
        Tokenization::Whitespace if token.text.contains(JOINED_SPACE) => {
            Cow::Owned(token.text.replace(JOINED_SPACE, " "))
        }
        _ => Cow::Borrowed(token.text),
    }
}

/// The pieces of `text` between separators (whitespace but [`JOINED_SPACE`]), also cut at
/// `splits`; sentences at line breaks outside `keep_together`.
fn tokenize_pieces<'a>(text: &'a str, splits: &[usize], keep_together: &[(usize, usize)]) -> Vec<Token<'a>> {
    let mut next_break = sentence_starts(text, keep_together, SentenceSplit::Lines)
        .into_iter()
        .peekable();
    let mut next_split = splits.iter().copied().peekable();
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut first = true;
    let mut open: Option<(usize, usize)> = None;
    let mut char_pos = 0;
    for (at, c) in text.char_indices() {
        while next_split.next_if(|&s| s < char_pos).is_some() {}
        let separator = is_separator(c) && c != JOINED_SPACE;
        if (separator || next_split.peek() == Some(&char_pos))
            && let Some(start) = open.take()
        {
            push(&mut tokens, text, start, (at, char_pos), &mut next_break, &mut first);
        }
        if !separator && open.is_none() {
            open = Some((at, char_pos));
        }
        char_pos += 1;
    }
    if let Some(start) = open {
        push(
            &mut tokens,
            text,
            start,
            (text.len(), char_pos),
            &mut next_break,
            &mut first,
        );
    }
    tokens
}

/// Tokenizes `text`. `splits` are sorted char offsets where a token must be cut even inside
/// a word (span boundaries); `keep_together` are sorted, disjoint char ranges no sentence
/// boundary may fall inside (spans).
#[must_use]
pub fn tokenize<'a>(
    text: &'a str,
    splits: &[usize],
    keep_together: &[(usize, usize)],
    sentences: SentenceSplit,
) -> Vec<Token<'a>> {
    let breaks = sentence_starts(text, keep_together, sentences);
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut next_split = splits.iter().copied().peekable();
    let mut next_break = breaks.into_iter().peekable();
    let mut char_pos = 0;
    let mut byte_base = 0;
    let mut first = true;
    for segment in text.split_word_bounds() {
        // A token under construction: (byte start, char start).
        let mut open: Option<(usize, usize)> = None;
        for (byte, c) in segment.char_indices() {
            let at = byte_base + byte;
            while next_split.next_if(|&s| s < char_pos).is_some() {}
            let cut = next_split.peek() == Some(&char_pos);
            if (is_separator(c) || cut)
                && let Some(start) = open.take()
            {
                push(&mut tokens, text, start, (at, char_pos), &mut next_break, &mut first);
            }
            if !is_separator(c) && open.is_none() {
                open = Some((at, char_pos));
            }
            char_pos += 1;
        }
        byte_base += segment.len();
        if let Some(start) = open {
            push(
                &mut tokens,
                text,
                start,
                (byte_base, char_pos),
                &mut next_break,
                &mut first,
            );
        }
    }
    tokens
}

fn push<'a>(
    tokens: &mut Vec<Token<'a>>,
    text: &'a str,
    (byte_start, char_start): (usize, usize),
    (byte_end, char_end): (usize, usize),
    breaks: &mut std::iter::Peekable<std::vec::IntoIter<usize>>,
    first: &mut bool,
) {
    let mut starts_sentence = std::mem::take(first);
    while breaks.next_if(|&b| b <= char_start).is_some() {
        starts_sentence = true;
    }
    tokens.push(Token {
        text: text.get(byte_start..byte_end).unwrap_or_default(),
        char_start,
        char_end,
        starts_sentence,
    });
}

/// Char offsets where sentences start (after the first), skipping those inside a span.
fn sentence_starts(text: &str, keep_together: &[(usize, usize)], sentences: SentenceSplit) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut char_pos = 0;
    match sentences {
        SentenceSplit::Unicode => {
            for sentence in text.split_sentence_bounds() {
                char_pos += sentence.chars().count();
                starts.push(char_pos);
            }
        }
        SentenceSplit::Lines => {
            for c in text.chars() {
                char_pos += 1;
                if c == '\n' {
                    starts.push(char_pos);
                }
            }
        }
    }
    let mut spans = keep_together.iter().peekable();
    starts.retain(|&at| {
        while spans.next_if(|&&(_, end)| end <= at).is_some() {}
        spans.peek().is_none_or(|&&(start, _)| at <= start)
    });
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token<'_>]) -> Vec<String> {
        tokens
            .iter()
            .map(|t| {
                if t.starts_sentence {
                    format!("|{}", t.text)
                } else {
                    t.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_sentences() {
        let text = "اجتمعت اللجنة «5+5» في طرابلس (18-19). وقالت: «نعم»!";
        let tokens = tokenize(text, &[], &[], SentenceSplit::Unicode);
        assert_eq!(
            texts(&tokens),
            [
                "|اجتمعت",
                "اللجنة",
                "«",
                "5",
                "+",
                "5",
                "»",
                "في",
                "طرابلس",
                "(",
                "18",
                "-",
                "19",
                ")",
                ".",
                "|وقالت",
                ":",
                "«",
                "نعم",
                "»",
                "!"
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        for token in &tokens {
            let slice: String = chars[token.char_start..token.char_end].iter().collect();
            assert_eq!(slice, token.text);
        }
    }

    #[test]
    fn emoji_zwj_and_combining_marks_stay_whole() {
        let text = "a 👩‍👩‍👧 é\u{301} مُحَمَّد";
        let tokens = tokenize(text, &[], &[], SentenceSplit::Unicode);
        assert_eq!(texts(&tokens), ["|a", "👩‍👩‍👧", "é\u{301}", "مُحَمَّد"]);
        assert_eq!((tokens[1].char_start, tokens[1].char_end), (2, 7));
    }

    #[test]
    fn splits_cut_words_and_spans_hold_sentences_together() {
        let text = "والجيش. قال";
        // A span boundary after the conjunction و (char 1), and a span over the whole text.
        let tokens = tokenize(text, &[1], &[(0, 11)], SentenceSplit::Unicode);
        assert_eq!(texts(&tokens), ["|و", "الجيش", ".", "قال"]);
        let tokens = tokenize(text, &[1], &[], SentenceSplit::Unicode);
        assert_eq!(texts(&tokens), ["|و", "الجيش", ".", "|قال"]);
    }

    #[test]
    fn line_mode_and_odd_whitespace() {
        let text = "a. b\nc \u{1c}d \u{301}e";
        let tokens = tokenize(text, &[], &[], SentenceSplit::Lines);
        // A combining mark after a space belongs to the space (UAX #29 WB4), so it stands alone.
        assert_eq!(texts(&tokens), ["|a", ".", "b", "|c", "d", "\u{301}", "e"]);
        assert!(tokenize("  \n ", &[], &[], SentenceSplit::Unicode).is_empty());
    }

    #[test]
    fn pieces_keep_punctuation_joined_spaces_and_lines() {
        let text = "قال: (د\u{a0}ب) 70%.\nق.م. ثم";
        let tokens = tokenize_pieces(text, &[], &[]);
        assert_eq!(texts(&tokens), ["|قال:", "(د\u{a0}ب)", "70%.", "|ق.م.", "ثم"]);
        let chars: Vec<char> = text.chars().collect();
        for token in &tokens {
            let slice: String = chars[token.char_start..token.char_end].iter().collect();
            assert_eq!(slice, token.text);
        }
        assert_eq!(exported_text(Tokenization::Whitespace, &tokens[1]), "(د ب)");
        assert_eq!(exported_text(Tokenization::Words, &tokens[1]), "(د\u{a0}ب)");
        // A span boundary inside a piece cuts it; a span over a line break keeps the sentence.
        let tokens = tokenize_pieces(text, &[7], &[(5, 17)]);
        assert_eq!(texts(&tokens), ["|قال:", "(د", "\u{a0}ب)", "70%.", "ق.م.", "ثم"]);
        assert!(tokenize_pieces(" \n  ", &[], &[]).is_empty());
    }
}
