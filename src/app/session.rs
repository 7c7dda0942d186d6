//! One open article with its annotations, undo history and file state: what the window edits.
//! No egui here, so opening, editing, saving, autosave and reload are tested without a window.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io::project::{ProjectFolder, annotator_file};
use crate::io::{self, IoError, LoadWarning, OrphanSpan, Problem, ProblemReason};
use crate::model::{Command, CommandError, Created, Document, DocumentMeta, History, Schema, Status};

/// An open article and its annotations. Its fields are private: [`DocumentSession::edit`],
/// [`undo`](DocumentSession::undo), [`redo`](DocumentSession::redo) and
/// [`discard_edits`](DocumentSession::discard_edits) are the only ways to change the document,
/// so every edit is undoable and counts as unsaved.
pub struct DocumentSession {
    /// The article (`NAME.txt`).
    article_path: PathBuf,
    /// Where Save writes (`NAME.hashiya.ron` unless Save As chose another file).
    annotation_path: PathBuf,
    /// The text and annotations.
    document: Document,
    /// Undo/redo and the modified flag.
    history: History,
    /// The article's detected encoding, shown in the status bar.
    encoding: &'static str,
    /// Spans that could not be re-anchored when the article changed; never dropped.
    orphans: Vec<OrphanSpan>,
    /// What loading had to say (re-anchored spans, a newer recovery file…).
    load_warnings: Vec<LoadWarning>,
    /// Modification time of the annotation file as we last read or wrote it.
    annotation_mtime: Option<SystemTime>,
    /// What a document nobody has annotated yet starts with: its annotator (a project's
    /// member) and schema (the project's).
    fresh: (DocumentMeta, Schema),
    /// History revision last written to the recovery file.
    autosaved_revision: Option<u64>,
}

impl DocumentSession {
    /// Opens an article and, when it exists, its annotation file.
    pub fn open(article_path: &Path) -> Result<Self, IoError> {
        let fresh = (DocumentMeta::default(), Schema::default_schema());
        Self::open_file(article_path, io::annotation_path_for(article_path), fresh)
    }

    /// Opens an article of a team's project as `annotator`: their own file of it
    /// (`NAME.ANNOTATOR.hashiya.ron`, see [`io::project`]). A document they have not started
    /// records them as its annotator and starts with the project's schema.
    pub fn open_as(article_path: &Path, project: &ProjectFolder, annotator: &str) -> Result<Self, IoError> {
        if !io::project::valid_annotator_name(annotator) {
            let why = format!(
                "the annotator name \"{annotator}\" cannot be part of a file name: use letters, digits, - and _"
            );
            let problem = Problem::new(why).because(ProblemReason::BadAnnotatorName {
                name: annotator.to_owned(),
            });
            return Err(IoError::invalid(vec![problem]).with_path(article_path));
        }
        let schema = match project.schema_path() {
            Some(path) => {
                let text = io::read_annotation_text(&path)?;
                Schema::from_ron(&text).map_err(|error| {
                    let problem = Problem::new(error.to_string()).because(ProblemReason::Schema(error));
                    IoError::invalid(vec![problem]).with_path(&path)
                })?
            }
            None => Schema::default_schema(),
        };
        let meta = DocumentMeta {
            annotator: annotator.to_owned(),
            ..DocumentMeta::default()
        };
        Self::open_file(article_path, annotator_file(article_path, annotator), (meta, schema))
    }

