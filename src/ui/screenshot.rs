//! `--screenshot PATH`: once the article is fully drawn, capture the window as a PNG and close.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Context, ViewportCommand};

/// Frames to draw before capturing: the first frames lay out, rasterize glyphs and settle
/// the scroll position.
const SETTLE_FRAMES: u32 = 5;

/// The outcome, for the process exit code: the saved path, or an error message.
pub type ScreenshotOutcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// A pending capture.
pub struct ScreenshotTask {
    path: PathBuf,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
    outcome: ScreenshotOutcome,
}

impl ScreenshotTask {
    /// Captures into `path`; the result lands in `outcome`.
    #[must_use]
    pub fn new(path: PathBuf, outcome: ScreenshotOutcome) -> Self {
        Self {
            path,
            frames: 0,
            requested: false,
            image: Arc::default(),
            outcome,
        }
    }

    /// Advances by one drawn frame; `settled` says the view needs no more layout passes.
    pub fn step(&mut self, ctx: &Context, settled: bool) {
        self.frames += 1;
        ctx.request_repaint();
        if !self.requested && settled && self.frames >= SETTLE_FRAMES {
            let slot = Arc::clone(&self.image);
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
            });
            self.requested = true;
        }
        let image = self.image.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = image {
            let result = save_png(&image, &self.path).map(|()| self.path.clone());
            if let Ok(mut outcome) = self.outcome.lock() {
                *outcome = Some(result);
            }
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

/// Writes an image as an 8-bit RGBA PNG.
pub fn save_png(image: &ColorImage, path: &Path) -> Result<(), String> {
    let error = |error: &dyn std::fmt::Display| format!("cannot write the screenshot ({error}): {}", path.display());
    let file = std::fs::File::create(path).map_err(|e| error(&e))?;
    let [width, height] = image.size;
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        u32::try_from(width).unwrap_or(0),
        u32::try_from(height).unwrap_or(0),
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_srgba_unmultiplied)
        .collect();
    let mut writer = encoder.write_header().map_err(|e| error(&e))?;
    writer.write_image_data(&rgba).map_err(|e| error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_png() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shot.png");
        let image = ColorImage::filled([3, 2], egui::Color32::RED);
        save_png(&image, &path).expect("saved");
        let bytes = std::fs::read(&path).expect("read back");
        assert!(bytes.starts_with(b"\x89PNG"));
        assert!(save_png(&image, &dir.path().join("missing/shot.png")).is_err());
    }
}
