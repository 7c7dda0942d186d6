//! Recovery (autosave) files: while there are unsaved edits the UI writes the document every
//! 30 s to `.NAME.hashiya.ron.recovery` beside the annotation file; a successful save deletes
//! it; at the next start a recovery file newer than the saved file is offered for restoring.
//!
//! Beside the article rather than in a cache folder: the recovery stays with the work when a
//! folder is copied, synced or opened from another account, needs no per-platform cache path,
//! and a user who finds it can see what it belongs to. The leading dot hides it from file
//! managers and from the folder panel; `*.recovery` belongs in a project's `.gitignore`. The
//! content is an ordinary annotation file, so restoring is [`crate::io::load_annotations`].

use std::path::{Path, PathBuf};

use crate::io::atomic::{Backup, write_atomic};
use crate::io::{IoError, OrphanSpan, annotation_path_for};
use crate::model::Document;

/// The recovery file of the annotation file `ron_path`: `dir/.NAME.hashiya.ron.recovery`.
#[must_use]
pub fn recovery_path_for_annotations(ron_path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(ron_path.file_name().unwrap_or_default());
    name.push(".recovery");
    ron_path.with_file_name(name)
}

/// The recovery file of an article (through its annotation file).
#[must_use]
pub fn recovery_path_for(article: &Path) -> PathBuf {
    recovery_path_for_annotations(&annotation_path_for(article))
}

/// Writes the recovery file of `article` atomically (no `.bak`), orphans included; returns
/// its path.
pub fn write_recovery(document: &Document, orphans: &[OrphanSpan], article: &Path) -> Result<PathBuf, IoError> {
    write_recovery_of(document, orphans, &annotation_path_for(article))
}

/// Writes the recovery file of the annotation file `ron_path` (one annotator's file of a
/// project, or a file chosen with Save As); returns its path.
pub fn write_recovery_of(document: &Document, orphans: &[OrphanSpan], ron_path: &Path) -> Result<PathBuf, IoError> {
    let path = recovery_path_for_annotations(ron_path);
    let ron = crate::io::to_ron_string_with_orphans(document, orphans);
    write_atomic(&path, ron.as_bytes(), Backup::None)?;
    Ok(path)
}

/// The recovery file of `article` when it exists and is newer than the saved annotation file
/// (or there is no saved file): the UI offers to restore it.
#[must_use]
pub fn recovery_newer_than_saved(article: &Path) -> Option<PathBuf> {
    recovery_of_newer_than_saved(&annotation_path_for(article))
}

/// The recovery file of the annotation file `ron_path` when it is newer than that file.
#[must_use]
pub fn recovery_of_newer_than_saved(ron_path: &Path) -> Option<PathBuf> {
    let recovery = recovery_path_for_annotations(ron_path);
    let recovered_at = std::fs::metadata(&recovery).and_then(|m| m.modified()).ok()?;
    match std::fs::metadata(ron_path).and_then(|m| m.modified()) {
        // A save removes the recovery file, so one written in the same clock tick as the
        // save (coarse file-system timestamps) still came after it: only a strictly newer
        // save makes it stale.
        Ok(saved_at) if saved_at > recovered_at => None,
        _ => Some(recovery),
    }
}

/// Deletes the recovery file of `article` (when the user discards it). A missing file is fine.
pub fn discard_recovery(article: &Path) -> Result<(), IoError> {
    remove_recovery_of(&annotation_path_for(article))
}

/// Deletes the recovery file of the annotation file `ron_path` (after a save).
pub fn remove_recovery_of(ron_path: &Path) -> Result<(), IoError> {
    let path = recovery_path_for_annotations(ron_path);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(IoError::Write {
            path,
            action: crate::io::WriteStep::DeletingRecoveryFile,
            source: e,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, Span, SpanId};

    fn document() -> Document {
        let meta = DocumentMeta {
            source_name: "a.txt".into(),
            ..DocumentMeta::default()
        };
        let span = Span::new(SpanId(1), "Actor", 4, 10);
        Document::from_parts(
            "قال الحداد".into(),
            Schema::default_schema(),
            meta,
            vec![span],
            Vec::new(),
        )
    }

    #[test]
    fn recovery_lifecycle() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "قال الحداد").expect("writes");
        assert_eq!(recovery_path_for(&article), dir.path().join(".a.hashiya.ron.recovery"));
        assert_eq!(recovery_newer_than_saved(&article), None);

        let path = write_recovery(&document(), &[], &article).expect("autosaves");
        // Never saved: the recovery is all there is.
        assert_eq!(recovery_newer_than_saved(&article), Some(path.clone()));
        let restored = crate::io::load_annotations(&path, "قال الحداد").expect("restores");
        assert_eq!(restored.document, document());

        // A save deletes the recovery file.
        crate::io::save_document(&document(), &annotation_path_for(&article)).expect("saves");
        assert!(!path.exists());
        assert_eq!(recovery_newer_than_saved(&article), None);

        // An autosave after the save is newer again (mtimes can be equal within a tick).
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_recovery(&document(), &[], &article).expect("autosaves");
        assert_eq!(recovery_newer_than_saved(&article), Some(path.clone()));
        discard_recovery(&article).expect("discards");
        discard_recovery(&article).expect("discarding twice is fine");
        assert_eq!(recovery_newer_than_saved(&article), None);
    }
}
