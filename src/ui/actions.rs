//! What the user can ask the application to do from the menus or the keyboard (the keys are
//! in [`shortcuts`](crate::ui::shortcuts)).

use egui::Context;

use crate::text::Direction;
use crate::ui::shortcuts::{OPEN_ARTICLE, QUIT, ZOOM_IN, ZOOM_IN_ALT, ZOOM_OUT, ZOOM_RESET};

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
        (OPEN_ARTICLE, AppAction::Open),
        (QUIT, AppAction::Quit),
        (ZOOM_IN, AppAction::ZoomIn),
        (ZOOM_IN_ALT, AppAction::ZoomIn),
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
