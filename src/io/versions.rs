//! Annotation files of several annotators for `hashiya agree`: each file with its article,
//! found beside it as `NAME.txt` for `NAME.hashiya.ron`, or by the file name the annotation
//! file records (`document: (file: …)`), so that `NAME.salma.hashiya.ron` and
//! `NAME.omar.hashiya.ron` both find `NAME.txt`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::io::{self, IoError};
use crate::model::Document;

/// One annotation file, loaded with its article.
#[derive(Debug)]
pub struct AnnotatorFile {
    /// The annotation file.
    pub path: PathBuf,
    /// The article's file name (versions of one article share it).
    pub article: String,
    /// The annotator the file names, or the file's name when it names none.
    pub annotator: String,
    /// The annotations.
    pub document: Document,
}

#[derive(Deserialize)]
struct Header {
    document: HeaderDocument,
}

#[derive(Deserialize)]
struct HeaderDocument {
    file: String,
}

/// Loads an annotation file and its article.
pub fn load_annotator_file(path: &Path) -> Result<AnnotatorFile, IoError> {
    let ron = io::read_annotation_text(path)?;
    let beside = io::article_path_for(path).filter(|article| article.is_file());
    let article = if let Some(article) = beside {
        article
    } else {
        let header: Header = ron::from_str(&ron).map_err(|error| IoError::Invalid {
            path: path.to_owned(),
            problems: vec![
                io::Problem::new(format!("it names no article ({error})")).because(io::ProblemReason::NamesNoArticle),
            ],
        })?;
        // Only a name beside the annotation file: never a path it would lead elsewhere.
        let name = Path::new(&header.document.file)
            .file_name()
            .unwrap_or_default()
            .to_owned();
        path.with_file_name(name)
    };
    let text = io::load_article(&article)?.text;
    let document = crate::io::reader::from_ron_str(&ron, &text)
        .map_err(|e| e.with_path(path))?
        .document;
    let file_name = |p: &Path| p.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let annotator = match document.meta().annotator.trim() {
        "" => file_name(path),
        name => name.to_owned(),
    };
    Ok(AnnotatorFile {
        article: file_name(&article),
        path: path.to_owned(),
        annotator,
        document,
    })
}
