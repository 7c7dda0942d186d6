//! The Arabic interface in the real window: chosen through View › Language, it leaves no
//! English in what the window shows (the whole AccessKit tree is read), and it is mirrored:
//! menus from the right, the side panel on the left. Switching back restores English.

mod common;

use std::collections::BTreeSet;

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use hashiya::app::DocumentSession;
use hashiya::app::{AnnotatorAction, Catalogue, Language};
use hashiya::model::{Command, Schema, Status};
use hashiya::ui::action_table::{Menu, action_entries};
use hashiya::ui::language::Tr;
use hashiya::ui::{AppAction, AppOptions, HashiyaApp, ViewSettings};

fn harness() -> Harness<'static, HashiyaApp> {
    common::app_on_sample_copy(Vec2::new(1200.0, 800.0))
}

/// Chooses `language` in View › Language, with the menu titles of the language shown now.
fn choose_language(harness: &mut Harness<'_, HashiyaApp>, now: Language, language: Language) {
    let catalogue = Catalogue::get(now);
    harness.get_by_label(&catalogue.tr("menu-view")).click();
    harness.run();
    harness.get_by_label(&catalogue.tr("menu-language")).hover();
    harness.run();
    harness.get_by_label(language.native_name()).click();
    // One frame to switch, one to draw in the new language and fonts.
    harness.run();
    harness.run();
}

/// The ASCII words (letters and digits) of `text` that have a Latin letter, in lower case.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Accessible names egui gives its own parts (a window's close and collapse buttons, the
/// resize handles of windows and panels, the colour picker): not strings of Hashiya's, and
/// egui offers no way to translate them.
fn is_eguis_own(role: egui::accesskit::Role, text: &str) -> bool {
    use egui::accesskit::Role;
    matches!(role, Role::Splitter | Role::ColorWell) || ["Close window", "Hide", "Show"].contains(&text)
}

/// Latin words the window may show in any language: the keys of shortcuts, the open file's
/// name and encoding, and what the document and its schema say (label and relation names,
/// attributes, span ids, the annotator's name: user text).
fn allowed_words(harness: &Harness<'_, HashiyaApp>) -> BTreeSet<String> {
    let session = harness.state().session();
    let document = session.document();
    let schema = document.schema();
    let mut texts: Vec<String> = vec![
        session.display_name(),
        session.article_path().display().to_string(),
        session.encoding().to_owned(),
        document.meta().annotator.clone(),
    ];
    for entry in action_entries(schema, Tr::new(Language::English)) {
        texts.extend(entry.keys.iter().map(|key| harness.ctx.format_shortcut(key)));
    }
    // Key names in messages ("Esc to finish"), as on the keyboard.
    texts.push("Esc Enter Tab Shift Ctrl Alt Delete F8".to_owned());
    for label in &schema.labels {
        texts.push(label.name.clone());
        texts.push(label.shown_name().to_owned());
        for attribute in &label.attributes {
            texts.push(attribute.name.clone());
            texts.extend(attribute.values.iter().cloned());
        }
    }
    for relation in &schema.relations {
        texts.push(relation.name.clone());
    }
    texts.extend(document.spans().iter().map(|span| span.id.to_string()));
    texts.extend(document.spans().iter().filter_map(|span| span.note.clone()));
    // Names of file formats and of the tools that read them, and file extensions.
    texts.push("JSONL doccano UTF-16 labels.json CoNLL IOB2 brat spaCy DocBin .spacy .ron .txt".to_owned());
    texts.iter().flat_map(|text| latin_words(text)).collect()
}

/// Every label and value in the window's accessibility tree with a Latin word that is not
/// allowed, with the node's role.
fn english_left(harness: &Harness<'_, HashiyaApp>) -> Vec<String> {
    english_left_with(harness, &[])
}

