use crate::checks::CheckKind;
use crate::model::{Document, Span, SpanId};

/// Longest span text quoted in a message, in chars.
const EXCERPT_CHARS: usize = 40;

/// A problem a check found: where it is and what is wrong, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The check that found it.
    pub check: CheckKind,
    /// Unicode scalar offset where its span starts in the article.
    pub char_start: usize,
    /// Unicode scalar offset where its span ends (exclusive).
    pub char_end: usize,
    /// The span it is about.
    pub span: SpanId,
    /// What is wrong, naming the span: `Quote «قال …» has no speaker`.
    pub message: String,
}

impl Problem {
    /// A problem with a span; `why` follows the span's label and text.
    pub(super) fn of_span(check: CheckKind, document: &Document, span: &Span, why: &str) -> Self {
        Self {
            check,
            char_start: span.char_start,
            char_end: span.char_end,
            span: span.id,
            message: format!("{} {why}", described(document, span)),
        }
    }
}

/// `Quote «قال …»`: the label as shown and the start of the span's text.
fn described(document: &Document, span: &Span) -> String {
    let text = document.span_text(span);
    // A line break would split a report line in two.
    let excerpt: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if matches!(c, '\n' | '\u{2029}') { '¶' } else { c })
        .collect();
    let more = if text.chars().nth(EXCERPT_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("{} «{excerpt}{more}»", document.schema().shown_label(&span.label))
}
