//! One annotation file at a time, for `hashiya validate` and `hashiya fmt`: read it the way
//! the window does (regular file, size limit, byte order mark), then check it against its
//! article, or rewrite it in canonical form.

use std::path::Path;

use crate::io::{self, IoError, Problem, atomic};

/// Whether `path` names the dataset's entity registry rather than an annotation file.
fn is_registry(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == io::entities::ENTITIES_FILE)
}

/// What `hashiya fmt` did to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formatted {
    /// Already canonical: not written.
    Unchanged,
    /// Rewritten atomically; the previous version is the `.bak`.
    Rewritten,
}

/// Checks the annotation file `path` against its article (`NAME.txt` beside it): a short
/// summary when it is valid, else every problem (with its line where it has one).
/// The dataset's entity registry (`entities.hashiya.ron`) is checked on its own.
pub fn validate_file(path: &Path) -> Result<String, Vec<Problem>> {
    if is_registry(path) {
        let registry = io::entities::load_registry(path).map_err(|e| e.problems())?;
        return Ok(format!(
            "entity registry, {}",
            crate::text::plural::counted(registry.len(), "entity", "entities")
        ));
    }
    let Some(article_path) = io::article_path_for(path) else {
        return Err(vec![Problem::new(
            "the name does not end in .hashiya.ron, so its article (NAME.txt) cannot be found",
        )]);
    };
    let article = io::load_article(&article_path).map_err(|error| {
        error
            .problems()
            .into_iter()
            .map(|p| Problem::new(format!("the article {}: {}", article_path.display(), p.message)))
            .collect::<Vec<_>>()
    })?;
    let ron = io::read_annotation_text(path).map_err(|e| e.problems())?;
    let problems = io::validate_ron(&ron, &article.text);
    if !problems.is_empty() {
        return Err(problems);
    }
    // The same loader the window uses must accept it too.
    let loaded = io::from_ron_str(&ron, &article.text).map_err(|e| e.problems())?;
    Ok(format!(
        "{}, {}, article {}",
        crate::text::plural::counted(loaded.document.spans().len(), "span", "spans"),
        crate::text::plural::counted(loaded.document.links().len(), "link", "links"),
        article.encoding
    ))
}

/// Rewrites the annotation file `path` in canonical form when it is not (a byte order mark is
/// dropped), atomically, keeping the previous version as `.bak`. An invalid file, or one
/// whose rewrite would lose data, is left as it is.
/// The entity registry is rewritten in its own canonical form (one entity per line).
pub fn format_file(path: &Path) -> Result<Formatted, IoError> {
    let bytes = io::read_limited(path, io::MAX_ANNOTATION_BYTES)?;
    let ron = io::read_annotation_text_from(bytes.clone()).map_err(|e| e.with_path(path))?;
    let canonical = if is_registry(path) {
        let registry = io::entities::registry_from_str(&ron).map_err(|e| e.with_path(path))?;
        io::entities::registry_to_string(&registry)
    } else {
        io::canonical_ron(&ron).map_err(|e| e.with_path(path))?
    };
    if canonical.as_bytes() == bytes.as_slice() {
        return Ok(Formatted::Unchanged);
    }
    atomic::write_atomic(path, canonical.as_bytes(), atomic::Backup::Keep)?;
    Ok(Formatted::Rewritten)
}
