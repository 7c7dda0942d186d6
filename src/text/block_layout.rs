//! The parley layout of one block, and its answers in block-local coordinates translated to
//! document char offsets and y by a [`BlockPlace`].

use std::ops::Range;

use parley::{
    Alignment, AlignmentOptions, BaseDirection, FontContext, FontFamily, Layout, LayoutContext, LineHeight,
    OverflowWrap, PositionedLayoutItem, StyleProperty,
};

use crate::text::fonts::FAMILY;
use crate::text::geometry::{Affinity, GlyphRun, Hit, LineId, LineRect, PositionedGlyph, VisualLine, VisualRun};
use crate::text::line_context::last_context_free;
use crate::text::line_order::{PlacedCluster, placed_clusters};
use crate::text::marks::capped_marks;
use crate::text::{CharIndex, FontHandle};

/// Parley's brush type: we paint glyphs ourselves, so styles carry no colour.
pub(crate) type Brush = ();

/// At most this many chars of a block are passed on to the next block to be laid out again:
/// bounds the cost of laying out a block (its own chars and at most this many before them).
pub(crate) const MAX_REFLOW_CHARS: usize = 2000;

/// A stretch of the document text to lay out as one block.
#[derive(Clone, Debug)]
pub(crate) struct TextPiece {
    /// Document char offset of its first char.
    pub char_start: usize,
    /// Its document byte range.
    pub bytes: Range<usize>,
    /// Whether the next block continues the paragraph (and re-flows this one's last line).
    pub continued: bool,
}

/// Where a block sits in the document: what turns its local answers into document ones.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BlockPlace {
    /// Index of the block.
    pub block: usize,
    /// Char offset of the block's first char in the document.
    pub char_start: usize,
    /// Whether a '\n' follows the block (its last line then owns it).
    pub newline_after: bool,
    /// Top of the block in the document.
    pub top: f32,
    /// Whether the paragraph runs right to left.
    pub rtl: bool,
}

/// The shaped and wrapped text of one block.
///
/// A block of a long paragraph that the next block continues does not show its last line:
/// that line is cut short by the block's end, and the next block starts at its first char and
/// breaks it again with the text that follows (so the paragraph has no seam at block ends).
/// The next block must start where the text after it is laid out as in the whole paragraph (a
/// line start free of context, see [`line_context`](crate::text::line_context)): when the last
/// line's start is not (a line starting with digits or a bracket, or inside a word wider than
/// the line), the block hides the lines from the last start that is, and when it has none (a
/// block shorter than a line), it shows no line and the next block lays all of it out again.
pub(crate) struct BlockLayout {
    layout: Layout<Brush>,
    /// Document char offset of the first laid-out char.
    char_start: usize,
    /// Document byte range of the laid-out text.
    bytes: Range<usize>,
    /// Char/byte conversion inside the laid-out text.
    index: CharIndex,
    /// The width the lines are currently broken at.
    wrapped_width: f32,
    /// Whether the next block re-flows the last line (which is then not shown here).
    continued: bool,
    /// How many lines are shown.
    shown: usize,
    /// The visual lines already computed, relative to the block's top: a frame asks for the
    /// lines on screen several times (drawing, decorations, hit-testing), and each costs the
    /// line's clusters in screen order (rule L1) and their char offsets.
    line_cache: std::cell::RefCell<LineCache>,
}

/// Visual lines of one wrap and placement of a block.
#[derive(Default)]
struct LineCache {
    /// What they were computed for: (wrap width bits, shown lines, block index, newline after, rtl).
    key: Option<(u32, usize, usize, bool, bool)>,
    lines: Vec<Option<VisualLine>>,
}

