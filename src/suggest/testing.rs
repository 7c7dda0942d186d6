//! Test documents for the sources' unit tests.

use crate::model::{Document, DocumentMeta, Schema, Span, SpanId};

/// `text` with the default schema and a span per `(surface, label)`, each found after the
/// previous one (so a repeated surface marks its later occurrence).
pub(crate) fn document(text: &str, spans: &[(&str, &str)]) -> Document {
    let mut found = Vec::new();
    let mut from = 0;
    for (id, (surface, label)) in (1..).zip(spans) {
        let byte = from + text[from..].find(surface).expect("span text in the document");
        from = byte + surface.len();
        let start = text[..byte].chars().count();
        found.push(Span::new(SpanId(id), *label, start, start + surface.chars().count()));
    }
    Document::from_parts(
        text.to_owned(),
        Schema::default_schema(),
        DocumentMeta::default(),
        found,
        Vec::new(),
    )
}