/// [`english_left`], with `more` user text (names, file names) allowed.
fn english_left_with(harness: &Harness<'_, HashiyaApp>, more: &[&str]) -> Vec<String> {
    let mut allowed = allowed_words(harness);
    allowed.extend(more.iter().flat_map(|text| latin_words(text)));
    let mut found = Vec::new();
    for node in harness.query_all(By::new().include_labels().predicate(|_| true)) {
        let node = node.accesskit_node();
        let role = node.role();
        let mut texts = vec![node.label()];
        // What is typed in a field is user text; a label's text is in its value.
        if role != egui::accesskit::Role::TextInput && role != egui::accesskit::Role::MultilineTextInput {
            texts.push(node.value());
        }
        // egui's text runs list the glyphs of its galleys in drawing order, not text.
        if role == egui::accesskit::Role::TextRun {
            continue;
        }
        for text in texts.into_iter().flatten().filter(|text| !is_eguis_own(role, text)) {
            let words: Vec<String> = latin_words(&text)
                .into_iter()
                .filter(|w| !allowed.contains(w))
                .collect();
            if !words.is_empty() {
                found.push(format!("{role:?} {text:?}: {words:?}"));
            }
        }
    }
    found
}

#[test]
fn the_arabic_interface_leaves_no_english_string() {
    let mut harness = harness();
    // The check finds the English interface: it can fail.
    let english = english_left(&harness);
    assert!(
        english.iter().any(|line| line.contains("\"File\"")) && english.len() > 10,
        "{english:#?}"
    );
    choose_language(&mut harness, Language::English, Language::Arabic);
    let left = english_left(&harness);
    assert!(left.is_empty(), "English left in the Arabic interface:\n{left:#?}");
    // Every menu opened in turn: their items too.
    let tr = Tr::new(Language::Arabic);
    for menu in Menu::ALL {
        let closed = harness
            .query_all(By::new().include_labels().predicate(|_| true))
            .count();
        harness.get_by_label(&menu.title(tr)).click();
        harness.run();
        let open = harness
            .query_all(By::new().include_labels().predicate(|_| true))
            .count();
        assert!(open > closed + 3, "{menu:?} opened: {closed} nodes, then {open}");
        let left = english_left(&harness);
        assert!(left.is_empty(), "English left in the {menu:?} menu:\n{left:#?}");
        // A second click closes it.
        harness.get_by_label(&menu.title(tr)).click();
        harness.run();
    }
    // The side panel's Suggestions section, folded while there are none: unfolded, its
    // buttons, slider and the import of predictions.
    let suggestions = tr.t_args("suggestions-section", &[("count", 0_usize.into())]);
    harness.get_by_label(&suggestions).click();
    harness.run_steps(4);
    harness.get_by_label(&tr.t("suggestions-import-predictions"));
    let left = english_left(&harness);
    assert!(left.is_empty(), "English left in the Suggestions section:\n{left:#?}");
    // The windows and bars, all open at once.
    let before = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .count();
    let ctx = harness.ctx.clone();
    for action in [
        AppAction::ToggleProblems,
        AppAction::ToggleLabels,
        AppAction::ToggleStatistics,
        AppAction::Find,
        AppAction::Export,
        AppAction::Import,
    ] {
        harness.state_mut().perform(&ctx, action);
    }
    // New windows measure themselves over a few frames.
    harness.run_steps(10);
    let after = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .count();
    assert!(after > before + 30, "the windows opened: {before} nodes, then {after}");
    let left = english_left(&harness);
    assert!(left.is_empty(), "English left in the windows:\n{left:#?}");

    // A span selected (its details in the side panel) and a link being drawn (the picker),
    // with the Problems window still open: the new span is a problem (it has no link yet),
    // worded in Arabic.
    let problems_before = hashiya::checks::find_problems(harness.state().session().document()).len();
    let document = harness.state().session().document();
    let relation = document
        .schema()
        .relations
        .first()
        .expect("the schema has a relation")
        .clone();
    // A span that can head the relation (labelling it selects it), then the link.
    let (start, end) = common::find(common::SAMPLE, "الحداد", 0);
    harness.state_mut().article_view_mut().set_selection(Some(start..end));
    for action in [
        AnnotatorAction::ApplyLabel(relation.from_label.clone()),
        AnnotatorAction::StartLink(relation.name.clone()),
    ] {
        harness.state_mut().perform(&ctx, AppAction::Annotate(action));
    }
    harness.run_steps(6);
    // As egui is given it: rearranged, since it mixes key names with Arabic.
    let picker = Tr::new(Language::Arabic).t("picker-keys");
    assert!(
        harness.query_by_label_contains(&picker).is_some(),
        "the link picker is open"
    );
    let problems = hashiya::checks::find_problems(harness.state().session().document());
    assert!(problems.len() > problems_before, "the new span is a problem");
    let left = english_left(&harness);
    assert!(
        left.is_empty(),
        "English left around a selected span, the link picker and the problems:\n{left:#?}"
    );
}

