//! What the user can ask the window to do from the menus, the keyboard, the panels and the
//! dialogs; the menus and keys are listed once, in [`crate::ui::action_table`].

use std::path::PathBuf;

use egui::Context;

use crate::app::AnnotatorAction;
use crate::app::i18n::Language;
use crate::model::{Command, Schema};
use crate::text::Direction;
use crate::ui::action_table::key_bindings;
use crate::ui::bidi_text_field::text_field_has_focus;

/// Something the window is asked to do.
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
    Annotate(AnnotatorAction),
    /// Edit the document with a model command (status, attributes, notes, annotator name),
    /// through the session's undo history.
    Edit(Command),
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
    /// The interface language (applied at once, kept in the settings).
    SetLanguage(Language),
    /// Show or hide the statistics window.
    ToggleStatistics,
    /// Show or hide the labels (schema) window.
    ToggleLabels,
    /// Open the find bar (or focus its query).
    Find,
    /// Find the other occurrences of the selected span's text and walk them with its label.
    LabelSimilar,
    /// Whether selections leave out attached prefixes (و ف ب ك ل).
    SetLeaveOutPrefixes(bool),
    /// Show or hide the Problems window (the annotation checks).
    ToggleProblems,
    /// Settle the annotators' versions of the article into its gold file.
    Adjudicate,
    /// Assign the selected mention to an actor entity (the entity picker).
    AssignEntity,
    /// Select the span of the next problem (`true`) or the previous one.
    StepProblem(bool),
    /// Mark the document done although problems remain (the answer to the question asked
    /// when the status is set to done).
    ConfirmDone,
    /// A suggestion key, menu item or panel button.
    Suggestion(SuggestionAction),
}

/// What the suggestion keys, menu items and the panel's Suggestions section ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuggestionAction {
    /// N: the next suggestion (the view scrolls to it).
    Next,
    /// Shift+N: the previous one.
    Previous,
    /// Enter: the current suggestion becomes an annotation.
    Accept,
    /// X: the current suggestion is rejected, and not suggested again.
    Reject,
    /// Accept every suggested span of this label scored at or above the threshold, in one
    /// undo step.
    AcceptAll(String),
    /// View › Suggestions: draw and walk them, or not.
    ToggleShow,
    /// Run a source on the open document.
    Run(SuggestionRun),
    /// "Import predictions…": pick a JSONL file of a model's predictions.
    PickPredictions,
    /// Read this JSONL file of predictions (in the background) and make its lines for the
    /// open document suggestions, one undo step.
    ImportPredictions(std::path::PathBuf),
}

/// The sources the window runs (imported predictions are read from a file instead:
/// [`SuggestionAction::ImportPredictions`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionRun {
    /// The string matcher learned from the folder's annotations (and a gazetteer).
    Matcher,
    /// The schema's rules (quotes, speakers, titled actors).
    Rules,
    /// The sequence tagger, trained on the folder's annotations in the background.
    Tagger,
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

/// The actions whose keys were pressed this frame (their key presses are consumed). The keys
/// come from the action table, so they are the ones the menus show.
#[must_use]
pub fn shortcut_actions(ctx: &Context, schema: &Schema) -> Vec<AppAction> {
    let typing = ctx.memory(|memory| memory.focused().is_some()) && ctx.egui_wants_keyboard_input();
    // A text field undoes its own typing; the document's undo waits until it loses focus.
    let in_field = text_field_has_focus(ctx);
    let bindings = key_bindings(schema)
        .into_iter()
        .filter(|(_, action, _)| !(in_field && matches!(action, AppAction::Undo | AppAction::Redo)));
    ctx.input_mut(|input| {
        bindings
            .into_iter()
            .filter(|(key, _, while_typing)| {
                // Plain keys must not fire with Ctrl held (Ctrl+1 is not label 1).
                (*while_typing || !typing)
                    && (key.modifiers.command || !input.modifiers.command)
                    && input.consume_shortcut(key)
            })
            .map(|(_, action, _)| action)
            .collect()
    })
}
