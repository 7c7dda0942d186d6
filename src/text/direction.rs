//! Paragraph direction: the user's choice (auto / right-to-left / left-to-right) and the
//! Unicode rules P2/P3 that resolve "auto" from a paragraph's first strong character.

use icu_properties::CodePointMapData;
use icu_properties::props::BidiClass;

/// The base direction asked for the paragraphs of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Each paragraph takes the direction of its first strong character (rules P2/P3);
    /// left-to-right when it has none.
    #[default]
    Auto,
    /// Every paragraph right-to-left.
    Rtl,
    /// Every paragraph left-to-right.
    Ltr,
}

impl Direction {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::Auto, Self::Rtl, Self::Ltr];

    /// The name used on the command line and in menus (`auto`, `rtl`, `ltr`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Rtl => "rtl",
            Self::Ltr => "ltr",
        }
    }

    /// Parses [`Direction::name`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|direction| direction.name() == name)
    }

    /// Whether a paragraph with this text is laid out right-to-left.
    #[must_use]
    pub fn is_rtl(self, paragraph: &str) -> bool {
        match self {
            Self::Auto => first_strong_is_rtl(paragraph).unwrap_or(false),
            Self::Rtl => true,
            Self::Ltr => false,
        }
    }
}

/// Rule P2: the direction of the first strong character (L, R or AL) of a paragraph,
/// skipping characters between an isolate initiator and its matching PDI; `None` without one.
#[must_use]
pub fn first_strong_is_rtl(paragraph: &str) -> Option<bool> {
    let classes = CodePointMapData::<BidiClass>::new();
    let mut isolate_depth = 0_usize;
    for ch in paragraph.chars() {
        match classes.get(ch) {
            BidiClass::LeftToRightIsolate | BidiClass::RightToLeftIsolate | BidiClass::FirstStrongIsolate => {
                isolate_depth += 1;
            }
            BidiClass::PopDirectionalIsolate => isolate_depth = isolate_depth.saturating_sub(1),
            BidiClass::ParagraphSeparator => return None,
            _ if isolate_depth > 0 => {}
            BidiClass::LeftToRight => return Some(false),
            BidiClass::RightToLeft | BidiClass::ArabicLetter => return Some(true),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_char_decides() {
        assert_eq!(first_strong_is_rtl("2020 علقت"), Some(true));
        assert_eq!(first_strong_is_rtl("«5+5» Hello علقت"), Some(false));
        assert_eq!(first_strong_is_rtl("12 + 5"), None);
        // An isolate's content is skipped (P2).
        assert_eq!(first_strong_is_rtl("\u{2066}abc\u{2069} علقت"), Some(true));
        assert!(Direction::Auto.is_rtl("علقت"));
        assert!(!Direction::Auto.is_rtl("5+5"));
        assert!(Direction::Rtl.is_rtl("Hello"));
        assert!(!Direction::Ltr.is_rtl("علقت"));
        assert_eq!(Direction::from_name("rtl"), Some(Direction::Rtl));
        assert_eq!(Direction::from_name("up"), None);
    }
}
