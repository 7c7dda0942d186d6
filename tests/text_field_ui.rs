//! The bidi text field (`BidiTextField`) driven through `egui_kittest`: typed Arabic is
//! right-aligned and drawn in bidi order with the caret where the next letter appears;
//! keyboard and mouse selections copy the logical text; undo stays inside the field; and every
//! field of the window (filter, note, annotator, path, label name, find query, export
//! destination) takes Arabic into its model and shows it right-aligned.

#![allow(missing_docs, clippy::unwrap_used)] // a test binary

mod common;

use egui::accesskit::Role;
use egui::epaint::ClippedShape;
use egui::{Event, Key, Modifiers, OutputCommand, Pos2, Rect, Shape, TextureId, Vec2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::AnnotatorAction;
use hashiya::model::Command;
use hashiya::ui::bidi_text_field::BidiTextField;
use hashiya::ui::file_picker::{PathPrompt, PickPurpose};
use hashiya::ui::{AppAction, HashiyaApp};

const SIZE: Vec2 = Vec2::new(1280.0, 800.0);
const PHRASE: &str = "قالت 2020 (5+5)";

/// Two one-line fields and a multi-line one, as a dialog would have them.
#[derive(Default)]
struct Fields {
    first: String,
    second: String,
    notes: String,
}

fn fields_harness() -> Harness<'static, Fields> {
    // Short steps, so that two clicks a few frames apart make a double click.
    let mut harness = Harness::builder().with_step_dt(0.05).build_ui_state(
        |ui, fields: &mut Fields| {
            ui.add(
                BidiTextField::singleline(&mut fields.first)
                    .label("First")
                    .hint_text("type here")
                    .desired_width(320.0),
            );
            ui.add(BidiTextField::singleline(&mut fields.second).label("Second"));
            ui.add(
                BidiTextField::multiline(&mut fields.notes)
                    .label("Notes")
                    .desired_width(320.0),
            );
        },
        Fields::default(),
    );
    harness.set_size(Vec2::new(400.0, 300.0));
    harness.run();
    harness
}

fn field_rect<S>(harness: &Harness<'_, S>, label: &str) -> Rect {
    harness
        .query_by_role_and_label(Role::TextInput, label)
        .or_else(|| harness.query_by_role_and_label(Role::MultilineTextInput, label))
        .unwrap_or_else(|| panic!("a text field labelled {label}"))
        .rect()
}

fn field_value<S>(harness: &Harness<'_, S>, label: &str) -> String {
    harness
        .query_by_role_and_label(Role::TextInput, label)
        .or_else(|| harness.query_by_role_and_label(Role::MultilineTextInput, label))
        .unwrap_or_else(|| panic!("a text field labelled {label}"))
        .value()
        .unwrap_or_default()
}