/// An article whose annotations have a problem of every kind the checks word differently:
/// no link, too few links, a duplicate, whitespace and punctuation at either edge, a
/// paragraph break, marked for review with and without a merge's reason.
fn article_with_every_problem() -> std::path::PathBuf {
    use hashiya::model::{Document, DocumentMeta, Link, LinkId, Span, SpanId};
    let text = "قال الحداد: إن الجيش موحد.\nواتفق الطرفان على دوريات مشتركة";
    let mut spans = Vec::new();
    let mut add = |label: &str, needle: &str| {
        let (start, end) = common::find(text, needle, 0);
        spans.push(Span::new(SpanId(spans.len() as u64 + 1), label, start, end));
    };
    add("Actor", "الحداد");
    add("Quote", "الجيش موحد");
    add("Actor", "الطرفان");
    add("Agreed action", "دوريات مشتركة");
    add("Actor", " الحداد");
    add("Actor", "الحداد");
    add("Actor", ": إن");
    add("Actor", "إن الجيش موحد.");
    add("Actor", "موحد.\nواتفق");
    add("Actor", "الحداد: ");
    add("Actor", "على");
    add("Actor", "مشتركة");
    spans[10].needs_review = true;
    spans[11].needs_review = true;
    spans[11].note = Some("Merge: both branches changed this span; this is their version.".into());
    let link = Link {
        id: LinkId(1),
        kind: "party".into(),
        from: SpanId(4),
        to: SpanId(3),
    };
    let folder = tempfile::tempdir().expect("temp dir").keep();
    let article = folder.join("problems.txt");
    std::fs::write(&article, text).expect("article");
    let meta = DocumentMeta {
        source_name: "problems.txt".into(),
        ..DocumentMeta::default()
    };
    let document = Document::from_parts(text.into(), Schema::default_schema(), meta, spans, vec![link]);
    hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    article
}

