//! The editing model of a text field: parley's [`PlainEditor`] (bidi, shaping, visual caret
//! movement, selection, IME composition) with the paragraph direction taken from the content,
//! an undo history, and the geometry a painter needs (glyph runs, caret, selection) in the
//! field's own coordinates. No egui here: the widget (`ui::bidi_text_field`) turns events into
//! [`Edit`]s and paints the [`FieldView`].
//!
//! Byte offsets stay inside this module; what it answers is in chars and logical pixels.

use std::num::NonZeroUsize;
use std::ops::Range;

use parley::editing::{PlainEditor, PlainEditorDriver};
use parley::{
    Alignment, BaseDirection, BoundingBox, FontContext, FontFamily, Layout, LayoutContext, LineHeight,
    PositionedLayoutItem, StyleProperty,
};

use crate::text::block_layout::Brush;
use crate::text::fonts::FAMILY;
use crate::text::geometry::{GlyphRun, PositionedGlyph};
use crate::text::{FontHandle, first_strong_is_rtl, fonts};

/// Line height as a multiple of the font size: fixed, so that a field keeps its height and
/// baseline when Arabic (taller in Naskh) is typed into a Latin text.
pub const LINE_HEIGHT: f32 = 1.7;
/// Undo steps kept per field.
const MAX_UNDO: usize = 100;
/// Width of the caret as a fraction of the font size.
const CARET_WIDTH: f32 = 0.1;

/// The font and layout contexts every field shapes with (one font setup, shared).
pub struct FieldFonts {
    font_cx: FontContext,
    layout_cx: LayoutContext<Brush>,
}

impl Default for FieldFonts {
    fn default() -> Self {
        Self {
            font_cx: fonts::font_context(),
            layout_cx: LayoutContext::new(),
        }
    }
}

/// A place to move the caret to, in the layout's visual order where that differs from the
/// logical one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One cluster left on screen.
    Left,
    /// One cluster right on screen.
    Right,
    /// To the next word boundary left on screen.
    WordLeft,
    /// To the next word boundary right on screen.
    WordRight,
    /// To the start of the visual line (its right end in a right-to-left paragraph).
    LineStart,
    /// To the end of the visual line.
    LineEnd,
    /// One line up (multi-line fields).
    Up,
    /// One line down (multi-line fields).
    Down,
    /// To the start of the text.
    TextStart,
    /// To the end of the text.
    TextEnd,
}

/// One thing the user does to a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Types or pastes text, replacing the selection.
    Insert(String),
    /// Deletes the selection or the char before the caret (a whole word with `word`).
    Backspace {
        /// Back to the previous word boundary.
        word: bool,
    },
    /// Deletes the selection or the cluster after the caret (a whole word with `word`).
    Delete {
        /// Up to the next word boundary.
        word: bool,
    },
    /// Moves the caret, or the selection's moving end with `extend`.
    Move {
        /// Where to.
        motion: Motion,
        /// Keep the anchor: extend the selection.
        extend: bool,
    },
    /// Selects the whole text.
    SelectAll,
    /// A click at a point (field coordinates); with `extend`, a Shift-click.
    Click {
        /// Point x.
        x: f32,
        /// Point y.
        y: f32,
        /// Extend the selection to the point.
        extend: bool,
    },
    /// A drag to a point: the selection's moving end follows.
    DragTo {
        /// Point x.
        x: f32,
        /// Point y.
        y: f32,
    },
    /// A double click: selects the word at the point.
    SelectWordAt {
        /// Point x.
        x: f32,
        /// Point y.
        y: f32,
    },
    /// A triple click: selects the line at the point.
    SelectLineAt {
        /// Point x.
        x: f32,
        /// Point y.
        y: f32,
    },
    /// Selects a char range (anchor, then moving end).
    SelectChars(Range<usize>),
    /// Deletes chars around the caret (an input method asks).
    DeleteSurrounding {
        /// Chars before the caret.
        before: usize,
        /// Chars after the caret.
        after: usize,
    },
    /// Replaces the whole text (assistive technologies set a value).
    SetValue(String),
    /// Shows an input method's composition (pre-edit) text; `cursor` is a char range inside it.
    Compose {
        /// The pre-edit text (not yet part of the value).
        text: String,
        /// Where the input method puts the caret (or selection) inside the pre-edit text.
        cursor: Option<Range<usize>>,
    },
    /// Ends a composition with its final text (empty: nothing is inserted).
    CommitCompose(String),
    /// Drops the composition text.
    CancelCompose,
    /// Undoes the last edit.
    Undo,
    /// Redoes the last undone edit.
    Redo,
}

