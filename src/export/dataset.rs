//! Export and import of a dataset as a whole, the one way both `hashiya export|import` and
//! File › Export/Import dataset… run them: same checks, same report, same warnings.

use std::path::{Path, PathBuf};

use crate::export::files::{self, ExportFormat, FilesError, ImportFormat};
use crate::export::guard::Protected;
use crate::export::split::SplitSpec;
use crate::export::warning::DataWarning;
use crate::export::{ExportReport, ImportOptions, ImportReport};
use crate::io::{self, ImportWriteError};
use crate::model::Document;

/// The documents to export.
pub enum ExportSource<'a> {
    /// Articles, annotation files or folders of articles, read from disk.
    Paths(&'a [PathBuf]),
    /// A document open in the window (unsaved edits included), with its article file.
    Open {
        /// The document (boxed: a document is large, a list of paths small).
        document: Box<Document>,
        /// Its article (protected from being overwritten, like its annotation file).
        article: PathBuf,
        /// Its orphaned spans with their links, which the export leaves out.
        orphans: &'a [io::OrphanSpan],
    },
}

/// Why an export wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Inputs could not be read (one error per input).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Unreadable(Vec<io::InputError>),
    /// No input has annotations.
    #[error("no annotated document among the inputs ({skipped} without annotations)")]
    NothingToExport {
        /// Articles without annotations.
        skipped: usize,
    },
    /// brat writes a folder and a split one file per part: they need a destination.
    #[error("this export writes files: give a destination")]
    NeedsDestination,
    /// A label asked to be exported as brat events is in no document's schema (the label).
    #[error("--brat-events: no document's schema has the label \"{0}\"")]
    EventLabels(String),
    /// Writing failed or was refused.
    #[error(transparent)]
    Files(#[from] FilesError),
}

/// What an export did.
#[derive(Debug)]
pub struct ExportOutcome {
    /// Counts and warnings, loading warnings first.
    pub report: ExportReport,
    /// The export itself when there was no destination (for standard output).
    pub text: Option<String>,
}

/// Loads `source` and writes it to `destination` (or returns the text when there is none and
/// the format is one file). `event_labels` are written as brat events (see
/// [`crate::export::brat::mark_event_labels`]). `progress(done, total)` covers loading and
/// writing.
pub fn export_dataset(
    source: ExportSource<'_>,
    format: ExportFormat,
    destination: Option<&Path>,
    split: Option<(&SplitSpec, u64)>,
    event_labels: &[String],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportOutcome, ExportError> {
    let mut report = ExportReport::default();
    let (mut documents, protected, offset, entities) = match source {
        ExportSource::Paths(paths) => {
            let loaded = io::load_inputs_with_progress(paths, &mut |done, total| progress(done, 2 * total));
            if !loaded.errors.is_empty() || loaded.entities_error.is_some() {
                let mut errors = loaded.errors;
                errors.extend(loaded.entities_error);
                return Err(ExportError::Unreadable(errors));
            }
            if loaded.documents.is_empty() {
                return Err(ExportError::NothingToExport {
                    skipped: loaded.skipped,
                });
            }
            loaded
                .warnings
                .into_iter()
                .for_each(|w| report.warn(DataWarning::Input(w)));
            report.skipped_documents = loaded.skipped;
            report.spans_orphaned = loaded.orphaned_spans;
            report.links_orphaned = loaded.orphaned_links;
            let mut protected = Protected::new(paths);
            loaded.articles.iter().for_each(|a| protected.add(a));
            (loaded.documents, protected, loaded.articles.len(), loaded.entities)
        }
        ExportSource::Open {
            document,
            article,
            orphans,
        } => {
            let links: std::collections::HashSet<_> = orphans.iter().flat_map(|o| &o.links).map(|l| l.id).collect();
            if !orphans.is_empty() {
                report.warn(DataWarning::OpenOrphans {
                    article: article.display().to_string(),
                    spans: orphans.len(),
                    links: links.len(),
                });
            }
            report.spans_orphaned = orphans.len();
            report.links_orphaned = links.len();
            let entities = match io::entities::find_registry(&article) {
                Some(path) => {
                    io::entities::load_registry(&path).map_err(|e| ExportError::Unreadable(vec![e.into()]))?
                }
                None => crate::model::EntityRegistry::default(),
            };
            (vec![*document], Protected::new(&[article]), 0, entities)
        }
    };
    if !event_labels.is_empty() {
        crate::export::brat::mark_event_labels(&mut documents, event_labels).map_err(ExportError::EventLabels)?;
    }
    let mut written_progress = |done, total| progress(offset + done, offset + total);
    let (one, text) = match destination {
        Some(destination) => (
            files::write_export_with_entities(
                &documents,
                &entities,
                format,
                destination,
                split,
                &protected,
                &mut written_progress,
            )?,
            None,
        ),
        None if split.is_some() => return Err(ExportError::NeedsDestination),
        None => {
            let (text, one) = files::export_string_with_entities(&documents, &entities, format)
                .ok_or(ExportError::NeedsDestination)?;
            (one, Some(text))
        }
    };
    report.merge(one);
    Ok(ExportOutcome { report, text })
}

/// What an import asks for.
pub struct ImportRequest<'a> {
    /// The dataset's format.
    pub format: ImportFormat,
    /// A dataset file, or a brat folder or `.ann` file.
    pub input: &'a Path,
    /// Label map, annotator.
    pub options: &'a ImportOptions,
    /// The folder to write `NAME.txt` + `NAME.hashiya.ron` into.
    pub out: &'a Path,
    /// Replace existing files (never through a symlink: the link itself is replaced).
    pub force: bool,
}

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The dataset could not be read; nothing was written.
    #[error(transparent)]
    Read(#[from] FilesError),
    /// Files would be replaced and `force` was not given; nothing was written.
    #[error("it would overwrite {} files, first {}", .0.len(), .0.first().map(|p| p.display().to_string()).unwrap_or_default())]
    WouldOverwrite(Vec<PathBuf>),
    /// Writing failed after `written` documents.
    #[error("{error} ({written} documents written before)")]
    Write {
        /// The failure.
        error: ImportWriteError,
        /// Documents written before it.
        written: usize,
    },
}

