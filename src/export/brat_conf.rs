//! brat's configuration files, generated from the schemas of the exported documents so that
//! brat opens the export directly: `annotation.conf` (types, relations, attributes, overlap
//! allowed) and `visual.conf` (colours, and the label names behind the storage forms).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::export::names::{is_line_break, storage_name};
use crate::export::schema_builder::PairRule;
use crate::model::{Document, SpanId};

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
    /// Labels that are event types (their spans are written as `E` lines).
    events: BTreeSet<String>,
    /// Attributes seen with other values than `true` (the rest are brat binary attributes).
    valued: BTreeSet<String>,
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
                if label.event {
                    names.events.insert(label.name.clone());
                }
                for attribute in &label.attributes {
                    names.add_attribute(&attribute.name);
                    if attribute.values.iter().any(|v| v != TRUE) {
                        names.valued.insert(attribute.name.clone());
                    }
                }
            }
            for relation in &schema.relations {
                names.add_relation(&relation.name);
            }
            for span in document.spans() {
                names.add_label(&span.label);
                for (attribute, value) in &span.attributes {
                    names.add_attribute(attribute);
                    if value != TRUE {
                        names.valued.insert(attribute.clone());
                    }
                }
            }
            for link in document.links() {
                names.add_relation(&link.kind);
            }
        }
        names
    }

    /// Whether spans of this label are written as events (trigger `T` line, `E` line).
    #[must_use]
    pub fn is_event(&self, label: &str) -> bool {
        self.events.contains(label)
    }

    /// Whether an attribute is written as a brat binary attribute (no value): every value it
    /// has is `true`, as the import reads a binary attribute.
    #[must_use]
    pub fn is_binary(&self, attribute: &str) -> bool {
        !self.valued.contains(attribute)
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

/// The value a brat binary attribute (`A1\tNegation E1`) is read as.
pub(crate) const TRUE: &str = "true";

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

/// `annotation.conf` for the exported documents: entity types, relation kinds with the label
/// pairs they link, event types with their roles (a role numbered like `Theme2` is listed
/// once as `Theme`, as brat counts them), attributes.
#[must_use]
pub fn annotation_conf<'d>(documents: impl IntoIterator<Item = &'d Document>, names: &BratNames) -> String {
    let mut conf = ConfTables::default();
    for document in documents {
        conf.add_document(document, names);
    }
    let mut out = String::from(
        "# Generated by Hashiya from the annotation schema. Type names are brat storage forms\n\
         # (only A-Z a-z 0-9 _ -); visual.conf shows the label names behind them.\n[entities]\n",
    );
    for (name, brat) in &names.labels {
        if !names.is_event(name) {
            out.push_str(brat);
            out.push('\n');
        }
    }
    out.push_str("\n[relations]\n");
    for (name, (from, to)) in &conf.relations {
        let _ = writeln!(out, "{name}\tArg1:{}, Arg2:{}", join(from), join(to));
    }
    out.push_str("# Spans may nest and overlap.\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n");
    for (name, brat) in &names.labels {
        if !names.is_event(name) {
            continue;
        }
        let roles = conf.events.get(brat);
        let roles: Vec<String> = roles
            .into_iter()
            .flatten()
            .map(|(role, types)| format!("{role}*:{}", join(types)))
            .collect();
        let _ = writeln!(out, "{brat}\t{}", roles.join(", "));
    }
    out.push_str("\n[attributes]\n");
    for (brat, (labels, values)) in &conf.attributes {
        let binary = names
            .attributes
            .iter()
            .any(|(name, b)| b == brat && names.is_binary(name));
        let name = brat;
        if binary || values.is_empty() {
            let _ = writeln!(out, "{name}\tArg:{}", join(labels));
        } else {
            let _ = writeln!(out, "{name}\tArg:{}, Value:{}", join(labels), join(values));
        }
    }
    out
}

fn join(names: &BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join("|")
}

