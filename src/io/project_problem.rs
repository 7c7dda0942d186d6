//! What is wrong with a project file's settings, as data: the command line prints the English
//! `Display`, the window words it in its language (`app::i18n`).

/// One setting of a project file that cannot work.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProjectProblem {
    /// The annotator list is empty.
    #[error("the project names no annotator")]
    NoAnnotator,
    /// An annotator's name cannot be part of a file name.
    #[error("annotator \"{name}\" cannot be part of a file name: use letters, digits, - and _")]
    BadAnnotatorName {
        /// The name.
        name: String,
    },
    /// An annotator is listed twice.
    #[error("annotator \"{name}\" is named twice")]
    AnnotatorTwice {
        /// The name.
        name: String,
    },
    /// `annotators_per_document` is 0 or more than there are annotators.
    #[error("annotators_per_document is {per_document}, but the project has {annotators} annotators")]
    PerDocument {
        /// The number asked for.
        per_document: usize,
        /// How many annotators the project names.
        annotators: usize,
    },
    /// An article is assigned to someone who is not an annotator of the project.
    #[error("{article} is assigned to \"{name}\", who is not one of the annotators")]
    AssignedToStranger {
        /// The article's file name.
        article: String,
        /// The name.
        name: String,
    },
}
