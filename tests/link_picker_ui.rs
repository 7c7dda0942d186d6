//! Linking from the keyboard in the real window: after S the link picker lists the speakers a
//! quote can have, nearest first and off screen too; typing filters them (Arabic spelling
//! variants folded), Tab / arrows move the highlight, Enter links, and the link is one undo
//! step.

use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::DocumentSession;
use hashiya::model::SpanId;
use hashiya::ui::{AppOptions, HashiyaApp};

/// The window on a copy of the annotated sample, `size` big.
fn app_on_annotated_sample(size: Vec2) -> Harness<'static, HashiyaApp> {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for name in [
        "libya-army-leaders-meeting.ar.txt",
        "libya-army-leaders-meeting.ar.hashiya.ron",
    ] {
        std::fs::copy(samples.join(name), dir.join(name)).expect("copies the sample");
    }
    let session = DocumentSession::open(&dir.join("libya-army-leaders-meeting.ar.txt")).expect("opens");
    let options = AppOptions {
        session: Some(session),
        ..AppOptions::default()
    };
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(size);
    harness.run();
    harness
}

fn selected_label(harness: &Harness<'_, HashiyaApp>) -> Option<String> {
    let app = harness.state();
    let id = app.annotator().selected?;
    app.session().document().span(id).map(|s| s.label.clone())
}

/// Tab until a span with `label` is selected; returns it.
fn tab_to(harness: &mut Harness<'_, HashiyaApp>, label: &str, skip: usize) -> SpanId {
    let mut seen = 0;
    for _ in 0..200 {
        harness.key_press(Key::Tab);
        harness.run();
        if selected_label(harness).as_deref() == Some(label) {
            if seen == skip {
                return harness.state().annotator().selected.expect("selected");
            }
            seen += 1;
        }
    }
    panic!("no {label} span reached with Tab");
}

fn speaker_of(harness: &Harness<'_, HashiyaApp>, quote: SpanId) -> Option<String> {
    let document = harness.state().session().document();
    let link = document
        .links()
        .iter()
        .find(|l| l.kind == "speaker" && l.from == quote)?;
    document.span(link.to).map(|s| document.span_text(s).to_owned())
}

#[test]
fn s_then_typing_and_enter_links_a_quote_to_a_speaker_off_screen() {
    // A short window: most of the article, and the speaker chosen below, are off screen.
    let mut harness = app_on_annotated_sample(Vec2::new(1100.0, 420.0));
    let quote = tab_to(&mut harness, "Quote", 0);
    let before = speaker_of(&harness, quote);
    harness.key_press(Key::S);
    harness.run();
    harness.get_by_label("Link speaker");
    // «البعثة الأممية» is near the end of the article; typed without hamza and with a kasra.
    harness.event(Event::Text("البعثة الامميِة".to_owned()));
    harness.run();
    harness.run();
    harness.get_by_label("البعثة الأممية");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(speaker_of(&harness, quote).as_deref(), Some("البعثة الأممية"));
    assert!(
        harness.query_by_label("Link speaker").is_none(),
        "a speaker ends link mode"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(speaker_of(&harness, quote), before, "one undo step");
}

#[test]
fn tab_moves_the_highlight_through_the_candidates_nearest_first() {
    let mut harness = app_on_annotated_sample(Vec2::new(1100.0, 700.0));
    let action = tab_to(&mut harness, "Agreed action", 0);
    let parties_before = harness.state().session().document().links_of(action).count();
    harness.key_press(Key::P);
    harness.run();
    harness.get_by_label("Link party");
    let mode = harness.state().annotator().link_mode.clone().expect("linking");
    let candidates = hashiya::app::link_targets(harness.state().session().document(), &mode, "");
    assert!(candidates.len() >= 2, "{candidates:?}");
    // The second nearest actor: Tab once, then Enter.
    harness.key_press(Key::Tab);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let document = harness.state().session().document();
    assert_eq!(document.links_of(action).count(), parties_before + 1);
    assert!(
        document
            .links()
            .iter()
            .any(|l| l.from == action && l.to == candidates[1]),
        "linked to the second candidate"
    );
    // Parties are several: link mode goes on, and Esc ends it.
    harness.get_by_label("Link party");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Link party").is_none());
    assert!(harness.state().annotator().link_mode.is_none());
}
