//! [`DocumentLayout`]: the whole text laid out lazily, block by block.
//!
//! The text is cut into blocks (paragraphs, and pieces of long paragraphs, see
//! [`blocks`](crate::text::blocks)). A block that continues a paragraph starts at the first
//! char of the previous block's last line (or of an earlier line, see [`BlockLayout`]) and
//! breaks that line again with the text that follows, so that block ends leave no seam: the
//! lines are those of the whole paragraph laid out in one piece, whatever order the blocks are
//! laid out in (a block laid out before the one above it starts at its nominal start, and is
//! laid out again when the block above is). Only the blocks a query needs are shaped (with the
//! block before them, whose last lines they re-flow); the others have
//! estimated heights that are corrected as they get laid out. A width change re-wraps laid-out
//! blocks when they are next needed (cheap); a font size change reshapes them. At most
//! [`MAX_RESIDENT_CHARS`] chars stay shaped; the least recently used blocks are dropped (their
//! measured heights stay valid).

use std::ops::Range;

use parley::{FontContext, LayoutContext};

use crate::text::block_layout::{BlockLayout, BlockPlace, Brush, LINE_HEIGHT, TextPiece};
use crate::text::blocks::{BlockExtent, MAX_BLOCK_CHARS, split_blocks};
use crate::text::geometry::{Affinity, GlyphRun, Hit, LineId, LineRect, VisualLine};
use crate::text::{CharIndex, Direction, Words, fonts};

/// Blank space after each paragraph, as a multiple of the font size.
const PARAGRAPH_GAP: f32 = 0.5;
/// How many chars may stay shaped at once (memory bound for very long documents).
pub const MAX_RESIDENT_CHARS: usize = 400_000;
/// Average advance of a char as a multiple of the font size, until one is measured.
const DEFAULT_ADVANCE_PER_CHAR: f32 = 0.42;
/// How many layout passes [`DocumentLayout::prepare`] makes while heights settle.
const MAX_PREPARE_PASSES: usize = 8;

/// What the text is laid out for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Width lines wrap at, in logical pixels (`f32::INFINITY`: no wrapping).
    pub width: f32,
    /// Font size in logical pixels.
    pub font_size: f32,
    /// Paragraph direction.
    pub direction: Direction,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            width: 600.0,
            font_size: 20.0,
            direction: Direction::Auto,
        }
    }
}

/// One block and what is known of it.
///
/// Invariant: when a block continues the previous one and has `laid_from`, that is where the
/// previous block's `tail` says it starts (or its nominal start when the previous has none).
struct Block {
    extent: BlockExtent,
    rtl: bool,
    layout: Option<BlockLayout>,
    /// Document (char, byte) offsets its text was laid out from at the current parameters
    /// (kept when the layout is dropped: laying it out again gives the same lines).
    laid_from: Option<(usize, usize)>,
    /// Where the next block starts, when it re-flows this block's last line.
    tail: Option<(usize, usize)>,
    /// Height of its lines: measured when `exact`, else estimated.
    height: f32,
    exact: bool,
    /// Sum of its line advances at the current font size, once measured.
    advance: Option<f32>,
    /// Tick of its last use, for dropping the least recently used layouts.
    last_used: u64,
}

/// A text laid out in lines: hit-testing, rectangles of char ranges, lines and glyphs.
/// All offsets are char offsets into the text; coordinates are logical pixels from the text
/// area's top-left corner. Queries take `&mut self` because they lay out blocks on demand; no
/// query panics, whatever the offsets or coordinates.
pub struct DocumentLayout {
    text: String,
    index: CharIndex,
    blocks: Vec<Block>,
    params: LayoutParams,
    /// `tops[i]` is the top of block `i`; the last entry is the total height.
    tops: Vec<f32>,
    tops_dirty: bool,
    layout_cx: LayoutContext<Brush>,
    font_cx: FontContext,
    max_block_chars: usize,
    /// Measured advance per char (sum of advances / sum of chars over laid-out blocks).
    measured: (f32, usize),
    resident_chars: usize,
    tick: u64,
}

