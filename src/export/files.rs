//! The thin file-system layer over the formats: write an export (one file, a brat folder, or
//! one per split part) and read an import from a path. The format code itself never touches
//! the disk.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::export::brat::{self, BratDocument, BratNames};
use crate::export::conll::{self, ConllOptions, ConllWriter};
use crate::export::dataset_card::{CARD_FILE, dataset_card, is_dataset_card, parquet_dataset_card};
pub use crate::export::guard::{Protected, Protection, Refusal};
use crate::export::jsonl::{self, JsonlFlavor};
use crate::export::offsets::OffsetUnit;
use crate::export::parquet::{self, ParquetExportError, ParquetOptions};
use crate::export::spacy::{self, SpacyError};
use crate::export::split::SplitSpec;
use crate::export::token_classification::{self, LABELS_FILE, TagSet};
use crate::export::warning::DataWarning;
use crate::export::{ExportReport, ImportOptions, Imported, document_id};
use crate::export::{coref, events};
use crate::model::{Document, EntityRegistry};

/// A dataset format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// JSONL in one of its flavors, with offsets in a unit.
    Jsonl(JsonlFlavor, OffsetUnit),
    /// `CoNLL` IOB2.
    Conll(ConllOptions),
    /// brat standoff: a folder.
    Brat,
    /// The agreed actions and quotes with their parties and speakers as entities
    /// ([`crate::export::events`]): JSONL.
    Events,
    /// Mentions grouped into clusters by entity, a document per line
    /// ([`crate::export::coref`]): OntoNotes-style JSONL.
    Coref,
    /// spaCy's `DocBin` ([`crate::export::spacy`]): a binary `.spacy` file.
    Spacy,
    /// Hashiya's JSONL records as a Parquet table ([`crate::export::parquet`]): a binary
    /// `.parquet` file.
    Parquet(ParquetOptions),
}

impl ExportFormat {
    /// The file extension of a one-file format (`None`: brat writes a folder).
    #[must_use]
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Jsonl(..) | Self::Events | Self::Coref => Some("jsonl"),
            Self::Conll(_) => Some("conll"),
            Self::Spacy => Some(spacy::EXTENSION),
            Self::Parquet(_) => Some(parquet::EXTENSION),
            Self::Brat => None,
        }
    }
}

/// A dataset format to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// `CoNLL` (IOB1, IOB2, BIOES; with or without `-DOCSTART-`).
    Conll,
    /// brat standoff: a folder, or one `.ann`/`.txt` pair.
    Brat,
    /// JSONL of any flavor.
    Jsonl,
}

impl FromStr for ImportFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "conll" => Ok(Self::Conll),
            "brat" => Ok(Self::Brat),
            "jsonl" => Ok(Self::Jsonl),
            _ => Err(format!("unknown format \"{text}\" (conll, brat, jsonl)")),
        }
    }
}

impl fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Conll => "conll",
            Self::Brat => "brat",
            Self::Jsonl => "jsonl",
        })
    }
}

/// A file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FilesError {
    /// Reading failed.
    #[error("cannot read ({source}): {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not UTF-8 (dataset files must be).
    #[error("not UTF-8 text: {}", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// Writing failed.
    #[error("cannot write ({source}): {}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The export would overwrite a file it must not (an input, an annotation file, an article).
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Replacing a file failed; its previous version is intact.
    #[error(transparent)]
    Io(#[from] crate::io::IoError),
    /// The spaCy `DocBin` could not be made (a document too large for it).
    #[error("cannot write the spaCy DocBin ({source}): {}", path.display())]
    Spacy {
        /// The file.
        path: PathBuf,
        /// Why.
        source: SpacyError,
    },
    /// The Parquet file could not be made.
    #[error("cannot write the Parquet file ({source}): {}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ParquetExportError,
    },
    /// A brat import found no `.ann` file with its `.txt`.
    #[error("no brat document (NAME.ann with NAME.txt) in {}", path.display())]
    NoBratDocuments {
        /// The folder or file given.
        path: PathBuf,
    },
}

