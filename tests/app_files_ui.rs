//! File handling through the real window (`egui_kittest`): a folder with save-on-switch, the
//! unsaved-changes prompt, the in-window path field when no native dialog exists, and the
//! offer to restore an autosave.

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use hashiya::app::DocumentSession;
use hashiya::model::Command;
use hashiya::ui::folder_panel::OpenFolder;
use hashiya::ui::{AppAction, AppOptions, HashiyaApp};

fn folder_with_two_articles() -> std::path::PathBuf {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    std::fs::write(dir.join("a.txt"), "قال الفريق محمد الحداد إن الاجتماع ناجح.").expect("a");
    std::fs::write(dir.join("b.txt"), "وأكد قادة الجيش الليبي رفضهم التام.").expect("b");
    dir
}

fn app(options: AppOptions) -> Harness<'static, HashiyaApp> {
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(Vec2::new(1200.0, 800.0));
    harness.run();
    harness
}

/// The window on one article, no folder.
fn app_on(article: &std::path::Path) -> Harness<'static, HashiyaApp> {
    let session = DocumentSession::open(article).expect("opens");
    app(AppOptions {
        session: Some(session),
        ..AppOptions::default()
    })
}

fn add_actor(harness: &mut Harness<'_, HashiyaApp>, start: usize, end: usize) {
    let ctx = harness.ctx.clone();
    let action = AppAction::Edit(Command::AddSpan {
        label: "Actor".into(),
        char_start: start,
        char_end: end,
    });
    harness.state_mut().perform(&ctx, action);
    harness.run();
}

fn article_name(harness: &Harness<'_, HashiyaApp>) -> String {
    harness.state().session().display_name()
}

#[test]
fn next_document_saves_first_and_the_folder_panel_lists_the_articles() {
    let dir = folder_with_two_articles();
    let folder = OpenFolder::open(&dir, None).expect("lists");
    let session = DocumentSession::open(&folder.entries[0].article).expect("opens");
    let mut harness = app(AppOptions {
        session: Some(session),
        folder: Some(folder),
        ..AppOptions::default()
    });
    harness.get_by_label_contains("b.txt");
    add_actor(&mut harness, 4, 22);
    assert!(harness.state().session().is_modified());

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    assert_eq!(article_name(&harness), "b.txt");
    let saved = hashiya::io::load_document(&dir.join("a.txt")).expect("a reloads");
    let spans: Vec<_> = saved
        .document
        .spans()
        .iter()
        .map(|s| saved.document.span_text(s).to_owned())
        .collect();
    assert_eq!(spans, ["الفريق محمد الحداد"], "switching saved a.txt's annotations");

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    assert_eq!(article_name(&harness), "a.txt");
    assert_eq!(harness.state().session().document().spans().len(), 1);
}

#[test]
fn opening_another_article_with_unsaved_edits_asks_first() {
    let dir = folder_with_two_articles();
    let mut harness = app_on(&dir.join("a.txt"));
    add_actor(&mut harness, 4, 22);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, AppAction::OpenPath(dir.join("b.txt")));
    harness.run();
    harness.get_by_label("Unsaved changes");
    assert_eq!(article_name(&harness), "a.txt", "nothing happens before the answer");

    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(article_name(&harness), "a.txt");
    assert!(harness.state().session().is_modified(), "Cancel keeps the edits");

    harness
        .state_mut()
        .perform(&ctx, AppAction::OpenPath(dir.join("b.txt")));
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(article_name(&harness), "b.txt");
    assert!(
        dir.join("a.hashiya.ron").exists(),
        "Save wrote a's annotations before opening b"
    );
}

#[test]
fn without_a_native_dialog_open_shows_a_path_field() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        eprintln!("skipped: this session has a desktop bus, so the native dialog would open");
        return;
    }
    let dir = folder_with_two_articles();
    let mut harness = app_on(&dir.join("a.txt"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label_contains("No native file dialog");
    // The field has the keyboard focus and starts with the article's folder: type the name.
    harness.event(egui::Event::Text("b.txt".to_owned()));
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(article_name(&harness), "b.txt");
}

#[test]
fn an_autosave_newer_than_the_saved_file_is_offered_at_open() {
    let dir = folder_with_two_articles();
    let article = dir.join("a.txt");
    let mut session = DocumentSession::open(&article).expect("opens");
    session
        .edit(Command::AddSpan {
            label: "Actor".into(),
            char_start: 4,
            char_end: 22,
        })
        .expect("edit");
    assert!(session.autosave().expect("autosaves"));
    drop(session); // the crash

    let session = DocumentSession::open(&article).expect("reopens");
    let mut harness = app(AppOptions {
        session: Some(session),
        ..AppOptions::default()
    });
    harness.get_by_label("Unsaved work found");
    harness.get_by_label("Restore it").click();
    harness.run();
    assert_eq!(harness.state().session().document().spans().len(), 1);
    assert!(harness.state().session().is_modified());
}

#[test]
fn export_from_the_window_writes_jsonl_with_a_progress_report() {
    let dir = folder_with_two_articles();
    let mut harness = app_on(&dir.join("a.txt"));
    add_actor(&mut harness, 4, 22);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Export dataset");
    harness.get_by_label("Export").click();
    let exported = dir.join("a.jsonl");
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains("written to").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label_contains("written to");
    let line = std::fs::read_to_string(&exported).expect("the export exists");
    let json: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON document");
    assert_eq!(json["spans"][0]["text"], "الفريق محمد الحداد");
    assert_eq!(json["spans"][0]["start"], 4);
}

#[test]
fn export_dialog_writes_token_classification_with_labels_json() {
    let dir = folder_with_two_articles();
    let mut harness = app_on(&dir.join("a.txt"));
    add_actor(&mut harness, 4, 22);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Format").click();
    harness.run();
    harness
        .get_by_label("JSONL (token classification, with labels.json)")
        .click();
    harness.run();
    harness.get_by_label_contains("labels.json (the tag names");
    harness.get_by_label("Export").click();
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains("written to").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label_contains("written to");
    let records = std::fs::read_to_string(dir.join("a.jsonl")).expect("the export exists");
    let labels = std::fs::read_to_string(dir.join("labels.json")).expect("labels.json beside it");
    let labels: serde_json::Value = serde_json::from_str(&labels).expect("JSON");
    let record: serde_json::Value = serde_json::from_str(records.lines().next().expect("a record")).expect("JSON");
    let tags: Vec<&str> = record["ner_tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|id| {
            labels["labels"][usize::try_from(id.as_u64().expect("integer")).expect("id")]
                .as_str()
                .expect("named")
        })
        .collect();
    let tokens: Vec<&str> = record["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    let actor: Vec<&str> = tokens
        .iter()
        .zip(&tags)
        .filter(|(_, tag)| tag.ends_with("-Actor"))
        .map(|(token, _)| *token)
        .collect();
    assert_eq!(actor, ["الفريق", "محمد", "الحداد"], "{tokens:?} {tags:?}");
    assert!(tags.iter().filter(|t| t.starts_with("B-")).count() == 1, "{tags:?}");
}
