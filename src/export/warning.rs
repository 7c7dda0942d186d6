//! What an export or an import changed or left out, as data: the command line prints each
//! warning's English `Display`, the window words it in its language (`app::i18n::data_warning`).
//! The details that are the input's own words (labels, keys, ids, file names, a parser's
//! message) are fields, given as they are.

use std::fmt;

use crate::model::{SpanId, Status};
use crate::text::plural::counted;

/// A span named in a warning: id, label and char range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRef {
    /// The span's id.
    pub id: SpanId,
    /// Its label.
    pub label: String,
    /// First char offset.
    pub char_start: usize,
    /// Char offset past its end.
    pub char_end: usize,
}

impl SpanRef {
    /// The span as a warning names it.
    #[must_use]
    pub fn of(span: &crate::model::Span) -> Self {
        Self {
            id: span.id,
            label: span.label.clone(),
            char_start: span.char_start,
            char_end: span.char_end,
        }
    }
}

impl fmt::Display for SpanRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {}..{})", self.id, self.label, self.char_start, self.char_end)
    }
}

/// Why an id an input gave was not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdRejection {
    /// Ids count from 1.
    Zero,
    /// Past the largest id an import keeps.
    TooLarge,
    /// An earlier item has it.
    UsedTwice,
}

impl fmt::Display for IdRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Zero => "is 0",
            Self::TooLarge => "is too large",
            Self::UsedTwice => "is used twice",
        })
    }
}

/// Why an imported link cannot be kept in a valid document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// Its ends' labels are a pair its kind does not allow.
    Labels {
        /// The head's label.
        head: String,
        /// The child's label.
        child: String,
        /// The pairs (head, child) the kind allows.
        pairs: Vec<(String, String)>,
    },
    /// The same kind between the same spans came earlier.
    Repeats,
    /// A second link of a kind that allows one per head.
    SecondOfHead {
        /// The head's label.
        head: String,
    },
}

/// A format that holds no links, named in [`DataWarning::LinksDropped`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinklessFormat {
    /// `CoNLL` (IOB2 columns).
    Conll,
    /// spaCy's `DocBin`.
    SpacyDocBin,
    /// Token-classification JSONL.
    TokenClassification,
}

impl fmt::Display for LinklessFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Conll => "CoNLL",
            Self::SpacyDocBin => "a spaCy DocBin",
            Self::TokenClassification => "token classification",
        })
    }
}

/// Why a span is not in a token-based export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanLoss {
    /// A layered `CoNLL` export has no column for its label.
    NoColumn,
    /// No token lies in it.
    NoToken,
    /// Its ends are not token boundaries (spaCy).
    NotOnTokens,
}

impl fmt::Display for SpanLoss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NoColumn => "has no column",
            Self::NoToken => "covers no token",
            Self::NotOnTokens => "does not fall on tokens",
        })
    }
}

/// Why brat lines were skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BratSkip {
    /// The id is not followed by a tab.
    NoTab,
    /// The id's letter is no kind brat has.
    UnknownKind,
    /// A T line without offsets.
    NoOffsets,
    /// A T line whose offsets do not read.
    BadOffsets,
    /// An R line without two arguments.
    RelationArguments,
    /// An E line without `TYPE:TRIGGER`.
    EventTrigger,
    /// An E line's argument without `ROLE:ID`.
    EventArgument,
    /// An A line without a name and a target.
    AttributeArguments,
    /// A # line without a type and one target.
    NoteArguments,
    /// An event whose trigger is not a T line.
    TriggerNotSpan,
    /// An event's argument names nothing of the file (the argument is left out).
    EventArgumentMissing,
    /// A relation's argument names nothing of the file.
    RelationArgumentMissing,
    /// The line names an annotation the file does not have.
    MissingAnnotation,
}

