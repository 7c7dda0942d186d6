use std::collections::BTreeMap;

/// Stable identifier of a span inside one document (never reused after a delete).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct SpanId(pub u64);

impl std::fmt::Display for SpanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "T{}", self.0)
    }
}

/// A labelled range of the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Stable id.
    pub id: SpanId,
    /// Name of a [`crate::model::LabelDef`] of the document's schema.
    pub label: String,
    /// First covered character, as a Unicode scalar offset into the document text.
    pub char_start: usize,
    /// One past the last covered character (Unicode scalar offset, exclusive).
    pub char_end: usize,
    /// Attribute name → value (for example `type` → `person`).
    pub attributes: BTreeMap<String, String>,
    /// Free-text note of the annotator.
    pub note: Option<String>,
    /// Set when loading had to re-anchor the span (the article changed): a human should look.
    pub needs_review: bool,
    /// The actor entity this span mentions (an id of the dataset's entity registry).
    pub entity: Option<crate::model::EntityId>,
}

impl Span {
    /// A span with no attributes, note or review flag.
    #[must_use]
    pub fn new(id: SpanId, label: impl Into<String>, char_start: usize, char_end: usize) -> Self {
        Self {
            id,
            label: label.into(),
            char_start,
            char_end,
            attributes: BTreeMap::new(),
            note: None,
            needs_review: false,
            entity: None,
        }
    }

    /// The canonical order of spans in files and lists: reading order, then length, then id.
    #[must_use]
    pub fn sort_key(&self) -> (usize, usize, SpanId) {
        (self.char_start, self.char_end, self.id)
    }

    /// Number of characters covered.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_end - self.char_start
    }

    /// Whether the span covers the character at `char_offset`.
    #[must_use]
    pub fn contains_char(&self, char_offset: usize) -> bool {
        self.char_start <= char_offset && char_offset < self.char_end
    }
}
