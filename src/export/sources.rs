//! The annotated documents behind a set of paths (articles, annotation files, folders),
//! loaded through [`crate::io`]: what `hashiya export`, `hashiya stats` and the export window
//! work on.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::{Document, Status};

/// The annotated documents of some paths, and what could not be used.
#[derive(Debug, Default)]
pub struct AnnotatedDocuments {
    /// Documents with annotations, in the order given (folders in natural order).
    pub documents: Vec<Document>,
    /// Articles skipped: no annotation file, or one with no span that was never started.
    pub skipped: usize,
    /// Problems that stopped a document from loading, each naming its path.
    pub errors: Vec<String>,
    /// Things loading had to fix (re-anchored spans, orphans), each naming its path.
    pub warnings: Vec<String>,
}

/// Loads every path: a folder stands for its articles, an annotation file for its article.
#[must_use]
pub fn load_annotated(paths: &[PathBuf]) -> AnnotatedDocuments {
    let mut loaded = AnnotatedDocuments::default();
    for path in paths {
        let articles = if path.is_dir() {
            match io::folder::list_folder(path) {
                Ok(entries) => entries.into_iter().map(|e| e.article).collect(),
                Err(error) => {
                    loaded.errors.push(error.to_string());
                    continue;
                }
            }
        } else {
            vec![io::article_path_for(path).unwrap_or_else(|| path.clone())]
        };
        for article in articles {
            load_one(&article, &mut loaded);
        }
    }
    loaded
}

fn load_one(article: &Path, loaded: &mut AnnotatedDocuments) {
    if !io::annotation_path_for(article).is_file() {
        if article.is_file() {
            loaded.skipped += 1;
        } else {
            loaded.errors.push(format!("no such article: {}", article.display()));
        }
        return;
    }
    match io::load_document(article) {
        Ok(document) => {
            for warning in document.warnings {
                loaded.warnings.push(format!("{warning}: {}", article.display()));
            }
            if !document.orphans.is_empty() {
                loaded.warnings.push(format!(
                    "{} orphaned spans (their text is no longer in the article) are left out: {}",
                    document.orphans.len(),
                    article.display()
                ));
            }
            let document = document.document;
            if document.spans().is_empty() && document.meta().status == Status::NotStarted {
                loaded.skipped += 1;
            } else {
                loaded.documents.push(document);
            }
        }
        Err(error) => loaded.errors.push(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, Span, SpanId};

    #[test]
    fn folders_annotation_files_and_skips() {
        let folder = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, spans: Vec<Span>, status: Status| {
            let article = folder.path().join(name);
            std::fs::write(&article, "قال الفريق").expect("article");
            let meta = DocumentMeta {
                source_name: name.into(),
                status,
                ..DocumentMeta::default()
            };
            let document = Document::from_parts("قال الفريق".into(), Schema::default_schema(), meta, spans, vec![]);
            io::save_document(&document, &io::annotation_path_for(&article)).expect("save");
        };
        write("a.txt", vec![Span::new(SpanId(1), "Actor", 4, 10)], Status::InProgress);
        write("b.txt", vec![], Status::NotStarted);
        write("c.txt", vec![], Status::Done);
        std::fs::write(folder.path().join("d.txt"), "نص").expect("article");
        let loaded = load_annotated(&[folder.path().to_owned()]);
        let names: Vec<&str> = loaded.documents.iter().map(|d| d.meta().source_name.as_str()).collect();
        assert_eq!(names, ["a.txt", "c.txt"]);
        assert_eq!(loaded.skipped, 2);
        assert!(loaded.errors.is_empty() && loaded.warnings.is_empty());
        let loaded = load_annotated(&[folder.path().join("a.hashiya.ron"), folder.path().join("missing.txt")]);
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.errors.len(), 1);
        assert!(loaded.errors[0].ends_with("missing.txt"), "{:?}", loaded.errors);
    }
}
