//! The folder panel: the articles of a folder with the state of their annotations, read
//! without building documents (no article decoding, no span placement).

use std::path::{Path, PathBuf};

use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};

use crate::io::dto::StatusDto;
use crate::io::{IoError, annotation_path_for, recovery};
use crate::model::Status;

/// One article of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    /// The article file.
    pub article: PathBuf,
    /// Its file name, for display.
    pub name: String,
    /// The state of its annotation file.
    pub annotations: AnnotationSummary,
    /// Whether an autosave newer than the saved file waits to be restored.
    pub has_recovery: bool,
}

/// What the annotation file of an article says, in brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnnotationSummary {
    /// No annotation file yet.
    None,
    /// An annotation file.
    Annotated {
        /// Its status.
        status: Status,
        /// Number of spans (orphans not counted).
        span_count: usize,
        /// Number of links.
        link_count: usize,
        /// Annotator name.
        annotator: String,
    },
    /// An annotation file that cannot be read, and why (opening it shows the same).
    Unreadable(crate::io::UnreadableFile),
}

/// The articles (`*.txt`, hidden files excepted) of `dir`, in natural order ("2" before
/// "10"), each with its annotation summary.
pub fn list_folder(dir: &Path) -> Result<Vec<FolderEntry>, IoError> {
    list_folder_as(dir, None)
}

/// [`list_folder`] with the summaries of one annotator's files (`NAME.ANNOTATOR.hashiya.ron`,
/// a team project's layout) when `annotator` is given.
pub fn list_folder_as(dir: &Path, annotator: Option<&str>) -> Result<Vec<FolderEntry>, IoError> {
    let read_error = |source| IoError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut articles = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let is_txt = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        if is_txt && !name.starts_with('.') && path.is_file() {
            articles.push((name, path));
        }
    }
    articles.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    Ok(articles
        .into_iter()
        .map(|(name, article)| {
            let ron_path = match annotator {
                Some(annotator) => crate::io::project::annotator_file(&article, annotator),
                None => annotation_path_for(&article),
            };
            FolderEntry {
                annotations: read_summary(&ron_path),
                has_recovery: recovery::recovery_of_newer_than_saved(&ron_path).is_some(),
                name,
                article,
            }
        })
        .collect())
}

/// Reads status, annotator and counts of an annotation file, skipping everything else.
#[must_use]
pub fn read_summary(ron_path: &Path) -> AnnotationSummary {
    let text = match crate::io::read_annotation_text(ron_path) {
        Ok(text) => text,
        Err(IoError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return AnnotationSummary::None;
        }
        Err(error) => return unreadable(error, ron_path),
    };
    let ron = text.as_str();
    let options = crate::io::reader::ron_options();
    // A canonical file: ron reads only the header, the lists are counted by lines.
    let canonical = crate::io::canonical_reader::Canonical::split(ron);
    let (header, counted) = match &canonical {
        Some(split) => (split.header.as_str(), Some(split.counts())),
        None => (ron, None),
    };
    match options.from_str::<SummaryDto>(header) {
        Ok(summary) if crate::io::reads_format_version(summary.format_version) => AnnotationSummary::Annotated {
            status: summary.status.into(),
            span_count: counted.map_or(summary.spans.0, |c| c.0),
            link_count: counted.map_or(summary.links.0, |c| c.1),
            annotator: summary.annotator,
        },
        Ok(summary) => unreadable(crate::io::reader::unsupported(summary.format_version), ron_path),
        Err(error) => unreadable(crate::io::reader::syntax_error(header, &error), ron_path),
    }
}

fn unreadable(error: IoError, ron_path: &Path) -> AnnotationSummary {
    AnnotationSummary::Unreadable(crate::io::UnreadableFile::new(error.with_path(ron_path)))
}

#[derive(serde::Deserialize)]
struct SummaryDto {
    format_version: u64,
    #[serde(default)]
    annotator: String,
    #[serde(default)]
    status: StatusDto,
    #[serde(default)]
    spans: Count,
    #[serde(default)]
    links: Count,
}

/// The length of a list, counted without building its elements.
#[derive(Default)]
struct Count(usize);

impl<'de> serde::Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl<'de> Visitor<'de> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut count = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    count += 1;
                }
                Ok(Count(count))
            }
        }
        deserializer.deserialize_seq(CountVisitor)
    }
}

/// Compares names with digit runs as numbers (`part-2` < `part-10`), ignoring case first.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    natural_cmp_folded(a, b, true).then_with(|| natural_cmp_folded(a, b, false))
}

