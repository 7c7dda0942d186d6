//! brat corpora survive import → export: every T, R, E, A, note, equivalence and
//! normalization line comes back identical up to ids, on small fixtures of what real corpora
//! hold (tests/data/brat: one relation kind between many label pairs, hyphenated types with
//! display names, nested events, two events on one trigger, numbered roles, notes on events
//! and relations, attributes on events). Imported files validate and load as they are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hashiya::export::brat::{self, BratNames};
use hashiya::export::files::read_import;
use hashiya::export::{ImportFormat, ImportOptions, Imported};
use hashiya::model::Document;

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/brat").join(name)
}

fn import(name: &str) -> Imported {
    read_import(ImportFormat::Brat, &corpus(name), &ImportOptions::new("")).expect("imports")
}

/// The lines of an `.ann` with every id replaced by what it stands for (a `T` by its type and
/// offsets, an `E` or `R` by its own line, recursively), sorted: two files are the same
/// annotations exactly when these agree. Trailing whitespace (brat's empty text field after
/// an `R` line, a space after an `E` line without arguments) is not kept: brat reads both the
/// same.
fn canonical(ann: &str) -> Vec<String> {
    let lines: Vec<&str> = ann.lines().filter(|l| !l.trim().is_empty()).collect();
    let by_id: HashMap<&str, &str> = lines.iter().filter_map(|l| Some((l.split('\t').next()?, *l))).collect();
    let mut memo = HashMap::new();
    let mut out: Vec<String> = lines.iter().map(|l| canonical_line(l, &by_id, &mut memo)).collect();
    out.sort();
    out
}

fn canonical_line(line: &str, by_id: &HashMap<&str, &str>, memo: &mut HashMap<String, String>) -> String {
    let mut fields = line.trim_end().splitn(3, '\t');
    let id = fields.next().unwrap_or_default();
    let data = fields.next().unwrap_or_default();
    let kind = &id[..1];
    if kind == "T" {
        return format!("T\t{data}\t{}", fields.next().unwrap_or_default());
    }
    let tokens: Vec<String> = data
        .split(' ')
        .enumerate()
        .map(|(at, token)| {
            let (role, target) = token.rsplit_once(':').map_or(("", token), |(r, t)| (r, t));
            let is_ref = at > 0 || kind == "E";
            match by_id.get(target).filter(|_| is_ref && target.len() > 1) {
                Some(target_line) => {
                    let resolved = if let Some(done) = memo.get(target) {
                        done.clone()
                    } else {
                        let done = format!("[{}]", canonical_line(target_line, by_id, memo));
                        memo.insert(target.to_owned(), done.clone());
                        done
                    };
                    if role.is_empty() {
                        resolved
                    } else {
                        format!("{role}:{resolved}")
                    }
                }
                None => token.to_owned(),
            }
        })
        .collect();
    match fields.next() {
        Some(tail) => format!("{kind}\t{}\t{tail}", tokens.join(" ")),
        None => format!("{kind}\t{}", tokens.join(" ")),
    }
}

/// Imports a fixture folder, checks the documents are valid files, exports them and compares
/// every document's lines with the original.
fn round_trip(name: &str) -> Vec<Document> {
    let imported = import(name);
    let documents = imported.documents;
    assert!(!documents.is_empty());
    for document in &documents {
        assert_eq!(document.check(), Vec::<String>::new());
        let ron = hashiya::io::to_ron_string(document);
        assert_eq!(hashiya::io::validate_ron(&ron, document.text()), Vec::new(), "{ron}");
        let loaded = hashiya::io::from_ron_str(&ron, document.text()).expect("loads");
        assert_eq!(&loaded.document, document);
    }
    let names = BratNames::for_documents(&documents);
    for document in &documents {
        let (files, report) = brat::export_document(document, &names);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let original = std::fs::read_to_string(corpus(name).join(format!("{}.ann", files.name))).expect("reads");
        assert_eq!(
            canonical(&files.ann),
            canonical(&original),
            "{name}/{}:\n{}",
            files.name,
            files.ann
        );
    }
    documents
}

#[test]
fn one_relation_kind_links_many_label_pairs() {
    let imported = import("dependencies");
    assert_eq!(imported.report.warnings, []);
    let documents = round_trip("dependencies");
    let schema = documents[0].schema();
    // No annotation.conf: a kind allows any pair, so later edits are not refused either.
    let punct = schema.relation("punct").expect("punct");
    assert!(punct.any_labels);
    assert!(punct.allows("N", "Punct") && punct.allows("V", "Punct") && punct.allows("A", "Punct"));
    assert_eq!(documents[0].links().len(), 14);
}