/// What kind of change an edit made, to group typing into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    None,
    Typing,
    Deleting,
}

/// A state to go back to.
#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    text: String,
    /// Anchor and focus, in bytes.
    selection: (usize, usize),
}

/// A rectangle in field coordinates (logical pixels from the text's top-left).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FieldRect {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl From<BoundingBox> for FieldRect {
    fn from(b: BoundingBox) -> Self {
        Self {
            x0: b.x0 as f32,
            y0: b.y0 as f32,
            x1: b.x1 as f32,
            y1: b.y1 as f32,
        }
    }
}

/// Everything needed to paint a field, in field coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldView {
    /// The glyphs, composition text included.
    pub runs: Vec<GlyphRun>,
    /// Left and right edge of what is drawn (text and caret positions), which may start
    /// left of 0 in a right-to-left paragraph.
    pub extent: (f32, f32),
    /// Height of the text.
    pub height: f32,
    /// Height of one line.
    pub line_height: f32,
    /// The caret, where the next char appears (`None` while an input method hides it).
    pub caret: Option<FieldRect>,
    /// The selected parts.
    pub selection: Vec<FieldRect>,
    /// The composition text, to underline.
    pub composition: Vec<FieldRect>,
    /// Where an input method's candidate window must not cover.
    pub ime_area: FieldRect,
    /// Whether the paragraph runs right to left.
    pub rtl: bool,
}

/// A field's text being edited; see the module comment.
#[derive(Clone)]
pub struct FieldEditor {
    editor: PlainEditor<Brush>,
    multiline: bool,
    /// Direction of a text without strong chars (empty): the interface's.
    fallback_rtl: bool,
    rtl: bool,
    font_size: f32,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    group: Group,
}

impl FieldEditor {
    /// An empty field at `font_size`; `multiline` keeps newlines (else they become spaces).
    #[must_use]
    pub fn new(font_size: f32, multiline: bool) -> Self {
        let mut editor = PlainEditor::new(font_size);
        let styles = editor.edit_styles();
        styles.insert(StyleProperty::FontFamily(FontFamily::Source(FAMILY.into())));
        styles.insert(StyleProperty::LineHeight(LineHeight::FontSizeRelative(LINE_HEIGHT)));
        editor.set_alignment(Alignment::Start);
        editor.set_base_direction(BaseDirection::Ltr);
        Self {
            editor,
            multiline,
            fallback_rtl: false,
            rtl: false,
            font_size,
            undo: Vec::new(),
            redo: Vec::new(),
            group: Group::None,
        }
    }

    /// The value: the text without any composition in progress.
    #[must_use]
    pub fn text(&self) -> String {
        self.editor.text().to_string()
    }

    /// Whether an input method is composing.
    #[must_use]
    pub fn is_composing(&self) -> bool {
        self.editor.is_composing()
    }

    /// Whether the paragraph runs right to left (from its first strong char).
    #[must_use]
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// Replaces the text from outside (the caller's string changed); the history starts over.
    pub fn set_text(&mut self, fonts: &mut FieldFonts, text: &str) {
        let text = self.clean(text);
        self.editor.set_text(&text);
        self.undo.clear();
        self.redo.clear();
        self.group = Group::None;
        self.update_direction(fonts);
        let end = self.editor.raw_text().len();
        self.driver(fonts).move_to_byte(end);
    }

