//! brat's configuration files, generated from the schemas of the exported documents so that
//! brat opens the export directly: `annotation.conf` (types, relations, attributes, overlap
//! allowed) and `visual.conf` (colours, and the label names behind the storage forms).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::export::names::{is_line_break, storage_name};
use crate::model::Document;

/// The brat names of one export: every label, relation kind and attribute gets a unique
/// storage form (`[A-Za-z0-9_-]+`). `Agreed action` → `Agreed_action`; a name with no ASCII
/// letter or digit (`فاعل`) → `label`, `label_2`…; `visual.conf` shows the original names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratNames {
    /// Label → type name, in schema order.
    labels: Vec<(String, String)>,
    /// Relation kind → type name.
    relations: Vec<(String, String)>,
    /// Attribute name → brat attribute name.
    attributes: Vec<(String, String)>,
    taken: BTreeSet<String>,
}

impl BratNames {
    /// Names for everything the documents' schemas define and their annotations use.
    #[must_use]
    pub fn for_documents<'d>(documents: impl IntoIterator<Item = &'d Document>) -> Self {
        let mut names = Self::default();
        for document in documents {
            let schema = document.schema();
            for label in &schema.labels {
                names.add_label(&label.name);
                for attribute in &label.attributes {
                    names.add_attribute(&attribute.name);
                }
            }
            for relation in &schema.relations {
                names.add_relation(&relation.name);
            }
            for span in document.spans() {
                names.add_label(&span.label);
                for attribute in span.attributes.keys() {
                    names.add_attribute(attribute);
                }
            }
            for link in document.links() {
                names.add_relation(&link.kind);
            }
        }
        names
    }

    /// The brat type of a label.
    #[must_use]
    pub fn label(&self, label: &str) -> String {
        lookup(&self.labels, label)
    }

    /// The brat type of a relation kind.
    #[must_use]
    pub fn relation(&self, kind: &str) -> String {
        lookup(&self.relations, kind)
    }

    /// The brat name of an attribute.
    #[must_use]
    pub fn attribute(&self, name: &str) -> String {
        lookup(&self.attributes, name)
    }

    fn add_label(&mut self, name: &str) {
        if !self.labels.iter().any(|(n, _)| n == name) {
            let unique = self.unique(name, "label");
            self.labels.push((name.to_owned(), unique));
        }
    }

    fn add_relation(&mut self, name: &str) {
        if !self.relations.iter().any(|(n, _)| n == name) {
            let unique = self.unique(name, "relation");
            self.relations.push((name.to_owned(), unique));
        }
    }

    fn add_attribute(&mut self, name: &str) {
        if !self.attributes.iter().any(|(n, _)| n == name) {
            let unique = self.unique(name, "attribute");
            self.attributes.push((name.to_owned(), unique));
        }
    }

    fn unique(&mut self, name: &str, fallback: &str) -> String {
        let mut base = storage_name(name);
        if !base.chars().any(|c| c.is_ascii_alphanumeric()) {
            fallback.clone_into(&mut base);
        }
        let mut candidate = base.clone();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

fn lookup(table: &[(String, String)], name: &str) -> String {
    table
        .iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| storage_name(name), |(_, brat)| brat.clone())
}