/// Writes an export to `destination` and reports what it wrote. Without a split, JSONL,
/// `CoNLL`, spaCy and Parquet write the file `destination` and brat the folder `destination`;
/// with a split, `destination` is a folder holding `PART.jsonl`, `PART.conll`, `PART.spacy`,
/// `PART.parquet` or `PART/` per part. The
/// token-classification JSONL also writes `labels.json` beside its file (in the folder, with a
/// split), one for every part; a split of Hashiya's or the token JSONL, or of Parquet, also
/// writes the folder's dataset card `README.md` (see [`crate::export::dataset_card`]).
/// `progress(done, total)` is called after each document.
///
/// Every file is checked against `protected` before the first is written (a refused export
/// writes nothing), and each is replaced atomically: a failure (a full disk) leaves the
/// previous version of that file whole. Symlinks in the destination are replaced, never
/// followed.
pub fn write_export(
    documents: &[Document],
    format: ExportFormat,
    destination: &Path,
    split: Option<(&SplitSpec, u64)>,
    protected: &Protected,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, FilesError> {
    let entities = EntityRegistry::default();
    write_export_with_entities(documents, &entities, format, destination, split, protected, progress)
}

/// [`write_export`] with the dataset's entity registry, whose names and codes the Hashiya
/// JSONL and the events export carry (without it, entities are named by id only).
pub fn write_export_with_entities(
    documents: &[Document],
    entities: &EntityRegistry,
    format: ExportFormat,
    destination: &Path,
    split: Option<(&SplitSpec, u64)>,
    protected: &Protected,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, FilesError> {
    let groups: Vec<(Option<&str>, Vec<&Document>)> = match split {
        None => vec![(None, documents.iter().collect())],
        Some((spec, seed)) => {
            let ids: Vec<&str> = documents.iter().map(document_id).collect();
            spec.parts()
                .iter()
                .zip(spec.assign(&ids, seed))
                .map(|((name, _), indices)| {
                    (
                        Some(name.as_str()),
                        indices.into_iter().map(|i| &documents[i]).collect(),
                    )
                })
                .collect()
        }
    };
    let all: Vec<&Document> = documents.iter().collect();
    let mut report = ExportReport::default();
    let mut counter = Progress {
        done: 0,
        total: documents.len(),
        callback: progress,
    };
    let mut planned = Vec::new();
    for (part, group) in groups {
        let one = match (format, part) {
            (ExportFormat::Brat, part) => {
                let folder = part.map_or_else(|| destination.to_owned(), |p| destination.join(p));
                plan_brat(&group, &folder, &mut counter, &mut planned)
            }
            (ExportFormat::Spacy | ExportFormat::Parquet(_), part) => {
                let path = match (part, format.extension()) {
                    (Some(part), Some(extension)) => destination.join(format!("{part}.{extension}")),
                    _ => destination.to_owned(),
                };
                let (contents, one) =
                    export_binary(&group, entities, format, &mut counter).map_err(|error| error.at(&path))?;
                planned.push(Planned {
                    path,
                    contents,
                    brat_text: false,
                });
                one
            }
            (format, part) => {
                let path = match (part, format.extension()) {
                    (Some(part), Some(extension)) => destination.join(format!("{part}.{extension}")),
                    _ => destination.to_owned(),
                };
                let (text, one) = export_text(&group, &all, entities, format, &mut counter);
                planned.push(Planned {
                    path,
                    contents: text.into_bytes(),
                    brat_text: false,
                });
                one
            }
        };
        if let Some(part) = part {
            report.splits.push((part.to_owned(), one.documents));
        }
        report.merge(one);
    }
    planned.extend(companions(
        documents,
        format,
        destination,
        split.map(|(spec, _)| spec),
        &mut report,
    ));
    for file in &planned {
        if file.brat_text {
            protected.check_brat_text(&file.path)?;
        } else {
            protected.check(&file.path)?;
        }
    }
    for file in planned {
        write_file(&file.path, &file.contents)?;
    }
    Ok(report)
}

/// The files an export writes beside its own: a JSONL's (see [`jsonl_companions`]), and the
/// dataset card of a split Parquet export.
fn companions(
    documents: &[Document],
    format: ExportFormat,
    destination: &Path,
    split: Option<&SplitSpec>,
    report: &mut ExportReport,
) -> Vec<Planned> {
    match (format, split) {
        (ExportFormat::Jsonl(flavor, _), split) => jsonl_companions(documents, flavor, destination, split, report),
        (ExportFormat::Parquet(options), Some(spec)) => {
            let parts: Vec<&str> = spec.parts().iter().map(|(name, _)| name.as_str()).collect();
            let card = parquet_dataset_card(options.suggestions, &parts);
            planned_card(card, destination, "parquet", report).into_iter().collect()
        }
        _ => Vec::new(),
    }
}

/// The files a JSONL export writes beside its own: `labels.json` for the token flavor, and the
/// dataset card of a split export (Hashiya's and the token flavor), unless the folder has a
/// `README.md` that is not one (the user's own is never replaced; a warning says so).
fn jsonl_companions(
    documents: &[Document],
    flavor: JsonlFlavor,
    destination: &Path,
    split: Option<&SplitSpec>,
    report: &mut ExportReport,
) -> Vec<Planned> {
    let folder = match split {
        Some(_) => destination,
        None => destination.parent().unwrap_or_else(|| Path::new("")),
    };
    let tags = TagSet::for_documents(documents);
    let mut planned = Vec::new();
    if let JsonlFlavor::Tokens(_) = flavor {
        planned.push(Planned {
            path: folder.join(LABELS_FILE),
            contents: tags.labels_json().into_bytes(),
            brat_text: false,
        });
    }
    let parts: Vec<&str> = split.map_or_else(Vec::new, |spec| {
        spec.parts().iter().map(|(name, _)| name.as_str()).collect()
    });
    if let Some(card) = split.and_then(|_| dataset_card(flavor, &parts, &tags)) {
        planned.extend(planned_card(card, folder, "json", report));
    }
    planned
}

/// The dataset card `card` of the split export in `folder`, unless the folder has a
/// `README.md` that is not one (the user's own is never replaced; a warning says so).
/// `loader` is the `datasets` loader that reads the splits without it.
fn planned_card(card: String, folder: &Path, loader: &str, report: &mut ExportReport) -> Option<Planned> {
    let path = folder.join(CARD_FILE);
    // Unreadable or absent: nothing of the user's to keep.
    let existing = std::fs::read_to_string(&path).ok();
    if existing.is_none_or(|text| is_dataset_card(&text)) {
        Some(Planned {
            path,
            contents: card.into_bytes(),
            brat_text: false,
        })
    } else {
        report.warn(DataWarning::ForeignCard {
            path: path.display().to_string(),
            loader: loader.to_owned(),
        });
        None
    }
}

/// A file an export is about to write.
struct Planned {
    path: PathBuf,
    contents: Vec<u8>,
    /// A brat `NAME.txt`, named like an article.
    brat_text: bool,
}

/// Calls the progress callback after each document.
struct Progress<'p> {
    done: usize,
    total: usize,
    callback: &'p mut dyn FnMut(usize, usize),
}

impl Progress<'_> {
    fn step(&mut self) {
        self.done += 1;
        (self.callback)(self.done, self.total);
    }
}

