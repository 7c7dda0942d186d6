//! The interface language inside egui: the window's language (kept in the context, so that
//! every `_ui` function finds it), its catalogue, the font order it needs, and its strings
//! arranged for egui's widgets, which have no bidi.

use std::sync::{Arc, OnceLock};

use egui::{Align, Context, FontData, FontDefinitions, FontFamily, Id, Layout};

use crate::app::i18n::{Arg, Catalogue, Language};
use crate::model::Status;
use crate::text::fonts::{NOTO_NASKH_ARABIC, NOTO_SANS};
use crate::text::shaper_order::for_run_shaper;

fn key() -> Id {
    Id::unique("hashiya.language")
}

/// The language the window shows.
#[must_use]
pub fn language(ctx: &Context) -> Language {
    ctx.data(|data| data.get_temp(key())).unwrap_or_default()
}

/// Switches the window to `language` from the next frame on: strings, fonts, mirroring.
pub fn set_language(ctx: &Context, language: Language) {
    ctx.data_mut(|data| data.insert_temp(key(), language));
    install_fonts(ctx, language);
}

/// egui's own widgets (menus, buttons) fall back to the bundled Noto fonts, so Arabic in a
/// file name has glyphs. In the Arabic interface the Arabic font comes first: spaces, digits
/// and the punctuation it has then stay in one run with the Arabic words around them, which
/// egui shapes right to left as a whole (see [`Tr::arrange`]).
fn install_fonts(ctx: &Context, language: Language) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [("noto-sans", NOTO_SANS), ("noto-naskh-arabic", NOTO_NASKH_ARABIC)] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.push("noto-sans".to_owned());
        if language.is_rtl() {
            list.insert(0, "noto-naskh-arabic".to_owned());
        } else {
            list.push("noto-naskh-arabic".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// Whether the bundled Arabic font has a glyph for `c`.
fn arabic_font_has(c: char) -> bool {
    static FONT: OnceLock<Option<swash::FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| swash::FontRef::from_index(NOTO_NASKH_ARABIC, 0))
        .is_some_and(|font| font.charmap().map(c) != 0)
}

/// The window's strings in its language.
#[derive(Clone, Copy)]
pub struct Tr {
    catalogue: &'static Catalogue,
}

impl Tr {
    /// The strings of the language `ctx` shows.
    #[must_use]
    pub fn of(ctx: &Context) -> Self {
        Self::new(language(ctx))
    }

    /// The strings of `language`.
    #[must_use]
    pub fn new(language: Language) -> Self {
        Self {
            catalogue: Catalogue::get(language),
        }
    }

    /// The language.
    #[must_use]
    pub fn language(self) -> Language {
        self.catalogue.language()
    }

    /// Whether the interface runs right to left.
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self.language().is_rtl()
    }

    /// Message `id` for an egui widget (button, menu, window title).
    #[must_use]
    pub fn t(self, id: &str) -> String {
        self.arrange(&self.catalogue.tr(id))
    }

    /// Message `id` with `args` for an egui widget.
    #[must_use]
    pub fn t_args(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.arrange(&self.catalogue.tr_args(id, args))
    }

    /// Message `id` as it is, for the bidi label and the status bar (they do their own bidi).
    #[must_use]
    pub fn raw(self, id: &str) -> String {
        self.catalogue.tr(id)
    }

    /// Message `id` with `args`, as it is.
    #[must_use]
    pub fn raw_args(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.catalogue.tr_args(id, args)
    }

    /// A composed text for an egui widget: in the right-to-left interface, arranged so that
    /// egui, which lays out font runs left to right, draws it in bidi order
    /// ([`for_run_shaper`]); Arabic words and spaces alone come back unchanged.
    #[must_use]
    pub fn arrange(self, text: &str) -> String {
        if self.is_rtl() {
            // Each line is its own paragraph.
            text.split('\n')
                .map(|line| for_run_shaper(line, arabic_font_has))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            text.to_owned()
        }
    }

    /// The layout of a row of widgets: from the right in the right-to-left interface.
    #[must_use]
    pub fn row_layout(self) -> Layout {
        if self.is_rtl() {
            Layout::right_to_left(Align::Center)
        } else {
            Layout::left_to_right(Align::Center)
        }
    }

    /// The layout of a column of widgets: aligned to the right in the right-to-left interface.
    #[must_use]
    pub fn column_layout(self) -> Layout {
        if self.is_rtl() {
            Layout::top_down(Align::Max)
        } else {
            Layout::top_down(Align::Min)
        }
    }
}

/// The catalogue id of a document status.
#[must_use]
pub fn status_id(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "status-not-started",
        Status::InProgress => "status-in-progress",
        Status::Done => "status-done",
    }
}

/// A label for a text [`Tr::arrange`] made: kept on one line in a right-to-left interface,
/// since egui would wrap the rearranged text with its first line last; wrapped as usual
/// otherwise.
pub fn one_line_label_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let label = egui::Label::new(text);
    if language(ui.ctx()).is_rtl() {
        ui.add(label.extend())
    } else {
        ui.add(label)
    }
}

/// The widest a right-aligned column of a window or dialog grows.
const WINDOW_COLUMN_WIDTH: f32 = 480.0;

/// The contents of a window or dialog: right-aligned in a right-to-left interface. A window
/// sizes itself from its contents, so a right-aligned column gets a width of its own to
/// align to (egui has none to give it: its cursor would start at infinity).
pub fn window_column_ui(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui)) {
    // The sizing pass of a new window measures its contents in unbounded space, where a
    // right-aligned widget would sit at infinity.
    if !language(ui.ctx()).is_rtl() || ui.is_sizing_pass() {
        add_contents(ui);
        return;
    }
    let available = ui.available_width();
    let width = if available.is_finite() {
        available.min(WINDOW_COLUMN_WIDTH)
    } else {
        WINDOW_COLUMN_WIDTH
    };
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Max), |ui| {
        ui.set_min_width(width);
        add_contents(ui);
    });
}

/// A row of widgets, from the right in a right-to-left interface: `ui.horizontal` (or
/// `horizontal_wrapped` with `wrap`) in the interface's direction, one line high to begin
/// with, as egui's own rows are.
pub fn row_ui<R>(ui: &mut egui::Ui, wrap: bool, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::vec2(ui.available_size_before_wrap().x, ui.spacing().interact_size.y);
    let layout = Tr::of(ui.ctx()).row_layout().with_main_wrap(wrap);
    ui.allocate_ui_with_layout(size, layout, add_contents).inner
}