#[test]
fn hyphenated_types_keep_their_names_and_show_display_names() {
    let imported = import("news-events");
    assert_eq!(imported.report.warnings, []);
    let documents = round_trip("news-events");
    let schema = documents[0].schema();
    let gpe = schema.label("GPE").expect("GPE keeps brat's name");
    assert_eq!(gpe.display_name.as_deref(), Some("Geo-political entity"));
    assert_eq!(schema.shown_label("Transfer-money"), "Transfer money");
    assert_eq!(schema.label("Organization").and_then(|l| l.display_name.clone()), None);
    assert!(schema.label("Transfer-money").is_some_and(|l| l.event));
    assert!(schema.label("Person").is_some_and(|l| !l.event));
    // annotation.conf states the pairs of Origin; roles named with `+` and numbered
    // (`Org-Arg+`, `Org-Arg2`) follow their rule.
    let origin = schema.relation("Origin").expect("Origin");
    assert!(!origin.any_labels && origin.allows("Organization", "GPE") && !origin.allows("Person", "GPE"));
    let second = schema.relation("Org-Arg2").expect("Org-Arg2 keeps its exact name");
    assert!(second.allows("Merge-org", "Organization") && !second.any_labels);
    // `<EVENT>` in a rule: any pair.
    assert!(schema.relation("Event-Arg").is_some_and(|r| r.any_labels));
}

#[test]
fn events_are_trigger_spans_with_role_links() {
    let documents = round_trip("news-events");
    let document = &documents[0];
    let trigger = |text: &str| {
        document
            .spans()
            .iter()
            .find(|s| document.span_text(s) == text)
            .expect("trigger")
    };
    let merged = trigger("merged");
    let roles: Vec<(&str, &str)> = document
        .links()
        .iter()
        .filter(|l| l.from == merged.id)
        .map(|l| {
            let to = document.span(l.to).expect("argument");
            (l.kind.as_str(), document.span_text(to))
        })
        .collect();
    assert_eq!(roles, [("Org-Arg", "Alpha Bank"), ("Org-Arg2", "Beta Trust")]);
    // A nested event: the report's argument is the merger's trigger span.
    let reported = trigger("reported");
    assert!(
        document
            .links()
            .iter()
            .any(|l| l.from == reported.id && l.kind == "Event-Arg" && l.to == merged.id)
    );
    // Attributes and notes of an event are its span's.
    assert_eq!(merged.attributes.get("Confidence").map(String::as_str), Some("Neutral"));
    assert_eq!(merged.note.as_deref(), Some("see also the 2019 report"));
    assert_eq!(
        trigger("pay").attributes.get("Negation").map(String::as_str),
        Some("true")
    );
    // Equivalences, normalizations and the note on a relation are kept with the document.
    assert_eq!(document.brat_lines().len(), 4, "{:?}", document.brat_lines());
}

#[test]
fn nested_events_on_shared_triggers() {
    let imported = import("bio-events");
    assert_eq!(imported.report.warnings, []);
    let documents = round_trip("bio-events");
    let document = &documents[0];
    // Three events on "induced" stay three events: one span each.
    let induced = document
        .spans()
        .iter()
        .filter(|s| document.span_text(s) == "induced")
        .count();
    assert_eq!(induced, 3);
    let schema = document.schema();
    // Regulations' Theme allows `<EVENT>`: any pair, also for the numbered Theme2.
    assert!(schema.relation("Theme").is_some_and(|r| r.any_labels));
    assert!(schema.relation("Theme2").is_some_and(|r| r.any_labels));
    // Site is Binding's and Phosphorylation's, always an Entity; Site2 follows it.
    let site = schema.relation("Site2").expect("Site2");
    assert!(!site.any_labels && site.allows("Binding", "Entity") && site.allows("Phosphorylation", "Entity"));
    assert!(!site.allows("Binding", "Protein"));
}

#[test]
fn export_through_the_folder_and_back_is_stable() {
    let first = import("news-events").documents;
    let out = tempfile::tempdir().expect("temp dir");
    let folder = out.path().join("brat");
    hashiya::export::files::write_export(
        &first,
        hashiya::export::ExportFormat::Brat,
        &folder,
        None,
        &hashiya::export::files::Protected::default(),
        &mut |_, _| {},
    )
    .expect("writes");
    let visual = std::fs::read_to_string(folder.join("visual.conf")).expect("visual.conf");
    assert!(visual.contains("GPE | Geo-political entity\n"), "{visual}");
    let conf = std::fs::read_to_string(folder.join("annotation.conf")).expect("annotation.conf");
    assert!(conf.contains("\nMerge-org\tOrg-Arg*:Organization\n"), "{conf}");
    assert!(
        !conf.contains("\nMerge-org\n"),
        "an event type is not an entity: {conf}"
    );
    let again = read_import(ImportFormat::Brat, &folder, &ImportOptions::new("")).expect("imports");
    assert_eq!(again.report.warnings, []);
    assert_eq!(again.documents[0].spans(), first[0].spans());
    assert_eq!(again.documents[0].links(), first[0].links());
    // Kept lines are the same, up to their own numbers (the export renumbers them).
    let without_ids = |d: &Document| -> Vec<String> {
        d.brat_lines()
            .iter()
            .map(|l| l.split_once('\t').map_or(l.clone(), |(_, rest)| rest.to_owned()))
            .collect()
    };
    assert_eq!(without_ids(&again.documents[0]), without_ids(&first[0]));
}
