//! Suggestions: spans and links a source proposes (the string matcher, the rules, the trained
//! tagger, an imported model's predictions) and the annotator accepts or rejects. They are not
//! annotations: they live beside the spans and links, are saved in their own sections of the
//! annotation file, and reach an export only when asked (`--with-suggestions`). Accepting one
//! makes a normal span through the command path; rejecting one remembers its range and label,
//! so no source suggests it again.

use std::collections::BTreeSet;

use crate::model::SpanId;

/// Stable identifier of a suggestion (span or link) inside one document; never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SuggestionId(pub u64);

impl std::fmt::Display for SuggestionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "S{}", self.0)
    }
}

/// Where a suggestion came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SuggestionSource {
    /// The string matcher, learned from the annotated spans and a gazetteer.
    Matcher,
    /// The rules of the schema (quotes, speakers, titled actors).
    Rules,
    /// The sequence tagger trained in the app.
    Tagger,
    /// Predictions imported from another model, by its name.
    Imported(String),
}

impl SuggestionSource {
    /// The name shown in the window and written by exports (`matcher`, `rules`, `tagger`, or
    /// the imported model's name).
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::Matcher => "matcher",
            Self::Rules => "rules",
            Self::Tagger => "tagger",
            Self::Imported(model) => model,
        }
    }
}

/// A proposed span.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedSpan {
    /// Stable id.
    pub id: SuggestionId,
    /// Label name (of the document's schema).
    pub label: String,
    /// First covered char.
    pub char_start: usize,
    /// One past the last covered char.
    pub char_end: usize,
    /// Confidence, 0 to 1.
    pub score: f32,
    /// Who proposed it.
    pub source: SuggestionSource,
}

/// One end of a proposed link: an annotated span, or a suggested span (accepting the link
/// accepts that span too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SuggestionEnd {
    /// An annotated span.
    Span(SpanId),
    /// A suggested span.
    Suggested(SuggestionId),
}

/// A proposed link (a quote's speaker, an action's party).
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestedLink {
    /// Stable id (shared with suggested spans: one counter).
    pub id: SuggestionId,
    /// Relation name of the schema.
    pub kind: String,
    /// The head (quote, agreed action).
    pub from: SuggestionEnd,
    /// The child (actor).
    pub to: SuggestionEnd,
    /// Confidence, 0 to 1.
    pub score: f32,
    /// Who proposed it.
    pub source: SuggestionSource,
}

// Scores are clamped to 0..=1 when suggestions are made (`clamp_score`), never NaN, so
// equality is an equivalence and documents stay `Eq`.
impl Eq for SuggestedSpan {}
impl Eq for SuggestedLink {}

/// A score made safe to store: NaN becomes 0, everything else is clamped to 0..=1.
#[must_use]
pub fn clamp_score(score: f32) -> f32 {
    if score.is_nan() { 0.0 } else { score.clamp(0.0, 1.0) }
}

/// A rejected span suggestion, remembered by what it proposed (not its id), so that no
/// source proposes the same range and label again.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rejection {
    /// Label name.
    pub label: String,
    /// First char.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
}

/// A rejected link suggestion, by the kind and the char ranges of its two ends.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LinkRejection {
    /// Relation name.
    pub kind: String,
    /// The head's char range.
    pub from: (usize, usize),
    /// The child's char range.
    pub to: (usize, usize),
}

/// Either kind of rejection, as the commands carry it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rejected {
    /// A span suggestion.
    Span(Rejection),
    /// A link suggestion.
    Link(LinkRejection),
}

/// A document's suggestions and rejections.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Sorted by (start, end, id).
    pub(super) spans: Vec<SuggestedSpan>,
    /// Sorted by id.
    pub(super) links: Vec<SuggestedLink>,
    pub(super) rejected: BTreeSet<Rejection>,
    pub(super) rejected_links: BTreeSet<LinkRejection>,
    /// The highest suggestion id ever used (0: none).
    pub(super) last_id: u64,
    /// Position of each suggested span in `spans` (links name their ends by id; the window
    /// looks them up every frame).
    positions: std::collections::HashMap<SuggestionId, usize>,
}

impl Suggestions {
    /// Suggestions as stored (loading a file): sorted here; ids kept.
    #[must_use]
    pub fn from_parts(
        mut spans: Vec<SuggestedSpan>,
        mut links: Vec<SuggestedLink>,
        rejected: BTreeSet<Rejection>,
        rejected_links: BTreeSet<LinkRejection>,
    ) -> Self {
        spans.sort_by_key(SuggestedSpan::sort_key);
        links.sort_by_key(|l| l.id);
        let last_id = spans
            .iter()
            .map(|s| s.id.0)
            .chain(links.iter().map(|l| l.id.0))
            .max()
            .unwrap_or(0);
        let mut suggestions = Self {
            spans,
            links,
            rejected,
            rejected_links,
            last_id,
            positions: std::collections::HashMap::new(),
        };
        suggestions.reindex();
        suggestions
    }