/// A one-file export as text (`None` for brat, which writes a folder, and for the binary
/// formats: spaCy's `DocBin`, Parquet).
#[must_use]
pub fn export_string(documents: &[Document], format: ExportFormat) -> Option<(String, ExportReport)> {
    export_string_with_entities(documents, &EntityRegistry::default(), format)
}

/// [`export_string`] with the dataset's entity registry (see [`write_export_with_entities`]).
#[must_use]
pub fn export_string_with_entities(
    documents: &[Document],
    entities: &EntityRegistry,
    format: ExportFormat,
) -> Option<(String, ExportReport)> {
    if matches!(
        format,
        ExportFormat::Brat | ExportFormat::Spacy | ExportFormat::Parquet(_)
    ) {
        return None;
    }
    let group: Vec<&Document> = documents.iter().collect();
    let mut ignore = |_: usize, _: usize| {};
    let mut counter = Progress {
        done: 0,
        total: documents.len(),
        callback: &mut ignore,
    };
    Some(export_text(&group, &group, entities, format, &mut counter))
}

/// One file of an export: `documents`, part of `all` (a split part, or all of them).
fn export_text(
    documents: &[&Document],
    all: &[&Document],
    entities: &EntityRegistry,
    format: ExportFormat,
    progress: &mut Progress<'_>,
) -> (String, ExportReport) {
    let mut out = String::new();
    let mut report = ExportReport::default();
    let mut conll = match format {
        // The columns of a layered file come from every document, so split parts match.
        ExportFormat::Conll(options) => Some(ConllWriter::new(options, all.iter().copied())),
        _ => None,
    };
    // Likewise the tag numbers of the token flavor.
    let tags = match format {
        ExportFormat::Jsonl(JsonlFlavor::Tokens(sentences), _) => {
            Some((TagSet::for_documents(all.iter().copied()), sentences))
        }
        _ => None,
    };
    for document in documents {
        if let Some(writer) = &mut conll {
            report.merge(writer.push(document));
        } else if let Some((tags, sentences)) = &tags {
            report.merge(token_classification::push_document(
                document, tags, *sentences, &mut out,
            ));
        } else if format == ExportFormat::Events {
            report.merge(events::push_document(document, entities, &mut out));
        } else if format == ExportFormat::Coref {
            report.merge(coref::push_document(document, &mut out));
        } else if let ExportFormat::Jsonl(flavor, unit) = format {
            let (line, one) = jsonl::export_line_with(document, flavor, unit, entities);
            out.push_str(&line);
            out.push('\n');
            report.merge(one);
        }
        progress.step();
    }
    if let Some(writer) = conll {
        out = writer.finish();
    }
    (out, report)
}

