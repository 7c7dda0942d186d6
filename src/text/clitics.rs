//! Attached proclitics in selections: dragging over «والحداد» should select «الحداد», over
//! «لحكومة» «حكومة», but a name that merely begins with the same letters («وليامز», «وليد»,
//! «فلسطين») must stay whole. The rule:
//!
//! A word may lose a leading conjunction (و or ف), then a leading preposition (ب, ك or ل),
//! only when what remains is a real word: it starts with the article «ال» followed by at least
//! two letters (after ل the article's alef is dropped: «للحداد» → «لحداد», read ل + الحداد),
//! or it is at least three letters long and occurs as a whole word — bare or after «ال» —
//! elsewhere in the document or folder (the [`Lexicon`]). The most that can be stripped under
//! that rule is stripped. Comparisons use the normal form of [`super::arabic`].

use std::collections::HashSet;

use super::arabic;

/// Fewest letters a remainder needs to count as a word found in the lexicon: shorter ones
/// («ما» of «كما», «كن» of «لكن») are too often accidents.
const MIN_LEXICON_LETTERS: usize = 3;

/// Fewest letters after «ال» for a remainder to count as a word by its article.
const MIN_LETTERS_AFTER_ARTICLE: usize = 2;

/// The words of a document or folder in normal form, bare and without their article.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: HashSet<String>,
}

impl Lexicon {
    /// The words of `text`.
    #[must_use]
    pub fn from_text(text: &str) -> Self {
        let mut lexicon = Self::default();
        lexicon.add_text(text);
        lexicon
    }

    /// Adds the words of `text` (another document of the folder).
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|ch: char| !arabic::is_word_char(ch)) {
            let normal = arabic::normalize(word);
            if normal.is_empty() {
                continue;
            }
            if let Some(stem) = normal.strip_prefix("ال")
                && stem.chars().count() >= MIN_LEXICON_LETTERS
            {
                self.words.insert(stem.to_owned());
            }
            self.words.insert(normal);
        }
    }

    /// Whether `normal` (already normalised) occurs as a word.
    #[must_use]
    pub fn contains(&self, normal: &str) -> bool {
        self.words.contains(normal)
    }

    /// Number of distinct forms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lexicon is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// How many leading chars of `word` (one word, no spaces) are attached proclitics to leave
/// out of a selection: 0 when none may be stripped. Marks on a stripped letter are stripped
/// with it.
#[must_use]
pub fn proclitic_len(word: &str, lexicon: &Lexicon) -> usize {
    let chars: Vec<char> = word.chars().collect();
    let conjunction = letter_at(&chars, 0).filter(|&(ch, _)| arabic::is_conjunction(ch));
    let after_conjunction = conjunction.map_or(0, |(_, next)| next);
    let preposition = letter_at(&chars, after_conjunction).filter(|&(ch, _)| arabic::is_preposition(ch));

    let mut candidates = Vec::with_capacity(2);
    if let Some((ch, next)) = preposition {
        candidates.push((next, ch));
    }
    if let Some((ch, next)) = conjunction {
        candidates.push((next, ch));
    }
    candidates
        .into_iter()
        .find(|&(stripped, prefix)| is_word(&chars[stripped..], prefix, lexicon))
        .map_or(0, |(stripped, _)| stripped)
}

/// The letter at `index` and the index after it and its marks.
fn letter_at(chars: &[char], index: usize) -> Option<(char, usize)> {
    let &ch = chars.get(index)?;
    let mut next = index + 1;
    while chars.get(next).is_some_and(|&c| arabic::is_optional(c)) {
        next += 1;
    }
    Some((ch, next))
}

/// Whether `rest`, left after stripping `prefix`, is a word by the module's rule.
fn is_word(rest: &[char], prefix: char, lexicon: &Lexicon) -> bool {
    let normal: String = rest.iter().copied().filter_map(arabic::fold).collect();
    let letters = normal.chars().count();
    let article_form = if prefix == 'ل' && normal.starts_with('ل') && !normal.starts_with("ال") {
        // «لل…»: the article's alef is dropped after the preposition ل.
        format!("ا{normal}")
    } else {
        normal.clone()
    };
    if let Some(after) = article_form.strip_prefix("ال")
        && after.chars().count() >= MIN_LETTERS_AFTER_ARTICLE
    {
        return true;
    }
    letters >= MIN_LEXICON_LETTERS && lexicon.contains(&normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(word: &str, lexicon: &Lexicon) -> String {
        word.chars().skip(proclitic_len(word, lexicon)).collect()
    }

    #[test]
    fn article_words_lose_their_proclitics() {
        let lexicon = Lexicon::default();
        for (word, expected) in [
            ("والحداد", "الحداد"),
            ("بالأطراف", "الأطراف"),
            ("وبالأطراف", "الأطراف"),
            ("فالجيش", "الجيش"),
            ("كالعادة", "العادة"),
            ("للحداد", "لحداد"),
            ("وللأمم", "لأمم"),
            ("وَالحداد", "الحداد"),
        ] {
            assert_eq!(stripped(word, &lexicon), expected, "{word}");
        }
    }

    #[test]
    fn names_and_short_words_stay_whole() {
        let lexicon = Lexicon::from_text("ما كن يد قالت والي");
        for word in [
            "وليامز",
            "وليد",
            "فلسطين",
            "كما",
            "لكن",
            "بريطانيا",
            "ليبيا",
            "والد",
            "وال",
            "و",
        ] {
            assert_eq!(stripped(word, &lexicon), word, "{word}");
        }
    }

    #[test]
    fn words_found_elsewhere_lose_their_proclitics() {
        let lexicon = Lexicon::from_text("اجتمع قادة الجيش مع الحكومة ثم وصل الوفد");
        assert_eq!(stripped("وقادة", &lexicon), "قادة");
        assert_eq!(stripped("لحكومة", &lexicon), "حكومة", "found as «الحكومة»");
        assert_eq!(stripped("ووفد", &lexicon), "وفد");
        assert_eq!(stripped("لوفد", &lexicon), "وفد");
        assert_eq!(stripped("وزارة", &lexicon), "وزارة", "«زارة» is no word here");
    }

    #[test]
    fn lexicon_normalises() {
        let lexicon = Lexicon::from_text("الأطراف، قادةٌ");
        assert!(lexicon.contains("اطراف"));
        assert!(lexicon.contains("الاطراف"));
        assert!(lexicon.contains("قاده"));
        assert_eq!(lexicon.len(), 3);
        assert!(!lexicon.is_empty());
    }
}
