//! Short single-line texts outside the article (span texts in the side panel, tooltips),
//! shaped with the same fonts and bidi as the article: egui's own labels have no bidi.

use parley::{FontContext, LayoutContext};

use crate::text::block_layout::{BlockLayout, Brush, TextPiece};
use crate::text::{GlyphRun, first_strong_is_rtl, fonts};

/// A shaped line: its glyphs and size.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapedLine {
    /// Glyph runs, with x from the line's left edge and y from its top.
    pub runs: Vec<GlyphRun>,
    /// Width of the line.
    pub width: f32,
    /// Height of the line box.
    pub height: f32,
}

/// Shapes short texts; keeps its font and layout contexts between calls.
pub struct LineShaper {
    layout_cx: LayoutContext<Brush>,
    font_cx: FontContext,
}

impl Default for LineShaper {
    fn default() -> Self {
        Self {
            layout_cx: LayoutContext::new(),
            font_cx: fonts::font_context(),
        }
    }
}

impl LineShaper {
    /// Shapes `text` (newlines become spaces) on one line, direction from its first strong char.
    pub fn shape(&mut self, text: &str, font_size: f32) -> ShapedLine {
        let (block_width, line) = self.shape_at(text, font_size, f32::INFINITY);
        ShapedLine {
            width: block_width,
            ..line
        }
    }

    /// Shapes `text` like [`Self::shape`], broken into lines no wider than `max_width` when it
    /// does not fit on one; several lines are `max_width` wide (right-to-left ones right-aligned).
    pub fn shape_wrapped(&mut self, text: &str, font_size: f32, max_width: f32) -> ShapedLine {
        let line = self.shape(text, font_size);
        if line.width <= max_width || !max_width.is_finite() || max_width <= 0.0 {
            return line;
        }
        let (_, wrapped) = self.shape_at(text, font_size, max_width);
        ShapedLine {
            width: max_width,
            ..wrapped
        }
    }

    /// `text` shaped and wrapped at `width`: its total advance and its lines (`width` field
    /// left for the caller).
    fn shape_at(&mut self, text: &str, font_size: f32, width: f32) -> (f32, ShapedLine) {
        let one_line: String = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
        let rtl = first_strong_is_rtl(&one_line).unwrap_or(false);
        let piece = TextPiece {
            char_start: 0,
            bytes: 0..one_line.len(),
            continued: false,
        };
        let block = BlockLayout::build(
            (&mut self.layout_cx, &mut self.font_cx),
            &one_line,
            piece,
            font_size,
            rtl,
            width,
        );
        let mut runs = Vec::new();
        block.glyph_runs(&one_line, rtl, 0.0, f32::NEG_INFINITY, f32::INFINITY, &mut runs);
        let line = ShapedLine {
            runs,
            width,
            height: block.height(),
        };
        (block.total_advance(), line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_with_digits_is_one_shaped_line() {
        let mut shaper = LineShaper::default();
        let line = shaper.shape("اللجنة العسكرية المشتركة (5+5)", 14.0);
        assert!(
            line.width > 50.0 && line.height > 14.0,
            "{} x {}",
            line.width,
            line.height
        );
        let glyphs: usize = line.runs.iter().map(|r| r.glyphs.len()).sum();
        assert!(glyphs >= 20, "{glyphs} glyphs");
        assert!(
            line.runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .all(|g| g.x >= -0.5 && g.x <= line.width + 0.5)
        );
        assert_eq!(shaper.shape("", 14.0).runs.len(), 0);
    }

    #[test]
    fn a_long_text_wraps_within_the_width_and_a_short_one_stays_one_line() {
        let mut shaper = LineShaper::default();
        let text = "سعدت بما خلص إليه الاجتماع بين كل من الفريق الحداد والفريق أول الناظوري المبني على العمل الدؤوب";
        let one_line = shaper.shape(text, 14.0);
        let wrapped = shaper.shape_wrapped(text, 14.0, 200.0);
        assert!(one_line.width > 400.0, "{}", one_line.width);
        assert!((wrapped.width - 200.0).abs() < 0.01, "{}", wrapped.width);
        assert!(
            wrapped.height > 2.5 * one_line.height,
            "{} vs {}",
            wrapped.height,
            one_line.height
        );
        let glyphs = |line: &ShapedLine| line.runs.iter().map(|r| r.glyphs.len()).sum::<usize>();
        assert_eq!(glyphs(&wrapped), glyphs(&one_line), "every glyph is drawn");
        assert!(
            wrapped
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .all(|g| g.x >= -0.5 && g.x <= 200.5 && g.y <= wrapped.height)
        );
        let short = shaper.shape_wrapped("T4 Actor", 14.0, 200.0);
        assert_eq!(short, shaper.shape("T4 Actor", 14.0));
    }
}
