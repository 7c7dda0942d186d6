//! The egui application: the article view, panels, dialogs.
