//! Choosing an article file: the native file dialog (rfd) where one is available, else a
//! small in-window dialog with a path field.

use std::path::PathBuf;

use egui::{Context, Key};

/// The "Open article" dialog.
#[derive(Debug, Default)]
pub struct OpenDialog {
    /// Whether the in-window dialog is shown.
    open: bool,
    path: String,
}

impl OpenDialog {
    /// Asks for a file: the native dialog's answer right away, or `None` while the in-window
    /// dialog opens (its answer comes from [`OpenDialog::show_ui`]).
    pub fn request(&mut self) -> Option<PathBuf> {
        if native_dialog_available() {
            return rfd::FileDialog::new()
                .set_title("Open article")
                .add_filter("Text", &["txt"])
                .pick_file();
        }
        self.open = true;
        None
    }

    /// Shows the in-window dialog if open; returns the path the user confirmed.
    pub fn show_ui(&mut self, ctx: &Context) -> Option<PathBuf> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut cancel = false;
        egui::Window::new("Open article")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("Path of a UTF-8 text file:");
                let field = ui.text_edit_singleline(&mut self.path);
                let entered = field.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Open").clicked() || entered {
                        chosen = Some(PathBuf::from(self.path.trim()));
                    }
                    cancel = ui.button("Cancel").clicked();
                });
            });
        if chosen.is_some() || cancel {
            self.open = false;
        }
        chosen.filter(|path| !path.as_os_str().is_empty())
    }
}

/// rfd on Linux talks to the desktop portal over D-Bus (or runs zenity); without either it
/// would silently return nothing.
fn native_dialog_available() -> bool {
    if cfg!(target_os = "linux") {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || which("zenity")
    } else {
        true
    }
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