/// The sections of `annotation.conf`, by brat name.
#[derive(Default)]
struct ConfTables {
    /// Relation → (head types, child types).
    relations: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
    /// Event type → role (digits stripped) → argument types.
    events: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
    /// Attribute → (types, values).
    attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
}

impl ConfTables {
    fn add_document(&mut self, document: &Document, names: &BratNames) {
        let schema = document.schema();
        for relation in &schema.relations {
            for (head, child) in relation.pairs() {
                self.add_pair(names, &relation.name, head, child);
            }
        }
        let labels: HashMap<SpanId, &str> = document.spans().iter().map(|s| (s.id, s.label.as_str())).collect();
        for link in document.links() {
            if let (Some(head), Some(child)) = (labels.get(&link.from), labels.get(&link.to)) {
                self.add_pair(names, &link.kind, head, child);
            }
        }
        for label in &schema.labels {
            for attribute in &label.attributes {
                let entry = self.attributes.entry(names.attribute(&attribute.name)).or_default();
                entry.0.insert(names.label(&label.name));
                entry.1.extend(attribute.values.iter().map(|v| value_name(v)));
            }
        }
        for span in document.spans() {
            for (name, value) in &span.attributes {
                let entry = self.attributes.entry(names.attribute(name)).or_default();
                entry.0.insert(names.label(&span.label));
                entry.1.insert(value_name(value));
            }
        }
    }

    fn add_pair(&mut self, names: &BratNames, kind: &str, head: &str, child: &str) {
        let (head_type, child_type) = (names.label(head), names.label(child));
        let kind = names.relation(kind);
        if names.is_event(head) {
            let role = kind.trim_end_matches(|c: char| c.is_ascii_digit());
            let role = if role.is_empty() { kind.as_str() } else { role };
            let roles = self.events.entry(head_type).or_default();
            roles.entry(role.to_owned()).or_default().insert(child_type);
        } else {
            let entry = self.relations.entry(kind).or_default();
            entry.0.insert(head_type);
            entry.1.insert(child_type);
        }
    }
}

/// The comment that marks a type whose Hashiya name brat cannot spell, in `visual.conf`:
/// `# hashiya-name<TAB>Agreed_action<TAB>Agreed action`. brat ignores comments; Hashiya's
/// import reads these back, so that a label name survives the round trip.
const NAME_COMMENT: &str = "# hashiya-name\t";

/// `visual.conf`: the display names of the types (a label's display name, else its name when
/// brat cannot spell it), the Hashiya names behind respelled types (comments), label colours.
#[must_use]
pub fn visual_conf<'d>(documents: impl IntoIterator<Item = &'d Document>, names: &BratNames) -> String {
    let documents: Vec<&Document> = documents.into_iter().collect();
    let displayable = |name: &str| !name.contains(['|', '\t']) && !name.contains(is_line_break) && name.trim() == name;
    let mut out = String::from("# Generated by Hashiya.\n");
    for (name, brat) in names.labels.iter().chain(&names.relations) {
        if name != brat && displayable(name) {
            let _ = writeln!(out, "{NAME_COMMENT}{brat}\t{name}");
        }
    }
    out.push_str("[labels]\n");
    let display = |name: &str| {
        documents
            .iter()
            .find_map(|d| d.schema().label(name).and_then(|l| l.display_name.clone()))
    };
    for (name, brat) in names.labels.iter().chain(&names.relations) {
        let shown = display(name).unwrap_or_else(|| name.clone());
        if displayable(&shown) {
            let _ = writeln!(out, "{brat} | {shown}");
        }
    }
    out.push_str(
        "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n\
         ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
    );
    let mut drawn = BTreeSet::new();
    for document in &documents {
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

/// What a `visual.conf` says about type names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisualNames {
    /// Type → Hashiya name, for types Hashiya respelled (`# hashiya-name` comments).
    pub names: BTreeMap<String, String>,
    /// Type → display name (`[labels]`: the first form after the type), when it differs.
    pub display: BTreeMap<String, String>,
}

/// Reads the names of a `visual.conf`.
#[must_use]
pub fn parse_visual_conf(visual_conf: &str) -> VisualNames {
    let mut names = VisualNames::default();
    let mut in_labels = false;
    for line in visual_conf.lines() {
        if let Some(rest) = line.strip_prefix(NAME_COMMENT)
            && let Some((brat, name)) = rest.split_once('\t')
            && !brat.is_empty()
            && !name.is_empty()
        {
            names.names.insert(brat.to_owned(), name.to_owned());
            continue;
        }
        let line = line.trim();
        if line.starts_with('[') && line.ends_with(']') {
            in_labels = line == "[labels]";
            continue;
        }
        if !in_labels || line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut terms = line.split('|').map(str::trim);
        if let (Some(brat), Some(shown)) = (terms.next(), terms.next())
            && !brat.is_empty()
            && !shown.is_empty()
            && brat != shown
        {
            names.display.insert(brat.to_owned(), shown.to_owned());
        }
    }
    names
}

/// What an `annotation.conf` says: which label pairs each relation kind and event role
/// allows, and which types are events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ConfRules {
    /// Relation kind or event role (without modifiers: `Theme` of `Theme+`) → its pairs.
    pub rules: BTreeMap<String, PairRule>,
    /// Event types.
    pub events: BTreeSet<String>,
}

