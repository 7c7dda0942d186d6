//! Walking through a document's suggestions with the keyboard (N / Shift+N, Enter, X) and
//! accepting many at once: which suggestion is current, which ones the threshold shows, and
//! the commands that accept or reject them. View state: nothing here is saved.

use crate::model::{Command, Document, SuggestionId};

/// One suggestion in reading order: a span at its start, a link at its head's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Stop {
    char_start: usize,
    id: SuggestionId,
}

/// The walk's state.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionWalk {
    /// Whether suggestions are drawn and walked (View › Suggestions).
    pub show: bool,
    /// Suggestions scored below this are neither drawn nor walked.
    pub threshold: f32,
    /// The current suggestion.
    pub current: Option<SuggestionId>,
    /// Where the current suggestion was, to go on from there once it is accepted or rejected.
    last_start: usize,
}

impl Default for SuggestionWalk {
    fn default() -> Self {
        Self {
            show: true,
            threshold: 0.0,
            current: None,
            last_start: 0,
        }
    }
}

/// How many suggestions one source makes for one label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionCount {
    /// The source's name.
    pub source: String,
    /// The label (or relation) name.
    pub label: String,
    /// Suggestions at or above the threshold.
    pub shown: usize,
    /// All of them.
    pub total: usize,
}

impl SuggestionWalk {
    /// A walk with nothing current, drawing suggestions or not.
    #[must_use]
    pub fn new(show: bool) -> Self {
        Self {
            show,
            ..Self::default()
        }
    }

    /// The suggestions to walk, in reading order (those at or above the threshold).
    fn stops(&self, document: &Document) -> Vec<Stop> {
        let suggestions = document.suggestions();
        let mut stops: Vec<Stop> = suggestions
            .spans()
            .iter()
            .filter(|s| s.score >= self.threshold)
            .map(|s| Stop {
                char_start: s.char_start,
                id: s.id,
            })
            .collect();
        stops.extend(
            suggestions
                .links()
                .iter()
                .filter(|l| l.score >= self.threshold)
                .filter_map(|l| {
                    let head = document.suggestion_end_range(l.from)?;
                    Some(Stop {
                        char_start: head.0,
                        id: l.id,
                    })
                }),
        );
        stops.sort_unstable();
        stops
    }

    /// Moves to the next (or previous) suggestion, wrapping; returns the char to scroll to, or
    /// `None` when there is none.
    pub fn step(&mut self, document: &Document, forward: bool) -> Option<usize> {
        let stops = self.stops(document);
        if stops.is_empty() {
            self.current = None;
            return None;
        }
        let at = self.current.and_then(|id| stops.iter().position(|s| s.id == id));
        let index = match (at, forward) {
            (Some(i), true) => (i + 1) % stops.len(),
            (Some(i), false) => (i + stops.len() - 1) % stops.len(),
            // Gone (accepted, rejected) or never chosen: the first one from where the last was.
            (None, true) => stops.iter().position(|s| s.char_start >= self.last_start).unwrap_or(0),
            (None, false) => stops
                .iter()
                .rposition(|s| s.char_start < self.last_start)
                .unwrap_or(stops.len() - 1),
        };
        let stop = stops[index];
        self.current = Some(stop.id);
        self.last_start = stop.char_start;
        Some(stop.char_start)
    }

    /// After an edit: when the current suggestion is gone, the next one from where it was.
    pub fn follow(&mut self, document: &Document) -> Option<usize> {
        let current = self.current?;
        let exists = document.suggestions().span(current).is_some() || document.suggestions().link(current).is_some();
        if exists {
            return None;
        }
        self.current = None;
        self.step(document, true)
    }

    /// The command that accepts the current suggestion.
    #[must_use]
    pub fn accept(&self) -> Option<Command> {
        self.current.map(Command::AcceptSuggestion)
    }

    /// The command that rejects the current suggestion.
    #[must_use]
    pub fn reject(&self) -> Option<Command> {
        self.current.map(Command::RejectSuggestion)
    }

    /// Whether a suggestion is drawn (shown, and at or above the threshold).
    #[must_use]
    pub fn shows(&self, score: f32) -> bool {
        self.show && score >= self.threshold
    }
}

/// One undo step that accepts every suggested span of `label` scored at or above `threshold`
/// (of any source); `None` when there is none.
#[must_use]
pub fn accept_all(document: &Document, label: &str, threshold: f32) -> Option<Command> {
    // Two sources may suggest the same range: the command makes it one span.
    let ids: Vec<crate::model::SuggestionId> = document
        .suggestions()
        .spans()
        .iter()
        .filter(|s| s.label == label && s.score >= threshold)
        .map(|s| s.id)
        .collect();
    (!ids.is_empty()).then_some(Command::AcceptSuggestions {
        ids,
        as_spans: Vec::new(),
    })
}

/// Suggestions per source and label (relation, for links), sorted by source then label.
#[must_use]
pub fn counts(document: &Document, threshold: f32) -> Vec<SuggestionCount> {
    let mut counts: std::collections::BTreeMap<(String, String), (usize, usize)> = std::collections::BTreeMap::new();
    let suggestions = document.suggestions();
    let items = suggestions
        .spans()
        .iter()
        .map(|s| (s.source.name(), s.label.as_str(), s.score))
        .chain(
            suggestions
                .links()
                .iter()
                .map(|l| (l.source.name(), l.kind.as_str(), l.score)),
        );
    for (source, label, score) in items {
        let entry = counts.entry((source.to_owned(), label.to_owned())).or_default();
        entry.1 += 1;
        if score >= threshold {
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .map(|((source, label), (shown, total))| SuggestionCount {
            source,
            label,
            shown,
            total,
        })
        .collect()
}
