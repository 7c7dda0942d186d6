//! What the annotator is doing: which span is selected, whether a link is being drawn, and
//! how each user action becomes a [`Command`]. No egui here: the article view and the key
//! bindings turn input into [`AnnotatorAction`]s, and this turns them into commands on the
//! [`DocumentSession`], so the whole interaction is tested without a window.

use std::ops::Range;

use crate::app::DocumentSession;
use crate::app::i18n::{Arg, Catalogue, Language, command_error};
use crate::model::{Command, Document, Span, SpanId};
use crate::text::{WordEdge, Words};

/// Something the user asked for, by key, mouse or button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotatorAction {
    /// Apply a label: create a span over the text selection, or relabel the selected span.
    ApplyLabel(String),
    /// Delete the selected span (and its links).
    DeleteSelected,
    /// Start linking from the selected span with this relation kind (speaker, party).
    StartLink(String),
    /// A click on the text at a char offset (selects the innermost span there, or ends a link).
    ClickChar(usize),
    /// Select a span (from the side panel, or Tab).
    SelectSpan(SpanId),
    /// In link mode, link the head to this span (the link picker).
    LinkTo(SpanId),
    /// Select the next span in reading order (Tab).
    NextSpan,
    /// Select the previous span in reading order (Shift+Tab).
    PreviousSpan,
    /// Move one edge of the selected span by one word, in logical order.
    MoveEdge {
        /// Which edge.
        edge: WordEdge,
        /// Towards the end of the text (true) or its start.
        forward: bool,
    },
    /// Delete one link.
    DeleteLink(crate::model::LinkId),
    /// Leave link mode, or clear the selection.
    Escape,
}

/// Link mode: the next clicks on spans of the right label make links from `head`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkMode {
    /// Relation kind.
    pub kind: String,
    /// The span the links start from (quote, agreed action).
    pub head: SpanId,
}

/// What an action did, for the status line and the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to do (for example Delete with nothing selected).
    Nothing,
    /// The document changed; the text selection should be cleared.
    Changed,
    /// Only the annotator's own state changed (selection, link mode).
    Selected,
    /// Only the selection changed, and the message says why (a label already there).
    SelectedWithNote(String),
    /// The action was refused; the message says why.
    Refused(String),
}

/// The annotator's view state. Never saved into annotation files.
#[derive(Clone, Debug, Default)]
pub struct Annotator {
    /// The selected span.
    pub selected: Option<SpanId>,
    /// Link mode, if active.
    pub link_mode: Option<LinkMode>,
    /// The language of the messages it returns.
    pub language: Language,
}

