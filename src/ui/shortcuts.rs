//! Every keyboard shortcut of the window, in one place, so menus show exactly what the keys do.
//! egui matches modifiers "logically" (extra Shift/Alt are ignored), so callers test the more
//! specific shortcut of a pair first (Save As before Save).

use egui::{Key, KeyboardShortcut, Modifiers};

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn command_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

/// File › Open article…
pub const OPEN_ARTICLE: KeyboardShortcut = command(Key::O);
/// File › Open folder…
pub const OPEN_FOLDER: KeyboardShortcut = command_shift(Key::O);
/// File › Save
pub const SAVE: KeyboardShortcut = command(Key::S);
/// File › Save As…
pub const SAVE_AS: KeyboardShortcut = command_shift(Key::S);
/// File › Export dataset…
pub const EXPORT: KeyboardShortcut = command(Key::E);
/// File › Import dataset…
pub const IMPORT: KeyboardShortcut = command(Key::I);
/// File › Next document (in a folder)
pub const NEXT_DOCUMENT: KeyboardShortcut = alt(Key::ArrowRight);
/// File › Previous document (in a folder)
pub const PREVIOUS_DOCUMENT: KeyboardShortcut = alt(Key::ArrowLeft);
/// File › Quit
pub const QUIT: KeyboardShortcut = command(Key::Q);
/// Edit › Undo
pub const UNDO: KeyboardShortcut = command(Key::Z);
/// Edit › Redo
pub const REDO: KeyboardShortcut = command_shift(Key::Z);
/// Edit › Redo (the Windows habit)
pub const REDO_ALT: KeyboardShortcut = command(Key::Y);
/// Annotate › Delete span
pub const DELETE_SPAN: KeyboardShortcut = plain(Key::Delete);
/// Annotate › Delete span (laptops without a Delete key)
pub const DELETE_SPAN_ALT: KeyboardShortcut = plain(Key::Backspace);
/// Annotate › Next span
pub const NEXT_SPAN: KeyboardShortcut = plain(Key::Tab);
/// Annotate › Previous span
pub const PREVIOUS_SPAN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab);
/// Annotate › Clear selection / leave link mode
pub const ESCAPE: KeyboardShortcut = plain(Key::Escape);
/// Annotate › Span end → next word
pub const END_FORWARD: KeyboardShortcut = plain(Key::CloseBracket);
/// Annotate › Span end → previous word
pub const END_BACKWARD: KeyboardShortcut = plain(Key::OpenBracket);
/// Annotate › Span start → next word
pub const START_FORWARD: KeyboardShortcut = alt(Key::CloseBracket);
/// Annotate › Span start → previous word
pub const START_BACKWARD: KeyboardShortcut = alt(Key::OpenBracket);
/// View › Zoom in (Ctrl+=)
pub const ZOOM_IN: KeyboardShortcut = command(Key::Equals);
/// View › Zoom in, as Ctrl++ on keyboards where + is its own key
pub const ZOOM_IN_PLUS: KeyboardShortcut = command(Key::Plus);
/// View › Zoom out
pub const ZOOM_OUT: KeyboardShortcut = command(Key::Minus);
/// View › Reset zoom
pub const ZOOM_RESET: KeyboardShortcut = command(Key::Num0);
/// Edit › Find…
pub const FIND: KeyboardShortcut = command(Key::F);
/// Annotate › Assign entity… (E: the mention's entity)
pub const ASSIGN_ENTITY: KeyboardShortcut = plain(Key::E);
/// Annotate › Label similar…
pub const LABEL_SIMILAR: KeyboardShortcut = command(Key::L);
/// View › Statistics
pub const STATISTICS: KeyboardShortcut = command_shift(Key::T);
/// Annotate › Next problem (F8, as in IDEs: the next error).
pub const NEXT_PROBLEM: KeyboardShortcut = plain(Key::F8);
/// Annotate › Previous problem.
pub const PREVIOUS_PROBLEM: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F8);

/// The plain key for a one-character schema shortcut (`'1'`, `'s'`), if egui has one.
#[must_use]
pub fn key_for_char(c: char) -> Option<Key> {
    Key::from_name(&c.to_ascii_uppercase().to_string())
}

/// Annotate › Suggestions › Next suggestion
pub const NEXT_SUGGESTION: KeyboardShortcut = plain(Key::N);
/// Annotate › Suggestions › Previous suggestion
pub const PREVIOUS_SUGGESTION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::N);
/// Annotate › Suggestions › Accept
pub const ACCEPT_SUGGESTION: KeyboardShortcut = plain(Key::Enter);
/// Annotate › Suggestions › Reject
pub const REJECT_SUGGESTION: KeyboardShortcut = plain(Key::X);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_shortcut_characters_map_to_keys() {
        assert_eq!(key_for_char('1'), Some(Key::Num1));
        assert_eq!(key_for_char('s'), Some(Key::S));
        assert_eq!(key_for_char('P'), Some(Key::P));
        assert_eq!(key_for_char('ش'), None);
    }
}