/// Why a binary file could not be made, before its path is known.
enum BinaryError {
    Spacy(SpacyError),
    Parquet(ParquetExportError),
}

impl BinaryError {
    fn at(self, path: &Path) -> FilesError {
        let path = path.to_owned();
        match self {
            Self::Spacy(source) => FilesError::Spacy { path, source },
            Self::Parquet(source) => FilesError::Parquet { path, source },
        }
    }
}

/// One file of a binary format (spaCy's `DocBin`, Parquet): `documents` (a split part, or all
/// of them).
fn export_binary(
    documents: &[&Document],
    entities: &EntityRegistry,
    format: ExportFormat,
    progress: &mut Progress<'_>,
) -> Result<(Vec<u8>, ExportReport), BinaryError> {
    match format {
        ExportFormat::Parquet(options) => {
            parquet::export_parquet(documents, entities, options, &mut || progress.step()).map_err(BinaryError::Parquet)
        }
        _ => export_docbin(documents, progress).map_err(BinaryError::Spacy),
    }
}

/// One `.spacy` file of an export: `documents` (a split part, or all of them).
fn export_docbin(documents: &[&Document], progress: &mut Progress<'_>) -> Result<(Vec<u8>, ExportReport), SpacyError> {
    let mut writer = spacy::DocBinWriter::new();
    let mut report = ExportReport::default();
    for document in documents {
        report.merge(writer.push(document)?);
        progress.step();
    }
    Ok((writer.finish()?, report))
}