impl Annotator {
    /// Message `id` in the annotator's language.
    fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        Catalogue::get(self.language).tr_args(id, args)
    }

    /// Performs `action`. `text_selection` is the article view's selected char range (empty or
    /// `None` when nothing is selected).
    pub fn perform(
        &mut self,
        action: AnnotatorAction,
        text_selection: Option<Range<usize>>,
        session: &mut DocumentSession,
    ) -> Outcome {
        match action {
            AnnotatorAction::ApplyLabel(label) => self.apply_label(label, text_selection, session),
            AnnotatorAction::DeleteSelected => self.delete_selected(session),
            AnnotatorAction::StartLink(kind) => self.start_link(kind, session.document()),
            AnnotatorAction::ClickChar(char_offset) => self.click(char_offset, session),
            AnnotatorAction::LinkTo(target) => match self.link_mode.clone() {
                Some(mode) => self.link_to(&mode, target, session),
                None => Outcome::Nothing,
            },
            AnnotatorAction::SelectSpan(id) => {
                self.selected = session.document().span(id).map(|s| s.id);
                Outcome::Selected
            }
            AnnotatorAction::NextSpan => self.step_selection(session.document(), true),
            AnnotatorAction::PreviousSpan => self.step_selection(session.document(), false),
            AnnotatorAction::MoveEdge { edge, forward } => self.move_edge(edge, forward, session),
            AnnotatorAction::DeleteLink(id) => run(session, Command::DeleteLink(id), self.language),
            AnnotatorAction::Escape => {
                if self.link_mode.take().is_none() {
                    self.selected = None;
                }
                Outcome::Selected
            }
        }
    }

    /// Drops references to spans that no longer exist (after undo, redo or a reload).
    pub fn forget_missing(&mut self, document: &Document) {
        if self.selected.is_some_and(|id| document.span(id).is_none()) {
            self.selected = None;
        }
        if self.link_mode.as_ref().is_some_and(|p| document.span(p.head).is_none()) {
            self.link_mode = None;
        }
    }

    fn apply_label(
        &mut self,
        label: String,
        text_selection: Option<Range<usize>>,
        session: &mut DocumentSession,
    ) -> Outcome {
        // A stray space at either end of a selection never belongs to a span.
        let text_selection = text_selection.map(|range| trim_whitespace(session.document(), range));
        match (text_selection.filter(|r| !r.is_empty()), self.selected) {
            (Some(range), _) => {
                // The same label over the same text twice is a slip, never a wanted annotation.
                if let Some(existing) = session
                    .document()
                    .spans_overlapping(range.start, range.end)
                    .find(|s| s.label == label && s.char_start == range.start && s.char_end == range.end)
                {
                    self.selected = Some(existing.id);
                    let args = [
                        ("span", existing.id.to_string().into()),
                        ("label", label.as_str().into()),
                    ];
                    return Outcome::SelectedWithNote(self.tr_args("annotator-already", &args));
                }
                let command = Command::AddSpan {
                    label,
                    char_start: range.start,
                    char_end: range.end,
                };
                match session.edit(command) {
                    Ok(created) => {
                        self.selected = created.span;
                        Outcome::Changed
                    }
                    Err(error) => Outcome::Refused(command_error(self.language, &error)),
                }
            }
            (None, Some(id)) => run(session, Command::SetSpanLabel { id, label }, self.language),
            (None, None) => Outcome::Refused(self.tr_args("annotator-select-first", &[])),
        }
    }

    fn delete_selected(&mut self, session: &mut DocumentSession) -> Outcome {
        let Some(id) = self.selected.take() else {
            return Outcome::Nothing;
        };
        self.link_mode = None;
        run(session, Command::DeleteSpan(id), self.language)
    }

    fn start_link(&mut self, kind: String, document: &Document) -> Outcome {
        let Some(relation) = document.schema().relation(&kind) else {
            return Outcome::Refused(self.tr_args("annotator-unknown-relation", &[("relation", kind.as_str().into())]));
        };
        let head = self.selected.and_then(|id| document.span(id));
        match head {
            Some(head) if relation.allows_head(&head.label) => {
                self.link_mode = Some(LinkMode { kind, head: head.id });
                Outcome::Selected
            }
            // "a span labelled …": an article before the label itself would read "a Actor".
            _ => Outcome::Refused(self.tr_args(
                "annotator-select-head",
                &[
                    ("label", relation.from_label.as_str().into()),
                    ("relation", kind.as_str().into()),
                ],
            )),
        }
    }

    fn click(&mut self, char_offset: usize, session: &mut DocumentSession) -> Outcome {
        let document = session.document();
        let Some(mode) = self.link_mode.clone() else {
            self.selected = span_after_click(document, char_offset, self.selected);
            return Outcome::Selected;
        };
        let Some(relation) = document.schema().relation(&mode.kind).cloned() else {
            self.link_mode = None;
            return Outcome::Nothing;
        };
        let head_label = document.span(mode.head).map(|s| s.label.clone()).unwrap_or_default();
        let target = document
            .spans_overlapping(char_offset, char_offset + 1)
            .filter(|s| relation.allows(&head_label, &s.label))
            .min_by_key(|s| (s.char_len(), s.id))
            .map(|s| s.id);
        let Some(target) = target else {
            return Outcome::Refused(self.tr_args(
                "annotator-click-target",
                &[("label", relation.to_label.as_str().into())],
            ));
        };
        self.link_to(&mode, target, session)
    }

    /// Links `mode.head` to `target`; a single-valued kind replaces the head's link and ends
    /// link mode.
    fn link_to(&mut self, mode: &LinkMode, target: SpanId, session: &mut DocumentSession) -> Outcome {
        let document = session.document();
        let Some(relation) = document.schema().relation(&mode.kind).cloned() else {
            self.link_mode = None;
            return Outcome::Nothing;
        };
        let link = Command::AddLink {
            kind: mode.kind.clone(),
            from: mode.head,
            to: target,
        };
        // A single-valued kind (a quote's speaker) is replaced, not refused, in one undo step.
        let replaced: Vec<Command> = if relation.multiple {
            Vec::new()
        } else {
            document
                .links()
                .iter()
                .filter(|l| l.kind == mode.kind && l.from == mode.head)
                .map(|l| Command::DeleteLink(l.id))
                .collect()
        };
        let command = if replaced.is_empty() {
            link
        } else {
            Command::Batch(replaced.into_iter().chain([link]).collect())
        };
        let outcome = run(session, command, self.language);
        if !relation.multiple {
            self.link_mode = None;
        }
        outcome
    }

    fn step_selection(&mut self, document: &Document, forward: bool) -> Outcome {
        let spans = document.spans();
        if spans.is_empty() {
            return Outcome::Nothing;
        }
        let current = self.selected.and_then(|id| spans.iter().position(|s| s.id == id));
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => spans.len() - 1,
            (Some(i), true) => (i + 1) % spans.len(),
            (Some(i), false) => (i + spans.len() - 1) % spans.len(),
        };
        self.selected = Some(spans[next].id);
        Outcome::Selected
    }

    fn move_edge(&mut self, edge: WordEdge, forward: bool, session: &mut DocumentSession) -> Outcome {
        let document = session.document();
        let Some(span) = self.selected.and_then(|id| document.span(id)) else {
            return Outcome::Nothing;
        };
        let words = Words::new(document.text(), document.char_index());
        let (mut char_start, mut char_end) = (span.char_start, span.char_end);
        let current = if edge == WordEdge::Start { char_start } else { char_end };
        let moved = if forward {
            words.next_word_boundary(current, edge)
        } else {
            words.prev_word_boundary(current, edge)
        };
        match edge {
            WordEdge::Start => char_start = moved,
            WordEdge::End => char_end = moved,
        }
        if char_start >= char_end {
            return Outcome::Refused(self.tr_args("annotator-empty-span", &[]));
        }
        let id = span.id;
        run(
            session,
            Command::SetSpanRange {
                id,
                char_start,
                char_end,
            },
            self.language,
        )
    }
}

