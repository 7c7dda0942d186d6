//! One open article with its annotations, undo history and file state: what the window edits.
//! No egui here, so opening, saving, autosave and reload are tested without a window.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io::{self, IoError, OrphanSpan};
use crate::model::{Document, History};

/// An open article and its annotations.
pub struct DocumentSession {
    /// The article (`NAME.txt`).
    pub article_path: PathBuf,
    /// Where Save writes (`NAME.hashiya.ron` unless Save As chose another file).
    pub annotation_path: PathBuf,
    /// The text and annotations.
    pub document: Document,
    /// Undo/redo and the modified flag.
    pub history: History,
    /// The article's detected encoding, shown in the status bar.
    pub encoding: String,
    /// Spans that could not be re-anchored when the article changed; never dropped.
    pub orphans: Vec<OrphanSpan>,
    /// What loading had to say (re-anchored spans, a newer recovery file…).
    pub load_warnings: Vec<String>,
    /// Modification time of the annotation file as we last read or wrote it.
    annotation_mtime: Option<SystemTime>,
    /// History revision last written to the recovery file.
    autosaved_revision: Option<u64>,
}

impl DocumentSession {
    /// Opens an article and, when it exists, its annotation file.
    pub fn open(article_path: &Path) -> Result<Self, IoError> {
        let loaded = io::load_document(article_path)?;
        let annotation_path = io::annotation_path_for(article_path);
        Ok(Self {
            annotation_mtime: modified_time(&annotation_path),
            article_path: article_path.to_path_buf(),
            annotation_path,
            document: loaded.document,
            history: History::default(),
            encoding: loaded.encoding,
            orphans: loaded.orphans,
            load_warnings: loaded.warnings,
            autosaved_revision: None,
        })
    }

    /// The article's file name, for titles and lists.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.article_path
            .file_name()
            .map_or_else(|| self.article_path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// Whether there are edits not yet saved.
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    /// Saves to the annotation file (atomically, keeping a `.bak`), then drops the recovery file.
    pub fn save(&mut self) -> Result<(), IoError> {
        io::save_document(&self.document, &self.annotation_path)?;
        self.history.mark_saved();
        self.annotation_mtime = modified_time(&self.annotation_path);
        // The recovery file is stale once the real file holds the same state.
        let _ = io::remove_recovery(&self.annotation_path);
        self.autosaved_revision = None;
        Ok(())
    }

    /// Saves to another annotation file, which Save uses from now on.
    pub fn save_as(&mut self, annotation_path: &Path) -> Result<(), IoError> {
        let previous = std::mem::replace(&mut self.annotation_path, annotation_path.to_path_buf());
        let result = self.save();
        if result.is_err() {
            self.annotation_path = previous;
        }
        result
    }

    /// Writes the recovery file when there are unsaved edits it does not hold yet; returns
    /// whether it wrote.
    pub fn autosave(&mut self) -> Result<bool, IoError> {
        if !self.is_modified() || self.autosaved_revision == Some(self.history.revision()) {
            return Ok(false);
        }
        io::write_recovery(&self.document, &self.annotation_path)?;
        self.autosaved_revision = Some(self.history.revision());
        Ok(true)
    }

    /// Whether someone else changed the annotation file since we read or wrote it (a git pull).
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        let now = modified_time(&self.annotation_path);
        now.is_some() && now != self.annotation_mtime
    }

    /// Accepts the file on disk as seen, without reloading (the user chose to keep theirs).
    pub fn acknowledge_disk_change(&mut self) {
        self.annotation_mtime = modified_time(&self.annotation_path);
    }
}

fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
