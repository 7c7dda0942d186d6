//! Where imported documents go: `DIR/NAME.txt` and `DIR/NAME.hashiya.ron` per document, with
//! safe unique names, and a check for files an import would overwrite. Used by
//! `hashiya import` and the import window.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::io;
use crate::model::{Document, DocumentMeta};

/// The article file of each imported document in `folder`, and what writing would replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportTargets {
    /// Article path per document, in document order (its annotation file sits beside it).
    pub articles: Vec<PathBuf>,
    /// Existing files the import would replace: annotation files, and articles with another
    /// text.
    pub conflicts: Vec<PathBuf>,
}

impl ImportTargets {
    /// Plans the files for `documents` in `folder`: names from the documents' file names,
    /// without folders or leading dots, made unique (`a.txt`, `a-2.txt`).
    #[must_use]
    pub fn plan(documents: &[Document], folder: &Path) -> Self {
        let mut used = HashSet::new();
        let articles: Vec<PathBuf> = documents
            .iter()
            .enumerate()
            .map(|(index, document)| folder.join(unique_name(document, index, &mut used)))
            .collect();
        let mut conflicts = Vec::new();
        for (document, article) in documents.iter().zip(&articles) {
            let same_text = std::fs::read(article).is_ok_and(|bytes| bytes == document.text().as_bytes());
            if article.exists() && !same_text {
                conflicts.push(article.clone());
            }
            let ron = io::annotation_path_for(article);
            if ron.exists() {
                conflicts.push(ron);
            }
        }
        Self { articles, conflicts }
    }

    /// Writes every document (article, then annotation file, each atomically; an annotation
    /// file replaced keeps its `.bak`). Returns warnings: articles whose text Hashiya will read
    /// back differently (a byte-order mark, CR line ends), whose spans are re-anchored on open.
    pub fn write(&self, documents: &[Document]) -> Result<Vec<String>, io::IoError> {
        let mut warnings = Vec::new();
        for (document, article) in documents.iter().zip(&self.articles) {
            if let Some(parent) = article.parent() {
                std::fs::create_dir_all(parent).map_err(|source| io::IoError::Write {
                    path: parent.to_owned(),
                    action: "creating the folder",
                    source,
                })?;
            }
            let text = document.text();
            io::atomic::write_atomic(article, text.as_bytes(), io::atomic::Backup::None)?;
            if io::decode_article(text.as_bytes()).map_or(true, |a| a.text != text) {
                warnings.push(format!(
                    "the text changes when read back (line ends or byte-order mark); spans are re-anchored on open: {}",
                    article.display()
                ));
            }
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
            );
            io::save_document(&renamed, &io::annotation_path_for(article))?;
        }
        Ok(warnings)
    }
}

fn unique_name(document: &Document, index: usize, used: &mut HashSet<String>) -> String {
    let name: String = document
        .meta()
        .source_name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\') || c.is_control() {
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
    unique
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn document(name: &str, text: &str) -> Document {
        let meta = DocumentMeta {
            source_name: name.into(),
            ..DocumentMeta::default()
        };
        Document::new(text.into(), Schema::default_schema(), meta)
    }

    #[test]
    fn names_are_safe_and_unique() {
        let documents = [
            document("a.txt", "x"),
            document("a.txt", "y"),
            document("../../etc/passwd", "z"),
            document("", "w"),
        ];
        let targets = ImportTargets::plan(&documents, Path::new("out"));
        assert_eq!(
            targets.articles,
            ["out/a.txt", "out/a-2.txt", "out/_.._etc_passwd", "out/document-4.txt"].map(PathBuf::from)
        );
        assert!(targets.conflicts.is_empty());
    }

    #[test]
    fn writes_and_finds_conflicts() {
        let folder = tempfile::tempdir().expect("temp dir");
        let documents = [document("a.txt", "قال"), document("b.txt", "\u{feff}x\r\ny")];
        let targets = ImportTargets::plan(&documents, folder.path());
        let warnings = targets.write(&documents).expect("writes");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].ends_with("b.txt"), "{warnings:?}");
        let loaded = io::load_document(&targets.articles[0]).expect("loads");
        assert_eq!(loaded.document.text(), "قال");
        let again = ImportTargets::plan(&documents, folder.path());
        let names: Vec<String> = again
            .conflicts
            .iter()
            .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.hashiya.ron", "b.hashiya.ron"]);
        std::fs::write(&targets.articles[0], "changed").expect("write");
        assert_eq!(ImportTargets::plan(&documents, folder.path()).conflicts.len(), 3);
    }
}