impl fmt::Display for BratSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NoTab => "no tab after the id",
            Self::UnknownKind => "unknown kind of annotation",
            Self::NoOffsets => "no offsets",
            Self::BadOffsets => "the offsets are not START END[;START END…]",
            Self::RelationArguments => "a relation needs two arguments",
            Self::EventTrigger => "an event needs TYPE:TRIGGER",
            Self::EventArgument => "an event argument needs ROLE:ID",
            Self::AttributeArguments => "an attribute needs a name and a target",
            Self::NoteArguments => "a note needs a type and one target",
            Self::TriggerNotSpan => "its trigger is not a text span",
            Self::EventArgumentMissing => "an argument is not an annotation of the file; the argument is left out",
            Self::RelationArgumentMissing => "an argument is not an annotation of the file",
            Self::MissingAnnotation => "refers to an annotation that is not in the file",
        })
    }
}

/// One warning of an export or an import: what was changed or left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataWarning {
    // --- Imports: building documents (`assemble`) ---
    /// A span's range is not inside the text; left out.
    SpanOutside {
        /// The input's id of the span.
        key: String,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length in chars.
        len: usize,
    },
    /// A span's own copy of its text differs from the text at its offsets; offsets kept.
    SpanTextDiffers {
        /// The input's id of the span.
        key: String,
        /// What the input says it covers.
        expected: String,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// What the text holds there.
        actual: String,
    },
    /// A span's id was not kept; it got a new one.
    SpanIdRejected {
        /// The input's id of the span.
        key: String,
        /// Why.
        why: IdRejection,
    },
    /// Two spans have the same input id.
    SpanKeyTwice {
        /// The id.
        key: String,
    },
    /// NUL characters of the text became U+FFFD.
    NulCharacters {
        /// How many.
        count: usize,
    },
    /// CRLF and CR line ends became LF.
    LineEnds,
    /// A link names a span that is not there; left out.
    LinkMissingSpan {
        /// Its relation kind.
        kind: String,
        /// The input's id of its head.
        from: String,
        /// The input's id of its child.
        to: String,
    },
    /// A link's kind is not a relation of the schema; left out.
    LinkNoRelation {
        /// Its relation kind.
        kind: String,
        /// The input's id of its head.
        from: String,
        /// The input's id of its child.
        to: String,
    },
    /// A link the schema refuses; left out.
    LinkRefused {
        /// Its relation kind.
        kind: String,
        /// The input's id of its head.
        from: String,
        /// The input's id of its child.
        to: String,
        /// Why.
        problem: LinkProblem,
    },
    /// A link's id was not kept; it got a new one.
    LinkIdRejected {
        /// Its relation kind.
        kind: String,
        /// The input's id of its head.
        from: String,
        /// The input's id of its child.
        to: String,
        /// Why.
        why: IdRejection,
    },
    /// Kept lines (brat) that refer to annotations left out; skipped.
    LinesLeftOut {
        /// How many.
        count: usize,
        /// Their line numbers (those known).
        lines: Vec<usize>,
    },
    /// Relation kinds of the schema widened to the label pairs the input links.
    RelationsWidened {
        /// `kind (head → child)` of each, as the input has them.
        pairs: Vec<String>,
    },
    // --- Imports: brat ---
    /// brat lines skipped, one warning per kind of line and reason.
    BratLinesSkipped {
        /// The kind of line (its id's letter).
        kind: char,
        /// Why.
        reason: BratSkip,
        /// How many.
        count: usize,
        /// The first few: id (may be empty) and line.
        places: Vec<(String, usize)>,
        /// Those not listed.
        more: usize,
    },
    /// A discontinuous brat span read as one range.
    Discontinuous {
        /// Its id.
        id: String,
        /// Start of the range.
        start: usize,
        /// End of the range.
        end: usize,
    },
    /// A T line's text field differs from the text at its offsets; offsets kept.
    BratTextDiffers {
        /// Its id.
        id: String,
        /// The line's text field.
        field: String,
        /// The text at its offsets.
        expected: String,
    },
    /// An `.ann` file without its `.txt`; skipped.
    AnnWithoutTxt {
        /// The file name without `.ann`.
        stem: String,
    },
    // --- Imports: CoNLL ---
    /// An empty token; skipped.
    EmptyToken,
    /// A token with whitespace, kept as one token.
    TokenWithSpaces {
        /// The token.
        token: String,
    },
    /// An empty token or one with spaces in a layered file; the line skipped.
    LayeredTokenSkipped,
    /// A line with fewer or more tag columns than the header names.
    TagColumns {
        /// Columns found.
        found: usize,
        /// Columns the header names.
        named: usize,
    },
    /// A line without a tag; read as O.
    NoTag,
    /// A line without a tag in the chosen column; read as O.
    NoTagInColumn {
        /// The column, from 1.
        column: usize,
    },
    /// An I- tag after no span of its kind; starts a new one.
    StrayInside {
        /// The tag as written.
        tag: String,
        /// Its kind.
        kind: String,
    },
    /// Tags without B-/I- prefix; read as IO tags (said once).
    BareTag {
        /// The first such tag.
        kind: String,
    },
    // --- Imports: JSONL and doccano ---
    /// A line that is not JSON; skipped.
    NotJson {
        /// The JSON parser's message.
        error: String,
    },
    /// A line without a `"text"` string; skipped.
    NoText,
    /// An unknown status; the import's status is used.
    UnknownStatus {
        /// The status as written.
        name: String,
        /// The status used.
        fallback: Status,
    },
    /// A field that should be a list is not; ignored.
    NotAList {
        /// The field.
        key: String,
    },
    /// A span item without start, end and label; left out.
    SpanFields {
        /// Its index in `spans`.
        index: usize,
    },
    /// A relation item without label, head and child; left out.
    RelationFields {
        /// Its index in `relations`.
        index: usize,
    },
    /// A span's attribute that is not `{"name", "value"}`; left out.
    AttributeItem {
        /// The span's index.
        index: usize,
        /// The item, as JSON.
        item: String,
    },
    /// A span's attributes that are not a list; ignored.
    AttributesNotList {
        /// The span's index.
        index: usize,
        /// The value, as JSON.
        value: String,
    },
    /// A span's entity that is not a valid id; left out.
    BadEntityId {
        /// The span's index.
        index: usize,
        /// The text given.
        text: String,
    },
    /// A span's entity that is not a string; left out.
    EntityNotId {
        /// The span's index.
        index: usize,
        /// The value, as JSON.
        value: String,
    },
    /// A doccano label item that is not `[start, end, "label"]`; left out.
    DoccanoLabelShape {
        /// The field (`label` or `labels`).
        key: String,
        /// Its index.
        index: usize,
    },
    /// A doccano entity without offsets and label; left out.
    DoccanoEntityFields {
        /// Its index.
        index: usize,
    },
    /// A doccano relation without type and ends; left out.
    DoccanoRelationFields {
        /// Its index.
        index: usize,
    },
    /// A line of predictions that is not JSON; left out.
    PredictionNotJson {
        /// The JSON parser's message.
        error: String,
    },
    /// A line of predictions without a `"text"` string; left out.
    PredictionNoText,
    /// A predicted span without start, end and label; left out.
    PredictionSpanFields {
        /// Its place in the line's list, from 1.
        span: usize,
    },
    /// Repairs made to an imported document before it was written.
    Written(crate::io::ImportRepair),
    // --- Exports ---
    /// A format that holds no links: a document's links not exported.
    LinksDropped {
        /// The document's name.
        document: String,
        /// The format.
        format: LinklessFormat,
        /// Links not exported.
        count: usize,
    },
    /// doccano's label form holds no links: a document's links not exported.
    DoccanoNoLinks {
        /// The document's name.
        document: String,
        /// Links not exported.
        count: usize,
    },
    /// brat cannot hold a span of only line breaks: not exported.
    OnlyLineBreaks {
        /// The document's name.
        document: String,
        /// The span's id.
        span: SpanId,
        /// Its label.
        label: String,
    },
    /// brat cannot hold line breaks at a span's ends: written without.
    LineBreaksTrimmed {
        /// The document's name.
        document: String,
        /// The span's id.
        span: SpanId,
        /// Its label.
        label: String,
    },
    /// Kept brat lines that refer to deleted annotations: left out.
    KeptLinesDropped {
        /// The document's name.
        document: String,
        /// Their ids.
        ids: Vec<String>,
    },
    /// A span a token-based export cannot hold: not exported.
    SpanLeftOut {
        /// The document's name.
        document: String,
        /// The span.
        span: SpanRef,
        /// Why.
        why: SpanLoss,
    },
    /// A span inside or crossing an earlier one: left out of the tag column.
    SpanHidden {
        /// The document's name.
        document: String,
        /// The span left out.
        span: SpanRef,
        /// Whether it lies inside the other (else it crosses it).
        inside: bool,
        /// The span kept.
        other: SpanRef,
        /// Whether the two have different labels (a layered export keeps it).
        other_label: bool,
    },
    /// Spans name an entity the registry does not have.
    UnknownEntity {
        /// The document's name.
        document: String,
        /// The entity id.
        id: String,
    },
    /// The schema has neither relation the events export reads.
    NoEventRelations {
        /// The document's name.
        document: String,
    },
    /// A label of a document not in the fixed labels file; its tokens written as O.
    LabelNotInLabelsFile {
        /// The document's name.
        document: String,
        /// The label.
        label: String,
    },
    /// A dataset card Hashiya did not write was kept.
    ForeignCard {
        /// Its path.
        path: String,
        /// The `datasets` loader of the split files (`json`, `parquet`).
        loader: String,
    },
    /// Two documents with one name: the second renamed.
    NameTaken {
        /// The name.
        name: String,
        /// The name the second got.
        renamed: String,
    },
    /// What loading an input had to say.
    Input(crate::io::InputWarning),
    /// The open document's orphaned spans, not exported.
    OpenOrphans {
        /// The article.
        article: String,
        /// Orphaned spans.
        spans: usize,
        /// Their links.
        links: usize,
    },
}

