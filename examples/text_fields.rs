//! The bidi text field on its own, for a visual check (`screenshots/text-fields.png`):
//! `cargo run --example text_fields -- out.png [zoom]` draws a few fields with Arabic, mixed and
//! Latin text (the first focused, its caret after the last char typed), saves the window as a
//! PNG and exits. Under Xvfb: `Xvfb :99 & DISPLAY=:99 LIBGL_ALWAYS_SOFTWARE=1 cargo run
//! --example text_fields -- out.png`.

#![allow(clippy::unwrap_used)] // an example

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{ColorImage, ViewportCommand};
use hashiya::ui::bidi_text_field::BidiTextField;

/// Frames drawn before the capture (layout, glyph rasterizing, focus).
const SETTLE_FRAMES: u32 = 5;

struct Fields {
    phrase: String,
    latin: String,
    empty: String,
    note: String,
    path: PathBuf,
    zoom: f32,
    frames: u32,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl eframe::App for Fields {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.frames == 0 {
            ui.ctx().set_zoom_factor(self.zoom);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("BidiTextField");
            let focused = ui.add(
                BidiTextField::singleline(&mut self.phrase)
                    .label("Arabic and numbers")
                    .desired_width(360.0),
            );
            if self.frames == 1 {
                focused.request_focus();
            }
            ui.add(
                BidiTextField::singleline(&mut self.latin)
                    .label("Latin")
                    .desired_width(360.0),
            );
            ui.add(
                BidiTextField::singleline(&mut self.empty)
                    .hint_text("text or label")
                    .label("Empty")
                    .desired_width(360.0),
            );
            ui.add(
                BidiTextField::multiline(&mut self.note)
                    .label("Note")
                    .desired_rows(3)
                    .desired_width(360.0),
            );
        });
        self.frames += 1;
        ui.ctx().request_repaint();
        if self.frames == SETTLE_FRAMES {
            let slot = Arc::clone(&self.image);
            ui.ctx()
                .request_screenshot(move |image| *slot.lock().unwrap() = Some(image));
        }
        if let Some(image) = self.image.lock().unwrap().take() {
            if let Err(error) = hashiya::ui::save_png(&image, &self.path) {
                eprintln!("{error}");
            }
            ui.ctx().send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("text-fields.png"), PathBuf::from);
    // An optional zoom factor, for a close look at carets and brackets.
    let zoom: f32 = std::env::args().nth(2).and_then(|z| z.parse().ok()).unwrap_or(1.0);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([400.0, 260.0]),
        ..Default::default()
    };
    let fields = Fields {
        phrase: "قالت 2020 (5+5)".to_owned(),
        latin: "T4 Actor (5+5) قادة".to_owned(),
        empty: String::new(),
        note: "سعدت بما خلص إليه الاجتماع بين الفريق الحداد والفريق أول الناظوري (5+5) في 2020".to_owned(),
        path,
        zoom,
        frames: 0,
        image: Arc::default(),
    };
    eframe::run_native("text fields", options, Box::new(|_| Ok(Box::new(fields))))
}
