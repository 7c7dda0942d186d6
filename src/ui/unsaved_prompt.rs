//! "Save changes?" before anything would drop unsaved edits: closing the window, opening
//! another article or folder, switching documents, reloading from disk.

use std::path::PathBuf;

use crate::ui::language::Tr;

/// What the user was about to do when the prompt appeared; done after Save or Discard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeaveDocument {
    /// Close the window.
    Quit,
    /// Open this article.
    OpenArticle(PathBuf),
    /// Open this folder.
    OpenFolder(PathBuf),
    /// Switch to this document of the open folder.
    SwitchDocument(usize),
    /// Replace the edits with the annotation file on disk.
    ReloadFromDisk,
}

/// The user's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Save, then go on.
    Save,
    /// Drop the edits, then go on.
    Discard,
    /// Stay.
    Cancel,
}

/// Shows the prompt for document `name`; returns the answer once given.
#[must_use]
pub fn unsaved_prompt_ui(ctx: &egui::Context, name: &str, intent: &LeaveDocument) -> Option<Choice> {
    let mut choice = None;
    let tr = Tr::of(ctx);
    let id = match intent {
        LeaveDocument::ReloadFromDisk => "unsaved-reload-text",
        _ => "unsaved-text",
    };
    let question = tr.t_args(id, &[("name", name.into())]);
    let modal = egui::Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        crate::ui::language::window_column_ui(ui, |ui| {
            ui.heading(tr.t("unsaved-title"));
            crate::ui::language::one_line_label_ui(ui, &question);
            ui.add_space(8.0);
            crate::ui::language::row_ui(ui, false, |ui| {
                if ui.button(tr.t("unsaved-save")).clicked() {
                    choice = Some(Choice::Save);
                }
                let discard = if *intent == LeaveDocument::ReloadFromDisk {
                    "unsaved-discard-reload"
                } else {
                    "unsaved-discard"
                };
                if ui.button(tr.t(discard)).clicked() {
                    choice = Some(Choice::Discard);
                }
                if ui.button(tr.t("button-cancel")).clicked() {
                    choice = Some(Choice::Cancel);
                }
            });
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(Choice::Cancel);
    }
    choice
}