#[test]
fn the_problems_window_reads_in_arabic() {
    let mut harness = common::app_on_article(&article_with_every_problem());
    let problems = hashiya::checks::find_problems(harness.state().session().document());
    let mut reasons: Vec<String> = problems
        .iter()
        .map(|p| {
            format!("{:?}", p.reason)
                .split([' ', '{'])
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    reasons.dedup();
    assert!(problems.len() >= 10, "{problems:#?}");
    choose_language(&mut harness, Language::English, Language::Arabic);
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, AppAction::ToggleProblems);
    harness.run_steps(10);
    // Each problem is shown, in Arabic: its span's text, and a word of the Arabic catalogue.
    let arabic = Catalogue::get(Language::Arabic);
    // The bidi label gives its text as the node's value.
    let texts: Vec<String> = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .filter_map(|node| node.accesskit_node().value().or_else(|| node.accesskit_node().label()))
        .collect();
    for problem in &problems {
        let quoted = format!("«{}»", problem.excerpt);
        let shown: Vec<&String> = texts.iter().filter(|text| text.contains(&quoted)).collect();
        assert!(
            !shown.is_empty() && shown.iter().all(|text| **text != problem.message),
            "{problem:?} not shown in Arabic: {shown:?}"
        );
    }
    assert!(
        harness
            .query_all_by_label_contains(&arabic.tr("check-span-edge"))
            .count()
            >= 3
    );
    let left = english_left(&harness);
    assert!(left.is_empty(), "English left in the Problems window:\n{left:#?}");
    // The check finds English: in the English window the same problems are English words.
    choose_language(&mut harness, Language::Arabic, Language::English);
    let english = english_left(&harness);
    assert!(
        english.iter().any(|line| line.contains("has no speaker")),
        "{english:#?}"
    );
    assert!(reasons.len() >= 7, "{reasons:?}");
}

#[test]
fn every_menu_item_is_in_arabic() {
    // The table's entries in Arabic share no text with their English versions, except the
    // schema's names they quote.
    let schema = Schema::default_schema();
    let english = action_entries(&schema, Tr::new(Language::English));
    let arabic = action_entries(&schema, Tr::new(Language::Arabic));
    assert_eq!(english.len(), arabic.len());
    for (en, ar) in english.iter().zip(&arabic) {
        assert_ne!(en.label, ar.label);
        assert!(
            ar.label.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
            "{:?}",
            ar.label
        );
    }
}

#[test]
fn the_arabic_window_is_mirrored() {
    let mut harness = harness();
    let english = Catalogue::get(Language::English);
    let arabic = Catalogue::get(Language::Arabic);
    let rect_of = |harness: &Harness<'_, HashiyaApp>, label: &str| harness.get_by_label(label).rect();
    // English: File left of View, the side panel (its Filter field's caption) right of the
    // article.
    let (file, view) = (rect_of(&harness, "File"), rect_of(&harness, "View"));
    assert!(file.center().x < view.center().x, "{file:?} {view:?}");
    let article = rect_of(&harness, &english.tr("article-label"));
    let filter = rect_of(&harness, &english.tr("panel-filter"));
    assert!(
        filter.min.x > article.max.x - 1.0,
        "panel {filter:?}, article {article:?}"
    );

    choose_language(&mut harness, Language::English, Language::Arabic);
    let file = rect_of(&harness, &arabic.tr("menu-file"));
    let view = rect_of(&harness, &arabic.tr("menu-view"));
    assert!(
        file.center().x > view.center().x,
        "menus from the right: {file:?} {view:?}"
    );
    // The menu bar starts at the window's right edge.
    let width = harness.ctx.content_rect().width();
    assert!(file.max.x > width - 60.0, "{file:?} in a window {width} wide");
    let article = rect_of(&harness, &arabic.tr("article-label"));
    let filter = rect_of(&harness, &arabic.tr("panel-filter"));
    assert!(
        filter.max.x < article.min.x + 1.0,
        "panel {filter:?}, article {article:?}"
    );
    // The panel's rows are right-aligned: a caption ends at the panel's right edge, next to
    // the article.
    let caption = rect_of(&harness, &arabic.tr("panel-label-selection"));
    assert!(
        caption.max.x < article.min.x && article.min.x - caption.max.x < 40.0,
        "caption {caption:?}, article {article:?}"
    );
    // So are the Suggestions section's rows: its sources and its checkbox, once unfolded.
    let tr = Tr::new(Language::Arabic);
    harness
        .get_by_label(&tr.t_args("suggestions-section", &[("count", 0_usize.into())]))
        .click();
    harness.run_steps(4);
    for id in ["suggestions-run-matcher", "suggestions-show"] {
        let row = rect_of(&harness, &tr.t(id));
        assert!(
            row.max.x < article.min.x && article.min.x - row.max.x < 40.0,
            "{id}: {row:?}, article {article:?}"
        );
    }

    // A menu opens under its title, aligned to its right edge, its lines right-aligned.
    for (menu, item) in [("menu-file", "menu-quit"), ("menu-view", "menu-zoom-out")] {
        let title = rect_of(&harness, &arabic.tr(menu));
        harness.get_by_label(&arabic.tr(menu)).click();
        harness.run();
        let text = arabic.tr(item);
        let line = harness.query_by_label_contains(&text).expect("the menu line").rect();
        assert!(line.min.y > title.max.y, "{menu}: {line:?} under {title:?}");
        assert!(
            (line.max.x - title.max.x).abs() < 16.0,
            "{menu}: {line:?} under {title:?}"
        );
        assert!(line.width() < 400.0, "{menu} is {} wide", line.width());
        harness.get_by_label(&arabic.tr(menu)).click();
        harness.run();
    }

    // And back.
    choose_language(&mut harness, Language::Arabic, Language::English);
    let (file, view) = (rect_of(&harness, "File"), rect_of(&harness, "View"));
    assert!(file.center().x < view.center().x, "{file:?} {view:?}");
    let article = rect_of(&harness, "Article");
    let filter = rect_of(&harness, "Filter");
    assert!(
        filter.min.x > article.max.x - 1.0,
        "panel {filter:?}, article {article:?}"
    );
}

#[test]
fn the_unsaved_prompt_reads_in_arabic_from_the_right() {
    let mut harness = harness();
    choose_language(&mut harness, Language::English, Language::Arabic);
    let ctx = harness.ctx.clone();
    let in_progress = AppAction::Edit(Command::SetStatus(Status::InProgress));
    harness.state_mut().perform(&ctx, in_progress);
    harness.state_mut().perform(&ctx, AppAction::Quit);
    harness.run_steps(6);
    let arabic = Catalogue::get(Language::Arabic);
    harness.get_by_label(&arabic.tr("unsaved-title"));
    let left = english_left(&harness);
    assert!(left.is_empty(), "English left in the prompt:\n{left:#?}");
    // Its buttons run from the right: Save first.
    let save = harness.get_by_label(&arabic.tr("unsaved-save")).rect();
    let cancel = harness.get_by_label(&arabic.tr("button-cancel")).rect();
    assert!(save.center().x > cancel.center().x, "save {save:?}, cancel {cancel:?}");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn the_language_chosen_in_the_menu_is_saved_with_the_settings() {
    let mut harness = harness();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    assert_eq!(ViewSettings::load(Some(&storage)).language, Language::English);
    choose_language(&mut harness, Language::English, Language::Arabic);
    eframe::App::save(harness.state_mut(), &mut storage);
    assert_eq!(ViewSettings::load(Some(&storage)).language, Language::Arabic);
}

#[test]
fn a_team_project_asks_who_annotates_in_arabic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = r#"(annotators: ["sara", "omar"])"#;
    std::fs::write(dir.path().join("hashiya-project.ron"), project).expect("writes the project");
    let article = dir.path().join("news-1.txt");
    std::fs::write(&article, common::SAMPLE).expect("writes");
    let options = AppOptions {
        session: Some(DocumentSession::open(&article).expect("opens")),
        language: Some(Language::Arabic),
        ..AppOptions::default()
    };
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(Vec2::new(1100.0, 760.0));
    harness.run_steps(4);
    harness.get_by_label(&Catalogue::get(Language::Arabic).tr("team-who"));
    let left = english_left_with(&harness, &["sara omar hashiya-project.ron"]);
    assert!(left.is_empty(), "English left in the question:\n{left:#?}");
    harness.get_by_label("omar").click();
    harness.run();
    assert_eq!(harness.state().session().document().meta().annotator, "omar");
}

/// The window in `language` on a copy of the sample, with room for frames to settle.
fn harness_in(language: Language) -> Harness<'static, HashiyaApp> {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let article = dir.join(hashiya::ui::SAMPLE_NAME);
    std::fs::write(&article, common::SAMPLE).expect("copy the sample");
    let options = AppOptions {
        session: Some(DocumentSession::open(&article).expect("opens")),
        language: Some(language),
        ..AppOptions::default()
    };
    common::app_with(options)
}