impl BlockLayout {
    /// Shapes the document text `doc[piece.bytes]` (no newlines; its first char is the
    /// document's char `piece.char_start`) at `font_size` and wraps it to `width`.
    pub fn build(
        contexts: (&mut LayoutContext<Brush>, &mut FontContext),
        doc: &str,
        piece: TextPiece,
        font_size: f32,
        rtl: bool,
        width: f32,
    ) -> Self {
        let (layout_cx, font_cx) = contexts;
        // Long runs of combining marks are capped (same offsets): shaping one huge cluster
        // takes quadratic time.
        let shaped = capped_marks(doc, piece.bytes.clone());
        let text: &str = &shaped;
        let mut builder = layout_cx.ranged_builder(font_cx, text, 1.0, false);
        builder.push_default(StyleProperty::FontSize(font_size));
        builder.push_default(StyleProperty::FontFamily(FontFamily::Source(FAMILY.into())));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(LINE_HEIGHT)));
        // A word longer than the line (a URL) breaks anywhere rather than overflowing.
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        builder.set_base_direction(if rtl { BaseDirection::Rtl } else { BaseDirection::Ltr });
        let layout = builder.build(text);
        let mut block = Self {
            layout,
            char_start: piece.char_start,
            bytes: piece.bytes,
            index: CharIndex::new(text),
            wrapped_width: f32::NAN,
            continued: piece.continued,
            shown: 0,
            line_cache: std::cell::RefCell::default(),
        };
        block.wrap(doc, width);
        block
    }

    /// Breaks the lines of the document text `doc[self.bytes]` again at `width` (about 20
    /// times cheaper than shaping anew).
    pub fn wrap(&mut self, doc: &str, width: f32) {
        if self.wrapped_width.to_bits() == width.to_bits() {
            return;
        }
        let max_advance = if width.is_finite() && width > 0.0 {
            Some(width)
        } else {
            None
        };
        self.layout.break_all_lines(max_advance);
        self.layout.align(Alignment::Start, AlignmentOptions::default());
        self.wrapped_width = width;
        self.shown = if self.continued {
            self.lines_before_reflow(doc)
        } else {
            self.layout.len()
        };
    }

    /// How many lines a continued block shows: those before its last line start that is free
    /// of context and leaves at most [`MAX_REFLOW_CHARS`] to lay out again; none when the
    /// whole block is that short; else all but the last line (a seam remains possible in text
    /// without such starts, e.g. digits only, but the cost stays bounded).
    fn lines_before_reflow(&self, doc: &str) -> usize {
        let text = self.text(doc);
        let count = self.layout.len();
        let char_len = self.index.char_len();
        let starts: Vec<(usize, usize)> = (1..count)
            .filter_map(|line| Some((line, self.layout.get(line)?.text_range().start)))
            .filter(|&(_, byte)| char_len - self.index.char_offset(text, byte) <= MAX_REFLOW_CHARS)
            .collect();
        let bytes: Vec<usize> = starts.iter().map(|&(_, byte)| byte).collect();
        let free = last_context_free(text, &bytes)
            .and_then(|byte| starts.iter().find(|&&(_, start)| start == byte))
            .map(|&(line, _)| line);
        match free {
            Some(line) => line,
            None if char_len <= MAX_REFLOW_CHARS => 0,
            None if count >= 2 => count - 1,
            // One line longer than that (no wrapping): shown, the next block starts after it.
            None => count,
        }
    }

    /// Document char offset of the first laid-out char.
    pub fn char_start(&self) -> usize {
        self.char_start
    }

    /// Where the next block starts, as document (char, byte) offsets: the start of the last
    /// line, which it re-flows; `None` when the block is not continued or has one line.
    pub fn tail(&self, doc: &str) -> Option<(usize, usize)> {
        if self.shown == self.layout.len() {
            return None;
        }
        let line = self.layout.get(self.shown)?;
        let byte = line.text_range().start;
        let char_offset = self.index.char_offset(self.text(doc), byte);
        Some((self.char_start + char_offset, self.bytes.start + byte))
    }

    /// The laid-out part of the document text.
    fn text<'t>(&self, doc: &'t str) -> &'t str {
        doc.get(self.bytes.clone()).unwrap_or_default()
    }

    /// The width the lines are broken at.
    pub fn wrapped_width(&self) -> f32 {
        self.wrapped_width
    }

    /// Height of the shown lines.
    pub fn height(&self) -> f32 {
        self.shown
            .checked_sub(1)
            .and_then(|last| self.layout.get(last))
            .map_or(0.0, |line| line.metrics().block_max_coord)
    }

    /// Number of shown lines.
    pub fn line_count(&self) -> usize {
        self.shown
    }

    /// Number of laid-out chars.
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// Total advance of all laid-out lines (for estimating other blocks' heights).
    pub fn total_advance(&self) -> f32 {
        self.layout.lines().map(|line| line.metrics().advance).sum()
    }

    /// The lines whose boxes intersect local `y0..y1`, as document lines.
    pub fn lines(&self, doc: &str, place: BlockPlace, y0: f32, y1: f32) -> Vec<VisualLine> {
        let count = self.shown;
        let key = (
            self.wrapped_width.to_bits(),
            count,
            place.block,
            place.newline_after,
            place.rtl,
        );
        let mut cache = self.line_cache.borrow_mut();
        if cache.key != Some(key) {
            cache.key = Some(key);
            cache.lines = vec![None; count];
        }
        let mut lines = Vec::new();
        for i in 0..count {
            let Some(line) = self.layout.get(i) else { continue };
            let metrics = line.metrics();
            if metrics.block_max_coord < y0 || metrics.block_min_coord > y1 {
                continue;
            }
            let Some(slot) = cache.lines.get_mut(i) else { continue };
            let visual = slot.get_or_insert_with(|| self.visual_line(doc, place, i));
            let mut placed = visual.clone();
            placed.y0 += place.top;
            placed.y1 += place.top;
            placed.baseline += place.top;
            lines.push(placed);
        }
        lines
    }

    /// Line `i` as a document line, relative to the block's top.
    fn visual_line(&self, doc: &str, place: BlockPlace, i: usize) -> VisualLine {
        let text = self.text(doc);
        let line = self.layout.get(i);
        let (byte_range, metrics) = line
            .as_ref()
            .map_or((0..0, None), |line| (line.text_range(), Some(*line.metrics())));
        let line_chars = LineChars::new(
            self.char_start + self.index.char_offset(text, byte_range.start),
            text,
            byte_range.clone(),
        );
        let mut chars = self.doc_chars(text, byte_range);
        if i + 1 == self.shown && place.newline_after {
            chars.end += 1;
        }
        let mut runs: Vec<VisualRun> = Vec::new();
        if let Some(line) = &line {
            for cluster in placed_clusters(line, text, place.rtl) {
                let next = VisualRun {
                    chars: line_chars.chars(cluster.bytes.clone()),
                    rtl: cluster.rtl,
                    x0: self.clamp_x(cluster.x0),
                    x1: self.clamp_x(cluster.x1()),
                };
                if next.chars.is_empty() {
                    continue;
                }
                match runs.last_mut() {
                    Some(last) if continues(last, &next) => merge(last, &next),
                    _ => runs.push(next),
                }
            }
        }
        let (min, max, baseline) =
            metrics.map_or((0.0, 0.0, 0.0), |m| (m.block_min_coord, m.block_max_coord, m.baseline));
        VisualLine {
            id: LineId {
                block: place.block,
                line: i,
            },
            chars,
            y0: min,
            y1: max,
            baseline,
            rtl: place.rtl,
            runs,
        }
    }

    /// What lies under local point (x, y); `None` only for a block without glyphs.
    pub fn hit(&self, doc: &str, place: BlockPlace, x: f32, y: f32) -> Option<Hit> {
        let text = self.text(doc);
        // Below the shown lines is the hidden one: clamp to the last shown line.
        let y = y.clamp(0.0, (self.height() - 0.01).max(0.0));
        let line_index = (0..self.shown)
            .find(|&i| {
                self.layout
                    .get(i)
                    .is_some_and(|line| line.metrics().block_max_coord > y)
            })
            .or(self.shown.checked_sub(1))?;
        let line = self.layout.get(line_index)?;
        let clusters = placed_clusters(&line, text, place.rtl);
        let cluster = clusters.iter().find(|c| x < c.x1()).or_else(|| clusters.last())?;
        let bytes = cluster.bytes.clone();
        let leading = x <= cluster.x0 + cluster.advance * 0.5;
        // In a right-to-left run the left side of a cluster is its logical end.
        let (caret_byte, affinity) = match (cluster.rtl, leading) {
            (true, true) | (false, false) => (bytes.end, Affinity::Upstream),
            (true, false) | (false, true) => (bytes.start, Affinity::Downstream),
        };
        Some(Hit {
            char_offset: self.char_start + self.index.char_offset(text, bytes.start),
            caret_offset: self.char_start + self.index.char_offset(text, caret_byte),
            affinity,
            line: LineId {
                block: place.block,
                line: line_index,
            },
        })
    }

    /// Rectangles of a block-local char range, one or more per line (several where the
    /// range crosses a direction change). A grapheme cluster is covered when any of its chars
    /// is in the range.
    ///
    /// Walks the clusters itself rather than using `parley::Selection::geometry`, which puts a
    /// cursor at the end of the text on the wrong line when the last cluster is right-to-left.
    pub fn rects(&self, doc: &str, place: BlockPlace, local_chars: Range<usize>) -> Vec<LineRect> {
        let text = self.text(doc);
        let bytes = self.index.byte_range(text, local_chars);
        let mut rects = Vec::new();
        if bytes.is_empty() {
            return rects;
        }
        for (line_index, line) in self.layout.lines().enumerate().take(self.shown) {
            let line_bytes = line.text_range();
            if line_bytes.end <= bytes.start || line_bytes.start >= bytes.end {
                continue;
            }
            let metrics = line.metrics();
            let mut push = |x0: f32, x1: f32| {
                rects.push(LineRect {
                    line: LineId {
                        block: place.block,
                        line: line_index,
                    },
                    x0: self.clamp_x(x0),
                    x1: self.clamp_x(x1),
                    y0: place.top + metrics.block_min_coord,
                    y1: place.top + metrics.block_max_coord,
                });
            };
            let mut x = metrics.offset + metrics.inline_min_coord;
            let mut open: Option<f32> = None;
            for cluster in placed_clusters(&line, text, place.rtl) {
                let range = cluster.bytes.clone();
                let inside = range.start < bytes.end && range.end > bytes.start;
                match (inside, open) {
                    (true, None) => open = Some(cluster.x0),
                    (false, Some(x0)) => {
                        push(x0, cluster.x0);
                        open = None;
                    }
                    _ => {}
                }
                x = cluster.x1();
            }
            if let Some(x0) = open {
                push(x0, x);
            }
        }
        rects
    }

    /// The glyph runs of the lines intersecting local `y0..y1`, in document coordinates.
    /// Glyphs of a line whose end rule L1 reordered are moved with their clusters.
    pub fn glyph_runs(&self, doc: &str, rtl: bool, top: f32, y0: f32, y1: f32, out: &mut Vec<GlyphRun>) {
        let text = self.text(doc);
        for line in self.layout.lines().take(self.shown) {
            let metrics = line.metrics();
            if metrics.block_max_coord < y0 || metrics.block_min_coord > y1 {
                continue;
            }
            let placed = placed_clusters(&line, text, rtl);
            let moved = placed.iter().any(|c| c.shift != 0.0);
            for item in line.items() {
                let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                    continue;
                };
                let run = glyph_run.run();
                let glyphs = if moved {
                    shifted_glyphs(&glyph_run, &placed, top)
                } else {
                    glyph_run
                        .positioned_glyphs()
                        .map(|glyph| PositionedGlyph {
                            id: glyph.id,
                            x: glyph.x,
                            y: top + glyph.y,
                        })
                        .collect()
                };
                out.push(GlyphRun {
                    font: FontHandle::new(run.font().clone()),
                    font_size: run.font_size(),
                    glyphs,
                });
            }
        }
    }

    /// Whitespace at a line's end hangs past the edge (CSS); it is clipped to the width so
    /// that nothing reported lies outside the text area.
    fn clamp_x(&self, x: f32) -> f32 {
        if self.wrapped_width.is_finite() {
            x.clamp(0.0, self.wrapped_width)
        } else {
            x
        }
    }

    fn doc_chars(&self, text: &str, bytes: Range<usize>) -> Range<usize> {
        self.char_start + self.index.char_offset(text, bytes.start)
            ..self.char_start + self.index.char_offset(text, bytes.end)
    }
}