impl DocumentLayout {
    /// Prepares `text` for layout with `params`; nothing is shaped yet.
    #[must_use]
    pub fn new(text: &str, params: LayoutParams) -> Self {
        Self::with_max_block_chars(text, params, MAX_BLOCK_CHARS)
    }

    /// Like [`DocumentLayout::new`], with paragraphs cut into blocks of at most
    /// `max_block_chars` chars instead of the default 2,000. `usize::MAX` lays out every
    /// paragraph in one piece (the reference the block-wise layout is tested against: it gives
    /// the same lines).
    #[must_use]
    pub fn with_max_block_chars(text: &str, params: LayoutParams, max_block_chars: usize) -> Self {
        let mut layout = Self {
            text: String::new(),
            index: CharIndex::default(),
            blocks: Vec::new(),
            params: sanitize(params),
            tops: Vec::new(),
            tops_dirty: true,
            layout_cx: LayoutContext::new(),
            font_cx: fonts::font_context(),
            max_block_chars,
            measured: (0.0, 0),
            resident_chars: 0,
            tick: 0,
        };
        layout.set_text(text);
        layout
    }

    /// Replaces the text (keeping the parameters and the shaping caches); nothing is shaped yet.
    pub fn set_text(&mut self, text: &str) {
        text.clone_into(&mut self.text);
        self.index = CharIndex::new(text);
        self.blocks = split_blocks(text, self.max_block_chars)
            .into_iter()
            .map(|extent| Block {
                extent,
                rtl: false,
                layout: None,
                laid_from: None,
                tail: None,
                height: 0.0,
                exact: false,
                advance: None,
                last_used: 0,
            })
            .collect();
        self.measured = (0.0, 0);
        self.resident_chars = 0;
        self.resolve_directions();
        self.estimate_all();
    }

    /// The text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its char/byte index.
    #[must_use]
    pub fn char_index(&self) -> &CharIndex {
        &self.index
    }

    /// Word-boundary queries over the text.
    #[must_use]
    pub fn words(&self) -> Words<'_> {
        Words::new(&self.text, &self.index)
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// How many chars are shaped right now (the rest is estimated).
    #[must_use]
    pub fn shaped_chars(&self) -> usize {
        self.resident_chars
    }

    /// The current parameters.
    #[must_use]
    pub fn params(&self) -> LayoutParams {
        self.params
    }

    /// Changes width, font size and direction; only what changed is invalidated.
    pub fn set_params(&mut self, params: LayoutParams) {
        let params = sanitize(params);
        let old = self.params;
        self.params = params;
        if old.direction != params.direction {
            self.resolve_directions();
        }
        if old.font_size.to_bits() != params.font_size.to_bits() {
            self.change_font_size(old.font_size);
        }
        if old != params {
            // Where blocks start depends on how the lines before them broke.
            for block in &mut self.blocks {
                block.laid_from = None;
                block.tail = None;
            }
            self.estimate_all();
        }
    }

