//! The spans a link being drawn can go to, for the link picker: every span whose label the
//! kind allows at the far end (on screen or not), nearest to the head first, filtered by what
//! the annotator types with Arabic spelling variants folded (أ إ آ / ا, ى / ي, ة / ه,
//! diacritics, tatweel).

use crate::app::LinkMode;
use crate::model::{Document, Span, SpanId};
use crate::text::arabic;

/// The spans the link from `mode.head` can go to, nearest first; those whose text (or label)
/// holds `query` (normalised) when it is not empty. Spans the head already links to with this
/// kind are left out, and so is the head.
#[must_use]
pub fn link_targets(document: &Document, mode: &LinkMode, query: &str) -> Vec<SpanId> {
    let Some(head) = document.span(mode.head) else {
        return Vec::new();
    };
    let Some(relation) = document.schema().relation(&mode.kind) else {
        return Vec::new();
    };
    let linked: Vec<SpanId> = document
        .links()
        .iter()
        .filter(|l| l.kind == mode.kind && l.from == head.id)
        .map(|l| l.to)
        .collect();
    let query = arabic::normalize(query.trim()).to_lowercase();
    let mut targets: Vec<&Span> = document
        .spans()
        .iter()
        .filter(|s| s.id != head.id && relation.allows(&head.label, &s.label) && !linked.contains(&s.id))
        .filter(|s| query.is_empty() || matches_query(document, s, &query))
        .collect();
    targets.sort_by_key(|s| (distance(head, s), s.char_start, s.id));
    targets.into_iter().map(|s| s.id).collect()
}

/// Chars between two spans (0 when they overlap or touch).
fn distance(a: &Span, b: &Span) -> usize {
    if b.char_start >= a.char_end {
        b.char_start - a.char_end
    } else {
        a.char_start.saturating_sub(b.char_end)
    }
}

fn matches_query(document: &Document, span: &Span, normal_query: &str) -> bool {
    let text = arabic::normalize(document.span_text(span)).to_lowercase();
    text.contains(normal_query)
        || document
            .schema()
            .shown_label(&span.label)
            .to_lowercase()
            .contains(normal_query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Link, LinkId, Schema};

    const TEXT: &str = "قال الفريق محمد الحداد إن «الجيش موحد» وأكد الناظوري ذلك أمام البعثة الأممية";

    fn span(id: u64, label: &str, needle: &str) -> Span {
        let byte_start = TEXT.find(needle).expect("in the text");
        let start = TEXT[..byte_start].chars().count();
        Span::new(SpanId(id), label, start, start + needle.chars().count())
    }

    fn document(links: Vec<Link>) -> Document {
        let spans = vec![
            span(1, "Actor", "الفريق محمد الحداد"),
            span(2, "Quote", "«الجيش موحد»"),
            span(3, "Actor", "الناظوري"),
            span(4, "Actor", "البعثة الأممية"),
            span(5, "Agreed action", "ذلك"),
        ];
        Document::from_parts(
            TEXT.to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            links,
        )
    }

    fn speaker_of_quote() -> LinkMode {
        LinkMode {
            kind: "speaker".into(),
            head: SpanId(2),
        }
    }

    fn ids(targets: &[SpanId]) -> Vec<u64> {
        targets.iter().map(|id| id.0).collect()
    }

    #[test]
    fn actors_only_nearest_first() {
        let document = document(Vec::new());
        // «الجيش موحد» starts 4 chars after الحداد and ends 6 before الناظوري; the Agreed
        // action is no speaker.
        assert_eq!(ids(&link_targets(&document, &speaker_of_quote(), "")), [1, 3, 4]);
    }

    #[test]
    fn typing_filters_with_spelling_variants_folded() {
        let document = document(Vec::new());
        let mode = speaker_of_quote();
        assert_eq!(ids(&link_targets(&document, &mode, "الاممية")), [4], "أ typed as ا");
        assert_eq!(
            ids(&link_targets(&document, &mode, " الحَدّاد ")),
            [1],
            "diacritics and spaces"
        );
        assert_eq!(ids(&link_targets(&document, &mode, "actor")), [1, 3, 4], "by label");
        assert!(link_targets(&document, &mode, "قادة").is_empty());
    }

    #[test]
    fn spans_already_linked_with_the_kind_are_left_out() {
        let party = Link {
            id: LinkId(1),
            kind: "party".into(),
            from: SpanId(5),
            to: SpanId(3),
        };
        let document = document(vec![party]);
        let mode = LinkMode {
            kind: "party".into(),
            head: SpanId(5),
        };
        assert_eq!(ids(&link_targets(&document, &mode, "")), [4, 1]);
    }
}
