//! Writing imported documents: `DIR/NAME.txt` and `DIR/NAME.hashiya.ron` per document, for
//! `hashiya import` and File › Import dataset.
//!
//! Every document gets its own pair of files, named so that no two differ only in case (one
//! file on macOS and Windows), and so that the annotation file leads back to its article.
//! Before anything is written, the document goes through the same checks as
//! `hashiya validate`: a file Hashiya could not open is never written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::io::{self, atomic};
use crate::model::{Document, DocumentMeta, Link, Span};

/// Longest file stem an import writes, in bytes: `STEM-NN.hashiya.ron.bak` and the temporary
/// names of atomic saves stay under the usual limit of 255 bytes per name.
const MAX_STEM_BYTES: usize = 200;

/// Extensions that would make Hashiya take a stem for another kind of file.
const SPECIAL_EXTENSIONS: [&str; 4] = ["txt", "ron", "bak", "recovery"];

/// Names Windows reserves for devices, in any case and with any extension.
const RESERVED_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why an imported document was not written.
#[derive(Debug, thiserror::Error)]
pub enum ImportWriteError {
    /// The document would make a file Hashiya cannot open; nothing of it was written.
    #[error("not written, Hashiya could not open it: {}", problems_text(.problems))]
    Refused {
        /// What `hashiya validate` would say.
        problems: Vec<io::Problem>,
    },
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] io::IoError),
    /// The folder could not be created.
    #[error("cannot create the folder ({source}): {}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The problems' English sentences, as `hashiya validate` says them, joined.
fn problems_text(problems: &[io::Problem]) -> String {
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    messages.join("; ")
}

/// The article path of each document in `out`: `STEM.txt`, the stem made from its file name
/// (no folders, no characters Windows forbids), unique even on a case-insensitive file
/// system, and never the name of a file already in `out` that Hashiya would take for the
/// article instead.
#[must_use]
pub fn import_targets(documents: &[Document], out: &Path) -> Vec<PathBuf> {
    let mut used = HashSet::new();
    documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let stem = safe_stem(&document.meta().source_name).unwrap_or_else(|| format!("document-{}", index + 1));
            let mut unique = stem.clone();
            let mut n = 2;
            while !used.insert(unique.to_lowercase()) || shadowed(out, &unique) {
                unique = format!("{stem}-{n}");
                n += 1;
            }
            out.join(format!("{unique}.txt"))
        })
        .collect()
}

/// Whether a file `out/STEM` exists that [`io::article_path_for`] would take for the article
/// of `STEM.hashiya.ron`.
fn shadowed(out: &Path, stem: &str) -> bool {
    let bare = out.join(stem);
    bare.extension().is_some() && std::fs::symlink_metadata(&bare).is_ok()
}

/// A file stem for a document named `source_name`; `None` when nothing usable is left.
fn safe_stem(source_name: &str) -> Option<String> {
    let cleaned: String = source_name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trim = |s: &str| s.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    let mut stem = trim(&cleaned);
    if stem.len() > 4 && stem.is_char_boundary(stem.len() - 4) && stem[stem.len() - 4..].eq_ignore_ascii_case(".txt") {
        stem = trim(&stem[..stem.len() - 4]);
    }
    // `a.hashiya.ron` → `a.hashiya_ron`: a stem ending in an extension Hashiya gives a meaning
    // would make the annotation file point at another file.
    while let Some((head, extension)) = stem.rsplit_once('.')
        && SPECIAL_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
    {
        stem = format!("{head}_{extension}");
    }
    let mut cut = stem.len().min(MAX_STEM_BYTES);
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    stem = trim(&stem[..cut]);
    let device = stem.split('.').next().unwrap_or_default().to_ascii_lowercase();
    if RESERVED_NAMES.contains(&device.as_str()) {
        stem.insert(0, '_');
    }
    (!stem.is_empty()).then_some(stem)
}

/// Files an import would replace: annotation files, articles with another text, and any
/// symlink or other non-file where a file would go (the import replaces it; it never
/// writes through it).
#[must_use]
pub fn import_conflicts(documents: &[Document], targets: &[PathBuf]) -> Vec<PathBuf> {
    let mut conflicts = Vec::new();
    for (document, article) in documents.iter().zip(targets) {
        if let Ok(meta) = std::fs::symlink_metadata(article) {
            let text = document.text().as_bytes();
            let same_text = meta.is_file()
                && meta.len() == text.len() as u64
                && std::fs::read(article).is_ok_and(|bytes| bytes == text);
            if !same_text {
                conflicts.push(article.clone());
            }
        }
        let ron = io::annotation_path_for(article);
        if std::fs::symlink_metadata(&ron).is_ok() {
            conflicts.push(ron);
        }
    }
    conflicts
}

