//! The interface's languages and their translation catalogues: Fluent files
//! (`assets/i18n/LANG.ftl`, embedded), so that a translator adds a language by writing one file
//! and a line here, without touching the code that shows the strings. Counts go through
//! Fluent's plural rules (CLDR): Arabic has the forms zero, one, two, few, many and other.
//!
//! No egui here: `ui` asks [`Catalogue::get`] for the catalogue of the language the user chose
//! and shows what [`Catalogue::tr`] / [`Catalogue::tr_args`] return.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

mod data_warning;

pub use data_warning::{data_warning, import_warning};

const ENGLISH_FTL: &str = include_str!("../../assets/i18n/en.ftl");
const ARABIC_FTL: &str = include_str!("../../assets/i18n/ar.ftl");

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (the default).
    #[default]
    English,
    /// Modern Standard Arabic; the window is mirrored.
    Arabic,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::English, Self::Arabic];

    /// The language's name in itself, as the language menu shows it (never translated, so
    /// that a user who cannot read the current language still finds theirs).
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Arabic => "العربية",
        }
    }

    /// Its BCP 47 tag.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Arabic => "ar",
        }
    }

    /// The language of a BCP 47 tag (`en`, `ar`, `ar-LY`), if the interface has it.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
    }

    /// Whether the interface runs right to left (menus from the right, panels mirrored).
    #[must_use]
    pub fn is_rtl(self) -> bool {
        self == Self::Arabic
    }

    fn source(self) -> &'static str {
        match self {
            Self::English => ENGLISH_FTL,
            Self::Arabic => ARABIC_FTL,
        }
    }
}

/// An argument of a message: a text (inserted as it is) or a count (chooses the plural form).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Inserted as it is (a file name, a label).
    Text(Cow<'a, str>),
    /// A number: selects the plural form and is written in digits.
    Count(usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(Cow::Borrowed(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

impl From<usize> for Arg<'_> {
    fn from(count: usize) -> Self {
        Self::Count(count)
    }
}

/// A message could not be formatted (only the tests look at these: the window shows what
/// Fluent made of it, or the id).
#[derive(Debug, thiserror::Error)]
pub enum TrError {
    /// No message with this id in the catalogue.
    #[error("no message {0:?}")]
    Missing(String),
    /// The message has no value (only attributes).
    #[error("message {0:?} has no value")]
    NoValue(String),
    /// Fluent reported errors (an unknown variable, a cyclic reference).
    #[error("message {id:?}: {errors}")]
    Format {
        /// The message's id.
        id: String,
        /// Fluent's errors, joined.
        errors: String,
    },
}

/// The messages of one language.
pub struct Catalogue {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    /// The message ids in file order.
    ids: Vec<String>,
}

impl Catalogue {
    /// The catalogue of `language`, parsed once per process.
    #[must_use]
    pub fn get(language: Language) -> &'static Self {
        static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
        static ARABIC: OnceLock<Catalogue> = OnceLock::new();
        let cell = match language {
            Language::English => &ENGLISH,
            Language::Arabic => &ARABIC,
        };
        cell.get_or_init(|| Self::parse(language))
    }

    fn parse(language: Language) -> Self {
        // A syntax error in a bundled file is a bug the tests catch; the entries Fluent could
        // read are kept either way.
        let resource = FluentResource::try_new(language.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
        let ids = message_ids(&resource);
        let tag: LanguageIdentifier = language.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No FSI/PDI around arguments: egui's fonts have no glyph for them, and the bidi
        // label resolves file names and labels inside Arabic text without them.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_count));
        // Duplicate ids are reported by the tests; the first one is kept.
        let _ = bundle.add_resource(resource);
        Self { language, bundle, ids }
    }

    /// The language of this catalogue.
    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }

    /// Every message id, in file order.
    #[must_use]
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The message `id` without arguments; the English one when this language lacks it, the
    /// id itself when no catalogue has it.
    #[must_use]
    pub fn tr(&self, id: &str) -> String {
        self.tr_args(id, &[])
    }

    /// The message `id` with `args` (`("count", 3.into())`), falling back like [`Self::tr`].
    #[must_use]
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        match self.try_format(id, args) {
            Ok(text) => text,
            Err(TrError::Missing(_)) if self.language != Language::English => {
                Self::get(Language::English).tr_args(id, args)
            }
            Err(_) => id.to_owned(),
        }
    }

    /// The message `id` with `args`, or why it cannot be formatted.
    pub fn try_format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Result<String, TrError> {
        let message = self
            .bundle
            .get_message(id)
            .ok_or_else(|| TrError::Missing(id.to_owned()))?;
        let pattern = message.value().ok_or_else(|| TrError::NoValue(id.to_owned()))?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Count(count) => count_value(self.language, *count),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            let errors = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
            Err(TrError::Format {
                id: id.to_owned(),
                errors,
            })
        }
    }

    /// The variables message `id` uses (`count` for `{ $count }`), in the order they appear.
    #[must_use]
    pub fn variables(&self, id: &str) -> Vec<String> {
        let mut variables = Vec::new();
        if let Some(pattern) = self.bundle.get_message(id).and_then(|message| message.value()) {
            pattern_variables(pattern, &mut variables);
        }
        variables
    }
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } if !out.iter().any(|known| known == id.name) => {
            out.push(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Marks a count whose plural form was chosen here, not by `intl_pluralrules` (see
/// [`count_value`]); the number to show follows it.
const COUNT_MARK: &str = "hashiya-count:";

/// A count as a Fluent number. `intl_pluralrules` 7 tests Arabic's few (3–10) and many
/// (11–99) on the whole number instead of on `n % 100` as CLDR says, so 103 would read
/// «103 مقطع» instead of «103 مقاطع». From 100 on, the number Fluent selects with is one of
/// the same CLDR form below 100, and the real one rides along for [`format_count`] to show.
fn count_value(language: Language, count: usize) -> FluentValue<'static> {
    if language != Language::Arabic || count < 100 {
        return FluentValue::from(count);
    }
    let stand_in = match count % 100 {
        rest @ 3..=99 => rest,
        _ => 100,
    };
    let mut number = fluent_bundle::types::FluentNumber::from(stand_in);
    number.options.currency = Some(format!("{COUNT_MARK}{count}"));
    FluentValue::Number(number)
}

/// Shows the real number of a count made by [`count_value`].
fn format_count<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => number
            .options
            .currency
            .as_deref()
            .and_then(|currency| currency.strip_prefix(COUNT_MARK))
            .map(str::to_owned),
        _ => None,
    }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Why the model refused a command, in `language` (the status bar shows it). The names and
/// ids it quotes are the document's; the label pairs a relation joins are said in the English
/// interface only.
#[must_use]
pub fn command_error(language: Language, error: &crate::model::CommandError) -> String {
    use crate::model::CommandError;
    let catalogue = Catalogue::get(language);
    match error {
        CommandError::NoSuchSpan(id) => catalogue.tr_args("error-no-span", &[("id", id.to_string().into())]),
        CommandError::NoSuchLink(id) => catalogue.tr_args("error-no-link", &[("id", id.to_string().into())]),
        CommandError::NoSuchSuggestion(id) => {
            catalogue.tr_args("error-no-suggestion", &[("id", id.to_string().into())])
        }
        CommandError::DuplicateId(id) => catalogue.tr_args("error-duplicate-id", &[("id", id.into())]),
        CommandError::BadRange {
            char_start,
            char_end,
            char_len,
        } => catalogue.tr_args(
            "error-bad-range",
            &[
                ("start", (*char_start).into()),
                ("end", (*char_end).into()),
                ("length", (*char_len).into()),
            ],
        ),
        CommandError::UnknownLabel(label) => catalogue.tr_args("error-unknown-label", &[("label", label.into())]),
        CommandError::UnknownRelation(kind) => {
            catalogue.tr_args("error-unknown-relation", &[("relation", kind.into())])
        }
        CommandError::LinkLabelMismatch {
            kind,
            expected,
            from,
            to,
        } => catalogue.tr_args(
            "error-link-labels",
            &[
                ("relation", kind.into()),
                ("expected", expected.into()),
                ("from", from.into()),
                ("to", to.into()),
            ],
        ),
        CommandError::LinkExists { kind } => catalogue.tr_args("error-link-exists", &[("relation", kind.into())]),
        CommandError::OneLinkOnly { kind, head } => catalogue.tr_args(
            "error-one-link-only",
            &[("relation", kind.into()), ("head", head.into())],
        ),
        CommandError::BadSchema(refusal) => {
            catalogue.tr_args("error-bad-schema", &[("why", schema_refusal(language, refusal).into())])
        }
        CommandError::IdsExhausted(what) => {
            let what = match *what {
                "span" => catalogue.tr("id-kind-span"),
                "link" => catalogue.tr("id-kind-link"),
                other => other.to_owned(),
            };
            catalogue.tr_args("error-ids-exhausted", &[("what", what.into())])
        }
    }
}

/// The kinds of system error the catalogues word, each with its message id; every other kind
/// is `os-error-other` with the system's error number.
pub const OS_ERROR_KINDS: [(std::io::ErrorKind, &str); 30] = {
    use std::io::ErrorKind as K;
    [
        (K::NotFound, "os-error-not-found"),
        (K::PermissionDenied, "os-error-permission-denied"),
        (K::AlreadyExists, "os-error-already-exists"),
        (K::StorageFull, "os-error-storage-full"),
        (K::QuotaExceeded, "os-error-quota-exceeded"),
        (K::ReadOnlyFilesystem, "os-error-read-only-filesystem"),
        (K::IsADirectory, "os-error-is-a-directory"),
        (K::NotADirectory, "os-error-not-a-directory"),
        (K::DirectoryNotEmpty, "os-error-directory-not-empty"),
        (K::InvalidData, "os-error-invalid-data"),
        (K::InvalidInput, "os-error-invalid-input"),
        (K::InvalidFilename, "os-error-invalid-filename"),
        (K::TimedOut, "os-error-timed-out"),
        (K::Interrupted, "os-error-interrupted"),
        (K::WouldBlock, "os-error-would-block"),
        (K::UnexpectedEof, "os-error-unexpected-eof"),
        (K::WriteZero, "os-error-write-zero"),
        (K::FileTooLarge, "os-error-file-too-large"),
        (K::ResourceBusy, "os-error-resource-busy"),
        (K::ExecutableFileBusy, "os-error-resource-busy"),
        (K::CrossesDevices, "os-error-crosses-devices"),
        (K::TooManyLinks, "os-error-too-many-links"),
        (K::StaleNetworkFileHandle, "os-error-network"),
        (K::NetworkDown, "os-error-network"),
        (K::NetworkUnreachable, "os-error-network"),
        (K::ConnectionReset, "os-error-network"),
        (K::BrokenPipe, "os-error-broken-pipe"),
        (K::OutOfMemory, "os-error-out-of-memory"),
        (K::Unsupported, "os-error-unsupported"),
        (K::Deadlock, "os-error-deadlock"),
    ]
};

/// What the system said, in `language`: a phrase of the catalogue for the error's kind, or,
/// for a kind it has none for, "system error" with the system's error number. The system's
/// own text (English whatever the interface's language) is never part of it.
#[must_use]
pub fn os_error(language: Language, error: &std::io::Error) -> String {
    let catalogue = Catalogue::get(language);
    let kind = error.kind();
    if let Some((_, id)) = OS_ERROR_KINDS.iter().find(|(known, _)| *known == kind) {
        return catalogue.tr(id);
    }
    match error.raw_os_error() {
        Some(code) => catalogue.tr_args("os-error-other-code", &[("code", code.to_string().into())]),
        None => catalogue.tr("os-error-other"),
    }
}

/// The catalogue id of a save's step.
#[must_use]
pub fn write_step_id(step: crate::io::WriteStep) -> &'static str {
    use crate::io::WriteStep;
    match step {
        WriteStep::FollowingLink => "write-step-following-link",
        WriteStep::CreatingTemporaryFile => "write-step-creating-temporary-file",
        WriteStep::Writing => "write-step-writing",
        WriteStep::SyncingToDisk => "write-step-syncing-to-disk",
        WriteStep::KeepingBackup => "write-step-keeping-backup",
        WriteStep::ReplacingFile => "write-step-replacing-file",
        WriteStep::SyncingFolder => "write-step-syncing-folder",
        WriteStep::DeletingRecoveryFile => "write-step-deleting-recovery-file",
    }
}

