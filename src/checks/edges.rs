//! Whether a span's text starts or ends where a span should not: on whitespace, or on
//! punctuation that is not one half of a pair inside the span («…», (5+5)) and not a sign
//! that belongs to a number (5%).

use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

use crate::checks::{Edge, Reason};

/// Why a span with this text has a bad edge, or `None`.
pub(super) fn edge_problem(text: &str) -> Option<Reason> {
    let first = text.chars().next()?;
    let last = text.chars().next_back()?;
    if first.is_whitespace() || last.is_whitespace() {
        let edge = if first.is_whitespace() { Edge::Start } else { Edge::End };
        return Some(Reason::Whitespace { edge });
    }
    if stray(first, Edge::Start, text) {
        return Some(Reason::Punctuation {
            edge: Edge::Start,
            mark: first,
        });
    }
    if stray(last, Edge::End, text) && !ends_initial(text) {
        return Some(Reason::Punctuation {
            edge: Edge::End,
            mark: last,
        });
    }
    None
}

/// Whether `text` ends with an initial or an abbreviation and its full stop («محمد ب.»,
/// «J. K.», «الكي. جي. بي.»): a last word of one or two letters before the `.`.
fn ends_initial(text: &str) -> bool {
    let Some(body) = text.strip_suffix('.') else {
        return false;
    };
    let last_word = body
        .rsplit(|c: char| c.is_whitespace() || c == '.')
        .next()
        .unwrap_or_default();
    let letters = last_word.chars().filter(|c| c.is_alphabetic()).count();
    (1..=2).contains(&letters) && last_word.chars().all(char::is_alphabetic)
}

/// Whether `ch`, at this edge of `text`, is punctuation the span should have left out.
fn stray(ch: char, edge: Edge, text: &str) -> bool {
    let category = CodePointMapData::<GeneralCategory>::new().get(ch);
    match category {
        // Opening brackets and quotes are fine at the start when the span closes them.
        GeneralCategory::OpenPunctuation | GeneralCategory::InitialPunctuation => {
            edge == Edge::End || !text.chars().skip(1).any(is_closing)
        }
        GeneralCategory::ClosePunctuation | GeneralCategory::FinalPunctuation => {
            edge == Edge::Start || !text.chars().rev().skip(1).any(is_opening)
        }
        // Straight quotes open and close alike: fine when the span holds the other one.
        GeneralCategory::OtherPunctuation if matches!(ch, '"' | '\'') => text.matches(ch).count() < 2,
        // Percent and per-mille signs belong to their number (٥٪, 5%).
        GeneralCategory::OtherPunctuation => !matches!(ch, '%' | '٪' | '‰' | '؉' | '‱' | '؊'),
        GeneralCategory::DashPunctuation | GeneralCategory::ConnectorPunctuation => true,
        _ => false,
    }
}

fn is_opening(ch: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(ch),
        GeneralCategory::OpenPunctuation | GeneralCategory::InitialPunctuation
    )
}

fn is_closing(ch: char) -> bool {
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(ch),
        GeneralCategory::ClosePunctuation | GeneralCategory::FinalPunctuation
    )
}

#[cfg(test)]
mod tests {
    use super::edge_problem;

    #[test]
    fn whitespace_and_stray_punctuation_at_either_edge_are_problems() {
        for (text, expected) in [
            (" قادة الجيش", Some("starts on whitespace")),
            ("قادة الجيش\u{a0}", Some("ends on whitespace")),
            ("الليبي.", Some("ends on punctuation (.)")),
            ("قال ب..", Some("ends on punctuation (.)")),
            ("،الجيش", Some("starts on punctuation (،)")),
            ("قال:", Some("ends on punctuation (:)")),
            ("- البعثة", Some("starts on punctuation (-)")),
            ("الجيش»", Some("ends on punctuation (»)")),
            ("«الجيش", Some("starts on punctuation («)")),
            ("(5+5", Some("starts on punctuation (()")),
            ("\"the army", Some("starts on punctuation (\")")),
        ] {
            let found = edge_problem(text).map(|reason| reason.to_string());
            assert_eq!(found.as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn pairs_closed_inside_the_span_and_number_signs_are_fine() {
        for text in [
            "اللجنة العسكرية المشتركة «5+5»",
            "اللجنة العسكرية المشتركة (5+5)",
            "«الجيش الليبي»",
            "\"the army\"",
            "نسبة 5%",
            "محمد ب.",
            "الكي. جي. بي.",
            "J. K.",
            "٥٠٪",
            "قادة الجيش",
            "a",
        ] {
            assert_eq!(edge_problem(text), None, "{text}");
        }
    }
}
