//! Find: every match of a query in a text, Arabic-aware. The rules, exactly (README, "Find"):
//!
//! - **Normalised** (the default): text and query are compared after [`arabic::fold`]
//!   (diacritics and tatweel dropped; أ إ آ ٱ → ا, ى → ي, ة → ه; Arabic-Indic digits → 0–9;
//!   Latin lowercase). **Exact** compares the chars as they are; **regex** runs a regular
//!   expression over the original text.
//! - **With prefixes** (default on): the query's first word may be preceded, inside the same
//!   word, by an optional و or ف, then an optional ب, ك or ل; when ل precedes a query that
//!   starts with ال, the text drops that alef («للحداد» matches «الحداد»).
//! - **Whole words** (default on): the char before the match (prefixes included) and the char
//!   after it are not letters, digits or combining marks.
//! - A space in the query matches one or more whitespace chars.
//!
//! Each [`Match`] has `start` (where the word begins, prefixes included), `stem_start`
//! (where the query's own letters begin) and `end` (after the last letter and its marks), in
//! char offsets of the original text.

use std::ops::Range;

use super::arabic::{self, Normalized};

/// How the query is compared with the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MatchMode {
    /// Arabic-normalised, case-folded comparison.
    #[default]
    Normalized,
    /// Char-for-char comparison.
    Exact,
    /// The query is a regular expression (Rust `regex` syntax) over the original text.
    Regex,
}

/// The options of a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindOptions {
    /// How the query is compared.
    pub mode: MatchMode,
    /// Whether attached proclitics (و ف, then ب ك ل) may precede the query's first word.
    pub prefixes: bool,
    /// Whether matches must be whole words.
    pub whole_words: bool,
}

impl Default for FindOptions {
    fn default() -> Self {
        Self {
            mode: MatchMode::Normalized,
            prefixes: true,
            whole_words: true,
        }
    }
}

/// One match, in char offsets of the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Match {
    /// Where the matched word begins, attached prefixes included.
    pub start: usize,
    /// Where the query's own letters begin (after any prefixes).
    pub stem_start: usize,
    /// Just after the last matched letter and its marks.
    pub end: usize,
}

impl Match {
    /// The range the match covers: from `stem_start` when prefixes are to be left out, else
    /// from `start`.
    #[must_use]
    pub fn range(&self, leave_out_prefixes: bool) -> Range<usize> {
        if leave_out_prefixes {
            self.stem_start..self.end
        } else {
            self.start..self.end
        }
    }
}

/// Why a query cannot be searched.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FindError {
    /// The regular expression does not parse.
    #[error("invalid regular expression: {0}")]
    Regex(String),
}

/// A text prepared for many searches (the find bar searches at every key press): its chars
/// and its normal form are computed once.
#[derive(Clone, Debug)]
pub struct SearchText {
    text: String,
    chars: Vec<char>,
    normalized: Normalized,
}

