//! Label colours on screen: one schema colour gives a tint behind text and an underline that
//! read on light and dark themes alike.

use egui::Color32;

use crate::model::Rgb;

/// The label's colour, opaque (text, underlines, swatches).
#[must_use]
pub fn label_color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The translucent tint drawn behind a span's glyphs; stronger when the span is selected or
/// hovered.
#[must_use]
pub fn span_fill(rgb: Rgb, emphasized: bool) -> Color32 {
    let alpha = if emphasized { 110 } else { 45 };
    Color32::from_rgba_unmultiplied(rgb.0, rgb.1, rgb.2, alpha)
}
