//! An annotation file that a folder listing could not read, with the reader's error as data:
//! the command line prints its English, the window words it in its language
//! (`app::i18n::io_error`).

use std::fmt;
use std::sync::Arc;

use crate::io::IoError;

/// Why an annotation file could not be summarised. Shared through an `Arc`: summaries are
/// `Clone`, and the `io::Error` inside an `IoError` is not.
#[derive(Clone, Debug)]
pub struct UnreadableFile(Arc<IoError>);

impl UnreadableFile {
    /// Wraps the reader's error.
    #[must_use]
    pub fn new(error: IoError) -> Self {
        Self(Arc::new(error))
    }

    /// The reader's error.
    #[must_use]
    pub fn error(&self) -> &IoError {
        &self.0
    }
}

/// Two are equal when they say the same (`IoError` holds an `io::Error`, which has no `Eq`).
impl PartialEq for UnreadableFile {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl Eq for UnreadableFile {}

impl fmt::Display for UnreadableFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
