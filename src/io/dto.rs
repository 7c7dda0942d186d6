//! The annotation file as serde sees it (format versions 1, 2 and 3). These types mirror the
//! file, not the model, so the model can change without changing the format. Version 2 only
//! adds optional fields (a label's `display_name` and `event`, a relation's `other_pairs`,
//! `any_labels` and `min_links`, the schema's `disabled_checks`, the file's `brat_lines`), and
//! version 3 one more (a span's `entity`), so one set of types reads them all; a file is
//! written with the lowest version that holds what it uses, so that older Hashiya versions
//! still open it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    AttributeDef, Document, LabelDef, Link, LinkId, RelationDef, Rgb, Schema, Span, SpanId, Status, Tokenization,
};

/// A whole annotation file.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "annotation file", deny_unknown_fields)]
pub(crate) struct FileDto {
    pub format_version: u64,
    pub document: IdentityDto,
    #[serde(default)]
    pub annotator: String,
    #[serde(default)]
    pub status: StatusDto,
    /// How the token-based exports cut the text (`Whitespace` for an imported `CoNLL` file;
    /// written only then). Version 4.
    #[serde(default)]
    pub tokenization: TokenizationDto,
    pub schema: SchemaDto,
    #[serde(default)]
    pub spans: Vec<SpanDto>,
    #[serde(default)]
    pub links: Vec<LinkDto>,
    /// Spans that could not be placed in the article, kept so that saving never drops them.
    #[serde(default)]
    pub orphans: Vec<SpanDto>,
    /// brat lines Hashiya does not model (equivalences, normalizations, …), with ids that
    /// refer to this file's spans and links; written back by the brat export. Version 2.
    #[serde(default)]
    pub brat_lines: Vec<String>,
    /// Suggested spans (not annotations). Version 4.
    #[serde(default)]
    pub suggestions: Vec<SuggestionDto>,
    /// Suggested links. Version 4.
    #[serde(default)]
    pub suggested_links: Vec<SuggestedLinkDto>,
    /// Rejected span suggestions, never proposed again. Version 4.
    #[serde(default)]
    pub rejected: Vec<RejectedDto>,
    /// Rejected link suggestions. Version 4.
    #[serde(default)]
    pub rejected_links: Vec<RejectedLinkDto>,
}

/// Who made a suggestion, as written in files (`Matcher`, `Imported("camelbert")`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "source")]
pub(crate) enum SourceDto {
    Matcher,
    Rules,
    Tagger,
    Imported(String),
}

/// A suggested span. Version 4.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename = "suggestion", deny_unknown_fields)]
pub(crate) struct SuggestionDto {
    pub id: u64,
    pub label: String,
    pub start: u64,
    pub end: u64,
    /// The text covered; a suggestion whose text is no longer there is dropped on load.
    pub text: String,
    pub score: f32,
    pub source: SourceDto,
}

/// One end of a suggested link: a span id or a suggestion id.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "end")]
pub(crate) enum EndDto {
    Span(u64),
    Suggested(u64),
}

/// A suggested link. Version 4.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename = "suggested_link", deny_unknown_fields)]
pub(crate) struct SuggestedLinkDto {
    pub id: u64,
    pub kind: String,
    pub from: EndDto,
    pub to: EndDto,
    pub score: f32,
    pub source: SourceDto,
}

// Scores read from files are checked to be numbers (`check_file`), and the model's are
// clamped, so equality is an equivalence.
impl Eq for SuggestionDto {}
impl Eq for SuggestedLinkDto {}

/// A rejected span suggestion. Version 4.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "rejected", deny_unknown_fields)]
pub(crate) struct RejectedDto {
    pub label: String,
    pub start: u64,
    pub end: u64,
}

/// A rejected link suggestion, by its kind and its ends' char ranges. Version 4.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "rejected_link", deny_unknown_fields)]
pub(crate) struct RejectedLinkDto {
    pub kind: String,
    pub from: (u64, u64),
    pub to: (u64, u64),
}

