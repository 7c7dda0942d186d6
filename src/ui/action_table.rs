//! The one table of the window's commands: for each, its menu and label, its keys, the
//! [`AppAction`] it runs and when its menu item is enabled. The menu bar and the keyboard both
//! read it, so a shortcut shown in a menu is always the key that runs the same action.

use egui::{KeyboardShortcut, Modifiers};

use crate::app::AnnotatorAction;
use crate::app::i18n::Language;
use crate::model::Schema;
use crate::text::WordEdge;
use crate::ui::actions::{AppAction, SuggestionAction, SuggestionRun};
use crate::ui::language::Tr;
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
    /// Every menu, in reading order (from the left, or from the right in a right-to-left
    /// interface).
    pub const ALL: [Self; 4] = [Self::File, Self::Edit, Self::Annotate, Self::View];

    /// The menu's title in the menu bar, in `tr`'s language.
    #[must_use]
    pub fn title(self, tr: Tr) -> String {
        tr.t(match self {
            Self::File => "menu-file",
            Self::Edit => "menu-edit",
            Self::Annotate => "menu-annotate",
            Self::View => "menu-view",
        })
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
    /// The title of the submenu inside that menu, if any.
    pub submenu: Option<String>,
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
// A few dozen lines, built once a frame: boxing the commands would buy nothing.
#[allow(clippy::large_enum_variant)]
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
    /// View › Language (a radio per language, each named in itself).
    LanguageChoice,
    /// View › "Leave out attached prefixes" (a checkbox).
    PrefixChoice,
    /// View › "Suggestions" (a checkbox: draw and walk them).
    SuggestionsChoice,
}

