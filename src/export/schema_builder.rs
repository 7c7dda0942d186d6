use std::collections::{BTreeMap, HashMap};

use crate::export::names::{storage_name, tag_name};
use crate::export::{ImportOptions, ImportReport};
use crate::model::{LABEL_PALETTE as PALETTE, LabelDef, RelationDef, Schema};

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
            self.schema.labels.push(LabelDef {
                name: label.clone(),
                color,
                shortcut: None,
                description: String::new(),
                attributes: Vec::new(),
            });
            self.labels_added.push(label.clone());
        }
        self.resolved.insert(raw.to_owned(), label.clone());
        label
    }

    /// The schema relation kind for an input relation name; a new kind is added going from
    /// `from_label` to `to_label` (the labels of its first link).
    pub(crate) fn relation(&mut self, raw: &str, from_label: &str, to_label: &str) -> String {
        let name = self.resolve(raw, |schema, name| {
            schema
                .relations
                .iter()
                .find(|r| r.name == name)
                .or_else(|| schema.relations.iter().find(|r| storage_name(&r.name) == name))
                .map(|r| r.name.clone())
        });
        if self.schema.relation(&name).is_none() {
            self.schema.relations.push(RelationDef {
                name: name.clone(),
                from_label: from_label.to_owned(),
                to_label: to_label.to_owned(),
                multiple: true,
                shortcut: None,
                description: String::new(),
            });
            self.relations_added.push(name.clone());
        }
        name
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

    /// The final schema; the additions are recorded in the report.
    pub(crate) fn finish(self, report: &mut ImportReport) -> Schema {
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
