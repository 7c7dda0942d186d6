//! Adjudication in the real window: two annotators' files of the sample beside it, Annotate ›
//! Adjudicate… opens the gold file, "Merge all full agreements" takes what both agree on, N /
//! Enter / X settle the rest, Ctrl+Z undoes a step, Ctrl+S writes `NAME.gold.hashiya.ron`.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::ui::HashiyaApp;

const NAME: &str = "libya-army-leaders-meeting.ar";

/// The sample's annotations as `sara`, and as `omar` without the first three actors that have
/// no link; returns the article and the number of spans all agree on.
fn two_annotators(dir: &std::path::Path) -> (std::path::PathBuf, usize, usize) {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let article = dir.join(format!("{NAME}.txt"));
    std::fs::copy(samples.join(format!("{NAME}.txt")), &article).expect("copies");
    let sample = hashiya::io::load_document(&samples.join(format!("{NAME}.txt")))
        .expect("loads")
        .document;
    // sara has the sample's annotations; omar left out three actors.
    let sara = common::sample_without_unlinked_actors(&sample, "sara", 0);
    let omar = common::sample_without_unlinked_actors(&sample, "omar", 3);
    for (who, version) in [("sara", &sara), ("omar", &omar)] {
        std::fs::write(
            dir.join(format!("{NAME}.{who}.hashiya.ron")),
            hashiya::io::to_ron_string(version),
        )
        .expect("writes");
    }
    (article, sample.spans().len() - 3, sample.links().len())
}

fn counts(harness: &Harness<'_, HashiyaApp>) -> (usize, usize) {
    let document = harness.state().session().document();
    (document.spans().len(), document.links().len())
}

#[test]
fn a_curator_settles_two_annotators_into_a_gold_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (article, agreed_spans, agreed_links) = two_annotators(dir.path());
    let mut harness = common::app_on_article(&article);
    harness.get_by_label("Annotate").click();
    harness.run();
    harness.get_by_label("Adjudicate…").click();
    harness.run();
    harness.get_by_label("Adjudication");
    let gold = dir.path().join(format!("{NAME}.gold.hashiya.ron"));
    assert_eq!(harness.state().session().annotation_path(), gold);
    assert_eq!(counts(&harness), (0, 0));

    harness.get_by_label("Merge all full agreements").click();
    harness.run();
    assert_eq!(counts(&harness), (agreed_spans, agreed_links), "everything both made");
    harness.get_by_label_contains("3 open");

    // N picks the first of sara's three extra actors, Enter takes it, X rejects the next.
    harness.key_press(Key::N);
    harness.run();
    harness.get_by_label_contains("Proposed by sara (1 of 2)");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(counts(&harness), (agreed_spans + 1, agreed_links));
    harness.key_press(Key::X);
    harness.run();
    harness.get_by_label_contains("1 open");
    harness.get_by_label_contains("1 rejected");

    // One Ctrl+Z takes back the last take; the merge is one more step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness), (agreed_spans, agreed_links));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness), (0, 0));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&gold).expect("the gold file is written");
    assert!(saved.contains("annotator: \"curator\""), "the curator is recorded");
    assert!(saved.matches("(id: ").count() >= agreed_spans + agreed_links);
}
