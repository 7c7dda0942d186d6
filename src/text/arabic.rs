//! Arabic-aware normal forms for matching: which chars are optional (diacritics, Quranic
//! marks, tatweel), which spellings fold together (أ إ آ ٱ → ا, ى → ي, ة → ه, Arabic-Indic
//! digits → 0–9, Latin case), and which attached proclitics (و ف, then ب ك ل) may precede a
//! word. The rules are written down in the README ("Find"), so that others can reproduce
//! every match; the find engine ([`super::find`]) and clitic-aware selection
//! ([`super::clitics`]) both use them.

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

/// Tatweel (kashida), a stretching mark with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// Whether `ch` is dropped from text and query before normalised matching: the harakat and
/// other Arabic marks U+064B–U+065F, superscript alef U+0670, Quranic annotation marks
/// U+06D6–U+06ED, and tatweel.
#[must_use]
pub fn is_optional(ch: char) -> bool {
    matches!(ch, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | TATWEEL)
}

/// The normalised form of one char, or `None` when the char is dropped ([`is_optional`]).
/// Folds the hamza and madda forms of alef (and alef wasla) to bare alef, alef maqsura to yeh,
/// teh marbuta to heh, Arabic-Indic and Eastern Arabic-Indic digits to ASCII digits, and
/// Latin (any cased letter with a one-char lowercase) to lowercase.
#[must_use]
pub fn fold(ch: char) -> Option<char> {
    if is_optional(ch) {
        return None;
    }
    Some(match ch {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        '\u{0660}'..='\u{0669}' => digit(u32::from(ch) - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(u32::from(ch) - 0x06F0),
        _ => lowercase(ch),
    })
}

fn digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

fn lowercase(ch: char) -> char {
    let mut lower = ch.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => ch,
    }
}

/// The normalised form of a whole string: [`fold`] applied to every char, dropped chars left
/// out. Whitespace is kept as it is.
#[must_use]
pub fn normalize(text: &str) -> String {
    text.chars().filter_map(fold).collect()
}

/// Whether `ch` continues a word for whole-word matching: a letter, a digit or a combining
/// mark (so that a match never starts or ends inside a word).
#[must_use]
pub fn is_word_char(ch: char) -> bool {
    // The find bar calls this for every candidate in an 820k-char document at each key press:
    // ASCII and the Arabic letters, marks and digits (U+0621–U+0669, all of categories L, M or
    // Nd) are answered without the Unicode tables.
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    if ('\u{0621}'..='\u{0669}').contains(&ch) {
        return true;
    }
    ch.is_alphanumeric() || is_mark(ch)
}

/// Whether `ch` is a combining mark (general category M).
#[must_use]
pub fn is_mark(ch: char) -> bool {
    GeneralCategoryGroup::Mark.contains(CodePointMapData::<GeneralCategory>::new().get(ch))
}

/// Whether `ch` holds an Arabic letter (the Arabic blocks' letters, not their digits or
/// punctuation).
#[must_use]
pub fn is_arabic_letter(ch: char) -> bool {
    matches!(ch, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && ch.is_alphabetic()
}

/// The conjunctions that may be attached first: «و» (and), «ف» (so).
#[must_use]
pub fn is_conjunction(ch: char) -> bool {
    matches!(ch, 'و' | 'ف')
}

/// The prepositions that may be attached after a conjunction: «ب» (with), «ك» (as), «ل» (for).
#[must_use]
pub fn is_preposition(ch: char) -> bool {
    matches!(ch, 'ب' | 'ك' | 'ل')
}

/// A string in normalised form with, for every char of it, the char offset it came from in
/// the original text, so that matches found in the normal form map back to exact offsets.
/// Runs of whitespace become one space (a space of a query matches one or more whitespace
/// chars).
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The normalised chars.
    pub chars: Vec<char>,
    /// `origin[i]` is the original char offset of `chars[i]`.
    pub origin: Vec<usize>,
    /// The original text's length in chars.
    pub original_len: usize,
}

impl Normalized {
    /// Normalises `text`, keeping the origin of every char.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut normalized = Self::default();
        let mut in_space = false;
        let mut char_count = 0;
        for (char_offset, ch) in text.chars().enumerate() {
            char_count = char_offset + 1;
            if ch.is_whitespace() {
                if !in_space {
                    normalized.push(' ', char_offset);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            if let Some(folded) = fold(ch) {
                normalized.push(folded, char_offset);
            }
        }
        normalized.original_len = char_count;
        normalized
    }

    fn push(&mut self, ch: char, origin: usize) {
        self.chars.push(ch);
        self.origin.push(origin);
    }

    /// The original char offset where normalised char `index` begins (the text's length past
    /// the end).
    #[must_use]
    pub fn start_of(&self, index: usize) -> usize {
        self.origin.get(index).copied().unwrap_or(self.original_len)
    }

    /// The original char offset just after normalised char `index - 1` together with the
    /// dropped marks that follow it in the original (a letter's diacritics belong to it).
    #[must_use]
    pub fn end_after(&self, index: usize, original: &[char]) -> usize {
        let Some(last) = index.checked_sub(1).and_then(|i| self.origin.get(i)) else {
            return 0;
        };
        let mut end = last + 1;
        while original.get(end).is_some_and(|&ch| is_optional(ch)) {
            end += 1;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spellings_and_drops_marks() {
        assert_eq!(normalize("أَحْمَد"), "احمد");
        assert_eq!(normalize("إلى مستشفى"), "الي مستشفي");
        assert_eq!(normalize("آمنة ٱلقرآن"), "امنه القران");
        assert_eq!(normalize("الـــحداد"), "الحداد");
        assert_eq!(normalize("٢٠٢٠ و۱۹"), "2020 و19");
        assert_eq!(normalize("Tripoli UN"), "tripoli un");
        assert_eq!(normalize("ﷲ"), "ﷲ", "presentation forms are left alone");
    }

    #[test]
    fn normalized_maps_back_to_original_offsets() {
        let text = "قالَ  الــفريق";
        let normalized = Normalized::new(text);
        let chars: Vec<char> = text.chars().collect();
        let folded: String = normalized.chars.iter().collect();
        assert_eq!(folded, "قال الفريق");
        assert_eq!(normalized.start_of(4), 6, "«ا» of «الفريق» after two spaces");
        // «قال» ends after its fatha.
        assert_eq!(normalized.end_after(3, &chars), 4);
        assert_eq!(normalized.start_of(99), chars.len());
        assert_eq!(normalized.end_after(0, &chars), 0);
    }

    #[test]
    fn word_chars() {
        assert!(is_word_char('ب'));
        assert!(is_word_char('\u{0651}'));
        assert!(is_word_char('7'));
        assert!(!is_word_char('«'));
        assert!(!is_word_char(' '));
        assert!(is_arabic_letter('ح'));
        assert!(!is_arabic_letter('٣'));
        assert!(!is_arabic_letter('،'));
    }

    #[test]
    fn word_char_fast_paths_agree_with_the_unicode_definition() {
        for ch in (0..=0x1_0000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(ch), ch.is_alphanumeric() || is_mark(ch), "{ch:?}");
        }
    }
}
