//! View settings remembered between runs (eframe storage): zoom, theme, direction, language.

use crate::app::i18n::Language;
use crate::text::Direction;
use crate::ui::DEFAULT_FONT_SIZE;

const KEY: &str = "hashiya.view";

/// What the user chose in the View menu.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Article font size (zoom).
    pub font_size: f32,
    /// Dark theme.
    pub dark: bool,
    /// Paragraph direction.
    pub direction: Direction,
    /// Selections leave out attached prefixes (و ف ب ك ل) when the rest is a word.
    pub leave_out_prefixes: bool,
    /// Seconds between autosaves to the recovery file while there are unsaved edits.
    pub autosave_seconds: u64,
    /// The interface language.
    pub language: Language,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            font_size: DEFAULT_FONT_SIZE,
            dark: false,
            direction: Direction::Auto,
            leave_out_prefixes: true,
            autosave_seconds: 30,
            language: Language::English,
        }
    }
}

impl ViewSettings {
    /// The stored settings, or the defaults.
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, KEY))
            .unwrap_or_default()
    }

    /// Stores the settings.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }
}
