//! What the user can ask the application to do from the menus or the keyboard, and the
//! keyboard shortcuts (shown in the menus).

use egui::{Context, Key, KeyboardShortcut, Modifiers};

use crate::text::Direction;

/// Ctrl+O.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+Q.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Ctrl+= (also Ctrl++).
pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
/// Ctrl+-.
pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
/// Ctrl+0.
pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);

/// An application command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppAction {
    /// Ask for an article file to open.
    Open,
    /// Close the window.
    Quit,
    /// Change the paragraph direction setting.
    SetDirection(Direction),
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Dark (true) or light theme.
    SetDark(bool),
}

/// The actions whose shortcuts were pressed this frame (the key presses are consumed).
pub fn shortcut_actions(ctx: &Context) -> Vec<AppAction> {
    let bindings = [
        (OPEN, AppAction::Open),
        (QUIT, AppAction::Quit),
        (ZOOM_IN, AppAction::ZoomIn),
        (ZOOM_IN_PLUS, AppAction::ZoomIn),
        (ZOOM_OUT, AppAction::ZoomOut),
        (ZOOM_RESET, AppAction::ZoomReset),
    ];
    ctx.input_mut(|input| {
        bindings
            .iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|&(_, action)| action)
            .collect()
    })
}
