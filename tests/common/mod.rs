//! Shared test fixtures: a fixed annotated document built on the bundled sample article.

#![allow(dead_code)]

use hashiya::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId, Status};

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

/// Char range of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("\"{needle}\" occurs fewer than {} times", nth + 1));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The sample article with a fixed set of annotations: actors (with the `type` attribute),
/// two quotes with their speakers, three agreed actions with their party, actors nested in a
/// quote, and a note.
pub fn golden_document() -> Document {
    let text = SAMPLE.to_owned();
    // (id, label, needle, occurrence, type attribute)
    let spans: [(u64, &str, &str, usize, Option<&str>); 14] = [
        (1, "Actor", "ستيفاني وليامز", 0, Some("person")),
        (2, "Actor", "الفريق محمد الحداد", 0, Some("person")),
        (3, "Actor", "الفريق عبدالرازق الناظوري", 0, Some("person")),
        (4, "Actor", "اللجنة العسكرية المشتركة «5+5»", 0, Some("organisation")),
        (5, "Actor", "وليامز", 1, Some("person")),
        (6, "Quote", "«سعدت بما خلص إليه", 0, None),
        (7, "Actor", "الفريق الحداد", 0, Some("person")),
        (8, "Actor", "الفريق أول الناظوري", 0, Some("person")),
        (9, "Actor", "قادة الجيش الليبي", 1, Some("group")),
        (
            10,
            "Agreed action",
            "الشروع في تحديد الخطوات الواقعية لتوحيد المؤسسة العسكرية",
            0,
            None,
        ),
        (
            11,
            "Agreed action",
            "ضرورة تسمية رئيس أركان واحد للمؤسسة العسكرية",
            0,
            None,
        ),
        (12, "Agreed action", "تسيير دوريات حدودية", 0, None),
        (13, "Actor", "بعثة الأمم المتحدة للدعم في ليبيا", 1, Some("organisation")),
        (14, "Quote", "«تشيد بالاجتماع", 0, None),
    ];
    let mut built = Vec::new();
    for (id, label, needle, nth, kind) in spans {
        let (start, mut end) = find(&text, needle, nth);
        if label == "Quote" {
            // Quotes run from their opening « to the closing » that follows.
            let rest: Vec<char> = text.chars().skip(start).collect();
            end = start + rest.iter().position(|&c| c == '»').expect("closing »") + 1;
        }
        let mut span = Span::new(SpanId(id), label, start, end);
        if let Some(kind) = kind {
            span.attributes.insert("type".into(), kind.into());
        }
        if id == 12 {
            span.note = Some("from the joint statement; the \"plan\" part".into());
        }
        built.push(span);
    }
    let link = |id, kind: &str, from, to| Link {
        id: LinkId(id),
        kind: kind.into(),
        from: SpanId(from),
        to: SpanId(to),
    };
    let links = vec![
        link(1, "speaker", 6, 5),
        link(2, "party", 10, 9),
        link(3, "party", 11, 9),
        link(4, "party", 12, 9),
        link(5, "speaker", 14, 13),
    ];
    let meta = DocumentMeta {
        source_name: "libya-army-leaders-meeting.ar.txt".into(),
        annotator: "golden".into(),
        status: Status::InProgress,
    };
    let document = Document::from_parts(text, Schema::default_schema(), meta, built, links);
    assert!(document.check().is_empty(), "{:?}", document.check());
    document
}
