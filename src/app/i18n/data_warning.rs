//! The warnings of an export or an import in the window's language: one catalogue message
//! per [`DataWarning`] variant (and per reason it carries), the English one the command line's
//! `Display`. Labels, ids, file names, the input's fields and a parser's message are
//! inserted as they are.

use super::{Arg, Catalogue, Language, load_warning};
use crate::export::ImportWarning;
use crate::export::warning::{BratSkip, DataWarning, IdRejection, LinkProblem, LinklessFormat, SpanLoss};
use crate::io::{ImportRepair, InputWarning};
use crate::model::Status;

/// One warning of an export or an import, in `language`. In English it is what the command
/// line prints (but for an input's lints, which `load_warning` words).
#[must_use]
pub fn data_warning(language: Language, warning: &DataWarning) -> String {
    Worder::new(language).warning(warning)
}

/// One warning of an import, with the file and line it is about, in `language`.
#[must_use]
pub fn import_warning(language: Language, warning: &ImportWarning) -> String {
    let catalogue = Catalogue::get(language);
    let message = data_warning(language, &warning.message);
    match (&warning.file, warning.line) {
        (Some(file), Some(line)) => catalogue.tr_args(
            "import-warning-file-line",
            &[
                ("file", file.into()),
                ("line", line.to_string().into()),
                ("message", message.into()),
            ],
        ),
        (Some(file), None) => catalogue.tr_args(
            "import-warning-file",
            &[("file", file.into()), ("message", message.into())],
        ),
        (None, Some(line)) => catalogue.tr_args(
            "import-warning-line",
            &[("line", line.to_string().into()), ("message", message.into())],
        ),
        (None, None) => message,
    }
}

/// The catalogue of one language and its list separator.
struct Worder {
    language: Language,
    catalogue: &'static Catalogue,
}

/// A number from the input (an offset, an index, a line) inserted as it is.
fn digits(value: usize) -> Arg<'static> {
    Arg::from(value.to_string())
}

impl Worder {
    fn new(language: Language) -> Self {
        Self {
            language,
            catalogue: Catalogue::get(language),
        }
    }

    fn tr(&self, id: &str) -> String {
        self.catalogue.tr(id)
    }

    fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.catalogue.tr_args(id, args)
    }

    fn count(&self, id: &str, count: usize) -> String {
        self.tr_args(id, &[("count", count.into())])
    }

    /// Items of a list, joined as the language lists them.
    fn join(&self, items: &[String]) -> String {
        items.join(if self.language.is_rtl() { "، " } else { ", " })
    }

    fn id_rejection(&self, why: IdRejection) -> String {
        self.tr(match why {
            IdRejection::Zero => "data-id-zero",
            IdRejection::TooLarge => "data-id-too-large",
            IdRejection::UsedTwice => "data-id-used-twice",
        })
    }

    fn status(&self, status: Status) -> String {
        self.tr(match status {
            Status::NotStarted => "status-not-started",
            Status::InProgress => "status-in-progress",
            Status::Done => "status-done",
        })
    }

    fn brat_skip(&self, reason: BratSkip) -> String {
        self.tr(match reason {
            BratSkip::NoTab => "brat-skip-no-tab",
            BratSkip::UnknownKind => "brat-skip-unknown-kind",
            BratSkip::NoOffsets => "brat-skip-no-offsets",
            BratSkip::BadOffsets => "brat-skip-bad-offsets",
            BratSkip::RelationArguments => "brat-skip-relation-arguments",
            BratSkip::EventTrigger => "brat-skip-event-trigger",
            BratSkip::EventArgument => "brat-skip-event-argument",
            BratSkip::AttributeArguments => "brat-skip-attribute-arguments",
            BratSkip::NoteArguments => "brat-skip-note-arguments",
            BratSkip::TriggerNotSpan => "brat-skip-trigger-not-span",
            BratSkip::EventArgumentMissing => "brat-skip-event-argument-missing",
            BratSkip::RelationArgumentMissing => "brat-skip-relation-argument-missing",
            BratSkip::MissingAnnotation => "brat-skip-missing-annotation",
        })
    }

    fn linkless(&self, format: LinklessFormat) -> String {
        self.tr(match format {
            LinklessFormat::Conll => "data-format-conll",
            LinklessFormat::SpacyDocBin => "data-format-spacy",
            LinklessFormat::TokenClassification => "data-format-token-classification",
        })
    }

    fn span_loss(&self, why: SpanLoss) -> String {
        self.tr(match why {
            SpanLoss::NoColumn => "data-loss-no-column",
            SpanLoss::NoToken => "data-loss-no-token",
            SpanLoss::NotOnTokens => "data-loss-not-on-tokens",
        })
    }

    /// `from A to B or from C to D`: the label pairs a relation kind allows.
    fn pairs(&self, pairs: &[(String, String)]) -> String {
        let mut worded = pairs
            .iter()
            .map(|(head, child)| self.tr_args("data-link-pair", &[("head", head.into()), ("child", child.into())]));
        let first = worded.next().unwrap_or_default();
        worded.fold(first, |all, pair| {
            self.tr_args("data-link-pair-or", &[("pairs", all.into()), ("pair", pair.into())])
        })
    }

    fn links(&self, count: usize) -> String {
        self.count("count-links", count)
    }

    fn repair(&self, repair: &ImportRepair) -> String {
        match repair {
            ImportRepair::Text {
                name,
                nuls,
                bom,
                line_ends,
            } => {
                let mut repairs = Vec::new();
                if *nuls > 0 {
                    repairs.push(self.count("data-repair-nuls", *nuls));
                }
                if *bom {
                    repairs.push(self.tr("data-repair-bom"));
                }
                if *line_ends {
                    repairs.push(self.tr("data-repair-line-ends"));
                }
                self.tr_args(
                    "data-repair-text",
                    &[("name", name.into()), ("repairs", self.join(&repairs).into())],
                )
            }
            ImportRepair::SpanRemoved { name, span } => self.tr_args(
                "data-repair-span-removed",
                &[("name", name.into()), ("span", span.to_string().into())],
            ),
        }
    }

    fn input(&self, warning: &InputWarning) -> String {
        match warning {
            InputWarning::Load { article, warning } => self.tr_args(
                "data-input-load",
                &[
                    ("article", article.display().to_string().into()),
                    ("warning", load_warning(self.language, warning).into()),
                ],
            ),
            InputWarning::Orphans { article, spans, links } => self.tr_args(
                "data-input-orphans",
                &[
                    ("article", article.display().to_string().into()),
                    ("spans", self.count("count-orphaned-spans", *spans).into()),
                    ("links", self.links(*links).into()),
                ],
            ),
        }
    }

    /// A link as the input names it: its kind and the input's ids of its ends.
    fn link_args<'a>(kind: &'a str, from: &'a str, to: &'a str) -> Vec<(&'static str, Arg<'a>)> {
        vec![("kind", kind.into()), ("from", from.into()), ("to", to.into())]
    }

    // One arm per warning, each a catalogue message and its arguments: long, but flat.
    #[allow(clippy::too_many_lines)]
    fn warning(&self, warning: &DataWarning) -> String {
        match warning {
            DataWarning::SpanOutside { key, start, end, len } => self.tr_args(
                "data-span-outside",
                &[
                    ("key", key.into()),
                    ("start", digits(*start)),
                    ("end", digits(*end)),
                    ("length", digits(*len)),
                ],
            ),
            DataWarning::SpanTextDiffers {
                key,
                expected,
                start,
                end,
                actual,
            } => self.tr_args(
                "data-span-text-differs",
                &[
                    ("key", key.into()),
                    ("expected", expected.into()),
                    ("start", digits(*start)),
                    ("end", digits(*end)),
                    ("actual", actual.into()),
                ],
            ),
            DataWarning::SpanIdRejected { key, why } => self.tr_args(
                "data-span-id-rejected",
                &[("key", key.into()), ("why", self.id_rejection(*why).into())],
            ),
            DataWarning::SpanKeyTwice { key } => self.tr_args("data-span-key-twice", &[("key", key.into())]),
            DataWarning::NulCharacters { count } => self.tr_args(
                "data-nul-characters",
                &[("characters", self.count("count-nul-characters", *count).into())],
            ),
            DataWarning::LineEnds => self.tr("data-line-ends"),
            DataWarning::LinkMissingSpan { kind, from, to } => {
                self.tr_args("data-link-missing-span", &Self::link_args(kind, from, to))
            }
            DataWarning::LinkNoRelation { kind, from, to } => {
                self.tr_args("data-link-no-relation", &Self::link_args(kind, from, to))
            }
            DataWarning::LinkRefused {
                kind,
                from,
                to,
                problem,
            } => {
                let mut args = Self::link_args(kind, from, to);
                let id = match problem {
                    LinkProblem::Labels { head, child, pairs } => {
                        args.extend([
                            ("head", head.into()),
                            ("child", child.into()),
                            ("pairs", self.pairs(pairs).into()),
                        ]);
                        "data-link-labels"
                    }
                    LinkProblem::Repeats => "data-link-repeats",
                    LinkProblem::SecondOfHead { head } => {
                        args.push(("head", head.into()));
                        "data-link-second"
                    }
                };
                self.tr_args(id, &args)
            }
            DataWarning::LinkIdRejected { kind, from, to, why } => {
                let mut args = Self::link_args(kind, from, to);
                args.push(("why", self.id_rejection(*why).into()));
                self.tr_args("data-link-id-rejected", &args)
            }
            DataWarning::LinesLeftOut { count, lines } => {
                let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
                self.tr_args(
                    "data-lines-left-out",
                    &[("count", (*count).into()), ("lines", self.join(&lines).into())],
                )
            }
            DataWarning::RelationsWidened { pairs } => {
                self.tr_args("data-relations-widened", &[("pairs", self.join(pairs).into())])
            }
            DataWarning::BratLinesSkipped {
                kind,
                reason,
                count,
                places,
                more,
            } => {
                let mut listed: Vec<String> = places
                    .iter()
                    .map(|(id, line)| {
                        if id.is_empty() {
                            self.tr_args("data-brat-place-line", &[("line", digits(*line))])
                        } else {
                            self.tr_args("data-brat-place", &[("id", id.into()), ("line", digits(*line))])
                        }
                    })
                    .collect();
                if *more > 0 {
                    listed.push(self.count("data-brat-more", *more));
                }
                self.tr_args(
                    "data-brat-lines-skipped",
                    &[
                        ("count", (*count).into()),
                        ("kind", kind.to_string().into()),
                        ("reason", self.brat_skip(*reason).into()),
                        ("places", self.join(&listed).into()),
                    ],
                )
            }
            DataWarning::Discontinuous { id, start, end } => self.tr_args(
                "data-discontinuous",
                &[("id", id.into()), ("start", digits(*start)), ("end", digits(*end))],
            ),
            DataWarning::BratTextDiffers { id, field, expected } => self.tr_args(
                "data-brat-text-differs",
                &[
                    ("id", id.into()),
                    ("field", field.into()),
                    ("expected", expected.into()),
                ],
            ),
            DataWarning::AnnWithoutTxt { stem } => self.tr_args("data-ann-without-txt", &[("stem", stem.into())]),
            DataWarning::EmptyToken => self.tr("data-empty-token"),
            DataWarning::TokenWithSpaces { token } => {
                self.tr_args("data-token-with-spaces", &[("token", token.into())])
            }
            DataWarning::LayeredTokenSkipped => self.tr("data-layered-token-skipped"),
            DataWarning::TagColumns { found, named } => self.tr_args(
                "data-tag-columns",
                &[("found", digits(*found)), ("named", digits(*named))],
            ),
            DataWarning::NoTag => self.tr("data-no-tag"),
            DataWarning::NoTagInColumn { column } => {
                self.tr_args("data-no-tag-in-column", &[("column", digits(*column))])
            }
            DataWarning::StrayInside { tag, kind } => {
                self.tr_args("data-stray-inside", &[("tag", tag.into()), ("kind", kind.into())])
            }
            DataWarning::BareTag { kind } => self.tr_args("data-bare-tag", &[("kind", kind.into())]),
            DataWarning::NotJson { error } => self.tr_args("data-not-json", &[("error", error.into())]),
            DataWarning::NoText => self.tr("data-no-text"),
            DataWarning::UnknownStatus { name, fallback } => self.tr_args(
                "data-unknown-status",
                &[("name", name.into()), ("fallback", self.status(*fallback).into())],
            ),
            DataWarning::NotAList { key } => self.tr_args("data-not-a-list", &[("key", key.into())]),
            DataWarning::SpanFields { index } => self.tr_args("data-span-fields", &[("index", digits(*index))]),
            DataWarning::RelationFields { index } => self.tr_args("data-relation-fields", &[("index", digits(*index))]),
            DataWarning::AttributeItem { index, item } => self.tr_args(
                "data-attribute-item",
                &[
                    ("index", digits(*index)),
                    ("item", item.into()),
                    ("shape", r#"{"name", "value"}"#.into()),
                ],
            ),
            DataWarning::AttributesNotList { index, value } => self.tr_args(
                "data-attributes-not-list",
                &[("index", digits(*index)), ("value", value.into())],
            ),
            DataWarning::BadEntityId { index, text } => self.tr_args(
                "data-bad-entity-id",
                &[("index", digits(*index)), ("text", text.into())],
            ),
            DataWarning::EntityNotId { index, value } => self.tr_args(
                "data-entity-not-id",
                &[("index", digits(*index)), ("value", value.into())],
            ),
            DataWarning::DoccanoLabelShape { key, index } => self.tr_args(
                "data-doccano-label-shape",
                &[("key", key.into()), ("index", digits(*index))],
            ),
            DataWarning::DoccanoEntityFields { index } => {
                self.tr_args("data-doccano-entity-fields", &[("index", digits(*index))])
            }
            DataWarning::DoccanoRelationFields { index } => {
                self.tr_args("data-doccano-relation-fields", &[("index", digits(*index))])
            }
            DataWarning::PredictionNotJson { error } => {
                self.tr_args("data-prediction-not-json", &[("error", error.into())])
            }
            DataWarning::PredictionNoText => self.tr("data-prediction-no-text"),
            DataWarning::PredictionSpanFields { span } => {
                self.tr_args("data-prediction-span-fields", &[("span", digits(*span))])
            }
            DataWarning::Written(repair) => self.repair(repair),
            DataWarning::LinksDropped {
                document,
                format,
                count,
            } => self.tr_args(
                "data-links-dropped",
                &[
                    ("document", document.into()),
                    ("format", self.linkless(*format).into()),
                    ("links", self.links(*count).into()),
                ],
            ),
            DataWarning::DoccanoNoLinks { document, count } => self.tr_args(
                "data-doccano-no-links",
                &[("document", document.into()), ("links", self.links(*count).into())],
            ),
            DataWarning::OnlyLineBreaks { document, span, label } => self.tr_args(
                "data-only-line-breaks",
                &[
                    ("document", document.into()),
                    ("span", span.to_string().into()),
                    ("label", label.into()),
                ],
            ),
            DataWarning::LineBreaksTrimmed { document, span, label } => self.tr_args(
                "data-line-breaks-trimmed",
                &[
                    ("document", document.into()),
                    ("span", span.to_string().into()),
                    ("label", label.into()),
                ],
            ),
            DataWarning::KeptLinesDropped { document, ids } => self.tr_args(
                "data-kept-lines-dropped",
                &[
                    ("document", document.into()),
                    ("count", ids.len().into()),
                    ("ids", self.join(ids).into()),
                ],
            ),
            DataWarning::SpanLeftOut { document, span, why } => self.tr_args(
                "data-span-left-out",
                &[
                    ("document", document.into()),
                    ("span", span.to_string().into()),
                    ("why", self.span_loss(*why).into()),
                ],
            ),
            DataWarning::SpanHidden {
                document,
                span,
                inside,
                other,
                other_label,
            } => {
                let id = match (inside, other_label) {
                    (true, false) => "data-span-inside",
                    (true, true) => "data-span-inside-layered",
                    (false, false) => "data-span-crosses",
                    (false, true) => "data-span-crosses-layered",
                };
                self.tr_args(
                    id,
                    &[
                        ("document", document.into()),
                        ("span", span.to_string().into()),
                        ("other", other.to_string().into()),
                    ],
                )
            }
            DataWarning::UnknownEntity { document, id } => self.tr_args(
                "data-unknown-entity",
                &[("document", document.into()), ("id", id.into())],
            ),
            DataWarning::NoEventRelations { document } => self.tr_args(
                "data-no-event-relations",
                &[
                    ("document", document.into()),
                    ("party", crate::export::events::PARTY.into()),
                    ("speaker", crate::export::events::SPEAKER.into()),
                ],
            ),
            DataWarning::LabelNotInLabelsFile { document, label } => self.tr_args(
                "data-label-not-in-labels-file",
                &[
                    ("document", document.into()),
                    ("label", label.into()),
                    ("file", crate::export::token_classification::LABELS_FILE.into()),
                ],
            ),
            DataWarning::ForeignCard { path, loader } => self.tr_args(
                "data-foreign-card",
                &[
                    ("path", path.into()),
                    ("call", format!(r#"load_dataset("{loader}", data_files=...)"#).into()),
                ],
            ),
            DataWarning::NameTaken { name, renamed } => {
                self.tr_args("data-name-taken", &[("name", name.into()), ("renamed", renamed.into())])
            }
            DataWarning::Input(warning) => self.input(warning),
            DataWarning::OpenOrphans { article, spans, links } => self.tr_args(
                "data-open-orphans",
                &[
                    ("article", article.into()),
                    ("spans", self.count("count-orphaned-spans", *spans).into()),
                    ("links", self.links(*links).into()),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::{data_warning, import_warning};
    use crate::app::i18n::{Catalogue, Language};
    use crate::export::ImportWarning;
    use crate::export::warning::{BratSkip, DataWarning, IdRejection, LinkProblem, LinklessFormat, SpanLoss, SpanRef};
    use crate::io::{ImportRepair, InputWarning, LoadWarning};
    use crate::model::{SpanId, Status};

    /// Which variant a warning is: a match without a wildcard, so that a new variant does not
    /// compile until it is added here and to [`every_warning`].
    fn variant(warning: &DataWarning) -> usize {
        use DataWarning as W;
        match warning {
            W::SpanOutside { .. } => 0,
            W::SpanTextDiffers { .. } => 1,
            W::SpanIdRejected { .. } => 2,
            W::SpanKeyTwice { .. } => 3,
            W::NulCharacters { .. } => 4,
            W::LineEnds => 5,
            W::LinkMissingSpan { .. } => 6,
            W::LinkNoRelation { .. } => 7,
            W::LinkRefused { .. } => 8,
            W::LinkIdRejected { .. } => 9,
            W::LinesLeftOut { .. } => 10,
            W::RelationsWidened { .. } => 11,
            W::BratLinesSkipped { .. } => 12,
            W::Discontinuous { .. } => 13,
            W::BratTextDiffers { .. } => 14,
            W::AnnWithoutTxt { .. } => 15,
            W::EmptyToken => 16,
            W::TokenWithSpaces { .. } => 17,
            W::LayeredTokenSkipped => 18,
            W::TagColumns { .. } => 19,
            W::NoTag => 20,
            W::NoTagInColumn { .. } => 21,
            W::StrayInside { .. } => 22,
            W::BareTag { .. } => 23,
            W::NotJson { .. } => 24,
            W::NoText => 25,
            W::UnknownStatus { .. } => 26,
            W::NotAList { .. } => 27,
            W::SpanFields { .. } => 28,
            W::RelationFields { .. } => 29,
            W::AttributeItem { .. } => 30,
            W::AttributesNotList { .. } => 31,
            W::BadEntityId { .. } => 32,
            W::EntityNotId { .. } => 33,
            W::DoccanoLabelShape { .. } => 34,
            W::DoccanoEntityFields { .. } => 35,
            W::DoccanoRelationFields { .. } => 36,
            W::Written(_) => 37,
            W::LinksDropped { .. } => 38,
            W::DoccanoNoLinks { .. } => 39,
            W::OnlyLineBreaks { .. } => 40,
            W::LineBreaksTrimmed { .. } => 41,
            W::KeptLinesDropped { .. } => 42,
            W::SpanLeftOut { .. } => 43,
            W::SpanHidden { .. } => 44,
            W::UnknownEntity { .. } => 45,
            W::NoEventRelations { .. } => 46,
            W::LabelNotInLabelsFile { .. } => 47,
            W::ForeignCard { .. } => 48,
            W::NameTaken { .. } => 49,
            W::Input(_) => 50,
            W::OpenOrphans { .. } => 51,
            W::PredictionNotJson { .. } => 52,
            W::PredictionNoText => 53,
            W::PredictionSpanFields { .. } => 54,
        }
    }

    const VARIANTS: usize = 55;

    /// The input's own words the warnings below carry (Arabic where the input may be, Latin
    /// where an id or a file name is): the only Latin an Arabic warning may hold, with the
    /// formats' own names and keys ([`FORMAT_WORDS`]).
    const FIELDS: &[&str] = &[
        "T7",
        "T8",
        "T3",
        "T4",
        "E9",
        "N5",
        "I-PER",
        "PER",
        "x.jsonl",
        "article.txt",
        "card/README.md",
        "labels.json",
        r#"load_dataset("parquet", data_files=...)"#,
        "expected value at line 1 column 2",
        r#"{"name", "value"}"#,
        "party",
        "speaker",
    ];

    /// The names of the formats and the keys and tags of their files, which an Arabic warning
    /// names as the file writes them.
    const FORMAT_WORDS: &[&str] = &[
        "start_offset",
        "end_offset",
        "from_id",
        "to_id",
        "attributes",
        "relations",
        "entities",
        "entity",
        "spans",
        "text",
        "start",
        "end",
        "label",
        "head",
        "child",
        "type",
        "spaCy DocBin",
        "CoNLL",
        "doccano",
        "brat",
        "JSON",
        "IO",
        "B-",
        "I-",
        "E3",
        ".ann",
        ".txt",
    ];

    fn place(line: usize) -> (String, usize) {
        ("T7".to_owned(), line)
    }

    // One warning of each kind and reason: long, but a list.
    #[allow(clippy::too_many_lines)]
    fn every_warning() -> Vec<DataWarning> {
        use DataWarning as W;
        let key = || "T7".to_owned();
        let (from, to, kind) = (key, || "T8".to_owned(), || "متحدث".to_owned());
        let span = |id| SpanRef {
            id: SpanId(id),
            label: "فاعل".into(),
            char_start: 4,
            char_end: 9,
        };
        let document = || "خبر".to_owned();
        let mut warnings = vec![
            W::SpanOutside {
                key: key(),
                start: 4,
                end: 90,
                len: 80,
            },
            W::SpanTextDiffers {
                key: key(),
                expected: "قال".into(),
                start: 4,
                end: 7,
                actual: "قيل".into(),
            },
            W::SpanKeyTwice { key: key() },
            W::NulCharacters { count: 1 },
            W::NulCharacters { count: 3 },
            W::LineEnds,
            W::LinkMissingSpan {
                kind: kind(),
                from: from(),
                to: to(),
            },
            W::LinkNoRelation {
                kind: kind(),
                from: from(),
                to: to(),
            },
            W::LinesLeftOut {
                count: 2,
                lines: vec![3, 9],
            },
            W::RelationsWidened {
                pairs: vec!["متحدث (اقتباس → فاعل)".into(), "طرف (إجراء → فاعل)".into()],
            },
            W::BratLinesSkipped {
                kind: 'T',
                reason: BratSkip::NoTab,
                count: 1,
                places: vec![(String::new(), 4)],
                more: 0,
            },
            W::Discontinuous {
                id: key(),
                start: 4,
                end: 20,
            },
            W::BratTextDiffers {
                id: key(),
                field: "قال".into(),
                expected: "قيل".into(),
            },
            W::AnnWithoutTxt { stem: "خبر".into() },
            W::EmptyToken,
            W::TokenWithSpaces {
                token: "عبد الله".into(),
            },
            W::LayeredTokenSkipped,
            W::TagColumns { found: 2, named: 3 },
            W::NoTag,
            W::NoTagInColumn { column: 3 },
            W::StrayInside {
                tag: "I-PER".into(),
                kind: "PER".into(),
            },
            W::BareTag { kind: "PER".into() },
            W::NotJson {
                error: "expected value at line 1 column 2".into(),
            },
            W::NoText,
            W::NotAList { key: "spans".into() },
            W::SpanFields { index: 2 },
            W::RelationFields { index: 2 },
            W::AttributeItem {
                index: 2,
                item: "42".into(),
            },
            W::AttributesNotList {
                index: 2,
                value: "42".into(),
            },
            W::BadEntityId {
                index: 2,
                text: "E9".into(),
            },
            W::EntityNotId {
                index: 2,
                value: "42".into(),
            },
            W::DoccanoLabelShape {
                key: "label".into(),
                index: 2,
            },
            W::DoccanoEntityFields { index: 2 },
            W::DoccanoRelationFields { index: 2 },
            W::PredictionNotJson {
                error: "expected value at line 1 column 2".into(),
            },
            W::PredictionNoText,
            W::PredictionSpanFields { span: 2 },
            W::Written(ImportRepair::Text {
                name: "article.txt".into(),
                nuls: 2,
                bom: true,
                line_ends: true,
            }),
            W::Written(ImportRepair::Text {
                name: "article.txt".into(),
                nuls: 0,
                bom: false,
                line_ends: true,
            }),
            W::Written(ImportRepair::SpanRemoved {
                name: "article.txt".into(),
                span: SpanId(3),
            }),
            W::DoccanoNoLinks {
                document: document(),
                count: 2,
            },
            W::OnlyLineBreaks {
                document: document(),
                span: SpanId(3),
                label: "فاعل".into(),
            },
            W::LineBreaksTrimmed {
                document: document(),
                span: SpanId(3),
                label: "فاعل".into(),
            },
            W::KeptLinesDropped {
                document: document(),
                ids: vec!["N5".into(), "E9".into()],
            },
            W::UnknownEntity {
                document: document(),
                id: "E9".into(),
            },
            W::NoEventRelations { document: document() },
            W::LabelNotInLabelsFile {
                document: document(),
                label: "فاعل".into(),
            },
            W::ForeignCard {
                path: "card/README.md".into(),
                loader: "parquet".into(),
            },
            W::NameTaken {
                name: "خبر".into(),
                renamed: "خبر-2".into(),
            },
            W::Input(InputWarning::Load {
                article: PathBuf::from("article.txt"),
                warning: LoadWarning::SuggestionsDropped(2),
            }),
            W::Input(InputWarning::Orphans {
                article: PathBuf::from("article.txt"),
                spans: 1,
                links: 2,
            }),
            W::OpenOrphans {
                article: "article.txt".into(),
                spans: 3,
                links: 0,
            },
        ];
        for why in [IdRejection::Zero, IdRejection::TooLarge, IdRejection::UsedTwice] {
            warnings.push(W::SpanIdRejected { key: key(), why });
            warnings.push(W::LinkIdRejected {
                kind: kind(),
                from: from(),
                to: to(),
                why,
            });
        }
        let pairs = vec![
            ("اقتباس".to_owned(), "فاعل".to_owned()),
            ("إجراء".to_owned(), "فاعل".to_owned()),
        ];
        for problem in [
            LinkProblem::Labels {
                head: "فاعل".into(),
                child: "اقتباس".into(),
                pairs,
            },
            LinkProblem::Repeats,
            LinkProblem::SecondOfHead {
                head: "اقتباس".into()
            },
        ] {
            warnings.push(W::LinkRefused {
                kind: kind(),
                from: from(),
                to: to(),
                problem,
            });
        }
        for (index, reason) in [
            BratSkip::NoTab,
            BratSkip::UnknownKind,
            BratSkip::NoOffsets,
            BratSkip::BadOffsets,
            BratSkip::RelationArguments,
            BratSkip::EventTrigger,
            BratSkip::EventArgument,
            BratSkip::AttributeArguments,
            BratSkip::NoteArguments,
            BratSkip::TriggerNotSpan,
            BratSkip::EventArgumentMissing,
            BratSkip::RelationArgumentMissing,
            BratSkip::MissingAnnotation,
        ]
        .into_iter()
        .enumerate()
        {
            warnings.push(W::BratLinesSkipped {
                kind: 'T',
                reason,
                count: 7 + index,
                places: (1..=5).map(place).collect(),
                more: 2 + index,
            });
        }
        for status in [Status::NotStarted, Status::InProgress, Status::Done] {
            warnings.push(W::UnknownStatus {
                name: "مراجعة".into(),
                fallback: status,
            });
        }
        for format in [
            LinklessFormat::Conll,
            LinklessFormat::SpacyDocBin,
            LinklessFormat::TokenClassification,
        ] {
            warnings.push(W::LinksDropped {
                document: document(),
                format,
                count: 1,
            });
        }
        for why in [SpanLoss::NoColumn, SpanLoss::NoToken, SpanLoss::NotOnTokens] {
            warnings.push(W::SpanLeftOut {
                document: document(),
                span: span(3),
                why,
            });
        }
        for (inside, other_label) in [(true, false), (true, true), (false, false), (false, true)] {
            warnings.push(W::SpanHidden {
                document: document(),
                span: span(4),
                inside,
                other: span(3),
                other_label,
            });
        }
        warnings
    }

    /// The Latin words of `text` once the inserted fields and the formats' words are out.
    fn latin_left(text: &str) -> Vec<String> {
        let mut rest = text.to_owned();
        for word in FIELDS.iter().chain(FORMAT_WORDS) {
            rest = rest.replace(word, " ");
        }
        rest.split(|c: char| !c.is_ascii_alphabetic())
            // A tag O, the E of entity ids, brat's kind of line T: the formats' letters.
            .filter(|word| !word.is_empty() && !["O", "E", "T"].contains(word))
            .map(str::to_owned)
            .collect()
    }

    fn has_arabic(text: &str) -> bool {
        text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    }

    /// Every warning of an export or an import has its message in both catalogues: the
    /// English one is what the command line prints; the Arabic one has no Latin letter but
    /// the input's own words and the formats', no message id left, and says each warning in
    /// its own words.
    #[test]
    fn every_warning_is_worded_in_each_language() {
        let warnings = every_warning();
        let variants: BTreeSet<usize> = warnings.iter().map(variant).collect();
        assert_eq!(variants.len(), VARIANTS, "a warning of every variant");
        let ids: Vec<String> = Catalogue::get(Language::English).ids().to_vec();
        let mut arabic_texts = BTreeSet::new();
        for warning in &warnings {
            let english = data_warning(Language::English, warning);
            assert_eq!(english, warning.to_string(), "{warning:?}");
            let arabic = data_warning(Language::Arabic, warning);
            assert!(has_arabic(&arabic), "{warning:?}: {arabic}");
            assert!(
                !ids.iter().any(|id| id.contains('-') && arabic.contains(id.as_str())),
                "{warning:?}: a message id in {arabic:?}"
            );
            // A placeable Fluent could not fill (the shape of an attribute is the input's).
            assert!(!arabic.replace(r#"{"name", "value"}"#, "").contains('{'), "{arabic}");
            let left = latin_left(&arabic);
            assert!(left.is_empty(), "{warning:?}: English in {arabic:?}: {left:?}");
            assert!(arabic_texts.insert(arabic.clone()), "said twice: {arabic}");
        }
    }

    /// The test above can fail: a warning worded in English is caught.
    #[test]
    fn english_in_an_arabic_warning_is_caught() {
        let english = data_warning(Language::English, &DataWarning::EmptyToken);
        assert!(!latin_left(&english).is_empty(), "{english}");
    }

    /// An import's warning names its file and line as the command line does in English, in
    /// Arabic words in Arabic.
    #[test]
    fn import_warnings_name_their_file_and_line() {
        let warning = |file: Option<&str>, line| ImportWarning {
            file: file.map(str::to_owned),
            line,
            message: DataWarning::EmptyToken,
        };
        let arabic_token = data_warning(Language::Arabic, &DataWarning::EmptyToken);
        for warning in [
            warning(Some("a.conll"), Some(4)),
            warning(Some("a.conll"), None),
            warning(None, Some(4)),
            warning(None, None),
        ] {
            assert_eq!(import_warning(Language::English, &warning), warning.to_string());
            let arabic = import_warning(Language::Arabic, &warning);
            assert!(arabic.contains(&arabic_token), "{arabic}");
            let rest = arabic.replace("a.conll", " ");
            assert!(latin_left(&rest).is_empty(), "{arabic}");
            if warning.line.is_some() {
                assert!(arabic.contains('4') && arabic.contains("السطر"), "{arabic}");
            }
        }
    }
}