fn all_shapes(shapes: &[ClippedShape]) -> Vec<&Shape> {
    fn walk<'a>(shape: &'a Shape, out: &mut Vec<&'a Shape>) {
        if let Shape::Vec(shapes) = shape {
            for shape in shapes {
                walk(shape, out);
            }
        } else {
            out.push(shape);
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The extent of the glyphs painted inside `field` from a glyph atlas (not egui's font
/// texture): the text as drawn.
fn painted_glyphs<S>(harness: &Harness<'_, S>, field: Rect) -> Rect {
    let mut extent = Rect::NOTHING;
    for shape in all_shapes(&harness.output().shapes) {
        if let Shape::Mesh(mesh) = shape
            && mesh.texture_id != TextureId::default()
            && !mesh.vertices.is_empty()
        {
            let bounds = mesh.calc_bounds();
            if field.contains(bounds.center()) {
                extent = extent.union(bounds);
            }
        }
    }
    assert!(extent.is_positive(), "glyphs painted in {field:?}");
    extent
}

/// The caret painted inside `field`: a thin upright rectangle.
fn painted_caret<S>(harness: &Harness<'_, S>, field: Rect) -> Option<Rect> {
    all_shapes(&harness.output().shapes)
        .into_iter()
        .find_map(|shape| match shape {
            Shape::Rect(rect)
                if rect.rect.width() <= 4.0 && rect.rect.height() >= 10.0 && field.contains(rect.rect.center()) =>
            {
                Some(rect.rect)
            }
            _ => None,
        })
}

fn click_at<S>(harness: &mut Harness<'_, S>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run();
}

/// Two clicks in a row (egui sees each press and release in a frame of its own).
fn double_click_at<S>(harness: &mut Harness<'_, S>, pos: Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false, true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn click_into<S>(harness: &mut Harness<'_, S>, label: &str) {
    let center = field_rect(harness, label).center();
    click_at(harness, center);
}

/// Types `text` one char per event, as a keyboard does.
fn type_chars<S>(harness: &mut Harness<'_, S>, text: &str) {
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
    }
    harness.run();
}

/// Sends Copy and returns what the field put on the clipboard.
fn copied<S>(harness: &mut Harness<'_, S>) -> Option<String> {
    harness.event(Event::Copy);
    harness.step();
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

fn assert_right_aligned<S>(harness: &Harness<'_, S>, label: &str) {
    let field = field_rect(harness, label);
    let glyphs = painted_glyphs(harness, field);
    assert!(
        field.right() - glyphs.right() < 10.0 && glyphs.left() - field.left() > 20.0,
        "{label}: text {glyphs:?} is right-aligned in {field:?}"
    );
}

#[test]
fn typed_arabic_is_right_aligned_with_the_caret_where_the_next_letter_appears() {
    let mut harness = fields_harness();
    click_into(&mut harness, "First");
    type_chars(&mut harness, PHRASE);
    assert_eq!(harness.state().first, PHRASE);
    assert_eq!(field_value(&harness, "First"), PHRASE);
    assert_right_aligned(&harness, "First");

    let field = field_rect(&harness, "First");
    let glyphs = painted_glyphs(&harness, field);
    let caret = painted_caret(&harness, field).expect("a caret in the focused field");
    assert!(
        (caret.center().x - glyphs.left()).abs() < 3.0,
        "the caret {caret:?} is at the left end of the line {glyphs:?}"
    );

    // The next Arabic letter appears where the caret was, and the caret moves on past it.
    type_chars(&mut harness, "ب");
    let after = painted_glyphs(&harness, field);
    assert!(
        after.left() < caret.center().x && caret.center().x - after.left() < 20.0,
        "the new letter {after:?} is drawn at the caret {caret:?}"
    );
    assert!(
        (after.right() - glyphs.right()).abs() < 1.0,
        "the line stays right-aligned"
    );
    let moved = painted_caret(&harness, field).expect("a caret");
    assert!((moved.center().x - after.left()).abs() < 3.0, "{moved:?} at {after:?}");
}

#[test]
fn the_arabic_word_is_drawn_right_of_the_digits() {
    let mut harness = fields_harness();
    click_into(&mut harness, "First");
    type_chars(&mut harness, PHRASE);
    let field = field_rect(&harness, "First");
    let glyphs = painted_glyphs(&harness, field);
    // A double click on the line's right part selects the Arabic word; on its left part
    // (after the digits 2020 in the logical order) the bracketed numbers.
    for (x, expected) in [
        (glyphs.right() - 4.0, "قالت"),
        (glyphs.left() + glyphs.width() * 0.5, "2020"),
    ] {
        double_click_at(&mut harness, pos2(x, field.center().y));
        assert_eq!(copied(&mut harness).as_deref(), Some(expected), "double click at x={x}");
    }
}

#[test]
fn mixed_direction_selections_copy_the_logical_text() {
    let mut harness = fields_harness();
    click_into(&mut harness, "First");
    type_chars(&mut harness, PHRASE);

    // Keyboard: from the start of the line (its right end), Shift+← across the Arabic word,
    // the space and into the digits.
    harness.key_press(Key::Home);
    for _ in 0..7 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    }
    harness.run();
    let by_keys = copied(&mut harness).expect("a selection");
    assert!(
        PHRASE.starts_with(&by_keys) && by_keys.starts_with("قالت ") && by_keys.contains('2'),
        "{by_keys:?} is a logical prefix across both directions"
    );

    // Ctrl+Shift+← from the line's start takes the first word on screen: the Arabic one.
    harness.key_press(Key::Home);
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::SHIFT, Key::ArrowLeft);
    harness.run();
    assert_eq!(copied(&mut harness).as_deref().map(str::trim), Some("قالت"));

    // Mouse: a drag from the right end to the middle of the line.
    let field = field_rect(&harness, "First");
    let glyphs = painted_glyphs(&harness, field);
    let y = field.center().y;
    common::drag(&mut harness, pos2(glyphs.right() - 1.0, y), pos2(glyphs.center().x, y));
    let by_mouse = copied(&mut harness).expect("a selection");
    assert!(
        PHRASE.starts_with(&by_mouse) && by_mouse.starts_with("قالت") && by_mouse.len() < PHRASE.len(),
        "{by_mouse:?} is a logical prefix"
    );

    // Select all, cut, paste back: the logical text round-trips through the clipboard.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_eq!(copied(&mut harness).as_deref(), Some(PHRASE));
    harness.event(Event::Cut);
    harness.run();
    assert_eq!(harness.state().first, "");
    harness.event(Event::Paste(PHRASE.to_owned()));
    harness.run();
    assert_eq!(harness.state().first, PHRASE);
}

#[test]
fn a_text_longer_than_the_field_scrolls_to_keep_the_caret_in_view() {
    let mut harness = fields_harness();
    click_into(&mut harness, "Second");
    type_chars(
        &mut harness,
        "سعدت بما خلص إليه الاجتماع بين كل من الفريق الحداد والفريق أول الناظوري",
    );
    let field = field_rect(&harness, "Second");
    let caret = painted_caret(&harness, field).expect("the caret stays in the field");
    assert!(
        caret.left() - field.left() < 12.0,
        "at the left end: {caret:?} in {field:?}"
    );
    // Home goes to the start of the line, its right end: the text scrolls back.
    harness.key_press(Key::Home);
    harness.run();
    let caret = painted_caret(&harness, field).expect("the caret stays in the field");
    assert!(
        field.right() - caret.right() < 12.0,
        "at the right end: {caret:?} in {field:?}"
    );
}

#[test]
fn undo_redo_and_focus_work_like_a_text_field() {
    let mut harness = fields_harness();
    click_into(&mut harness, "First");
    type_chars(&mut harness, "قالت المستشارة");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().first, "قالت", "one undo step per typed word");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().first, "قالت المستشارة");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().first, "قالت المستشارة");

    // Tab moves to the next field, Esc leaves it.
    harness.key_press(Key::Tab);
    harness.run();
    type_chars(&mut harness, "abc");
    assert_eq!(harness.state().second, "abc");
    assert!(harness.get_by_label("Second").is_focused());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.get_by_label("Second").is_focused());
    type_chars(&mut harness, "x");
    assert_eq!(harness.state().second, "abc", "no field has the keys after Esc");
}

