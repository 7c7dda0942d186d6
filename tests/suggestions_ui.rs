//! Suggestions in the real window: imported predictions are listed in the side panel, N walks
//! them, Enter accepts (a normal span), X rejects (remembered in the file), "Accept all" is one
//! undo step; the string matcher runs from the panel in the background, and learns each new
//! span within the same undo step.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::model::{Document, DocumentMeta, NewSuggestion, Schema, Span, SpanId, SuggestionSource};
use hashiya::ui::HashiyaApp;

const NAME: &str = "libya-army-leaders-meeting.ar";

/// The sample article in `dir`, with `spans` annotated and a model's predictions of every
/// occurrence of «الجيش الليبي» as Actors.
fn sample_with_predictions(dir: &std::path::Path, spans: Vec<Span>) -> std::path::PathBuf {
    let article = dir.join(format!("{NAME}.txt"));
    std::fs::write(&article, common::SAMPLE).expect("article");
    let meta = DocumentMeta {
        source_name: format!("{NAME}.txt"),
        ..DocumentMeta::default()
    };
    let document = Document::from_parts(
        common::SAMPLE.to_owned(),
        Schema::default_schema(),
        meta,
        spans,
        Vec::new(),
    );
    let proposals: Vec<NewSuggestion> = (0..4)
        .map(|nth| {
            let (char_start, char_end) = common::find(common::SAMPLE, "الجيش الليبي", nth);
            NewSuggestion {
                char_start,
                char_end,
                label: "Actor".into(),
                score: 0.5 + 0.1 * f32::from(u8::try_from(nth).expect("small")),
            }
        })
        .collect();
    let source = SuggestionSource::Imported("bert".into());
    let (command, counts) = document.suggestion_command(&source, &proposals, &[]);
    assert_eq!(counts.made + counts.annotated, 4, "{counts:?}");
    assert_eq!((counts.rejected, counts.invalid), (0, 0), "{counts:?}");
    let suggestions = document.suggestions().replacing(command).expect("a suggestion set");
    let document = document.with_suggestions(suggestions);
    std::fs::write(
        hashiya::io::annotation_path_for(&article),
        hashiya::io::to_ron_string(&document),
    )
    .expect("annotations");
    article
}

/// Runs frames until `done` holds (a source answers from a background thread).
fn wait_for(harness: &mut Harness<'_, HashiyaApp>, what: &str, done: impl Fn(&hashiya::model::Document) -> bool) {
    let mut waited = 0;
    while !done(harness.state().session().document()) {
        assert!(waited < 3000, "{what}");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run();
        waited += 1;
    }
}

/// Whether `source` suggests anything in the document.
fn suggests(document: &hashiya::model::Document, source: &SuggestionSource) -> bool {
    document.suggestions().spans().iter().any(|s| &s.source == source)
}

fn counts(harness: &Harness<'_, HashiyaApp>) -> (usize, usize) {
    let document = harness.state().session().document();
    (document.spans().len(), document.suggestions().spans().len())
}

#[test]
fn walk_accept_reject_and_accept_all_with_undo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = sample_with_predictions(dir.path(), Vec::new());
    let mut harness = common::app_on_article(&article);
    harness.get_by_label_contains("Suggestions (4)");
    harness.get_by_label_contains("bert");
    assert_eq!(counts(&harness), (0, 4));

    // N goes to the first, Enter makes it a span, the walk moves on; X rejects the next.
    harness.key_press(Key::N);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(counts(&harness), (1, 3));
    let first = common::find(common::SAMPLE, "الجيش الليبي", 0);
    let span = &harness.state().session().document().spans()[0];
    assert_eq!(
        (span.char_start, span.char_end, span.label.as_str()),
        (first.0, first.1, "Actor")
    );
    harness.key_press(Key::X);
    harness.run();
    assert_eq!(counts(&harness), (1, 2));
    let second = common::find(common::SAMPLE, "الجيش الليبي", 1);
    assert!(
        harness
            .state()
            .session()
            .document()
            .suggestions()
            .is_rejected("Actor", second.0, second.1)
    );

    // "Accept all" takes the rest at once.
    harness.get_by_label_contains("Accept all Actor").click();
    harness.run();
    assert_eq!(counts(&harness), (3, 0), "both remaining accepted");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness), (1, 2), "one undo takes back the whole accept-all");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness), (1, 3), "the rejection is undone");

    // Saved: the file keeps the suggestions in their own section, never as spans.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(hashiya::io::annotation_path_for(&article)).expect("reads");
    assert!(saved.contains("    format_version: 4,"));
    assert_eq!(saved.matches("source: Imported(\"bert\")").count(), 3);
    let exported = hashiya::export::jsonl::export_str(
        std::slice::from_ref(harness.state().session().document()),
        hashiya::export::jsonl::JsonlFlavor::Hashiya,
    )
    .0;
    assert_eq!(
        exported.matches("\"label\":\"Actor\"").count(),
        1,
        "exports carry annotations only"
    );
}