/// A repair made to an imported document so that Hashiya reads it back as written; its
/// `Display` is the command line's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportRepair {
    /// The text changed; spans moved with it.
    Text {
        /// The article's file name.
        name: String,
        /// NUL characters replaced by U+FFFD.
        nuls: usize,
        /// A leading byte-order mark removed.
        bom: bool,
        /// CRLF and CR line ends turned into LF.
        line_ends: bool,
    },
    /// A span that covered only removed characters, left out.
    SpanRemoved {
        /// The article's file name.
        name: String,
        /// The span.
        span: crate::model::SpanId,
    },
}

impl std::fmt::Display for ImportRepair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text {
                name,
                nuls,
                bom,
                line_ends,
            } => {
                let mut repairs = Vec::new();
                if *nuls > 0 {
                    repairs.push(format!("{nuls} NUL characters replaced by U+FFFD"));
                }
                if *bom {
                    repairs.push("the byte-order mark removed".to_owned());
                }
                if *line_ends {
                    repairs.push("CRLF and CR line ends turned into LF".to_owned());
                }
                write!(f, "{name}: {}; spans moved with their text", repairs.join(", "))
            }
            Self::SpanRemoved { name, span } => {
                write!(f, "{name}: span {span} covered only removed characters; left out")
            }
        }
    }
}

/// What was written of one imported document.
#[derive(Debug)]
pub struct WrittenDocument {
    /// The repairs made to it.
    pub warnings: Vec<ImportRepair>,
    /// Spans written.
    pub spans: usize,
    /// Links written.
    pub links: usize,
}

/// Writes `NAME.txt` and `NAME.hashiya.ron` (atomically, replacing a symlink rather than
/// writing through it); the document is renamed after its article file. The text is first
/// made what Hashiya reads back (see [`readable_text`]); then the annotation file is checked
/// as `hashiya validate` checks it, and the document is refused, with nothing written, when
/// it fails.
///
/// Returns what was written, with a warning per repair.
pub fn write_imported_document(
    document: &Document,
    article: &Path,
    syncs: &atomic::FolderSyncs,
) -> Result<WrittenDocument, ImportWriteError> {
    let (document, warnings) = readable_document(document, article);
    let ron = io::to_ron_string(&document);
    let mut problems = io::validate_ron(&ron, document.text());
    if problems.is_empty()
        && let Err(error) = io::from_ron_str(&ron, document.text())
    {
        problems = error.problems();
    }
    if !problems.is_empty() {
        return Err(ImportWriteError::Refused { problems });
    }
    if let Some(parent) = article.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| ImportWriteError::Folder {
            path: parent.to_owned(),
            source,
        })?;
    }
    syncs.replace_atomic(article, document.text().as_bytes(), atomic::Backup::None)?;
    syncs.replace_atomic(&io::annotation_path_for(article), ron.as_bytes(), atomic::Backup::Keep)?;
    Ok(WrittenDocument {
        warnings,
        spans: document.spans().len(),
        links: document.links().len(),
    })
}

/// The document as it will be on disk: named after `article`, its text as Hashiya reads it
/// back, spans moved with their text; with a warning per repair.
fn readable_document(document: &Document, article: &Path) -> (Document, Vec<ImportRepair>) {
    let name = article.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let meta = DocumentMeta {
        source_name: name.clone(),
        ..document.meta().clone()
    };
    let mut warnings = Vec::new();
    let Some((text, offsets, repairs)) = readable_text(document.text()) else {
        let document = Document::from_parts(
            document.text().to_owned(),
            document.schema().clone(),
            meta,
            document.spans().to_vec(),
            document.links().to_vec(),
        )
        .with_brat_lines(document.brat_lines().to_vec())
        .with_tokenization(document.tokenization());
        return (document, warnings);
    };
    warnings.push(ImportRepair::Text {
        name: name.clone(),
        nuls: repairs.nuls,
        bom: repairs.bom,
        line_ends: repairs.line_ends,
    });
    let mut spans: Vec<Span> = Vec::with_capacity(document.spans().len());
    for span in document.spans() {
        let (start, end) = (offsets[span.char_start], offsets[span.char_end]);
        if start < end {
            spans.push(Span {
                char_start: start,
                char_end: end,
                ..span.clone()
            });
        } else {
            warnings.push(ImportRepair::SpanRemoved {
                name: name.clone(),
                span: span.id,
            });
        }
    }
    let kept: HashSet<_> = spans.iter().map(|s| s.id).collect();
    let links: Vec<Link> = document
        .links()
        .iter()
        .filter(|l| kept.contains(&l.from) && kept.contains(&l.to))
        .cloned()
        .collect();
    let document = Document::from_parts(text, document.schema().clone(), meta, spans, links)
        .with_brat_lines(document.brat_lines().to_vec())
        .with_tokenization(document.tokenization());
    (document, warnings)
}

