//! egui's own widgets (menus, buttons, file names in the status bar) fall back to the bundled
//! Noto fonts, so Arabic in a file name has glyphs. Those widgets have no bidi: article text is
//! drawn by the article view or `BidiLabels`, and every text field is a `BidiTextField`.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::text::fonts::{NOTO_NASKH_ARABIC, NOTO_SANS};

/// Adds the bundled fonts after egui's defaults in every family.
pub fn install_fallback_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [("noto-sans", NOTO_SANS), ("noto-naskh-arabic", NOTO_NASKH_ARABIC)] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
