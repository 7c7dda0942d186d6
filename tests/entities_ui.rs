//! Actor entities in the real window: on the sample, Tab walks to each Actor mention, E opens
//! the entity picker, Enter takes the entity the mention names (or a new one named after it),
//! so every mention ends up in an entity with the keyboard alone; the registry is written
//! beside the article, the side panel lists the entities, Ctrl+Z takes an assignment back.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::model::SpanId;
use hashiya::ui::HashiyaApp;

const NAME: &str = "libya-army-leaders-meeting.ar";

fn app_on_sample(dir: &std::path::Path) -> Harness<'static, HashiyaApp> {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for ext in ["txt", "hashiya.ron"] {
        std::fs::copy(samples.join(format!("{NAME}.{ext}")), dir.join(format!("{NAME}.{ext}"))).expect("copies");
    }
    common::app_on_article(&dir.join(format!("{NAME}.txt")))
}

fn selected(harness: &Harness<'_, HashiyaApp>) -> Option<SpanId> {
    harness.state().annotator().selected
}

/// How many Actor mentions are in an entity.
fn grouped(harness: &Harness<'_, HashiyaApp>) -> usize {
    let document = harness.state().session().document();
    document
        .spans()
        .iter()
        .filter(|s| s.label == "Actor" && s.entity.is_some())
        .count()
}

fn entity_of(harness: &Harness<'_, HashiyaApp>, text: &str) -> Option<hashiya::model::EntityId> {
    let document = harness.state().session().document();
    document
        .spans()
        .iter()
        .find(|s| s.label == "Actor" && document.span_text(s) == text)
        .and_then(|s| s.entity)
}

#[test]
fn every_actor_mention_of_the_sample_is_grouped_with_the_keyboard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_on_sample(dir.path());
    let actors = {
        let document = harness.state().session().document();
        document.spans().iter().filter(|s| s.label == "Actor").count()
    };
    // Tab walks every span in text order; each Actor gets E, then Enter.
    let spans = harness.state().session().document().spans().len();
    for _ in 0..spans {
        harness.key_press(Key::Tab);
        harness.run();
        let id = selected(&harness).expect("Tab selects a span");
        let is_actor = harness
            .state()
            .session()
            .document()
            .span(id)
            .is_some_and(|s| s.label == "Actor");
        if is_actor {
            harness.key_press(Key::E);
            harness.run();
            harness.get_by_label("Entity filter");
            harness.key_press(Key::Enter);
            harness.run();
        }
    }
    assert_eq!(grouped(&harness), actors, "every Actor mention is in an entity");
    let registry = hashiya::io::entities::load_registry(&dir.path().join("entities.hashiya.ron")).expect("written");
    assert!(
        registry.len() < actors,
        "mentions of one actor share an entity: {} entities for {actors} mentions",
        registry.len()
    );
    // «الحداد» names «الفريق محمد الحداد»: one actor.
    let full = entity_of(&harness, "الفريق محمد الحداد").expect("an entity");
    assert_eq!(entity_of(&harness, "الحداد"), Some(full));
    harness.get_by_label("Entities");
    let name = &registry.get(full).expect("in the registry").name;
    harness.get_by_label_contains(&format!("{name} ({full}) · "));

    // One Ctrl+Z takes the last assignment back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(grouped(&harness), actors - 1);
}

#[test]
fn e_without_a_selection_says_what_to_do_and_esc_closes_the_picker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_on_sample(dir.path());
    harness.key_press(Key::E);
    harness.run();
    assert!(harness.query_by_label("Entity filter").is_none());
    assert!(
        harness
            .state()
            .message()
            .is_some_and(|m| m.contains("Select a mention first"))
    );
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::E);
    harness.run();
    harness.get_by_label("Entity filter");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Entity filter").is_none());
    assert!(selected(&harness).is_some(), "Esc closed the picker, not the selection");
}
