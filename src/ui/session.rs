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
    pub encoding: &'static str,
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

    /// A session for a text that could not be read from `article_path` (the bundled sample
    /// when no copy of it can be written): no annotations, saved beside `article_path`.
    #[must_use]
    pub fn in_memory(article_path: PathBuf, text: &str) -> Self {
        let name = article_path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let meta = crate::model::DocumentMeta {
            source_name: name,
            ..Default::default()
        };
        let text = text.replace("\r\n", "\n");
        Self {
            annotation_path: io::annotation_path_for(&article_path),
            annotation_mtime: None,
            article_path,
            document: Document::new(text, crate::model::Schema::default_schema(), meta),
            history: History::default(),
            encoding: "UTF-8",
            orphans: Vec::new(),
            load_warnings: Vec::new(),
            autosaved_revision: None,
        }
    }

    /// The article's file name, for titles and lists.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.article_path.file_name().map_or_else(
            || self.article_path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Whether there are edits not yet saved.
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.history.is_modified()
    }

    /// Saves to the annotation file (atomically, keeping a `.bak`), then drops the recovery file.
    pub fn save(&mut self) -> Result<(), IoError> {
        io::save_document_with_orphans(&self.document, &self.orphans, &self.annotation_path)?;
        self.history.mark_saved();
        self.annotation_mtime = modified_time(&self.annotation_path);
        // The recovery file is stale once the real file holds the same state; a leftover one
        // is only offered again if it is newer than the saved file, which it is not.
        let _ = io::recovery::discard_recovery(&self.article_path);
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

    /// Whether there are unsaved edits that the recovery file does not hold yet.
    #[must_use]
    pub fn needs_autosave(&self) -> bool {
        self.is_modified() && self.autosaved_revision != Some(self.history.revision())
    }

    /// Writes the recovery file when there are unsaved edits it does not hold yet; returns
    /// whether it wrote.
    pub fn autosave(&mut self) -> Result<bool, IoError> {
        if !self.needs_autosave() {
            return Ok(false);
        }
        io::recovery::write_recovery(&self.document, &self.orphans, &self.article_path)?;
        self.autosaved_revision = Some(self.history.revision());
        Ok(true)
    }

    /// Whether someone else changed the annotation file since we read or wrote it (a git pull).
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        let now = modified_time(&self.annotation_path);
        now.is_some() && now != self.annotation_mtime
    }

    /// Replaces the annotations with the saved file on disk (after a git pull), dropping the
    /// undo history, since the old steps no longer apply.
    pub fn reload(&mut self) -> Result<(), IoError> {
        let reloaded = Self::open(&self.article_path)?;
        let annotation_path = std::mem::take(&mut self.annotation_path);
        *self = reloaded;
        self.annotation_path = annotation_path;
        Ok(())
    }

    /// The recovery file left by a crash, when it is newer than the saved annotations.
    #[must_use]
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        io::recovery::recovery_newer_than_saved(&self.article_path)
    }

    /// Replaces the annotations with those of the recovery file. The result counts as unsaved
    /// edits, so the user saves it deliberately.
    pub fn restore_recovery(&mut self, recovery_path: &Path) -> Result<(), IoError> {
        let restored = io::load_annotations(recovery_path, self.document.text())?;
        self.document = restored.document;
        self.orphans = restored.orphans;
        self.load_warnings = restored.warnings;
        self.history = History::default();
        self.history.mark_unsaved();
        Ok(())
    }

    /// Drops the recovery file without using it.
    pub fn discard_recovery(&self) -> Result<(), IoError> {
        io::recovery::discard_recovery(&self.article_path)
    }

    /// Accepts the file on disk as seen, without reloading (the user chose to keep theirs).
    pub fn acknowledge_disk_change(&mut self) {
        self.annotation_mtime = modified_time(&self.annotation_path);
    }
}

fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
