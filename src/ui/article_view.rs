//! The article view: the text laid out by [`DocumentLayout`](crate::text::DocumentLayout)
//! (bidi, shaping, wrapping), painted as one glyph mesh with only the visible blocks laid out,
//! scrolled vertically, zoomable, with mouse selection and caller-supplied decorations.

use std::cell::OnceCell;
use std::ops::Range;

use egui::{Color32, CursorIcon, Event, Painter, Pos2, Rect, Response, ScrollArea, Sense, Shape, Ui, Vec2, vec2};

use crate::text::caret::{self, Caret, Motion};
use crate::text::clitics::Lexicon;
use crate::text::{Affinity, Direction, DocumentLayout, LayoutParams, LineRect, Words};
use crate::ui::article_response::{ArticleClick, ArticleResponse};
use crate::ui::decoration::Decoration;
use crate::ui::glyph_atlas::GlyphAtlas;
use crate::ui::selection::Selection;
use crate::ui::text_painter::glyph_mesh;

/// The accessible name of the view in English (tests find it by this label); the catalogue's
/// `article-label` in other languages.
pub const ARTICLE_LABEL: &str = "Article";
/// Font size at zoom 100 %.
pub const DEFAULT_FONT_SIZE: f32 = 20.0;
/// Smallest and largest font sizes zoom allows.
pub const FONT_SIZE_RANGE: (f32, f32) = (8.0, 72.0);
/// Zoom step of Ctrl+= / Ctrl+-.
const ZOOM_STEP: f32 = 1.1;
/// Blank margin around the text, in points.
const PADDING: f32 = 16.0;
/// Where a line scrolled to lands, as a fraction of the viewport height.
const SCROLL_TARGET_FRACTION: f32 = 0.3;

/// Where to scroll on the next frame.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ScrollRequest {
    /// An absolute scroll offset.
    Offset(f32),
    /// Bring a char into view (if not visible already).
    Char(usize),
    /// Put the line of a char at the top (keeps the reading position across a zoom or resize).
    CharAtTop(usize),
}

/// The article view widget. Owns the layout of the text; the caller owns the text's meaning
/// (annotations) and passes it in as [`Decoration`]s each frame.
pub struct ArticleView {
    layout: DocumentLayout,
    atlas: GlyphAtlas,
    selection: Option<Selection>,
    /// The keyboard caret: placed by a click, moved by the arrow keys (visual order).
    caret: Option<Caret>,
    /// Whether a drag selection snaps to whole words (Alt+drag keeps exact chars).
    snap_drag_to_words: bool,
    /// Whether snapped selections leave out attached prefixes (و ف ب ك ل).
    leave_out_prefixes: bool,
    /// The text's words, built at the first snapped selection that needs them.
    lexicon: OnceCell<Lexicon>,
    scroll_request: Option<ScrollRequest>,
    /// Screen position of the text's (0, 0) in the last frame.
    origin: Pos2,
    /// Visible part of the text in layout coordinates, last frame.
    visible: Rect,
}

