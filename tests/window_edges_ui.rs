//! The window where typing, saving, opening and selecting meet (`egui_kittest`, the real app):
//! what is typed in a field is saved by a shortcut; a discard counts only once the document is
//! left; long texts in the side panel wrap without widening it; the label picker keeps the next
//! line readable; a repeated label selects the existing span; Esc clears a text selection; a
//! failing undo says why; a discarded autosave is gone.

use std::ops::Range;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Rect, Vec2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::AnnotatorAction as Action;
use hashiya::app::DocumentSession;
use hashiya::model::{Command, SpanId};
use hashiya::ui::folder_panel::OpenFolder;
use hashiya::ui::{ARTICLE_LABEL, AppAction, AppOptions, HashiyaApp, SAMPLE_NAME};

mod common;

const SIZE: Vec2 = Vec2::new(1200.0, 800.0);

fn app(options: AppOptions) -> Harness<'static, HashiyaApp> {
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(SIZE);
    harness.run();
    harness
}

fn app_on(article: &Path) -> Harness<'static, HashiyaApp> {
    let session = DocumentSession::open(article).expect("opens");
    app(AppOptions {
        session: Some(session),
        ..AppOptions::default()
    })
}

/// A folder with two short articles.
fn folder_with_two_articles() -> PathBuf {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    std::fs::write(dir.join("a.txt"), "قال الفريق محمد الحداد إن الاجتماع ناجح.").expect("a");
    std::fs::write(dir.join("b.txt"), "وأكد قادة الجيش الليبي رفضهم التام.").expect("b");
    dir
}

/// A copy of the sample with its example annotations, in a temporary folder.
fn annotated_sample_copy() -> PathBuf {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let dir = tempfile::tempdir().expect("temp dir").keep();
    for name in [SAMPLE_NAME, "libya-army-leaders-meeting.ar.hashiya.ron"] {
        std::fs::copy(assets.join(name), dir.join(name)).expect("copy the sample");
    }
    dir.join(SAMPLE_NAME)
}

fn apply(harness: &mut Harness<'_, HashiyaApp>, action: AppAction) {
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, action);
    // Selecting a span scrolls the article and the list, which animate for a few frames.
    harness.run_steps(20);
}

fn add_actor(harness: &mut Harness<'_, HashiyaApp>, range: Range<usize>) -> SpanId {
    let command = Command::AddSpan {
        label: "Actor".into(),
        char_start: range.start,
        char_end: range.end,
    };
    apply(harness, AppAction::Edit(command));
    harness
        .state()
        .session()
        .document()
        .spans()
        .iter()
        .find(|span| span.char_start == range.start && span.char_end == range.end)
        .expect("the added span")
        .id
}

fn text_field(harness: &Harness<'_, HashiyaApp>, caption: &str) -> Rect {
    harness
        .query_by_role_and_label(Role::TextInput, caption)
        .or_else(|| harness.query_by_role_and_label(Role::MultilineTextInput, caption))
        .unwrap_or_else(|| panic!("a text field captioned {caption}"))
        .rect()
}

