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
            f32::INFINITY,
        );
        let mut runs = Vec::new();
        block.glyph_runs(&one_line, rtl, 0.0, f32::NEG_INFINITY, f32::INFINITY, &mut runs);
        ShapedLine {
            runs,
            width: block.total_advance(),
            height: block.height(),
        }
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
}
