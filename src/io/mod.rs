//! Files: article import (encodings, line ends), the RON annotation format, atomic saves,
//! recovery files, folders of articles.
//!
//! For an article `NAME.txt` the annotations live in `NAME.hashiya.ron` beside it. Offsets in
//! that file are Unicode scalar (char) offsets into the article text as loaded by
//! [`load_article`]: decoded, CRLF and lone CR turned into LF.
//!
//! The file (format version 1, 2 when it uses a field added in version 2, 3 when a span names
//! an entity; see `docs/annotation-format.md`), one span and one link per line, sorted:
//!
//! ```text
//! (
//!     format_version: 3,
//!     document: (file: "article.txt", sha256: "9f86…", char_len: 2620),
//!     annotator: "Sara",
//!     status: InProgress,
//!     schema: (labels: [...], relations: [...]),
//!     spans: [
//!         (id: 1, label: "Actor", start: 62, end: 76, text: "ستيفاني وليامز", attributes: {"type": "person"}, entity: Some("E2")),
//!         (id: 9, label: "Quote", start: 801, end: 1002, text: "سعدت بما …", needs_review: true),
//!     ],
//!     links: [
//!         (id: 1, kind: "speaker", from: 9, to: 1),
//!     ],
//! )
//! ```

mod anchor;
mod article;
pub mod atomic;
pub mod autosave_timer;
mod canonical_reader;
#[doc(hidden)]
pub mod differential;
mod dto;
mod dto_suggestions;
pub mod entities;
mod error;
mod file_check;
pub mod file_watcher;
pub mod folder;
mod imported;
mod inputs;
mod load_warning;
mod locate;
mod merge;
pub mod merge_note;
pub mod project;
mod project_problem;
mod reader;
pub mod recovery;
mod regular;
pub mod search;
mod unreadable_file;
mod validation;
mod versions;
mod writer;

use std::path::{Path, PathBuf};

pub use article::{LoadedArticle, MAX_ARTICLE_BYTES, decode_article, load_article};
pub use error::{FileKind, IoError, Position, Problem, ProblemReason, SyntaxKind, WriteStep};
pub use file_check::{Formatted, format_file, validate_file};
pub use imported::{
    ImportRepair, ImportWriteError, WrittenDocument, import_conflicts, import_targets, write_imported_document,
};
pub use inputs::{InputError, InputWarning, Inputs, load_inputs, load_inputs_with_progress};
pub use load_warning::{LoadWarning, MAX_WARNING_DETAILS};
pub use merge::{MergeError, MergeOutcome, Side, merge_annotation_files};
pub use project_problem::ProjectProblem;
pub use reader::{LoadedAnnotations, OrphanSpan, from_ron_str};
pub(crate) use regular::{exists_but_not_regular, read_limited};
pub use unreadable_file::UnreadableFile;
pub use validation::validate_ron;
pub use versions::{AnnotatorFile, load_annotator_file};

use crate::io::differential::RonReader;
use crate::model::{Document, DocumentMeta, Schema};

/// The newest annotation file format version; this build reads it and every older one. A file
/// is written with the lowest version that holds it (version 1 unless it uses a field added
/// in version 2; version 3 when a span names an entity; version 4 when it holds suggestions or
/// rejections), so that older Hashiya versions keep
/// opening what they can read.
pub const FORMAT_VERSION: u64 = 4;

/// Whether this build reads files of this format version.
#[must_use]
pub fn reads_format_version(version: u64) -> bool {
    (1..=FORMAT_VERSION).contains(&version)
}

/// Largest annotation file Hashiya reads, 256 MiB (11k spans take about 1.5 MB).
pub const MAX_ANNOTATION_BYTES: u64 = 256 * 1024 * 1024;

/// The suffix that replaces `.txt` for annotation files.
pub const ANNOTATION_SUFFIX: &str = ".hashiya.ron";

