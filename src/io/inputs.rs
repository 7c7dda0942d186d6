//! The documents named on a command line or chosen in the window for an export: articles,
//! annotation files (`NAME.hashiya.ron`) or folders of articles. Shared by `hashiya export`,
//! `hashiya stats` and File › Export dataset.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::{Document, EntityRegistry, Status};

/// What loading one input had to fix; its `Display` (`path: message`) is the command line's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputWarning {
    /// A warning of the annotation file's load.
    Load {
        /// The article.
        article: PathBuf,
        /// What the load said.
        warning: io::LoadWarning,
    },
    /// Orphaned spans (their text is no longer in the article), not exported with their links.
    Orphans {
        /// The article.
        article: PathBuf,
        /// Orphaned spans.
        spans: usize,
        /// Links with an orphaned span at one end.
        links: usize,
    },
}

impl std::fmt::Display for InputWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Load { article, warning } => write!(f, "{}: {warning}", article.display()),
            Self::Orphans { article, spans, links } => write!(
                f,
                "{}: {} (their text is no longer in the article) and {} of theirs are not exported",
                article.display(),
                crate::text::plural::counted(*spans, "orphaned span", "orphaned spans"),
                crate::text::plural::counted(*links, "link", "links")
            ),
        }
    }
}

/// Why an input, or the entity registry of the inputs, could not be read; its `Display` is the
/// command line's.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file, the folder or the registry could not be read.
    #[error(transparent)]
    Io(#[from] io::IoError),
    /// Neither the article nor its annotation file is there.
    #[error("no such article: {}", .0.display())]
    NoSuchArticle(PathBuf),
    /// The inputs lie under different entity registries (their paths).
    #[error("the inputs belong to different entity registries: {}", paths_text(.0))]
    Registries(Vec<PathBuf>),
}

fn paths_text(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The annotated documents of the inputs.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Documents with annotations, in input order (folders in natural order).
    pub documents: Vec<Document>,
    /// The article of each document, in the same order.
    pub document_paths: Vec<PathBuf>,
    /// Articles skipped: no annotation file, or one with no span that was never started.
    pub skipped: usize,
    /// Problems that stopped a document from loading, each naming its file.
    pub errors: Vec<InputError>,
    /// Things the loading had to fix (re-anchored spans, orphans), each naming its article.
    pub warnings: Vec<InputWarning>,
    /// Every article looked at (annotated or not), so that an export can refuse to
    /// overwrite them.
    pub articles: Vec<PathBuf>,
    /// Spans kept as orphans (their text is no longer in the article): not in `documents`.
    pub orphaned_spans: usize,
    /// Links with an orphaned span at one end (or both), not in `documents` either.
    pub orphaned_links: usize,
    /// The actor entities of the dataset: the registry (`entities.hashiya.ron`) above the
    /// inputs, empty when there is none.
    pub entities: EntityRegistry,
    /// Where the registry was read from.
    pub entities_path: Option<PathBuf>,
    /// Why the registry could not be read (it does not parse, or the inputs lie under
    /// different registries). Only what uses entities (exports) stops on it; counting spans
    /// or checking them does not need it.
    pub entities_error: Option<InputError>,
}

/// Loads every input. Articles without annotations are counted, not loaded as documents.
#[must_use]
pub fn load_inputs(inputs: &[impl AsRef<Path>]) -> Inputs {
    load_inputs_with_progress(inputs, &mut |_, _| {})
}

/// [`load_inputs`], calling `progress(done, total)` after each article.
pub fn load_inputs_with_progress(inputs: &[impl AsRef<Path>], progress: &mut dyn FnMut(usize, usize)) -> Inputs {
    let mut loaded = Inputs::default();
    // (article, its annotation file): an annotation file given by name is the one read (one
    // annotator's file `NAME.ANNOTATOR.hashiya.ron` of a team project), else `NAME.hashiya.ron`.
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for input in inputs {
        let path = input.as_ref();
        if path.is_dir() {
            match io::folder::list_folder(path) {
                Ok(entries) => pairs.extend(entries.into_iter().map(|e| {
                    let ron_path = io::annotation_path_for(&e.article);
                    (e.article, ron_path)
                })),
                Err(error) => loaded.errors.push(error.into()),
            }
        } else {
            pairs.push(match io::article_path_for(path) {
                Some(article) => (article, path.to_owned()),
                None => (path.to_owned(), io::annotation_path_for(path)),
            });
        }
    }
    for (index, (article, ron_path)) in pairs.iter().enumerate() {
        load_one(article, ron_path, &mut loaded);
        progress(index + 1, pairs.len());
    }
    loaded.articles = pairs.into_iter().map(|(article, _)| article).collect();
    load_registry_of(inputs, &mut loaded);
    loaded
}

/// Reads the one entity registry the inputs belong to; inputs under different registries,
/// or a registry that does not read, are an error (entity ids would mean different actors).
fn load_registry_of(inputs: &[impl AsRef<Path>], loaded: &mut Inputs) {
    let mut found: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|input| io::entities::find_registry(input.as_ref()))
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [] => {}
        [path] => match io::entities::load_registry(path) {
            Ok(registry) => {
                loaded.entities = registry;
                loaded.entities_path = Some(path.clone());
            }
            Err(error) => loaded.entities_error = Some(error.into()),
        },
        several => loaded.entities_error = Some(InputError::Registries(several.to_vec())),
    }
}

fn load_one(article: &Path, ron_path: &Path, loaded: &mut Inputs) {
    // Only a name that is not there at all means "no annotations": a FIFO or a device under
    // the name is an error the loader reports.
    if std::fs::symlink_metadata(ron_path).is_err() {
        if article.is_file() {
            loaded.skipped += 1;
        } else if io::exists_but_not_regular(article) {
            if let Err(error) = io::load_article(article) {
                loaded.errors.push(error.into());
            }
        } else {
            loaded.errors.push(InputError::NoSuchArticle(article.to_owned()));
        }
        return;
    }
    let fresh = crate::model::DocumentMeta::default();
    match io::load_document_from(article, ron_path, &fresh, crate::model::Schema::default_schema) {
        Ok(document) => {
            for warning in document.warnings {
                loaded.warnings.push(InputWarning::Load {
                    article: article.to_owned(),
                    warning,
                });
            }
            if !document.orphans.is_empty() {
                let links: std::collections::BTreeSet<_> = document
                    .orphans
                    .iter()
                    .flat_map(|o| o.links.iter().map(|l| l.id))
                    .collect();
                loaded.orphaned_spans += document.orphans.len();
                loaded.orphaned_links += links.len();
                loaded.warnings.push(InputWarning::Orphans {
                    article: article.to_owned(),
                    spans: document.orphans.len(),
                    links: links.len(),
                });
            }
            let document = document.document;
            if document.spans().is_empty() && document.meta().status == Status::NotStarted {
                loaded.skipped += 1;
            } else {
                loaded.documents.push(document);
                loaded.document_paths.push(article.to_owned());
            }
        }
        Err(error) => loaded.errors.push(error.into()),
    }
}