/// A folder with the sample article as `NAME.txt` and its example annotations changed by
/// `change` as `NAME.hashiya.ron`; returns the article.
fn article_with_annotations(name: &str, change: impl Fn(&str) -> String) -> std::path::PathBuf {
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let article = dir.join(format!("{name}.txt"));
    std::fs::write(&article, common::SAMPLE).expect("article");
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");
    let text = std::fs::read_to_string(shipped).expect("the example annotations");
    let changed = change(&text);
    assert_ne!(changed, text, "{name}: the change applies");
    std::fs::write(hashiya::io::annotation_path_for(&article), changed).expect("annotations");
    article
}

/// Opens `path` in the window (as File › Open does) and returns the status line's text.
fn open_and_read_status(harness: &mut Harness<'_, HashiyaApp>, path: &std::path::Path) -> String {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, AppAction::OpenPath(path.to_path_buf()));
    harness.run();
    harness.state().message().unwrap_or_default().to_owned()
}

/// A file that cannot be opened (missing, truncated, inconsistent, too new) is reported in
/// Arabic in the Arabic window: the status bar's label (found through AccessKit) holds the
/// catalogue's words and the path, and no English word is left in the window. The same
/// check finds English in the English window.
#[test]
fn files_that_cannot_be_opened_are_reported_in_arabic() {
    let arabic = Catalogue::get(Language::Arabic);
    let missing = tempfile::tempdir()
        .expect("temp dir")
        .keep()
        .join("missing-article.txt");
    let truncated = article_with_annotations("truncated", |text| {
        // Cut after a whole line in the middle: the file ends too early.
        let half = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
        let line_end = text[..half].rfind('\n').unwrap_or_default();
        text[..=line_end].to_owned()
    });
    let inconsistent = article_with_annotations("inconsistent", |text| {
        text.replacen("from: 6, to: 1)", "from: 6, to: 999)", 1).replacen(
            "kind: \"speaker\", from: 12",
            "kind: \"quoted\", from: 12",
            1,
        )
    });
    let too_new = article_with_annotations("too-new", |text| {
        text.replacen("format_version: 1,", "format_version: 99,", 1)
    });
    // What each must say (a phrase of the Arabic catalogue), beside the path.
    let cases = [
        (&missing, arabic.tr("os-error-not-found")),
        (&truncated, arabic.tr("io-problem-syntax-truncated")),
        (&inconsistent, "T999".to_owned()),
        (&too_new, "99".to_owned()),
    ];
    let mut harness = harness_in(Language::Arabic);
    for (article, phrase) in cases {
        let annotations = hashiya::io::annotation_path_for(article);
        let status = open_and_read_status(&mut harness, article);
        assert!(status.contains(&phrase), "{article:?}: {status:?} lacks {phrase:?}");
        let path = if article == &missing {
            article.clone()
        } else {
            annotations
        };
        let path = path.display().to_string();
        assert!(status.ends_with(&path), "{status:?} does not end in {path}");
        assert!(
            status.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
            "{status:?}"
        );
        // The status bar shows it in its bidi label, which AccessKit reads.
        assert!(
            harness.query_by_label(&status).is_some(),
            "the status bar shows {status:?}"
        );
        let left = english_left_with(&harness, &[&path, "T999", "R1"]);
        assert!(left.is_empty(), "English left after opening {article:?}:\n{left:#?}");
    }
    // Two problems: the first, and a count of the other.
    let status = open_and_read_status(&mut harness, &inconsistent);
    assert!(status.contains("مشكلة أخرى"), "{status:?}");

    // An article that changed since its annotations were saved opens, re-anchored: what
    // loading says is Arabic too.
    let changed = article_with_annotations("changed", |text| text.replacen("Hashiya sample", "فريق حاشية", 1));
    std::fs::write(&changed, format!("سطر جديد في أول المقال.\n{}", common::SAMPLE)).expect("changed article");
    let status = open_and_read_status(&mut harness, &changed);
    assert_eq!(harness.state().session().article_path(), changed.as_path(), "{status}");
    let changed_phrase = arabic.tr_args("load-article-changed", &[("then", 1.into()), ("now", 2.into())]);
    let moved = arabic.tr_args("load-moved", &[("count", 1.into()), ("details", "".into())]);
    let moved = moved.split(" (").next().unwrap_or_default();
    assert!(
        status.contains(changed_phrase.split(" (").next().unwrap_or_default()) && status.contains(moved),
        "{status:?}"
    );
    assert!(
        harness.query_by_label(&status).is_some(),
        "the status bar shows {status:?}"
    );
    let spans: Vec<String> = harness
        .state()
        .session()
        .document()
        .spans()
        .iter()
        .map(|span| span.id.to_string())
        .collect();
    let mut user: Vec<&str> = spans.iter().map(String::as_str).collect();
    // The article the annotations name (another than the one opened).
    user.extend(["changed", hashiya::ui::SAMPLE_NAME]);
    let left = english_left_with(&harness, &user);
    assert!(left.is_empty(), "English left after a re-anchoring load:\n{left:#?}");

    // The check can fail: the English window says the same in English words.
    let mut english = harness_in(Language::English);
    let status = open_and_read_status(&mut english, &missing);
    let left = english_left_with(&english, &[&missing.display().to_string()]);
    assert!(left.iter().any(|line| line.contains("exist")), "{status:?}: {left:#?}");
}