/// Reads the relation and event rules of an `annotation.conf`. A rule whose types include a
/// wildcard (`<ENTITY>`, `<EVENT>`, `<ANY>`) or an unknown macro allows any pair; macros
/// defined in the file (`<POG>=Person|Organization`) are expanded.
pub(crate) fn parse_annotation_conf(conf: &str) -> ConfRules {
    let mut macros: HashMap<String, Vec<String>> = HashMap::new();
    let mut rules = ConfRules::default();
    let mut section = String::new();
    for raw in conf.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("---") {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            line[1..line.len() - 1].trim().clone_into(&mut section);
            continue;
        }
        if line.starts_with('<')
            && let Some((name, value)) = line.split_once('=')
            && name.ends_with('>')
        {
            macros.insert(
                name.trim().to_owned(),
                value.split('|').map(|t| t.trim().to_owned()).collect(),
            );
            continue;
        }
        let (head, args) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(h, a)| (h, a.trim()));
        let head = head.trim_start_matches('!');
        let types = |list: &str| expand(list, &macros);
        match section.as_str() {
            "relations" if !head.starts_with('<') => {
                let mut arg_types = args.split(',').filter_map(|a| a.split_once(':'));
                let (Some(first), Some(second)) = (arg_types.next(), arg_types.next()) else {
                    continue;
                };
                let pairs = cross(types(first.1), types(second.1));
                merge_rule(&mut rules.rules, head, pairs);
            }
            "events" => {
                rules.events.insert(head.to_owned());
                for (role, list) in args.split(',').filter_map(|a| a.trim().split_once(':')) {
                    let role = role.trim_end_matches(['?', '*', '+']);
                    let role = role.split('{').next().unwrap_or(role);
                    let pairs = types(list).map(|t| t.into_iter().map(|t| (head.to_owned(), t)).collect());
                    merge_rule(&mut rules.rules, role, pairs);
                }
            }
            _ => {}
        }
    }
    rules
}

/// The concrete types of `A|B|<MACRO>`; `None` when a wildcard or unknown macro is among them.
fn expand(list: &str, macros: &HashMap<String, Vec<String>>) -> Option<Vec<String>> {
    let mut types = Vec::new();
    for term in list.split('|').map(str::trim) {
        if term.starts_with('<') {
            types.extend(expand(&macros.get(term)?.join("|"), macros)?);
        } else if !term.is_empty() {
            types.push(term.to_owned());
        }
    }
    Some(types)
}

