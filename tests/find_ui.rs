//! The find bar in the real window: Ctrl+F, a query typed in Arabic, "label matches" walked
//! with one key for all, and one undo for the whole walk.

#![allow(missing_docs, clippy::unwrap_used)] // a test binary

mod common;

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use hashiya::text::arabic::normalize;
use hashiya::text::find::{FindOptions, SearchText};

const SIZE: egui::Vec2 = egui::Vec2::new(1280.0, 800.0);
const QUERY: &str = "قادة الجيش";

#[test]
fn find_and_label_every_occurrence_in_one_undo_step() {
    let mut harness = common::app_on_sample_copy(SIZE);
    let text = harness.state().session().document().text().to_owned();
    let expected = SearchText::new(&text).find(QUERY, &FindOptions::default()).unwrap();
    assert!(expected.len() >= 3, "the sample names the army chiefs several times");
    let actors_before = harness.state().session().document().spans().len();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.event(Event::Text(QUERY.to_owned()));
    harness.run_steps(4);
    harness.get_by_label(&format!("1 of {}", expected.len()));

    // Alt+1 labels the matches with the first label; A takes all that remain.
    harness.key_press_modifiers(Modifiers::ALT, Key::Num1);
    harness.run();
    harness.key_press(Key::A);
    harness.run();
    let document = harness.state().session().document();
    let added: Vec<_> = document.spans().iter().filter(|span| span.label == "Actor").collect();
    assert_eq!(added.len(), actors_before + expected.len());
    for found in &expected {
        let span = added
            .iter()
            .find(|span| span.char_start == found.stem_start && span.char_end == found.end)
            .unwrap_or_else(|| panic!("a span at {}..{}", found.stem_start, found.end));
        assert_eq!(
            normalize(document.span_text(span)),
            normalize(QUERY),
            "prefixes left out"
        );
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().document().spans().len(),
        actors_before,
        "one undo step"
    );
}