/// A save the file's mode refuses is reported in Arabic in the Arabic window (and the
/// English detail is not shown): the catalogue's words for a read-only file, and the path.
#[test]
fn a_file_that_cannot_be_saved_is_reported_in_arabic() {
    let arabic = Catalogue::get(Language::Arabic);
    let article = article_with_annotations("read-only", |text| {
        text.replacen("status: Done", "status: InProgress", 1)
    });
    let annotations = hashiya::io::annotation_path_for(&article);
    let mut harness = harness_in(Language::Arabic);
    let status = open_and_read_status(&mut harness, &article);
    assert_eq!(harness.state().session().article_path(), article.as_path(), "{status}");
    let mut permissions = std::fs::metadata(&annotations).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&annotations, permissions).expect("read-only");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, AppAction::Edit(Command::SetStatus(Status::Done)));
    harness.state_mut().perform(&ctx, AppAction::Save);
    harness.run();
    let status = harness.state().message().unwrap_or_default().to_owned();
    let path = annotations.display().to_string();
    assert!(
        status.contains(&arabic.tr("io-error-read-only")) && status.ends_with(&path),
        "{status:?}"
    );
    assert!(
        harness.query_by_label(&status).is_some(),
        "the status bar shows {status:?}"
    );
    let left = english_left_with(&harness, &[&path]);
    assert!(left.is_empty(), "English left after a refused save:\n{left:#?}");
}

