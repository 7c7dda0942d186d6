//! What an export must never overwrite: its own inputs, annotation files (and their backups
//! and recovery files), and articles. Every file an export would write is checked before the
//! first one is written, so a refused export changes nothing.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::io;

/// Why an export refuses to write a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refusing to overwrite {what}: {}", path.display())]
pub struct Refusal {
    /// The file the export would have replaced.
    pub path: PathBuf,
    /// What it is.
    pub what: Protection,
}

/// What a file an export refuses to replace is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// An annotation file (or its backup or recovery file).
    AnnotationFile,
    /// One of the export's inputs.
    Input,
    /// An article with its annotation file beside it.
    AnnotatedArticle,
    /// A text file no brat export wrote (its `.ann` is not beside it): an article, maybe.
    ForeignText,
}

impl std::fmt::Display for Protection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::AnnotationFile => "an annotation file",
            Self::Input => "an input of this export",
            Self::AnnotatedArticle => "an annotated article",
            Self::ForeignText => "a text file that no brat export wrote (an article?)",
        })
    }
}

/// The files an export must leave alone, compared by canonical path (so `./a/../a.txt`, a
/// symlink to an input and the input itself are the same file).
#[derive(Debug, Default)]
pub struct Protected {
    canonical: HashSet<PathBuf>,
}

impl Protected {
    /// Protects each path given, and for each article or annotation file among them the
    /// other file of the pair.
    #[must_use]
    pub fn new(paths: &[impl AsRef<Path>]) -> Self {
        let mut protected = Self::default();
        for path in paths {
            protected.add(path.as_ref());
        }
        protected
    }

    /// Protects `path` and its annotation file or article.
    pub fn add(&mut self, path: &Path) {
        let article = io::article_path_for(path).unwrap_or_else(|| path.to_owned());
        for one in [path.to_owned(), io::annotation_path_for(&article), article] {
            self.canonical.insert(canonical(&one));
        }
    }

    /// Whether `path` may be written by an export.
    pub fn check(&self, path: &Path) -> Result<(), Refusal> {
        let refuse = |what| {
            Err(Refusal {
                path: path.to_owned(),
                what,
            })
        };
        let real = canonical(path);
        for name in [path, real.as_path()].iter().filter_map(|p| p.file_name()) {
            if name.to_string_lossy().to_lowercase().contains(io::ANNOTATION_SUFFIX) {
                return refuse(Protection::AnnotationFile);
            }
        }
        if self.canonical.contains(&real) {
            return refuse(Protection::Input);
        }
        if real.is_file() && io::annotation_path_for(&real).is_file() {
            return refuse(Protection::AnnotatedArticle);
        }
        Ok(())
    }

    /// [`Protected::check`] for the text file of a brat export, which is named like an
    /// article: an existing `NAME.txt` is replaced only when it comes from an earlier brat
    /// export (its `NAME.ann` is beside it).
    pub fn check_brat_text(&self, path: &Path) -> Result<(), Refusal> {
        self.check(path)?;
        let exists = std::fs::symlink_metadata(path).is_ok();
        if exists && !path.with_extension("ann").is_file() {
            return Err(Refusal {
                path: path.to_owned(),
                what: Protection::ForeignText,
            });
        }
        Ok(())
    }
}

/// The canonical form of a path that may not exist yet: its longest existing ancestor
/// canonicalized, the rest appended.
fn canonical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            let mut full = real;
            for part in rest.iter().rev() {
                full.push(part);
            }
            return full;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return normalized(&absolute),
        }
    }
}

/// `a/./b/../c` → `a/c`, without touching the disk (for paths that do not exist at all).
fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_annotation_files_and_articles_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "نص").expect("writes");
        std::fs::write(d.join("a.hashiya.ron"), "()").expect("writes");
        std::fs::write(d.join("other.txt"), "نص").expect("writes");
        std::fs::write(d.join("other.hashiya.ron"), "()").expect("writes");
        std::fs::write(d.join("plain.txt"), "نص").expect("writes");
        std::fs::write(d.join("old.jsonl"), "{}").expect("writes");
        std::fs::create_dir(d.join("sub")).expect("mkdir");
        let protected = Protected::new(&[d.join("a.hashiya.ron"), d.join("plain.txt")]);
        for (name, refused) in [
            ("a.hashiya.ron", true),
            ("sub/../a.hashiya.ron", true),
            ("a.txt", true),
            ("./sub/../a.txt", true),
            ("other.txt", true),
            ("new.hashiya.ron", true),
            ("x.HASHIYA.RON.bak", true),
            (".x.hashiya.ron.recovery", true),
            ("plain.txt", true),
            ("old.jsonl", false),
            ("new.jsonl", false),
            ("missing/dir/new.jsonl", false),
        ] {
            let result = protected.check(&d.join(name));
            assert_eq!(result.is_err(), refused, "{name}: {result:?}");
        }
        let message = protected.check(&d.join("a.txt")).expect_err("refused").to_string();
        assert!(
            message.ends_with(&format!(": {}", d.join("a.txt").display())),
            "{message}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_an_input_is_the_input() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::write(d.join("a.txt"), "نص").expect("writes");
        std::os::unix::fs::symlink(d.join("a.txt"), d.join("link.jsonl")).expect("symlink");
        let protected = Protected::new(&[d.join("a.txt")]);
        assert!(protected.check(&d.join("link.jsonl")).is_err());
    }

    #[test]
    fn brat_text_files_replace_only_earlier_brat_exports() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::write(d.join("article.txt"), "نص").expect("writes");
        std::fs::write(d.join("exported.txt"), "نص").expect("writes");
        std::fs::write(d.join("exported.ann"), "").expect("writes");
        let protected = Protected::default();
        assert!(protected.check_brat_text(&d.join("article.txt")).is_err());
        assert!(protected.check_brat_text(&d.join("exported.txt")).is_ok());
        assert!(protected.check_brat_text(&d.join("new.txt")).is_ok());
    }
}
