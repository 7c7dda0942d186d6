//! Labels for article text outside the article view (the side panel, tooltips), drawn with
//! the article's fonts and bidi, because egui's labels would show Arabic with digits reversed.
//! Short texts stay on one line; long ones wrap to the available width.

use std::collections::HashMap;

use egui::{Color32, Response, Sense, Shape, Ui, vec2};

use crate::text::{LineShaper, ShapedLine};
use crate::ui::glyph_atlas::GlyphAtlas;
use crate::ui::text_painter::glyph_mesh;

/// Shaped lines kept between frames; the cache is dropped whole past this many entries.
const MAX_CACHED_LINES: usize = 4096;

/// Draws short bidi texts as egui widgets; one per window, reused every frame.
#[derive(Default)]
pub struct BidiLabels {
    shaper: LineShaper,
    atlas: GlyphAtlas,
    /// Shaped texts by (text, font size, wrap width) bits; the width is infinite on one line.
    cache: HashMap<(String, u32, u32), ShapedLine>,
    /// Whether the interface runs right to left: its own messages then read right to left
    /// even when they start with a Latin word (a file name, "UTF-8").
    interface_rtl: bool,
}

/// LEFT-TO-RIGHT MARK: makes the paragraph of an interface message left to right whatever its
/// first letter.
const LRM: char = '\u{200E}';
/// RIGHT-TO-LEFT MARK: a strong right-to-left character with no glyph, which makes the
/// paragraph of an interface message right to left (rules P2/P3).
const RLM: char = '\u{200F}';

impl BidiLabels {
    /// Starts a frame (the theme decides how glyphs are rasterized; the interface language
    /// the direction of messages).
    pub fn begin_frame(&mut self, dark: bool, interface_rtl: bool) {
        self.atlas.begin_frame(dark);
        self.interface_rtl = interface_rtl;
    }

    /// Shows a message of the interface (the status bar, a count) on one line, tinted
    /// `color`, in the interface's direction.
    pub fn message_ui(&mut self, ui: &mut Ui, text: &str, color: Color32) -> Response {
        let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
        self.show_message_ui(ui, text, (font_size, f32::INFINITY), color)
    }

    /// Shows a message of the interface wrapped to the available width, tinted `color`, in
    /// the interface's direction.
    pub fn wrapped_message_ui(&mut self, ui: &mut Ui, text: &str, color: Color32) -> Response {
        let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
        let width = ui.available_width().floor().max(40.0);
        self.show_message_ui(ui, text, (font_size, width), color)
    }

    fn show_message_ui(&mut self, ui: &mut Ui, text: &str, size: (f32, f32), color: Color32) -> Response {
        // A mark of the interface's direction first, so that a message starting with a name in
        // the other script («الحداد (E2)» in the English interface) still reads in its order.
        let mark = if self.interface_rtl { RLM } else { LRM };
        let response = self.show_ui(ui, &format!("{mark}{text}"), size, color);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        response
    }

    /// Shows `text` on one line at the body font size, in the text colour.
    pub fn label_ui(&mut self, ui: &mut Ui, text: &str) -> Response {
        let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
        let color = ui.visuals().text_color();
        self.colored_label_ui(ui, text, font_size, color)
    }

    /// Shows `text` at the body font size, wrapped to the available width: for texts of any
    /// length (a selected quote), which must not widen the panel they are in.
    pub fn wrapped_label_ui(&mut self, ui: &mut Ui, text: &str) -> Response {
        let font_size = egui::TextStyle::Body.resolve(ui.style()).size;
        let color = ui.visuals().text_color();
        // Whole points, so that a panel resized by a fraction does not reshape every frame.
        let width = ui.available_width().floor().max(40.0);
        self.show_ui(ui, text, (font_size, width), color)
    }

    /// Shows `text` on one line at `font_size`, tinted `color`.
    pub fn colored_label_ui(&mut self, ui: &mut Ui, text: &str, font_size: f32, color: Color32) -> Response {
        self.show_ui(ui, text, (font_size, f32::INFINITY), color)
    }

    fn show_ui(&mut self, ui: &mut Ui, text: &str, (font_size, width): (f32, f32), color: Color32) -> Response {
        if self.cache.len() > MAX_CACHED_LINES {
            self.cache.clear();
        }
        let key = (text.to_owned(), font_size.to_bits(), width.to_bits());
        let line = self
            .cache
            .entry(key)
            .or_insert_with(|| self.shaper.shape_wrapped(text, font_size, width));
        let (rect, response) = ui.allocate_exact_size(vec2(line.width.ceil(), line.height.ceil()), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
        if ui.is_rect_visible(rect) {
            let mesh = glyph_mesh(ui.ctx(), &mut self.atlas, &line.runs, rect.min.to_vec2(), color);
            ui.painter().add(Shape::mesh(mesh));
        }
        response
    }
}