/// An attribute value as brat can hold it: no whitespace, `,` or `|` (the separators of
/// `annotation.conf`); empty becomes `_`. Schema values map back on import.
#[must_use]
pub fn value_name(value: &str) -> String {
    if value.is_empty() {
        return "_".to_owned();
    }
    value
        .chars()
        .map(|c| {
            if c.is_whitespace() || is_line_break(c) || c == ',' || c == '|' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// `annotation.conf` for the exported documents.
#[must_use]
pub fn annotation_conf<'d>(documents: impl IntoIterator<Item = &'d Document>, names: &BratNames) -> String {
    let mut relations: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for document in documents {
        let schema = document.schema();
        for relation in &schema.relations {
            let entry = relations.entry(names.relation(&relation.name)).or_default();
            entry.0.insert(names.label(&relation.from_label));
            entry.1.insert(names.label(&relation.to_label));
        }
        for link in document.links() {
            let label_of = |id| document.span(id).map(|s| names.label(&s.label));
            if let (Some(from), Some(to)) = (label_of(link.from), label_of(link.to)) {
                let entry = relations.entry(names.relation(&link.kind)).or_default();
                entry.0.insert(from);
                entry.1.insert(to);
            }
        }
        for label in &schema.labels {
            for attribute in &label.attributes {
                let entry = attributes.entry(names.attribute(&attribute.name)).or_default();
                entry.0.insert(names.label(&label.name));
                entry.1.extend(attribute.values.iter().map(|v| value_name(v)));
            }
        }
        for span in document.spans() {
            for (name, value) in &span.attributes {
                let entry = attributes.entry(names.attribute(name)).or_default();
                entry.0.insert(names.label(&span.label));
                entry.1.insert(value_name(value));
            }
        }
    }
    let mut out = String::from(
        "# Generated by Hashiya from the annotation schema. Type names are brat storage forms\n\
         # (only A-Z a-z 0-9 _ -); visual.conf shows the label names behind them.\n[entities]\n",
    );
    for (_, brat) in &names.labels {
        out.push_str(brat);
        out.push('\n');
    }
    out.push_str("\n[relations]\n");
    for (name, (from, to)) in &relations {
        let from = from.iter().cloned().collect::<Vec<_>>().join("|");
        let to = to.iter().cloned().collect::<Vec<_>>().join("|");
        let _ = writeln!(out, "{name}\tArg1:{from}, Arg2:{to}");
    }
    out.push_str("# Spans may nest and overlap.\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n\n[attributes]\n");
    for (name, (labels, values)) in &attributes {
        let labels = labels.iter().cloned().collect::<Vec<_>>().join("|");
        if values.is_empty() {
            let _ = writeln!(out, "{name}\tArg:{labels}");
        } else {
            let values = values.iter().cloned().collect::<Vec<_>>().join("|");
            let _ = writeln!(out, "{name}\tArg:{labels}, Value:{values}");
        }
    }
    out
}

/// `visual.conf`: label colours, and the original names of the types (brat displays them;
/// Hashiya's import maps the types back through them).
#[must_use]
pub fn visual_conf<'d>(documents: impl IntoIterator<Item = &'d Document>, names: &BratNames) -> String {
    let mut out = String::from("[labels]\n");
    let displayable = |name: &str| !name.contains(['|', '\t']) && !name.contains(is_line_break) && name.trim() == name;
    for (name, brat) in names.labels.iter().chain(&names.relations) {
        if displayable(name) {
            let _ = writeln!(out, "{brat} | {name}");
        }
    }
    out.push_str(
        "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n\
         ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
    );
    let mut drawn = BTreeSet::new();
    for document in documents {
        for label in &document.schema().labels {
            let brat = names.label(&label.name);
            if drawn.insert(brat.clone()) {
                let crate::model::Rgb(r, g, b) = label.color;
                let _ = writeln!(out, "{brat}\tbgColor:#{r:02x}{g:02x}{b:02x}");
            }
        }
    }
    out
}

/// The type → name table of a `visual.conf` `[labels]` section (only names that differ).
#[must_use]
pub fn parse_visual_labels(visual_conf: &str) -> BTreeMap<String, String> {
    let mut renames = BTreeMap::new();
    let mut in_labels = false;
    for line in visual_conf.lines() {
        let line = line.trim();
        if line.starts_with('[') && line.ends_with(']') {
            in_labels = line == "[labels]";
            continue;
        }
        if !in_labels || line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut terms = line.split('|').map(str::trim);
        if let (Some(brat), Some(name)) = (terms.next(), terms.next())
            && !brat.is_empty()
            && !name.is_empty()
            && brat != name
        {
            renames.insert(brat.to_owned(), name.to_owned());
        }
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttributeDef, DocumentMeta, LabelDef, Rgb, Schema, Span, SpanId};

    fn document() -> Document {
        let mut schema = Schema::default_schema();
        for name in ["فاعل", "A B", "A_B", "-"] {
            schema.labels.push(LabelDef {
                name: name.into(),
                color: Rgb(1, 2, 255),
                shortcut: None,
                description: String::new(),
                attributes: vec![AttributeDef {
                    name: "role".into(),
                    values: vec!["head of state".into()],
                }],
            });
        }
        let mut span = Span::new(SpanId(1), "فاعل", 0, 1);
        span.attributes.insert("free text".into(), "x, y|z".into());
        Document::from_parts("ab".into(), schema, DocumentMeta::default(), vec![span], Vec::new())
    }

    #[test]
    fn unique_storage_forms() {
        let names = BratNames::for_documents(&[document()]);
        assert_eq!(names.label("Agreed action"), "Agreed_action");
        assert_eq!(names.label("فاعل"), "label");
        assert_eq!(names.label("A B"), "A_B");
        assert_eq!(names.label("A_B"), "A_B_2");
        assert_eq!(names.label("-"), "label_2");
        assert_eq!(names.attribute("free text"), "free_text");
        assert_eq!(value_name("x, y|z"), "x__y_z");
    }

    #[test]
    fn configuration_files() {
        let doc = document();
        let names = BratNames::for_documents(std::slice::from_ref(&doc));
        let conf = annotation_conf(std::slice::from_ref(&doc), &names);
        assert!(
            conf.contains("[entities]\nActor\nQuote\nAgreed_action\nlabel\nA_B\nA_B_2\nlabel_2\n"),
            "{conf}"
        );
        assert!(conf.contains("party\tArg1:Agreed_action, Arg2:Actor\n"), "{conf}");
        assert!(conf.contains("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"));
        assert!(conf.contains("free_text\tArg:label, Value:x__y_z\n"), "{conf}");
        assert!(
            conf.contains("role\tArg:A_B|A_B_2|label|label_2, Value:head_of_state\n"),
            "{conf}"
        );
        assert!(
            conf.contains("type\tArg:Actor, Value:country|group|organisation|person\n"),
            "{conf}"
        );
        let visual = visual_conf(std::slice::from_ref(&doc), &names);
        assert!(visual.contains("Agreed_action | Agreed action\n"), "{visual}");
        assert!(visual.contains("label\tbgColor:#0102ff\n"), "{visual}");
        let renames = parse_visual_labels(&visual);
        assert_eq!(renames.get("label_2").map(String::as_str), Some("-"));
        assert_eq!(renames.get("A_B_2").map(String::as_str), Some("A_B"));
        assert_eq!(renames.get("Actor"), None);
    }
}
