use std::collections::{BTreeMap, HashMap};

use crate::export::assemble::PendingDocument;
use crate::export::names::{storage_name, tag_name};
use crate::export::warning::DataWarning;
use crate::export::{ImportOptions, ImportReport};
use crate::model::{AttributeDef, LABEL_PALETTE as PALETTE, LabelDef, RelationDef, Schema};

/// Which (head, child) label pairs a relation kind of the input allows, as its format states
/// it (brat's `annotation.conf`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PairRule {
    /// Any labels (no rule, or a rule with `<ENTITY>`, `<ANY>` …).
    Any,
    /// These pairs of input type names.
    Pairs(Vec<(String, String)>),
}

/// Turns the tags, types and relation names an input uses into schema names, adding what
/// the schema lacks. Order of resolution: the user's `--map`, then format renames (brat's
/// `visual.conf` display names), then a schema name, then a schema name whose `CoNLL` or
/// brat spelling it is (`Agreed_action` → `Agreed action`), else the name itself, added.
pub(crate) struct SchemaBuilder<'o> {
    schema: Schema,
    map: &'o BTreeMap<String, String>,
    renames: BTreeMap<String, String>,
    resolved: HashMap<String, String>,
    labels_added: Vec<String>,
    relations_added: Vec<String>,
    /// `None`: the format states no rules, a new kind allows the pairs seen.
    rules: Option<BTreeMap<String, PairRule>>,
    /// Pairs added to relation kinds of the starting schema, for the report.
    widened: Vec<String>,
}

impl<'o> SchemaBuilder<'o> {
    pub(crate) fn new(options: &'o ImportOptions) -> Self {
        Self {
            schema: options.schema.clone(),
            map: &options.label_map,
            renames: BTreeMap::new(),
            resolved: HashMap::new(),
            labels_added: Vec::new(),
            relations_added: Vec::new(),
            rules: None,
            widened: Vec::new(),
        }
    }

    /// Adds the format's rules for relation kinds: a new kind allows the pairs of its rule
    /// (or any pair: [`PairRule::Any`], also for a kind the rules do not name) besides the
    /// pairs seen. A kind named `Theme2` follows the rule of `Theme` (brat's numbered roles).
    pub(crate) fn with_pair_rules(mut self, rules: BTreeMap<String, PairRule>) -> Self {
        self.rules = Some(rules);
        self
    }

    /// The label an input name was resolved to, when it was used as a label.
    pub(crate) fn resolved_label(&self, raw: &str) -> Option<String> {
        self.resolved.get(raw).cloned()
    }

    /// Marks a label as an event type (brat `E` lines).
    pub(crate) fn mark_event(&mut self, label: &str) {
        if let Some(def) = self.schema.labels.iter_mut().find(|l| l.name == label) {
            def.event = true;
        }
    }

    /// Sets a label's display name unless it has one or it equals the name.
    pub(crate) fn display_name(&mut self, label: &str, display_name: &str) {
        if let Some(def) = self.schema.labels.iter_mut().find(|l| l.name == label)
            && def.display_name.is_none()
            && def.name != display_name
        {
            def.display_name = Some(display_name.to_owned());
        }
    }

    /// Adds renames a format carries itself (brat's `visual.conf`), used after `--map`.
    pub(crate) fn with_renames(mut self, renames: BTreeMap<String, String>) -> Self {
        self.renames = renames;
        self
    }

    /// The schema label for an input tag type or label, added to the schema when new.
    pub(crate) fn label(&mut self, raw: &str) -> String {
        if let Some(label) = self.resolved.get(raw) {
            return label.clone();
        }
        let label = self.resolve(raw, |schema, name| {
            schema
                .labels
                .iter()
                .find(|l| l.name == name)
                .or_else(|| {
                    schema
                        .labels
                        .iter()
                        .find(|l| tag_name(&l.name) == name || storage_name(&l.name) == name)
                })
                .map(|l| l.name.clone())
        });
        if self.schema.label(&label).is_none() {
            let color = PALETTE[self.labels_added.len() % PALETTE.len()];
            self.schema.labels.push(LabelDef::new(label.clone(), color));
            self.labels_added.push(label.clone());
        }
        self.resolved.insert(raw.to_owned(), label.clone());
        label
    }