    /// Sets the font size (points).
    pub fn set_font_size(&mut self, font_size: f32) {
        if font_size.to_bits() != self.font_size.to_bits() {
            self.font_size = font_size;
            self.editor.edit_styles().insert(StyleProperty::FontSize(font_size));
        }
    }

    /// Sets the width lines wrap at (`None`: never, for one-line fields).
    pub fn set_wrap_width(&mut self, width: Option<f32>) {
        self.editor.set_width(width);
    }

    /// Sets the direction of a text without strong chars (the interface's direction).
    pub fn set_fallback_rtl(&mut self, fonts: &mut FieldFonts, rtl: bool) {
        if rtl != self.fallback_rtl {
            self.fallback_rtl = rtl;
            self.update_direction(fonts);
        }
    }

    /// The selection as chars: (anchor, moving end).
    #[must_use]
    pub fn selection_chars(&self) -> (usize, usize) {
        let selection = self.editor.raw_selection();
        let text = self.editor.raw_text();
        (
            char_offset(text, selection.anchor().index()),
            char_offset(text, selection.focus().index()),
        )
    }

    /// The selected text in logical order (what Copy puts on the clipboard).
    #[must_use]
    pub fn selected_text(&self) -> Option<String> {
        self.editor.selected_text().map(str::to_owned)
    }

    /// Applies `edit`; returns whether the value changed.
    pub fn edit(&mut self, fonts: &mut FieldFonts, edit: Edit) -> bool {
        let before = self.text();
        let snapshot = self.snapshot();
        // Typing one char at a time is one undo step per word (a space starts the next);
        // a paste, a word deletion or a replaced value is a step of its own.
        let (group, new_step) = match &edit {
            Edit::Insert(text) => (
                Group::Typing,
                text.starts_with(char::is_whitespace) || text.chars().count() > 1,
            ),
            Edit::Backspace { word: false } | Edit::Delete { word: false } => (Group::Deleting, false),
            _ => (Group::None, true),
        };
        match edit {
            Edit::Undo => return self.undo_redo(fonts, true),
            Edit::Redo => return self.undo_redo(fonts, false),
            edit => self.perform(fonts, edit),
        }
        self.update_direction(fonts);
        let changed = self.text() != before;
        if changed {
            if new_step || group != self.group {
                self.push_undo(snapshot);
            }
            self.redo.clear();
            self.group = group;
        } else if !self.is_composing() {
            self.group = Group::None;
        }
        changed
    }

    fn perform(&mut self, fonts: &mut FieldFonts, edit: Edit) {
        let multiline = self.multiline;
        let clean = |text: &str| clean_text(text, multiline);
        let mut driver = self.driver(fonts);
        match edit {
            Edit::Insert(text) => {
                driver.finish_compose();
                driver.insert_or_replace_selection(&clean(&text));
            }
            Edit::Backspace { word } => {
                if word {
                    driver.backdelete_word();
                } else {
                    driver.backdelete();
                }
            }
            Edit::Delete { word } => {
                if word {
                    driver.delete_word();
                } else {
                    driver.delete();
                }
            }
            Edit::Move { motion, extend } => move_caret(&mut driver, motion, extend),
            Edit::SelectAll => driver.select_all(),
            Edit::Click { x, y, extend } => {
                if extend {
                    driver.shift_click_extension(x, y);
                } else {
                    driver.move_to_point(x, y);
                }
            }
            Edit::DragTo { x, y } => driver.extend_selection_to_point(x, y),
            Edit::SelectWordAt { x, y } => driver.select_word_at_point(x, y),
            Edit::SelectLineAt { x, y } => driver.select_line_at_point(x, y),
            Edit::SelectChars(range) => {
                let text = driver.editor.raw_text();
                let (start, end) = (byte_offset(text, range.start), byte_offset(text, range.end));
                driver.select_byte_range(start, end);
            }
            Edit::DeleteSurrounding { before, after } => delete_surrounding(&mut driver, before, after),
            Edit::SetValue(text) => {
                driver.clear_compose();
                driver.select_all();
                driver.insert_or_replace_selection(&clean(&text));
            }
            Edit::Compose { text, cursor } => {
                if text.is_empty() {
                    driver.clear_compose();
                } else {
                    let text = clean(&text);
                    let cursor = cursor.map_or((text.len(), text.len()), |range| {
                        (byte_offset(&text, range.start), byte_offset(&text, range.end))
                    });
                    driver.set_compose(&text, Some(cursor));
                }
            }
            Edit::CommitCompose(text) => {
                driver.clear_compose();
                if !text.is_empty() {
                    driver.insert_or_replace_selection(&clean(&text));
                }
            }
            Edit::CancelCompose => driver.clear_compose(),
            Edit::Undo | Edit::Redo => {}
        }
    }