    /// Opens an article with the annotation file `annotation_path` (a gold file, another
    /// annotator's file); without that file, a fresh document with `fresh`'s meta and schema.
    pub fn open_file(
        article_path: &Path,
        annotation_path: PathBuf,
        fresh: (DocumentMeta, Schema),
    ) -> Result<Self, IoError> {
        let (meta, schema) = &fresh;
        let loaded = io::load_document_from(article_path, &annotation_path, meta, || schema.clone())?;
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
            fresh,
        })
    }

    /// A session for a document built in memory rather than read from `article_path` (the
    /// bundled sample when no copy of it can be written, or a test's document): nothing to
    /// undo, saved beside `article_path`.
    #[must_use]
    pub fn in_memory(article_path: PathBuf, document: Document) -> Self {
        Self {
            annotation_path: io::annotation_path_for(&article_path),
            annotation_mtime: None,
            article_path,
            document,
            history: History::default(),
            encoding: "UTF-8",
            orphans: Vec::new(),
            load_warnings: Vec::new(),
            autosaved_revision: None,
            fresh: (DocumentMeta::default(), Schema::default_schema()),
        }
    }

    /// The text and annotations (read-only: edits go through [`DocumentSession::edit`]).
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Applies `command` to the document and records it for undo; the one way the
    /// annotations change. Says which span or link it created; on error nothing changed.
    /// The first edit of spans or links of a document not started yet also sets its status
    /// to "in progress", in the same undo step.
    pub fn edit(&mut self, command: Command) -> Result<Created, CommandError> {
        let command = if self.document.meta().status == Status::NotStarted && command.annotates() {
            Command::Batch(vec![command, Command::SetStatus(Status::InProgress)])
        } else {
            command
        };
        self.history.edit(&mut self.document, command)
    }

    /// Applies `command` within the last undo step (one undo takes back both): for changes
    /// that follow from the user's last edit, such as the string matcher's suggestions
    /// refreshed after a new span. A plain [`Self::edit`] when there is no step yet.
    pub fn edit_with_last(&mut self, command: Command) -> Result<Created, CommandError> {
        self.history.amend(&mut self.document, command)
    }

    /// Undoes the last edit; `Ok(false)` when there is nothing to undo, an error (and no
    /// change) when the step no longer applies.
    pub fn undo(&mut self) -> Result<bool, CommandError> {
        self.history.undo(&mut self.document)
    }

    /// Redoes the last undone edit; `Ok(false)` when there is nothing to redo; errors as undo.
    pub fn redo(&mut self) -> Result<bool, CommandError> {
        self.history.redo(&mut self.document)
    }

    /// Whether [`DocumentSession::undo`] would do something.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether [`DocumentSession::redo`] would do something.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A number that changes with every edit, undo and redo (for caches keyed on content).
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// Throws the unsaved edits away: the document goes back to its saved state, the undo
    /// history and the recovery file are dropped.
    pub fn discard_edits(&mut self) -> Result<(), IoError> {
        while self.history.is_modified() && matches!(self.history.undo(&mut self.document), Ok(true)) {}
        if self.history.is_modified() {
            // The saved state is not in the undo history (a restored autosave, or edits
            // after undoing past a save): read it back.
            self.read_saved_annotations()?;
        }
        self.history = History::default();
        self.discard_recovery()
    }

    /// The article (`NAME.txt`).
    #[must_use]
    pub fn article_path(&self) -> &Path {
        &self.article_path
    }

    /// Where Save writes (`NAME.hashiya.ron` unless Save As chose another file).
    #[must_use]
    pub fn annotation_path(&self) -> &Path {
        &self.annotation_path
    }

    /// The article's detected encoding, shown in the status bar.
    #[must_use]
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Spans that could not be re-anchored when the article changed; never dropped.
    #[must_use]
    pub fn orphans(&self) -> &[OrphanSpan] {
        &self.orphans
    }

    /// What loading had to say (re-anchored spans, a newer recovery file…).
    #[must_use]
    pub fn load_warnings(&self) -> &[LoadWarning] {
        &self.load_warnings
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
        let _ = io::recovery::remove_recovery_of(&self.annotation_path);
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
        io::recovery::write_recovery_of(&self.document, &self.orphans, &self.annotation_path)?;
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
        let fresh = self.fresh.clone();
        *self = Self::open_file(&self.article_path, self.annotation_path.clone(), fresh)?;
        Ok(())
    }

    /// The recovery file left by a crash, when it is newer than the saved annotations.
    #[must_use]
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        io::recovery::recovery_of_newer_than_saved(&self.annotation_path)
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

    /// Replaces the document with the annotations saved at `annotation_path` (none when the
    /// file does not exist), keeping the article text.
    fn read_saved_annotations(&mut self) -> Result<(), IoError> {
        if self.annotation_path.exists() {
            let saved = io::load_annotations(&self.annotation_path, self.document.text())?;
            self.document = saved.document;
            self.orphans = saved.orphans;
        } else {
            let (fresh_meta, fresh_schema) = &self.fresh;
            let meta = DocumentMeta {
                source_name: self.document.meta().source_name.clone(),
                ..fresh_meta.clone()
            };
            let text = self.document.text().to_owned();
            self.document = Document::new(text, fresh_schema.clone(), meta);
            self.orphans.clear();
        }
        Ok(())
    }

    /// Drops the recovery file without using it.
    pub fn discard_recovery(&self) -> Result<(), IoError> {
        io::recovery::remove_recovery_of(&self.annotation_path)
    }

    /// Accepts the file on disk as seen, without reloading (the user chose to keep theirs).
    pub fn acknowledge_disk_change(&mut self) {
        self.annotation_mtime = modified_time(&self.annotation_path);
    }
}

fn modified_time(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
