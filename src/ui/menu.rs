//! The menu bar: File, Edit, Annotate and View, every item with its shortcut.

use std::path::PathBuf;

use egui::{Button, KeyboardShortcut, Ui};

use crate::model::{Command, Schema, Status};
use crate::text::{Direction, WordEdge};
use crate::ui::actions::AppAction;
use crate::ui::annotator::Action;
use crate::ui::shortcuts;

/// What the menus need to know to show checks, greyed items and labels.
// One flag per checked or greyed item: grouping them would only rename them.
#[allow(clippy::struct_excessive_bools)]
pub struct MenuState<'a> {
    /// The direction setting.
    pub direction: Direction,
    /// Whether the dark theme is on.
    pub dark: bool,
    /// The schema (one item per label and relation).
    pub schema: &'a Schema,
    /// The document's status.
    pub status: Status,
    /// Whether undo / redo would do something.
    pub can_undo: bool,
    /// See `can_undo`.
    pub can_redo: bool,
    /// Whether a folder is open (next/previous document).
    pub in_folder: bool,
    /// Recently opened articles and folders, newest first.
    pub recent: &'a [PathBuf],
}

/// Shows the menu bar; returns the action chosen, if any.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Option<AppAction> {
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, &mut chosen));
        ui.menu_button("Edit", |ui| {
            item_ui(
                ui,
                "Undo",
                Some(shortcuts::UNDO),
                AppAction::Undo,
                state.can_undo,
                &mut chosen,
            );
            item_ui(
                ui,
                "Redo",
                Some(shortcuts::REDO),
                AppAction::Redo,
                state.can_redo,
                &mut chosen,
            );
        });
        ui.menu_button("Annotate", |ui| annotate_menu_ui(ui, state, &mut chosen));
        ui.menu_button("View", |ui| view_menu_ui(ui, state, &mut chosen));
    });
    chosen
}

fn file_menu_ui(ui: &mut Ui, state: &MenuState<'_>, chosen: &mut Option<AppAction>) {
    item_ui(
        ui,
        "Open article…",
        Some(shortcuts::OPEN_ARTICLE),
        AppAction::OpenArticle,
        true,
        chosen,
    );
    item_ui(
        ui,
        "Open folder…",
        Some(shortcuts::OPEN_FOLDER),
        AppAction::OpenFolder,
        true,
        chosen,
    );
    ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in state.recent {
                if ui.button(path.display().to_string()).clicked() {
                    *chosen = Some(AppAction::OpenPath(path.clone()));
                }
            }
        });
    });
    ui.separator();
    item_ui(ui, "Save", Some(shortcuts::SAVE), AppAction::Save, true, chosen);
    item_ui(
        ui,
        "Save As…",
        Some(shortcuts::SAVE_AS),
        AppAction::SaveAs,
        true,
        chosen,
    );
    ui.separator();
    item_ui(
        ui,
        "Export dataset…",
        Some(shortcuts::EXPORT),
        AppAction::Export,
        true,
        chosen,
    );
    item_ui(
        ui,
        "Import dataset…",
        Some(shortcuts::IMPORT),
        AppAction::Import,
        true,
        chosen,
    );
    ui.separator();
    let folder = state.in_folder;
    item_ui(
        ui,
        "Next document",
        Some(shortcuts::NEXT_DOCUMENT),
        AppAction::NextDocument,
        folder,
        chosen,
    );
    item_ui(
        ui,
        "Previous document",
        Some(shortcuts::PREVIOUS_DOCUMENT),
        AppAction::PreviousDocument,
        folder,
        chosen,
    );
    ui.separator();
    item_ui(ui, "Quit", Some(shortcuts::QUIT), AppAction::Quit, true, chosen);
}