#[test]
fn input_method_composition_commits_into_the_value() {
    let mut harness = fields_harness();
    click_into(&mut harness, "First");
    type_chars(&mut harness, "قال");
    harness.event(Event::Ime(egui::ImeEvent::Preedit {
        text: "ت".to_owned(),
        active_range_chars: None,
    }));
    harness.run();
    assert_eq!(harness.state().first, "قال", "composition text is not the value yet");
    let ime = harness
        .output()
        .platform_output
        .ime
        .expect("the caret is given to the input method");
    let field = field_rect(&harness, "First");
    assert!(
        field.contains(ime.cursor_rect.center()),
        "{:?} in {field:?}",
        ime.cursor_rect
    );
    harness.event(Event::Ime(egui::ImeEvent::Commit("ت".to_owned())));
    harness.run();
    assert_eq!(harness.state().first, "قالت");
}

/// Where the hint `text` is painted.
fn painted_hint<S>(harness: &Harness<'_, S>, text: &str) -> Rect {
    all_shapes(&harness.output().shapes)
        .into_iter()
        .find_map(|shape| match shape {
            Shape::Text(shape) if shape.galley.text() == text => Some(shape.visual_bounding_rect()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the hint {text:?} is painted"))
}

#[test]
fn an_empty_field_shows_its_hint_and_assistive_technologies_can_set_it() {
    let mut harness = fields_harness();
    let field = field_rect(&harness, "First");
    let hint = painted_hint(&harness, "type here");
    assert!(hint.left() - field.left() < 10.0, "a left-to-right interface: {hint:?}");
    // In a right-to-left interface an empty field runs right to left.
    hashiya::ui::bidi_text_field::set_interface_rtl(&harness.ctx, true);
    harness.run();
    let hint = painted_hint(&harness, "type here");
    assert!(
        field.right() - hint.right() < 10.0,
        "a right-to-left interface: {hint:?}"
    );
    hashiya::ui::bidi_text_field::set_interface_rtl(&harness.ctx, false);
    harness.get_by_label("First").set_text_value_accesskit("مرحبا");
    harness.run();
    assert_eq!(harness.state().first, "مرحبا");
    harness.get_by_label("Notes").focus();
    harness.run();
    harness.get_by_label("Notes").type_text("سطر");
    harness.run();
    harness.key_press(Key::Enter);
    harness.get_by_label("Notes").type_text("ثان");
    harness.run();
    assert_eq!(
        harness.state().notes,
        "سطر\nثان",
        "Enter starts a new line in a multi-line field"
    );
    assert_right_aligned(&harness, "Notes");
}

// ---- Every field of the window ----

fn app() -> Harness<'static, HashiyaApp> {
    common::app_on_sample_copy(SIZE)
}

fn apply(harness: &mut Harness<'_, HashiyaApp>, action: AppAction) {
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, action);
    harness.run_steps(20);
}

fn select_first_span(harness: &mut Harness<'_, HashiyaApp>) -> hashiya::model::SpanId {
    let command = Command::AddSpan {
        label: "Actor".into(),
        char_start: 0,
        char_end: 4,
    };
    apply(harness, AppAction::Edit(command));
    let id = harness.state().session().document().spans().last().expect("a span").id;
    apply(harness, AppAction::Annotate(AnnotatorAction::SelectSpan(id)));
    id
}

#[test]
fn filter_field_takes_arabic() {
    let mut harness = app();
    let text = harness.state().session().document().text().to_owned();
    for (start, end) in [common::find(&text, "قادة الجيش", 0), (0, 4)] {
        let command = Command::AddSpan {
            label: "Actor".into(),
            char_start: start,
            char_end: end,
        };
        apply(&mut harness, AppAction::Edit(command));
    }
    harness.get_by_label("- Actor (2)");
    click_into(&mut harness, "Filter");
    type_chars(&mut harness, "قادة الجيش");
    assert_eq!(field_value(&harness, "Filter"), "قادة الجيش");
    assert_right_aligned(&harness, "Filter");
    harness.get_by_label("- Actor (1)");
}

#[test]
fn note_field_takes_arabic_and_its_undo_is_not_the_documents() {
    let mut harness = app();
    let id = select_first_span(&mut harness);
    click_into(&mut harness, "Note");
    type_chars(&mut harness, "رئيس الأركان");
    assert_right_aligned(&harness, "Note");
    // Ctrl+Z in the field undoes the typing, not the span just added.
    type_chars(&mut harness, " العامة");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(field_value(&harness, "Note"), "رئيس الأركان");
    let spans = harness.state().session().document().spans().len();
    assert!(
        harness.state().session().document().spans().iter().any(|s| s.id == id),
        "{spans} spans"
    );
    harness.key_press(Key::Escape);
    harness.run();
    let document = harness.state().session().document();
    let span = document.spans().iter().find(|s| s.id == id).expect("the span");
    assert_eq!(span.note.as_deref(), Some("رئيس الأركان"));
}

#[test]
fn annotator_field_takes_arabic() {
    let mut harness = app();
    click_into(&mut harness, "Annotator");
    type_chars(&mut harness, "أمل");
    assert_right_aligned(&harness, "Annotator");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().document().meta().annotator, "أمل");
}