/// Every menu line in order, menu by menu, with its text in `tr`'s language; the label and
/// relation entries come from `schema`.
#[must_use]
pub fn menu_items(schema: &Schema, tr: Tr) -> Vec<(Menu, MenuItem)> {
    let menus = [
        (Menu::File, file_items(tr)),
        (Menu::Edit, edit_items(tr)),
        (Menu::Annotate, annotate_items(schema, tr)),
        (Menu::View, view_items(tr)),
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

/// Every command of the table, in menu order, with its text in `tr`'s language.
#[must_use]
pub fn action_entries(schema: &Schema, tr: Tr) -> Vec<ActionEntry> {
    menu_items(schema, tr)
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
    // The keys are the same in every language.
    let mut bindings: Vec<(KeyboardShortcut, AppAction, bool)> = action_entries(schema, Tr::new(Language::English))
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
fn entry(label: String, keys: &[KeyboardShortcut], action: AppAction) -> MenuItem {
    MenuItem::Action(ActionEntry {
        menu: Menu::File,
        submenu: None,
        label,
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

fn file_items(tr: Tr) -> Vec<MenuItem> {
    vec![
        entry(
            tr.t("menu-open-article"),
            &[shortcuts::OPEN_ARTICLE],
            AppAction::OpenArticle,
        ),
        entry(
            tr.t("menu-open-folder"),
            &[shortcuts::OPEN_FOLDER],
            AppAction::OpenFolder,
        ),
        MenuItem::Recent,
        MenuItem::Separator,
        entry(tr.t("menu-save"), &[shortcuts::SAVE], AppAction::Save),
        entry(tr.t("menu-save-as"), &[shortcuts::SAVE_AS], AppAction::SaveAs),
        MenuItem::Separator,
        entry(tr.t("menu-export"), &[shortcuts::EXPORT], AppAction::Export),
        entry(tr.t("menu-import"), &[shortcuts::IMPORT], AppAction::Import),
        MenuItem::Separator,
        when(
            Enabled::InFolder,
            entry(
                tr.t("menu-next-document"),
                &[shortcuts::NEXT_DOCUMENT],
                AppAction::NextDocument,
            ),
        ),
        when(
            Enabled::InFolder,
            entry(
                tr.t("menu-previous-document"),
                &[shortcuts::PREVIOUS_DOCUMENT],
                AppAction::PreviousDocument,
            ),
        ),
        MenuItem::Separator,
        entry(tr.t("menu-quit"), &[shortcuts::QUIT], AppAction::Quit),
    ]
}

fn edit_items(tr: Tr) -> Vec<MenuItem> {
    vec![
        when(
            Enabled::CanUndo,
            entry(tr.t("menu-undo"), &[shortcuts::UNDO], AppAction::Undo),
        ),
        when(
            Enabled::CanRedo,
            entry(
                tr.t("menu-redo"),
                &[shortcuts::REDO, shortcuts::REDO_ALT],
                AppAction::Redo,
            ),
        ),
        MenuItem::Separator,
        entry(tr.t("menu-find"), &[shortcuts::FIND], AppAction::Find),
    ]
}

fn annotate_items(schema: &Schema, tr: Tr) -> Vec<MenuItem> {
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
        let text = tr.t_args("menu-apply-label", &[("label", label.shown_name().into())]);
        items.push(entry(text, &keys, action));
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
        let args = [
            ("relation", relation.name.as_str().into()),
            ("from", relation.from_label.as_str().into()),
            ("to", relation.to_label.as_str().into()),
        ];
        items.push(entry(tr.t_args("menu-start-link", &args), &keys, action));
    }
    items.push(MenuItem::Separator);
    items.extend([
        entry(
            tr.t("menu-delete-span"),
            &[shortcuts::DELETE_SPAN, shortcuts::DELETE_SPAN_ALT],
            annotate(AnnotatorAction::DeleteSelected),
        ),
        entry(
            tr.t("menu-next-span"),
            &[shortcuts::NEXT_SPAN],
            annotate(AnnotatorAction::NextSpan),
        ),
        entry(
            tr.t("menu-previous-span"),
            &[shortcuts::PREVIOUS_SPAN],
            annotate(AnnotatorAction::PreviousSpan),
        ),
        entry(
            tr.t("menu-escape"),
            &[shortcuts::ESCAPE],
            annotate(AnnotatorAction::Escape),
        ),
    ]);
    items.extend(edge_items(tr));
    items.extend([
        MenuItem::Separator,
        entry(
            tr.t("menu-label-similar"),
            &[shortcuts::LABEL_SIMILAR],
            AppAction::LabelSimilar,
        ),
        entry(
            tr.t("menu-assign-entity"),
            &[shortcuts::ASSIGN_ENTITY],
            AppAction::AssignEntity,
        ),
        entry(tr.t("menu-labels"), &[], AppAction::ToggleLabels),
        MenuItem::Separator,
        entry(tr.t("menu-problems"), &[], AppAction::ToggleProblems),
        entry(
            tr.t("menu-next-problem"),
            &[shortcuts::NEXT_PROBLEM],
            AppAction::StepProblem(true),
        ),
        entry(
            tr.t("menu-previous-problem"),
            &[shortcuts::PREVIOUS_PROBLEM],
            AppAction::StepProblem(false),
        ),
        MenuItem::StatusChoice,
        MenuItem::Separator,
        entry(tr.t("menu-adjudicate"), &[], AppAction::Adjudicate),
    ]);
    items.extend(suggestion_items(tr));
    items
}

fn suggestion_items(tr: Tr) -> Vec<MenuItem> {
    let suggestion = AppAction::Suggestion;
    let items = [
        (
            "menu-next-suggestion",
            Some(shortcuts::NEXT_SUGGESTION),
            SuggestionAction::Next,
        ),
        (
            "menu-previous-suggestion",
            Some(shortcuts::PREVIOUS_SUGGESTION),
            SuggestionAction::Previous,
        ),
        (
            "menu-accept-suggestion",
            Some(shortcuts::ACCEPT_SUGGESTION),
            SuggestionAction::Accept,
        ),
        (
            "menu-reject-suggestion",
            Some(shortcuts::REJECT_SUGGESTION),
            SuggestionAction::Reject,
        ),
        (
            "menu-suggest-matcher",
            None,
            SuggestionAction::Run(SuggestionRun::Matcher),
        ),
        ("menu-suggest-rules", None, SuggestionAction::Run(SuggestionRun::Rules)),
        (
            "menu-suggest-tagger",
            None,
            SuggestionAction::Run(SuggestionRun::Tagger),
        ),
    ];
    items
        .into_iter()
        .map(|(id, key, action)| {
            let keys: Vec<KeyboardShortcut> = key.into_iter().collect();
            match entry(tr.t(id), &keys, suggestion(action)) {
                MenuItem::Action(entry) => MenuItem::Action(ActionEntry {
                    submenu: Some(tr.t("menu-suggestions")),
                    ..entry
                }),
                other => other,
            }
        })
        .collect()
}

fn edge_items(tr: Tr) -> Vec<MenuItem> {
    let edges = [
        ("menu-start-forward", shortcuts::START_FORWARD, WordEdge::Start, true),
        ("menu-start-backward", shortcuts::START_BACKWARD, WordEdge::Start, false),
        ("menu-end-forward", shortcuts::END_FORWARD, WordEdge::End, true),
        ("menu-end-backward", shortcuts::END_BACKWARD, WordEdge::End, false),
    ];
    edges
        .into_iter()
        .map(|(id, key, edge, forward)| {
            let action = AppAction::Annotate(AnnotatorAction::MoveEdge { edge, forward });
            match entry(tr.t(id), &[key], action) {
                MenuItem::Action(entry) => MenuItem::Action(ActionEntry {
                    submenu: Some(tr.t("menu-move-edge")),
                    ..entry
                }),
                other => other,
            }
        })
        .collect()
}

fn view_items(tr: Tr) -> Vec<MenuItem> {
    vec![
        MenuItem::DirectionChoice,
        MenuItem::Separator,
        MenuItem::PrefixChoice,
        MenuItem::SuggestionsChoice,
        MenuItem::Separator,
        entry(
            tr.t("menu-zoom-in"),
            &[shortcuts::ZOOM_IN, shortcuts::ZOOM_IN_PLUS],
            AppAction::ZoomIn,
        ),
        entry(tr.t("menu-zoom-out"), &[shortcuts::ZOOM_OUT], AppAction::ZoomOut),
        entry(tr.t("menu-zoom-reset"), &[shortcuts::ZOOM_RESET], AppAction::ZoomReset),
        MenuItem::Separator,
        MenuItem::ThemeChoice,
        MenuItem::LanguageChoice,
        MenuItem::Separator,
        entry(
            tr.t("menu-statistics"),
            &[shortcuts::STATISTICS],
            AppAction::ToggleStatistics,
        ),
    ]
}

fn plain(key: egui::Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
