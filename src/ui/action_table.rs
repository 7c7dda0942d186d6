//! The one table of the window's commands: for each, its menu and label, its keys, the
//! [`AppAction`] it runs and when its menu item is enabled. The menu bar and the keyboard both
//! read it, so a shortcut shown in a menu is always the key that runs the same action.

use egui::{KeyboardShortcut, Modifiers};

use crate::app::AnnotatorAction;
use crate::model::Schema;
use crate::text::WordEdge;
use crate::ui::actions::AppAction;
use crate::ui::shortcuts;

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Files and documents.
    File,
    /// Undo and redo.
    Edit,
    /// Labels, links, selection.
    Annotate,
    /// Direction, zoom, theme, statistics.
    View,
}

impl Menu {
    /// Every menu, left to right.
    pub const ALL: [Self; 4] = [Self::File, Self::Edit, Self::Annotate, Self::View];

    /// The menu's title in the menu bar.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::Annotate => "Annotate",
            Self::View => "View",
        }
    }

    /// Whether its keys work while a text field has the keyboard: Annotate's plain keys (a
    /// digit, Delete, Tab) would otherwise fire while the user types a note.
    #[must_use]
    pub fn keys_while_typing(self) -> bool {
        self != Self::Annotate
    }
}

/// When a menu item can be chosen. Its keys always run the action, which then says why it did
/// nothing ("Nothing to undo"): a key press has no greyed look to explain itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enabled {
    /// Always.
    Always,
    /// When there is something to undo.
    CanUndo,
    /// When there is something to redo.
    CanRedo,
    /// When a folder is open (next and previous document).
    InFolder,
}

/// One command of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionEntry {
    /// The menu it is in.
    pub menu: Menu,
    /// The submenu inside that menu, if any.
    pub submenu: Option<&'static str>,
    /// The menu item's text.
    pub label: String,
    /// Its keys: the first is shown in the menu, the others are alternatives (Ctrl+Y for redo).
    pub keys: Vec<KeyboardShortcut>,
    /// What it does.
    pub action: AppAction,
    /// When its menu item is enabled.
    pub enabled: Enabled,
}

/// A line of a menu: a command from the table, or one of the items that are not commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuItem {
    /// A command.
    Action(ActionEntry),
    /// A separator line.
    Separator,
    /// File › Open recent (the recent paths).
    Recent,
    /// Annotate › Document status (a radio per status).
    StatusChoice,
    /// View › the paragraph direction radios.
    DirectionChoice,
    /// View › the light and dark theme radios.
    ThemeChoice,
    /// View › "Leave out attached prefixes" (a checkbox).
    PrefixChoice,
}

/// Every menu line in order, menu by menu; the label and relation entries come from `schema`.
#[must_use]
pub fn menu_items(schema: &Schema) -> Vec<(Menu, MenuItem)> {
    let menus = [
        (Menu::File, file_items()),
        (Menu::Edit, edit_items()),
        (Menu::Annotate, annotate_items(schema)),
        (Menu::View, view_items()),
    ];
    menus
        .into_iter()
        .flat_map(|(menu, items)| {
            items.into_iter().map(move |item| match item {
                MenuItem::Action(entry) => (menu, MenuItem::Action(ActionEntry { menu, ..entry })),
                other => (menu, other),
            })
        })
        .collect()
}

/// Every command of the table, in menu order.
#[must_use]
pub fn action_entries(schema: &Schema) -> Vec<ActionEntry> {
    menu_items(schema)
        .into_iter()
        .filter_map(|(_, item)| match item {
            MenuItem::Action(entry) => Some(entry),
            _ => None,
        })
        .collect()
}

/// The keys to watch, each with its action and whether it works while typing; more specific
/// keys first, since egui ignores extra Shift or Alt when matching (Ctrl+Shift+S must be seen
/// as Save As before Ctrl+S can take it as Save).
#[must_use]
pub fn key_bindings(schema: &Schema) -> Vec<(KeyboardShortcut, AppAction, bool)> {
    let mut bindings: Vec<(KeyboardShortcut, AppAction, bool)> = action_entries(schema)
        .into_iter()
        .flat_map(|entry| {
            let while_typing = entry.menu.keys_while_typing();
            let action = entry.action;
            entry
                .keys
                .into_iter()
                .map(move |key| (key, action.clone(), while_typing))
        })
        .collect();
    bindings.sort_by_key(|(key, _, _)| std::cmp::Reverse(modifier_count(key.modifiers)));
    bindings
}

fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .filter(|&held| held)
    .count()
}

/// A menu item; [`menu_items`] sets its menu.
fn entry(label: &str, keys: &[KeyboardShortcut], action: AppAction) -> MenuItem {
    MenuItem::Action(ActionEntry {
        menu: Menu::File,
        submenu: None,
        label: label.to_owned(),
        keys: keys.to_vec(),
        action,
        enabled: Enabled::Always,
    })
}

fn when(enabled: Enabled, item: MenuItem) -> MenuItem {
    match item {
        MenuItem::Action(entry) => MenuItem::Action(ActionEntry { enabled, ..entry }),
        other => other,
    }
}

