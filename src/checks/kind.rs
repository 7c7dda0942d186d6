/// One kind of annotation check, with the name projects use to turn it off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckKind {
    /// A head span with fewer links of a kind than the kind needs (a quote without its
    /// speaker, an agreed action with fewer than two parties).
    MissingLink,
    /// Two spans with the same range and label.
    DuplicateSpan,
    /// A span that starts or ends on whitespace or punctuation.
    SpanEdge,
    /// A span that crosses a paragraph break.
    CrossesParagraph,
    /// A span marked for review: re-anchored after the article changed, or kept in two
    /// versions by a merge of two branches.
    NeedsReview,
}

impl CheckKind {
    /// Every check, in report order.
    pub const ALL: [Self; 5] = [
        Self::MissingLink,
        Self::DuplicateSpan,
        Self::SpanEdge,
        Self::CrossesParagraph,
        Self::NeedsReview,
    ];

    /// The name in schemas (`disabled_checks`) and reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::MissingLink => "missing-link",
            Self::DuplicateSpan => "duplicate-span",
            Self::SpanEdge => "span-edge",
            Self::CrossesParagraph => "crosses-paragraph",
            Self::NeedsReview => "needs-review",
        }
    }

    /// One line saying what the check finds.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::MissingLink => {
                "a span without the links its kind needs (a quote without a speaker, an agreed action with fewer than two parties)"
            }
            Self::DuplicateSpan => "two spans with the same range and label",
            Self::SpanEdge => "a span that starts or ends on whitespace or punctuation",
            Self::CrossesParagraph => "a span that crosses a paragraph break",
            Self::NeedsReview => {
                "a span marked for review (moved when the article changed, or changed on two branches that were merged)"
            }
        }
    }

    /// The check with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

impl std::fmt::Display for CheckKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
