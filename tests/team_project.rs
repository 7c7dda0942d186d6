//! A team's project folder: `hashiya-project.ron` names the annotators and deals the documents;
//! each annotator works in their own file of an article (`NAME.ANNOTATOR.hashiya.ron`, with the
//! project's schema), autosaves beside it, and `hashiya progress` shows who is done and which
//! documents are ready for review.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use hashiya::app::DocumentSession;
use hashiya::io::folder::AnnotationSummary;
use hashiya::io::project::ProjectFolder;
use hashiya::model::{Command, Status};

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

/// A project of three annotators, two per document, over `news-1.txt` … `news-3.txt`, with a
/// schema of its own (a single label, Person).
fn project_folder(dir: &Path) -> Vec<PathBuf> {
    std::fs::write(
        dir.join("hashiya-project.ron"),
        r#"(annotators: ["sara", "omar", "lina"], annotators_per_document: Some(2), schema: Some("schema.ron"))"#,
    )
    .expect("writes the project");
    std::fs::write(
        dir.join("schema.ron"),
        r#"(labels: [(name: "Person", color: (66, 133, 244), shortcut: Some('1'), description: "", attributes: [])], relations: [])"#,
    )
    .expect("writes the schema");
    (1..=3)
        .map(|n| {
            let article = dir.join(format!("news-{n}.txt"));
            std::fs::write(&article, SAMPLE).expect("writes an article");
            article
        })
        .collect()
}

fn annotate_and_finish(article: &Path, project: &ProjectFolder, annotator: &str) -> DocumentSession {
    let mut session = DocumentSession::open_as(article, project, annotator).expect("opens");
    session
        .edit(Command::AddSpan {
            label: "Person".into(),
            char_start: 62,
            char_end: 76,
        })
        .expect("a span with the project's label");
    session.edit(Command::SetStatus(Status::Done)).expect("done");
    session.save().expect("saves");
    session
}

fn progress(dir: &Path) -> serde_json::Value {
    let output = Process::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["progress", "--json"])
        .arg(dir)
        .output()
        .expect("runs hashiya");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn each_annotator_works_in_their_own_file_with_the_projects_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = project_folder(dir.path());
    let project = ProjectFolder::find(&articles[0]).expect("reads").expect("found");
    let session = annotate_and_finish(&articles[0], &project, "sara");
    let own = dir.path().join("news-1.sara.hashiya.ron");
    assert_eq!(session.annotation_path(), own);
    assert!(own.is_file() && !dir.path().join("news-1.hashiya.ron").exists());
    assert_eq!(session.document().meta().annotator, "sara");
    assert_eq!(session.document().schema().labels[0].name, "Person");

    // Omar's file of the same article is his own, untouched by Sara's work.
    let omar = DocumentSession::open_as(&articles[0], &project, "omar").expect("opens");
    assert!(omar.document().spans().is_empty());
    assert_eq!(omar.document().meta().annotator, "omar");

    // Unsaved work is autosaved beside the annotator's own file and offered back to them only.
    let mut lina = DocumentSession::open_as(&articles[1], &project, "lina").expect("opens");
    lina.edit(Command::AddSpan {
        label: "Person".into(),
        char_start: 0,
        char_end: 4,
    })
    .expect("edits");
    assert!(lina.autosave().expect("autosaves"));
    assert!(dir.path().join(".news-2.lina.hashiya.ron.recovery").is_file());
    let reopened = DocumentSession::open_as(&articles[1], &project, "lina").expect("opens");
    assert!(reopened.pending_recovery().is_some());
    let sara = DocumentSession::open_as(&articles[1], &project, "sara").expect("opens");
    assert!(sara.pending_recovery().is_none());

    assert!(DocumentSession::open_as(&articles[0], &project, "../sara").is_err());

    // The folder panel shows each annotator their own files.
    let status = |who: Option<&str>| -> Vec<Option<Status>> {
        hashiya::io::folder::list_folder_as(dir.path(), who)
            .expect("lists")
            .into_iter()
            .map(|entry| match entry.annotations {
                AnnotationSummary::Annotated { status, .. } => Some(status),
                _ => None,
            })
            .collect()
    };
    assert_eq!(status(Some("sara")), [Some(Status::Done), None, None]);
    assert_eq!(status(Some("omar")), [None, None, None]);
    assert_eq!(status(None), [None, None, None]);
    let lina_entries = hashiya::io::folder::list_folder_as(dir.path(), Some("lina")).expect("lists");
    assert!(lina_entries[1].has_recovery, "lina's autosave is hers");
}

#[test]
fn progress_shows_who_is_done_and_what_is_ready_for_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = project_folder(dir.path());
    let project = ProjectFolder::find(dir.path()).expect("reads").expect("found");
    // Dealt round-robin, two each: news-1 → sara, omar; news-2 → lina, sara; news-3 → omar, lina.
    annotate_and_finish(&articles[0], &project, "sara");
    annotate_and_finish(&articles[0], &project, "omar");
    annotate_and_finish(&articles[1], &project, "lina");
    let report = progress(dir.path());
    let documents = report["documents"].as_array().expect("documents");
    let assigned: Vec<Vec<&str>> = documents
        .iter()
        .map(|d| {
            let annotators = d["annotators"].as_array().expect("annotators");
            annotators
                .iter()
                .map(|a| a["annotator"].as_str().expect("name"))
                .collect()
        })
        .collect();
    assert_eq!(assigned, [["sara", "omar"], ["lina", "sara"], ["omar", "lina"]]);
    let ready: Vec<bool> = documents
        .iter()
        .map(|d| d["ready_for_review"].as_bool().expect("bool"))
        .collect();
    assert_eq!(ready, [true, false, false]);
    assert_eq!(documents[1]["annotators"][0]["status"], "done");
    assert_eq!(documents[1]["annotators"][1]["status"], "not_started");
    assert_eq!(report["annotators"]["sara"]["assigned"], 2);
    assert_eq!(report["annotators"]["sara"]["done"], 1);
    assert_eq!(report["annotators"]["lina"]["not_started"], 1);
}

#[test]
fn the_commands_read_an_annotators_file_against_the_shared_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = project_folder(dir.path());
    let project = ProjectFolder::find(dir.path()).expect("reads").expect("found");
    annotate_and_finish(&articles[0], &project, "sara");
    let file = dir.path().join("news-1.sara.hashiya.ron");
    for (command, expected) in [
        ("validate", "valid (1 span"),
        ("stats", "1 span"),
        ("check", "1 document"),
    ] {
        let output = Process::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg(command)
            .arg(&file)
            .output()
            .expect("runs hashiya");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(expected),
            "{command}: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_folder_without_a_project_is_exit_2_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Process::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["progress"])
        .arg(dir.path())
        .output()
        .expect("runs hashiya");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no hashiya-project.ron"), "{stderr}");
}
