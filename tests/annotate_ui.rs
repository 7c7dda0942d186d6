//! Annotating through the real window (`egui_kittest`, no GPU): pointer drags over the screen
//! rectangles the layout reports, label and link keys, undo — asserting on the model.

use std::ops::Range;

use egui::{Event, Key, Modifiers, Pos2, Vec2, pos2};
mod common;

use egui_kittest::Harness;
use hashiya::ui::{HashiyaApp, SAMPLE_ARTICLE};

fn harness() -> Harness<'static, HashiyaApp> {
    common::app_on_sample_copy(Vec2::new(1200.0, 800.0))
}

/// The char range of the `nth` occurrence of `needle` in the sample.
fn nth_range(needle: &str, nth: usize) -> Range<usize> {
    let (byte, _) = SAMPLE_ARTICLE
        .match_indices(needle)
        .nth(nth)
        .expect("needle in the sample");
    let start = SAMPLE_ARTICLE[..byte].chars().count();
    start..start + needle.chars().count()
}

/// Drags across `range` (on one line) from its logical start to its logical end, right to left.
fn drag_over(harness: &mut Harness<'_, HashiyaApp>, range: Range<usize>, modifiers: Modifiers) {
    let rects = harness.state_mut().article_view_mut().char_rects(range);
    assert_eq!(rects.len(), 1, "a range on one line, one direction: {rects:?}");
    let rect = rects[0];
    let (from, to) = (
        pos2(rect.max.x - 1.0, rect.center().y),
        pos2(rect.min.x + 1.0, rect.center().y),
    );
    harness.event(Event::ModifiersChanged(modifiers));
    harness.hover_at(from);
    harness.run();
    harness.event(Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers,
    });
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers,
    });
    harness.run();
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

fn click_at(harness: &mut Harness<'_, HashiyaApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
}

fn spans(harness: &Harness<'_, HashiyaApp>) -> Vec<(String, Range<usize>)> {
    let document = harness.state().session().document();
    document
        .spans()
        .iter()
        .map(|s| (s.label.clone(), s.char_start..s.char_end))
        .collect()
}

#[test]
fn a_drag_and_key_1_make_exactly_one_actor_and_undo_removes_it() {
    let mut harness = harness();
    let haddad = nth_range("الفريق محمد الحداد", 0);
    drag_over(&mut harness, haddad.clone(), Modifiers::NONE);
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(haddad.clone()));
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(spans(&harness), [("Actor".to_owned(), haddad)]);
    assert!(harness.state().session().is_modified());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(spans(&harness).is_empty(), "undo removes it");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(spans(&harness).len(), 1, "redo brings it back");
}

#[test]
fn a_drag_from_inside_a_word_snaps_but_alt_drag_keeps_exact_chars() {
    let mut harness = harness();
    let word = nth_range("والحداد", 0);
    let without_waw = word.start + 1..word.end;
    // A drag inside the word snaps to it, leaving out the attached conjunction و.
    drag_over(&mut harness, word.start + 2..word.end - 1, Modifiers::NONE);
    assert_eq!(
        harness.state_mut().article_view_mut().selection(),
        Some(without_waw.clone()),
        "snapped to the word without its prefix"
    );
    drag_over(&mut harness, without_waw.clone(), Modifiers::ALT);
    assert_eq!(
        harness.state_mut().article_view_mut().selection(),
        Some(without_waw.clone())
    );
    harness.key_press(Key::Num1);
    harness.run();
    let document = harness.state().session().document();
    let span = &document.spans()[0];
    assert_eq!(document.span_text(span), "الحداد");
    assert_eq!(span.char_start..span.char_end, without_waw);
}

#[test]
fn a_speaker_link_by_keys_and_a_click() {
    let mut harness = harness();
    let williams = nth_range("وليامز", 1);
    drag_over(&mut harness, williams.clone(), Modifiers::NONE);
    harness.key_press(Key::Num1);
    harness.run();
    let quote = nth_range("سعدت بما خلص إليه", 0);
    drag_over(&mut harness, quote.clone(), Modifiers::NONE);
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(spans(&harness).len(), 2);
    // The new quote is selected: S starts a speaker link, a click on the actor makes it.
    harness.key_press(Key::S);
    harness.run();
    assert!(harness.state().annotator().link_mode.is_some());
    let actor_rect = harness.state_mut().article_view_mut().char_rects(williams)[0];
    click_at(&mut harness, actor_rect.center());
    let document = harness.state().session().document();
    let links: Vec<_> = document
        .links()
        .iter()
        .map(|l| {
            (
                l.kind.as_str(),
                document.span(l.from).map(|s| s.label.as_str()),
                document.span(l.to).map(|s| s.label.as_str()),
            )
        })
        .collect();
    assert_eq!(links, [("speaker", Some("Quote"), Some("Actor"))]);
    assert!(
        harness.state().annotator().link_mode.is_none(),
        "a quote has one speaker: link mode ends"
    );
}

#[test]
fn tab_walks_spans_and_delete_removes_the_selected_one() {
    let mut harness = harness();
    for (needle, key) in [("ستيفاني وليامز", Key::Num1), ("طرابلس", Key::Num1)] {
        drag_over(&mut harness, nth_range(needle, 0), Modifiers::NONE);
        harness.key_press(key);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().annotator().selected, None);
    harness.key_press(Key::Tab);
    harness.run();
    let first = harness.state().session().document().spans()[0].id;
    assert_eq!(
        harness.state().annotator().selected,
        Some(first),
        "Tab selects the first span in reading order"
    );
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(spans(&harness), [("Actor".to_owned(), nth_range("طرابلس", 0))]);
}
