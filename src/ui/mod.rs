//! The egui application: the article view, panels, dialogs.
pub mod annotator;
pub mod span_lanes;