/// What an import wrote.
#[derive(Debug)]
pub struct ImportOutcome {
    /// Counts of what was written (documents refused are not counted), and warnings.
    pub report: ImportReport,
    /// The articles written, in input order.
    pub articles: Vec<PathBuf>,
    /// Documents not written because Hashiya could not open them.
    pub refused: Vec<RefusedDocument>,
}

/// An imported document not written because Hashiya could not open it; its `Display`
/// (`NAME: why`) is the command line's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDocument {
    /// Its article's file name.
    pub name: String,
    /// What `hashiya validate` would say of its annotation file.
    pub problems: Vec<io::Problem>,
}

impl std::fmt::Display for RefusedDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let refused = ImportWriteError::Refused {
            problems: self.problems.clone(),
        };
        write!(f, "{}: {refused}", self.name)
    }
}

/// Reads a dataset and writes one article with its annotation file per document.
pub fn import_dataset(
    request: &ImportRequest<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportOutcome, ImportError> {
    let imported = files::read_import(request.format, request.input, request.options)?;
    let mut report = imported.report;
    let targets = io::import_targets(&imported.documents, request.out);
    if !request.force {
        let conflicts = io::import_conflicts(&imported.documents, &targets);
        if !conflicts.is_empty() {
            return Err(ImportError::WouldOverwrite(conflicts));
        }
    }
    let syncs = io::atomic::FolderSyncs::default();
    let results = write_all(&imported.documents, &targets, &syncs, progress);
    let (mut documents, mut spans, mut links) = (0, 0, 0);
    let mut articles = Vec::with_capacity(targets.len());
    let mut refused = Vec::new();
    for (result, article) in results.into_iter().zip(targets) {
        match result {
            None => {}
            Some(Ok(written)) => {
                written
                    .warnings
                    .into_iter()
                    .for_each(|w| report.warn(None, DataWarning::Written(w)));
                documents += 1;
                spans += written.spans;
                links += written.links;
                articles.push(article);
            }
            Some(Err(ImportWriteError::Refused { problems })) => {
                let name = article.file_name().unwrap_or_default().to_string_lossy().into_owned();
                refused.push(RefusedDocument { name, problems });
            }
            Some(Err(error)) => {
                return Err(ImportError::Write {
                    error,
                    written: articles.len(),
                });
            }
        }
    }
    syncs.finish().map_err(|error| ImportError::Write {
        error: error.into(),
        written: articles.len(),
    })?;
    (report.documents, report.spans, report.links) = (documents, spans, links);
    Ok(ImportOutcome {
        report,
        articles,
        refused,
    })
}

/// Documents written at once: each write waits for the disk (fsync), and the file system
/// commits concurrent syncs together, so a few writers make a large import several times
/// faster even on one core.
const WRITERS: usize = 8;

/// Writes every document (in parallel); the result of each in input order, `None` for those
/// not attempted after a write failed.
fn write_all(
    documents: &[Document],
    targets: &[PathBuf],
    syncs: &io::atomic::FolderSyncs,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Option<Result<io::WrittenDocument, ImportWriteError>>> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let mut results: Vec<Option<Result<io::WrittenDocument, ImportWriteError>>> =
        std::iter::repeat_with(|| None).take(documents.len()).collect();
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::channel();
        for _ in 0..WRITERS.min(documents.len()) {
            let sender = sender.clone();
            let (next, failed) = (&next, &failed);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= documents.len() || failed.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = io::write_imported_document(&documents[index], &targets[index], syncs);
                    if matches!(
                        result,
                        Err(ImportWriteError::Write(_) | ImportWriteError::Folder { .. })
                    ) {
                        failed.store(true, Ordering::Relaxed);
                    }
                    if sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (index, result)) in receiver.into_iter().enumerate() {
            results[index] = Some(result);
            progress(done + 1, documents.len());
        }
    });
    results
}