fn file_items() -> Vec<MenuItem> {
    vec![
        entry("Open article…", &[shortcuts::OPEN_ARTICLE], AppAction::OpenArticle),
        entry("Open folder…", &[shortcuts::OPEN_FOLDER], AppAction::OpenFolder),
        MenuItem::Recent,
        MenuItem::Separator,
        entry("Save", &[shortcuts::SAVE], AppAction::Save),
        entry("Save As…", &[shortcuts::SAVE_AS], AppAction::SaveAs),
        MenuItem::Separator,
        entry("Export dataset…", &[shortcuts::EXPORT], AppAction::Export),
        entry("Import dataset…", &[shortcuts::IMPORT], AppAction::Import),
        MenuItem::Separator,
        when(
            Enabled::InFolder,
            entry("Next document", &[shortcuts::NEXT_DOCUMENT], AppAction::NextDocument),
        ),
        when(
            Enabled::InFolder,
            entry(
                "Previous document",
                &[shortcuts::PREVIOUS_DOCUMENT],
                AppAction::PreviousDocument,
            ),
        ),
        MenuItem::Separator,
        entry("Quit", &[shortcuts::QUIT], AppAction::Quit),
    ]
}

fn edit_items() -> Vec<MenuItem> {
    vec![
        when(Enabled::CanUndo, entry("Undo", &[shortcuts::UNDO], AppAction::Undo)),
        when(
            Enabled::CanRedo,
            entry("Redo", &[shortcuts::REDO, shortcuts::REDO_ALT], AppAction::Redo),
        ),
        MenuItem::Separator,
        entry("Find…", &[shortcuts::FIND], AppAction::Find),
    ]
}

fn annotate_items(schema: &Schema) -> Vec<MenuItem> {
    let annotate = AppAction::Annotate;
    let mut items = Vec::new();
    for label in &schema.labels {
        let keys: Vec<_> = label
            .shortcut
            .and_then(shortcuts::key_for_char)
            .map(plain)
            .into_iter()
            .collect();
        let action = annotate(AnnotatorAction::ApplyLabel(label.name.clone()));
        items.push(entry(&format!("Label: {}", label.shown_name()), &keys, action));
    }
    items.push(MenuItem::Separator);
    for relation in &schema.relations {
        let keys: Vec<_> = relation
            .shortcut
            .and_then(shortcuts::key_for_char)
            .map(plain)
            .into_iter()
            .collect();
        let action = annotate(AnnotatorAction::StartLink(relation.name.clone()));
        let text = format!(
            "Link {} ({} -> {})",
            relation.name, relation.from_label, relation.to_label
        );
        items.push(entry(&text, &keys, action));
    }
    items.push(MenuItem::Separator);
    items.extend([
        entry(
            "Delete span",
            &[shortcuts::DELETE_SPAN, shortcuts::DELETE_SPAN_ALT],
            annotate(AnnotatorAction::DeleteSelected),
        ),
        entry(
            "Next span",
            &[shortcuts::NEXT_SPAN],
            annotate(AnnotatorAction::NextSpan),
        ),
        entry(
            "Previous span",
            &[shortcuts::PREVIOUS_SPAN],
            annotate(AnnotatorAction::PreviousSpan),
        ),
        entry(
            "Clear selection / stop linking",
            &[shortcuts::ESCAPE],
            annotate(AnnotatorAction::Escape),
        ),
    ]);
    items.extend(edge_items());
    items.extend([
        MenuItem::Separator,
        entry("Label similar…", &[shortcuts::LABEL_SIMILAR], AppAction::LabelSimilar),
        entry("Labels…", &[], AppAction::ToggleLabels),
        MenuItem::Separator,
        entry("Problems…", &[], AppAction::ToggleProblems),
        entry("Next problem", &[shortcuts::NEXT_PROBLEM], AppAction::StepProblem(true)),
        entry(
            "Previous problem",
            &[shortcuts::PREVIOUS_PROBLEM],
            AppAction::StepProblem(false),
        ),
        MenuItem::StatusChoice,
        MenuItem::Separator,
        entry("Adjudicate…", &[], AppAction::Adjudicate),
    ]);
    items
}

fn edge_items() -> Vec<MenuItem> {
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
    edges
        .into_iter()
        .map(|(text, key, edge, forward)| {
            let action = AppAction::Annotate(AnnotatorAction::MoveEdge { edge, forward });
            match entry(text, &[key], action) {
                MenuItem::Action(entry) => MenuItem::Action(ActionEntry {
                    submenu: Some("Move span edge"),
                    ..entry
                }),
                other => other,
            }
        })
        .collect()
}

fn view_items() -> Vec<MenuItem> {
    vec![
        MenuItem::DirectionChoice,
        MenuItem::Separator,
        MenuItem::PrefixChoice,
        MenuItem::Separator,
        entry(
            "Zoom in",
            &[shortcuts::ZOOM_IN, shortcuts::ZOOM_IN_PLUS],
            AppAction::ZoomIn,
        ),
        entry("Zoom out", &[shortcuts::ZOOM_OUT], AppAction::ZoomOut),
        entry("Reset zoom", &[shortcuts::ZOOM_RESET], AppAction::ZoomReset),
        MenuItem::Separator,
        MenuItem::ThemeChoice,
        MenuItem::Separator,
        entry("Statistics…", &[shortcuts::STATISTICS], AppAction::ToggleStatistics),
    ]
}

fn plain(key: egui::Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
