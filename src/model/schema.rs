use serde::{Deserialize, Serialize};

/// An sRGB colour, stored as `(r, g, b)` in schema files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// An optional attribute of a label, with its allowed values (empty: free text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeDef {
    /// Attribute name, for example `type`.
    pub name: String,
    /// Allowed values, for example `person`, `organisation`; empty for free text.
    #[serde(default)]
    pub values: Vec<String>,
}

/// A span label: what annotators mark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    /// Unique name, for example `Actor`.
    pub name: String,
    /// Highlight colour; chosen to read on light and dark themes as a translucent tint.
    pub color: Rgb,
    /// One-key shortcut that applies the label (for example `'1'`).
    #[serde(default)]
    pub shortcut: Option<char>,
    /// One line shown as a tooltip.
    #[serde(default)]
    pub description: String,
    /// Optional attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
    /// Name shown in the window instead of `name` (brat's `visual.conf` display name, for a
    /// label whose name is a brat type such as `GPE`); `name` stays what files store.
    #[serde(default)]
    pub display_name: Option<String>,
    /// An event type: a span with this label is an event's trigger and its outgoing links are
    /// the event's role arguments (brat `E` lines).
    #[serde(default)]
    pub event: bool,
}

impl LabelDef {
    /// A label with this name and colour and nothing else set.
    #[must_use]
    pub fn new(name: impl Into<String>, color: Rgb) -> Self {
        Self {
            name: name.into(),
            color,
            shortcut: None,
            description: String::new(),
            attributes: Vec::new(),
            display_name: None,
            event: false,
        }
    }

    /// The name to show: the display name when there is one, else the name.
    #[must_use]
    pub fn shown_name(&self) -> &str {
        self.display_name.as_deref().unwrap_or(&self.name)
    }
}

/// A link kind between two labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationDef {
    /// Unique name, for example `speaker`.
    pub name: String,
    /// Label of the head span (for example `Quote`).
    pub from_label: String,
    /// Label of the child span (for example `Actor`).
    pub to_label: String,
    /// Whether a head may have several links of this kind (parties: yes; speaker: no).
    #[serde(default)]
    pub multiple: bool,
    /// One-key shortcut that starts linking from a selected head span (for example `'s'`).
    #[serde(default)]
    pub shortcut: Option<char>,
    /// One line shown as a tooltip.
    #[serde(default)]
    pub description: String,
    /// Further allowed (head label, child label) pairs besides `from_label` → `to_label`
    /// (a dependency relation such as `punct` goes from many labels to many).
    #[serde(default)]
    pub other_pairs: Vec<(String, String)>,
    /// Any head and child label are allowed (`from_label`, `to_label` are then only the
    /// first pair seen; an imported corpus that states no rule for the kind).
    #[serde(default)]
    pub any_labels: bool,
    /// How many links of this kind each head span needs before the "missing-link" check is
    /// satisfied; `None`: the rule of thumb (one for a single-valued kind such as a quote's
    /// speaker, two for a kind with several such as an agreement's parties, none between any
    /// labels). Imports set `Some(0)`: a corpus states no such rule.
    #[serde(default)]
    pub min_links: Option<u32>,
}

impl RelationDef {
    /// A relation from one label to another, single-valued, with nothing else set.
    #[must_use]
    pub fn new(name: impl Into<String>, from_label: impl Into<String>, to_label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            from_label: from_label.into(),
            to_label: to_label.into(),
            multiple: false,
            shortcut: None,
            description: String::new(),
            other_pairs: Vec::new(),
            any_labels: false,
            min_links: None,
        }
    }

    /// Links of this kind each head span needs ([`Self::min_links`] or its rule of thumb).
    #[must_use]
    pub fn required_links(&self) -> u32 {
        match self.min_links {
            Some(count) => count,
            None if self.any_labels => 0,
            None if self.multiple => 2,
            None => 1,
        }
    }

    /// Every allowed (head, child) pair that is named (the first is `from_label` → `to_label`).
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once((self.from_label.as_str(), self.to_label.as_str()))
            .chain(self.other_pairs.iter().map(|(h, c)| (h.as_str(), c.as_str())))
    }

    /// Whether a link of this kind may go from a `head` span to a `child` span.
    #[must_use]
    pub fn allows(&self, head: &str, child: &str) -> bool {
        self.any_labels || self.pairs().any(|pair| pair == (head, child))
    }

    /// Whether a span with this label may be the head of a link of this kind.
    #[must_use]
    pub fn allows_head(&self, head: &str) -> bool {
        self.any_labels || self.pairs().any(|(h, _)| h == head)
    }

    /// The allowed pairs in words, for messages: `from Quote to Actor`, `from A to P or from
    /// N to P`, `between any labels`.
    #[must_use]
    pub fn pairs_text(&self) -> String {
        if self.any_labels {
            return "between any labels".to_owned();
        }
        self.pairs()
            .map(|(h, c)| format!("from {h} to {c}"))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// Adds an allowed pair (no-op when it is allowed already).
    pub fn allow(&mut self, head: &str, child: &str) {
        if !self.allows(head, child) {
            self.other_pairs.push((head.to_owned(), child.to_owned()));
        }
    }
}