    /// The schema relation kind for an input relation name, allowing a link of it from
    /// `from_label` to `to_label`: a new kind is added (first pair: these labels), a known kind
    /// that does not allow the pair is widened to allow it (reported), so that every imported
    /// link is valid.
    pub(crate) fn relation(&mut self, raw: &str, from_label: &str, to_label: &str) -> String {
        let name = self.resolve(raw, |schema, name| {
            schema
                .relations
                .iter()
                .find(|r| r.name == name)
                .or_else(|| schema.relations.iter().find(|r| storage_name(&r.name) == name))
                .map(|r| r.name.clone())
        });
        if let Some(relation) = self.schema.relations.iter_mut().find(|r| r.name == name) {
            if !relation.allows(from_label, to_label) {
                relation.allow(from_label, to_label);
                if !self.relations_added.contains(&name) {
                    self.widened.push(format!("{name}: {from_label} → {to_label}"));
                }
            }
            return name;
        }
        let mut relation = RelationDef::new(name.clone(), from_label, to_label);
        relation.multiple = true;
        // A corpus states no minimum number of links per head span.
        relation.min_links = Some(0);
        relation.any_labels = self.rule(raw).is_some_and(|rule| *rule == PairRule::Any);
        self.schema.relations.push(relation);
        self.relations_added.push(name.clone());
        name
    }

    /// The format's rule for a relation kind (`Theme2` follows `Theme`); `None` without rules.
    fn rule(&self, raw: &str) -> Option<&PairRule> {
        let rules = self.rules.as_ref()?;
        let base = raw.trim_end_matches(|c: char| c.is_ascii_digit());
        Some(rules.get(raw).or_else(|| rules.get(base)).unwrap_or(&PairRule::Any))
    }

    /// An attribute value read back from a format that had to respell it (brat: no spaces):
    /// the schema value of this label's attribute with that spelling, else the value as read.
    pub(crate) fn attribute_value(&self, label: &str, attribute: &str, raw: &str) -> String {
        self.schema
            .label(label)
            .and_then(|l| l.attributes.iter().find(|a| a.name == attribute))
            .and_then(|a| {
                a.values
                    .iter()
                    .find(|v| v.as_str() == raw)
                    .or_else(|| a.values.iter().find(|v| storage_name(v) == raw))
            })
            .map_or_else(|| raw.to_owned(), Clone::clone)
    }

    /// An attribute name read back: the label's schema attribute with that spelling, else as read.
    pub(crate) fn attribute_name(&self, label: &str, raw: &str) -> String {
        self.schema
            .label(label)
            .and_then(|l| {
                l.attributes
                    .iter()
                    .find(|a| a.name == raw)
                    .or_else(|| l.attributes.iter().find(|a| storage_name(&a.name) == raw))
            })
            .map_or_else(|| raw.to_owned(), |a| a.name.clone())
    }

    /// Defines every attribute the spans carry that their label's schema lacks (as free
    /// text), and adds values outside a closed list to it, so that the imported files
    /// validate instead of being refused; the report names what was added.
    pub(crate) fn define_attributes(&mut self, documents: &[PendingDocument], report: &mut ImportReport) {
        let mut added = Vec::new();
        let used = documents
            .iter()
            .flat_map(|d| &d.spans)
            .flat_map(|s| s.attributes.iter().map(move |(name, value)| (&s.label, name, value)));
        for (label, name, value) in used {
            let Some(def) = self.schema.labels.iter_mut().find(|l| &l.name == label) else {
                continue;
            };
            match def.attributes.iter_mut().find(|a| &a.name == name) {
                None => {
                    def.attributes.push(AttributeDef {
                        name: name.clone(),
                        values: Vec::new(),
                    });
                    added.push(format!("{label}.{name}"));
                }
                Some(attribute) if !attribute.values.is_empty() && !attribute.values.contains(value) => {
                    attribute.values.push(value.clone());
                    added.push(format!("{label}.{name}={value}"));
                }
                Some(_) => {}
            }
        }
        report.attributes_added.extend(added);
    }

