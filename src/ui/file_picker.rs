//! Native file dialogs (rfd, through the desktop portal), with an in-window path field when no
//! native dialog can be shown — never a crash or a silent no-op.

use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::{Tr, one_line_label_ui};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What the user is choosing a path for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// An article (`.txt`) to open.
    OpenArticle,
    /// A folder of articles to open.
    OpenFolder,
    /// Where to save the annotations (`.hashiya.ron`).
    SaveAnnotationsAs,
    /// A folder or file to export a dataset to.
    ExportDestination,
    /// A dataset file or folder to import.
    ImportSource,
    /// A model's predictions (JSONL) to import as suggestions for the open article.
    ImportPredictions,
}

impl PickPurpose {
    /// The dialog's title, as it is (native dialogs do their own bidi).
    #[must_use]
    pub fn title(&self, tr: Tr) -> String {
        tr.raw(match self {
            Self::OpenArticle => "pick-open-article",
            Self::OpenFolder => "pick-open-folder",
            Self::SaveAnnotationsAs => "pick-save-as",
            Self::ExportDestination => "pick-export",
            Self::ImportSource => "pick-import",
            Self::ImportPredictions => "pick-predictions",
        })
    }
}

/// What a native dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// A path.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No native dialog could be shown; the reason (a catalogue id) is shown above the path
    /// field.
    Unavailable(String),
}

/// A dialog that returns in less than this was never shown to the user: the portal failed.
const NEVER_SHOWN: Duration = Duration::from_millis(150);

/// Shows the native dialog for `purpose`, starting in `directory`, titled in `tr`'s language.
#[must_use]
pub fn pick(purpose: &PickPurpose, directory: Option<&Path>, file_name: Option<&str>, tr: Tr) -> Picked {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Picked::Unavailable("pick-no-portal".into());
    }
    let mut dialog = rfd::FileDialog::new().set_title(purpose.title(tr));
    if let Some(directory) = directory {
        dialog = dialog.set_directory(directory);
    }
    if let Some(file_name) = file_name {
        dialog = dialog.set_file_name(file_name);
    }
    let started = Instant::now();
    let chosen = match purpose {
        PickPurpose::OpenArticle => dialog.add_filter(tr.raw("pick-articles"), &["txt"]).pick_file(),
        PickPurpose::OpenFolder | PickPurpose::ExportDestination => dialog.pick_folder(),
        PickPurpose::SaveAnnotationsAs => dialog.add_filter(tr.raw("pick-annotations"), &["ron"]).save_file(),
        PickPurpose::ImportSource => dialog.pick_file(),
        PickPurpose::ImportPredictions => dialog
            .add_filter(tr.raw("pick-predictions-files"), &["jsonl", "json", "txt"])
            .pick_file(),
    };
    match chosen {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < NEVER_SHOWN => Picked::Unavailable("pick-not-opened".into()),
        None => Picked::Cancelled,
    }
}

/// The in-window fallback: a path field with the reason the native dialog is missing.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PickPurpose,
    /// Why there is no native dialog: a catalogue id (or a text, shown as it is).
    pub reason: String,
    /// The path typed so far.
    pub text: String,
}

impl PathPrompt {
    /// Shows the prompt as a modal; returns the path on OK, and whether the prompt is finished.
    pub fn show_ui(&mut self, ctx: &egui::Context) -> (Option<PathBuf>, bool) {
        let mut chosen = None;
        let mut finished = false;
        let tr = Tr::of(ctx);
        let modal = egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
            crate::ui::language::window_column_ui(ui, |ui| {
                ui.heading(tr.arrange(&self.purpose.title(tr)));
                one_line_label_ui(ui, &tr.t(&self.reason));
                ui.label(tr.t("pick-type-path"));
                let field = ui.add(
                    BidiTextField::singleline(&mut self.text)
                        .hint_text(tr.raw("pick-path-hint"))
                        .label(tr.raw("pick-path"))
                        .desired_width(420.0),
                );
                // Enter leaves the field: that is the OK, so focus is not taken back then.
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if !entered {
                    field.request_focus();
                }
                crate::ui::language::row_ui(ui, false, |ui| {
                    if ui.button(tr.t("button-ok")).clicked() || entered {
                        let path = PathBuf::from(self.text.trim());
                        if !self.text.trim().is_empty() {
                            chosen = Some(path);
                            finished = true;
                        }
                    }
                    if ui.button(tr.t("button-cancel")).clicked() {
                        finished = true;
                    }
                });
            });
        });
        if modal.should_close() {
            finished = true;
        }
        (chosen, finished)
    }
}