/// The labels and relation kinds of a project; saved with each annotation file so that the
/// file describes itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    /// Span labels, in the order shown to the user.
    pub labels: Vec<LabelDef>,
    /// Link kinds.
    #[serde(default)]
    pub relations: Vec<RelationDef>,
    /// Names of the annotation checks this project turns off (see `hashiya check --list`).
    #[serde(default)]
    pub disabled_checks: Vec<String>,
    /// The word lists of the suggestion rules, when the project keeps its own (the defaults,
    /// general Arabic news style, otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_rules: Option<Box<crate::model::SuggestionRules>>,
}

/// Why a schema is unusable.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum SchemaError {
    /// The RON text does not parse as a schema.
    #[error("schema does not parse: {0}")]
    Parse(String),
    /// Two labels share a name.
    #[error("label \"{0}\" is defined twice")]
    DuplicateLabel(String),
    /// Two relation kinds share a name.
    #[error("relation \"{0}\" is defined twice")]
    DuplicateRelation(String),
    /// A relation names a label the schema does not define.
    #[error("relation \"{relation}\" refers to unknown label \"{label}\"")]
    UnknownLabel {
        /// The relation.
        relation: String,
        /// The missing label.
        label: String,
    },
    /// A schema needs at least one label to annotate anything.
    #[error("schema has no labels")]
    NoLabels,
}

/// Colours for labels added later (by an import, or by the user): distinct tints that read on
/// light and dark themes.
pub const LABEL_PALETTE: [Rgb; 8] = [
    Rgb(156, 39, 176),
    Rgb(0, 150, 136),
    Rgb(233, 30, 99),
    Rgb(121, 85, 72),
    Rgb(63, 81, 181),
    Rgb(205, 160, 0),
    Rgb(96, 125, 139),
    Rgb(139, 195, 74),
];

/// The bundled default schema (Actor, Quote, Agreed action; speaker, party).
const DEFAULT_SCHEMA_RON: &str = include_str!("../../assets/schemas/default.ron");

impl Schema {
    /// The default schema shipped in `assets/schemas/default.ron`.
    #[must_use]
    pub fn default_schema() -> Self {
        // The bundled file is checked by a unit test, so this fallback is never expected.
        Self::from_ron(DEFAULT_SCHEMA_RON).unwrap_or_else(|_| Self {
            labels: Vec::new(),
            relations: Vec::new(),
            disabled_checks: Vec::new(),
            suggestion_rules: None,
        })
    }

    /// Parses and validates a schema written in RON.
    pub fn from_ron(text: &str) -> Result<Self, SchemaError> {
        let schema: Self = ron::from_str(text).map_err(|e| SchemaError::Parse(e.to_string()))?;
        schema.validate()?;
        Ok(schema)
    }