/// `range` without the whitespace at its ends (empty when it holds only whitespace).
fn trim_whitespace(document: &Document, range: Range<usize>) -> Range<usize> {
    let text = document.text_of(range.start, range.end);
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    let start = (range.start + leading).min(range.end);
    start..range.end.saturating_sub(trailing).max(start)
}

/// The shortest span covering `char_offset` (optionally of one label): what a click means when
/// spans nest, so the inner actor of a quote stays reachable.
#[must_use]
pub fn innermost_span_at<'d>(document: &'d Document, char_offset: usize, label: Option<&str>) -> Option<&'d Span> {
    document
        .spans_overlapping(char_offset, char_offset + 1)
        .filter(|s| label.is_none_or(|l| s.label == l))
        .min_by_key(|s| (s.char_len(), s.id))
}

/// The span a click at `char_offset` selects: the innermost there, or, when the selected span
/// is one of the spans there, the next one out (wrapping to the innermost), so that repeated
/// clicks reach every nested span.
fn span_after_click(document: &Document, char_offset: usize, selected: Option<SpanId>) -> Option<SpanId> {
    let mut nested: Vec<&Span> = document.spans_overlapping(char_offset, char_offset + 1).collect();
    nested.sort_by_key(|s| (s.char_len(), s.id));
    let next = match selected.and_then(|id| nested.iter().position(|s| s.id == id)) {
        Some(at) => (at + 1) % nested.len(),
        None => 0,
    };
    nested.get(next).map(|s| s.id)
}

/// Sends `command`; a refusal is said in `language`.
fn run(session: &mut DocumentSession, command: Command, language: Language) -> Outcome {
    match session.edit(command) {
        Ok(_) => Outcome::Changed,
        Err(error) => Outcome::Refused(command_error(language, &error)),
    }
}
