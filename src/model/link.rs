/// Stable identifier of a link inside one document (never reused after a delete).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct LinkId(pub u64);

impl std::fmt::Display for LinkId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "R{}", self.0)
    }
}

/// A directed relation between two spans, for example a quote's **speaker**
/// (`from` = the quote, `to` = the actor) or an agreed action's **party**.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Stable id.
    pub id: LinkId,
    /// Name of a [`crate::model::RelationDef`] of the document's schema.
    pub kind: String,
    /// The head span (quote, agreed action).
    pub from: crate::model::SpanId,
    /// The child span (actor).
    pub to: crate::model::SpanId,
}
