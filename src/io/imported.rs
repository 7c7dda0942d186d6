//! Writing imported documents: `DIR/NAME.txt` and `DIR/NAME.hashiya.ron` per document, for
//! `hashiya import` and File › Import dataset.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::io;
use crate::model::{Document, DocumentMeta};

/// The article path of each document in `out`: its file name made safe (no folders), unique.
#[must_use]
pub fn import_targets(documents: &[Document], out: &Path) -> Vec<PathBuf> {
    let mut used = HashSet::new();
    documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let name: String = document
                .meta()
                .source_name
                .chars()
                .map(|c| {
                    if matches!(c, '/' | '\\' | '\0') || c.is_control() {
                        '_'
                    } else {
                        c
                    }
                })
                .collect();
            let name = match name.trim_start_matches('.') {
                "" => format!("document-{}.txt", index + 1),
                name => name.to_owned(),
            };
            let (stem, extension) = name.rsplit_once('.').unwrap_or((&name, "txt"));
            let mut unique = name.clone();
            let mut n = 2;
            while !used.insert(unique.clone()) {
                unique = format!("{stem}-{n}.{extension}");
                n += 1;
            }
            out.join(unique)
        })
        .collect()
}

/// Files an import would replace: annotation files, and articles with another text.
#[must_use]
pub fn import_conflicts(documents: &[Document], targets: &[PathBuf]) -> Vec<PathBuf> {
    let mut conflicts = Vec::new();
    for (document, article) in documents.iter().zip(targets) {
        let same_text = std::fs::read(article).is_ok_and(|bytes| bytes == document.text().as_bytes());
        if article.exists() && !same_text {
            conflicts.push(article.clone());
        }
        let ron = io::annotation_path_for(article);
        if ron.exists() {
            conflicts.push(ron);
        }
    }
    conflicts
}

/// Writes `NAME.txt` and `NAME.hashiya.ron`; the document is renamed after its article file.
///
/// Returns a warning when the text reads back differently (line ends, byte-order mark).
pub fn write_imported_document(document: &Document, article: &Path) -> Result<Option<String>, String> {
    if let Some(parent) = article.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create the folder ({e}): {}", parent.display()))?;
    }
    let text = document.text();
    io::atomic::write_atomic(article, text.as_bytes(), io::atomic::Backup::None).map_err(|e| e.to_string())?;
    // Hashiya reads the article back through its decoder (byte-order mark dropped, CR → LF):
    // say so when that text differs, since the spans are then re-anchored on open.
    let warning = io::decode_article(text.as_bytes())
        .map_or(true, |a| a.text != text)
        .then(|| {
            format!(
                "the text changes when read back (line ends or byte-order mark); spans are re-anchored on open: {}",
                article.display()
            )
        });
    let meta = DocumentMeta {
        source_name: article.file_name().unwrap_or_default().to_string_lossy().into_owned(),
        ..document.meta().clone()
    };
    let renamed = Document::from_parts(
        text.to_owned(),
        document.schema().clone(),
        meta,
        document.spans().to_vec(),
        document.links().to_vec(),
    )
    .with_brat_lines(document.brat_lines().to_vec());
    io::save_document(&renamed, &io::annotation_path_for(article)).map_err(|e| e.to_string())?;
    Ok(warning)
}