/// A span the merge driver marked: the side panel says why in Arabic (the note keeps the
/// driver's English line, which is the file's text).
#[test]
fn the_side_panel_says_why_a_merge_marked_a_span_in_arabic() {
    let mut harness = common::app_on_article(&article_with_every_problem());
    choose_language(&mut harness, Language::English, Language::Arabic);
    let merged = harness
        .state()
        .session()
        .document()
        .spans()
        .iter()
        .find(|span| span.note.as_deref().is_some_and(|note| note.starts_with("Merge:")))
        .map(|span| span.id)
        .expect("a span the merge marked");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, AppAction::Annotate(AnnotatorAction::SelectSpan(merged)));
    harness.run_steps(6);
    let why = Catalogue::get(Language::Arabic).tr("merge-kept-theirs");
    assert!(
        harness.query_by_label(&why).is_some(),
        "the panel says {why:?} for {merged}"
    );
}

/// Runs frames until the window shows a label containing `text` (a background job's
/// result), for at most 30 seconds.
fn wait_for(harness: &mut Harness<'_, HashiyaApp>, what: &str, text: &str) {
    let mut waited = 0;
    while harness.query_by_label_contains(text).is_none() {
        assert!(waited < 3000, "{what}: no {text:?}");
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.run();
        waited += 1;
    }
}

