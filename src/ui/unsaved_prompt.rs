//! "Save changes?" before anything would drop unsaved edits: closing the window, opening
//! another article or folder, switching documents, reloading from disk.

use std::path::PathBuf;

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
    let question = match intent {
        LeaveDocument::ReloadFromDisk => {
            format!("{name}: the annotation file changed on disk. Save your edits over it, or discard them and reload?")
        }
        _ => format!("{name} has unsaved annotations. Save them first?"),
    };
    let modal = egui::Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(question);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(Choice::Save);
            }
            let discard = if *intent == LeaveDocument::ReloadFromDisk {
                "Discard and reload"
            } else {
                "Discard"
            };
            if ui.button(discard).clicked() {
                choice = Some(Choice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Choice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(Choice::Cancel);
    }
    choice
}
