//! The article's caret keys: arrows (visual order), Ctrl+arrows by word, Home / End by line,
//! Ctrl+Home / Ctrl+End by text, Page Up / Page Down; Shift with any of them selects. Read
//! (and taken out of the input) only when no text field has the keyboard, and matched
//! exactly, so that Alt+← / Alt+→ stay the previous and next document.

use egui::{Context, Event, Key, Modifiers};

use crate::text::caret::Motion;

/// The caret motions pressed this frame, each with whether Shift extends the selection.
pub fn caret_motions(ctx: &Context) -> Vec<(Motion, bool)> {
    let mut motions = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            match motion_of(*key, *modifiers) {
                Some(motion) => {
                    motions.push((motion, modifiers.shift));
                    false
                }
                None => true,
            }
        });
    });
    motions
}

/// The motion of a key with exactly these modifiers (Shift aside).
fn motion_of(key: Key, modifiers: Modifiers) -> Option<Motion> {
    if modifiers.alt || modifiers.mac_cmd && !modifiers.command {
        return None;
    }
    let by_word = modifiers.command;
    Some(match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let right = key == Key::ArrowRight;
            if by_word {
                Motion::Word { right }
            } else {
                Motion::Horizontal { right }
            }
        }
        Key::ArrowUp | Key::ArrowDown if !by_word => Motion::Vertical {
            down: key == Key::ArrowDown,
        },
        Key::Home | Key::End => {
            let end = key == Key::End;
            if by_word {
                Motion::TextEdge { end }
            } else {
                Motion::LineEdge { end }
            }
        }
        Key::PageUp | Key::PageDown if !by_word => Motion::Page {
            down: key == Key::PageDown,
            // The view puts its own page height in.
            height: 0.0,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_motions_and_alt_arrows_are_left_alone() {
        assert_eq!(
            motion_of(Key::ArrowLeft, Modifiers::NONE),
            Some(Motion::Horizontal { right: false })
        );
        assert_eq!(
            motion_of(Key::ArrowRight, Modifiers::COMMAND | Modifiers::SHIFT),
            Some(Motion::Word { right: true })
        );
        assert_eq!(
            motion_of(Key::End, Modifiers::COMMAND),
            Some(Motion::TextEdge { end: true })
        );
        assert_eq!(
            motion_of(Key::Home, Modifiers::SHIFT),
            Some(Motion::LineEdge { end: false })
        );
        assert_eq!(motion_of(Key::ArrowRight, Modifiers::ALT), None, "next document");
        assert_eq!(motion_of(Key::Tab, Modifiers::NONE), None);
    }
}