/// Imports a CoNLL file through File › Import dataset in `language`, and returns the text
/// of its one warning as the dialog shows it, and the folder of the input (user text).
fn import_with_a_warning(language: Language, expected: &str) -> (Harness<'static, HashiyaApp>, String, String) {
    let catalogue = Catalogue::get(language);
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let input = dir.join("news.conll");
    // An I- tag after no span of its kind: imported as a new span, with a warning.
    std::fs::write(&input, "قال\tO\nالحداد\tI-PER\n.\tO\n").expect("the dataset");
    let out = dir.join("imported");
    let mut harness = harness_in(language);
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, AppAction::Import);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, &catalogue.tr("import-input"))
        .set_text_value_accesskit(&input.display().to_string());
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, &catalogue.tr("import-output"))
        .set_text_value_accesskit(&out.display().to_string());
    harness.run();
    harness.get_by_label(&catalogue.tr("import-import")).click();
    harness.run();
    wait_for(&mut harness, "the import's warning", expected);
    let shown = harness
        .query_by_label_contains(expected)
        .and_then(|node| node.accesskit_node().label().or_else(|| node.accesskit_node().value()))
        .unwrap_or_default();
    (harness, shown, dir.display().to_string())
}

/// An import's warning is shown in Arabic in the Arabic window: the catalogue's words around
/// the input's tag and line, and no English left in the window; the English window shows
/// the command line's English.
#[test]
fn an_imports_warning_reads_in_arabic() {
    let arabic = Catalogue::get(Language::Arabic);
    let stray = arabic.tr_args("data-stray-inside", &[("tag", "I-PER".into()), ("kind", "PER".into())]);
    let (harness, shown, dir) = import_with_a_warning(Language::Arabic, &stray);
    assert!(shown.contains("السطر 2"), "{shown:?}");
    assert!(
        shown.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
        "{shown:?}"
    );
    let left = english_left_with(&harness, &["I-PER PER ORG", &dir, "news conll imported"]);
    assert!(left.is_empty(), "English left after an import:\n{left:#?}");

    // The check can fail: the English window shows the command line's warning.
    let (_, shown, _) = import_with_a_warning(Language::English, "I-PER follows no PER span; starts a new one");
    assert!(shown.starts_with("line 2: "), "{shown:?}");
}

/// The folder panel marks an article whose annotation file cannot be read, and says why on
/// hover, in Arabic: the reader's reason, not its English.
#[test]
fn the_folder_panel_says_why_a_file_is_unreadable_in_arabic() {
    let arabic = Catalogue::get(Language::Arabic);
    let truncated = article_with_annotations("truncated", |text| {
        let half = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
        let line_end = text[..half].rfind('\n').unwrap_or_default();
        text[..=line_end].to_owned()
    });
    let dir = truncated.parent().expect("its folder");
    let other = dir.join("another.txt");
    std::fs::write(&other, "نص آخر.\n").expect("article");
    let folder = hashiya::ui::folder_panel::OpenFolder::open(dir, None).expect("folder");
    let mut harness = common::app_with(AppOptions {
        session: Some(DocumentSession::open(&other).expect("opens")),
        folder: Some(folder),
        language: Some(Language::Arabic),
        ..AppOptions::default()
    });
    let unreadable = arabic.tr("stats-unreadable");
    let entry = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.contains("truncated.txt") && label.contains(&unreadable))
        })
        .expect("the folder panel marks truncated.txt unreadable")
        .rect();
    harness.hover_at(entry.center());
    harness.run_steps(8);
    let reason = arabic.tr("io-problem-syntax-truncated");
    assert!(
        harness.query_by_label_contains(&reason).is_some(),
        "the hover says why in Arabic"
    );
    let left = english_left_with(&harness, &["truncated.txt another.txt truncated.hashiya.ron"]);
    assert!(left.is_empty(), "English left with the hover:\n{left:#?}");
}