    /// Brings the id → position map up to date after `spans` changed.
    pub(super) fn reindex(&mut self) {
        self.positions = self.spans.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    }

    /// Removes the suggested span with this id, keeping the map of positions up to date.
    pub(super) fn take_span(&mut self, id: SuggestionId) -> Option<SuggestedSpan> {
        let index = self.positions.remove(&id)?;
        let span = self.spans.remove(index);
        for (i, s) in self.spans.iter().enumerate().skip(index) {
            self.positions.insert(s.id, i);
        }
        Some(span)
    }

    /// Inserts a suggested span in order, keeping the map of positions up to date.
    pub(super) fn put_span(&mut self, span: SuggestedSpan) {
        let at = self.spans.partition_point(|s| s.sort_key() < span.sort_key());
        self.spans.insert(at, span);
        for (i, s) in self.spans.iter().enumerate().skip(at) {
            self.positions.insert(s.id, i);
        }
    }

    /// Suggested spans in reading order.
    #[must_use]
    pub fn spans(&self) -> &[SuggestedSpan] {
        &self.spans
    }

    /// Suggested links, by id.
    #[must_use]
    pub fn links(&self) -> &[SuggestedLink] {
        &self.links
    }

    /// Rejected span suggestions.
    #[must_use]
    pub fn rejected(&self) -> &BTreeSet<Rejection> {
        &self.rejected
    }

    /// Rejected link suggestions.
    #[must_use]
    pub fn rejected_links(&self) -> &BTreeSet<LinkRejection> {
        &self.rejected_links
    }

    /// Whether there is nothing to save (no suggestion, no rejection).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty() && self.links.is_empty() && self.rejected.is_empty() && self.rejected_links.is_empty()
    }

    /// The suggested span with this id.
    #[must_use]
    pub fn span(&self, id: SuggestionId) -> Option<&SuggestedSpan> {
        self.positions.get(&id).map(|&i| &self.spans[i])
    }

    /// The suggested link with this id.
    #[must_use]
    pub fn link(&self, id: SuggestionId) -> Option<&SuggestedLink> {
        self.links
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &self.links[i])
    }

    /// The id the next new suggestion gets.
    #[must_use]
    pub fn next_id(&self) -> SuggestionId {
        SuggestionId(self.last_id.saturating_add(1))
    }

    /// Whether a span suggestion of this label and range was rejected.
    #[must_use]
    pub fn is_rejected(&self, label: &str, char_start: usize, char_end: usize) -> bool {
        self.rejected.contains(&Rejection {
            label: label.to_owned(),
            char_start,
            char_end,
        })
    }
}

impl Suggestions {
    /// These suggestions with `source`'s replaced by a batch made by
    /// [`Document::suggestion_command`](crate::model::Document::suggestion_command), for
    /// importers, which build whole documents rather than edit them. `None` when `command` is
    /// not a `SetSuggestions`.
    #[must_use]
    pub fn replacing(&self, command: crate::model::Command) -> Option<Self> {
        let crate::model::Command::SetSuggestions { source, spans, links } = command else {
            return None;
        };
        let removed: BTreeSet<SuggestionId> = self.spans.iter().filter(|s| s.source == source).map(|s| s.id).collect();
        let gone = |end: &SuggestionEnd| matches!(end, SuggestionEnd::Suggested(id) if removed.contains(id));
        let mut next = self.clone();
        next.spans.retain(|s| s.source != source);
        next.links
            .retain(|l| l.source != source && !gone(&l.from) && !gone(&l.to));
        next.last_id = spans
            .iter()
            .map(|s| s.id.0)
            .chain(links.iter().map(|l| l.id.0))
            .fold(next.last_id, u64::max);
        next.spans.extend(spans);
        next.links.extend(links);
        next.spans.sort_by_key(SuggestedSpan::sort_key);
        next.links.sort_by_key(|l| l.id);
        next.reindex();
        Some(next)
    }

    /// Follows a label's rename (suggestions and rejections carry label names).
    pub(super) fn rename_label(&mut self, from: &str, to: &str) {
        for span in &mut self.spans {
            if span.label == from {
                to.clone_into(&mut span.label);
            }
        }
        self.rejected = std::mem::take(&mut self.rejected)
            .into_iter()
            .map(|mut r| {
                if r.label == from {
                    to.clone_into(&mut r.label);
                }
                r
            })
            .collect();
    }
}

impl SuggestedSpan {
    /// The order in documents and files.
    #[must_use]
    pub fn sort_key(&self) -> (usize, usize, SuggestionId) {
        (self.char_start, self.char_end, self.id)
    }

    /// What rejecting it remembers.
    #[must_use]
    pub fn rejection(&self) -> Rejection {
        Rejection {
            label: self.label.clone(),
            char_start: self.char_start,
            char_end: self.char_end,
        }
    }
}
