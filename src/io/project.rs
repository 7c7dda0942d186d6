//! A team's project: the file `hashiya-project.ron` at the root of a folder of articles names the
//! annotators, the schema and who annotates which document. Each annotator keeps one file per
//! article beside it, `NAME.ANNOTATOR.hashiya.ron`, so that git never has to merge two people's
//! work in one file; a folder without a project file keeps the single-annotator layout
//! (`NAME.hashiya.ron`).
//!
//! ```text
//! (
//!     annotators: ["sara", "omar", "lina"],
//!     annotators_per_document: Some(2),     // else every annotator does every document
//!     assignments: {"news-7.txt": ["lina"]}, // named documents, whatever the rule says
//!     schema: Some("schema.ron"),           // relative to the project folder
//! )
//! ```
//!
//! With `annotators_per_document: Some(k)`, the articles of the folder in natural order are
//! dealt round-robin: the i-th article goes to annotators i·k, i·k+1, … (modulo their number),
//! so the load is even and the assignment is the same on every machine.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::io::folder::{AnnotationSummary, list_folder, read_summary};
use crate::io::{ANNOTATION_SUFFIX, IoError, Problem, ProblemReason, ProjectProblem};
use crate::model::Status;

/// The project file's name.
pub const PROJECT_FILE: &str = "hashiya-project.ron";

/// Largest project file read (a list of names and assignments).
const MAX_PROJECT_BYTES: u64 = 16 * 1024 * 1024;

/// The contents of a project file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename = "project", deny_unknown_fields)]
pub struct Project {
    /// The annotators' names, as they appear in file names (`NAME.sara.hashiya.ron`).
    pub annotators: Vec<String>,
    /// How many annotators each document gets; `None`: all of them.
    #[serde(default)]
    pub annotators_per_document: Option<usize>,
    /// Article file name → its annotators, overriding the rule.
    #[serde(default)]
    pub assignments: BTreeMap<String, Vec<String>>,
    /// The schema file, relative to the project folder.
    #[serde(default)]
    pub schema: Option<String>,
}

/// A project file read from disk, with the folder it governs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectFolder {
    /// The folder holding the project file.
    pub root: PathBuf,
    /// What the file says.
    pub project: Project,
}

/// How far one annotator has come on one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatorProgress {
    /// The annotator.
    pub annotator: String,
    /// The status their file records (not started when there is no file yet).
    pub status: Status,
    /// Spans in their file.
    pub span_count: usize,
    /// Why their file could not be read, when it could not.
    pub unreadable: Option<String>,
}

/// One document of a project: its assigned annotators and how far each has come.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentProgress {
    /// The article's file name.
    pub article: String,
    /// Each assigned annotator, in the project's order.
    pub annotators: Vec<AnnotatorProgress>,
}

impl DocumentProgress {
    /// Every assigned annotator is done: the document can be reviewed.
    #[must_use]
    pub fn ready_for_review(&self) -> bool {
        !self.annotators.is_empty() && self.annotators.iter().all(|a| a.status == Status::Done)
    }
}

impl Project {
    /// Parses and checks a project file's text.
    pub fn from_ron(text: &str) -> Result<Self, IoError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let options = crate::io::reader::ron_options();
        let project: Self = options
            .from_str(text)
            .map_err(|error| crate::io::reader::syntax_error(text, &error))?;
        let problems = project.problems();
        if problems.is_empty() {
            Ok(project)
        } else {
            let problems = problems
                .into_iter()
                .map(|problem| Problem::new(problem.to_string()).because(ProblemReason::Project(problem)))
                .collect();
            Err(IoError::invalid(problems))
        }
    }

    fn problems(&self) -> Vec<ProjectProblem> {
        let mut problems = Vec::new();
        if self.annotators.is_empty() {
            problems.push(ProjectProblem::NoAnnotator);
        }
        for (i, name) in self.annotators.iter().enumerate() {
            if !valid_annotator_name(name) {
                problems.push(ProjectProblem::BadAnnotatorName { name: name.clone() });
            }
            if self.annotators[..i].contains(name) {
                problems.push(ProjectProblem::AnnotatorTwice { name: name.clone() });
            }
        }
        if let Some(k) = self.annotators_per_document
            && (k == 0 || k > self.annotators.len())
        {
            problems.push(ProjectProblem::PerDocument {
                per_document: k,
                annotators: self.annotators.len(),
            });
        }
        for (article, names) in &self.assignments {
            for name in names.iter().filter(|n| !self.annotators.contains(n)) {
                problems.push(ProjectProblem::AssignedToStranger {
                    article: article.clone(),
                    name: name.clone(),
                });
            }
        }
        problems
    }

    /// The annotators of the `index`-th article (natural order) named `article`.
    #[must_use]
    pub fn assigned(&self, article: &str, index: usize) -> Vec<&str> {
        if let Some(names) = self.assignments.get(article) {
            return names.iter().map(String::as_str).collect();
        }
        let n = self.annotators.len();
        match self.annotators_per_document {
            Some(k) if k < n => (0..k).map(|j| self.annotators[(index * k + j) % n].as_str()).collect(),
            _ => self.annotators.iter().map(String::as_str).collect(),
        }
    }
}