fn natural_cmp_folded(a: &str, b: &str, fold_case: bool) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(ca), Some(cb)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if ca.is_ascii_digit() && cb.is_ascii_digit() {
            let da = a.bytes().take_while(u8::is_ascii_digit).count();
            let db = b.bytes().take_while(u8::is_ascii_digit).count();
            let (na, nb) = (a[..da].trim_start_matches('0'), b[..db].trim_start_matches('0'));
            let order = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if order.is_ne() {
                return order;
            }
            (a, b) = (&a[da..], &b[db..]);
        } else {
            let order = if fold_case {
                ca.to_lowercase().cmp(cb.to_lowercase())
            } else {
                ca.cmp(&cb)
            };
            if order.is_ne() {
                return order;
            }
            (a, b) = (&a[ca.len_utf8()..], &b[cb.len_utf8()..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, DocumentMeta, Schema, Span, SpanId};

    #[test]
    fn natural_order() {
        let mut names = vec!["b10.txt", "B2.txt", "a.txt", "b2.txt", "b1.txt"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, ["a.txt", "b1.txt", "B2.txt", "b2.txt", "b10.txt"]);
    }

    /// An unreadable file's summary keeps the reader's error as data, with the file's path:
    /// the window words it in its language.
    #[test]
    fn an_unreadable_summary_says_why_as_the_reader_does() {
        use crate::io::{ProblemReason, SyntaxKind};
        let dir = tempfile::tempdir().expect("temp dir");
        let reason = |text: &str| {
            let path = dir.path().join("a.hashiya.ron");
            std::fs::write(&path, text).expect("writes");
            match read_summary(&path) {
                AnnotationSummary::Unreadable(why) => {
                    assert_eq!(why.error().path(), path.as_path(), "{why}");
                    match why.error() {
                        IoError::Invalid { problems, .. } => Err(problems[0].reason.clone()),
                        IoError::UnsupportedVersion { found, .. } => Ok(*found),
                        other => panic!("unexpected {other}"),
                    }
                }
                other => panic!("readable: {other:?}"),
            }
        };
        assert_eq!(
            reason("(format_version: 1, spans: ["),
            Err(Some(ProblemReason::Syntax(SyntaxKind::Truncated)))
        );
        assert_eq!(reason("(format_version: 99, spans: [])"), Ok(99));
        assert_eq!(
            reason("(format_version: 1, status: Nonsense)"),
            Err(Some(ProblemReason::Syntax(SyntaxKind::Other)))
        );
    }

    #[test]
    fn lists_articles_with_their_state() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["doc-10.txt", "doc-2.txt", "notes.md", ".hidden.txt", "broken.txt"] {
            std::fs::write(dir.path().join(name), "قال الحداد").expect("writes");
        }
        let meta = DocumentMeta {
            source_name: "doc-2.txt".into(),
            annotator: "Sara".into(),
            status: Status::Done,
        };
        let span = Span::new(SpanId(1), "Actor", 4, 10);
        let document = Document::from_parts(
            "قال الحداد".into(),
            Schema::default_schema(),
            meta,
            vec![span],
            Vec::new(),
        );
        crate::io::save_document(&document, &dir.path().join("doc-2.hashiya.ron")).expect("saves");
        std::fs::write(dir.path().join("broken.hashiya.ron"), "(format_version: 1, spans: [").expect("writes");
        // Not in canonical layout: ron counts the lists.
        std::fs::write(dir.path().join("hand.txt"), "x").expect("writes");
        let hand = "(format_version: 1, status: InProgress, document: (file: \"hand.txt\", sha256: \"\", char_len: 1),\n\
                    schema: (labels: []), spans: [(id: 1), (id: 2)], links: [(id: 9)])";
        std::fs::write(dir.path().join("hand.hashiya.ron"), hand).expect("writes");

        let entries = list_folder(dir.path()).expect("lists");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["broken.txt", "doc-2.txt", "doc-10.txt", "hand.txt"]);
        assert!(matches!(entries[0].annotations, AnnotationSummary::Unreadable(_)));
        assert_eq!(
            entries[1].annotations,
            AnnotationSummary::Annotated {
                status: Status::Done,
                span_count: 1,
                link_count: 0,
                annotator: "Sara".into()
            }
        );
        assert_eq!(entries[2].annotations, AnnotationSummary::None);
        assert_eq!(
            entries[3].annotations,
            AnnotationSummary::Annotated {
                status: Status::InProgress,
                span_count: 2,
                link_count: 1,
                annotator: String::new()
            }
        );
        assert!(entries.iter().all(|e| !e.has_recovery));
    }
}