#[test]
fn path_field_takes_arabic() {
    let prompt = PathPrompt {
        purpose: PickPurpose::OpenArticle,
        reason: "No native file dialog".to_owned(),
        text: String::new(),
    };
    let mut harness = Harness::new_ui_state(
        |ui, (prompt, chosen): &mut (PathPrompt, Option<std::path::PathBuf>)| {
            if let (Some(path), _) = prompt.show_ui(ui.ctx()) {
                *chosen = Some(path);
            }
        },
        (prompt, None),
    );
    harness.set_size(SIZE);
    harness.run();
    // The prompt focuses its field itself.
    type_chars(&mut harness, "مقالات/خبر.txt");
    assert_right_aligned(&harness, "Path");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().1.as_deref(),
        Some(std::path::Path::new("مقالات/خبر.txt"))
    );
}

#[test]
fn label_name_field_takes_arabic() {
    let mut harness = app();
    apply(&mut harness, AppAction::ToggleLabels);
    click_into(&mut harness, "New label");
    type_chars(&mut harness, "مؤسسة");
    assert_right_aligned(&harness, "New label");
    harness.get_by_label("Add").click();
    harness.run();
    assert!(
        harness.state().session().document().schema().label("مؤسسة").is_some(),
        "the label is added under its Arabic name"
    );

    // Renaming: the row's field starts with the name; select it all and type over it.
    click_into(&mut harness, "New name for Actor");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_chars(&mut harness, "فاعل");
    assert_right_aligned(&harness, "New name for Actor");
    harness
        .get_all_by_label("Rename")
        .next()
        .expect("a Rename button")
        .click();
    harness.run();
    let schema = harness.state().session().document().schema();
    assert!(schema.label("فاعل").is_some() && schema.label("Actor").is_none());
}

#[test]
fn find_query_field_takes_arabic() {
    let mut harness = app();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_chars(&mut harness, "قادة الجيش");
    harness.run_steps(4);
    assert_eq!(field_value(&harness, "Find"), "قادة الجيش");
    assert_right_aligned(&harness, "Find");
    harness.get_by_label_contains("1 of ");
}

#[test]
fn export_destination_field_takes_an_arabic_path() {
    let mut harness = app();
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let destination = dir.join("تصدير.jsonl");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    click_into(&mut harness, "Destination");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(Event::Paste(destination.display().to_string()));
    harness.run();
    assert_eq!(field_value(&harness, "Destination"), destination.display().to_string());
    harness.get_by_label("Export").click();
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains("written to").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label_contains("written to");
    assert!(destination.exists(), "the export is written under its Arabic name");
}
