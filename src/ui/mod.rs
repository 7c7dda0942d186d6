//! The egui application: the article view, panels, dialogs. The only layer that imports egui.

mod actions;
pub mod annotator;
mod app;
mod article_response;
mod article_view;
pub mod colors;
mod decoration;
pub mod file_picker;
mod glyph_atlas;
mod menu;
mod screenshot;
mod selection;
pub mod session;
mod settings;
pub mod shortcuts;
pub mod span_lanes;
pub mod span_list;
mod text_painter;
pub mod unsaved_prompt;
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
