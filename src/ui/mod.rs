//! The egui application: the article view, panels, dialogs.

pub mod annotator;
pub mod article_source;
pub mod colors;
pub mod file_picker;
pub mod session;
pub mod shortcuts;
pub mod span_lanes;
pub mod span_list;
pub mod unsaved_prompt;
