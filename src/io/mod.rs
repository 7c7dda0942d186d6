//! Files: article import (encodings, line ends), the RON annotation format, atomic saves,
//! recovery files, folders of articles.
//!
//! For an article `NAME.txt` the annotations live in `NAME.hashiya.ron` beside it. Offsets in
//! that file are Unicode scalar (char) offsets into the article text as loaded by
//! [`load_article`]: decoded, CRLF and lone CR turned into LF.
//!
//! The file (format version 1), one span and one link per line, sorted:
//!
//! ```text
//! (
//!     format_version: 1,
//!     document: (file: "article.txt", sha256: "9f86…", char_len: 2620),
//!     annotator: "Sara",
//!     status: InProgress,
//!     schema: (labels: [...], relations: [...]),
//!     spans: [
//!         (id: 1, label: "Actor", start: 62, end: 76, text: "ستيفاني وليامز", attributes: {"type": "person"}),
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
mod dto;
mod error;
mod fast;
pub mod folder;
mod imported;
mod inputs;
mod locate;
mod reader;
pub mod recovery;
mod validation;
mod writer;

use std::io::Read as _;
use std::path::{Path, PathBuf};

pub use article::{LoadedArticle, MAX_ARTICLE_BYTES, decode_article, load_article};
pub use error::{IoError, Position, Problem};
pub use imported::{import_conflicts, import_targets, write_imported_document};
pub use inputs::{Inputs, load_inputs};
pub use reader::{LoadedAnnotations, OrphanSpan, from_ron_str};
pub use validation::validate_ron;

use crate::model::{Document, DocumentMeta, Schema};

/// The annotation file format version this build writes; it reads this one and older ones.
pub const FORMAT_VERSION: u64 = 1;

/// Largest annotation file Hashiya reads (11k spans take about 1.5 MB).
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
    pub warnings: Vec<String>,
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
    Some(annotations.with_file_name(article))
}

/// Reads an article and its annotation file when it exists (else a fresh document with the
/// default schema). A failed load changes nothing on disk.
pub fn load_document(article: &Path) -> Result<LoadedDocument, IoError> {
    let LoadedArticle { text, encoding } = load_article(article)?;
    let source_name = article.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let ron_path = annotation_path_for(article);
    let loaded = match read_limited(&ron_path, MAX_ANNOTATION_BYTES) {
        Err(IoError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            let meta = DocumentMeta {
                source_name,
                ..DocumentMeta::default()
            };
            LoadedAnnotations {
                document: Document::new(text, Schema::default_schema(), meta),
                orphans: Vec::new(),
                warnings: Vec::new(),
            }
        }
        Err(error) => return Err(error),
        Ok(bytes) => annotations_from_bytes(&bytes, &text, Some(&source_name)).map_err(|e| e.with_path(&ron_path))?,
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
    let bytes = read_limited(ron_path, MAX_ANNOTATION_BYTES)?;
    annotations_from_bytes(&bytes, text, None).map_err(|e| e.with_path(ron_path))
}

/// Saves `document` to `ron_path` atomically, keeping the previous version as `.bak`, then
/// deletes the recovery file.
pub fn save_document(document: &Document, ron_path: &Path) -> Result<(), IoError> {
    save_document_with_orphans(document, &[], ron_path)
}

/// [`save_document`], keeping unplaced spans in the file's `orphans` list.
pub fn save_document_with_orphans(document: &Document, orphans: &[OrphanSpan], ron_path: &Path) -> Result<(), IoError> {
    let ron = to_ron_string_with_orphans(document, orphans);
    atomic::write_atomic(ron_path, ron.as_bytes(), atomic::Backup::Keep)?;
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
/// article; the file must be valid on its own. For `hashiya fmt`.
pub fn canonical_ron(ron: &str) -> Result<String, IoError> {
    let file = reader::parse_file(ron)?;
    reader::check_file(&file, ron)?;
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

fn annotations_from_bytes(bytes: &[u8], text: &str, source_name: Option<&str>) -> Result<LoadedAnnotations, IoError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let ron = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let position = Position::of_byte(valid, valid.len());
        IoError::invalid(vec![Problem::at(Some(position), "the file is not UTF-8 text")])
    })?;
    reader::from_ron_str_as(ron, text, source_name)
}

/// Reads a whole file, refusing files over `limit` bytes before reading them.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, IoError> {
    let read_error = |source| IoError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > limit {
        return Err(IoError::TooLarge {
            path: path.to_path_buf(),
            bytes: size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(limit + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(IoError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
