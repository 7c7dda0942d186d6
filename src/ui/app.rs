//! [`HashiyaApp`]: the window — a menu bar and the article view. Kept small on purpose:
//! panels (annotations, links) plug in around the central article view.

use std::path::Path;

use egui::{Context, Ui, ViewportCommand};

use crate::io::load_article;
use crate::ui::actions::{AppAction, shortcut_actions};
use crate::ui::file_picker::{PathPrompt, PickPurpose, Picked, pick};
use crate::ui::menu::{MenuState, menu_bar_ui};
use crate::ui::screenshot::{ScreenshotOutcome, ScreenshotTask};
use crate::ui::settings::ViewSettings;
use crate::ui::{ArticleView, DEFAULT_FONT_SIZE};

/// The article shown when no file is given (bundled, so it opens from any directory).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");
/// Its file name.
pub const SAMPLE_NAME: &str = "libya-army-leaders-meeting.ar.txt";

/// An article's name (for the title) and text.
#[derive(Clone, Debug)]
pub struct ArticleSource {
    /// File name shown in the title bar.
    pub name: String,
    /// The text (LF line ends).
    pub text: String,
}

impl ArticleSource {
    /// The bundled sample.
    #[must_use]
    pub fn sample() -> Self {
        Self {
            name: SAMPLE_NAME.to_owned(),
            text: SAMPLE_ARTICLE.to_owned(),
        }
    }
}

/// How the window starts.
#[derive(Default)]
pub struct AppOptions {
    /// The article to show; the sample when `None`.
    pub article: Option<ArticleSource>,
    /// Capture the first fully drawn frame into this PNG and close (stored settings ignored).
    pub screenshot: Option<(std::path::PathBuf, ScreenshotOutcome)>,
}

/// The application.
pub struct HashiyaApp {
    view: ArticleView,
    title: String,
    /// A problem to show in the window (an unreadable file).
    message: Option<String>,
    settings: ViewSettings,
    /// The in-window path field, when no native file dialog is available.
    path_prompt: Option<PathPrompt>,
    screenshot: Option<ScreenshotTask>,
}

impl HashiyaApp {
    /// Creates the app (called by eframe once the window exists).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let screenshot = options
            .screenshot
            .map(|(path, outcome)| ScreenshotTask::new(path, outcome));
        let settings = if screenshot.is_some() {
            ViewSettings::default()
        } else {
            ViewSettings::load(cc.storage)
        };
        // The article view zooms its own text; egui's whole-UI zoom would fight over Ctrl+=.
        cc.egui_ctx.options_mut(|options| options.zoom_with_keyboard = false);
        let article = options.article.unwrap_or_else(ArticleSource::sample);
        let mut app = Self {
            view: ArticleView::new(&article.text),
            title: article.name,
            message: None,
            settings,
            path_prompt: None,
            screenshot,
        };
        app.view.set_font_size(settings.font_size);
        app.view.set_direction(settings.direction);
        apply_theme(&cc.egui_ctx, settings.dark);
        cc.egui_ctx
            .send_viewport_cmd(ViewportCommand::Title(app.window_title()));
        app
    }

    /// The article view.
    pub fn article_view_mut(&mut self) -> &mut ArticleView {
        &mut self.view
    }

    /// The message shown in the window, if any.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Opens an article file; a problem is shown in the window, the current article stays.
    pub fn open_path(&mut self, ctx: &Context, path: &Path) {
        match load_article(path) {
            Ok(article) => {
                self.view.set_text(&article.text);
                self.title = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                self.message = None;
                ctx.send_viewport_cmd(ViewportCommand::Title(self.window_title()));
            }
            Err(error) => self.message = Some(error.to_string()),
        }
    }

    /// Carries out a menu or shortcut action.
    pub fn apply(&mut self, ctx: &Context, action: AppAction) {
        match action {
            AppAction::Open => match pick(&PickPurpose::OpenArticle, None, None) {
                Picked::Path(path) => self.open_path(ctx, &path),
                Picked::Cancelled => {}
                Picked::Unavailable(reason) => {
                    self.path_prompt = Some(PathPrompt {
                        purpose: PickPurpose::OpenArticle,
                        reason,
                        text: String::new(),
                    });
                }
            },
            AppAction::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            AppAction::SetDirection(direction) => self.view.set_direction(direction),
            AppAction::ZoomIn => self.view.zoom_in(),
            AppAction::ZoomOut => self.view.zoom_out(),
            AppAction::ZoomReset => self.view.set_font_size(DEFAULT_FONT_SIZE),
            AppAction::SetDark(dark) => {
                self.settings.dark = dark;
                apply_theme(ctx, dark);
            }
        }
        self.settings.font_size = self.view.font_size();
        self.settings.direction = self.view.direction();
    }

    fn window_title(&self) -> String {
        format!("Hashiya — {}", self.title)
    }

    fn menu_state(&self) -> MenuState {
        MenuState {
            direction: self.view.direction(),
            dark: self.settings.dark,
        }
    }

    fn message_ui(&mut self, ui: &mut Ui) {
        let Some(message) = self.message.clone() else { return };
        egui::Panel::bottom("message").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, message);
                if ui.button("Dismiss").clicked() {
                    self.message = None;
                }
            });
        });
    }

    fn path_prompt_ui(&mut self, ctx: &Context) {
        let Some(prompt) = &mut self.path_prompt else { return };
        let (chosen, finished) = prompt.show_ui(ctx);
        if finished {
            self.path_prompt = None;
        }
        if let Some(path) = chosen {
            self.open_path(ctx, &path);
        }
    }

    fn open_dropped_files(&mut self, ctx: &Context) {
        let dropped = ctx.input(|input| input.raw.dropped_files.first().map(|file| file.path().to_path_buf()));
        if let Some(path) = dropped.filter(|path| !path.as_os_str().is_empty()) {
            self.open_path(ctx, &path);
        }
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = shortcut_actions(&ctx);
        actions.extend(
            egui::Panel::top("menu_bar")
                .show(ui, |ui| menu_bar_ui(ui, self.menu_state()))
                .inner,
        );
        self.message_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| self.view.show_ui(ui, &[]));
        self.path_prompt_ui(&ctx);
        for action in actions {
            self.apply(&ctx, action);
        }
        self.settings.font_size = self.view.font_size();
        self.open_dropped_files(&ctx);
        if let Some(task) = &mut self.screenshot {
            task.step(&ctx, self.view.is_settled());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            self.settings.save(storage);
        }
    }
}

fn apply_theme(ctx: &Context, dark: bool) {
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
}
