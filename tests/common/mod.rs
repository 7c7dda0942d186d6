//! Shared test fixtures: a fixed annotated document built on the bundled sample article.

#![allow(dead_code)]

use hashiya::model::Document;

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

/// Char range of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("\"{needle}\" occurs fewer than {} times", nth + 1));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The sample article with its shipped example annotations
/// (`assets/samples/libya-army-leaders-meeting.ar.hashiya.ron`: every actor, quote and agreed
/// action, speaker and party links, `type` attributes, notes, actors nested in quotes).
pub fn golden_document() -> Document {
    let article =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/libya-army-leaders-meeting.ar.txt");
    let loaded = hashiya::io::load_document(&article).expect("the example annotations load");
    assert!(
        loaded.warnings.is_empty() && loaded.orphans.is_empty(),
        "{:?}",
        loaded.warnings
    );
    loaded.document
}

/// The window (through `egui_kittest`) on a fresh copy of the sample in a temporary folder, so
/// that tests never touch the user's files; one frame already run.
pub fn app_on_sample_copy(size: egui::Vec2) -> egui_kittest::Harness<'static, hashiya::ui::HashiyaApp> {
    use hashiya::app::DocumentSession;
    use hashiya::ui::{AppOptions, HashiyaApp, SAMPLE_NAME};
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let article = dir.join(SAMPLE_NAME);
    std::fs::write(&article, SAMPLE).expect("copy the sample");
    let session = DocumentSession::open(&article).expect("opens");
    let options = AppOptions {
        session: Some(session),
        ..AppOptions::default()
    };
    let mut harness = egui_kittest::Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(size);
    harness.run();
    harness
}

/// Drags with the primary button from `from` to `to` in four steps, a frame each, as a hand
/// does (egui needs the intermediate moves to see a drag).
pub fn drag<S>(harness: &mut egui_kittest::Harness<'_, S>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}