    fn undo_redo(&mut self, fonts: &mut FieldFonts, undo: bool) -> bool {
        if self.is_composing() {
            return false;
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(target) = from.pop() else {
            return false;
        };
        to.push(Snapshot {
            text: self.editor.raw_text().to_owned(),
            selection: byte_selection(&self.editor),
        });
        self.editor.set_text(&target.text);
        self.update_direction(fonts);
        let (anchor, focus) = target.selection;
        self.driver(fonts).select_byte_range(anchor, focus);
        self.group = Group::None;
        true
    }

    fn push_undo(&mut self, snapshot: Snapshot) {
        if self.undo.len() >= MAX_UNDO {
            self.undo.remove(0);
        }
        self.undo.push(snapshot);
    }

    fn snapshot(&self) -> Snapshot {
        let mut text = self.editor.raw_text().to_owned();
        if let Some(compose) = self.editor.raw_compose() {
            text.replace_range(compose.clone(), "");
        }
        Snapshot {
            selection: byte_selection(&self.editor),
            text,
        }
    }

    fn clean(&self, text: &str) -> String {
        clean_text(text, self.multiline)
    }

    /// Sets the paragraph direction from the first strong char (rules P2/P3), the interface's
    /// direction for text without one.
    fn update_direction(&mut self, fonts: &mut FieldFonts) {
        let rtl = first_strong_is_rtl(self.editor.raw_text()).unwrap_or(self.fallback_rtl);
        if rtl != self.rtl || self.editor.base_direction() == BaseDirection::Auto {
            self.rtl = rtl;
            self.editor
                .set_base_direction(if rtl { BaseDirection::Rtl } else { BaseDirection::Ltr });
        }
        self.editor.refresh_layout(&mut fonts.font_cx, &mut fonts.layout_cx);
    }

    fn driver<'a>(&'a mut self, fonts: &'a mut FieldFonts) -> PlainEditorDriver<'a, Brush> {
        self.editor.driver(&mut fonts.font_cx, &mut fonts.layout_cx)
    }

    /// The geometry to paint, laid out anew if needed.
    pub fn view(&mut self, fonts: &mut FieldFonts) -> FieldView {
        self.update_direction(fonts);
        let font_size = self.font_size;
        let caret = self
            .editor
            .cursor_geometry((font_size * CARET_WIDTH).max(1.0))
            .map(|rect| {
                // Centred on the char boundary, so that it does not cover the glyph after it.
                let half = ((rect.x1 - rect.x0) / 2.0) as f32;
                let rect = FieldRect::from(rect);
                FieldRect {
                    x0: rect.x0 - half,
                    x1: rect.x1 - half,
                    ..rect
                }
            });
        let selection = self
            .editor
            .selection_geometry()
            .into_iter()
            .map(|(rect, _)| FieldRect::from(rect))
            .collect();
        let ime_area = FieldRect::from(self.editor.ime_cursor_area());
        let composition = self.composition_rects();
        let layout = self.editor.layout(&mut fonts.font_cx, &mut fonts.layout_cx);
        let runs = glyph_runs(layout);
        let line_height = layout
            .lines()
            .next()
            .map_or(font_size * LINE_HEIGHT, |line| line.metrics().line_height);
        let mut extent = (0.0_f32, layout.full_width().max(layout.width()));
        for rect in caret.iter().chain(&selection) {
            extent = (extent.0.min(rect.x0), extent.1.max(rect.x1));
        }
        for glyph in runs.iter().flat_map(|run| &run.glyphs) {
            extent = (extent.0.min(glyph.x), extent.1.max(glyph.x));
        }
        FieldView {
            runs,
            extent,
            height: layout.height().max(line_height),
            line_height,
            caret,
            selection,
            composition,
            ime_area,
            rtl: self.rtl,
        }
    }

    fn composition_rects(&self) -> Vec<FieldRect> {
        let Some(compose) = self.editor.raw_compose().clone() else {
            return Vec::new();
        };
        let Some(layout) = self.editor.try_layout() else {
            return Vec::new();
        };
        let selection = parley::editing::Selection::new(
            parley::editing::Cursor::from_byte_index(layout, compose.start, parley::Affinity::Downstream),
            parley::editing::Cursor::from_byte_index(layout, compose.end, parley::Affinity::Upstream),
        );
        selection
            .geometry(layout)
            .into_iter()
            .map(|(rect, _)| FieldRect::from(rect))
            .collect()
    }
}

fn move_caret(driver: &mut PlainEditorDriver<'_, Brush>, motion: Motion, extend: bool) {
    match (motion, extend) {
        (Motion::Left, false) => driver.move_left(),
        (Motion::Left, true) => driver.select_left(),
        (Motion::Right, false) => driver.move_right(),
        (Motion::Right, true) => driver.select_right(),
        (Motion::WordLeft, false) => driver.move_word_left(),
        (Motion::WordLeft, true) => driver.select_word_left(),
        (Motion::WordRight, false) => driver.move_word_right(),
        (Motion::WordRight, true) => driver.select_word_right(),
        (Motion::LineStart, false) => driver.move_to_line_start(),
        (Motion::LineStart, true) => driver.select_to_line_start(),
        (Motion::LineEnd, false) => driver.move_to_line_end(),
        (Motion::LineEnd, true) => driver.select_to_line_end(),
        (Motion::Up, false) => driver.move_up(),
        (Motion::Up, true) => driver.select_up(),
        (Motion::Down, false) => driver.move_down(),
        (Motion::Down, true) => driver.select_down(),
        (Motion::TextStart, false) => driver.move_to_text_start(),
        (Motion::TextStart, true) => driver.select_to_text_start(),
        (Motion::TextEnd, false) => driver.move_to_text_end(),
        (Motion::TextEnd, true) => driver.select_to_text_end(),
    }
}

fn delete_surrounding(driver: &mut PlainEditorDriver<'_, Brush>, before: usize, after: usize) {
    let text = driver.editor.raw_text();
    let range = driver.editor.raw_selection().text_range();
    let before_bytes: usize = text[..range.start].chars().rev().take(before).map(char::len_utf8).sum();
    let after_bytes: usize = text[range.end..].chars().take(after).map(char::len_utf8).sum();
    if let Some(len) = NonZeroUsize::new(after_bytes) {
        driver.delete_bytes_after_selection(len);
    }
    if let Some(len) = NonZeroUsize::new(before_bytes) {
        driver.delete_bytes_before_selection(len);
    }
}

/// The glyphs of every line, positioned in layout coordinates.
fn glyph_runs(layout: &Layout<Brush>) -> Vec<GlyphRun> {
    let mut runs = Vec::new();
    for line in layout.lines() {
        for item in line.items() {
            let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                continue;
            };
            let run = glyph_run.run();
            runs.push(GlyphRun {
                font: FontHandle::new(run.font().clone()),
                font_size: run.font_size(),
                glyphs: glyph_run
                    .positioned_glyphs()
                    .map(|glyph| PositionedGlyph {
                        id: glyph.id,
                        x: glyph.x,
                        y: glyph.y,
                    })
                    .collect(),
            });
        }
    }
    runs
}

