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
    /// Suggestions are drawn and walked (View › Suggestions).
    pub show_suggestions: bool,
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
            show_suggestions: true,
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{KEY, ViewSettings};
    use crate::app::i18n::Language;

    #[derive(Default)]
    struct MemoryStorage(HashMap<String, String>);

    impl eframe::Storage for MemoryStorage {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }

        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }

        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn the_language_is_kept_between_runs() {
        let mut storage = MemoryStorage::default();
        let chosen = ViewSettings {
            language: Language::Arabic,
            ..ViewSettings::default()
        };
        chosen.save(&mut storage);
        assert_eq!(ViewSettings::load(Some(&storage)).language, Language::Arabic);
    }

    /// Settings stored before there was a language setting still load, in English.
    #[test]
    fn settings_without_a_language_load_in_english() {
        let mut storage = MemoryStorage::default();
        let mut old = ViewSettings {
            dark: true,
            ..ViewSettings::default()
        };
        old.save(&mut storage);
        let stored = storage.0.get(KEY).cloned().unwrap_or_default();
        // Drop the field, as an older version wrote the settings.
        let field = stored.find("language").expect("the language is stored");
        let end = stored[field..].find([',', ')']).map_or(stored.len(), |end| field + end);
        let without = format!("{}{}", &stored[..field], stored[end..].trim_start_matches(','));
        storage.0.insert(KEY.to_owned(), without);
        assert!(!storage.0[KEY].contains("language"), "{}", storage.0[KEY]);
        let loaded = ViewSettings::load(Some(&storage));
        old.language = Language::English;
        assert_eq!(loaded, old);
    }
}
