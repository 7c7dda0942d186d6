//! The egui application: the article view, panels, dialogs.

pub mod article_source;