/// The catalogue id of what a name that is not a regular file is.
#[must_use]
pub fn file_kind_id(kind: crate::io::FileKind) -> &'static str {
    use crate::io::FileKind;
    match kind {
        FileKind::NamedPipe => "file-kind-named-pipe",
        FileKind::CharacterDevice => "file-kind-character-device",
        FileKind::BlockDevice => "file-kind-block-device",
        FileKind::Socket => "file-kind-socket",
        FileKind::Folder => "file-kind-folder",
        FileKind::Special => "file-kind-special",
    }
}

/// A count from a file (a byte size, a version), for a Fluent number argument.
fn number(value: u64) -> Arg<'static> {
    Arg::Count(usize::try_from(value).unwrap_or(usize::MAX))
}

/// Why a file could not be opened, saved or restored, in `language` (the status bar and the
/// dialogs show it): one catalogue message per kind of error, the system's error through
/// [`os_error`], the file's problems through [`io_problem`], and the path last, as it is
/// (user text, which the bidi label places).
#[must_use]
pub fn io_error(language: Language, error: &crate::io::IoError) -> String {
    use crate::io::IoError;
    let catalogue = Catalogue::get(language);
    let message = match error {
        IoError::Read { source, .. } => {
            catalogue.tr_args("io-error-read", &[("why", os_error(language, source).into())])
        }
        IoError::Write { action, source, .. } => catalogue.tr_args(
            "io-error-write",
            &[
                ("step", catalogue.tr(write_step_id(*action)).into()),
                ("why", os_error(language, source).into()),
            ],
        ),
        IoError::NotRegular { kind, .. } => catalogue.tr_args(
            "io-error-not-regular",
            &[("kind", catalogue.tr(file_kind_id(*kind)).into())],
        ),
        IoError::ReadOnly { .. } => catalogue.tr("io-error-read-only"),
        IoError::TooLarge { bytes, limit, .. } => catalogue.tr_args(
            "io-error-too-large",
            &[("bytes", number(*bytes)), ("limit", number(*limit))],
        ),
        IoError::Undecodable { message, .. } => {
            catalogue.tr_args("io-error-undecodable", &[("detail", message.into())])
        }
        IoError::UnsupportedVersion { found, .. } => {
            let id = if *found > crate::io::FORMAT_VERSION {
                "io-error-version-newer"
            } else {
                "io-error-version-unknown"
            };
            catalogue.tr_args(
                id,
                &[
                    ("found", number(*found)),
                    ("supported", number(crate::io::FORMAT_VERSION)),
                ],
            )
        }
        IoError::Invalid { problems, .. } => match problems.as_slice() {
            [] => catalogue.tr("io-error-invalid"),
            [one] => io_problem(language, one),
            [first, rest @ ..] => catalogue.tr_args(
                "io-error-invalid-more",
                &[
                    ("problem", io_problem(language, first).into()),
                    ("count", rest.len().into()),
                ],
            ),
        },
    };
    let path = error.path();
    if path.as_os_str().is_empty() {
        message
    } else {
        catalogue.tr_args(
            "io-error-at",
            &[("message", message.into()), ("path", path.display().to_string().into())],
        )
    }
}

