//! The annotation checks in the real window: the status bar counts the problems, F8 and
//! Shift+F8 walk them (selecting each span), the Problems window selects a span by click,
//! and marking the document done asks first while problems remain.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::DocumentSession;
use hashiya::model::{SpanId, Status};
use hashiya::ui::{AppOptions, HashiyaApp};

/// The window on a copy of the checks fixture (seven problems, see `tests/data/checks/`).
fn app_on_fixture() -> Harness<'static, HashiyaApp> {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/checks");
    for name in ["problems.txt", "problems.hashiya.ron"] {
        std::fs::copy(fixture.join(name), dir.join(name)).expect("copies the fixture");
    }
    let session = DocumentSession::open(&dir.join("problems.txt")).expect("opens");
    let options = AppOptions {
        session: Some(session),
        ..AppOptions::default()
    };
    // Selecting a span scrolls the article to it with an animation: more frames than the
    // default (`app_with` allows them).
    common::app_with(options)
}

fn selected(harness: &Harness<'_, HashiyaApp>) -> Option<u64> {
    harness.state().annotator().selected.map(|SpanId(id)| id)
}

#[test]
fn f8_and_shift_f8_walk_the_problems_and_say_what_is_wrong() {
    let mut harness = app_on_fixture();
    harness.get_by_label("7 problems");
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(selected(&harness), Some(2), "the quote without a speaker comes first");
    let message = harness.state().message().expect("a message").to_owned();
    assert!(
        message.starts_with("missing-link: Quote «الجيش موحد» has no speaker"),
        "{message}"
    );
    for expected in [3, 5, 6, 8, 7] {
        harness.key_press(Key::F8);
        harness.run();
        assert_eq!(selected(&harness), Some(expected));
    }
    // Span 7 has two problems: F8 stays on it for the second, then wraps to the first.
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(selected(&harness), Some(7));
    assert!(harness.state().message().is_some_and(|m| m.starts_with("span-edge")));
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(selected(&harness), Some(2));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    harness.run();
    assert_eq!(selected(&harness), Some(7), "Shift+F8 wraps back");
}

#[test]
fn the_problems_window_selects_a_span_and_an_edit_updates_it() {
    let mut harness = app_on_fixture();
    harness.get_by_label("7 problems").click();
    harness.run();
    harness.get_by_label("Problems");
    harness.get_by_label("duplicate-span").click();
    harness.run();
    assert_eq!(selected(&harness), Some(5));
    // Deleting the duplicate leaves six problems.
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("6 problems");
    assert!(harness.query_by_label("duplicate-span").is_none());
}

#[test]
fn marking_done_asks_first_while_problems_remain() {
    let mut harness = app_on_fixture();
    let set_done = |harness: &mut Harness<'_, HashiyaApp>| {
        harness.get_by_label("Annotate").click();
        harness.run();
        harness.get_by_label("Document status").hover();
        harness.run();
        harness.get_by_label("done").click();
        harness.run();
    };
    set_done(&mut harness);
    harness.get_by_label("Mark as done?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().session().document().meta().status, Status::InProgress);
    set_done(&mut harness);
    harness.get_by_label("Mark as done").click();
    harness.run();
    assert_eq!(harness.state().session().document().meta().status, Status::Done);
}

#[test]
fn the_span_list_shows_a_missing_speaker_as_a_gap_and_rows_jump_to_spans() {
    let mut harness = app_on_fixture();
    // Quote 2 has no speaker, quote 6 has one; the action 7 one party of two.
    assert_eq!(harness.query_all_by_label("speaker -> ?").count(), 1);
    harness.get_by_label("party -> ?");
    harness.get_by_label("speaker -> ?").click();
    harness.run();
    assert_eq!(selected(&harness), Some(2));
    // A link row selects the span the link goes to.
    harness.get_by_label("speaker ->").click();
    harness.run();
    assert_eq!(selected(&harness), Some(1));
}