/// The files of a brat folder: `annotation.conf`, `visual.conf`, `NAME.txt` and `NAME.ann`.
fn plan_brat(
    documents: &[&Document],
    folder: &Path,
    progress: &mut Progress<'_>,
    planned: &mut Vec<Planned>,
) -> ExportReport {
    let names = BratNames::for_documents(documents.iter().copied());
    let mut file = |name: &str, contents: String, brat_text: bool| {
        planned.push(Planned {
            path: folder.join(name),
            contents: contents.into_bytes(),
            brat_text,
        });
    };
    file(
        "annotation.conf",
        brat::annotation_conf(documents.iter().copied(), &names),
        false,
    );
    file(
        "visual.conf",
        brat::visual_conf(documents.iter().copied(), &names),
        false,
    );
    let mut report = ExportReport::default();
    // Lowercase: two names that differ only in case are one file on macOS and Windows.
    let mut used = HashSet::new();
    for document in documents {
        let (files, one) = brat::export_document(document, &names);
        report.merge(one);
        let mut name = files.name.clone();
        let mut n = 2;
        while !used.insert(name.to_lowercase()) {
            name = format!("{}-{n}", files.name);
            n += 1;
        }
        if name != files.name {
            report.warn(DataWarning::NameTaken {
                name: files.name.clone(),
                renamed: name.clone(),
            });
        }
        file(&format!("{name}.txt"), files.txt, true);
        file(&format!("{name}.ann"), files.ann, false);
        progress.step();
    }
    report
}

fn write_file(path: &Path, contents: &[u8]) -> Result<(), FilesError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| FilesError::Write {
            path: parent.to_owned(),
            source,
        })?;
    }
    crate::io::atomic::replace_atomic(path, contents, crate::io::atomic::Backup::None)?;
    Ok(())
}

/// Reads a UTF-8 file.
pub fn read_text(path: &Path) -> Result<String, FilesError> {
    std::fs::read_to_string(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::InvalidData {
            FilesError::NotUtf8 { path: path.to_owned() }
        } else {
            FilesError::Read {
                path: path.to_owned(),
                source,
            }
        }
    })
}

/// Imports a dataset from a path: a `CoNLL` or JSONL file, or a brat folder or `.ann`/`.txt`
/// pair. Documents without a name of their own are named after the file's stem when
/// `options.name` is empty.
pub fn read_import(format: ImportFormat, path: &Path, options: &ImportOptions) -> Result<Imported, FilesError> {
    let mut options = options.clone();
    if options.name.is_empty() {
        options.name = path
            .file_stem()
            .map_or_else(|| "document".to_owned(), |s| s.to_string_lossy().into_owned());
    }
    match format {
        ImportFormat::Conll => Ok(conll::import_str(&read_text(path)?, &options)),
        ImportFormat::Jsonl => Ok(jsonl::import_str(&read_text(path)?, &options)),
        ImportFormat::Brat => read_brat(path, &options),
    }
}

fn read_brat(path: &Path, options: &ImportOptions) -> Result<Imported, FilesError> {
    let (folder, stems) = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|source| FilesError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut stems: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ann"))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        stems.sort();
        (path.to_owned(), stems)
    } else {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        (folder, stem.into_iter().collect())
    };
    let mut inputs = Vec::new();
    let mut missing = Vec::new();
    for stem in stems {
        let txt = folder.join(format!("{stem}.txt"));
        if !txt.is_file() {
            missing.push(stem);
            continue;
        }
        let ann = folder.join(format!("{stem}.ann"));
        inputs.push(BratDocument {
            txt: read_text(&txt)?,
            ann: if ann.is_file() { read_text(&ann)? } else { String::new() },
            name: stem,
        });
    }
    if inputs.is_empty() {
        return Err(FilesError::NoBratDocuments { path: path.to_owned() });
    }
    // brat reads the configuration of the nearest folder up the tree that has one.
    let conf = |name: &str| match folder.ancestors().map(|f| f.join(name)).find(|p| p.is_file()) {
        Some(path) => read_text(&path).map(Some),
        None => Ok(None),
    };
    let (annotation, visual) = (conf("annotation.conf")?, conf("visual.conf")?);
    let mut imported = brat::import(&inputs, annotation.as_deref(), visual.as_deref(), options);
    for stem in missing {
        imported
            .report
            .warn(None, DataWarning::AnnWithoutTxt { stem: stem.clone() });
    }
    Ok(imported)
}
