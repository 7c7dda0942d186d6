use std::fmt;

use crate::checks::CheckKind;
use crate::model::{Document, Span, SpanId};

/// Longest span text quoted in a message, in chars.
const EXCERPT_CHARS: usize = 40;

/// A problem a check found: where it is and what is wrong, as data ([`Reason`]) that the
/// window words in its language, and in English words for the command line.
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
    /// The span's label as the schema shows it.
    pub label: String,
    /// The start of the span's text, line breaks shown as `¶`, `…` when cut.
    pub excerpt: String,
    /// What is wrong.
    pub reason: Reason,
    /// What is wrong in English, naming the span: `Quote «قال …» has no speaker` (what
    /// `hashiya check` prints; the window words [`Problem::reason`] in its own language).
    pub message: String,
}

/// Which end of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Its first char.
    Start,
    /// Its last char.
    End,
}

/// What a check found wrong with a span, with what a message says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A head span with no link of a kind that needs one.
    NoLink {
        /// The relation kind (`speaker`).
        kind: String,
    },
    /// A head span with fewer links of a kind than the kind needs.
    TooFewLinks {
        /// The relation kind (`party`).
        kind: String,
        /// Links it has.
        count: u32,
        /// Links the kind needs at least.
        required: u32,
    },
    /// The same range and label as an earlier span.
    Duplicate {
        /// The earlier span.
        earlier: SpanId,
    },
    /// Whitespace at an edge.
    Whitespace {
        /// Which edge.
        edge: Edge,
    },
    /// Punctuation the span should have left out at an edge.
    Punctuation {
        /// Which edge.
        edge: Edge,
        /// The punctuation mark.
        mark: char,
    },
    /// A paragraph break inside the span.
    CrossesParagraph,
    /// Marked for review (re-anchored, or kept in two versions by a merge).
    NeedsReview {
        /// Why a merge marked it, from the note the merge driver wrote, if one did.
        merge: Option<String>,
    },
}

/// The English words after the span (`has no speaker`), as `hashiya check` prints them.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |edge: &Edge| match edge {
            Edge::Start => "starts",
            Edge::End => "ends",
        };
        match self {
            Self::NoLink { kind } => write!(f, "has no {kind}"),
            Self::TooFewLinks { kind, count, required } => write!(
                f,
                "has {count} {kind} {}; needs at least {required}",
                if *count == 1 { "link" } else { "links" }
            ),
            Self::Duplicate { earlier } => write!(f, "has the same range and label as span {earlier}"),
            Self::Whitespace { edge } => write!(f, "{} on whitespace", at(edge)),
            Self::Punctuation { edge, mark } => write!(f, "{} on punctuation ({mark})", at(edge)),
            Self::CrossesParagraph => f.write_str("crosses a paragraph break"),
            Self::NeedsReview { merge: None } => f.write_str("is marked for review"),
            Self::NeedsReview { merge: Some(why) } => write!(f, "is marked for review: {why}"),
        }
    }
}

impl Problem {
    /// A problem with a span.
    pub(super) fn of_span(check: CheckKind, document: &Document, span: &Span, reason: Reason) -> Self {
        let label = document.schema().shown_label(&span.label).to_owned();
        let excerpt = excerpt(document.span_text(span));
        let message = format!("{label} «{excerpt}» {reason}");
        Self {
            check,
            char_start: span.char_start,
            char_end: span.char_end,
            span: span.id,
            label,
            excerpt,
            reason,
            message,
        }
    }
}

/// The start of a span's text, for a message on one line.
fn excerpt(text: &str) -> String {
    // A line break would split a report line in two.
    let mut excerpt: String = text
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if matches!(c, '\n' | '\u{2029}') { '¶' } else { c })
        .collect();
    if text.chars().nth(EXCERPT_CHARS).is_some() {
        excerpt.push('…');
    }
    excerpt
}