impl SearchText {
    /// Prepares `text` for searching.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            chars: text.chars().collect(),
            normalized: Normalized::new(text),
        }
    }

    /// The text's length in chars.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// The text between two char offsets.
    #[must_use]
    pub fn slice(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.chars.len());
        self.chars[range.start.min(end)..end].iter().collect()
    }

    /// Every match of `query`, in text order, not overlapping. An empty query matches nothing.
    pub fn find(&self, query: &str, options: &FindOptions) -> Result<Vec<Match>, FindError> {
        match options.mode {
            MatchMode::Regex => self.find_regex(query, *options),
            MatchMode::Exact => {
                let needle: Vec<char> = query.trim().chars().collect();
                Ok(scan(&self.chars, &needle, *options)
                    .into_iter()
                    .map(|found| Match {
                        start: found.start,
                        stem_start: found.stem_start,
                        end: found.end,
                    })
                    .collect())
            }
            MatchMode::Normalized => {
                let needle = Normalized::new(query.trim()).chars;
                Ok(scan(&self.normalized.chars, &needle, *options)
                    .into_iter()
                    .map(|found| Match {
                        start: self.normalized.start_of(found.start),
                        stem_start: self.normalized.start_of(found.stem_start),
                        end: self.normalized.end_after(found.end, &self.chars),
                    })
                    .collect())
            }
        }
    }

    fn find_regex(&self, query: &str, options: FindOptions) -> Result<Vec<Match>, FindError> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let regex = regex::Regex::new(query).map_err(|error| FindError::Regex(one_line(&error.to_string())))?;
        let index = super::CharIndex::new(&self.text);
        let mut matches = Vec::new();
        for found in regex.find_iter(&self.text) {
            if found.is_empty() {
                continue;
            }
            let start = index.char_offset(&self.text, found.start());
            let end = index.char_offset(&self.text, found.end());
            if options.whole_words && !self.is_whole(start, end) {
                continue;
            }
            matches.push(Match {
                start,
                stem_start: start,
                end,
            });
        }
        Ok(matches)
    }

    fn is_whole(&self, start: usize, end: usize) -> bool {
        let before = start.checked_sub(1).and_then(|i| self.chars.get(i));
        !before.is_some_and(|&ch| arabic::is_word_char(ch))
            && !self.chars.get(end).is_some_and(|&ch| arabic::is_word_char(ch))
    }
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The readings of one word, in normal form, as attached proclitics and a stem under the
/// prefix rules of this module: each is (where the stem starts in `word`, the stem as a query
/// would spell it). The whole word comes first; then the word without a leading و or ف;
/// without ب, ك or ل (after an optional و or ف); and after that ل, a stem «ل…» read with the
/// article's alef restored («للحداد» → «الحداد», as the find bar's «الحداد» matches it).
/// Stems are never empty. Word matchers that look up whole stems (the suggestions' string
/// matcher) use this so that they match exactly what find matches.
#[must_use]
pub fn stem_readings(word: &[char]) -> Vec<(usize, String)> {
    let mut readings = Vec::with_capacity(4);
    if word.is_empty() {
        return readings;
    }
    readings.push((0, word.iter().collect()));
    let after_conjunction = usize::from(arabic::is_conjunction(word[0]));
    if after_conjunction == 1 && word.len() > 1 {
        readings.push((1, word[1..].iter().collect()));
    }
    if let Some(&preposition) = word.get(after_conjunction)
        && arabic::is_preposition(preposition)
        && word.len() > after_conjunction + 1
    {
        let stem = &word[after_conjunction + 1..];
        readings.push((after_conjunction + 1, stem.iter().collect()));
        if preposition == 'ل' && stem.len() > 1 && stem[0] == 'ل' {
            readings.push((
                after_conjunction + 1,
                std::iter::once('ا').chain(stem.iter().copied()).collect(),
            ));
        }
    }
    readings
}

/// A match in indices of the scanned char slice (`end` exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    stem_start: usize,
    end: usize,
}

/// Every non-overlapping match of `needle` in `hay` under the prefix and whole-word rules.
fn scan(hay: &[char], needle: &[char], options: FindOptions) -> Vec<Found> {
    if needle.is_empty() {
        return Vec::new();
    }
    // With prefixes, a query starting with «ال» is searched without its alef, so that «للحداد»
    // (ل + الحداد, alef dropped) is found; the alef is checked in the text afterwards.
    let drops_alef = options.prefixes && needle.len() > 2 && needle[0] == 'ا' && needle[1] == 'ل';
    let anchor = if drops_alef { &needle[1..] } else { needle };
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = position(hay, anchor, from) {
        let candidate = if drops_alef { with_alef(hay, at) } else { Some(at) };
        let matched = candidate.and_then(|stem_start| accept(hay, stem_start, at + anchor.len(), options));
        match matched {
            Some(hit) => {
                found.push(hit);
                from = hit.end;
            }
            None => from = at + 1,
        }
    }
    found
}