fn cross(heads: Option<Vec<String>>, children: Option<Vec<String>>) -> Option<Vec<(String, String)>> {
    let (heads, children) = (heads?, children?);
    Some(
        heads
            .iter()
            .flat_map(|h| children.iter().map(move |c| (h.clone(), c.clone())))
            .collect(),
    )
}

fn merge_rule(rules: &mut BTreeMap<String, PairRule>, name: &str, pairs: Option<Vec<(String, String)>>) {
    let rule = rules
        .entry(name.to_owned())
        .or_insert_with(|| PairRule::Pairs(Vec::new()));
    match (rule, pairs) {
        (PairRule::Pairs(known), Some(pairs)) => known.extend(pairs),
        (rule, _) => *rule = PairRule::Any,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttributeDef, DocumentMeta, LabelDef, Rgb, Schema, Span, SpanId};

    fn document() -> Document {
        let mut schema = Schema::default_schema();
        for name in ["فاعل", "A B", "A_B", "-"] {
            schema.labels.push(LabelDef {
                attributes: vec![AttributeDef {
                    name: "role".into(),
                    values: vec!["head of state".into()],
                }],
                ..LabelDef::new(name, Rgb(1, 2, 255))
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
        let parsed = parse_visual_conf(&visual);
        assert_eq!(parsed.names.get("label_2").map(String::as_str), Some("-"));
        assert_eq!(parsed.names.get("A_B_2").map(String::as_str), Some("A_B"));
        assert_eq!(
            parsed.names.get("Agreed_action").map(String::as_str),
            Some("Agreed action")
        );
        assert_eq!(parsed.names.get("Actor"), None);
        assert_eq!(parsed.display.get("Actor"), None);
        assert_eq!(parsed.display.get("A_B_2").map(String::as_str), Some("A_B"));
    }

    #[test]
    fn visual_conf_display_names() {
        let parsed = parse_visual_conf(
            "[labels]\n# comment\nGPE | Geo-political entity | GPE\nPerson | Person\n\n[drawing]\nGPE | x\n",
        );
        assert!(parsed.names.is_empty());
        assert_eq!(
            parsed.display.into_iter().collect::<Vec<_>>(),
            [("GPE".to_owned(), "Geo-political entity".to_owned())]
        );
    }

    #[test]
    fn annotation_conf_rules() {
        let conf = "[entities]\nPerson\n[relations]\nLocated  Arg1:Person|Org, Arg2:GPE\n\
                    dep Arg1:<ENTITY>, Arg2:<ENTITY>\n<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\
                    [events]\n<POG>=Person|Org\n!Life\n\tDie  Victim-Arg:Person, Agent-Arg?:<POG>\n\
                    ----\nReport Event-Arg{2}:<EVENT>\nMarry Person-Arg{2}:Person\n[attributes]\nNeg Arg:<EVENT>\n";
        let rules = parse_annotation_conf(conf);
        let pairs = |rule: Option<&PairRule>| match rule {
            Some(PairRule::Pairs(p)) => p.iter().map(|(h, c)| format!("{h}>{c}")).collect::<Vec<_>>(),
            other => vec![format!("{other:?}")],
        };
        assert_eq!(pairs(rules.rules.get("Located")), ["Person>GPE", "Org>GPE"]);
        assert_eq!(rules.rules.get("dep"), Some(&PairRule::Any));
        assert_eq!(rules.rules.get("<OVERLAP>"), None);
        assert_eq!(pairs(rules.rules.get("Agent-Arg")), ["Die>Person", "Die>Org"]);
        assert_eq!(pairs(rules.rules.get("Person-Arg")), ["Marry>Person"]);
        assert_eq!(rules.rules.get("Event-Arg"), Some(&PairRule::Any));
        assert_eq!(
            rules.events.iter().map(String::as_str).collect::<Vec<_>>(),
            ["Die", "Life", "Marry", "Report"]
        );
    }
}