    /// The final schema; the additions are recorded in the report. A kind added with a rule
    /// of pairs also allows the rule's pairs whose labels the schema has.
    pub(crate) fn finish(mut self, report: &mut ImportReport) -> Schema {
        let resolved: HashMap<String, String> = self.resolved.clone();
        let label_of = |raw: &str| resolved.get(raw).cloned().unwrap_or_else(|| raw.to_owned());
        for name in &self.relations_added {
            let Some(PairRule::Pairs(pairs)) = self.rule(name).cloned() else {
                continue;
            };
            let labels: Vec<String> = self.schema.labels.iter().map(|l| l.name.clone()).collect();
            if let Some(relation) = self.schema.relations.iter_mut().find(|r| &r.name == name) {
                for (head, child) in pairs {
                    let (head, child) = (label_of(&head), label_of(&child));
                    if labels.contains(&head) && labels.contains(&child) {
                        relation.allow(&head, &child);
                    }
                }
            }
        }
        if !self.widened.is_empty() {
            report.warn(
                None,
                DataWarning::RelationsWidened {
                    pairs: self.widened.clone(),
                },
            );
        }
        report.labels_added.extend(self.labels_added);
        report.relations_added.extend(self.relations_added);
        self.schema
    }

    fn resolve(&self, raw: &str, in_schema: impl Fn(&Schema, &str) -> Option<String>) -> String {
        if let Some(mapped) = self.map.get(raw) {
            return in_schema(&self.schema, mapped).unwrap_or_else(|| mapped.clone());
        }
        let renamed = self.renames.get(raw).map_or(raw, String::as_str);
        in_schema(&self.schema, renamed).unwrap_or_else(|| renamed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_order_and_additions() {
        let mut options = ImportOptions::new("x");
        options.label_map = ImportOptions::parse_label_map("PERS=Actor,ORG=Actor,MISC=Other").expect("map");
        let mut builder = SchemaBuilder::new(&options);
        assert_eq!(builder.label("PERS"), "Actor");
        assert_eq!(builder.label("ORG"), "Actor");
        assert_eq!(builder.label("Agreed_action"), "Agreed action");
        assert_eq!(builder.label("Quote"), "Quote");
        assert_eq!(builder.label("LOC"), "LOC");
        assert_eq!(builder.label("MISC"), "Other");
        assert_eq!(builder.label("LOC"), "LOC");
        assert_eq!(builder.relation("speaker", "Quote", "Actor"), "speaker");
        assert_eq!(builder.relation("cites", "Quote", "Quote"), "cites");
        let mut report = ImportReport::default();
        let schema = builder.finish(&mut report);
        assert_eq!(report.labels_added, ["LOC", "Other"]);
        assert_eq!(report.relations_added, ["cites"]);
        assert_eq!(schema.validate(), Ok(()));
        assert!(schema.label("LOC").is_some());
    }

    #[test]
    fn format_renames_and_attribute_values() {
        let options = ImportOptions::new("x");
        let renames = BTreeMap::from([("label_1".to_owned(), "فاعل".to_owned())]);
        let mut builder = SchemaBuilder::new(&options).with_renames(renames);
        assert_eq!(builder.label("label_1"), "فاعل");
        assert_eq!(builder.attribute_value("Actor", "type", "organisation"), "organisation");
        assert_eq!(
            builder.attribute_value("Actor", "type", "head_of_state"),
            "head_of_state"
        );
        assert_eq!(builder.attribute_name("Actor", "type"), "type");
    }
}