#[test]
fn the_matcher_suggests_other_occurrences_and_learns_new_spans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (start, end) = common::find(common::SAMPLE, "قادة الجيش الليبي", 0);
    let article = sample_with_predictions(dir.path(), vec![Span::new(SpanId(1), "Actor", start, end)]);
    let mut harness = common::app_on_article(&article);
    harness.get_by_label("Matcher").click();
    wait_for(&mut harness, "the matcher answers", |d| {
        suggests(d, &SuggestionSource::Matcher)
    });
    let matched: Vec<(usize, usize)> = harness
        .state()
        .session()
        .document()
        .suggestions()
        .spans()
        .iter()
        .filter(|s| s.source == SuggestionSource::Matcher)
        .map(|s| (s.char_start, s.char_end))
        .collect();
    for nth in 1..4 {
        let (s, e) = common::find(common::SAMPLE, "قادة الجيش الليبي", nth);
        assert!(
            matched.iter().any(|&(ms, me)| ms <= s && me == e),
            "occurrence {nth} suggested: {matched:?}"
        );
    }

    // A new span of another string: its occurrences are suggested at once, and one undo takes
    // back the span with them.
    let before = harness.state().session().document().suggestions().clone();
    let (w_start, w_end) = common::find(common::SAMPLE, "وليامز", 0);
    harness
        .state_mut()
        .article_view_mut()
        .set_selection(Some(w_start..w_end));
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().session().document().spans().len(), 2);
    // The matcher finds its strings again on a background thread; the answer joins the step.
    let later = common::find(common::SAMPLE, "وليامز", 1);
    wait_for(&mut harness, "Williams is suggested again further on", |d| {
        d.suggestions()
            .spans()
            .iter()
            .any(|s| s.source == SuggestionSource::Matcher && s.char_end >= later.1 && s.char_start <= later.1)
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let document = harness.state().session().document();
    assert_eq!(document.spans().len(), 1);
    assert_eq!(document.suggestions().spans(), before.spans());
}

/// Runs a source from the side panel and waits for its answer.
fn run_source(harness: &mut Harness<'_, HashiyaApp>, button: &str, source: &SuggestionSource) {
    // Without suggestions the section starts folded.
    if harness.query_by_label(button).is_none() {
        harness.get_by_label_contains("Suggestions (").click();
        harness.run();
    }
    harness.get_by_label(button).click();
    wait_for(harness, &format!("{button} answers"), |d| suggests(d, source));
}

#[test]
fn the_rules_suggest_quotes_with_their_speakers_and_a_link_accepts_both_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The sample's actors are annotated, its quotes and links not.
    let actors: Vec<Span> = common::golden_document()
        .spans()
        .iter()
        .filter(|s| s.label == "Actor")
        .cloned()
        .collect();
    let article = sample_with_predictions(dir.path(), actors);
    let mut harness = common::app_on_article(&article);
    run_source(&mut harness, "Rules", &SuggestionSource::Rules);
    let document = harness.state().session().document();
    let quotes = document
        .suggestions()
        .spans()
        .iter()
        .filter(|s| s.label == "Quote")
        .count();
    assert!(quotes > 0, "quotes suggested");
    let link = document
        .suggestions()
        .links()
        .iter()
        .find(|l| l.kind == "speaker")
        .expect("a speaker suggested")
        .id;
    // Walk to the link and accept it: the quote, its speaker (when suggested) and the link.
    let mut steps = 0;
    while harness_current(&harness) != Some(link) {
        harness.key_press(Key::N);
        harness.run();
        steps += 1;
        assert!(steps < 200, "N reaches the link");
    }
    harness.key_press(Key::Enter);
    harness.run();
    let document = harness.state().session().document();
    assert_eq!(document.links().len(), 1);
    let made = &document.links()[0];
    assert_eq!(document.span(made.from).map(|s| s.label.as_str()), Some("Quote"));
    assert_eq!(document.span(made.to).map(|s| s.label.as_str()), Some("Actor"));
}

fn harness_current(harness: &Harness<'_, HashiyaApp>) -> Option<hashiya::model::SuggestionId> {
    harness.state().current_suggestion()
}