/// Clicks into the text field captioned `caption` and types `text`.
fn type_into(harness: &mut Harness<'_, HashiyaApp>, caption: &str, text: &str) {
    let center = text_field(harness, caption).center();
    harness.hover_at(center);
    harness.run();
    harness.drag_at(center);
    harness.drop_at(center);
    harness.run();
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn message(harness: &Harness<'_, HashiyaApp>) -> String {
    harness.state().message().unwrap_or_default().to_owned()
}

/// The char range of the `nth` occurrence of `needle` in the article shown.
fn nth_range(harness: &Harness<'_, HashiyaApp>, needle: &str, nth: usize) -> Range<usize> {
    let (start, end) = common::find(harness.state().session().document().text(), needle, nth);
    start..end
}

/// Drags across `range` (on one line) from its right edge to its left edge.
fn drag_over(harness: &mut Harness<'_, HashiyaApp>, range: Range<usize>) {
    let rects = harness.state_mut().article_view_mut().char_rects(range);
    assert_eq!(rects.len(), 1, "a range on one line, one direction: {rects:?}");
    let (from, to) = (
        pos2(rects[0].max.x - 1.0, rects[0].center().y),
        pos2(rects[0].min.x + 1.0, rects[0].center().y),
    );
    common::drag(harness, from, to);
}

#[test]
fn shortcuts_that_save_or_leave_commit_what_is_typed_in_a_field() {
    // Ctrl+S with the cursor still in the Annotator field.
    let mut harness = common::app_on_sample_copy(SIZE);
    type_into(&mut harness, "Annotator", "Amal");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let session = harness.state().session();
    assert!(!session.is_modified(), "saved, and the title says so truthfully");
    let saved = hashiya::io::load_document(session.article_path()).expect("reloads");
    assert_eq!(saved.document.meta().annotator, "Amal");

    // Alt+→ (saves, then the next document) with the cursor in the Note field.
    let dir = folder_with_two_articles();
    let folder = OpenFolder::open(&dir, None).expect("lists");
    let session = DocumentSession::open(&folder.entries[0].article).expect("opens");
    let mut harness = app(AppOptions {
        session: Some(session),
        folder: Some(folder),
        ..AppOptions::default()
    });
    let id = add_actor(&mut harness, 4..22);
    apply(&mut harness, AppAction::Annotate(Action::SelectSpan(id)));
    type_into(&mut harness, "Note", "the chief of staff");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().session().display_name(), "b.txt");
    let saved = hashiya::io::load_document(&dir.join("a.txt")).expect("a reloads");
    let notes: Vec<_> = saved.document.spans().iter().map(|s| s.note.clone()).collect();
    assert_eq!(notes, [Some("the chief of staff".to_owned())]);

    // Ctrl+Q with only a typed note: the edit counts, so Quit asks first.
    let id = add_actor(&mut harness, 5..15);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    apply(&mut harness, AppAction::Annotate(Action::SelectSpan(id)));
    type_into(&mut harness, "Note", "typed, not yet committed");
    assert!(!harness.state().session().is_modified());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Unsaved changes");
    assert!(harness.state().session().is_modified());
}

#[test]
fn discard_counts_only_once_the_other_document_opened() {
    let dir = folder_with_two_articles();
    let article = dir.join("a.txt");
    let mut harness = app_on(&article);
    add_actor(&mut harness, 4..22);
    assert!(harness.state_mut().autosave_now().expect("autosaves"));
    let recovery = hashiya::io::recovery::recovery_path_for(&article);
    assert!(recovery.exists());

    // Discard, then the open fails: the edits and their autosave stay, and Quit still asks.
    apply(&mut harness, AppAction::OpenPath(dir.join("missing.txt")));
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(harness.state().session().display_name(), "a.txt");
    assert!(message(&harness).contains("missing.txt"), "{}", message(&harness));
    assert!(
        harness.state().session().is_modified(),
        "the old edits are still unsaved"
    );
    assert!(recovery.exists(), "their autosave is kept");
    apply(&mut harness, AppAction::Quit);
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();

    // Discard, then the open succeeds: the edits and their autosave are gone.
    apply(&mut harness, AppAction::OpenPath(dir.join("b.txt")));
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(harness.state().session().display_name(), "b.txt");
    assert!(!harness.state().session().is_modified());
    assert!(!recovery.exists(), "the discarded edits' autosave is removed");
    assert!(!dir.join("a.hashiya.ron").exists(), "nothing was saved");
}

#[test]
fn a_long_selected_span_wraps_in_the_panel_which_keeps_its_width() {
    let mut harness = app_on(&annotated_sample_copy());
    let article_width = |harness: &Harness<'_, HashiyaApp>| harness.get_by_label(ARTICLE_LABEL).rect().width();
    let before = article_width(&harness);
    let document = harness.state().session().document();
    let longest = document.spans().iter().max_by_key(|s| s.char_len()).expect("spans");
    let (id, text) = (longest.id, document.span_text(longest).to_owned());
    assert!(text.chars().count() > 200, "a long span: {text}");

    apply(&mut harness, AppAction::Annotate(Action::SelectSpan(id)));
    let during = article_width(&harness);
    assert!((during - before).abs() < 1.0, "article {before} → {during} wide");
    let article = harness.get_by_label(ARTICLE_LABEL).rect();
    let shown = harness.get_by_label(&text).rect();
    assert!(
        shown.min.x >= article.max.x && shown.max.x <= SIZE.x,
        "the span's text lies in the panel: {shown:?}, article {article:?}"
    );
    assert!(shown.height() > 60.0, "wrapped onto several lines: {shown:?}");

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().annotator().selected.is_none());
    let after = article_width(&harness);
    assert!((after - before).abs() < 1.0, "article {before} → {after} wide");
}

