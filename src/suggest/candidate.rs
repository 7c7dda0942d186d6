//! The shared shape of what a suggestion source proposes for one document: span candidates
//! (char offsets, a label of the schema, a score 0–1) and link candidates between existing
//! spans or candidates of the same batch. The suggestion layer turns them into suggestions.

use crate::model::{Document, SpanId};

/// A span a source proposes (char offsets, Unicode scalars).
#[derive(Clone, Debug, PartialEq)]
pub struct SpanCandidate {
    /// First covered char (Unicode scalar offset).
    pub char_start: usize,
    /// One past the last covered char.
    pub char_end: usize,
    /// A label of the document's schema.
    pub label: String,
    /// How sure the source is, 0–1.
    pub score: f32,
}

/// One end of a proposed link: an existing span, or a span candidate of the same batch (index into `Candidates::spans`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateEnd {
    /// An existing span of the document.
    Span(crate::model::SpanId),
    /// The span candidate at this index of [`Candidates::spans`].
    Candidate(usize),
}

/// A link a source proposes (kind = a relation name of the schema, e.g. the quote's speaker relation).
#[derive(Clone, Debug, PartialEq)]
pub struct LinkCandidate {
    /// A relation name of the schema.
    pub kind: String,
    /// The link's head.
    pub from: CandidateEnd,
    /// The link's child.
    pub to: CandidateEnd,
    /// How sure the source is, 0–1.
    pub score: f32,
}

/// What one source proposes for one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candidates {
    /// Proposed spans, in reading order.
    pub spans: Vec<SpanCandidate>,
    /// Proposed links.
    pub links: Vec<LinkCandidate>,
}

/// Whether `document` already has a span with exactly this range and label (sources never
/// propose one).
#[must_use]
pub fn is_existing(document: &Document, char_start: usize, char_end: usize, label: &str) -> bool {
    document
        .spans_overlapping(char_start, char_end)
        .any(|s| s.char_start == char_start && s.char_end == char_end && s.label == label)
}

/// The existing span with exactly this range and label, if any.
#[must_use]
pub fn existing_span(document: &Document, char_start: usize, char_end: usize, label: &str) -> Option<SpanId> {
    document
        .spans_overlapping(char_start, char_end)
        .find(|s| s.char_start == char_start && s.char_end == char_end && s.label == label)
        .map(|s| s.id)
}