impl ProjectFolder {
    /// The project governing `path` (an article or a folder): the nearest project file in its
    /// folder or a folder above; `None` when there is none.
    pub fn find(path: &Path) -> Result<Option<Self>, IoError> {
        let start = if path.is_dir() { Some(path) } else { path.parent() };
        for dir in start.into_iter().flat_map(Path::ancestors) {
            let file = dir.join(PROJECT_FILE);
            if file.is_file() {
                return Self::read(&file).map(Some);
            }
        }
        Ok(None)
    }

    /// Reads the project file `file`.
    pub fn read(file: &Path) -> Result<Self, IoError> {
        let bytes = crate::io::read_limited(file, MAX_PROJECT_BYTES)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            IoError::invalid(vec![
                Problem::new("the file is not UTF-8 text").because(ProblemReason::NotUtf8),
            ])
            .with_path(file)
        })?;
        let project = Project::from_ron(&text).map_err(|e| e.with_path(file))?;
        let root = file.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        Ok(Self { root, project })
    }

    /// The schema file the project names, as a path.
    #[must_use]
    pub fn schema_path(&self) -> Option<PathBuf> {
        self.project.schema.as_ref().map(|s| self.root.join(s))
    }

    /// How far every annotator has come on every article of `folder` (the project folder or
    /// one below it), articles in natural order.
    pub fn progress(&self, folder: &Path) -> Result<Vec<DocumentProgress>, IoError> {
        let entries = list_folder(folder)?;
        Ok(entries
            .iter()
            .enumerate()
            .map(|(index, entry)| DocumentProgress {
                annotators: self
                    .project
                    .assigned(&entry.name, index)
                    .into_iter()
                    .map(|who| annotator_progress(&entry.article, who))
                    .collect(),
                article: entry.name.clone(),
            })
            .collect())
    }
}

fn annotator_progress(article: &Path, annotator: &str) -> AnnotatorProgress {
    let (status, span_count, unreadable) = match read_summary(&annotator_file(article, annotator)) {
        AnnotationSummary::None => (Status::NotStarted, 0, None),
        AnnotationSummary::Annotated { status, span_count, .. } => (status, span_count, None),
        AnnotationSummary::Unreadable(why) => (Status::NotStarted, 0, Some(why.to_string())),
    };
    AnnotatorProgress {
        annotator: annotator.to_owned(),
        status,
        span_count,
        unreadable,
    }
}

/// Whether `name` can stand in a file name on every system: ASCII or other letters, digits,
/// `-` and `_`, at most 64 chars.
#[must_use]
pub fn valid_annotator_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 64 && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// `dir/NAME.txt` → `dir/NAME.ANNOTATOR.hashiya.ron`, one annotator's file of an article.
#[must_use]
pub fn annotator_file(article: &Path, annotator: &str) -> PathBuf {
    let (shared, stem) = shared_file(article);
    shared.with_file_name(format!("{stem}.{annotator}{ANNOTATION_SUFFIX}"))
}

/// The article's shared annotation file `NAME.hashiya.ron` and its stem `NAME`, which every
/// annotator's file of the article starts with.
fn shared_file(article: &Path) -> (PathBuf, String) {
    let shared = crate::io::annotation_path_for(article);
    let name = shared.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(ANNOTATION_SUFFIX).unwrap_or(&name).to_owned();
    (shared, stem)
}

/// The name of the curator's gold file among an article's annotator files
/// (`NAME.gold.hashiya.ron`).
pub const GOLD: &str = "gold";