/// Char offsets within one line, found by one pass over it: a line has dozens of clusters,
/// and finding each one's offset from the block's checkpoints would scan up to 64 chars twice
/// per cluster (most of a scroll frame's time on a long document).
struct LineChars {
    /// Document char offset of the line's first char.
    first_char: usize,
    /// Byte offset (in the block's text) of each char of the line, ascending.
    char_bytes: Vec<usize>,
    /// Where the line ends (its byte range's end).
    end_byte: usize,
}

impl LineChars {
    fn new(first_char: usize, text: &str, bytes: Range<usize>) -> Self {
        let line = text.get(bytes.clone()).unwrap_or_default();
        Self {
            first_char,
            char_bytes: line.char_indices().map(|(b, _)| bytes.start + b).collect(),
            end_byte: bytes.end,
        }
    }

    /// Document char offset of a byte offset inside the line (a byte inside a char maps to
    /// that char, the line's end to one past its last char).
    fn char_at(&self, byte: usize) -> usize {
        let index = if byte >= self.end_byte {
            self.char_bytes.len()
        } else {
            self.char_bytes.partition_point(|&b| b <= byte).saturating_sub(1)
        };
        self.first_char + index
    }

    fn chars(&self, bytes: Range<usize>) -> Range<usize> {
        self.char_at(bytes.start)..self.char_at(bytes.end)
    }
}

