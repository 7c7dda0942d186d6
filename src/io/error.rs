use std::path::{Path, PathBuf};

/// A place in a text file: 1-based line and column (column counted in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in chars, from 1.
    pub col: usize,
}

impl Position {
    /// The position of a byte offset in `source` (clamped to the text; a byte inside a
    /// multi-byte char counts as that char).
    #[must_use]
    pub fn of_byte(source: &str, byte_offset: usize) -> Self {
        let mut end = byte_offset.min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        let before = &source[..end];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One problem found in an annotation file, with where it is when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file (line:col), when it applies.
    pub position: Option<Position>,
    /// What is wrong, in English (the command line prints it).
    pub message: String,
    /// What is wrong as data, for the window to word in its language; `None` for a problem
    /// known only by its English text (the window then says that the file has a problem at
    /// `position`).
    pub reason: Option<ProblemReason>,
}

impl Problem {
    /// A problem without a position.
    #[must_use]
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            position: None,
            message: message.into(),
            reason: None,
        }
    }

    /// A problem at a position.
    #[must_use]
    pub fn at(position: Option<Position>, message: impl Into<String>) -> Self {
        Self {
            position,
            message: message.into(),
            reason: None,
        }
    }

    /// The same problem with its reason as data.
    #[must_use]
    pub fn because(mut self, reason: ProblemReason) -> Self {
        self.reason = Some(reason);
        self
    }
}

/// What is wrong in an annotation file, as data: the window words it through its catalogue
/// (`app::i18n::io_problem`); [`Problem::message`] keeps the English sentence. Span and link
/// ids are the numbers of the file (`T3` is span 3, `R2` link 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemReason {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The text is not RON of the annotation format.
    Syntax(SyntaxKind),
    /// `document.sha256` is not 64 lowercase hex digits.
    Sha256Malformed,
    /// `document.char_len` is larger than any article Hashiya opens.
    CharLenTooLarge {
        /// The length the file gives.
        char_len: u64,
    },
    /// The file declares an older `format_version` than the fields it uses.
    VersionTooLow {
        /// The version it declares.
        declared: u64,
        /// The version its fields need.
        needed: u64,
    },
    /// A span gives an attribute more than once.
    AttributeRepeated {
        /// The span.
        span: u64,
        /// The attribute.
        name: String,
    },
    /// A span has an attribute its label does not define.
    UnknownAttribute {
        /// The span.
        span: u64,
        /// The attribute.
        name: String,
    },
    /// A span's attribute has a value the schema does not list.
    UnknownAttributeValue {
        /// The span.
        span: u64,
        /// The attribute.
        name: String,
        /// The value.
        value: String,
    },
    /// Two spans have the same id.
    SpanTwice {
        /// The span.
        span: u64,
    },
    /// A span's label is not in the schema.
    UnknownLabel {
        /// The span.
        span: u64,
        /// The label.
        label: String,
    },
    /// A span's range is empty, reversed, past the document or not as long as its text.
    BadRange {
        /// The span.
        span: u64,
        /// Where it starts (chars).
        start: u64,
        /// Where it ends (chars).
        end: u64,
    },
    /// A span's entity is not an entity id.
    BadEntity {
        /// The span.
        span: u64,
    },
    /// Two links have the same id.
    LinkTwice {
        /// The link.
        link: u64,
    },
    /// A link's end is not a span of the file.
    MissingSpan {
        /// The link.
        link: u64,
        /// The missing span.
        span: u64,
    },
    /// A link's kind is not in the schema.
    UnknownRelation {
        /// The link.
        link: u64,
        /// The kind.
        kind: String,
    },
    /// A link joins labels its kind does not join.
    LinkLabels {
        /// The link.
        link: u64,
        /// Its kind.
        kind: String,
        /// The label of its head.
        from: String,
        /// The label of its other end.
        to: String,
    },
    /// A link repeats an earlier one.
    LinkRepeats {
        /// The link.
        link: u64,
        /// The earlier link.
        first: u64,
    },
    /// A second link of a kind a head has only one of.
    OnlyOneLink {
        /// The link.
        link: u64,
        /// The head span.
        span: u64,
        /// The kind.
        kind: String,
        /// The earlier link.
        first: u64,
    },
    /// More problems than are listed.
    MoreProblems {
        /// How many were left out.
        count: usize,
    },
    /// An annotator's name that cannot be part of a file name.
    BadAnnotatorName {
        /// The name.
        name: String,
    },
    /// The file's header names no article.
    NamesNoArticle,
    /// The schema (in the file, or the project's) is unusable.
    Schema(crate::model::SchemaError),
    /// Two suggestions have the same id.
    SuggestionTwice {
        /// The suggestion.
        id: u64,
    },
    /// A suggestion's score is not a number from 0 to 1.
    SuggestionScore {
        /// The suggestion.
        id: u64,
    },
    /// A suggested span's label is not in the schema.
    SuggestionLabel {
        /// The suggestion.
        id: u64,
        /// The label.
        label: String,
    },
    /// A suggested span's range is empty or outside the text.
    SuggestionRange {
        /// The suggestion.
        id: u64,
        /// Where it starts (chars).
        start: u64,
        /// Where it ends (chars).
        end: u64,
    },
    /// A suggested link's kind is not in the schema.
    SuggestionKind {
        /// The suggestion.
        id: u64,
        /// The kind.
        kind: String,
    },
    /// A suggested link's end is not in the file.
    SuggestionEnd {
        /// The suggestion.
        id: u64,
    },
    /// An entity registry's field does not hold what the format allows.
    Entity(crate::model::EntityProblem),
    /// An entity registry's id is not `E` and a number from 1.
    EntityId {
        /// What the file holds.
        text: String,
    },
    /// An entity registry defines an id twice.
    EntityTwice {
        /// The id.
        id: crate::model::EntityId,
    },
    /// A project file's setting cannot work.
    Project(crate::io::ProjectProblem),
}

