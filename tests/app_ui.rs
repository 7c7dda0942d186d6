//! The application through `egui_kittest` (no window): it starts on the sample and exposes the
//! article view by its accessible label; pointer drags select text; double-click selects a
//! word; Ctrl+C copies it; Ctrl+= zooms; an unreadable file gives a message, not a panic.

use egui::{Modifiers, OutputCommand, Rect, Vec2, pos2};
mod common;

use common::drag;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::ui::{ARTICLE_LABEL, AppAction, HashiyaApp, SAMPLE_ARTICLE};

fn harness() -> Harness<'static, HashiyaApp> {
    common::app_on_sample_copy(Vec2::new(1000.0, 720.0))
}

fn char_range_of(needle: &str) -> std::ops::Range<usize> {
    let byte = SAMPLE_ARTICLE.find(needle).expect("the sample contains the needle");
    let start = SAMPLE_ARTICLE[..byte].chars().count();
    start..start + needle.chars().count()
}

fn word_rect(harness: &mut Harness<'_, HashiyaApp>, range: std::ops::Range<usize>) -> Rect {
    let rects = harness.state_mut().article_view_mut().char_rects(range);
    assert_eq!(rects.len(), 1, "one rectangle: {rects:?}");
    rects[0]
}

#[test]
fn the_app_starts_on_the_sample_with_the_article_view() {
    let harness = harness();
    let article = harness.get_by_label(ARTICLE_LABEL);
    let bounds = article.rect();
    assert!(bounds.width() > 500.0, "the view fills the window: {bounds:?}");
    harness.get_by_label("File");
    harness.get_by_label("View");
}

#[test]
fn dragging_across_a_word_selects_exactly_it() {
    let mut harness = harness();
    let range = char_range_of("الحداد");
    let rect = word_rect(&mut harness, range.clone());
    // Right to left: the word's logical start is its right edge.
    drag(
        &mut harness,
        pos2(rect.max.x - 1.0, rect.center().y),
        pos2(rect.min.x + 1.0, rect.center().y),
    );
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(range));
}

#[test]
fn a_drag_into_the_middle_of_a_word_with_word_snapping_takes_the_whole_word() {
    let mut harness = harness();
    harness.state_mut().article_view_mut().set_snap_drag_to_words(true);
    let mohammed = char_range_of("محمد الحداد");
    let rect = word_rect(&mut harness, mohammed.start..mohammed.start + 4);
    let haddad = word_rect(&mut harness, mohammed.start + 5..mohammed.end);
    drag(
        &mut harness,
        pos2(rect.center().x, rect.center().y),
        pos2(haddad.center().x, haddad.center().y),
    );
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(mohammed));
}

#[test]
fn double_click_selects_a_word_and_ctrl_c_copies_it() {
    let mut harness = harness();
    let range = char_range_of("ستيفاني");
    let center = word_rect(&mut harness, range.clone()).center();
    // The harness advances time by 0.25 s per step; egui's default double-click delay is 0.3 s.
    harness
        .ctx
        .options_mut(|options| options.input_options.max_double_click_delay = 1.0);
    harness.hover_at(center);
    harness.run();
    for _ in 0..2 {
        harness.drag_at(center);
        harness.event(egui::Event::PointerButton {
            pos: center,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(range));
    harness.event(egui::Event::Copy);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
    assert_eq!(copied.as_deref(), Some("ستيفاني"));
}

#[test]
fn ctrl_plus_and_ctrl_zero_zoom() {
    let mut harness = harness();
    let before = harness.state_mut().article_view_mut().font_size();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    let zoomed = harness.state_mut().article_view_mut().font_size();
    assert!(zoomed > before, "{zoomed} > {before}");
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num0);
    harness.run();
    assert!((harness.state_mut().article_view_mut().font_size() - before).abs() < 0.01);
}

#[test]
fn an_unreadable_file_shows_a_message() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    let missing = std::path::PathBuf::from("/nonexistent/article.txt");
    harness.state_mut().perform(&ctx, AppAction::OpenPath(missing));
    harness.run();
    let message = harness.state().message().map(str::to_owned).expect("a message");
    assert!(message.ends_with("/nonexistent/article.txt"), "{message}");
    harness.get_by_label(&message);
    assert_eq!(
        harness.state_mut().article_view_mut().text(),
        SAMPLE_ARTICLE,
        "the article stays"
    );
}