/// The glyphs of `glyph_run`, each moved as far as its cluster was (see [`placed_clusters`]).
fn shifted_glyphs(glyph_run: &parley::GlyphRun<'_, Brush>, placed: &[PlacedCluster], top: f32) -> Vec<PositionedGlyph> {
    let mut pen = glyph_run.offset();
    let baseline = glyph_run.baseline();
    let mut glyphs = Vec::new();
    for cluster in glyph_run.run().visual_clusters() {
        let start = cluster.text_range().start;
        let shift = placed.iter().find(|c| c.bytes.start == start).map_or(0.0, |c| c.shift);
        for glyph in cluster.glyphs() {
            glyphs.push(PositionedGlyph {
                id: glyph.id,
                x: pen + glyph.x + shift,
                y: top + baseline + glyph.y,
            });
            pen += glyph.advance;
        }
    }
    glyphs
}

/// Whether `next`, drawn right of `last`, continues it: same direction and logically adjacent
/// in that direction. Parley splits runs by font too (Naskh has no Latin letters); a run here
/// is a stretch of one direction.
fn continues(last: &VisualRun, next: &VisualRun) -> bool {
    last.rtl == next.rtl
        && if last.rtl {
            next.chars.end == last.chars.start
        } else {
            last.chars.end == next.chars.start
        }
}

fn merge(last: &mut VisualRun, next: &VisualRun) {
    last.chars = last.chars.start.min(next.chars.start)..last.chars.end.max(next.chars.end);
    last.x1 = next.x1;
}

/// Line height as a multiple of the font size: roomy enough for Naskh's marks above and below.
pub(crate) const LINE_HEIGHT: f32 = 1.8;