impl ArticleView {
    /// A view of `text` at the default font size, direction auto.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            layout: DocumentLayout::new(
                text,
                LayoutParams {
                    width: 600.0,
                    font_size: DEFAULT_FONT_SIZE,
                    direction: Direction::Auto,
                },
            ),
            atlas: GlyphAtlas::new(),
            selection: None,
            caret: None,
            snap_drag_to_words: false,
            leave_out_prefixes: false,
            lexicon: OnceCell::new(),
            scroll_request: Some(ScrollRequest::Offset(0.0)),
            origin: Pos2::ZERO,
            visible: Rect::NOTHING,
        }
    }

    /// Shows another text (selection cleared, scrolled to the top; zoom and direction kept).
    pub fn set_text(&mut self, text: &str) {
        self.layout.set_text(text);
        self.lexicon = OnceCell::new();
        self.selection = None;
        self.caret = None;
        self.scroll_request = Some(ScrollRequest::Offset(0.0));
    }

    /// A word start reached by Ctrl+arrow, moved past the word's attached prefixes when they
    /// are left out (as snapped selections leave them out): from «وإبعاد» the caret stops
    /// before «إبعاد». A caret already there goes on to the word before.
    fn past_prefixes(&mut self, from: Caret, word_start: Caret, motion: Motion) -> Caret {
        if !self.leave_out_prefixes {
            return word_start;
        }
        let stem = self.words().stem_start(word_start.char_offset);
        if stem < from.char_offset {
            return Caret::downstream(stem);
        }
        let before = caret::move_caret(&mut self.layout, word_start, motion);
        if before.char_offset < word_start.char_offset {
            Caret::downstream(self.words().stem_start(before.char_offset))
        } else {
            word_start
        }
    }

    /// The keyboard caret, once a click or a key placed it.
    #[must_use]
    pub fn caret(&self) -> Option<Caret> {
        self.caret
    }

    /// Moves the caret by `motion` (from the first visible char when there is none yet) and
    /// scrolls it into view; `extend` (Shift) selects from where the selection started, or
    /// from the caret, to where it lands; otherwise the selection is cleared.
    pub fn move_caret(&mut self, motion: Motion, extend: bool) {
        let from = self
            .caret
            .unwrap_or_else(|| Caret::downstream(self.visible_chars().start));
        let motion = match motion {
            Motion::Page { down, .. } => Motion::Page {
                down,
                height: (self.visible.height() - 2.0 * PADDING).max(40.0),
            },
            other => other,
        };
        let mut to = caret::move_caret(&mut self.layout, from, motion);
        if matches!(motion, Motion::Word { .. })
            && to.affinity == Affinity::Downstream
            && to.char_offset < from.char_offset
        {
            to = self.past_prefixes(from, to, motion);
        }
        self.selection = extend.then(|| Selection {
            anchor: self.selection.map_or(from.char_offset, |selection| selection.anchor),
            focus: to.char_offset,
            snap_to_words: false,
        });
        self.caret = Some(to);
        self.scroll_request = Some(ScrollRequest::Char(to.char_offset));
    }

    /// The text shown.
    #[must_use]
    pub fn text(&self) -> &str {
        self.layout.text()
    }

    /// The layout, for queries the view does not wrap (coordinates are layout coordinates:
    /// add [`ArticleView::origin`] for the screen).
    pub fn layout_mut(&mut self) -> &mut DocumentLayout {
        &mut self.layout
    }

    /// Screen position of the layout's (0, 0) in the last frame.
    #[must_use]
    pub fn origin(&self) -> Pos2 {
        self.origin
    }

    /// The font size (zoom).
    #[must_use]
    pub fn font_size(&self) -> f32 {
        self.layout.params().font_size
    }

    /// Sets the font size, clamped to [`FONT_SIZE_RANGE`], keeping the reading position.
    pub fn set_font_size(&mut self, font_size: f32) {
        let font_size = if font_size.is_finite() {
            font_size
        } else {
            DEFAULT_FONT_SIZE
        };
        let font_size = font_size.clamp(FONT_SIZE_RANGE.0, FONT_SIZE_RANGE.1);
        if (font_size - self.font_size()).abs() > f32::EPSILON {
            self.keep_top_char();
            self.layout.set_params(LayoutParams {
                font_size,
                ..self.layout.params()
            });
        }
    }

    /// Zooms in one step.
    pub fn zoom_in(&mut self) {
        self.set_font_size(self.font_size() * ZOOM_STEP);
    }

    /// Zooms out one step.
    pub fn zoom_out(&mut self) {
        self.set_font_size(self.font_size() / ZOOM_STEP);
    }

    /// Back to the default font size.
    pub fn zoom_reset(&mut self) {
        self.set_font_size(DEFAULT_FONT_SIZE);
    }

    /// The paragraph direction setting.
    #[must_use]
    pub fn direction(&self) -> Direction {
        self.layout.params().direction
    }

    /// Changes the paragraph direction setting.
    pub fn set_direction(&mut self, direction: Direction) {
        if direction != self.direction() {
            self.keep_top_char();
            self.layout.set_params(LayoutParams {
                direction,
                ..self.layout.params()
            });
        }
    }

    /// Whether snapped selections (drags, double-clicks) leave out attached prefixes when the
    /// rest is a word (`text::clitics`).
    pub fn set_leave_out_prefixes(&mut self, leave_out: bool) {
        self.leave_out_prefixes = leave_out;
    }

    /// Word queries over the text, knowing its words when prefixes are left out.
    fn words(&self) -> Words<'_> {
        let words = self.layout.words();
        if self.leave_out_prefixes {
            words.with_lexicon(self.lexicon.get_or_init(|| Lexicon::from_text(self.layout.text())))
        } else {
            words
        }
    }

    /// Whether drag selections snap to whole words (Alt+drag then keeps exact chars).
    pub fn set_snap_drag_to_words(&mut self, snap: bool) {
        self.snap_drag_to_words = snap;
    }

    /// Whether the last frame needed no further layout pass (no scroll correction pending).
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.scroll_request.is_none()
    }

    /// The selected char range, if not empty.
    #[must_use]
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.and_then(|selection| selection.range(self.words()))
    }

    /// Selects `range` (clamped to the text), or clears the selection with `None`.
    pub fn set_selection(&mut self, range: Option<Range<usize>>) {
        let len = self.layout.char_len();
        self.selection = range.map(|range| Selection::of_range(range.start.min(len)..range.end.min(len)));
    }

    /// Scrolls so that the char at `char_offset` is visible (next frame).
    pub fn scroll_to_char(&mut self, char_offset: usize) {
        self.scroll_request = Some(ScrollRequest::Char(char_offset));
    }

    /// Screen rectangles of a char range as laid out in the last frame (one or more per line).
    pub fn char_rects(&mut self, char_range: Range<usize>) -> Vec<Rect> {
        let origin = self.origin.to_vec2();
        self.layout
            .rects(char_range)
            .iter()
            .map(|rect| line_rect(rect).translate(origin))
            .collect()
    }

    /// The chars of the lines visible in the last frame.
    pub fn visible_chars(&mut self) -> Range<usize> {
        let lines = self.layout.lines_in(self.visible.min.y, self.visible.max.y);
        let start = lines.first().map_or(0, |line| line.chars.start);
        start..lines.last().map_or(start, |line| line.chars.end)
    }

    /// Shows the view filling the available space, with `decorations` drawn around the text.
    pub fn show_ui(&mut self, ui: &mut Ui, decorations: &[Decoration]) -> ArticleResponse {
        let mut scroll_area = ScrollArea::vertical().id_salt("article").auto_shrink(false);
        if let Some(ScrollRequest::Offset(offset)) = self.scroll_request {
            scroll_area = scroll_area.vertical_scroll_offset(offset.max(0.0));
            self.scroll_request = None;
        }
        scroll_area
            .show_viewport(ui, |ui, viewport| self.content_ui(ui, viewport, decorations))
            .inner
    }

    fn content_ui(&mut self, ui: &mut Ui, viewport: Rect, decorations: &[Decoration]) -> ArticleResponse {
        self.set_width((ui.available_width() - 2.0 * PADDING).max(40.0));
        let asked = viewport.translate(-vec2(PADDING, PADDING));
        let y0 = self.layout.prepare(asked.min.y, asked.max.y);
        self.visible = asked.translate(vec2(0.0, y0 - asked.min.y));
        if (y0 - asked.min.y).abs() > 0.5 {
            // Blocks above got their real heights: keep the text on screen where it was.
            self.request_scroll(ui, ScrollRequest::Offset(viewport.min.y + y0 - asked.min.y));
        }
        self.resolve_scroll_request(ui, viewport.height());
        let size = vec2(ui.available_width(), self.layout.height() + 2.0 * PADDING);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let name = crate::ui::language::Tr::of(ui.ctx()).raw("article-label");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Article, true, &name));
        self.origin = rect.min + vec2(PADDING, PADDING);
        let result = self.interact_ui(ui, response);
        self.paint_ui(ui, decorations);
        result
    }

    fn set_width(&mut self, width: f32) {
        let params = self.layout.params();
        if (params.width - width).abs() > 0.5 {
            self.keep_top_char();
            self.layout.set_params(LayoutParams { width, ..params });
        }
    }

    /// Remembers the first visible char so that a re-layout keeps it at the top.
    fn keep_top_char(&mut self) {
        if self.scroll_request.is_none() && self.visible.is_positive() && self.visible.min.y > 0.0 {
            let top = self.layout.hit(0.0, self.visible.min.y).char_offset;
            self.scroll_request = Some(ScrollRequest::CharAtTop(top));
        }
    }

    fn request_scroll(&mut self, ui: &Ui, request: ScrollRequest) {
        self.scroll_request = Some(request);
        ui.ctx().request_repaint();
    }

    fn resolve_scroll_request(&mut self, ui: &Ui, viewport_height: f32) {
        let Some(request) = self.scroll_request else { return };
        let (char_offset, at_top) = match request {
            ScrollRequest::Offset(_) => return,
            ScrollRequest::Char(offset) => (offset, false),
            ScrollRequest::CharAtTop(offset) => (offset, true),
        };
        self.scroll_request = None;
        let Some(line) = self.layout.line_of_char(char_offset) else {
            return;
        };
        let visible = line.y0 >= self.visible.min.y && line.y1 <= self.visible.max.y;
        if at_top {
            self.request_scroll(ui, ScrollRequest::Offset(line.y0 + PADDING));
        } else if !visible {
            let offset = line.y0 + PADDING - viewport_height * SCROLL_TARGET_FRACTION;
            self.request_scroll(ui, ScrollRequest::Offset(offset));
        }
    }

    fn interact_ui(&mut self, ui: &Ui, response: Response) -> ArticleResponse {
        let before = self.selection();
        let hovered_char = response.hover_pos().and_then(|pos| self.char_at(pos));
        if hovered_char.is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }
        let modifiers = ui.input(|input| input.modifiers);
        self.drag_select(ui, &response, modifiers);
        let clicked = self.click(&response, modifiers);
        self.zoom_with_wheel(ui, &response);
        self.copy_selection(ui, &response);
        let selection = self.selection();
        ArticleResponse {
            response,
            hovered_char,
            clicked,
            selection_changed: selection != before,
            selection,
        }
    }

    /// The char drawn at a screen point, if the point is on one.
    fn char_at(&mut self, pos: Pos2) -> Option<usize> {
        let local = pos - self.origin.to_vec2();
        let hit = self.layout.hit(local.x, local.y);
        let on_char = self
            .layout
            .rects(hit.char_offset..hit.char_offset + 1)
            .iter()
            .any(|rect| line_rect(rect).contains(local));
        on_char.then_some(hit.char_offset)
    }

    fn caret_at(&mut self, pos: Pos2) -> usize {
        let local = pos - self.origin.to_vec2();
        self.layout.hit(local.x, local.y).caret_offset
    }

    fn drag_select(&mut self, ui: &Ui, response: &Response, modifiers: egui::Modifiers) {
        let snap = self.snap_drag_to_words && !modifiers.alt;
        if response.drag_started_by(egui::PointerButton::Primary) {
            let origin = ui.input(|input| input.pointer.press_origin());
            let anchor = match (modifiers.shift, self.selection) {
                (true, Some(selection)) => selection.anchor,
                _ => origin.map_or(0, |pos| self.caret_at(pos)),
            };
            self.selection = Some(Selection {
                anchor,
                focus: anchor,
                snap_to_words: snap,
            });
        }
        if response.dragged_by(egui::PointerButton::Primary)
            && let Some(pos) = response.interact_pointer_pos()
        {
            let focus = self.drag_focus(pos, snap);
            if let Some(selection) = &mut self.selection {
                selection.focus = focus;
                selection.snap_to_words = snap;
            }
            self.caret = Some(Caret::downstream(focus));
            autoscroll(ui, pos);
        }
    }

    /// Where a drag's focus goes. Snapped drags take the char under the pointer, whole: at a
    /// direction change a caret position can sit on either side of a run (the left edge of
    /// «2020» inside Arabic is the number's logical start), and the reader means the word they
    /// point at.
    fn drag_focus(&mut self, pos: Pos2, snap: bool) -> usize {
        let anchor = self.selection.map_or(0, |selection| selection.anchor);
        match self.char_at(pos).filter(|_| snap) {
            Some(char_offset) if char_offset >= anchor => char_offset + 1,
            Some(char_offset) => char_offset,
            None => self.caret_at(pos),
        }
    }

    fn click(&mut self, response: &Response, modifiers: egui::Modifiers) -> Option<ArticleClick> {
        let double = response.double_clicked();
        if !(response.clicked() || double) {
            return None;
        }
        let pos = response.interact_pointer_pos()?;
        let char_offset = self.char_at(pos);
        let caret_offset = self.caret_at(pos);
        let local = pos - self.origin.to_vec2();
        let hit = self.layout.hit(local.x, local.y);
        self.caret = Some(Caret {
            char_offset: hit.caret_offset,
            affinity: hit.affinity,
        });
        if double {
            let words = self.words();
            let word = char_offset.map(|offset| words.snap_to_words(words.word_at(offset)));
            self.selection = word
                .filter(|word| {
                    !self
                        .layout
                        .char_index()
                        .slice(self.layout.text(), word.clone())
                        .trim()
                        .is_empty()
                })
                .map(Selection::of_range);
        } else if modifiers.shift {
            let anchor = self.selection.map_or(caret_offset, |selection| selection.anchor);
            self.selection = Some(Selection {
                anchor,
                focus: caret_offset,
                snap_to_words: self.snap_drag_to_words && !modifiers.alt,
            });
        } else {
            self.selection = None;
        }
        Some(ArticleClick {
            char_offset,
            caret_offset,
            modifiers,
            double,
        })
    }

    fn zoom_with_wheel(&mut self, ui: &Ui, response: &Response) {
        let zoom = ui.input(egui::InputState::zoom_delta);
        if response.contains_pointer() && (zoom - 1.0).abs() > 1e-3 {
            // egui's Ctrl+wheel factor is steep for text (about ×1.4 a notch); soften it.
            self.set_font_size(self.font_size() * zoom.sqrt());
        }
    }

    fn copy_selection(&mut self, ui: &Ui, response: &Response) {
        let focus_elsewhere = ui.memory(|memory| memory.focused().is_some_and(|id| id != response.id));
        let copy = ui.input(|input| input.events.iter().any(|event| matches!(event, Event::Copy)));
        if copy
            && !focus_elsewhere
            && let Some(range) = self.selection()
        {
            let text = self.layout.char_index().slice(self.layout.text(), range).to_owned();
            ui.ctx().copy_text(text);
        }
    }

    fn paint_ui(&mut self, ui: &Ui, decorations: &[Decoration]) {
        let painter = ui.painter();
        let visible_chars = self.visible_chars();
        let shown: Vec<(&Decoration, Vec<Rect>)> = decorations
            .iter()
            .filter(|decoration| overlaps(&decoration.char_range, &visible_chars))
            .map(|decoration| {
                let range = clamp_range(&decoration.char_range, &visible_chars);
                (decoration, self.char_rects(range))
            })
            .collect();
        for (decoration, rects) in &shown {
            decoration.paint_fill(painter, rects);
        }
        self.paint_selection(painter, ui.visuals().selection.bg_fill);
        let runs = self.layout.glyph_runs(self.visible.min.y, self.visible.max.y);
        self.atlas.begin_frame(ui.visuals().dark_mode);
        let color = article_text_color(ui.visuals());
        let mesh = glyph_mesh(ui.ctx(), &mut self.atlas, &runs, self.origin.to_vec2(), color);
        painter.add(Shape::mesh(mesh));
        for (decoration, rects) in &shown {
            decoration.paint_underline(painter, rects);
        }
        self.paint_caret(painter, color);
    }

    /// The caret: a thin bar at the edge of the char it sticks to (drawn without blinking,
    /// so that an idle window stays idle).
    fn paint_caret(&mut self, painter: &Painter, color: Color32) {
        let Some(caret) = self.caret else { return };
        let (Some(x), Some(line)) = (
            caret::caret_x(&mut self.layout, caret),
            caret::line_of_caret(&mut self.layout, caret),
        ) else {
            return;
        };
        if line.y1 < self.visible.min.y || line.y0 > self.visible.max.y {
            return;
        }
        let origin = self.origin.to_vec2();
        let top = Pos2::new(x, line.y0) + origin;
        let bottom = Pos2::new(x, line.y1) + origin;
        painter.line_segment([top, bottom], egui::Stroke::new(2.0, color));
    }

    fn paint_selection(&mut self, painter: &Painter, color: Color32) {
        let Some(range) = self.selection() else { return };
        let visible = self.visible_chars();
        if !overlaps(&range, &visible) {
            return;
        }
        for rect in self.char_rects(clamp_range(&range, &visible)) {
            painter.rect_filled(rect, 0.0, color);
        }
    }
}

/// The theme's text colour, a little stronger: body text of an article reads better with more
/// contrast than egui's labels have.
fn article_text_color(visuals: &egui::Visuals) -> Color32 {
    visuals.text_color().lerp_to_gamma(visuals.strong_text_color(), 0.6)
}

fn line_rect(rect: &LineRect) -> Rect {
    Rect::from_min_max(Pos2::new(rect.x0, rect.y0), Pos2::new(rect.x1, rect.y1))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn clamp_range(range: &Range<usize>, to: &Range<usize>) -> Range<usize> {
    range.start.max(to.start)..range.end.min(to.end)
}

/// Scrolls while a drag selection goes past the top or bottom of the visible area.
fn autoscroll(ui: &Ui, pointer: Pos2) {
    let clip = ui.clip_rect();
    let delta = if pointer.y < clip.min.y {
        clip.min.y - pointer.y
    } else if pointer.y > clip.max.y {
        clip.max.y - pointer.y
    } else {
        return;
    };
    ui.scroll_with_delta(Vec2::new(0.0, delta.clamp(-40.0, 40.0)));
}
