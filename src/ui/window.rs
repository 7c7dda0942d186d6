//! Starting the window from the command line: `hashiya [ARTICLE.txt] [--screenshot PNG]`.

use std::path::{Path, PathBuf};

use crate::app::DocumentSession;
use crate::cli::args::Args;
use crate::ui::app::{AppOptions, HashiyaApp};
use crate::ui::folder_panel::OpenFolder;
use crate::ui::screenshot::ScreenshotOutcome;

/// Opens the window and returns the process exit code: 0 when closed normally (or the
/// screenshot was saved), 1 when the window or the screenshot failed, 2 for bad arguments or
/// an unreadable article (reported on stderr before any window opens).
#[must_use]
pub fn run_window(args: &[String]) -> i32 {
    let options = match parse(args) {
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
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hashiya")
            .with_inner_size([1000.0, 720.0])
            .with_drag_and_drop(true),
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

fn parse(args: &[String]) -> Result<AppOptions, String> {
    let parsed = Args::parse(args, &["screenshot"], &[])
        .map_err(|error| format!("{error} (usage: hashiya [ARTICLE.txt | FOLDER] [--screenshot PNG])"))?;
    let screenshot = parsed
        .value("screenshot")
        .map(|path| (PathBuf::from(path), ScreenshotOutcome::default()));
    let mut options = AppOptions {
        screenshot,
        ..AppOptions::default()
    };
    match parsed.positional.as_slice() {
        [] => {}
        [path] if Path::new(path).is_dir() => {
            let folder = OpenFolder::open(Path::new(path)).map_err(|error| error.to_string())?;
            options.session = match folder.entries.first() {
                Some(first) => Some(DocumentSession::open(&first.article).map_err(|error| error.to_string())?),
                None => return Err(format!("no .txt articles in {path}")),
            };
            options.folder = Some(folder);
        }
        [path] => options.session = Some(DocumentSession::open(Path::new(path)).map_err(|error| error.to_string())?),
        _ => return Err("give at most one article file or folder".to_owned()),
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