fn annotate_menu_ui(ui: &mut Ui, state: &MenuState<'_>, chosen: &mut Option<AppAction>) {
    for label in &state.schema.labels {
        let shortcut = label.shortcut.and_then(shortcuts::key_for_char).map(plain);
        let action = AppAction::Annotate(Action::ApplyLabel(label.name.clone()));
        item_ui(
            ui,
            &format!("Label: {}", label.shown_name()),
            shortcut,
            action,
            true,
            chosen,
        );
    }
    ui.separator();
    for relation in &state.schema.relations {
        let shortcut = relation.shortcut.and_then(shortcuts::key_for_char).map(plain);
        let action = AppAction::Annotate(Action::StartLink(relation.name.clone()));
        let text = format!(
            "Link {} ({} -> {})",
            relation.name, relation.from_label, relation.to_label
        );
        item_ui(ui, &text, shortcut, action, true, chosen);
    }
    ui.separator();
    let annotate = |action| AppAction::Annotate(action);
    item_ui(
        ui,
        "Delete span",
        Some(shortcuts::DELETE_SPAN),
        annotate(Action::DeleteSelected),
        true,
        chosen,
    );
    item_ui(
        ui,
        "Next span",
        Some(shortcuts::NEXT_SPAN),
        annotate(Action::NextSpan),
        true,
        chosen,
    );
    item_ui(
        ui,
        "Previous span",
        Some(shortcuts::PREVIOUS_SPAN),
        annotate(Action::PreviousSpan),
        true,
        chosen,
    );
    item_ui(
        ui,
        "Clear selection / stop linking",
        Some(shortcuts::ESCAPE),
        annotate(Action::Escape),
        true,
        chosen,
    );
    ui.menu_button("Move span edge", |ui| {
        let edges = [
            ("Start to next word", shortcuts::START_FORWARD, WordEdge::Start, true),
            (
                "Start to previous word",
                shortcuts::START_BACKWARD,
                WordEdge::Start,
                false,
            ),
            ("End to next word", shortcuts::END_FORWARD, WordEdge::End, true),
            ("End to previous word", shortcuts::END_BACKWARD, WordEdge::End, false),
        ];
        for (text, shortcut, edge, forward) in edges {
            item_ui(
                ui,
                text,
                Some(shortcut),
                annotate(Action::MoveEdge { edge, forward }),
                true,
                chosen,
            );
        }
    });
    ui.separator();
    if ui.button("Labels…").clicked() {
        *chosen = Some(AppAction::ToggleLabels);
    }
    ui.menu_button("Document status", |ui| {
        for status in Status::ALL {
            if ui.radio(state.status == status, status.label()).clicked() {
                *chosen = Some(AppAction::Apply(Command::SetStatus(status)));
            }
        }
    });
}

fn view_menu_ui(ui: &mut Ui, state: &MenuState<'_>, chosen: &mut Option<AppAction>) {
    for (direction, label) in [
        (Direction::Auto, "Direction: automatic"),
        (Direction::Rtl, "Right to left"),
        (Direction::Ltr, "Left to right"),
    ] {
        if ui.radio(state.direction == direction, label).clicked() {
            *chosen = Some(AppAction::SetDirection(direction));
        }
    }
    ui.separator();
    item_ui(ui, "Zoom in", Some(shortcuts::ZOOM_IN), AppAction::ZoomIn, true, chosen);
    item_ui(
        ui,
        "Zoom out",
        Some(shortcuts::ZOOM_OUT),
        AppAction::ZoomOut,
        true,
        chosen,
    );
    item_ui(
        ui,
        "Reset zoom",
        Some(shortcuts::ZOOM_RESET),
        AppAction::ZoomReset,
        true,
        chosen,
    );
    ui.separator();
    if ui.radio(!state.dark, "Light theme").clicked() {
        *chosen = Some(AppAction::SetDark(false));
    }
    if ui.radio(state.dark, "Dark theme").clicked() {
        *chosen = Some(AppAction::SetDark(true));
    }
    ui.separator();
    item_ui(
        ui,
        "Statistics…",
        Some(shortcuts::STATISTICS),
        AppAction::ToggleStatistics,
        true,
        chosen,
    );
}

fn plain(key: egui::Key) -> KeyboardShortcut {
    KeyboardShortcut::new(egui::Modifiers::NONE, key)
}

fn item_ui(
    ui: &mut Ui,
    label: &str,
    shortcut: Option<KeyboardShortcut>,
    action: AppAction,
    enabled: bool,
    chosen: &mut Option<AppAction>,
) {
    let mut button = Button::new(label);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        *chosen = Some(action);
    }
}