/// A document opened from an article file, with its annotations when it has some.
#[derive(Clone, Debug)]
pub struct LoadedDocument {
    /// The article and its annotations (a fresh document with the default schema when there
    /// is no annotation file).
    pub document: Document,
    /// Spans whose text is no longer in the article; keep them and pass them to
    /// [`save_document_with_orphans`] until the user has dealt with them.
    pub orphans: Vec<OrphanSpan>,
    /// Things to tell the user (article changed, spans re-anchored, …).
    pub warnings: Vec<LoadWarning>,
    /// The article's detected encoding, for display.
    pub encoding: &'static str,
}

/// `dir/NAME.txt` → `dir/NAME.hashiya.ron` (another extension is kept: `NAME.md.hashiya.ron`).
#[must_use]
pub fn annotation_path_for(article: &Path) -> PathBuf {
    let is_txt = article.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let base = if is_txt {
        article.file_stem()
    } else {
        article.file_name()
    };
    let mut name = base.unwrap_or_default().to_os_string();
    name.push(ANNOTATION_SUFFIX);
    article.with_file_name(name)
}

/// `dir/NAME.hashiya.ron` → `dir/NAME.txt` (or `dir/NAME` when that exists and has an
/// extension of its own); `None` when the name does not end in `.hashiya.ron`.
#[must_use]
pub fn article_path_for(annotations: &Path) -> Option<PathBuf> {
    // Names that are not UTF-8 are still paths: compare bytes, and cut the two ASCII
    // extensions off with `file_stem`, which keeps the rest of the name as it is.
    let name = annotations.file_name()?;
    let bytes = name.as_encoded_bytes();
    if bytes.len() <= ANNOTATION_SUFFIX.len() || !bytes.ends_with(ANNOTATION_SUFFIX.as_bytes()) {
        return None;
    }
    let without_ron = Path::new(name).file_stem()?;
    let stem = Path::new(without_ron).file_stem()?;
    let bare = annotations.with_file_name(stem);
    if bare.extension().is_some() && bare.is_file() {
        return Some(bare);
    }
    let mut article = stem.to_os_string();
    article.push(".txt");
    let article = annotations.with_file_name(article);
    // `NAME.ANNOTATOR.hashiya.ron`, one annotator's file in a team project, belongs to the
    // article `NAME.txt` when there is no `NAME.ANNOTATOR.txt`.
    if !article.exists()
        && let Some(annotator) = Path::new(stem).extension().and_then(|a| a.to_str())
        && project::valid_annotator_name(annotator)
        && let Some(shared) = article_path_for(&annotations.with_file_name({
            let mut name = Path::new(stem).file_stem()?.to_os_string();
            name.push(ANNOTATION_SUFFIX);
            name
        }))
        && shared.is_file()
    {
        return Some(shared);
    }
    Some(article)
}

/// Reads an article and its annotation file when it exists (else a fresh document with the
/// default schema). A failed load changes nothing on disk.
pub fn load_document(article: &Path) -> Result<LoadedDocument, IoError> {
    load_document_from(
        article,
        &annotation_path_for(article),
        &DocumentMeta::default(),
        Schema::default_schema,
    )
}

/// [`load_document`] with the annotations of `ron_path` (one annotator's file of a project);
/// without that file, a fresh document with `meta` (its annotator) and the schema `schema` gives.
pub fn load_document_from(
    article: &Path,
    ron_path: &Path,
    meta: &DocumentMeta,
    schema: impl FnOnce() -> Schema,
) -> Result<LoadedDocument, IoError> {
    let LoadedArticle { text, encoding } = load_article(article)?;
    let source_name = article.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let loaded = match read_annotation_text(ron_path) {
        Err(IoError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            let meta = DocumentMeta {
                source_name,
                ..meta.clone()
            };
            LoadedAnnotations {
                document: Document::new(text, schema(), meta),
                orphans: Vec::new(),
                warnings: Vec::new(),
            }
        }
        Err(error) => return Err(error),
        Ok(ron) => reader::from_ron_str_as(&ron, &text, Some(&source_name)).map_err(|e| e.with_path(ron_path))?,
    };
    Ok(LoadedDocument {
        document: loaded.document,
        orphans: loaded.orphans,
        warnings: loaded.warnings,
        encoding,
    })
}