/// A folder of two articles: the sample annotated, and a new one that mentions the same
/// actors. The tagger trains on the folder in the background (a progress bar, the window keeps
/// drawing) and suggests actors in the new article.
#[test]
fn the_tagger_trains_on_the_folder_and_suggests_in_the_open_article() {
    use hashiya::app::DocumentSession;
    use hashiya::ui::AppOptions;
    use hashiya::ui::folder_panel::OpenFolder;
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = dir.path().join("a-sample.txt");
    std::fs::write(&sample, common::SAMPLE).expect("article");
    std::fs::write(
        hashiya::io::annotation_path_for(&sample),
        hashiya::io::to_ron_string(&common::golden_document()),
    )
    .expect("annotations");
    let new = dir.path().join("b-new.txt");
    let text = "وقال الفريق محمد الحداد إن اللجنة العسكرية المشتركة ستجتمع مع ستيفاني وليامز في طرابلس.\n";
    std::fs::write(&new, text).expect("article");
    let folder = OpenFolder::open(dir.path(), None).expect("folder");
    let options = AppOptions {
        session: Some(DocumentSession::open(&new).expect("opens")),
        folder: Some(folder),
        ..AppOptions::default()
    };
    let mut harness = common::app_with(options);
    run_source(&mut harness, "Tagger", &SuggestionSource::Tagger);
    let document = harness.state().session().document();
    let actors: Vec<&str> = document
        .suggestions()
        .spans()
        .iter()
        .filter(|s| s.source == SuggestionSource::Tagger && s.label == "Actor")
        .map(|s| document.text_of(s.char_start, s.char_end))
        .collect();
    assert!(!actors.is_empty(), "the tagger suggests actors: {actors:?}");
    assert!(document.spans().is_empty(), "suggestions only");
}

/// "Import predictions…" in the side panel reads a model's JSONL predictions (the format
/// `hashiya import --to suggestions` reads) in the background: the line that names the open
/// article becomes its suggestions in one undo step, and the status line says what was left
/// out and why.
#[test]
fn predictions_imported_from_the_window_become_suggestions_in_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = sample_with_predictions(dir.path(), Vec::new());
    // The article starts without suggestions.
    std::fs::remove_file(hashiya::io::annotation_path_for(&article)).expect("removed");
    let mut spans: Vec<serde_json::Value> = (0..3)
        .map(|nth| {
            let (start, end) = common::find(common::SAMPLE, "الجيش الليبي", nth);
            serde_json::json!({ "start": start, "end": end, "label": "Actor", "score": 0.9 })
        })
        .collect();
    spans.push(serde_json::json!({ "start": 0, "end": 4, "label": "PER", "score": 0.5 }));
    let line = serde_json::json!({
        "document": NAME,
        "text": common::SAMPLE,
        "model": "camelbert",
        "spans": spans,
    });
    let other = r#"{"document":"another.txt","text":"نص آخر","spans":[]}"#;
    let predictions = dir.path().join("predictions.jsonl");
    std::fs::write(&predictions, format!("{other}\nnot json\n{line}\n")).expect("predictions");

    let mut harness = common::app_on_article(&article);
    assert_eq!(counts(&harness), (0, 0));
    if harness.query_by_label("Import predictions…").is_none() {
        harness.get_by_label_contains("Suggestions (").click();
        harness.run();
    }
    let no_portal =
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none();
    if no_portal {
        // No native dialog here: the path field starts with the article's folder.
        harness.get_by_label("Import predictions…").click();
        harness.run();
        harness.get_by_label_contains("No native file dialog");
        harness.event(egui::Event::Text("predictions.jsonl".to_owned()));
        harness.run();
        harness.get_by_label("OK").click();
    } else {
        let ctx = harness.ctx.clone();
        harness.state_mut().perform(
            &ctx,
            hashiya::ui::AppAction::Suggestion(hashiya::ui::SuggestionAction::ImportPredictions(predictions)),
        );
    }
    let source = SuggestionSource::Imported("camelbert".into());
    wait_for(&mut harness, "the predictions are read", |d| suggests(d, &source));
    assert_eq!(counts(&harness), (0, 3), "the PER span is of a label the schema lacks");
    let message = harness.state().message().expect("a status line").to_owned();
    assert!(
        message.contains("3 suggestions added from predictions.jsonl"),
        "{message}"
    );
    assert!(message.contains("1 left out"), "{message}");
    assert!(message.contains("Labels not in the schema: PER"), "{message}");
    assert!(
        message.contains("line 2"),
        "the line that is not JSON is named: {message}"
    );

    // The suggestions walk like any other, and one undo takes the import back.
    harness.key_press(Key::N);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(counts(&harness), (1, 2));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness), (0, 0), "one undo step for the whole import");
}

/// A predictions file without a line for the open article changes nothing and says why.
#[test]
fn predictions_for_other_articles_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = sample_with_predictions(dir.path(), Vec::new());
    let predictions = dir.path().join("other.jsonl");
    std::fs::write(&predictions, r#"{"document":"another.txt","text":"نص آخر","spans":[]}"#).expect("file");
    let mut harness = common::app_on_article(&article);
    let before = harness.state().session().document().suggestions().clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(
        &ctx,
        hashiya::ui::AppAction::Suggestion(hashiya::ui::SuggestionAction::ImportPredictions(predictions)),
    );
    let mut waited = 0;
    while !harness.state().message().is_some_and(|m| m.contains("has no line for")) {
        assert!(waited < 3000, "the refusal is said");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run();
        waited += 1;
    }
    let message = harness.state().message().expect("said");
    assert!(message.contains(&format!("{NAME}.txt")), "{message}");
    assert_eq!(harness.state().session().document().suggestions(), &before);
}
