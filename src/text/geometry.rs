//! The plain values the layout answers with: lines, runs, rectangles, hits and glyphs. All
//! offsets are Unicode scalar (char) offsets into the whole text; all coordinates are logical
//! pixels from the text area's top-left corner, y growing downwards.

use std::ops::Range;

use crate::text::FontHandle;

/// Which side of a char boundary a caret belongs to where the two sides are drawn apart
/// (at a direction change).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Affinity {
    /// With the char that follows the offset logically.
    #[default]
    Downstream,
    /// With the char that precedes the offset logically.
    Upstream,
}

/// Identifies a visual line: the layout block it belongs to and its index inside the block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineId {
    /// Index of the layout block (a paragraph, or a piece of a long one).
    pub block: usize,
    /// Index of the line inside the block.
    pub line: usize,
}

/// A stretch of one line in one direction (and one font), in screen order.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualRun {
    /// The chars it shows, end exclusive.
    pub chars: Range<usize>,
    /// Whether it runs right to left.
    pub rtl: bool,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

/// One line on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct VisualLine {
    /// Which line this is.
    pub id: LineId,
    /// The chars of the line, end exclusive. The lines of a text tile it: a paragraph's last
    /// line also owns the '\n' after it (which belongs to no run).
    pub chars: Range<usize>,
    /// Top of the line box.
    pub y0: f32,
    /// Bottom of the line box.
    pub y1: f32,
    /// The baseline glyphs sit on.
    pub baseline: f32,
    /// Whether its paragraph runs right to left.
    pub rtl: bool,
    /// The runs, left to right on screen.
    pub runs: Vec<VisualRun>,
}

/// A rectangle covering part of a char range on one line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineRect {
    /// The line it lies on.
    pub line: LineId,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top (the line's top).
    pub y0: f32,
    /// Bottom (the line's bottom).
    pub y1: f32,
}

impl LineRect {
    /// The centre point.
    #[must_use]
    pub fn center(&self) -> (f32, f32) {
        (f32::midpoint(self.x0, self.x1), f32::midpoint(self.y0, self.y1))
    }
}

/// What lies under a point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    /// The char drawn under the point (the nearest one on the nearest line when the point is
    /// off the text); the text's length for an empty text.
    pub char_offset: usize,
    /// The char boundary nearest to the point: where a caret or a drag end goes.
    pub caret_offset: usize,
    /// Which side of `caret_offset` the point is on.
    pub affinity: Affinity,
    /// The line under (or nearest to) the point.
    pub line: LineId,
}

/// One glyph, positioned on its baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PositionedGlyph {
    /// Glyph id in its font.
    pub id: u32,
    /// Pen position x (left edge of the glyph's origin).
    pub x: f32,
    /// Baseline y.
    pub y: f32,
}

/// Glyphs of one font and size, ready to paint.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphRun {
    /// The font they come from.
    pub font: FontHandle,
    /// Font size in logical pixels.
    pub font_size: f32,
    /// The glyphs, left to right.
    pub glyphs: Vec<PositionedGlyph>,
}