/// Which text the offsets refer to.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "document", deny_unknown_fields)]
pub(crate) struct IdentityDto {
    /// The article's file name.
    pub file: String,
    /// SHA-256 of the normalized text's UTF-8 bytes, lowercase hex.
    pub sha256: String,
    /// Length of the normalized text in chars.
    pub char_len: u64,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename = "status")]
pub(crate) enum StatusDto {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

/// A file's `tokenization`. Version 4.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename = "tokenization")]
pub(crate) enum TokenizationDto {
    /// Unicode words and sentences (not written: the default).
    #[default]
    Words,
    /// Tokens between single spaces, sentences on lines.
    Whitespace,
}

impl From<Tokenization> for TokenizationDto {
    fn from(tokenization: Tokenization) -> Self {
        match tokenization {
            Tokenization::Words => Self::Words,
            Tokenization::Whitespace => Self::Whitespace,
        }
    }
}

impl From<TokenizationDto> for Tokenization {
    fn from(tokenization: TokenizationDto) -> Self {
        match tokenization {
            TokenizationDto::Words => Self::Words,
            TokenizationDto::Whitespace => Self::Whitespace,
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "schema", deny_unknown_fields)]
pub(crate) struct SchemaDto {
    pub labels: Vec<LabelDto>,
    #[serde(default)]
    pub relations: Vec<RelationDto>,
    /// Version 2.
    #[serde(default)]
    pub disabled_checks: Vec<String>,
    /// The project's own word lists for the suggestion rules. Version 4.
    #[serde(default)]
    pub suggestion_rules: Option<Box<crate::model::SuggestionRules>>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "label", deny_unknown_fields)]
pub(crate) struct LabelDto {
    pub name: String,
    pub color: (u8, u8, u8),
    #[serde(default)]
    pub shortcut: Option<char>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub attributes: Vec<AttributeDto>,
    /// Version 2.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Version 2.
    #[serde(default)]
    pub event: bool,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "attribute", deny_unknown_fields)]
pub(crate) struct AttributeDto {
    pub name: String,
    #[serde(default)]
    pub values: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "relation", deny_unknown_fields)]
pub(crate) struct RelationDto {
    pub name: String,
    pub from_label: String,
    pub to_label: String,
    #[serde(default)]
    pub multiple: bool,
    #[serde(default)]
    pub shortcut: Option<char>,
    #[serde(default)]
    pub description: String,
    /// Version 2.
    #[serde(default)]
    pub other_pairs: Vec<(String, String)>,
    /// Version 2.
    #[serde(default)]
    pub any_labels: bool,
    /// Version 2.
    #[serde(default)]
    pub min_links: Option<u32>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "span", deny_unknown_fields)]
pub(crate) struct SpanDto {
    pub id: u64,
    pub label: String,
    pub start: u64,
    pub end: u64,
    /// The exact text covered, used to re-anchor the span when the article changed.
    pub text: String,
    #[serde(default)]
    pub attributes: Attributes,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub needs_review: bool,
    /// The entity the span mentions, as its id (`"E3"`). Version 3.
    #[serde(default)]
    pub entity: Option<String>,
}

/// A span's attributes. A map in the file may name an attribute twice; a map type would keep
/// the last value without a word, so the values it replaces are kept for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attributes {
    /// Name → value (the last value of a repeated name).
    pub map: BTreeMap<String, String>,
    /// `(name, value)` pairs replaced by a later value of the same name, in file order.
    pub replaced: Vec<(String, String)>,
}

impl Attributes {
    /// Adds a pair as read from the file.
    pub fn insert(&mut self, name: String, value: String) {
        if let Some(previous) = self.map.insert(name.clone(), value) {
            self.replaced.push((name, previous));
        }
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AttributesVisitor;
        impl<'de> serde::de::Visitor<'de> for AttributesVisitor {
            type Value = Attributes;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of attribute names to values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Attributes, A::Error> {
                let mut attributes = Attributes::default();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    attributes.insert(name, value);
                }
                Ok(attributes)
            }
        }
        deserializer.deserialize_map(AttributesVisitor)
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename = "link", deny_unknown_fields)]
pub(crate) struct LinkDto {
    pub id: u64,
    pub kind: String,
    pub from: u64,
    pub to: u64,
}