fn byte_selection(editor: &PlainEditor<Brush>) -> (usize, usize) {
    let selection = editor.raw_selection();
    (selection.anchor().index(), selection.focus().index())
}

/// One-line fields take pasted newlines as spaces; tabs are kept out of every field.
fn clean_text(text: &str, multiline: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\t', " ");
    if multiline {
        text.replace('\r', "\n")
    } else {
        text.replace(['\r', '\n'], " ")
    }
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte)
        .map_or_else(|| text.chars().count(), |prefix| prefix.chars().count())
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(byte, _)| byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(fonts: &mut FieldFonts, text: &str) -> FieldEditor {
        let mut field = FieldEditor::new(20.0, false);
        for c in text.chars() {
            field.edit(fonts, Edit::Insert(c.to_string()));
        }
        field
    }

    /// Left edges of the glyphs of each font, in screen order.
    fn glyph_xs(view: &FieldView) -> Vec<f32> {
        let mut xs: Vec<f32> = view.runs.iter().flat_map(|r| r.glyphs.iter().map(|g| g.x)).collect();
        xs.sort_by(f32::total_cmp);
        xs
    }

    #[test]
    fn arabic_text_runs_right_to_left_and_the_caret_is_at_its_left_end() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "قالت");
        let view = field.view(&mut fonts);
        assert!(view.rtl);
        let caret = view.caret.expect("a caret");
        let xs = glyph_xs(&view);
        assert!(
            f32::midpoint(caret.x0, caret.x1) <= xs[0] + 0.5,
            "caret {caret:?} left of the glyphs {xs:?}"
        );
        assert_eq!(field.text(), "قالت");
    }

    #[test]
    fn digits_and_brackets_keep_their_order_in_an_arabic_line() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "قالت 2020 (5+5)");
        let view = field.view(&mut fonts);
        assert!(view.rtl);
        // Noto Sans draws the digits and brackets; Naskh the Arabic word, right of them.
        let arabic_left = view
            .runs
            .iter()
            .filter(|r| r.glyphs.len() >= 3 && r.font.bytes().len() == fonts::NOTO_NASKH_ARABIC.len())
            .flat_map(|r| r.glyphs.iter().map(|g| g.x))
            .fold(f32::INFINITY, f32::min);
        let latin_right = view
            .runs
            .iter()
            .filter(|r| r.font.bytes().len() == fonts::NOTO_SANS.len())
            .flat_map(|r| r.glyphs.iter().map(|g| g.x))
            .fold(f32::NEG_INFINITY, f32::max);
        assert!(arabic_left.is_finite() && latin_right.is_finite());
        assert!(
            latin_right < arabic_left,
            "digits {latin_right} left of the word {arabic_left}"
        );
        // The caret (after the logically last char, the closing bracket of «(5+5)») is at the
        // line's left end, where the next letter would appear.
        let caret = view.caret.expect("a caret");
        assert!(
            f32::midpoint(caret.x0, caret.x1) <= glyph_xs(&view)[0] + 0.5,
            "{caret:?}"
        );
    }

    #[test]
    fn arrows_move_in_visual_order() {
        let mut fonts = FieldFonts::default();
        let right = Edit::Move {
            motion: Motion::Right,
            extend: false,
        };
        let left = Edit::Move {
            motion: Motion::Left,
            extend: false,
        };
        // Right-to-left: the caret after the last char is at the left end; → goes back
        // logically, ← at the left end stays.
        let mut arabic = typed(&mut fonts, "قالت");
        arabic.edit(&mut fonts, left.clone());
        assert_eq!(arabic.selection_chars(), (4, 4));
        arabic.edit(&mut fonts, right.clone());
        assert_eq!(arabic.selection_chars(), (3, 3));
        let mut latin = typed(&mut fonts, "abc");
        latin.edit(&mut fonts, right);
        assert_eq!(latin.selection_chars(), (3, 3));
        latin.edit(&mut fonts, left);
        assert_eq!(latin.selection_chars(), (2, 2));
        // Home is the line's start: the right end of an Arabic line.
        arabic.edit(
            &mut fonts,
            Edit::Move {
                motion: Motion::LineStart,
                extend: false,
            },
        );
        assert_eq!(arabic.selection_chars(), (0, 0));
        let view = arabic.view(&mut fonts);
        let caret = view.caret.expect("a caret");
        assert!(
            caret.x1 >= view.extent.1 - 0.5,
            "{caret:?} at the right end of {view:?}"
        );
    }

    #[test]
    fn empty_text_takes_the_interface_direction() {
        let mut fonts = FieldFonts::default();
        let mut field = FieldEditor::new(14.0, false);
        assert!(!field.view(&mut fonts).rtl);
        field.set_fallback_rtl(&mut fonts, true);
        assert!(field.view(&mut fonts).rtl);
        field.edit(&mut fonts, Edit::Insert("Hello".into()));
        assert!(!field.is_rtl(), "a Latin text runs left to right anyway");
    }

    #[test]
    fn shift_arrows_in_mixed_text_select_the_logical_text() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "قالت 2020");
        // The caret is after "2020" (logically last); the digits sit left of the Arabic word.
        // Moving right on screen from the line's left end walks into the digits.
        field.edit(
            &mut fonts,
            Edit::Move {
                motion: Motion::LineStart,
                extend: false,
            },
        );
        field.edit(
            &mut fonts,
            Edit::Move {
                motion: Motion::TextEnd,
                extend: false,
            },
        );
        for _ in 0..4 {
            field.edit(
                &mut fonts,
                Edit::Move {
                    motion: Motion::Left,
                    extend: true,
                },
            );
        }
        let selected = field.selected_text().expect("a selection");
        assert_eq!(selected.chars().count(), 4, "{selected:?}");
        assert!("قالت 2020".contains(&selected));
    }

    #[test]
    fn undo_and_redo_restore_whole_words() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "قالت المستشارة");
        assert!(field.edit(&mut fonts, Edit::Undo));
        assert_eq!(field.text(), "قالت");
        assert!(field.edit(&mut fonts, Edit::Undo));
        assert_eq!(field.text(), "");
        assert!(field.edit(&mut fonts, Edit::Redo));
        assert!(field.edit(&mut fonts, Edit::Redo));
        assert_eq!(field.text(), "قالت المستشارة");
        assert!(!field.edit(&mut fonts, Edit::Redo), "nothing left to redo");
    }

    #[test]
    fn composition_is_not_the_value_until_committed() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "ab");
        field.edit(
            &mut fonts,
            Edit::Compose {
                text: "ق".into(),
                cursor: None,
            },
        );
        assert!(field.is_composing());
        assert_eq!(field.text(), "ab");
        assert_eq!(field.view(&mut fonts).composition.len(), 1);
        field.edit(
            &mut fonts,
            Edit::Compose {
                text: "قا".into(),
                cursor: Some(2..2),
            },
        );
        assert!(field.edit(&mut fonts, Edit::CommitCompose("قال".into())));
        assert!(!field.is_composing());
        assert_eq!(field.text(), "abقال");
        assert!(field.edit(&mut fonts, Edit::Undo));
        assert_eq!(field.text(), "ab");
    }

    #[test]
    fn one_line_fields_take_pasted_newlines_as_spaces() {
        let mut fonts = FieldFonts::default();
        let mut one = FieldEditor::new(14.0, false);
        one.edit(&mut fonts, Edit::Insert("a\nb".into()));
        assert_eq!(one.text(), "a b");
        let mut many = FieldEditor::new(14.0, true);
        many.edit(&mut fonts, Edit::Insert("a\r\nb".into()));
        assert_eq!(many.text(), "a\nb");
    }

    #[test]
    fn deleting_around_the_caret_counts_chars() {
        let mut fonts = FieldFonts::default();
        let mut field = typed(&mut fonts, "قالت");
        field.edit(&mut fonts, Edit::SelectChars(2..2));
        field.edit(&mut fonts, Edit::DeleteSurrounding { before: 1, after: 1 });
        assert_eq!(field.text(), "قت");
        field.edit(&mut fonts, Edit::SelectAll);
        assert_eq!(field.selection_chars(), (0, 2));
        assert!(field.edit(&mut fonts, Edit::Backspace { word: false }));
        assert_eq!(field.text(), "");
    }
}