/// For an anchor (the query without its leading alef) at `at`: the stem's start when the
/// text has the alef there (a plain «ال…»), or when a ل precedes (the «لل…» spelling, whose
/// stem starts at the second ل).
fn with_alef(hay: &[char], at: usize) -> Option<usize> {
    match at.checked_sub(1).map(|i| hay[i]) {
        Some('ا') => Some(at - 1),
        Some('ل') => Some(at),
        _ => None,
    }
}

/// Applies the prefix and whole-word rules to a stem found at `stem_start..end`.
fn accept(hay: &[char], stem_start: usize, end: usize, options: FindOptions) -> Option<Found> {
    let is_word = |i: usize| hay.get(i).is_some_and(|&ch| arabic::is_word_char(ch));
    let mut start = stem_start;
    let alef_dropped = hay.get(stem_start) == Some(&'ل') && stem_start > 0 && hay[stem_start - 1] == 'ل';
    if options.prefixes {
        if alef_dropped {
            // The ل before «ل…» is the preposition itself, and obligatory.
            start -= 1;
        } else if start > 0 && arabic::is_preposition(hay[start - 1]) {
            start -= 1;
        }
        if start > 0 && arabic::is_conjunction(hay[start - 1]) {
            start -= 1;
        }
        if options.whole_words && start > 0 && is_word(start - 1) {
            // Greedy prefixes did not reach a word edge; without them the stem would be
            // inside a word too, so this is no match.
            return None;
        }
    } else if options.whole_words && stem_start > 0 && is_word(stem_start - 1) {
        return None;
    }
    if options.whole_words && is_word(end) {
        return None;
    }
    Some(Found { start, stem_start, end })
}