#[test]
fn the_label_picker_leaves_the_next_line_readable_and_stays_in_the_article() {
    let mut harness = common::app_on_sample_copy(SIZE);
    // A word in the middle of a paragraph's first line: text above it is the title only, text
    // below it is the paragraph going on.
    let word = nth_range(&harness, "الحداد", 0);
    drag_over(&mut harness, word.clone());
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(word.clone()));
    harness.run();
    let view = harness.state_mut().article_view_mut();
    let selected = view.char_rects(word.clone())[0];
    let next_line: Vec<Rect> = view
        .char_rects(word.end..word.end + 400)
        .into_iter()
        .filter(|r| r.min.y >= selected.max.y - 1.0 && r.min.y < selected.max.y + selected.height())
        .collect();
    assert!(!next_line.is_empty(), "the word is not on its paragraph's last line");

    let article = harness.get_by_label(ARTICLE_LABEL).rect();
    let panel_left = harness.get_by_label("Status").rect().min.x;
    let picker = ["1 Actor", "2 Quote", "3 Agreed action"]
        .iter()
        .map(|label| {
            harness
                .get_all_by_label(label)
                .map(|node| node.rect())
                .find(|rect| rect.center().x < article.max.x)
                .unwrap_or_else(|| panic!("the picker's {label} button"))
        })
        .reduce(egui::Rect::union)
        .expect("buttons");
    for line in &next_line {
        assert!(
            !picker.intersects(*line),
            "picker {picker:?} over the next line {line:?}"
        );
    }
    assert!(!picker.intersects(selected), "picker {picker:?} over the selection");
    assert!(
        picker.max.x <= panel_left,
        "picker {picker:?} reaches into the side panel at {panel_left}"
    );
    assert!(picker.min.x >= article.min.x - 1.0 && picker.min.y >= 0.0, "{picker:?}");
}

#[test]
fn labelling_the_same_text_again_selects_the_existing_span() {
    let mut harness = common::app_on_sample_copy(SIZE);
    let haddad = nth_range(&harness, "محمد الحداد", 0);
    drag_over(&mut harness, haddad.clone());
    harness.key_press(Key::Num1);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    drag_over(&mut harness, haddad.clone());
    harness.key_press(Key::Num1);
    harness.run();
    let spans = harness.state().session().document().spans();
    assert_eq!(spans.len(), 1, "no duplicate");
    assert_eq!(harness.state().annotator().selected, Some(spans[0].id));
    assert!(message(&harness).contains("already"), "{}", message(&harness));
    // Another label over the same text is a different annotation.
    drag_over(&mut harness, haddad);
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(harness.state().session().document().spans().len(), 2);
}

#[test]
fn escape_clears_an_unlabelled_selection() {
    let mut harness = common::app_on_sample_copy(SIZE);
    let word = nth_range(&harness, "ستيفاني", 0);
    drag_over(&mut harness, word.clone());
    assert_eq!(harness.state_mut().article_view_mut().selection(), Some(word));
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state_mut().article_view_mut().selection(), None);
}

#[test]
fn an_undo_with_nothing_to_undo_says_so() {
    let mut harness = common::app_on_sample_copy(SIZE);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(message(&harness), "Nothing to undo");
    // A step that no longer applies cannot be made from outside the session's edit path; its
    // report ("Cannot undo: …") is tested on `History` in `src/model/history.rs`.
}

#[test]
fn discarding_an_autosave_at_open_removes_it() {
    let dir = folder_with_two_articles();
    let article = dir.join("a.txt");
    let mut session = DocumentSession::open(&article).expect("opens");
    let command = Command::AddSpan {
        label: "Actor".into(),
        char_start: 4,
        char_end: 22,
    };
    session.edit(command).expect("edit");
    assert!(session.autosave().expect("autosaves"));
    drop(session); // the crash
    let recovery = hashiya::io::recovery::recovery_path_for(&article);
    assert!(recovery.exists());

    let mut harness = app_on(&article);
    harness.get_by_label("Discard it").click();
    harness.run();
    assert!(!recovery.exists(), "the discarded autosave is deleted");
    assert!(harness.state().session().document().spans().is_empty());
}
