//! The sample annotated with the keyboard alone, in the real window: the caret moves by word
//! in visual order (Ctrl+← reads forward in Arabic), Shift selects, 1 / 2 / 3 label, Tab walks
//! the spans, S and P open the link picker, typing filters it and Enter links. Not one pointer
//! event.

mod common;

use egui::{Event, Key, Modifiers, Vec2};
use egui_kittest::Harness;
use hashiya::ui::HashiyaApp;

const TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

fn press(harness: &mut Harness<'_, HashiyaApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn caret(harness: &mut Harness<'_, HashiyaApp>) -> usize {
    harness
        .state_mut()
        .article_view_mut()
        .caret()
        .expect("a caret")
        .char_offset
}

/// Selects the `nth` occurrence of `needle` with the keyboard: Ctrl+← word by word (forward
/// in Arabic) to its end, then Shift+Ctrl+→ back over its words.
fn select(harness: &mut Harness<'_, HashiyaApp>, needle: &str, nth: usize) -> std::ops::Range<usize> {
    let range = common::find(TEXT, needle, nth);
    let range = range.0..range.1;
    while caret(harness) < range.end {
        // One frame per key: the caret moves in the frame that reads the key.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowLeft);
        harness.step();
    }
    harness.run();
    assert_eq!(caret(harness), range.end, "Ctrl+← stops at the end of «{needle}»");
    for _ in needle.split_whitespace() {
        press(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    }
    // An attached و the snapping keeps (the stem is not a word found elsewhere): Shift+←,
    // forward in Arabic, leaves it out char by char.
    while harness
        .state_mut()
        .article_view_mut()
        .selection()
        .is_some_and(|selected| selected.start < range.start)
    {
        press(harness, Modifiers::SHIFT, Key::ArrowLeft);
    }
    assert_eq!(
        harness.state_mut().article_view_mut().selection(),
        Some(range.clone()),
        "{needle}"
    );
    range
}

fn label(harness: &mut Harness<'_, HashiyaApp>, needle: &str, nth: usize, key: Key) {
    let range = select(harness, needle, nth);
    press(harness, Modifiers::NONE, key);
    let document = harness.state().session().document();
    assert!(
        document
            .spans()
            .iter()
            .any(|s| s.char_start == range.start && s.char_end == range.end),
        "«{needle}» labelled"
    );
}

/// Tab until the span over `needle` is selected.
fn tab_to(harness: &mut Harness<'_, HashiyaApp>, needle: &str) {
    let (start, end) = common::find(TEXT, needle, 0);
    for _ in 0..20 {
        press(harness, Modifiers::NONE, Key::Tab);
        let app = harness.state();
        let selected = app
            .annotator()
            .selected
            .and_then(|id| app.session().document().span(id));
        if selected.is_some_and(|s| (s.char_start, s.char_end) == (start, end)) {
            return;
        }
    }
    panic!("Tab never reached «{needle}»");
}

fn link_by_typing(harness: &mut Harness<'_, HashiyaApp>, link_key: Key, typed: &str) {
    press(harness, Modifiers::NONE, link_key);
    harness.event(Event::Text(typed.to_owned()));
    harness.run();
    harness.run();
    press(harness, Modifiers::NONE, Key::Enter);
}

#[test]
fn the_sample_is_annotated_spans_and_links_with_keys_only() {
    let mut harness = common::app_on_sample_copy(Vec2::new(1100.0, 700.0));
    press(&mut harness, Modifiers::COMMAND, Key::Home);
    assert_eq!(caret(&mut harness), 0);
    label(&mut harness, "الفريق محمد الحداد", 0, Key::Num1);
    label(&mut harness, "قادة الجيش الليبي", 0, Key::Num1);
    label(
        &mut harness,
        "التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد",
        0,
        Key::Num2,
    );
    label(
        &mut harness,
        "إبعاد المؤسسة العسكرية عن التجاذبات السياسية",
        0,
        Key::Num3,
    );

    tab_to(&mut harness, "التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد");
    link_by_typing(&mut harness, Key::S, "قادة");
    tab_to(&mut harness, "إبعاد المؤسسة العسكرية عن التجاذبات السياسية");
    link_by_typing(&mut harness, Key::P, "قادة");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    link_by_typing(&mut harness, Key::P, "الحداد");
    press(&mut harness, Modifiers::NONE, Key::Escape);

    let document = harness.state().session().document();
    let text_of = |id| document.span(id).map(|s| document.span_text(s)).unwrap_or_default();
    let mut links: Vec<(String, &str, &str)> = document
        .links()
        .iter()
        .map(|l| (l.kind.clone(), text_of(l.from), text_of(l.to)))
        .collect();
    links.sort();
    assert_eq!(
        links,
        [
            (
                "party".to_owned(),
                "إبعاد المؤسسة العسكرية عن التجاذبات السياسية",
                "الفريق محمد الحداد"
            ),
            (
                "party".to_owned(),
                "إبعاد المؤسسة العسكرية عن التجاذبات السياسية",
                "قادة الجيش الليبي"
            ),
            (
                "speaker".to_owned(),
                "التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد",
                "قادة الجيش الليبي"
            ),
        ]
    );
    assert!(
        hashiya::checks::find_problems(document).is_empty(),
        "complete, no problem left"
    );
}

#[test]
fn ctrl_arrows_stop_after_an_attached_prefix_the_selection_would_leave_out() {
    use hashiya::app::DocumentSession;
    use hashiya::ui::AppOptions;
    let text = "التقى الحداد أمس ثم قال والحداد إن الجيش موحد";
    let dir = tempfile::tempdir().expect("temp dir").keep();
    std::fs::write(dir.join("a.txt"), text).expect("writes");
    let options = AppOptions {
        session: Some(DocumentSession::open(&dir.join("a.txt")).expect("opens")),
        ..AppOptions::default()
    };
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(Vec2::new(900.0, 500.0));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Home);
    let (start, end) = common::find(text, "والحداد", 0);
    while caret(&mut harness) < end {
        press(&mut harness, Modifiers::COMMAND, Key::ArrowLeft);
    }
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    // «الحداد» is a word of the text: the و is a prefix, and the caret stops after it.
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(start + 1..end));
    // Once more: on to the word before, «قال», whole.
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    let (said, _) = common::find(text, "قال", 0);
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(said..end));
}
