//! The menu bar: File, Edit, Annotate and View, drawn from the action table, so every item
//! shows the key that runs it.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::model::{Command, Schema, Status};
use crate::text::Direction;
use crate::ui::action_table::{ActionEntry, Enabled, Menu, MenuItem, menu_items};
use crate::ui::actions::AppAction;

/// What the menus need to know to show checks, greyed items and labels.
// One flag per checked or greyed item: grouping them would only rename them.
#[allow(clippy::struct_excessive_bools)]
pub struct MenuState<'a> {
    /// The direction setting.
    pub direction: Direction,
    /// Whether the dark theme is on.
    pub dark: bool,
    /// Whether selections leave out attached prefixes.
    pub leave_out_prefixes: bool,
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

impl MenuState<'_> {
    fn allows(&self, enabled: Enabled) -> bool {
        match enabled {
            Enabled::Always => true,
            Enabled::CanUndo => self.can_undo,
            Enabled::CanRedo => self.can_redo,
            Enabled::InFolder => self.in_folder,
        }
    }
}

/// Shows the menu bar; returns the action chosen, if any.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Option<AppAction> {
    let items = menu_items(state.schema);
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in Menu::ALL {
            let lines: Vec<&MenuItem> = items.iter().filter(|(m, _)| *m == menu).map(|(_, item)| item).collect();
            ui.menu_button(menu.title(), |ui| menu_ui(ui, state, &lines, &mut chosen));
        }
    });
    chosen
}

/// The lines of one menu; consecutive entries of a submenu are drawn inside it.
fn menu_ui(ui: &mut Ui, state: &MenuState<'_>, lines: &[&MenuItem], chosen: &mut Option<AppAction>) {
    let mut index = 0;
    while index < lines.len() {
        if let MenuItem::Action(ActionEntry {
            submenu: Some(title), ..
        }) = lines[index]
        {
            let inside: Vec<&ActionEntry> = lines[index..]
                .iter()
                .map_while(|line| match line {
                    MenuItem::Action(entry) if entry.submenu == Some(*title) => Some(entry),
                    _ => None,
                })
                .collect();
            index += inside.len();
            ui.menu_button(*title, |ui| {
                for entry in inside {
                    entry_ui(ui, state, entry, chosen);
                }
            });
            continue;
        }
        line_ui(ui, state, lines[index], chosen);
        index += 1;
    }
}

fn line_ui(ui: &mut Ui, state: &MenuState<'_>, line: &MenuItem, chosen: &mut Option<AppAction>) {
    match line {
        MenuItem::Action(entry) => entry_ui(ui, state, entry, chosen),
        MenuItem::Separator => {
            ui.separator();
        }
        MenuItem::Recent => recent_ui(ui, state, chosen),
        MenuItem::StatusChoice => {
            ui.menu_button("Document status", |ui| {
                for status in Status::ALL {
                    if ui.radio(state.status == status, status.label()).clicked() {
                        *chosen = Some(AppAction::Edit(Command::SetStatus(status)));
                    }
                }
            });
        }
        MenuItem::DirectionChoice => {
            for (direction, label) in [
                (Direction::Auto, "Direction: automatic"),
                (Direction::Rtl, "Right to left"),
                (Direction::Ltr, "Left to right"),
            ] {
                if ui.radio(state.direction == direction, label).clicked() {
                    *chosen = Some(AppAction::SetDirection(direction));
                }
            }
        }
        MenuItem::PrefixChoice => {
            let mut leave_out = state.leave_out_prefixes;
            if ui
                .checkbox(&mut leave_out, "Leave out attached prefixes")
                .on_hover_text("Selections snap to words without a leading و ف ب ك ل (Alt+drag stays exact)")
                .clicked()
            {
                *chosen = Some(AppAction::SetLeaveOutPrefixes(leave_out));
            }
        }
        MenuItem::ThemeChoice => {
            if ui.radio(!state.dark, "Light theme").clicked() {
                *chosen = Some(AppAction::SetDark(false));
            }
            if ui.radio(state.dark, "Dark theme").clicked() {
                *chosen = Some(AppAction::SetDark(true));
            }
        }
    }
}

fn recent_ui(ui: &mut Ui, state: &MenuState<'_>, chosen: &mut Option<AppAction>) {
    ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in state.recent {
                if ui.button(path.display().to_string()).clicked() {
                    *chosen = Some(AppAction::OpenPath(path.clone()));
                }
            }
        });
    });
}

fn entry_ui(ui: &mut Ui, state: &MenuState<'_>, entry: &ActionEntry, chosen: &mut Option<AppAction>) {
    let mut button = Button::new(entry.label.as_str());
    if let Some(key) = entry.keys.first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(key));
    }
    if ui.add_enabled(state.allows(entry.enabled), button).clicked() {
        *chosen = Some(entry.action.clone());
    }
}
