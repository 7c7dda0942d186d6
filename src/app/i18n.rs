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

/// Why the model refused a command, in `language` (the status bar shows it). Texts the model
/// composed itself (a refused schema's reason, a link rule) stay as they are inside it.
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
        CommandError::LinkLabelMismatch { kind, expected } => catalogue.tr_args(
            "error-link-labels",
            &[("relation", kind.into()), ("expected", expected.into())],
        ),
        CommandError::LinkExists(why) => catalogue.tr_args("error-link-exists", &[("why", why.into())]),
        CommandError::BadSchema(why) => catalogue.tr_args("error-bad-schema", &[("why", why.into())]),
        CommandError::IdsExhausted(what) => catalogue.tr_args("error-ids-exhausted", &[("what", (*what).into())]),
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
        use crate::model::{CommandError, SpanId, SuggestionId};
        let errors = [
            CommandError::NoSuchSpan(SpanId(3)),
            CommandError::NoSuchSuggestion(SuggestionId(4)),
            CommandError::BadRange {
                char_start: 5,
                char_end: 2,
                char_len: 9,
            },
            CommandError::UnknownLabel("X".into()),
            CommandError::IdsExhausted("span"),
        ];
        for error in &errors {
            let english = command_error(Language::English, error);
            let arabic = command_error(Language::Arabic, error);
            assert!(
                !english.starts_with("error-") && !arabic.starts_with("error-"),
                "{english} / {arabic}"
            );
            assert_ne!(english, arabic);
            assert!(
                arabic.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                "{arabic}"
            );
        }
        let range = command_error(Language::Arabic, &errors[2]);
        assert!(range.contains('5') && range.contains('9'), "{range}");
    }
}
