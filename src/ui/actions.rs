//! What the user can ask the window to do from the menus or the keyboard.

use std::path::PathBuf;

use egui::{Context, KeyboardShortcut, Modifiers};

use crate::model::{Command, Schema};
use crate::text::{Direction, WordEdge};
use crate::ui::annotator::Action;
use crate::ui::shortcuts;

/// An application command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAction {
    /// Ask for an article file to open.
    OpenArticle,
    /// Ask for a folder of articles to open.
    OpenFolder,
    /// Open this article or folder (recent files, drag and drop).
    OpenPath(PathBuf),
    /// Save the annotations.
    Save,
    /// Save the annotations to another file.
    SaveAs,
    /// Show the export dialog.
    Export,
    /// Show the import dialog.
    Import,
    /// Next document of the open folder (saves first).
    NextDocument,
    /// Previous document of the open folder (saves first).
    PreviousDocument,
    /// Document `n` of the open folder (saves first).
    SwitchDocument(usize),
    /// Close the window (asks about unsaved edits).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// An annotation action (labels, links, selection).
    Annotate(Action),
    /// Apply a model command directly (status, attributes, notes, annotator name).
    Apply(Command),
    /// Change the paragraph direction setting.
    SetDirection(Direction),
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Dark (true) or light theme.
    SetDark(bool),
    /// Show or hide the statistics window.
    ToggleStatistics,
    /// Show or hide the labels (schema) window.
    ToggleLabels,
}

impl AppAction {
    /// Whether the action saves or leaves the document, so that what is still being typed in
    /// a field must be committed first.
    #[must_use]
    pub fn saves_or_leaves(&self) -> bool {
        matches!(
            self,
            Self::Save
                | Self::SaveAs
                | Self::Export
                | Self::OpenArticle
                | Self::OpenFolder
                | Self::OpenPath(_)
                | Self::NextDocument
                | Self::PreviousDocument
                | Self::SwitchDocument(_)
                | Self::Quit
        )
    }
}

/// Shortcuts with Ctrl/Alt: they work even while a text field has the focus.
fn command_bindings() -> Vec<(KeyboardShortcut, AppAction)> {
    // Most specific first: egui ignores extra Shift/Alt when matching.
    vec![
        (shortcuts::SAVE_AS, AppAction::SaveAs),
        (shortcuts::SAVE, AppAction::Save),
        (shortcuts::OPEN_FOLDER, AppAction::OpenFolder),
        (shortcuts::OPEN_ARTICLE, AppAction::OpenArticle),
        (shortcuts::EXPORT, AppAction::Export),
        (shortcuts::IMPORT, AppAction::Import),
        (shortcuts::STATISTICS, AppAction::ToggleStatistics),
        (shortcuts::QUIT, AppAction::Quit),
        (shortcuts::REDO, AppAction::Redo),
        (shortcuts::UNDO, AppAction::Undo),
        (shortcuts::REDO_ALT, AppAction::Redo),
        (shortcuts::ZOOM_IN, AppAction::ZoomIn),
        (shortcuts::ZOOM_IN_PLUS, AppAction::ZoomIn),
        (shortcuts::ZOOM_OUT, AppAction::ZoomOut),
        (shortcuts::ZOOM_RESET, AppAction::ZoomReset),
        (shortcuts::NEXT_DOCUMENT, AppAction::NextDocument),
        (shortcuts::PREVIOUS_DOCUMENT, AppAction::PreviousDocument),
    ]
}

/// Plain-key shortcuts of the annotation: only while no text field has the focus.
fn annotation_bindings(schema: &Schema) -> Vec<(KeyboardShortcut, AppAction)> {
    let edge = |edge, forward| AppAction::Annotate(Action::MoveEdge { edge, forward });
    let mut bindings = vec![
        (shortcuts::START_FORWARD, edge(WordEdge::Start, true)),
        (shortcuts::START_BACKWARD, edge(WordEdge::Start, false)),
        (shortcuts::END_FORWARD, edge(WordEdge::End, true)),
        (shortcuts::END_BACKWARD, edge(WordEdge::End, false)),
        (shortcuts::PREVIOUS_SPAN, AppAction::Annotate(Action::PreviousSpan)),
        (shortcuts::NEXT_SPAN, AppAction::Annotate(Action::NextSpan)),
        (shortcuts::DELETE_SPAN, AppAction::Annotate(Action::DeleteSelected)),
        (shortcuts::DELETE_SPAN_ALT, AppAction::Annotate(Action::DeleteSelected)),
        (shortcuts::ESCAPE, AppAction::Annotate(Action::Escape)),
    ];
    for label in &schema.labels {
        if let Some(key) = label.shortcut.and_then(shortcuts::key_for_char) {
            let action = AppAction::Annotate(Action::ApplyLabel(label.name.clone()));
            bindings.push((KeyboardShortcut::new(Modifiers::NONE, key), action));
        }
    }
    for relation in &schema.relations {
        if let Some(key) = relation.shortcut.and_then(shortcuts::key_for_char) {
            let action = AppAction::Annotate(Action::StartLink(relation.name.clone()));
            bindings.push((KeyboardShortcut::new(Modifiers::NONE, key), action));
        }
    }
    bindings
}

/// The actions whose shortcuts were pressed this frame (their key presses are consumed).
pub fn shortcut_actions(ctx: &Context, schema: &Schema) -> Vec<AppAction> {
    let typing = ctx.memory(|memory| memory.focused().is_some()) && ctx.egui_wants_keyboard_input();
    let mut bindings = command_bindings();
    if !typing {
        bindings.extend(annotation_bindings(schema));
    }
    ctx.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(shortcut, _)| {
                // Plain keys must not fire with Ctrl held (Ctrl+1 is not label 1).
                (shortcut.modifiers.command || !input.modifiers.command) && input.consume_shortcut(shortcut)
            })
            .map(|(_, action)| action)
            .collect()
    })
}
