//! Starting the window from the command line: `hashiya [PATH] [--screenshot PNG]`.

use std::sync::Arc;

use crate::app::DocumentSession;
use crate::cli::WindowArgs;
use crate::ui::app::{AppOptions, HashiyaApp};
use crate::ui::folder_panel::OpenFolder;
use crate::ui::screenshot::ScreenshotOutcome;

/// The application icon (also installed by the Debian package), shown by the window manager.
const ICON_PNG: &[u8] = include_bytes!("../../assets/linux/hashiya.png");

/// Opens the window and returns the process exit code: 0 when closed normally (or the
/// screenshot was saved), 1 when the window or the screenshot failed, 2 for an unreadable
/// article (reported on stderr before any window opens).
#[must_use]
pub fn run_window(args: WindowArgs) -> i32 {
    let options = match options(args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("hashiya: {message}");
            return 2;
        }
    };
    let outcome = options
        .screenshot
        .as_ref()
        .map(|(_, outcome)| ScreenshotOutcome::clone(outcome));
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Hashiya")
        // The desktop entry's name, so that Wayland compositors find its icon.
        .with_app_id("hashiya")
        .with_inner_size([1000.0, 720.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let native = eframe::NativeOptions {
        viewport,
        persist_window: outcome.is_none(),
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        "Hashiya",
        native,
        Box::new(|cc| Ok(Box::new(HashiyaApp::new(cc, options)))),
    );
    if let Err(error) = result {
        eprintln!("hashiya: cannot open the window: {error}");
        return 1;
    }
    report_screenshot(outcome.as_ref())
}

/// The window icon decoded from the bundled PNG; `None` (no icon) if it cannot be decoded.
fn icon() -> Option<egui::IconData> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    decoder.set_transformations(png::Transformations::normalize_to_color8() | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut rgba).ok()?;
    if frame.color_type != png::ColorType::Rgba {
        return None;
    }
    rgba.truncate(frame.buffer_size());
    Some(egui::IconData {
        rgba,
        width: frame.width,
        height: frame.height,
    })
}

fn options(args: WindowArgs) -> Result<AppOptions, String> {
    let mut options = AppOptions {
        screenshot: args.screenshot.map(|path| (path, ScreenshotOutcome::default())),
        language: args.language.as_deref().and_then(crate::app::i18n::Language::from_tag),
        ..AppOptions::default()
    };
    let Some(path) = args.path else {
        return Ok(options);
    };
    if path.is_dir() {
        let folder = OpenFolder::open(&path, None).map_err(|error| error.to_string())?;
        options.session = match folder.entries.first() {
            Some(first) => Some(DocumentSession::open(&first.article).map_err(|error| error.to_string())?),
            None => return Err(format!("no .txt articles in {}", path.display())),
        };
        options.folder = Some(folder);
    } else {
        // An annotation file (a double-click in a file manager) opens with its article.
        let article = crate::io::article_path_for(&path).unwrap_or(path);
        options.session = Some(DocumentSession::open(&article).map_err(|error| error.to_string())?);
    }
    Ok(options)
}

fn report_screenshot(outcome: Option<&ScreenshotOutcome>) -> i32 {
    let Some(outcome) = outcome else { return 0 };
    match outcome.lock().ok().and_then(|mut slot| slot.take()) {
        Some(Ok(path)) => {
            println!("screenshot saved: {}", path.display());
            0
        }
        Some(Err(message)) => {
            eprintln!("hashiya: {message}");
            1
        }
        None => {
            eprintln!("hashiya: the window closed before the screenshot was taken");
            1
        }
    }
}
