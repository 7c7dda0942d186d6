//! The window's file handling without a window: open, edit, autosave to a recovery file,
//! restore after a crash, save, notice a change on disk, reload.

use hashiya::app::DocumentSession;
use hashiya::model::Command;

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

fn article_in(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("article.txt");
    std::fs::write(&path, SAMPLE).expect("write article");
    path
}

fn add_actor(session: &mut DocumentSession, start: usize, end: usize) {
    session
        .edit(Command::AddSpan {
            label: "Actor".into(),
            char_start: start,
            char_end: end,
        })
        .expect("span added");
}

#[test]
fn autosave_recovers_unsaved_work_after_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = article_in(dir.path());
    let mut session = DocumentSession::open(&article).expect("opens");
    assert!(
        !session.autosave().expect("nothing to autosave"),
        "no edits, no recovery file"
    );
    add_actor(&mut session, 0, 4);
    assert!(session.autosave().expect("autosaved"));
    assert!(
        !session.autosave().expect("same revision"),
        "unchanged edits are not written twice"
    );
    drop(session); // the crash: nothing saved

    let mut reopened = DocumentSession::open(&article).expect("reopens");
    assert!(reopened.document().spans().is_empty(), "the saved state has no spans");
    let recovery = reopened.pending_recovery().expect("recovery offered");
    reopened.restore_recovery(&recovery).expect("restores");
    assert_eq!(reopened.document().spans().len(), 1);
    assert_eq!(reopened.document().span_text(&reopened.document().spans()[0]), "علقت");
    assert!(reopened.is_modified(), "restored work still has to be saved");
    reopened.save().expect("saves");
    assert!(!reopened.is_modified());
    assert!(
        reopened.pending_recovery().is_none(),
        "saving retires the recovery file"
    );
}

#[test]
fn save_reopen_and_reload_after_a_change_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = article_in(dir.path());
    let mut session = DocumentSession::open(&article).expect("opens");
    add_actor(&mut session, 0, 4);
    session.save().expect("saves");
    assert!(session.annotation_path().exists());
    assert!(!session.changed_on_disk());

    // Someone else (a git pull) rewrites the file with a second span.
    let mut other = DocumentSession::open(&article).expect("second reader");
    add_actor(&mut other, 5, 15);
    std::thread::sleep(std::time::Duration::from_millis(20));
    other.save().expect("other saves");
    assert!(session.changed_on_disk());
    session.reload().expect("reloads");
    assert_eq!(session.document().spans().len(), 2);
    assert!(!session.changed_on_disk());
    assert!(!session.can_undo(), "undo steps of the old state do not apply");
}

#[test]
fn save_as_moves_the_target_and_failed_saves_keep_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = article_in(dir.path());
    let mut session = DocumentSession::open(&article).expect("opens");
    add_actor(&mut session, 0, 4);
    let elsewhere = dir.path().join("review.hashiya.ron");
    session.save_as(&elsewhere).expect("saves as");
    assert_eq!(session.annotation_path(), elsewhere);
    assert!(elsewhere.exists());
    let impossible = dir.path().join("no-such-folder").join("x.hashiya.ron");
    let error = session.save_as(&impossible).expect_err("cannot write there");
    assert!(
        error.to_string().ends_with(&impossible.display().to_string()),
        "path last: {error}"
    );
    assert_eq!(
        session.annotation_path(),
        elsewhere,
        "a failed Save As keeps the old target"
    );
}

#[test]
fn a_missing_article_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.txt");
    let error = DocumentSession::open(&missing).err().expect("fails");
    assert!(error.to_string().ends_with(&missing.display().to_string()), "{error}");
}

#[test]
fn discarding_edits_returns_to_the_saved_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = article_in(dir.path());
    let mut session = DocumentSession::open(&article).expect("opens");
    add_actor(&mut session, 0, 4);
    session.save().expect("saves");
    let saved = session.document().clone();
    add_actor(&mut session, 5, 15);
    assert!(session.undo().expect("undo applies") && session.redo().expect("redo applies"));
    session.discard_edits().expect("discards");
    assert_eq!(
        session.document().spans(),
        saved.spans(),
        "undone back to the saved state"
    );
    assert!(!session.is_modified() && !session.can_undo() && !session.can_redo());

    // A restored autosave is not in the undo history: discarding reads the saved file back.
    add_actor(&mut session, 5, 15);
    assert!(session.autosave().expect("autosaves"));
    let mut reopened = DocumentSession::open(&article).expect("reopens");
    let recovery = reopened.pending_recovery().expect("recovery offered");
    reopened.restore_recovery(&recovery).expect("restores");
    assert_eq!(reopened.document().spans().len(), 2);
    reopened.discard_edits().expect("discards");
    assert_eq!(reopened.document().spans(), saved.spans());
    assert!(!reopened.is_modified());
    assert!(reopened.pending_recovery().is_none(), "the recovery file is dropped");
}