/// Only the version, read when a file does not parse as version 1, to tell "newer version"
/// from "malformed".
#[derive(Deserialize)]
pub(crate) struct VersionProbe {
    pub format_version: u64,
}

impl FileDto {
    /// The file for a document (and the orphans to keep), with the text's identity.
    pub fn from_document(document: &Document, orphans: &[crate::io::OrphanSpan]) -> Self {
        let spans = document
            .spans()
            .iter()
            .map(|span| SpanDto::from_span(span, document.span_text(span)))
            .collect();
        let mut links: Vec<LinkDto> = document.links().iter().map(LinkDto::from_link).collect();
        for orphan in orphans {
            for link in &orphan.links {
                if !links.iter().any(|l| l.id == link.id.0) {
                    links.push(LinkDto::from_link(link));
                }
            }
        }
        let meta = document.meta();
        let mut file = Self {
            format_version: crate::io::FORMAT_VERSION,
            document: IdentityDto {
                file: meta.source_name.clone(),
                sha256: crate::io::sha256_hex(document.text()),
                char_len: document.char_len() as u64,
            },
            annotator: meta.annotator.clone(),
            status: StatusDto::from(meta.status),
            tokenization: TokenizationDto::from(document.tokenization()),
            schema: SchemaDto::from(document.schema()),
            spans,
            links,
            orphans: orphans.iter().map(|o| SpanDto::from_span(&o.span, &o.text)).collect(),
            brat_lines: document.brat_lines().to_vec(),
            suggestions: Vec::new(),
            suggested_links: Vec::new(),
            rejected: Vec::new(),
            rejected_links: Vec::new(),
        };
        file.set_suggestions(document);
        file.format_version = file.lowest_version();
        file
    }

    /// The lowest format version that holds this file: 4 when it holds suggestions or
    /// rejections or a `tokenization`, 3 when a span names an entity, 2 when
    /// it uses another field of version 2, else 1.
    pub fn lowest_version(&self) -> u64 {
        let suggests = self.schema.suggestion_rules.is_some()
            || !self.suggestions.is_empty()
            || !self.suggested_links.is_empty()
            || !self.rejected.is_empty()
            || !self.rejected_links.is_empty();
        if suggests || self.tokenization != TokenizationDto::Words {
            return 4;
        }
        if self.spans.iter().chain(&self.orphans).any(|s| s.entity.is_some()) {
            return 3;
        }
        let labels = self.schema.labels.iter().any(|l| l.display_name.is_some() || l.event);
        let relations = self
            .schema
            .relations
            .iter()
            .any(|r| !r.other_pairs.is_empty() || r.any_labels || r.min_links.is_some());
        let checks = !self.schema.disabled_checks.is_empty();
        if labels || relations || checks || !self.brat_lines.is_empty() {
            2
        } else {
            1
        }
    }
}

impl SpanDto {
    fn from_span(span: &Span, text: &str) -> Self {
        Self {
            id: span.id.0,
            label: span.label.clone(),
            start: span.char_start as u64,
            end: span.char_end as u64,
            text: text.to_owned(),
            attributes: Attributes {
                map: span.attributes.clone(),
                replaced: Vec::new(),
            },
            note: span.note.clone(),
            needs_review: span.needs_review,
            entity: span.entity.map(|id| id.to_string()),
        }
    }

    /// The model span at the given char range (offsets already checked to fit `usize`, the
    /// entity id to parse, by `check_file`).
    pub fn to_span(&self, char_start: usize, char_end: usize) -> Span {
        Span {
            id: SpanId(self.id),
            label: self.label.clone(),
            char_start,
            char_end,
            attributes: self.attributes.map.clone(),
            note: self.note.clone(),
            needs_review: self.needs_review,
            entity: self.entity.as_deref().and_then(|id| id.parse().ok()),
        }
    }

