//! The egui application: the article view, panels, dialogs.
pub mod span_lanes;
