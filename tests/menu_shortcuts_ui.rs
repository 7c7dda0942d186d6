//! The menus and the keyboard read one action table, so they cannot drift: every entry with
//! keys shows its first key in its menu of the real window, and each of its keys runs exactly
//! its action.

mod common;

use egui::{Event, RawInput, Vec2};
use egui_kittest::kittest::Queryable;
use hashiya::app::Language;
use hashiya::model::Schema;
use hashiya::ui::action_table::{ActionEntry, Menu, action_entries};
use hashiya::ui::language::Tr;
use hashiya::ui::shortcut_actions;

fn entries_with_keys() -> Vec<ActionEntry> {
    // The window starts in English.
    let entries: Vec<ActionEntry> = action_entries(&Schema::default_schema(), Tr::new(Language::English))
        .into_iter()
        .filter(|entry| !entry.keys.is_empty())
        .collect();
    // Files, undo, labels, links, span moves, zoom: the table is not accidentally empty.
    assert!(entries.len() >= 25, "{} entries with keys", entries.len());
    entries
}

#[test]
fn every_key_of_the_table_runs_its_action_and_nothing_else() {
    let schema = Schema::default_schema();
    for entry in entries_with_keys() {
        for key in &entry.keys {
            let ctx = egui::Context::default();
            let input = RawInput {
                events: vec![
                    Event::ModifiersChanged(key.modifiers),
                    Event::Key {
                        key: key.logical_key,
                        physical_key: None,
                        pressed: true,
                        repeat: false,
                        modifiers: key.modifiers,
                    },
                ],
                ..RawInput::default()
            };
            let mut actions = Vec::new();
            let mut output = ctx.run_ui(input, |ui| actions = shortcut_actions(ui.ctx(), &schema));
            // Only the actions matter here, not the fonts the frame would upload.
            output.textures_delta.clear();
            assert_eq!(
                actions,
                std::slice::from_ref(&entry.action),
                "{} ({})",
                entry.label,
                ctx.format_shortcut(key)
            );
        }
    }
}

#[test]
fn every_menu_item_with_a_key_shows_it() {
    let entries = entries_with_keys();
    for menu in Menu::ALL {
        let mut harness = common::app_on_sample_copy(Vec2::new(1200.0, 800.0));
        harness.get_by_label(&menu.title(Tr::new(Language::English))).click();
        harness.run();
        for entry in entries.iter().filter(|e| e.menu == menu) {
            if let Some(submenu) = &entry.submenu {
                harness.get_by_label(submenu).hover();
                harness.run();
            }
            // A button's accessible label is its text and its shortcut text.
            let shown = format!("{} {}", entry.label, harness.ctx.format_shortcut(&entry.keys[0]));
            harness.get_by_label(&shown);
        }
    }
}
