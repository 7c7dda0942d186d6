//! What the user should know about annotations that opened (the article changed, spans
//! moved or orphaned, things a save would change), as data: the command line prints the
//! English of `Display`, the window words them in its language (`app::i18n::load_warning`).

use std::fmt::{self, Write as _};

use crate::io::Problem;

/// The most details one warning lists; the rest are counted.
pub const MAX_WARNING_DETAILS: usize = 20;

/// One thing to tell the user about annotations that opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadWarning {
    /// The article is not the text the annotations were saved for: spans are re-anchored.
    ArticleChanged {
        /// Its length in chars then.
        then: u64,
        /// Its length in chars now.
        now: usize,
    },
    /// The file names another article than the one it was opened with.
    OtherArticle {
        /// The article the file names.
        saved_for: String,
        /// The article it was opened with.
        article: String,
    },
    /// Spans re-anchored where their text now is, marked for review: one detail each
    /// (`T3 "text" 5..9 → 12..16`).
    Moved(Vec<String>),
    /// Spans that could not be placed, kept as orphans: one detail each (`T6 "text"`).
    Orphaned(Vec<String>),
    /// Suggestions whose text is no longer in the article, dropped.
    SuggestionsDropped(usize),
    /// Things in the file that the schema does not define or that a save would change.
    Lints(Vec<Problem>),
}

impl LoadWarning {
    /// The details a warning lists (at most [`MAX_WARNING_DETAILS`]) and how many more it has.
    #[must_use]
    pub fn shown_details<T>(details: &[T]) -> (&[T], usize) {
        let shown = details.len().min(MAX_WARNING_DETAILS);
        (&details[..shown], details.len() - shown)
    }
}

/// The English, as `hashiya check` prints it.
impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ArticleChanged { then, now } => write!(
                f,
                "the article changed since these annotations were saved (SHA-256 differs; {then} chars then, {now} now): \
                 spans are re-anchored by their text"
            ),
            Self::OtherArticle { saved_for, article } => {
                write!(
                    f,
                    "the annotations were saved for \"{saved_for}\", the article is \"{article}\""
                )
            }
            Self::Moved(details) => summarize(
                f,
                (
                    "span was re-anchored where its text now is and marked for review",
                    "spans were re-anchored where their text now is and marked for review",
                ),
                details,
            ),
            Self::Orphaned(details) => summarize(
                f,
                (
                    "span could not be placed (its text is no longer in the article, or not where the spans around it are) and is kept as an orphan",
                    "spans could not be placed (their text is no longer in the article, or not where the spans around them are) and are kept as orphans",
                ),
                details,
            ),
            Self::SuggestionsDropped(count) => write!(
                f,
                "{count} suggestions no longer match the article's text and were dropped (run the source again)"
            ),
            Self::Lints(problems) => {
                let details: Vec<String> = problems.iter().map(ToString::to_string).collect();
                summarize(
                    f,
                    (
                        "thing in the file that the schema does not define or that a save would change (line:column)",
                        "things in the file that the schema does not define or that a save would change (line:column)",
                    ),
                    &details,
                )
            }
        }
    }
}

/// Their count with `what` (singular, plural), then the first few details.
fn summarize(f: &mut fmt::Formatter<'_>, what: (&str, &str), details: &[String]) -> fmt::Result {
    let (shown, more) = LoadWarning::shown_details(details);
    let mut warning = format!("{}: ", crate::text::plural::counted(details.len(), what.0, what.1));
    warning.push_str(&shown.join(", "));
    if more > 0 {
        let _ = write!(warning, " … and {more} more");
    }
    f.write_str(&warning)
}