/// One problem of an annotation file, in `language`, with its line and column when known.
/// A problem known only by its English text is that text in the English interface and a
/// sentence saying the file has a problem in the others.
#[must_use]
pub fn io_problem(language: Language, problem: &crate::io::Problem) -> String {
    let catalogue = Catalogue::get(language);
    let text = match &problem.reason {
        Some(reason) => problem_reason(catalogue, reason),
        None if language == Language::English => problem.message.clone(),
        None => catalogue.tr("io-problem-other"),
    };
    match problem.position {
        Some(position) => catalogue.tr_args(
            "io-problem-at",
            &[
                ("line", position.line.into()),
                ("col", position.col.into()),
                ("problem", text.into()),
            ],
        ),
        None => text,
    }
}

fn span_arg(id: u64) -> Arg<'static> {
    Arg::from(crate::model::SpanId(id).to_string())
}

fn link_arg(id: u64) -> Arg<'static> {
    Arg::from(crate::model::LinkId(id).to_string())
}

// One arm per reason, each a catalogue message and its arguments: long, but flat.
#[allow(clippy::too_many_lines)]
fn problem_reason(catalogue: &Catalogue, reason: &crate::io::ProblemReason) -> String {
    use crate::io::{ProblemReason as R, SyntaxKind};
    match reason {
        R::NotUtf8 => catalogue.tr("io-problem-not-utf8"),
        R::Syntax(kind) => catalogue.tr(match kind {
            SyntaxKind::NumberOutOfRange => "io-problem-syntax-number",
            SyntaxKind::Truncated => "io-problem-syntax-truncated",
            SyntaxKind::TooDeep => "io-problem-syntax-too-deep",
            SyntaxKind::Other => "io-problem-syntax-other",
        }),
        R::Sha256Malformed => catalogue.tr("io-problem-sha256"),
        R::CharLenTooLarge { char_len } => catalogue.tr_args("io-problem-char-len", &[("length", number(*char_len))]),
        R::VersionTooLow { declared, needed } => catalogue.tr_args(
            "io-problem-version-too-low",
            &[("declared", number(*declared)), ("needed", number(*needed))],
        ),
        R::AttributeRepeated { span, name } => catalogue.tr_args(
            "io-problem-attribute-repeated",
            &[("span", span_arg(*span)), ("name", name.into())],
        ),
        R::UnknownAttribute { span, name } => catalogue.tr_args(
            "io-problem-unknown-attribute",
            &[("span", span_arg(*span)), ("name", name.into())],
        ),
        R::UnknownAttributeValue { span, name, value } => catalogue.tr_args(
            "io-problem-attribute-value",
            &[
                ("span", span_arg(*span)),
                ("name", name.into()),
                ("value", value.into()),
            ],
        ),
        R::SpanTwice { span } => catalogue.tr_args("io-problem-span-twice", &[("span", span_arg(*span))]),
        R::UnknownLabel { span, label } => catalogue.tr_args(
            "io-problem-unknown-label",
            &[("span", span_arg(*span)), ("label", label.into())],
        ),
        R::BadRange { span, start, end } => catalogue.tr_args(
            "io-problem-bad-range",
            &[
                ("span", span_arg(*span)),
                ("start", number(*start)),
                ("end", number(*end)),
            ],
        ),
        R::BadEntity { span } => catalogue.tr_args("io-problem-bad-entity", &[("span", span_arg(*span))]),
        R::LinkTwice { link } => catalogue.tr_args("io-problem-link-twice", &[("link", link_arg(*link))]),
        R::MissingSpan { link, span } => catalogue.tr_args(
            "io-problem-missing-span",
            &[("link", link_arg(*link)), ("span", span_arg(*span))],
        ),
        R::UnknownRelation { link, kind } => catalogue.tr_args(
            "io-problem-unknown-relation",
            &[("link", link_arg(*link)), ("kind", kind.into())],
        ),
        R::LinkLabels { link, kind, from, to } => catalogue.tr_args(
            "io-problem-link-labels",
            &[
                ("link", link_arg(*link)),
                ("kind", kind.into()),
                ("from", from.into()),
                ("to", to.into()),
            ],
        ),
        R::LinkRepeats { link, first } => catalogue.tr_args(
            "io-problem-link-repeats",
            &[("link", link_arg(*link)), ("first", link_arg(*first))],
        ),
        R::OnlyOneLink {
            link,
            span,
            kind,
            first,
        } => catalogue.tr_args(
            "io-problem-only-one-link",
            &[
                ("link", link_arg(*link)),
                ("span", span_arg(*span)),
                ("kind", kind.into()),
                ("first", link_arg(*first)),
            ],
        ),
        R::MoreProblems { count } => catalogue.tr_args("io-problem-more", &[("count", (*count).into())]),
        R::BadAnnotatorName { name } => catalogue.tr_args("io-problem-annotator-name", &[("name", name.into())]),
        R::NamesNoArticle => catalogue.tr("io-problem-no-article"),
        R::Schema(error) => schema_error(catalogue.language(), error),
        R::SuggestionTwice { id } => catalogue.tr_args("io-problem-suggestion-twice", &[("id", suggestion_arg(*id))]),
        R::SuggestionScore { id } => catalogue.tr_args("io-problem-suggestion-score", &[("id", suggestion_arg(*id))]),
        R::SuggestionLabel { id, label } => catalogue.tr_args(
            "io-problem-suggestion-label",
            &[("id", suggestion_arg(*id)), ("label", label.into())],
        ),
        R::SuggestionRange { id, start, end } => catalogue.tr_args(
            "io-problem-suggestion-range",
            &[
                ("id", suggestion_arg(*id)),
                ("start", number(*start)),
                ("end", number(*end)),
            ],
        ),
        R::SuggestionKind { id, kind } => catalogue.tr_args(
            "io-problem-suggestion-kind",
            &[("id", suggestion_arg(*id)), ("kind", kind.into())],
        ),
        R::SuggestionEnd { id } => catalogue.tr_args("io-problem-suggestion-end", &[("id", suggestion_arg(*id))]),
        R::Entity(problem) => entity_problem(catalogue, problem),
        R::EntityId { text } => catalogue.tr_args("io-problem-entity-id", &[("text", text.into())]),
        R::EntityTwice { id } => catalogue.tr_args("io-problem-entity-twice", &[("id", id.to_string().into())]),
        R::Project(problem) => project_problem(catalogue, problem),
    }
}

