//! Interface strings in a right-to-left interface, rearranged for a text engine without bidi.
//!
//! egui's labels split a text into runs by font, lay the runs out left to right, and shape
//! each run in its script's direction (harfrust guesses it): a run of Arabic letters comes out
//! right to left, everything else left to right. That is right for one Arabic word and wrong
//! for a sentence: in «فتح ملف (2)» the words, the space and the bracket are separate runs
//! in logical order. [`for_run_shaper`] resolves the line's bidi levels (a right-to-left
//! paragraph; rules W7, N1/N2, I1/I2 and L2 of UAX #9 on one line, without explicit
//! embeddings), puts the text in visual order, and then undoes, run by run, the reversal and
//! mirroring that the shaper will apply to runs drawn right to left. What egui draws then reads
//! in bidi order. Text that is all Arabic letters and spaces comes back unchanged.

use icu_properties::CodePointMapData;
use icu_properties::props::BidiClass;
use unicode_segmentation::UnicodeSegmentation;

/// The bidi type of a grapheme, reduced to what one line without embeddings needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Left to right (Latin letters).
    Left,
    /// Right to left (Arabic and Hebrew letters).
    Right,
    /// A digit (European or Arabic-Indic), or a separator inside a number.
    Number,
    /// Spaces and punctuation: they take the direction around them.
    Neutral,
}

fn kind(grapheme: &str) -> Kind {
    let Some(first) = grapheme.chars().next() else {
        return Kind::Neutral;
    };
    match CodePointMapData::<BidiClass>::new().get(first) {
        BidiClass::LeftToRight => Kind::Left,
        BidiClass::RightToLeft | BidiClass::ArabicLetter => Kind::Right,
        BidiClass::EuropeanNumber | BidiClass::ArabicNumber => Kind::Number,
        _ => Kind::Neutral,
    }
}

fn is_strong_rtl(grapheme: &str) -> bool {
    kind(grapheme) == Kind::Right
}

/// The mirrored form of a bracket drawn right to left (`Bidi_Mirroring_Glyph` for the pairs
/// interface strings use).
fn mirror(grapheme: &str) -> &str {
    match grapheme {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        other => other,
    }
}

/// Resolved embedding levels (1 right to left, 2 left to right inside it) of `graphemes` in a
/// right-to-left paragraph.
fn levels(graphemes: &[&str]) -> Vec<u8> {
    let mut kinds: Vec<Kind> = graphemes.iter().map(|g| kind(g)).collect();
    // A separator between two digits (1.5, 10,000, 12:30) and a terminator touching a number
    // (50%) belong to the number (W4, W5).
    for index in 0..kinds.len() {
        if kinds[index] != Kind::Neutral {
            continue;
        }
        let before = index.checked_sub(1).map(|i| kinds[i]);
        let after = kinds.get(index + 1).copied();
        let grapheme = graphemes[index];
        let separator = matches!(grapheme, "." | "," | ":" | "/");
        let terminator = matches!(grapheme, "%" | "$" | "#" | "+" | "-");
        if (separator && before == Some(Kind::Number) && after == Some(Kind::Number))
            || (terminator && (before == Some(Kind::Number) || after == Some(Kind::Number)))
        {
            kinds[index] = Kind::Number;
        }
    }
    // W7: a number after a left-to-right letter is left to right; otherwise, for the
    // neutrals around it, it counts as right to left (N1).
    let mut strong = Kind::Right;
    let effective: Vec<Kind> = kinds
        .iter()
        .map(|&kind| match kind {
            Kind::Left | Kind::Right => {
                strong = kind;
                kind
            }
            Kind::Number if strong == Kind::Left => Kind::Left,
            Kind::Number => Kind::Right,
            Kind::Neutral => Kind::Neutral,
        })
        .collect();
    let mut levels = vec![1; graphemes.len()];
    let mut index = 0;
    while index < effective.len() {
        if effective[index] != Kind::Neutral {
            levels[index] = if effective[index] == Kind::Left || kinds[index] == Kind::Number {
                2
            } else {
                1
            };
            index += 1;
            continue;
        }
        let start = index;
        while index < effective.len() && effective[index] == Kind::Neutral {
            index += 1;
        }
        // N1: neutrals between two strong types of one direction take it; N2: else the
        // paragraph's (the line's ends count as the paragraph's direction).
        let before = start.checked_sub(1).map_or(Kind::Right, |i| effective[i]);
        let after = effective.get(index).copied().unwrap_or(Kind::Right);
        let level = if before == Kind::Left && after == Kind::Left {
            2
        } else {
            1
        };
        levels[start..index].fill(level);
    }
    levels
}