/// Why the text is not RON of the annotation format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A number is negative or too large.
    NumberOutOfRange,
    /// The file ends too early.
    Truncated,
    /// Brackets are nested too deep.
    TooDeep,
    /// Any other error ron reports (its English text is the problem's message).
    Other,
}

/// The step of a save that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStep {
    /// Resolving the symlink being saved through.
    FollowingLink,
    /// Creating the temporary file beside the target.
    CreatingTemporaryFile,
    /// Writing the content to the temporary file.
    Writing,
    /// Syncing the temporary file to disk.
    SyncingToDisk,
    /// Keeping the previous version as `NAME.bak`.
    KeepingBackup,
    /// Renaming the temporary file over the target.
    ReplacingFile,
    /// Syncing the folder after the rename.
    SyncingFolder,
    /// Removing the recovery file.
    DeletingRecoveryFile,
}

impl WriteStep {
    /// Every step.
    pub const ALL: [Self; 8] = [
        Self::FollowingLink,
        Self::CreatingTemporaryFile,
        Self::Writing,
        Self::SyncingToDisk,
        Self::KeepingBackup,
        Self::ReplacingFile,
        Self::SyncingFolder,
        Self::DeletingRecoveryFile,
    ];
}

impl std::fmt::Display for WriteStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::FollowingLink => "following the link",
            Self::CreatingTemporaryFile => "creating a temporary file",
            Self::Writing => "writing",
            Self::SyncingToDisk => "syncing to disk",
            Self::KeepingBackup => "keeping a backup",
            Self::ReplacingFile => "replacing the file",
            Self::SyncingFolder => "syncing the folder",
            Self::DeletingRecoveryFile => "deleting the recovery file",
        })
    }
}

/// What a name that is not a regular file names instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A named pipe (FIFO).
    NamedPipe,
    /// A character device.
    CharacterDevice,
    /// A block device.
    BlockDevice,
    /// A socket.
    Socket,
    /// A folder.
    Folder,
    /// Anything else (a dangling symlink, a special file).
    Special,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [Self; 6] = [
        Self::NamedPipe,
        Self::CharacterDevice,
        Self::BlockDevice,
        Self::Socket,
        Self::Folder,
        Self::Special,
    ];
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NamedPipe => "a named pipe (FIFO)",
            Self::CharacterDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Socket => "a socket",
            Self::Folder => "a folder",
            Self::Special => "a special file",
        })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some(position) => write!(f, "{position}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Why reading or writing an article, annotation or recovery file failed. Messages name the
/// path last; the path is empty when the text did not come from a file
/// ([`crate::io::from_ron_str`]).
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    /// The file could not be read.
    #[error("cannot read the file ({source}){}", at(.path))]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file could not be written; the previous version is intact.
    #[error("cannot save: {action} failed ({source}); the previous version is intact{}", at(.path))]
    Write {
        /// The file that was being saved.
        path: PathBuf,
        /// The step that failed, for example creating a temporary file.
        action: WriteStep,
        /// What the system said.
        source: std::io::Error,
    },
    /// The name is not a regular file (a FIFO, a device, a folder, a dangling symlink): reading
    /// it could block or never end.
    #[error("{kind}, not a regular file; Hashiya reads only regular files{}", at(.path))]
    NotRegular {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        kind: FileKind,
    },
    /// The file to replace is read-only: Hashiya does not replace it behind its owner's back.
    #[error("the file is read-only, so it was not replaced; make it writable or save under another name{}", at(.path))]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file is larger than Hashiya accepts.
    #[error("the file is {bytes} bytes, more than the {limit} bytes Hashiya reads{}", at(.path))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The article's bytes are not text in a supported encoding.
    #[error("the article is not readable text: {message}{}", at(.path))]
    Undecodable {
        /// The article.
        path: PathBuf,
        /// Which bytes, and which encodings were tried.
        message: String,
    },
    /// The annotation file is written in a format version this build does not read.
    #[error("{}{}", version_message(*.found), at(.path))]
    UnsupportedVersion {
        /// The annotation file.
        path: PathBuf,
        /// The `format_version` found in it.
        found: u64,
    },
    /// The annotation file is malformed or inconsistent: one or more problems, each with its
    /// line and column where that applies. Nothing was opened.
    #[error("{}{}", join_problems(.problems), at(.path))]
    Invalid {
        /// The annotation file.
        path: PathBuf,
        /// Every problem found (at least one).
        problems: Vec<Problem>,
    },
}