fn entity_problem(catalogue: &Catalogue, problem: &crate::model::EntityProblem) -> String {
    use crate::model::EntityProblem as P;
    let id = |id: &crate::model::EntityId| Arg::from(id.to_string());
    match problem {
        P::NoName { id: entity } => catalogue.tr_args("io-problem-entity-no-name", &[("id", id(entity))]),
        P::Country { id: entity, country } => catalogue.tr_args(
            "io-problem-entity-country",
            &[("id", id(entity)), ("value", country.into())],
        ),
        P::Role { id: entity, role } => {
            catalogue.tr_args("io-problem-entity-role", &[("id", id(entity)), ("value", role.into())])
        }
        P::Wikidata { id: entity, item } => catalogue.tr_args(
            "io-problem-entity-wikidata",
            &[("id", id(entity)), ("value", item.into())],
        ),
    }
}

fn project_problem(catalogue: &Catalogue, problem: &crate::io::ProjectProblem) -> String {
    use crate::io::ProjectProblem as P;
    match problem {
        P::NoAnnotator => catalogue.tr("io-problem-project-no-annotator"),
        P::BadAnnotatorName { name } => catalogue.tr_args("io-problem-annotator-name", &[("name", name.into())]),
        P::AnnotatorTwice { name } => catalogue.tr_args("io-problem-project-annotator-twice", &[("name", name.into())]),
        P::PerDocument {
            per_document,
            annotators,
        } => catalogue.tr_args(
            "io-problem-project-per-document",
            &[("count", (*per_document).into()), ("annotators", (*annotators).into())],
        ),
        P::AssignedToStranger { article, name } => catalogue.tr_args(
            "io-problem-project-stranger",
            &[("article", article.into()), ("name", name.into())],
        ),
    }
}

fn suggestion_arg(id: u64) -> Arg<'static> {
    Arg::from(crate::model::SuggestionId(id).to_string())
}

/// Why a schema is unusable, in `language`. The parser's own explanation (English) is given
/// in the English interface only.
#[must_use]
pub fn schema_error(language: Language, error: &crate::model::SchemaError) -> String {
    use crate::model::SchemaError;
    let catalogue = Catalogue::get(language);
    match error {
        SchemaError::Parse(detail) => catalogue.tr_args("schema-error-parse", &[("detail", detail.into())]),
        SchemaError::DuplicateLabel(label) => {
            catalogue.tr_args("schema-error-duplicate-label", &[("label", label.into())])
        }
        SchemaError::DuplicateRelation(relation) => {
            catalogue.tr_args("schema-error-duplicate-relation", &[("relation", relation.into())])
        }
        SchemaError::UnknownLabel { relation, label } => catalogue.tr_args(
            "schema-error-unknown-label",
            &[("relation", relation.into()), ("label", label.into())],
        ),
        SchemaError::NoLabels => catalogue.tr("schema-error-no-labels"),
    }
}

/// Why the merge driver marked a span for review, in `language`, without its `Merge:` and
/// full stop (the English is the line the note holds). The relation kind, labels and text it
/// quotes are the file's words.
#[must_use]
pub fn merge_note(language: Language, note: &crate::io::merge_note::MergeNote) -> String {
    use crate::io::Side;
    use crate::io::merge_note::{LinkRefusal, MergeNote};
    let catalogue = Catalogue::get(language);
    match note {
        MergeNote::KeptVersion { side: Side::Theirs } => catalogue.tr("merge-kept-theirs"),
        MergeNote::KeptVersion { .. } => catalogue.tr("merge-kept-ours"),
        MergeNote::LinkLeftOut {
            kind,
            to,
            child_text,
            why,
        } => {
            let mut args = vec![
                ("kind", Arg::from(kind)),
                ("to", span_arg(*to)),
                ("text", Arg::from(child_text)),
            ];
            let id = match why {
                LinkRefusal::NoRelation => "merge-link-no-relation",
                LinkRefusal::Labels { pairs, head, child } => {
                    args.extend([
                        ("pairs", Arg::from(pairs)),
                        ("head", Arg::from(head)),
                        ("child", Arg::from(child)),
                    ]);
                    "merge-link-labels"
                }
                LinkRefusal::OnlyOne { head } => {
                    args.push(("head", Arg::from(head)));
                    "merge-link-only-one"
                }
            };
            catalogue.tr_args(id, &args)
        }
    }
}

/// Why a query cannot be searched, in `language`. The regular expression library's own
/// explanation (English) is given in the English interface only.
#[must_use]
pub fn find_error(language: Language, error: &crate::text::find::FindError) -> String {
    use crate::text::find::FindError;
    let catalogue = Catalogue::get(language);
    match error {
        FindError::Regex(detail) => catalogue.tr_args("find-bad-regex", &[("detail", detail.into())]),
    }
}

/// What loading annotations had to say, in `language` (the status bar shows it after a
/// document opens): the details it lists are the file's ids, texts and offsets, or its
/// problems worded by [`io_problem`].
#[must_use]
pub fn load_warning(language: Language, warning: &crate::io::LoadWarning) -> String {
    use crate::io::LoadWarning;
    let catalogue = Catalogue::get(language);
    let list = |details: Vec<String>| {
        let (shown, more) = LoadWarning::shown_details(&details);
        let separator = if language.is_rtl() { "، " } else { ", " };
        let joined = shown.join(separator);
        if more == 0 {
            joined
        } else {
            catalogue.tr_args(
                "load-more-details",
                &[("details", joined.into()), ("more", more.into())],
            )
        }
    };
    match warning {
        LoadWarning::ArticleChanged { then, now } => catalogue.tr_args(
            "load-article-changed",
            &[("then", number(*then)), ("now", (*now).into())],
        ),
        LoadWarning::OtherArticle { saved_for, article } => catalogue.tr_args(
            "load-other-article",
            &[("saved", saved_for.into()), ("article", article.into())],
        ),
        LoadWarning::Moved(details) => catalogue.tr_args(
            "load-moved",
            &[
                ("count", details.len().into()),
                ("details", list(details.clone()).into()),
            ],
        ),
        LoadWarning::Orphaned(details) => catalogue.tr_args(
            "load-orphaned",
            &[
                ("count", details.len().into()),
                ("details", list(details.clone()).into()),
            ],
        ),
        LoadWarning::SuggestionsDropped(count) => {
            catalogue.tr_args("load-suggestions-dropped", &[("count", (*count).into())])
        }
        LoadWarning::Lints(problems) => {
            let details = problems.iter().map(|problem| io_problem(language, problem)).collect();
            catalogue.tr_args(
                "load-lints",
                &[("count", problems.len().into()), ("details", list(details).into())],
            )
        }
    }
}