    /// The canonical order in files.
    pub fn sort_key(&self) -> (u64, u64, u64) {
        (self.start, self.end, self.id)
    }
}

impl LinkDto {
    fn from_link(link: &Link) -> Self {
        Self {
            id: link.id.0,
            kind: link.kind.clone(),
            from: link.from.0,
            to: link.to.0,
        }
    }

    pub fn to_link(&self) -> Link {
        Link {
            id: LinkId(self.id),
            kind: self.kind.clone(),
            from: SpanId(self.from),
            to: SpanId(self.to),
        }
    }
}

impl From<Status> for StatusDto {
    fn from(status: Status) -> Self {
        match status {
            Status::NotStarted => Self::NotStarted,
            Status::InProgress => Self::InProgress,
            Status::Done => Self::Done,
        }
    }
}

impl From<StatusDto> for Status {
    fn from(status: StatusDto) -> Self {
        match status {
            StatusDto::NotStarted => Self::NotStarted,
            StatusDto::InProgress => Self::InProgress,
            StatusDto::Done => Self::Done,
        }
    }
}

impl StatusDto {
    /// The variant name as written in files.
    pub fn name(self) -> &'static str {
        match self {
            Self::NotStarted => "NotStarted",
            Self::InProgress => "InProgress",
            Self::Done => "Done",
        }
    }
}

impl From<&Schema> for SchemaDto {
    fn from(schema: &Schema) -> Self {
        Self {
            labels: schema
                .labels
                .iter()
                .map(|label| LabelDto {
                    name: label.name.clone(),
                    color: (label.color.0, label.color.1, label.color.2),
                    shortcut: label.shortcut,
                    description: label.description.clone(),
                    attributes: label
                        .attributes
                        .iter()
                        .map(|a| AttributeDto {
                            name: a.name.clone(),
                            values: a.values.clone(),
                        })
                        .collect(),
                    display_name: label.display_name.clone(),
                    event: label.event,
                })
                .collect(),
            relations: schema
                .relations
                .iter()
                .map(|r| RelationDto {
                    name: r.name.clone(),
                    from_label: r.from_label.clone(),
                    to_label: r.to_label.clone(),
                    multiple: r.multiple,
                    shortcut: r.shortcut,
                    description: r.description.clone(),
                    other_pairs: r.other_pairs.clone(),
                    any_labels: r.any_labels,
                    min_links: r.min_links,
                })
                .collect(),
            disabled_checks: schema.disabled_checks.clone(),
            suggestion_rules: schema.suggestion_rules.clone(),
        }
    }
}

impl From<&SchemaDto> for Schema {
    fn from(schema: &SchemaDto) -> Self {
        Self {
            labels: schema
                .labels
                .iter()
                .map(|label| LabelDef {
                    name: label.name.clone(),
                    color: Rgb(label.color.0, label.color.1, label.color.2),
                    shortcut: label.shortcut,
                    description: label.description.clone(),
                    attributes: label
                        .attributes
                        .iter()
                        .map(|a| AttributeDef {
                            name: a.name.clone(),
                            values: a.values.clone(),
                        })
                        .collect(),
                    display_name: label.display_name.clone(),
                    event: label.event,
                })
                .collect(),
            relations: schema
                .relations
                .iter()
                .map(|r| RelationDef {
                    name: r.name.clone(),
                    from_label: r.from_label.clone(),
                    to_label: r.to_label.clone(),
                    multiple: r.multiple,
                    shortcut: r.shortcut,
                    description: r.description.clone(),
                    other_pairs: r.other_pairs.clone(),
                    any_labels: r.any_labels,
                    min_links: r.min_links,
                })
                .collect(),
            disabled_checks: schema.disabled_checks.clone(),
            suggestion_rules: schema.suggestion_rules.clone(),
        }
    }
}