/// The annotation files of an article by its annotators: `NAME.hashiya.ron` (named by the
/// annotator it records, else "shared") and every `NAME.ANNOTATOR.hashiya.ron` beside it, the
/// gold file excepted; `(annotator, path)` sorted by file name.
#[must_use]
pub fn annotator_files(article: &Path) -> Vec<(String, PathBuf)> {
    let (shared, stem) = shared_file(article);
    let Some(dir) = shared
        .parent()
        .and_then(|d| std::fs::read_dir(if d.as_os_str().is_empty() { Path::new(".") } else { d }).ok())
    else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = dir
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let middle = file_name.strip_prefix(&stem)?.strip_suffix(ANNOTATION_SUFFIX)?;
            let annotator = match middle {
                "" => "shared",
                _ => middle
                    .strip_prefix('.')
                    .filter(|a| valid_annotator_name(a) && *a != GOLD)?,
            };
            Some((annotator.to_owned(), shared.with_file_name(file_name)))
        })
        .collect();
    files.sort_by(|a, b| a.1.cmp(&b.1));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A registry or project file that is not RON says why as data, as an annotation file
    /// does: the window words it in its language.
    #[test]
    fn a_truncated_file_is_a_syntax_problem_with_its_reason() {
        use crate::io::{ProblemReason, SyntaxKind};
        let reason = |error: IoError| match error {
            IoError::Invalid { problems, .. } => problems[0].reason.clone(),
            other => panic!("unexpected {other}"),
        };
        let error = Project::from_ron(r#"(annotators: ["sara", "#).expect_err("truncated");
        assert_eq!(reason(error), Some(ProblemReason::Syntax(SyntaxKind::Truncated)));
        let error =
            Project::from_ron(r#"(annotators: ["sara"], annotators_per_document: Some(-1))"#).expect_err("negative");
        assert_eq!(reason(error), Some(ProblemReason::Syntax(SyntaxKind::NumberOutOfRange)));
    }

    #[test]
    fn a_project_file_reads_and_its_mistakes_are_named() {
        let project = Project::from_ron(
            r#"(annotators: ["sara", "omar"], annotators_per_document: Some(1), schema: Some("s.ron"))"#,
        )
        .expect("reads");
        assert_eq!(project.annotators, ["sara", "omar"]);
        let error = Project::from_ron(
            r#"(annotators: ["sara", "sara", "a b"], annotators_per_document: Some(4), assignments: {"x.txt": ["zed"]})"#,
        )
        .expect_err("refused")
        .problems()
        .iter()
        .map(|p| p.message.clone())
        .collect::<Vec<_>>()
        .join("\n");
        for expected in [
            "named twice",
            "\"a b\" cannot be part of a file name",
            "has 3 annotators",
            "\"zed\"",
        ] {
            assert!(error.contains(expected), "{expected}: {error}");
        }
        assert!(Project::from_ron("(annotators: [], colour: 3)").is_err());
    }

    #[test]
    fn documents_are_dealt_round_robin_unless_named() {
        let project = Project {
            annotators: vec!["a".into(), "b".into(), "c".into()],
            annotators_per_document: Some(2),
            assignments: BTreeMap::from([("special.txt".into(), vec!["c".into()])]),
            schema: None,
        };
        let dealt: Vec<Vec<&str>> = (0..4).map(|i| project.assigned("x.txt", i)).collect();
        assert_eq!(dealt, [vec!["a", "b"], vec!["c", "a"], vec!["b", "c"], vec!["a", "b"]]);
        assert_eq!(project.assigned("special.txt", 0), ["c"]);
        let everyone = Project {
            annotators_per_document: None,
            ..project
        };
        assert_eq!(everyone.assigned("x.txt", 5), ["a", "b", "c"]);
    }

    #[test]
    fn an_annotators_file_sits_beside_the_article() {
        assert_eq!(
            annotator_file(Path::new("/d/news.txt"), "sara"),
            Path::new("/d/news.sara.hashiya.ron")
        );
        assert_eq!(
            annotator_file(Path::new("/d/notes.md"), "omar"),
            Path::new("/d/notes.md.omar.hashiya.ron")
        );
        assert!(valid_annotator_name("سارة_2") && !valid_annotator_name("../x") && !valid_annotator_name(""));
    }

    #[test]
    fn an_articles_annotator_files_are_found_beside_it_without_the_gold_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "news.txt",
            "news.hashiya.ron",
            "news.sara.hashiya.ron",
            "news.gold.hashiya.ron",
            "news.omar.hashiya.ron",
            "news-2.sara.hashiya.ron",
            "news.a.b.hashiya.ron",
        ] {
            std::fs::write(dir.path().join(name), "").expect("writes");
        }
        let found: Vec<String> = annotator_files(&dir.path().join("news.txt"))
            .into_iter()
            .map(|(who, _)| who)
            .collect();
        assert_eq!(found, ["shared", "omar", "sara"]);
    }
}