/// What [`readable_text`] changed.
struct TextRepairs {
    nuls: usize,
    bom: bool,
    line_ends: bool,
}

/// The text as Hashiya reads it back from its file, when that differs from `text`: NUL (which
/// marks a binary file) becomes U+FFFD, a leading byte-order mark goes, CRLF and lone CR
/// become LF. Returns the new text, the new char offset of every old one (`0..=char_len`),
/// and what was changed.
fn readable_text(text: &str) -> Option<(String, Vec<usize>, TextRepairs)> {
    if !text.contains(['\0', '\r']) && !text.starts_with('\u{feff}') {
        return None;
    }
    let boms = text.chars().take_while(|&c| c == '\u{feff}').count();
    let repairs = TextRepairs {
        nuls: text.matches('\0').count(),
        bom: boms > 0,
        line_ends: text.contains('\r'),
    };
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut previous = None;
    let mut new_len = 0;
    for (index, c) in text.chars().enumerate() {
        offsets.push(new_len);
        let kept = match c {
            '\u{feff}' if index < boms => None,
            '\0' => Some('\u{fffd}'),
            '\r' => Some('\n'),
            // The LF of a CRLF: the CR already became this line end.
            '\n' if previous == Some('\r') => None,
            c => Some(c),
        };
        if let Some(kept) = kept {
            out.push(kept);
            new_len += 1;
        }
        previous = Some(c);
    }
    offsets.push(new_len);
    Some((out, offsets, repairs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn named(name: &str) -> Document {
        let meta = DocumentMeta {
            source_name: name.into(),
            ..DocumentMeta::default()
        };
        Document::new("x".into(), Schema::default_schema(), meta)
    }

    #[test]
    fn every_document_gets_its_own_reopenable_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("taken.md"), "not ours").expect("writes");
        let long = "ن".repeat(200);
        let cases: Vec<(&str, String)> = vec![
            ("a.txt", "a.txt".into()),
            ("a.TXT", "a-2.txt".into()),
            ("A", "A-3.txt".into()),
            ("a.md", "a.md.txt".into()),
            ("a.md.txt", "a.md-2.txt".into()),
            (".", "document-6.txt".into()),
            ("...", "document-7.txt".into()),
            ("..", "document-8.txt".into()),
            ("x.hashiya.ron", "x.hashiya_ron.txt".into()),
            ("x.hashiya", "x.hashiya.txt".into()),
            ("../../etc/passwd", "_.._etc_passwd.txt".into()),
            ("", "document-12.txt".into()),
            ("a.txt.txt", "a_txt.txt".into()),
            ("con.txt", "_con.txt".into()),
            ("taken.md", "taken.md-2.txt".into()),
            (&long, format!("{}.txt", "ن".repeat(100))),
            ("q?: \"x\"", "q__ _x_.txt".into()),
        ];
        let documents: Vec<Document> = cases.iter().map(|(name, _)| named(name)).collect();
        let targets = import_targets(&documents, dir.path());
        for ((name, expected), target) in cases.iter().zip(&targets) {
            assert_eq!(target, &dir.path().join(expected), "{name:?}");
            let annotations = io::annotation_path_for(target);
            assert_eq!(io::article_path_for(&annotations).as_ref(), Some(target), "{name:?}");
        }
        let lower: HashSet<String> = targets
            .iter()
            .flat_map(|t| [t.clone(), io::annotation_path_for(t)])
            .map(|p| p.to_string_lossy().to_lowercase())
            .collect();
        assert_eq!(lower.len(), 2 * targets.len(), "every file name is unique, case aside");
    }
}
