//! `hashiya agree FILE...`: how far several annotators agree on the same articles (their
//! annotation files), as a table or as JSON (`--json`). The measures are in the README.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::cli::args::AgreeArgs;
use crate::cli::output::Output;
use crate::io::{AnnotatorFile, load_annotator_file};
use crate::review::{Agreement, F1Table, Version};

/// Runs `hashiya agree …`; returns the exit code: 0 when the agreement was measured, 1 when
/// no article has two annotators' files, 2 when a file could not be read (the others are
/// still measured).
#[must_use]
pub fn run(args: &AgreeArgs) -> i32 {
    let mut files: Vec<AnnotatorFile> = Vec::new();
    let mut unreadable = false;
    for path in &args.files {
        match load_annotator_file(path) {
            Ok(file) => files.push(file),
            Err(error) => {
                eprintln!("hashiya agree: {error}");
                unreadable = true;
            }
        }
    }
    disambiguate(&mut files);
    let versions: Vec<Version<'_>> = files
        .iter()
        .map(|f| Version {
            annotator: &f.annotator,
            article: &f.article,
            document: &f.document,
        })
        .collect();
    let agreement = Agreement::measure(&versions);
    let mut out = Output::stdout("agree");
    if agreement.documents.is_empty() {
        eprintln!("hashiya agree: no article has annotation files of two annotators");
        return out.finish(if unreadable { 2 } else { 1 });
    }
    out.print(&if args.json { json(&agreement) } else { table(&agreement) });
    out.finish(if unreadable { 2 } else { 0 })
}

/// Two files of one article by the same annotator name are told apart by their file names.
fn disambiguate(files: &mut [AnnotatorFile]) {
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for file in files.iter() {
        *seen.entry((file.article.clone(), file.annotator.clone())).or_default() += 1;
    }
    for file in files.iter_mut() {
        if seen[&(file.article.clone(), file.annotator.clone())] > 1 {
            let name = file.path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            file.annotator = format!("{} ({name})", file.annotator);
        }
    }
}

fn number(value: Option<f64>) -> serde_json::Value {
    value.map_or(serde_json::Value::Null, |v| {
        serde_json::json!((v * 10_000.0).round() / 10_000.0)
    })
}

fn f1_json(table: &F1Table, key: &str) -> serde_json::Value {
    let by: serde_json::Map<String, serde_json::Value> = table
        .by_label
        .iter()
        .map(|(label, value)| (label.clone(), number(*value)))
        .collect();
    serde_json::json!({ "f1": number(table.f1), key: by })
}

fn json(agreement: &Agreement) -> String {
    let per_label = |values: &BTreeMap<String, Option<f64>>| -> serde_json::Value {
        values
            .iter()
            .map(|(label, value)| (label.clone(), number(*value)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let disagreements: Vec<serde_json::Value> = agreement
        .disagreements
        .iter()
        .map(|d| {
            serde_json::json!({
                "document": d.article,
                "start": d.char_start,
                "end": d.char_end,
                "labels": d.labels,
            })
        })
        .collect();
    let record = serde_json::json!({
        "annotators": agreement.annotators,
        "documents": agreement.documents,
        "spans": {
            "exact": f1_json(&agreement.spans_exact, "by_label"),
            "overlap": f1_json(&agreement.spans_overlap, "by_label"),
        },
        "tokens": { "kappa": per_label(&agreement.kappa), "alpha": per_label(&agreement.alpha) },
        "links": f1_json(&agreement.links, "by_kind"),
        "disagreements": disagreements,
    });
    format!("{record}\n")
}

fn shown(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

fn table(agreement: &Agreement) -> String {
    let mut text = String::new();
    let documents = agreement.documents.len();
    // Writing into a String cannot fail.
    let _ = writeln!(
        text,
        "{} annotators ({}), {documents} {}",
        agreement.annotators.len(),
        agreement.annotators.join(", "),
        if documents == 1 { "document" } else { "documents" }
    );
    for (name, table) in [
        ("spans, exact", &agreement.spans_exact),
        ("spans, overlap", &agreement.spans_overlap),
        ("links", &agreement.links),
    ] {
        let by: Vec<String> = table
            .by_label
            .iter()
            .map(|(l, v)| format!("{l} {}", shown(*v)))
            .collect();
        let _ = writeln!(text, "{name:<16} F1 {}   {}", shown(table.f1), by.join("   "));
    }
    for (name, values) in [("tokens, κ", &agreement.kappa), ("tokens, α", &agreement.alpha)] {
        let by: Vec<String> = values.iter().map(|(l, v)| format!("{l} {}", shown(*v))).collect();
        let _ = writeln!(text, "{name:<16} {}", by.join("   "));
    }
    let _ = writeln!(text, "\nexact span F1 by pair:");
    for ((a, b), value) in &agreement.pairwise {
        let _ = writeln!(text, "  {a} × {b}: {}", shown(*value));
    }
    let _ = writeln!(text, "exact span F1 by document:");
    for (document, value) in &agreement.per_document {
        let _ = writeln!(text, "  {document}: {}", shown(*value));
    }
    let differing = agreement.disagreements.len();
    let _ = writeln!(
        text,
        "{differing} {} where the labels differ (--json lists them)",
        if differing == 1 { "range" } else { "ranges" }
    );
    text
}