/// Reads the annotation (or recovery) file `ron_path` and places it in `text`, the
/// normalized article.
pub fn load_annotations(ron_path: &Path, text: &str) -> Result<LoadedAnnotations, IoError> {
    let ron = read_annotation_text(ron_path)?;
    reader::from_ron_str(&ron, text).map_err(|e| e.with_path(ron_path))
}

/// Saves `document` to `ron_path` atomically, keeping the previous version as `.bak`, then
/// deletes the recovery file.
pub fn save_document(document: &Document, ron_path: &Path) -> Result<(), IoError> {
    save_document_with_orphans(document, &[], ron_path)
}

/// [`save_document`], keeping unplaced spans in the file's `orphans` list.
pub fn save_document_with_orphans(document: &Document, orphans: &[OrphanSpan], ron_path: &Path) -> Result<(), IoError> {
    let ron = to_ron_string_with_orphans(document, orphans);
    // Saving what the file already holds would only turn `.bak` into a second copy of it,
    // losing the previous version.
    let unchanged = read_limited(ron_path, MAX_ANNOTATION_BYTES).is_ok_and(|bytes| bytes == ron.as_bytes());
    if !unchanged {
        atomic::write_atomic(ron_path, ron.as_bytes(), atomic::Backup::Keep)?;
    }
    // The save succeeded; a recovery file that cannot be deleted is older than it and so is
    // not offered again.
    let _ = recovery::remove_recovery_of(ron_path);
    Ok(())
}

/// The annotation file of `document` in canonical form.
#[must_use]
pub fn to_ron_string(document: &Document) -> String {
    to_ron_string_with_orphans(document, &[])
}

/// [`to_ron_string`] with an `orphans` list.
#[must_use]
pub fn to_ron_string_with_orphans(document: &Document, orphans: &[OrphanSpan]) -> String {
    writer::write_file(&dto::FileDto::from_document(document, orphans))
}

/// Rewrites an annotation file in canonical form (sorted, one span per line) without its
/// article; the file must be valid on its own, and is refused when the rewrite would drop a
/// value (an attribute given twice). For `hashiya fmt`.
pub fn canonical_ron(ron: &str) -> Result<String, IoError> {
    let file = reader::parse_file(ron)?;
    reader::check_file(&file, ron)?;
    let lost = reader::repeated_attributes(&file, &locate::Locator::new(ron));
    if !lost.is_empty() {
        return Err(IoError::invalid(lost));
    }
    // A hand-edited file may use a field of a later version than it says (a span's `entity`
    // in a version 1 file): it is written as that version, so an older Hashiya says "newer"
    // instead of failing on the field.
    let mut file = file;
    file.format_version = file.format_version.max(file.lowest_version());
    Ok(writer::write_file(&file))
}

/// SHA-256 of the text's UTF-8 bytes as lowercase hex: the document identity in files.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xF), 16).unwrap_or('0'));
    }
    hex
}

/// Reads an annotation (or recovery) file as text: a regular file of at most
/// [`MAX_ANNOTATION_BYTES`], UTF-8, a leading byte order mark removed (editors on Windows add
/// one; every command and the window accept it, and saving drops it).
pub fn read_annotation_text(path: &Path) -> Result<String, IoError> {
    let bytes = read_limited(path, MAX_ANNOTATION_BYTES)?;
    read_annotation_text_from(bytes).map_err(|e| e.with_path(path))
}

/// Loads annotations from a file's bytes with a choice of parser: the differential check of
/// the fast reader against ron (`hashiya::fuzzing`) reads the same bytes both ways.
pub(crate) fn annotations_from_bytes_with(
    bytes: &[u8],
    text: &str,
    source_name: Option<&str>,
    reader: RonReader,
) -> Result<LoadedAnnotations, IoError> {
    let ron = read_annotation_text_from(bytes.to_vec())?;
    reader::from_ron_str_with(&ron, text, source_name, reader)
}

/// [`read_annotation_text`] for bytes already read.
pub(crate) fn read_annotation_text_from(mut bytes: Vec<u8>) -> Result<String, IoError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
        let position = Position::of_byte(valid, valid.len());
        IoError::invalid(vec![
            Problem::at(Some(position), "the file is not UTF-8 text").because(ProblemReason::NotUtf8),
        ])
    })
}