/// The first index at or after `from` where `needle` occurs in `hay`.
fn position(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut at = from;
    while at <= last_start {
        let offset = hay[at..=last_start].iter().position(|&ch| ch == first)?;
        at += offset;
        // Element by element: most candidates differ at the second char, and a call to
        // `memcmp` for a few chars costs more than the comparison.
        if hay[at + 1..at + needle.len()]
            .iter()
            .zip(&needle[1..])
            .all(|(a, b)| a == b)
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "وأكد قادة الجيش الليبي، وقال الفريق محمد الحدّاد للحداد والحداد بالحداد وليامز «الحداد». Tripoli TRIPOLI";

    fn texts(text: &str, query: &str, options: FindOptions) -> Vec<(String, String)> {
        let search = SearchText::new(text);
        search
            .find(query, &options)
            .expect("valid query")
            .into_iter()
            .map(|m| (search.slice(m.start..m.end), search.slice(m.stem_start..m.end)))
            .collect()
    }

    fn pair(whole: &str, stem: &str) -> (String, String) {
        (whole.to_owned(), stem.to_owned())
    }

    #[test]
    fn normalised_with_prefixes_and_whole_words() {
        let found = texts(TEXT, "الحداد", FindOptions::default());
        assert_eq!(
            found,
            [
                pair("الحدّاد", "الحدّاد"),
                pair("للحداد", "لحداد"),
                pair("والحداد", "الحداد"),
                pair("بالحداد", "الحداد"),
                pair("الحداد", "الحداد"),
            ]
        );
    }

    #[test]
    fn prefixes_off_and_partial_words() {
        let strict = FindOptions {
            prefixes: false,
            ..FindOptions::default()
        };
        assert_eq!(texts(TEXT, "الحداد", strict).len(), 2, "only the bare words");
        let partial = FindOptions {
            prefixes: false,
            whole_words: false,
            ..FindOptions::default()
        };
        assert_eq!(texts(TEXT, "الحداد", partial).len(), 4, "inside وال… and بال… too");
    }

    #[test]
    fn names_starting_with_prefix_letters_are_not_split() {
        // «ليامز» is not «وليامز» with a prefix... unless the text really says و + ليامز.
        assert!(texts(TEXT, "ليامز", FindOptions::default()).len() == 1);
        assert!(texts("وليد ووليد", "وليد", FindOptions::default()).len() == 2);
        assert!(texts("قالت", "قال", FindOptions::default()).is_empty(), "whole words");
    }

    #[test]
    fn multi_word_queries_match_any_whitespace_run() {
        let found = texts("وقادة  الجيش\nالليبي", "قادة الجيش الليبي", FindOptions::default());
        assert_eq!(found, [pair("وقادة  الجيش\nالليبي", "قادة  الجيش\nالليبي")]);
    }

    #[test]
    fn latin_is_case_folded_and_exact_is_exact() {
        assert_eq!(texts(TEXT, "tripoli", FindOptions::default()).len(), 2);
        let exact = FindOptions {
            mode: MatchMode::Exact,
            ..FindOptions::default()
        };
        assert_eq!(texts(TEXT, "Tripoli", exact).len(), 1);
        assert!(
            texts(TEXT, "الحداد", exact)
                .iter()
                .all(|(w, _)| !w.contains('\u{0651}'))
        );
    }

    #[test]
    fn regex_mode() {
        let regex = FindOptions {
            mode: MatchMode::Regex,
            ..FindOptions::default()
        };
        assert_eq!(texts(TEXT, "[A-Z]+", regex), [pair("TRIPOLI", "TRIPOLI")]);
        assert!(SearchText::new(TEXT).find("(", &regex).is_err());
    }

    #[test]
    fn digits_and_spelling_variants_fold() {
        let found = texts("في عام ٢٠٢٠ وإلى مستشفى", "2020", FindOptions::default());
        assert_eq!(found, [pair("٢٠٢٠", "٢٠٢٠")]);
        assert_eq!(texts("وإلى مستشفى", "الى مستشفي", FindOptions::default()).len(), 1);
    }

    #[test]
    fn stem_readings_agree_with_find() {
        let readings = |word: &str| stem_readings(&word.chars().collect::<Vec<_>>());
        assert_eq!(
            readings("وللحداد"),
            [
                (0, "وللحداد".to_owned()),
                (1, "للحداد".to_owned()),
                (2, "لحداد".to_owned()),
                (2, "الحداد".to_owned())
            ]
        );
        assert_eq!(readings("قال"), [(0, "قال".to_owned())]);
        assert_eq!(readings("و"), [(0, "و".to_owned())]);
        // Every reading's stem is found by find at the reading's offset.
        for word in ["وللحداد", "بالحداد", "فالجيش", "وليد", "كالعادة"] {
            for (at, stem) in readings(word) {
                let found = SearchText::new(word)
                    .find(&stem, &FindOptions::default())
                    .expect("valid");
                assert_eq!(found.first().map(|m| m.stem_start), Some(at), "{word} {stem}");
            }
        }
    }

    #[test]
    fn empty_and_mark_only_queries_match_nothing() {
        assert!(texts(TEXT, "", FindOptions::default()).is_empty());
        assert!(texts(TEXT, "\u{064E}", FindOptions::default()).is_empty());
        assert!(texts(TEXT, "  ", FindOptions::default()).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn matches_are_ordered_in_bounds_and_normalise_to_the_query(
            text in "[ والحدبكلفيةى\u{064E}\u{0640} ]{0,60}",
            query in "[والحدي]{1,4}",
        ) {
            let search = SearchText::new(&text);
            let matches = search.find(&query, &FindOptions::default()).expect("valid");
            let mut previous_end = 0;
            for m in matches {
                proptest::prop_assert!(previous_end <= m.start);
                proptest::prop_assert!(m.start <= m.stem_start && m.stem_start < m.end);
                proptest::prop_assert!(m.end <= search.char_len());
                previous_end = m.end;
                let stem = arabic::normalize(&search.slice(m.stem_start..m.end));
                let query = arabic::normalize(&query);
                proptest::prop_assert!(stem == query || (query.starts_with("ال") && stem == query[2..]));
            }
        }
    }
}
