//! The egui application: the article view, panels, dialogs. The only layer that imports egui.

mod actions;
mod app;
mod article_response;
pub mod article_source;
mod article_view;
mod decoration;
mod glyph_atlas;
mod menu;
mod open_dialog;
mod screenshot;
mod selection;
mod settings;
mod text_painter;
mod window;

pub use actions::AppAction;
pub use app::{AppOptions, ArticleSource, HashiyaApp, SAMPLE_ARTICLE, SAMPLE_NAME};
pub use article_response::{ArticleClick, ArticleResponse};
pub use article_view::{ARTICLE_LABEL, ArticleView, DEFAULT_FONT_SIZE, FONT_SIZE_RANGE};
pub use decoration::Decoration;
pub use glyph_atlas::{GlyphAtlas, GlyphQuad};
pub use screenshot::{ScreenshotOutcome, save_png};
pub use selection::Selection;
pub use settings::ViewSettings;
pub use window::run_window;