    /// Checks names are unique and relations refer to defined labels.
    pub fn validate(&self) -> Result<(), SchemaError> {
        if self.labels.is_empty() {
            return Err(SchemaError::NoLabels);
        }
        let mut seen = std::collections::HashSet::new();
        for label in &self.labels {
            if !seen.insert(label.name.as_str()) {
                return Err(SchemaError::DuplicateLabel(label.name.clone()));
            }
        }
        let mut seen_relations = std::collections::HashSet::new();
        for relation in &self.relations {
            if !seen_relations.insert(relation.name.as_str()) {
                return Err(SchemaError::DuplicateRelation(relation.name.clone()));
            }
            for label in relation.pairs().flat_map(|(h, c)| [h, c]) {
                if self.label(label).is_none() {
                    return Err(SchemaError::UnknownLabel {
                        relation: relation.name.clone(),
                        label: label.to_owned(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The label with this name.
    #[must_use]
    pub fn label(&self, name: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The relation kind with this name.
    #[must_use]
    pub fn relation(&self, name: &str) -> Option<&RelationDef> {
        self.relations.iter().find(|r| r.name == name)
    }

    /// The label bound to a shortcut key.
    #[must_use]
    pub fn label_for_shortcut(&self, key: char) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.shortcut == Some(key))
    }

    /// Relation kinds whose head may have this label.
    pub fn relations_from<'a>(&'a self, label: &'a str) -> impl Iterator<Item = &'a RelationDef> {
        self.relations.iter().filter(move |r| r.allows_head(label))
    }

    /// The name to show for a label (its display name, else the name itself).
    #[must_use]
    pub fn shown_label<'a>(&'a self, name: &'a str) -> &'a str {
        self.label(name).map_or(name, LabelDef::shown_name)
    }
}

impl Default for Schema {
    fn default() -> Self {
        Self::default_schema()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_default_schema_is_valid() {
        let schema = Schema::from_ron(DEFAULT_SCHEMA_RON).expect("bundled schema parses");
        let names: Vec<_> = schema.labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Actor", "Quote", "Agreed action"]);
        assert_eq!(schema.label_for_shortcut('2').map(|l| l.name.as_str()), Some("Quote"));
        let speaker = schema.relation("speaker").expect("speaker relation");
        assert_eq!(
            (speaker.from_label.as_str(), speaker.to_label.as_str()),
            ("Quote", "Actor")
        );
        assert!(!speaker.multiple);
        assert!(schema.relation("party").expect("party").multiple);
    }

    #[test]
    fn relations_allow_several_label_pairs_or_any() {
        let mut punct = RelationDef::new("punct", "V", "Punct");
        punct.other_pairs.push(("N".into(), "Punct".into()));
        assert!(punct.allows("V", "Punct") && punct.allows("N", "Punct"));
        assert!(!punct.allows("Punct", "N") && !punct.allows_head("A"));
        assert_eq!(punct.pairs_text(), "from V to Punct or from N to Punct");
        punct.allow("A", "Punct");
        punct.allow("V", "Punct");
        assert_eq!(punct.other_pairs.len(), 2);
        punct.any_labels = true;
        assert!(punct.allows("X", "Y") && punct.allows_head("X"));
        let mut schema = Schema::default_schema();
        schema.relations.push(RelationDef {
            other_pairs: vec![("Actor".into(), "Nowhere".into())],
            ..RelationDef::new("r", "Actor", "Quote")
        });
        assert!(matches!(schema.validate(), Err(SchemaError::UnknownLabel { label, .. }) if label == "Nowhere"));
        let mut label = LabelDef::new("GPE", Rgb(1, 2, 3));
        assert_eq!(label.shown_name(), "GPE");
        label.display_name = Some("Geo-political entity".into());
        assert_eq!(label.shown_name(), "Geo-political entity");
    }

    #[test]
    fn bad_schemas_are_errors() {
        assert!(matches!(Schema::from_ron("(labels: ["), Err(SchemaError::Parse(_))));
        assert_eq!(Schema::from_ron("(labels: [])"), Err(SchemaError::NoLabels));
        let dup = r#"(labels: [(name: "A", color: (1, 2, 3)), (name: "A", color: (1, 2, 3))])"#;
        assert_eq!(Schema::from_ron(dup), Err(SchemaError::DuplicateLabel("A".into())));
        let unknown = r#"(labels: [(name: "A", color: (1, 2, 3))],
            relations: [(name: "r", from_label: "A", to_label: "B")])"#;
        assert!(matches!(
            Schema::from_ron(unknown),
            Err(SchemaError::UnknownLabel { .. })
        ));
    }
}
