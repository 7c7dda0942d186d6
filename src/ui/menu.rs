//! The menu bar: File and View, every item with its shortcut.

use egui::{Button, KeyboardShortcut, Ui};

use crate::text::Direction;
use crate::ui::actions::AppAction;
use crate::ui::shortcuts;

/// What the menus show as checked.
#[derive(Clone, Copy, Debug)]
pub struct MenuState {
    /// The direction setting.
    pub direction: Direction,
    /// Whether the dark theme is on.
    pub dark: bool,
}

/// Shows the menu bar; returns the action chosen, if any.
pub fn menu_bar_ui(ui: &mut Ui, state: MenuState) -> Option<AppAction> {
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item_ui(
                ui,
                "Open article…",
                Some(shortcuts::OPEN_ARTICLE),
                AppAction::Open,
                &mut chosen,
            );
            ui.separator();
            item_ui(ui, "Quit", Some(shortcuts::QUIT), AppAction::Quit, &mut chosen);
        });
        ui.menu_button("View", |ui| view_menu_ui(ui, state, &mut chosen));
    });
    chosen
}

fn view_menu_ui(ui: &mut Ui, state: MenuState, chosen: &mut Option<AppAction>) {
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
    item_ui(ui, "Zoom in", Some(shortcuts::ZOOM_IN), AppAction::ZoomIn, chosen);
    item_ui(ui, "Zoom out", Some(shortcuts::ZOOM_OUT), AppAction::ZoomOut, chosen);
    item_ui(
        ui,
        "Reset zoom",
        Some(shortcuts::ZOOM_RESET),
        AppAction::ZoomReset,
        chosen,
    );
    ui.separator();
    if ui.radio(!state.dark, "Light theme").clicked() {
        *chosen = Some(AppAction::SetDark(false));
    }
    if ui.radio(state.dark, "Dark theme").clicked() {
        *chosen = Some(AppAction::SetDark(true));
    }
}

fn item_ui(
    ui: &mut Ui,
    label: &str,
    shortcut: Option<KeyboardShortcut>,
    action: AppAction,
    chosen: &mut Option<AppAction>,
) {
    let mut button = Button::new(label);
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        *chosen = Some(action);
    }
}