/// Why the entity registry refused a change, in `language`.
#[must_use]
pub fn entity_error(language: Language, error: &crate::model::EntityError) -> String {
    use crate::model::EntityError;
    let catalogue = Catalogue::get(language);
    match error {
        EntityError::NoSuchEntity(id) => catalogue.tr_args("entity-error-no-such", &[("id", id.to_string().into())]),
        EntityError::SelfMerge(id) => catalogue.tr_args("entity-error-self-merge", &[("id", id.to_string().into())]),
        EntityError::DuplicateId(id) => catalogue.tr_args("entity-error-duplicate", &[("id", id.to_string().into())]),
        EntityError::IdsExhausted => catalogue.tr("entity-error-ids-exhausted"),
    }
}

/// Why the model refused a schema change, in `language`.
#[must_use]
pub fn schema_refusal(language: Language, refusal: &crate::model::SchemaRefusal) -> String {
    use crate::model::SchemaRefusal;
    let catalogue = Catalogue::get(language);
    match refusal {
        SchemaRefusal::Invalid(error) => schema_error(language, error),
        SchemaRefusal::LabelUsed { label, by_suggestions } => catalogue.tr_args(
            if *by_suggestions {
                "schema-refused-label-suggested"
            } else {
                "schema-refused-label-used"
            },
            &[("label", label.into())],
        ),
        SchemaRefusal::RelationUsed {
            relation,
            by_suggestions,
        } => catalogue.tr_args(
            if *by_suggestions {
                "schema-refused-relation-suggested"
            } else {
                "schema-refused-relation-used"
            },
            &[("relation", relation.into())],
        ),
        SchemaRefusal::LinkNotAllowed {
            link,
            head,
            child,
            kind,
            pairs,
        } => catalogue.tr_args(
            "schema-refused-link",
            &[
                ("link", link.to_string().into()),
                ("head", head.into()),
                ("child", child.into()),
                ("relation", kind.into()),
                ("pairs", pairs.into()),
            ],
        ),
        SchemaRefusal::CannotRename { from, to } => {
            catalogue.tr_args("schema-refused-rename", &[("from", from.into()), ("to", to.into())])
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{Arg, Catalogue, Language};

    fn ids(language: Language) -> BTreeSet<String> {
        Catalogue::get(language).ids().iter().cloned().collect()
    }

    #[test]
    fn both_files_parse_without_errors() {
        for language in Language::ALL {
            let source = language.source().to_owned();
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(source) {
                panic!("{language:?}: {errors:?}");
            }
            let all = Catalogue::get(language).ids();
            let unique = ids(language);
            assert_eq!(all.len(), unique.len(), "{language:?} has a message id twice");
            assert!(all.len() > 100, "{language:?}: only {} messages", all.len());
        }
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let english = ids(Language::English);
        let arabic = ids(Language::Arabic);
        let missing_in_arabic: Vec<_> = english.difference(&arabic).collect();
        let missing_in_english: Vec<_> = arabic.difference(&english).collect();
        assert!(missing_in_arabic.is_empty(), "not in ar.ftl: {missing_in_arabic:?}");
        assert!(missing_in_english.is_empty(), "not in en.ftl: {missing_in_english:?}");
    }

    /// Every message formats without an error with the variables its English version uses,
    /// and the translation uses no variable the code does not pass.
    #[test]
    fn every_message_formats_in_every_language() {
        let english = Catalogue::get(Language::English);
        for language in Language::ALL {
            let catalogue = Catalogue::get(language);
            for id in english.ids() {
                let passed = english.variables(id);
                for variable in catalogue.variables(id) {
                    assert!(
                        passed.contains(&variable),
                        "{language:?} {id}: ${variable} is never passed"
                    );
                }
                for count in [0, 1, 2, 3, 11, 100] {
                    let args: Vec<(&str, Arg<'_>)> = passed
                        .iter()
                        .map(|name| {
                            let value = if ["count", "at", "of", "done", "total", "number", "start", "end"]
                                .contains(&name.as_str())
                            {
                                Arg::Count(count)
                            } else {
                                Arg::from("x")
                            };
                            (name.as_str(), value)
                        })
                        .collect();
                    let text = catalogue
                        .try_format(id, &args)
                        .unwrap_or_else(|error| panic!("{language:?}: {error}"));
                    assert!(!text.trim().is_empty(), "{language:?} {id} is empty");
                    assert!(!text.contains('{'), "{language:?} {id}: unformatted {text:?}");
                }
            }
        }
    }

    /// Arabic counts: zero, one and two have their own words; 3–10 take the plural; 11–99 the
    /// singular in the accusative (tanwīn); 100 and 1000 the singular genitive.
    #[test]
    fn arabic_plural_forms() {
        let arabic = Catalogue::get(Language::Arabic);
        let spans = |count: usize| arabic.tr_args("count-spans", &[("count", count.into())]);
        assert_eq!(spans(0), "لا مقاطع");
        assert_eq!(spans(1), "مقطع واحد");
        assert_eq!(spans(2), "مقطعان");
        assert_eq!(spans(3), "3 مقاطع");
        assert_eq!(spans(10), "10 مقاطع");
        assert_eq!(spans(11), "11 مقطعًا");
        assert_eq!(spans(99), "99 مقطعًا");
        assert_eq!(spans(100), "100 مقطع");
        assert_eq!(spans(103), "103 مقاطع");
        assert_eq!(spans(111), "111 مقطعًا");
        assert_eq!(spans(1000), "1000 مقطع");
        assert_eq!(spans(1002), "1002 مقطع");
        let problems = |count: usize| arabic.tr_args("count-problems", &[("count", count.into())]);
        assert_eq!(problems(0), "لا مشكلات");
        assert_eq!(problems(1), "مشكلة واحدة");
        assert_eq!(problems(2), "مشكلتان");
        assert_eq!(problems(3), "3 مشكلات");
        assert_eq!(problems(11), "11 مشكلةً");
        assert_eq!(problems(100), "100 مشكلة");
    }

    /// Every count message of the Arabic catalogue has all six forms and picks a different
    /// one for 0, 1, 2, 3, 11 and 100; English has two.
    #[test]
    fn every_count_has_every_form() {
        for (language, forms) in [(Language::Arabic, 6), (Language::English, 2)] {
            let catalogue = Catalogue::get(language);
            for id in catalogue.ids().iter().filter(|id| id.starts_with("count-")) {
                let texts: BTreeSet<String> = [0, 1, 2, 3, 11, 100]
                    .into_iter()
                    .map(|count: usize| catalogue.tr_args(id, &[("count", count.into())]))
                    .map(|text| text.replace(|c: char| c.is_ascii_digit(), ""))
                    .collect();
                assert_eq!(texts.len(), forms, "{language:?} {id}: {texts:?}");
            }
        }
    }

    #[test]
    fn english_counts_and_fallbacks() {
        let english = Catalogue::get(Language::English);
        assert_eq!(english.tr_args("count-spans", &[("count", 1.into())]), "1 span");
        assert_eq!(english.tr_args("count-spans", &[("count", 0.into())]), "0 spans");
        assert_eq!(english.tr("menu-save"), "Save");
        assert_eq!(Catalogue::get(Language::Arabic).tr("menu-save"), "حفظ");
        assert_eq!(english.tr("no-such-message"), "no-such-message");
    }

    #[test]
    fn refused_edits_are_worded_in_each_language() {
        use super::{Language, command_error};
        use crate::model::{CommandError, LinkId, SchemaError, SchemaRefusal, SpanId, SuggestionId};
        let mut errors = vec![
            CommandError::NoSuchSpan(SpanId(3)),
            CommandError::NoSuchLink(LinkId(3)),
            CommandError::NoSuchSuggestion(SuggestionId(4)),
            CommandError::DuplicateId("T3".into()),
            CommandError::BadRange {
                char_start: 5,
                char_end: 2,
                char_len: 9,
            },
            CommandError::UnknownLabel("Xlabel".into()),
            CommandError::UnknownRelation("Xkind".into()),
            CommandError::LinkLabelMismatch {
                kind: "Xkind".into(),
                expected: "from a Quote to an Actor".into(),
                from: "Xlabel".into(),
                to: "Ylabel".into(),
            },
            CommandError::LinkExists { kind: "Xkind".into() },
            CommandError::OneLinkOnly {
                kind: "Xkind".into(),
                head: "Xlabel".into(),
            },
            CommandError::IdsExhausted("span"),
            CommandError::IdsExhausted("link"),
        ];
        errors.extend(
            [
                SchemaRefusal::Invalid(SchemaError::NoLabels),
                SchemaRefusal::LabelUsed {
                    label: "Xlabel".into(),
                    by_suggestions: false,
                },
                SchemaRefusal::LabelUsed {
                    label: "Xlabel".into(),
                    by_suggestions: true,
                },
                SchemaRefusal::RelationUsed {
                    relation: "Xkind".into(),
                    by_suggestions: false,
                },
                SchemaRefusal::RelationUsed {
                    relation: "Xkind".into(),
                    by_suggestions: true,
                },
                SchemaRefusal::LinkNotAllowed {
                    link: LinkId(2),
                    head: "Xlabel".into(),
                    child: "Ylabel".into(),
                    kind: "Xkind".into(),
                    pairs: "from a Quote to an Actor".into(),
                },
                SchemaRefusal::CannotRename {
                    from: "Xlabel".into(),
                    to: "Ylabel".into(),
                },
            ]
            .map(CommandError::BadSchema),
        );
        let mut arabic_texts = BTreeSet::new();
        for error in &errors {
            let english = command_error(Language::English, error);
            let arabic = command_error(Language::Arabic, error);
            assert!(
                !english.starts_with("error-") && !arabic.starts_with("error-"),
                "{english} / {arabic}"
            );
            assert_ne!(english, arabic);
            assert!(has_arabic(&arabic), "{arabic}");
            // Only the document's names and ids stay Latin (never the model's English).
            let left = latin_left(&arabic, &["Xlabel", "Ylabel", "Xkind", "T3", "R3", "R2", "S4"]);
            assert!(left.is_empty(), "English in {arabic:?}: {left:?}");
            assert!(arabic_texts.insert(arabic), "said twice");
        }
        let range = command_error(Language::Arabic, &errors[4]);
        assert!(range.contains('5') && range.contains('9'), "{range}");
    }

    /// The Latin words of `text` once the user text in it (paths, names, ids) is taken out.
    fn latin_left(text: &str, user_text: &[&str]) -> Vec<String> {
        let mut rest = text.to_owned();
        for user in user_text {
            rest = rest.replace(user, " ");
        }
        rest.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn has_arabic(text: &str) -> bool {
        text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    }

    /// One error of every kind, with the user text each shows.
    fn every_io_error() -> Vec<crate::io::IoError> {
        use std::path::PathBuf;

        use crate::io::{FileKind, IoError, Position, Problem, ProblemReason, WriteStep};
        let path = || PathBuf::from("/home/u/أخبار/x.hashiya.ron");
        let os = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut errors = vec![
            IoError::Read {
                path: path(),
                source: os(),
            },
            IoError::ReadOnly { path: path() },
            IoError::TooLarge {
                path: path(),
                bytes: 123_456_789,
                limit: 67_108_864,
            },
            IoError::Undecodable {
                path: path(),
                message: "the bytes at offset 3 (FF FE) are not valid UTF-8".into(),
            },
            IoError::UnsupportedVersion {
                path: path(),
                found: crate::io::FORMAT_VERSION + 1,
            },
            IoError::UnsupportedVersion { path: path(), found: 0 },
            IoError::Invalid {
                path: path(),
                problems: Vec::new(),
            },
            IoError::Invalid {
                path: path(),
                problems: vec![
                    Problem::at(Some(Position { line: 3, col: 7 }), "span T2 is defined twice")
                        .because(ProblemReason::SpanTwice { span: 2 }),
                    Problem::new("a problem known only in English"),
                ],
            },
        ];
        errors.extend(WriteStep::ALL.into_iter().map(|action| IoError::Write {
            path: path(),
            action,
            source: os(),
        }));
        errors.extend(
            FileKind::ALL
                .into_iter()
                .map(|kind| IoError::NotRegular { path: path(), kind }),
        );
        errors
    }

    /// Which variant an error is: a match without a wildcard, so that a new variant does not
    /// compile until it is added here and to [`every_io_error`].
    fn io_variant(error: &crate::io::IoError) -> usize {
        use crate::io::IoError;
        match error {
            IoError::Read { .. } => 0,
            IoError::Write { .. } => 1,
            IoError::NotRegular { .. } => 2,
            IoError::ReadOnly { .. } => 3,
            IoError::TooLarge { .. } => 4,
            IoError::Undecodable { .. } => 5,
            IoError::UnsupportedVersion { .. } => 6,
            IoError::Invalid { .. } => 7,
        }
    }

    /// Every kind of file error has its own message in both catalogues; the Arabic one has no
    /// Latin word but the path and the span id, and no English of the system or of the
    /// problem; the English one names the path last.
    #[test]
    fn file_errors_are_worded_in_each_language() {
        use super::io_error;
        let errors = every_io_error();
        let variants: BTreeSet<usize> = errors.iter().map(io_variant).collect();
        assert_eq!(variants.len(), 8, "an error of every variant");
        let mut arabic_texts = BTreeSet::new();
        for error in &errors {
            let path = error.path().display().to_string();
            let english = io_error(Language::English, error);
            let arabic = io_error(Language::Arabic, error);
            assert!(english.ends_with(&format!(": {path}")), "{english}");
            assert!(arabic.ends_with(&path), "{arabic}");
            assert!(has_arabic(&arabic), "{arabic}");
            for text in [&english, &arabic] {
                assert!(!text.contains("io-error-") && !text.contains("io-problem-"), "{text}");
                assert!(!text.contains("os error") && !text.contains('{'), "{text}");
            }
            let left = latin_left(&arabic, &[&path, "T2"]);
            assert!(left.is_empty(), "English in {arabic:?}: {left:?}");
            // Each error its own words (the steps and kinds too).
            assert!(arabic_texts.insert(arabic.clone()), "said twice: {arabic}");
        }
        // Numbers are arguments: the sizes and the version.
        let too_large = io_error(Language::Arabic, &errors[2]);
        assert!(
            too_large.contains("123456789") && too_large.contains("67108864"),
            "{too_large}"
        );
        let newer = io_error(Language::Arabic, &errors[4]);
        assert!(newer.contains(&(crate::io::FORMAT_VERSION + 1).to_string()), "{newer}");
        // The first problem with its position, and a count of the others.
        let invalid = io_error(Language::Arabic, &errors[7]);
        assert!(
            invalid.contains('3') && invalid.contains('7') && invalid.contains("T2"),
            "{invalid}"
        );
        assert!(invalid.contains("مشكلة أخرى"), "{invalid}");
    }

    /// Every kind of system error the catalogues word has a phrase in both, the Arabic one
    /// without a Latin letter; any other kind says "system error" with its number, never the
    /// system's English text.
    #[test]
    fn system_errors_are_worded_in_each_language() {
        use std::io::{Error, ErrorKind};

        use super::{OS_ERROR_KINDS, os_error};
        let arabic_catalogue = Catalogue::get(Language::Arabic);
        let kinds: BTreeSet<String> = OS_ERROR_KINDS.iter().map(|(kind, _)| format!("{kind:?}")).collect();
        assert_eq!(kinds.len(), OS_ERROR_KINDS.len(), "a kind listed twice");
        for wanted in [
            "NotFound",
            "PermissionDenied",
            "AlreadyExists",
            "StorageFull",
            "ReadOnlyFilesystem",
            "IsADirectory",
            "InvalidData",
            "TimedOut",
            "Interrupted",
        ] {
            assert!(kinds.contains(wanted), "{wanted} is not worded");
        }
        for (kind, id) in OS_ERROR_KINDS {
            assert!(arabic_catalogue.try_format(id, &[]).is_ok(), "{id} is not in ar.ftl");
            let error = Error::from(kind);
            let english = os_error(Language::English, &error);
            let arabic = os_error(Language::Arabic, &error);
            assert_eq!(english, Catalogue::get(Language::English).tr(id), "{kind:?}");
            assert!(has_arabic(&arabic), "{kind:?}: {arabic}");
            assert!(latin_left(&arabic, &[]).is_empty(), "{kind:?}: {arabic}");
        }
        // A real system error: the number, not the text ("No such file or directory").
        let missing = std::fs::File::open("/nonexistent/hashiya/x").expect_err("no such file");
        assert_eq!(
            os_error(Language::Arabic, &missing),
            arabic_catalogue.tr("os-error-not-found")
        );
        let unmapped = Error::from_raw_os_error(71);
        let worded = os_error(Language::Arabic, &unmapped);
        if !OS_ERROR_KINDS.iter().any(|(kind, _)| *kind == unmapped.kind()) {
            assert!(worded.contains("71") && has_arabic(&worded), "{worded}");
        }
        let other = os_error(Language::Arabic, &Error::other("some English"));
        assert!(!other.contains("English") && has_arabic(&other), "{other}");
        let english_other = os_error(Language::English, &Error::from(ErrorKind::Other));
        assert_eq!(english_other, Catalogue::get(Language::English).tr("os-error-other"));
    }

    /// Which reason a problem has: a match without a wildcard, so that a new reason does not
    /// compile until it is added here and to [`every_problem_reason`].
    fn reason_variant(reason: &crate::io::ProblemReason) -> usize {
        use crate::io::ProblemReason as R;
        match reason {
            R::NotUtf8 => 0,
            R::Syntax(_) => 1,
            R::Sha256Malformed => 2,
            R::CharLenTooLarge { .. } => 3,
            R::VersionTooLow { .. } => 4,
            R::AttributeRepeated { .. } => 5,
            R::UnknownAttribute { .. } => 6,
            R::UnknownAttributeValue { .. } => 7,
            R::SpanTwice { .. } => 8,
            R::UnknownLabel { .. } => 9,
            R::BadRange { .. } => 10,
            R::BadEntity { .. } => 11,
            R::LinkTwice { .. } => 12,
            R::MissingSpan { .. } => 13,
            R::UnknownRelation { .. } => 14,
            R::LinkLabels { .. } => 15,
            R::LinkRepeats { .. } => 16,
            R::OnlyOneLink { .. } => 17,
            R::MoreProblems { .. } => 18,
            R::BadAnnotatorName { .. } => 19,
            R::NamesNoArticle => 20,
            R::Schema(_) => 21,
            R::SuggestionTwice { .. } => 22,
            R::SuggestionScore { .. } => 23,
            R::SuggestionLabel { .. } => 24,
            R::SuggestionRange { .. } => 25,
            R::SuggestionKind { .. } => 26,
            R::SuggestionEnd { .. } => 27,
            R::Entity(_) => 28,
            R::EntityId { .. } => 29,
            R::EntityTwice { .. } => 30,
            R::Project(_) => 31,
        }
    }

    fn every_problem_reason() -> Vec<crate::io::ProblemReason> {
        use crate::io::{ProblemReason as R, SyntaxKind};
        use crate::model::SchemaError;
        let mut reasons: Vec<R> = [
            SyntaxKind::NumberOutOfRange,
            SyntaxKind::Truncated,
            SyntaxKind::TooDeep,
            SyntaxKind::Other,
        ]
        .into_iter()
        .map(R::Syntax)
        .collect();
        let name = || "Quotee".to_owned();
        reasons.extend([
            R::NotUtf8,
            R::Sha256Malformed,
            R::CharLenTooLarge { char_len: 99_999_999 },
            R::VersionTooLow { declared: 2, needed: 4 },
            R::AttributeRepeated { span: 4, name: name() },
            R::UnknownAttribute { span: 4, name: name() },
            R::UnknownAttributeValue {
                span: 4,
                name: name(),
                value: "Direct".into(),
            },
            R::SpanTwice { span: 4 },
            R::UnknownLabel { span: 4, label: name() },
            R::BadRange {
                span: 4,
                start: 9,
                end: 2,
            },
            R::BadEntity { span: 4 },
            R::LinkTwice { link: 5 },
            R::MissingSpan { link: 5, span: 4 },
            R::UnknownRelation { link: 5, kind: name() },
            R::LinkLabels {
                link: 5,
                kind: name(),
                from: "Actor".into(),
                to: "Direct".into(),
            },
            R::LinkRepeats { link: 5, first: 1 },
            R::OnlyOneLink {
                link: 5,
                span: 4,
                kind: name(),
                first: 1,
            },
            R::MoreProblems { count: 12 },
            R::BadAnnotatorName { name: "a/b".into() },
            R::NamesNoArticle,
            R::SuggestionTwice { id: 7 },
            R::SuggestionScore { id: 7 },
            R::SuggestionLabel { id: 7, label: name() },
            R::SuggestionRange {
                id: 7,
                start: 9,
                end: 2,
            },
            R::SuggestionKind { id: 7, kind: name() },
            R::SuggestionEnd { id: 7 },
            R::EntityId { text: "Actor".into() },
        ]);
        reasons.extend(registry_and_project_reasons());
        reasons.extend(
            [
                SchemaError::Parse("expected `(`".into()),
                SchemaError::DuplicateLabel(name()),
                SchemaError::DuplicateRelation(name()),
                SchemaError::UnknownLabel {
                    relation: name(),
                    label: "Direct".into(),
                },
                SchemaError::NoLabels,
            ]
            .map(R::Schema),
        );
        reasons
    }

    /// The reasons of an entity registry's and a project file's problems.
    fn registry_and_project_reasons() -> Vec<crate::io::ProblemReason> {
        use crate::io::{ProblemReason as R, ProjectProblem};
        use crate::model::{EntityId, EntityProblem};
        let entity = EntityId::new(3).expect("not 0");
        let mut reasons = vec![R::EntityTwice { id: entity }];
        reasons.extend(
            [
                EntityProblem::NoName { id: entity },
                EntityProblem::Country {
                    id: entity,
                    country: "Direct".into(),
                },
                EntityProblem::Role {
                    id: entity,
                    role: "Direct".into(),
                },
                EntityProblem::Wikidata {
                    id: entity,
                    item: "Direct".into(),
                },
            ]
            .map(R::Entity),
        );
        reasons.extend(
            [
                ProjectProblem::NoAnnotator,
                ProjectProblem::BadAnnotatorName { name: "T4".into() },
                ProjectProblem::AnnotatorTwice { name: "Actor".into() },
                ProjectProblem::PerDocument {
                    per_document: 4,
                    annotators: 3,
                },
                ProjectProblem::AssignedToStranger {
                    article: "Actor".into(),
                    name: "Direct".into(),
                },
            ]
            .map(R::Project),
        );
        reasons
    }

    /// Every reason a problem of an annotation file can have is worded in both languages,
    /// the Arabic without a Latin letter but the names and ids it carries; a problem known
    /// only in English is said in English in the English interface only.
    #[test]
    fn file_problems_are_worded_in_each_language() {
        use crate::io::{Position, Problem};

        use super::io_problem;
        let reasons = every_problem_reason();
        let variants: BTreeSet<usize> = reasons.iter().map(reason_variant).collect();
        assert_eq!(variants.len(), 32, "a problem of every reason");
        let mut arabic_texts = BTreeSet::new();
        for reason in reasons {
            let problem = Problem::at(Some(Position { line: 12, col: 5 }), "English").because(reason.clone());
            let english = io_problem(Language::English, &problem);
            let arabic = io_problem(Language::Arabic, &problem);
            for text in [&english, &arabic] {
                assert!(
                    !text.contains("io-problem-") && !text.contains("English"),
                    "{reason:?}: {text}"
                );
                assert!(text.contains("12") && text.contains('5'), "{reason:?}: {text}");
            }
            assert!(has_arabic(&arabic), "{arabic}");
            // The names and ids the file holds, and the format's own codes in its examples.
            let left = latin_left(
                &arabic,
                &[
                    "Quotee", "Direct", "Actor", "a/b", "T4", "R5", "R1", "S7", "E3", "LBY", "GOV", "MIL", "REB",
                    "Q1853985", "Q", "E",
                ],
            );
            assert!(left.is_empty(), "{reason:?}: English in {arabic:?}: {left:?}");
            assert!(arabic_texts.insert(arabic.clone()), "said twice: {arabic}");
        }
        let free = Problem::new("span T2 is in the wrong place");
        assert_eq!(io_problem(Language::English, &free), free.message);
        let arabic = io_problem(Language::Arabic, &free);
        assert!(has_arabic(&arabic) && latin_left(&arabic, &[]).is_empty(), "{arabic}");
    }

    /// Every note the merge driver writes is worded in both languages: the English as the
    /// note says it, the Arabic without a Latin word but the file's names.
    #[test]
    fn merge_notes_are_worded_in_each_language() {
        use super::merge_note;
        let notes = crate::io::merge_note::tests::every_note();
        let mut arabic_texts = BTreeSet::new();
        for note in &notes {
            let written = note.to_string();
            let bare = written["Merge:".len()..].trim().trim_end_matches('.');
            assert_eq!(merge_note(Language::English, note), bare);
            let arabic = merge_note(Language::Arabic, note);
            assert!(has_arabic(&arabic), "{arabic}");
            let left = latin_left(&arabic, &["speaker", "T13", "Agreed action", "Actor", "Quote"]);
            assert!(left.is_empty(), "English in {arabic:?}: {left:?}");
            assert!(arabic_texts.insert(arabic.clone()), "said twice: {arabic}");
        }
    }

    /// A query that is not a regular expression: the library's English explanation in the
    /// English interface only.
    #[test]
    fn find_errors_are_worded_in_each_language() {
        use crate::text::find::FindError;

        use super::find_error;
        let error = FindError::Regex("unclosed group".into());
        assert!(find_error(Language::English, &error).contains("unclosed group"));
        let arabic = find_error(Language::Arabic, &error);
        assert!(has_arabic(&arabic) && latin_left(&arabic, &[]).is_empty(), "{arabic}");
    }

    /// Every warning of a load is worded in both languages, the Arabic without a Latin word
    /// but the file's ids and names; long lists are cut with a count of the rest.
    #[test]
    fn load_warnings_are_worded_in_each_language() {
        use crate::io::{LoadWarning, MAX_WARNING_DETAILS, Position, Problem, ProblemReason};

        use super::load_warning;
        let many: Vec<String> = (1..=MAX_WARNING_DETAILS + 3)
            .map(|id| format!("T{id} \"قال\" 5..8 → 9..12"))
            .collect();
        let lint =
            Problem::at(Some(Position { line: 4, col: 9 }), "English").because(ProblemReason::UnknownAttributeValue {
                span: 2,
                name: "type".into(),
                value: "army".into(),
            });
        let warnings = [
            LoadWarning::ArticleChanged { then: 2480, now: 2501 },
            LoadWarning::OtherArticle {
                saved_for: "old.txt".into(),
                article: "new.txt".into(),
            },
            LoadWarning::Moved(vec!["T3 \"قال\" 5..8 → 9..12".into()]),
            LoadWarning::Moved(many.clone()),
            LoadWarning::Orphaned(vec!["T6 \"الناظوري\"".into()]),
            LoadWarning::SuggestionsDropped(4),
            LoadWarning::Lints(vec![lint]),
        ];
        let mut user: Vec<String> = many.iter().map(|d| d[..d.find(' ').unwrap_or(0)].to_owned()).collect();
        user.extend(["T3", "T6", "T2", "old.txt", "new.txt", "type", "army"].map(str::to_owned));
        let user: Vec<&str> = user.iter().rev().map(String::as_str).collect();
        let mut arabic_texts = BTreeSet::new();
        for warning in &warnings {
            let english = load_warning(Language::English, warning);
            let arabic = load_warning(Language::Arabic, warning);
            assert!(
                !english.starts_with("load-") && !arabic.starts_with("load-"),
                "{arabic}"
            );
            assert!(has_arabic(&arabic), "{arabic}");
            let left = latin_left(&arabic, &user);
            assert!(left.is_empty(), "English in {arabic:?}: {left:?}");
            assert!(arabic_texts.insert(arabic), "said twice");
        }
        // The English window says what the command line says, but for the lints' wording.
        for warning in &warnings[..6] {
            assert_eq!(load_warning(Language::English, warning), warning.to_string());
        }
        let cut = load_warning(Language::Arabic, &warnings[3]);
        assert!(
            cut.contains(&format!("T{MAX_WARNING_DETAILS} "))
                && !cut.contains(&format!("T{} ", MAX_WARNING_DETAILS + 1)),
            "{cut}"
        );
        assert!(cut.contains("(3)"), "{cut}");
    }
}