impl IoError {
    /// Sets the path of an error that does not name one yet.
    #[must_use]
    pub fn with_path(mut self, file: &Path) -> Self {
        let path = match &mut self {
            Self::Read { path, .. }
            | Self::Write { path, .. }
            | Self::NotRegular { path, .. }
            | Self::ReadOnly { path }
            | Self::TooLarge { path, .. }
            | Self::Undecodable { path, .. }
            | Self::UnsupportedVersion { path, .. }
            | Self::Invalid { path, .. } => path,
        };
        if path.as_os_str().is_empty() {
            *path = file.to_path_buf();
        }
        self
    }

    /// The path the error is about (empty when unknown).
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Read { path, .. }
            | Self::Write { path, .. }
            | Self::NotRegular { path, .. }
            | Self::ReadOnly { path }
            | Self::TooLarge { path, .. }
            | Self::Undecodable { path, .. }
            | Self::UnsupportedVersion { path, .. }
            | Self::Invalid { path, .. } => path,
        }
    }

    /// The error as separate problems (one per line of a `validate` report), without the path.
    #[must_use]
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Self::Invalid { problems, .. } => problems.clone(),
            Self::UnsupportedVersion { found, .. } => vec![Problem::new(version_message(*found))],
            other => {
                let text = other.to_string();
                let path = other.path().display().to_string();
                let message = text
                    .strip_suffix(&path)
                    .and_then(|t| t.strip_suffix(": "))
                    .unwrap_or(&text);
                vec![Problem::new(message)]
            }
        }
    }

    pub(crate) fn invalid(problems: Vec<Problem>) -> Self {
        Self::Invalid {
            path: PathBuf::new(),
            problems,
        }
    }
}

fn at(path: &Path) -> String {
    if path.as_os_str().is_empty() {
        String::new()
    } else {
        format!(": {}", path.display())
    }
}

fn version_message(found: u64) -> String {
    if found > crate::io::FORMAT_VERSION {
        format!(
            "the file has format_version {found}, newer than this Hashiya reads (up to {}); update Hashiya to open it",
            crate::io::FORMAT_VERSION
        )
    } else {
        format!(
            "format_version {found} is unknown (this Hashiya reads 1 to {})",
            crate::io::FORMAT_VERSION
        )
    }
}

fn join_problems(problems: &[Problem]) -> String {
    match problems {
        [] => "the file is invalid".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_chars() {
        let source = "ab\nجمل x\n";
        assert_eq!(Position::of_byte(source, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::of_byte(source, 3), Position { line: 2, col: 1 });
        // After two Arabic letters (4 bytes): column 3.
        assert_eq!(Position::of_byte(source, 7), Position { line: 2, col: 3 });
        // Inside a multi-byte char, and past the end.
        assert_eq!(Position::of_byte(source, 4), Position { line: 2, col: 1 });
        assert_eq!(Position::of_byte(source, 999), Position { line: 3, col: 1 });
    }

    #[test]
    fn messages_name_the_path_last() {
        let error = IoError::invalid(vec![
            Problem::at(Some(Position { line: 3, col: 7 }), "span T2 is defined twice"),
            Problem::new("link R1 refers to missing span T9"),
        ])
        .with_path(Path::new("a/b.hashiya.ron"));
        assert_eq!(
            error.to_string(),
            "3:7: span T2 is defined twice (and 1 more problems): a/b.hashiya.ron"
        );
        assert_eq!(error.problems().len(), 2);
        let newer = IoError::UnsupportedVersion {
            path: PathBuf::from("x.hashiya.ron"),
            found: 7,
        };
        assert!(newer.to_string().contains("newer"), "{newer}");
        assert!(newer.to_string().ends_with(": x.hashiya.ron"));
        let read = IoError::Read {
            path: PathBuf::from("gone.txt"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(read.problems()[0].message, "cannot read the file (entity not found)");
    }
}
