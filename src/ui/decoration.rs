//! Decorations: how the caller (the annotation layer) marks char ranges in the article
//! view — a background tint and an underline in a lane — without touching the layout.

use std::ops::Range;

use egui::{Color32, Painter, Rect, Stroke, pos2};

/// Distance between stacked underline lanes, in points.
const LANE_STEP: f32 = 3.0;
/// Gap between the line box's bottom and the first lane.
const LANE_BOTTOM_GAP: f32 = 2.0;

/// A marked char range, drawn around the glyphs: `fill` behind them and, if any, an
/// underline in lane `lane` (0 is nearest the line's bottom; nested spans take higher lanes
/// so their underlines stack). The text itself is never split or restyled.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoration {
    /// The chars marked.
    pub char_range: Range<usize>,
    /// Background tint (use a translucent colour; overlapping tints add up).
    pub fill: Color32,
    /// Underline colour, if any.
    pub underline: Option<Color32>,
    /// Underline lane: nesting depth.
    pub lane: u8,
    /// Drawn stronger (selected or hovered): a thicker underline and an outline.
    pub emphasized: bool,
}

impl Decoration {
    /// Paints the background part of the decoration on its rectangles (before the glyphs).
    pub(crate) fn paint_fill(&self, painter: &Painter, rects: &[Rect]) {
        for rect in rects {
            painter.rect_filled(*rect, 2.0, self.fill);
            if self.emphasized {
                let outline = self.underline.unwrap_or(self.fill).to_opaque();
                painter.rect_stroke(*rect, 2.0, Stroke::new(1.0, outline), egui::StrokeKind::Inside);
            }
        }
    }

    /// Paints the underline part (after the glyphs), at the bottom of each line box.
    pub(crate) fn paint_underline(&self, painter: &Painter, rects: &[Rect]) {
        let Some(color) = self.underline else { return };
        let width = if self.emphasized { 2.5 } else { 1.5 };
        for rect in rects {
            let y = rect.max.y - LANE_BOTTOM_GAP - f32::from(self.lane) * LANE_STEP;
            painter.line_segment([pos2(rect.min.x, y), pos2(rect.max.x, y)], Stroke::new(width, color));
        }
    }
}