/// brat's line kind and count: `T line`, `R lines`.
fn lines_word(count: usize) -> &'static str {
    if count == 1 { "line" } else { "lines" }
}

/// The pairs a relation kind allows, as `Relation::pairs_text` words them.
fn pairs_text(pairs: &[(String, String)]) -> String {
    let text: Vec<String> = pairs.iter().map(|(h, c)| format!("from {h} to {c}")).collect();
    text.join(" or ")
}

impl fmt::Display for DataWarning {
    // One arm per warning, each its sentence: long, but flat.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SpanOutside { key, start, end, len } => {
                write!(
                    f,
                    "span {key} has range {start}..{end} outside the text (0..{len}); left out"
                )
            }
            Self::SpanTextDiffers {
                key,
                expected,
                start,
                end,
                actual,
            } => write!(
                f,
                "span {key} says it covers \"{expected}\" but {start}..{end} holds \"{actual}\"; offsets kept"
            ),
            Self::SpanIdRejected { key, why } => write!(f, "span id {key} {why}; given a new id"),
            Self::SpanKeyTwice { key } => write!(f, "span id {key} is used twice"),
            Self::NulCharacters { count } => write!(
                f,
                "{} in the text became U+FFFD",
                counted(*count, "NUL character", "NUL characters")
            ),
            Self::LineEnds => f.write_str("CRLF and CR line ends in the text became LF (spans moved with their text)"),
            Self::LinkMissingSpan { kind, from, to } => {
                write!(f, "{kind} link {from} → {to} refers to a missing span; left out")
            }
            Self::LinkNoRelation { kind, from, to } => {
                write!(
                    f,
                    "{kind} link {from} → {to}: the schema has no such relation; left out"
                )
            }
            Self::LinkRefused {
                kind,
                from,
                to,
                problem,
            } => {
                write!(f, "{kind} link {from} → {to} ")?;
                match problem {
                    LinkProblem::Labels { head, child, pairs } => write!(
                        f,
                        "goes from {head} to {child}; the schema's {kind} goes {}",
                        pairs_text(pairs)
                    )?,
                    LinkProblem::Repeats => f.write_str("repeats an earlier link")?,
                    LinkProblem::SecondOfHead { head } => {
                        write!(f, "is a second {kind} of its {head}, which has one only")?;
                    }
                }
                f.write_str("; left out")
            }
            Self::LinkIdRejected { kind, from, to, why } => {
                write!(f, "{kind} link {from} → {to}: link id {why}; given a new id")
            }
            Self::LinesLeftOut { count, lines } => {
                let numbers: Vec<String> = lines.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "{count} line(s) refer to annotations that were left out; skipped (lines {})",
                    numbers.join(", ")
                )
            }
            Self::RelationsWidened { pairs } => write!(
                f,
                "relation kinds of the schema now also allow the label pairs the input links: {}",
                pairs.join(", ")
            ),
            Self::BratLinesSkipped {
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
                            format!("line {line}")
                        } else {
                            format!("{id} at line {line}")
                        }
                    })
                    .collect();
                if *more > 0 {
                    listed.push(format!("… {more} more"));
                }
                write!(
                    f,
                    "{count} {kind} {} skipped: {reason} ({})",
                    lines_word(*count),
                    listed.join(", ")
                )
            }
            Self::Discontinuous { id, start, end } => {
                write!(f, "{id}: discontinuous span read as one range {start}..{end}")
            }
            Self::BratTextDiffers { id, field, expected } => write!(
                f,
                "{id}: text field \"{field}\" differs from the text at its offsets \"{expected}\"; offsets kept"
            ),
            Self::AnnWithoutTxt { stem } => write!(f, "{stem}.ann has no {stem}.txt; skipped"),
            Self::EmptyToken => f.write_str("empty token; skipped"),
            Self::TokenWithSpaces { token } => write!(
                f,
                "token \"{token}\" contains whitespace; kept as one token, each space held as a no-break space (exported as a space)"
            ),
            Self::LayeredTokenSkipped => {
                f.write_str("empty token or token with spaces in a layered file; line skipped")
            }
            Self::TagColumns { found, named } => {
                write!(
                    f,
                    "{found} tag columns where the header names {named}; missing tags read as O"
                )
            }
            Self::NoTag => f.write_str("no tag; read as O"),
            Self::NoTagInColumn { column } => write!(f, "no tag in column {column}; read as O"),
            Self::StrayInside { tag, kind } => write!(f, "{tag} follows no {kind} span; starts a new one"),
            Self::BareTag { kind } => {
                write!(f, "tag \"{kind}\" has no B-/I- prefix; such tags are read as IO tags")
            }
            Self::NotJson { error } => write!(f, "not JSON ({error}); line skipped"),
            Self::NoText => f.write_str("no \"text\" string; line skipped"),
            Self::UnknownStatus { name, fallback } => write!(f, "unknown status \"{name}\"; {}", fallback.label()),
            Self::NotAList { key } => write!(f, "\"{key}\" is not a list; ignored"),
            Self::SpanFields { index } => write!(f, "spans[{index}] needs start, end and label; left out"),
            Self::RelationFields { index } => {
                write!(f, "relations[{index}] needs label, head and child; left out")
            }
            Self::AttributeItem { index, item } => write!(
                f,
                "spans[{index}].attributes holds {item} (not {{\"name\", \"value\"}}); left out"
            ),
            Self::AttributesNotList { index, value } => {
                write!(f, "spans[{index}].attributes is {value} (not a list); ignored")
            }
            Self::BadEntityId { index, text } => write!(
                f,
                "spans[{index}].entity: {}; left out",
                crate::model::BadEntityId(text.clone())
            ),
            Self::EntityNotId { index, value } => write!(
                f,
                "spans[{index}].entity is {value} (not an id such as \"E3\"); left out"
            ),
            Self::DoccanoLabelShape { key, index } => {
                write!(f, "{key}[{index}] is not [start, end, \"label\"]; left out")
            }
            Self::DoccanoEntityFields { index } => write!(
                f,
                "entities[{index}] needs start_offset, end_offset and label; left out"
            ),
            Self::DoccanoRelationFields { index } => {
                write!(f, "relations[{index}] needs type, from_id and to_id; left out")
            }
            Self::PredictionNotJson { error } => write!(f, "not JSON ({error}); line left out"),
            Self::PredictionNoText => f.write_str("no \"text\" string; line left out"),
            Self::PredictionSpanFields { span } => {
                write!(f, "span {span} has no start, end and label; left out")
            }
            Self::Written(repair) => write!(f, "{repair}"),
            Self::LinksDropped {
                document,
                format,
                count,
            } => write!(
                f,
                "{document}: {format} holds no links; {} not exported",
                counted(*count, "link", "links")
            ),
            Self::DoccanoNoLinks { document, count } => write!(
                f,
                "{document}: doccano's label form holds no links; {} not exported (use --jsonl-flavor doccano-relations)",
                counted(*count, "link", "links")
            ),
            Self::OnlyLineBreaks { document, span, label } => write!(
                f,
                "{document}: span {span} ({label}) covers only line breaks; brat cannot hold it"
            ),
            Self::LineBreaksTrimmed { document, span, label } => write!(
                f,
                "{document}: span {span} ({label}) starts or ends with a line break; brat cannot hold it, written without"
            ),
            Self::KeptLinesDropped { document, ids } => write!(
                f,
                "{document}: {} kept brat line(s) refer to deleted annotations and are left out ({})",
                ids.len(),
                ids.join(", ")
            ),
            Self::SpanLeftOut { document, span, why } => {
                write!(f, "{document}: span {span} {why}; not exported")
            }
            Self::SpanHidden {
                document,
                span,
                inside,
                other,
                other_label,
            } => {
                let what = if *inside { "lies inside" } else { "crosses" };
                let hint = if *other_label {
                    " (a layered CoNLL export keeps it)"
                } else {
                    ""
                };
                write!(
                    f,
                    "{document}: span {span} {what} span {other}; left out of the tag column{hint}"
                )
            }
            Self::UnknownEntity { document, id } => write!(
                f,
                "{document}: spans name entity {id}, which the entity registry does not have"
            ),
            Self::NoEventRelations { document } => write!(
                f,
                "{document}: the schema has neither a \"{}\" nor a \"{}\" relation, so no action or quote to export",
                crate::export::events::PARTY,
                crate::export::events::SPEAKER
            ),
            Self::LabelNotInLabelsFile { document, label } => write!(
                f,
                "{document}: label \"{label}\" is not in {}; its tokens written as O",
                crate::export::token_classification::LABELS_FILE
            ),
            Self::ForeignCard { path, loader } => write!(
                f,
                "{path} is not a dataset card Hashiya wrote; kept, so load the splits with load_dataset(\"{loader}\", data_files=...)"
            ),
            Self::NameTaken { name, renamed } => {
                write!(f, "two documents are named {name}; the second is written as {renamed}")
            }
            Self::Input(warning) => write!(f, "{warning}"),
            Self::OpenOrphans { article, spans, links } => write!(
                f,
                "{article}: {} and {} of theirs are not exported",
                counted(*spans, "orphaned span", "orphaned spans"),
                counted(*links, "link", "links")
            ),
        }
    }
}
