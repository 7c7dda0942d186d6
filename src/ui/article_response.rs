//! What the article view reports to its caller each frame.

use std::ops::Range;

use egui::{Modifiers, Response};

/// A click (press and release without a drag) on the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleClick {
    /// The char under the pointer, if the click was on a char (not in a margin).
    pub char_offset: Option<usize>,
    /// The char boundary nearest to the click.
    pub caret_offset: usize,
    /// Modifier keys held.
    pub modifiers: Modifiers,
    /// Whether it was a double click (the view then selected the word).
    pub double: bool,
}

/// The article view's report for one frame.
#[derive(Clone, Debug)]
pub struct ArticleResponse {
    /// The egui response of the whole text area.
    pub response: Response,
    /// The char under the pointer, if any.
    pub hovered_char: Option<usize>,
    /// A click this frame, if any.
    pub clicked: Option<ArticleClick>,
    /// The current selection (char range, logical order), if not empty.
    pub selection: Option<Range<usize>>,
    /// Whether the selection changed this frame (by the user).
    pub selection_changed: bool,
}