    /// Total height of the text (partly estimated until every block is laid out).
    pub fn height(&mut self) -> f32 {
        self.refresh_tops();
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Lays out the blocks that intersect `y0..y1` so they can be painted. Heights of newly
    /// laid-out blocks may differ from their estimates; the returned y is where `y0` has moved
    /// to so that a block already on screen stays put (scroll anchoring).
    pub fn prepare(&mut self, y0: f32, y1: f32) -> f32 {
        let span = (y1 - y0).max(0.0);
        let anchor = self
            .blocks_in(y0, y1)
            .find(|&i| self.is_current(i))
            .map(|i| (i, self.top(i)));
        let mut y = y0;
        for _ in 0..MAX_PREPARE_PASSES {
            let stale: Vec<usize> = self.blocks_in(y, y + span).filter(|&i| !self.is_current(i)).collect();
            if stale.is_empty() {
                break;
            }
            for i in stale {
                self.ensure(i);
            }
            if let Some((block, old_top)) = anchor {
                y = y0 + self.top(block) - old_top;
            }
        }
        y
    }

    /// Lays out every block (the command line and tests use exact geometry everywhere).
    pub fn layout_all(&mut self) {
        for i in 0..self.blocks.len() {
            self.ensure(i);
        }
    }

    /// Every visual line, top to bottom (lays out the whole text).
    pub fn lines(&mut self) -> Vec<VisualLine> {
        self.layout_all();
        self.lines_in(f32::NEG_INFINITY, f32::INFINITY)
    }

    /// The visual lines intersecting `y0..y1`, top to bottom.
    pub fn lines_in(&mut self, y0: f32, y1: f32) -> Vec<VisualLine> {
        let blocks: Vec<usize> = self.blocks_in(y0, y1).collect();
        let mut lines = Vec::new();
        for i in blocks {
            if self.blocks[i].extent.empty_paragraphs > 0 {
                let (first, last) = (self.empty_line_at_y(i, y0), self.empty_line_at_y(i, y1));
                lines.extend((first..=last).map(|line| self.empty_line(i, line)));
                continue;
            }
            self.ensure(i);
            let place = self.place(i);
            let top = place.top;
            match &self.blocks[i].layout {
                Some(layout) if layout.line_count() > 0 => {
                    lines.extend(layout.lines(&self.text, place, y0 - top, y1 - top));
                }
                // All its text is laid out again by the next block.
                Some(_) if self.blocks[i].tail.is_some() => {}
                _ => lines.push(self.empty_line(i, 0)),
            }
        }
        lines
    }

    /// The visual line that shows the char at `char_offset` (a '\n' belongs to its paragraph's
    /// last line); offsets past the end give the last line.
    pub fn line_of_char(&mut self, char_offset: usize) -> Option<VisualLine> {
        let block = self.ensure_block_of_char(char_offset)?;
        if self.blocks[block].extent.empty_paragraphs > 0 {
            let line = char_offset.saturating_sub(self.blocks[block].extent.chars.start);
            return Some(self.empty_line(block, line.min(self.blocks[block].extent.empty_paragraphs - 1)));
        }
        let top = self.top(block);
        let height = self.blocks[block].height;
        self.lines_in(top, top + height)
            .into_iter()
            .filter(|line| line.id.block == block)
            .find(|line| line.chars.contains(&char_offset) || line.chars.start == char_offset)
            .or_else(|| self.lines_in(top, top + height).pop())
    }

    /// What lies under the point (x, y): the char drawn there and the nearest caret position.
    /// Points off the text map to the nearest line and the nearest char on it.
    pub fn hit(&mut self, x: f32, y: f32) -> Hit {
        let Some(block) = self.block_at_y(y) else {
            return Hit::default();
        };
        if self.blocks[block].extent.empty_paragraphs > 0 {
            let line = self.empty_line_at_y(block, y);
            let char_offset = self.blocks[block].extent.chars.start + line;
            return Hit {
                char_offset,
                caret_offset: char_offset,
                affinity: Affinity::Downstream,
                line: LineId { block, line },
            };
        }
        self.ensure(block);
        let place = self.place(block);
        let height = self.blocks[block].height;
        let local_y = (y - place.top).clamp(0.0, (height - 0.01).max(0.0));
        let x = if x.is_finite() { x } else { 0.0 };
        let hit = self.blocks[block]
            .layout
            .as_ref()
            .and_then(|layout| layout.hit(&self.text, place, x, local_y));
        hit.unwrap_or(Hit {
            char_offset: place.char_start,
            caret_offset: place.char_start,
            affinity: Affinity::Downstream,
            line: LineId { block, line: 0 },
        })
    }

    /// The word (or whitespace run, or punctuation mark) under the point.
    pub fn word_at_point(&mut self, x: f32, y: f32) -> Range<usize> {
        let hit = self.hit(x, y);
        self.words().word_at(hit.char_offset)
    }

    /// Rectangles covering a char range, top to bottom, one or more per line: a range that
    /// crosses a direction change is visually discontiguous. Newlines have no rectangle.
    pub fn rects(&mut self, char_range: Range<usize>) -> Vec<LineRect> {
        let len = self.char_len();
        let (start, end) = (char_range.start.min(len), char_range.end.min(len));
        if start >= end {
            return Vec::new();
        }
        let Some(mut i) = self.ensure_block_of_char(start) else {
            return Vec::new();
        };
        let mut rects = Vec::new();
        while i < self.blocks.len() {
            // Laying a block out decides where it ends (the next block's start).
            self.ensure(i);
            let (block_start, block_end) = (self.start(i).0, self.end(i));
            if block_start >= end {
                break;
            }
            let place = self.place(i);
            if let Some(layout) = &self.blocks[i].layout {
                let base = layout.char_start();
                let local = start.max(block_start) - base..end.min(block_end).saturating_sub(base);
                if !local.is_empty() {
                    rects.extend(layout.rects(&self.text, place, local));
                }
            }
            i += 1;
        }
        rects
    }

    /// Glyphs of the lines intersecting `y0..y1`, ready to paint.
    pub fn glyph_runs(&mut self, y0: f32, y1: f32) -> Vec<GlyphRun> {
        let blocks: Vec<usize> = self.blocks_in(y0, y1).collect();
        let mut runs = Vec::new();
        for i in blocks {
            self.ensure(i);
            let top = self.top(i);
            if let Some(layout) = &self.blocks[i].layout {
                layout.glyph_runs(&self.text, self.blocks[i].rtl, top, y0 - top, y1 - top, &mut runs);
            }
        }
        runs
    }

    /// Whether the block before `block` belongs to the same paragraph.
    fn follows(&self, block: usize) -> bool {
        block > 0
            && block < self.blocks.len()
            && self.blocks[block - 1].extent.paragraph == self.blocks[block].extent.paragraph
    }

    /// Whether the block after `block` belongs to the same paragraph.
    fn continues(&self, block: usize) -> bool {
        self.follows(block + 1)
    }

    /// Document (char, byte) offsets where `block` starts at the current parameters: where the
    /// previous block's last line starts when that block is laid out and re-flowed here.
    fn start(&self, block: usize) -> (usize, usize) {
        let tail = if self.follows(block) {
            self.blocks[block - 1].tail
        } else {
            None
        };
        tail.unwrap_or_else(|| {
            let extent = &self.blocks[block].extent;
            (extent.chars.start, extent.bytes.start)
        })
    }

    /// Char offset where `block` ends (the newline after a paragraph excluded).
    fn end(&self, block: usize) -> usize {
        let b = &self.blocks[block];
        b.tail.map_or(b.extent.chars.end, |(char_offset, _)| char_offset)
    }

    fn place(&mut self, block: usize) -> BlockPlace {
        let top = self.top(block);
        let char_start = self.start(block).0;
        let b = &self.blocks[block];
        BlockPlace {
            block,
            char_start,
            newline_after: b.extent.newline_after,
            top,
            rtl: b.rtl,
        }
    }

    /// Line `line` of a block without glyphs: one of a run of empty paragraphs (laid out
    /// without shaping: each is one line high, with the paragraph gap after it).
    fn empty_line(&mut self, block: usize, line: usize) -> VisualLine {
        let place = self.place(block);
        let count = self.blocks[block].extent.empty_paragraphs.max(1);
        let height = if self.blocks[block].extent.empty_paragraphs > 0 {
            self.line_height()
        } else {
            self.blocks[block].height
        };
        let top = place.top + line as f32 * (height + PARAGRAPH_GAP * self.params.font_size);
        let start = place.char_start + line;
        let newline = line + 1 < count || place.newline_after;
        VisualLine {
            id: LineId { block, line },
            chars: start..start + usize::from(newline),
            y0: top,
            y1: top + height,
            baseline: top + height * 0.7,
            rtl: place.rtl,
            runs: Vec::new(),
        }
    }

    /// Which line of a run of empty paragraphs is at `y` (clamped to the run).
    fn empty_line_at_y(&mut self, block: usize, y: f32) -> usize {
        let pitch = self.line_height() + PARAGRAPH_GAP * self.params.font_size;
        let line = ((y - self.top(block)) / pitch).floor().max(0.0);
        (line as usize).min(self.blocks[block].extent.empty_paragraphs.saturating_sub(1))
    }

    fn is_current(&self, block: usize) -> bool {
        self.blocks.get(block).is_some_and(|b| {
            let start = self.start(block);
            b.extent.empty_paragraphs > 0
                || b.laid_from == Some(start)
                    && b.layout.as_ref().is_some_and(|layout| {
                        layout.wrapped_width().to_bits() == self.params.width.to_bits()
                            && layout.char_start() == start.0
                    })
        })
    }

    /// Lays a block out if needed (with the block before it in its paragraph, if that one's
    /// last line is not known yet: the block starts there), then records its exact height.
    fn ensure(&mut self, block: usize) {
        if block >= self.blocks.len() {
            return;
        }
        self.tick += 1;
        self.blocks[block].last_used = self.tick;
        if self.follows(block) && self.blocks[block - 1].laid_from.is_none() {
            self.blocks[block - 1].last_used = self.tick;
            self.lay_out(block - 1);
        }
        if !self.is_current(block) {
            self.lay_out(block);
        }
    }

    /// Shapes (or re-wraps) a block from its current start and records its height and tail.
    fn lay_out(&mut self, block: usize) {
        let start = self.start(block);
        let reusable = self.blocks[block]
            .layout
            .as_ref()
            .is_some_and(|layout| layout.char_start() == start.0);
        if !reusable {
            self.shape(block, start);
        }
        let width = self.params.width;
        let line_height = self.line_height();
        let text = &self.text;
        let b = &mut self.blocks[block];
        let Some(layout) = b.layout.as_mut() else { return };
        layout.wrap(text, width);
        let tail = layout.tail(text);
        // A block whose lines the next one all lays out again shows nothing (height 0).
        let shows_nothing = tail.is_some() && layout.line_count() == 0;
        let height = if !shows_nothing && (layout.line_count() == 0 || b.extent.chars.is_empty()) {
            line_height
        } else {
            layout.height()
        };
        b.laid_from = Some(start);
        if !b.exact || height.to_bits() != b.height.to_bits() {
            b.height = height;
            b.exact = true;
            self.tops_dirty = true;
        }
        if b.tail != tail {
            b.tail = tail;
            self.tail_changed(block);
        }
    }

    /// Keeps the invariant after `block`'s tail changed: the following blocks of the paragraph
    /// laid out from another start must be laid out again.
    fn tail_changed(&mut self, block: usize) {
        let mut next = block + 1;
        while self.follows(next) {
            let start = self.start(next);
            let b = &mut self.blocks[next];
            if b.laid_from.is_none() || b.laid_from == Some(start) {
                return;
            }
            b.laid_from = None;
            b.exact = false;
            self.tops_dirty = true;
            if b.tail.take().is_none() {
                return;
            }
            next += 1;
        }
    }

    fn shape(&mut self, block: usize, start: (usize, usize)) {
        let piece = TextPiece {
            char_start: start.0,
            bytes: start.1..self.blocks[block].extent.bytes.end,
            continued: self.continues(block),
        };
        let layout = BlockLayout::build(
            (&mut self.layout_cx, &mut self.font_cx),
            &self.text,
            piece,
            self.params.font_size,
            self.blocks[block].rtl,
            self.params.width,
        );
        let (advance, chars) = (layout.total_advance(), layout.char_len());
        self.measured = (self.measured.0 + advance, self.measured.1 + chars);
        self.resident_chars += chars;
        let b = &mut self.blocks[block];
        b.advance = Some(advance);
        if let Some(old) = b.layout.replace(layout) {
            self.resident_chars -= old.char_len();
        }
        self.evict_if_needed(block);
    }

    /// Drops the least recently used layouts while too many chars are shaped.
    fn evict_if_needed(&mut self, keep: usize) {
        while self.resident_chars > MAX_RESIDENT_CHARS {
            let victim = self
                .blocks
                .iter()
                .enumerate()
                .filter(|&(i, b)| i != keep && b.layout.is_some())
                .min_by_key(|(_, b)| b.last_used)
                .map(|(i, _)| i);
            let Some(victim) = victim else { return };
            if let Some(layout) = self.blocks[victim].layout.take() {
                self.resident_chars -= layout.char_len();
            }
        }
    }

    fn change_font_size(&mut self, old_size: f32) {
        let ratio = self.params.font_size / old_size;
        for block in &mut self.blocks {
            block.layout = None;
            block.advance = block.advance.map(|advance| advance * ratio);
        }
        self.measured.0 *= ratio;
        self.resident_chars = 0;
    }

    fn resolve_directions(&mut self) {
        let direction = self.params.direction;
        let mut i = 0;
        while i < self.blocks.len() {
            let paragraph = self.blocks[i].extent.paragraph;
            let end = self.blocks[i..]
                .iter()
                .position(|b| b.extent.paragraph != paragraph)
                .map_or(self.blocks.len(), |n| i + n);
            let bytes = self.blocks[i].extent.bytes.start..self.blocks[end - 1].extent.bytes.end;
            let rtl = direction.is_rtl(self.text.get(bytes).unwrap_or_default());
            for block in &mut self.blocks[i..end] {
                if block.rtl != rtl {
                    block.rtl = rtl;
                    block.layout = None;
                    block.laid_from = None;
                    block.tail = None;
                }
            }
            i = end;
        }
        self.resident_chars = self
            .blocks
            .iter()
            .filter_map(|b| b.layout.as_ref())
            .map(BlockLayout::char_len)
            .sum();
    }

    /// Marks every height as an estimate (or exact, for a block already wrapped at this width).
    fn estimate_all(&mut self) {
        let per_char = self.advance_per_char();
        let (width, line_height) = (self.params.width, self.line_height());
        let gap = PARAGRAPH_GAP * self.params.font_size;
        for i in 0..self.blocks.len() {
            let empty = self.blocks[i].extent.empty_paragraphs;
            if empty > 0 {
                // Known without laying anything out.
                let b = &mut self.blocks[i];
                b.height = empty as f32 * line_height + (empty - 1) as f32 * gap;
                b.exact = true;
                continue;
            }
            if self.is_current(i) {
                continue;
            }
            let b = &mut self.blocks[i];
            let advance = b.advance.unwrap_or(per_char * b.extent.chars.len() as f32);
            // Wrapping wastes part of each line; 5% is typical for prose.
            let lines = if width.is_finite() {
                (advance * 1.05 / width).ceil().max(1.0)
            } else {
                1.0
            };
            b.height = lines * line_height;
            b.exact = false;
        }
        self.tops_dirty = true;
    }

    fn advance_per_char(&self) -> f32 {
        match self.measured {
            (advance, chars) if chars > 0 => advance / chars as f32,
            _ => DEFAULT_ADVANCE_PER_CHAR * self.params.font_size,
        }
    }

    fn line_height(&self) -> f32 {
        LINE_HEIGHT * self.params.font_size
    }

    fn gap_after(&self, block: &Block) -> f32 {
        if block.extent.newline_after {
            PARAGRAPH_GAP * self.params.font_size
        } else {
            0.0
        }
    }

    fn refresh_tops(&mut self) {
        if !self.tops_dirty && self.tops.len() == self.blocks.len() + 1 {
            return;
        }
        let mut tops = std::mem::take(&mut self.tops);
        tops.clear();
        let mut y = 0.0;
        for block in &self.blocks {
            tops.push(y);
            y += block.height + self.gap_after(block);
        }
        tops.push(y);
        self.tops = tops;
        self.tops_dirty = false;
    }

    fn top(&mut self, block: usize) -> f32 {
        self.refresh_tops();
        self.tops.get(block).copied().unwrap_or(0.0)
    }

    /// The block at y (the one above, for a paragraph gap), clamped to the first and last.
    fn block_at_y(&mut self, y: f32) -> Option<usize> {
        self.refresh_tops();
        if self.blocks.is_empty() {
            return None;
        }
        let y = if y.is_nan() { 0.0 } else { y };
        let after = self.tops[..self.blocks.len()].partition_point(|&top| top <= y);
        Some(after.saturating_sub(1))
    }

    /// Indices of the blocks whose extent (gap included) intersects `y0..y1`.
    fn blocks_in(&mut self, y0: f32, y1: f32) -> impl Iterator<Item = usize> + use<> {
        let (Some(first), Some(last)) = (self.block_at_y(y0), self.block_at_y(y1)) else {
            return 0..0;
        };
        first..last + 1
    }

    /// The block holding the char at `char_offset` (a newline belongs to the block before it);
    /// offsets past the end give the last block.
    fn block_of_char(&self, char_offset: usize) -> Option<usize> {
        if self.blocks.is_empty() {
            return None;
        }
        let after = self.blocks.partition_point(|b| b.extent.chars.start <= char_offset);
        let mut block = after.saturating_sub(1);
        // The chars of re-flowed lines belong to the next block (or a later one, when the next
        // passes them all on).
        while self.continues(block) && self.blocks[block].tail.is_some_and(|(tail, _)| char_offset >= tail) {
            block += 1;
        }
        Some(block)
    }

    /// The block showing the char at `char_offset`, laid out (laying a block out may move
    /// where the next one starts, and so which block shows the char).
    fn ensure_block_of_char(&mut self, char_offset: usize) -> Option<usize> {
        let mut block = self.block_of_char(char_offset)?;
        for _ in 0..MAX_PREPARE_PASSES {
            self.ensure(block);
            let now = self.block_of_char(char_offset)?;
            if now == block {
                break;
            }
            block = now;
        }
        self.ensure(block);
        Some(block)
    }
}

/// Keeps parameters usable whatever the caller passes (zero, negative or NaN sizes).
fn sanitize(params: LayoutParams) -> LayoutParams {
    let font_size = if params.font_size.is_finite() {
        params.font_size.clamp(1.0, 500.0)
    } else {
        20.0
    };
    let width = if params.width.is_nan() || params.width <= 0.0 {
        1.0
    } else {
        params.width
    };
    LayoutParams {
        width,
        font_size,
        direction: params.direction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

    fn params(width: f32) -> LayoutParams {
        LayoutParams {
            width,
            ..LayoutParams::default()
        }
    }

    /// One long paragraph: the sample's paragraphs joined by spaces, repeated.
    fn long_paragraph(chars: usize) -> String {
        let joined = SAMPLE.replace('\n', " ");
        let mut text = String::new();
        while text.chars().count() < chars {
            text.push_str(&joined);
            text.push(' ');
        }
        text
    }

    #[test]
    fn nothing_is_shaped_until_needed() {
        let text = long_paragraph(200_000);
        let mut layout = DocumentLayout::new(&text, params(600.0));
        assert_eq!(layout.shaped_chars(), 0);
        assert!(layout.height() > 10_000.0, "estimated height covers the text");
        let y = layout.prepare(0.0, 800.0);
        assert!(y.abs() < f32::EPSILON);
        assert!(layout.shaped_chars() > 0 && layout.shaped_chars() <= 3 * crate::text::blocks::MAX_BLOCK_CHARS);
        assert!(!layout.glyph_runs(0.0, 800.0).is_empty());
    }

    #[test]
    fn prepare_keeps_a_laid_out_block_in_place() {
        // Paragraphs of one block each: a block's start does not depend on the block above.
        let paragraph: String = long_paragraph(1500).chars().take(1500).collect();
        let text = format!("{paragraph}\n").repeat(60);
        let mut layout = DocumentLayout::new(&text, params(500.0));
        let middle = layout.height() / 2.0;
        let y = layout.prepare(middle, middle + 600.0);
        let hit = layout.hit(250.0, y + 300.0);
        let before = layout.rects(hit.char_offset..hit.char_offset + 1);
        // Scrolling up lays out the estimated block above: its height changes, and the block
        // already on screen moves by exactly the returned shift, so it stays put on screen.
        let first_on_screen = layout.block_at_y(y).unwrap_or_default();
        assert!(!layout.is_current(first_on_screen - 1));
        let asked = layout.top(first_on_screen) - 300.0;
        let y_up = layout.prepare(asked, asked + 600.0);
        let after = layout.rects(hit.char_offset..hit.char_offset + 1);
        assert_eq!(before.len(), after.len());
        let moved = after[0].y0 - before[0].y0;
        assert!(moved.abs() > 0.01, "the estimate was corrected");
        assert!(
            (moved - (y_up - asked)).abs() < 0.01,
            "moved {moved}, reported {}",
            y_up - asked
        );
    }

    #[test]
    fn width_and_size_changes_match_a_fresh_layout() {
        let mut layout = DocumentLayout::new(SAMPLE, params(600.0));
        layout.layout_all();
        for next in [
            params(350.0),
            LayoutParams {
                font_size: 26.0,
                ..params(350.0)
            },
            LayoutParams {
                direction: Direction::Ltr,
                ..params(420.0)
            },
        ] {
            layout.set_params(next);
            let mut fresh = DocumentLayout::new(SAMPLE, next);
            assert_eq!(layout.lines(), fresh.lines());
            assert!((layout.height() - fresh.height()).abs() < 0.01);
        }
    }

    #[test]
    fn few_chars_stay_shaped_after_reading_everything() {
        let text = long_paragraph(MAX_RESIDENT_CHARS + 50_000);
        let mut layout = DocumentLayout::new(&text, params(800.0));
        let lines = layout.lines();
        assert!(layout.shaped_chars() <= MAX_RESIDENT_CHARS);
        assert_eq!(lines.first().map(|line| line.chars.start), Some(0));
        assert_eq!(lines.last().map(|line| line.chars.end), Some(layout.char_len()));
    }

    /// Lines as (chars, top) pairs, for comparing layouts cut into different blocks.
    fn breaks(layout: &mut DocumentLayout) -> Vec<(Range<usize>, f32)> {
        layout.lines().into_iter().map(|line| (line.chars, line.y0)).collect()
    }

    #[test]
    fn blocks_shorter_than_a_line_pass_their_text_on() {
        let text = long_paragraph(3000);
        let mut whole = DocumentLayout::with_max_block_chars(&text, params(700.0), usize::MAX);
        let mut lazy = DocumentLayout::with_max_block_chars(&text, params(700.0), 40);
        let expected = breaks(&mut whole);
        assert_eq!(breaks(&mut lazy), expected);
        let hidden = (0..lazy.blocks.len()).filter(|&i| lazy.blocks[i].height == 0.0).count();
        assert!(hidden > 0, "some blocks show no line");
        // Every char is found on the line that shows it, hidden blocks or not.
        for (chars, y0) in expected.iter().step_by(7) {
            let line = lazy.line_of_char(chars.start).map(|line| (line.chars, line.y0));
            assert_eq!(line, Some((chars.clone(), *y0)));
            let rects = lazy.rects(chars.start..chars.start + 1);
            assert!(rects.iter().all(|rect| (rect.y0 - y0).abs() < 0.01), "{rects:?}");
            let hit = lazy.hit(350.0, y0 + 5.0);
            assert!(chars.contains(&hit.char_offset), "{hit:?} on {chars:?}");
        }
    }

    #[test]
    fn text_without_fresh_line_starts_is_laid_out_at_bounded_cost() {
        // Digits take their font from the text before them: no line start is free of context.
        let text = "2020 18-19 (5+5) ".repeat(3000);
        let mut layout = DocumentLayout::new(&text, params(300.0));
        let lines = layout.lines();
        assert_eq!(lines.last().map(|line| line.chars.end), Some(layout.char_len()));
        for block in &layout.blocks {
            let laid_out = block.layout.as_ref().map_or(0, BlockLayout::char_len);
            assert!(
                laid_out <= MAX_BLOCK_CHARS + crate::text::block_layout::MAX_REFLOW_CHARS,
                "{laid_out} chars laid out for one block"
            );
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "\u{0301}",
            "\u{202e}abc\u{202c}",
            "\t \u{2029} x",
        ] {
            for width in [0.0, -5.0, f32::NAN, 1.0, f32::INFINITY] {
                let mut layout = DocumentLayout::new(
                    text,
                    LayoutParams {
                        width,
                        font_size: f32::NAN,
                        direction: Direction::Auto,
                    },
                );
                let lines = layout.lines();
                assert!(!lines.is_empty());
                for (x, y) in [(0.0, 0.0), (-1e9, 1e9), (f32::NAN, f32::NAN), (f32::INFINITY, -1.0)] {
                    let hit = layout.hit(x, y);
                    assert!(hit.char_offset <= layout.char_len());
                    let _ = layout.word_at_point(x, y);
                }
                let _ = layout.rects(0..usize::MAX);
                let (from, to) = (5, 2);
                assert!(layout.rects(from..to).is_empty());
                let _ = layout.line_of_char(usize::MAX);
                let _ = layout.glyph_runs(f32::NEG_INFINITY, f32::INFINITY);
            }
        }
    }
}
