//! The menu bar: File, Edit, Annotate and View, drawn from the action table, so every item
//! shows the key that runs it.

use std::path::PathBuf;

use egui::{Align, Button, Layout, RichText, Ui};

use crate::app::i18n::Language;
use crate::model::{Command, Schema, Status};
use crate::text::Direction;
use crate::ui::action_table::{ActionEntry, Enabled, Menu, MenuItem, menu_items};
use crate::ui::actions::AppAction;
use crate::ui::language::Tr;

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
    /// Whether suggestions are drawn.
    pub show_suggestions: bool,
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

/// Shows the menu bar (from the right in a right-to-left interface); returns the action
/// chosen, if any.
pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Option<AppAction> {
    let tr = Tr::of(ui.ctx());
    let items = menu_items(state.schema, tr);
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        // Inside the bar's scope, so that its menus still open one another on hover.
        ui.with_layout(tr.row_layout(), |ui| {
            for menu in Menu::ALL {
                let lines: Vec<&MenuItem> = items.iter().filter(|(m, _)| *m == menu).map(|(_, item)| item).collect();
                ui.menu_button(menu.title(tr), |ui| {
                    in_reading_order_ui(ui, tr, |ui| menu_ui(ui, state, &lines, &mut chosen));
                });
            }
        });
    });
    chosen
}

/// A menu's lines, right-aligned in a right-to-left interface.
fn in_reading_order_ui(ui: &mut Ui, tr: Tr, add_contents: impl FnOnce(&mut Ui)) {
    // Not in the sizing pass of a new menu: it measures the lines as they are, and a
    // justified column there would take all the width it could get.
    if tr.is_rtl() && !ui.is_sizing_pass() {
        ui.with_layout(Layout::top_down_justified(Align::Max), add_contents);
    } else {
        add_contents(ui);
    }
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
                    MenuItem::Action(entry) if entry.submenu.as_ref() == Some(title) => Some(entry),
                    _ => None,
                })
                .collect();
            index += inside.len();
            let tr = Tr::of(ui.ctx());
            ui.menu_button(title.as_str(), |ui| {
                in_reading_order_ui(ui, tr, |ui| {
                    for entry in inside {
                        entry_ui(ui, state, entry, chosen);
                    }
                });
            });
            continue;
        }
        line_ui(ui, state, lines[index], chosen);
        index += 1;
    }
}

fn line_ui(ui: &mut Ui, state: &MenuState<'_>, line: &MenuItem, chosen: &mut Option<AppAction>) {
    let tr = Tr::of(ui.ctx());
    match line {
        MenuItem::Action(entry) => entry_ui(ui, state, entry, chosen),
        MenuItem::Separator => {
            ui.separator();
        }
        MenuItem::Recent => recent_ui(ui, state, chosen),
        MenuItem::StatusChoice => {
            ui.menu_button(tr.t("menu-document-status"), |ui| {
                in_reading_order_ui(ui, tr, |ui| {
                    for status in Status::ALL {
                        if ui.radio(state.status == status, status_text(tr, status)).clicked() {
                            *chosen = Some(AppAction::Edit(Command::SetStatus(status)));
                        }
                    }
                });
            });
        }
        MenuItem::DirectionChoice => {
            for (direction, label) in [
                (Direction::Auto, "menu-direction-auto"),
                (Direction::Rtl, "menu-direction-rtl"),
                (Direction::Ltr, "menu-direction-ltr"),
            ] {
                if ui.radio(state.direction == direction, tr.t(label)).clicked() {
                    *chosen = Some(AppAction::SetDirection(direction));
                }
            }
        }
        MenuItem::SuggestionsChoice => {
            let mut show = state.show_suggestions;
            if ui.checkbox(&mut show, tr.t("menu-show-suggestions")).clicked() {
                *chosen = Some(AppAction::Suggestion(crate::ui::actions::SuggestionAction::ToggleShow));
            }
        }
        MenuItem::PrefixChoice => {
            let mut leave_out = state.leave_out_prefixes;
            if ui
                .checkbox(&mut leave_out, tr.t("menu-leave-out-prefixes"))
                .on_hover_text(tr.t("menu-leave-out-prefixes-hint"))
                .clicked()
            {
                *chosen = Some(AppAction::SetLeaveOutPrefixes(leave_out));
            }
        }
        MenuItem::ThemeChoice => {
            if ui.radio(!state.dark, tr.t("menu-theme-light")).clicked() {
                *chosen = Some(AppAction::SetDark(false));
            }
            if ui.radio(state.dark, tr.t("menu-theme-dark")).clicked() {
                *chosen = Some(AppAction::SetDark(true));
            }
        }
        MenuItem::LanguageChoice => {
            ui.menu_button(tr.t("menu-language"), |ui| {
                in_reading_order_ui(ui, tr, |ui| {
                    for language in Language::ALL {
                        // Each language named in itself, so that it is found from any other.
                        let name = Tr::new(language).arrange(language.native_name());
                        if ui.radio(tr.language() == language, name).clicked() {
                            *chosen = Some(AppAction::SetLanguage(language));
                        }
                    }
                });
            });
        }
    }
}

/// The document status in `tr`'s language.
#[must_use]
pub fn status_text(tr: Tr, status: Status) -> String {
    tr.t(crate::ui::language::status_id(status))
}

fn recent_ui(ui: &mut Ui, state: &MenuState<'_>, chosen: &mut Option<AppAction>) {
    ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
        let tr = Tr::of(ui.ctx());
        ui.menu_button(tr.t("menu-open-recent"), |ui| {
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
        let shortcut = ui.ctx().format_shortcut(key);
        // The key on the far side of the label: on its left in a right-to-left interface.
        button = if Tr::of(ui.ctx()).is_rtl() {
            button.left_text(RichText::new(shortcut).weak())
        } else {
            button.shortcut_text(shortcut)
        };
    }
    if ui.add_enabled(state.allows(entry.enabled), button).clicked() {
        *chosen = Some(entry.action.clone());
    }
}