/// `text` of a right-to-left interface, rearranged so that a shaper that lays out font runs
/// left to right and reverses (and mirrors) the runs of right-to-left script draws it in bidi
/// order. `in_rtl_font` says whether a char is drawn with the font of the right-to-left
/// script (for egui: whether the Arabic font, first in the font list, has it): only such
/// runs are shaped right to left.
#[must_use]
pub fn for_run_shaper(text: &str, in_rtl_font: impl Fn(char) -> bool) -> String {
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    if !graphemes.iter().any(|g| is_strong_rtl(g)) && !graphemes.iter().any(|g| mirror(g) != *g) {
        // Nothing runs right to left and nothing mirrors: a left-to-right text stays as is.
        return text.to_owned();
    }
    let levels = levels(&graphemes);
    // L2: reverse the runs at level 2, then the whole line (every level is at least 1).
    let mut visual: Vec<(&str, u8)> = graphemes.iter().copied().zip(levels.iter().copied()).collect();
    let mut index = 0;
    while index < visual.len() {
        let start = index;
        while index < visual.len() && visual[index].1 == 2 {
            index += 1;
        }
        visual[start..index].reverse();
        index = index.max(start + 1);
    }
    visual.reverse();
    let visual: Vec<&str> = visual
        .into_iter()
        .map(|(grapheme, level)| if level % 2 == 1 { mirror(grapheme) } else { grapheme })
        .collect();
    // The shaper's runs: consecutive graphemes of the same font. A run with right-to-left
    // letters will be reversed and mirrored by it; hand it over reversed and mirrored.
    let in_font = |grapheme: &str| grapheme.chars().next().is_some_and(&in_rtl_font);
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < visual.len() {
        let font = in_font(visual[index]);
        let start = index;
        while index < visual.len() && in_font(visual[index]) == font {
            index += 1;
        }
        let run = &visual[start..index];
        if font && run.iter().any(|g| is_strong_rtl(g)) {
            out.extend(run.iter().rev().map(|g| mirror(g)));
        } else {
            out.extend(run.iter().copied());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use super::{for_run_shaper, is_strong_rtl, mirror};

    /// Like the Arabic font: Arabic, spaces, digits and a little punctuation (Noto Naskh
    /// Arabic's coverage of ASCII).
    fn arabic_font(c: char) -> bool {
        matches!(c, ' ' | '!' | ',' | '.' | '0'..='9' | ':' | '«' | '»' | '\u{600}'..='\u{6ff}')
    }

    /// What egui does: font runs left to right, a run with Arabic letters reversed and
    /// mirrored. Returns the graphemes from left to right on screen.
    fn draw(text: &str) -> Vec<String> {
        let graphemes: Vec<&str> = text.graphemes(true).collect();
        let mut screen = Vec::new();
        let mut index = 0;
        while index < graphemes.len() {
            let font = graphemes[index].chars().next().is_some_and(arabic_font);
            let start = index;
            while index < graphemes.len() && graphemes[index].chars().next().is_some_and(arabic_font) == font {
                index += 1;
            }
            let run = &graphemes[start..index];
            if font && run.iter().any(|g| is_strong_rtl(g)) {
                screen.extend(run.iter().rev().map(|g| mirror(g).to_owned()));
            } else {
                screen.extend(run.iter().map(|g| (*g).to_owned()));
            }
        }
        screen
    }

    /// The screen, left to right, of pieces listed as the reader meets them from the right;
    /// an Arabic piece's graphemes appear reversed, any other piece's in order.
    fn screen_of(reading: &[&str]) -> Vec<String> {
        reading
            .iter()
            .rev()
            .flat_map(|piece| {
                let graphemes: Vec<String> = piece.graphemes(true).map(str::to_owned).collect();
                if piece.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)) {
                    graphemes.into_iter().rev().collect()
                } else {
                    graphemes
                }
            })
            .collect()
    }

    #[test]
    fn arabic_words_and_spaces_are_unchanged() {
        for text in ["حفظ", "فتح مجلد", "من اليمين إلى اليسار", "مقطعًا يتيمًا"]
        {
            assert_eq!(for_run_shaper(text, arabic_font), text);
        }
    }

    #[test]
    fn words_read_from_the_right() {
        // Right to left on screen: «فتح», space, «مجلد».
        assert_eq!(
            draw(&for_run_shaper("فتح مجلد", arabic_font)),
            screen_of(&["فتح", " ", "مجلد"])
        );
    }

    #[test]
    fn numbers_keep_their_digit_order() {
        assert_eq!(
            draw(&for_run_shaper("100 مقطع", arabic_font)),
            screen_of(&["100", " ", "مقطع"])
        );
        assert_eq!(
            draw(&for_run_shaper("المجلد (25)", arabic_font)),
            screen_of(&["المجلد", " ", ")", "25", "("])
        );
    }

    #[test]
    fn latin_names_inside_arabic_stay_left_to_right() {
        // «وسم: Actor» reads وسم: first (rightmost), then the label to its left.
        assert_eq!(
            draw(&for_run_shaper("وسم: Actor", arabic_font)),
            screen_of(&["وسم", ":", " ", "Actor"])
        );
        // Two Latin words with a space between them stay one left-to-right piece.
        assert_eq!(
            draw(&for_run_shaper("ربط speaker of Quote", arabic_font)),
            screen_of(&["ربط", " ", "speaker of Quote"])
        );
    }

    #[test]
    fn brackets_are_mirrored_around_arabic() {
        // «مقاطع يتيمة (3)»: the opening bracket is drawn on the right as «)».
        let screen = draw(&for_run_shaper("يتيمة (3)", arabic_font));
        assert_eq!(screen, screen_of(&["يتيمة", " ", ")", "3", "("]));
    }

    #[test]
    fn left_to_right_text_is_left_alone() {
        for text in ["Ctrl+S", "report 2020.txt", "UTF-8"] {
            assert_eq!(for_run_shaper(text, arabic_font), text);
        }
    }
}
