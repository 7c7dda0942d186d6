//! `hashiya progress FOLDER`: how far each annotator of a team's project has come, document by
//! document, and which documents are ready for review ([`crate::io::project`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::cli::args::ProgressArgs;
use crate::cli::output::Output;
use crate::io::project::{DocumentProgress, ProjectFolder};
use crate::model::Status;
use crate::text::plural::counted;

/// Runs `hashiya progress …`; returns the exit code: 0 shown, 2 no project or an unreadable
/// folder.
#[must_use]
pub fn run(args: &ProgressArgs) -> i32 {
    let project = match ProjectFolder::find(&args.folder) {
        Ok(Some(project)) => project,
        Ok(None) => {
            eprintln!(
                "hashiya progress: no {} in this folder or a folder above: {}",
                crate::io::project::PROJECT_FILE,
                args.folder.display()
            );
            return 2;
        }
        Err(error) => {
            eprintln!("hashiya progress: {error}");
            return 2;
        }
    };
    let documents = match project.progress(&args.folder) {
        Ok(documents) => documents,
        Err(error) => {
            eprintln!("hashiya progress: {error}");
            return 2;
        }
    };
    for document in &documents {
        for annotator in &document.annotators {
            if let Some(why) = &annotator.unreadable {
                eprintln!(
                    "hashiya progress: {}'s file of {} cannot be read ({why}); counted as not started",
                    annotator.annotator, document.article
                );
            }
        }
    }
    let mut out = Output::stdout("progress");
    out.print(&if args.json {
        json(&project, &documents)
    } else {
        table(&project, &documents)
    });
    out.finish(0)
}

/// Per annotator: documents assigned, and how many are at each status.
fn totals<'d>(project: &'d ProjectFolder, documents: &'d [DocumentProgress]) -> BTreeMap<&'d str, [usize; 4]> {
    let mut totals: BTreeMap<&str, [usize; 4]> = project
        .project
        .annotators
        .iter()
        .map(|name| (name.as_str(), [0; 4]))
        .collect();
    for annotator in documents.iter().flat_map(|d| &d.annotators) {
        let counts = totals.entry(annotator.annotator.as_str()).or_default();
        counts[0] += 1;
        counts[1 + Status::ALL.iter().position(|s| *s == annotator.status).unwrap_or(0)] += 1;
    }
    totals
}

fn table(project: &ProjectFolder, documents: &[DocumentProgress]) -> String {
    let mut text = String::new();
    for document in documents {
        let who: Vec<String> = document
            .annotators
            .iter()
            .map(|a| {
                format!(
                    "{} {} ({})",
                    a.annotator,
                    a.status.label(),
                    counted(a.span_count, "span", "spans")
                )
            })
            .collect();
        let ready = if document.ready_for_review() {
            "; ready for review"
        } else {
            ""
        };
        let _ = writeln!(text, "{}: {}{ready}", document.article, who.join(", "));
    }
    let ready = documents.iter().filter(|d| d.ready_for_review()).count();
    for (name, [assigned, not_started, in_progress, done]) in totals(project, documents) {
        let _ = writeln!(
            text,
            "{name}: {done} done, {in_progress} in progress, {not_started} not started of {}",
            counted(assigned, "document", "documents")
        );
    }
    let _ = writeln!(
        text,
        "{} of {} ready for review",
        ready,
        counted(documents.len(), "document", "documents")
    );
    text
}

fn json(project: &ProjectFolder, documents: &[DocumentProgress]) -> String {
    let status = |s: Status| match s {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    };
    let documents_json: Vec<serde_json::Value> = documents
        .iter()
        .map(|d| {
            let annotators: Vec<serde_json::Value> = d
                .annotators
                .iter()
                .map(|a| serde_json::json!({"annotator": a.annotator, "status": status(a.status), "spans": a.span_count}))
                .collect();
            serde_json::json!({"article": d.article, "annotators": annotators, "ready_for_review": d.ready_for_review()})
        })
        .collect();
    let totals: serde_json::Map<String, serde_json::Value> = totals(project, documents)
        .into_iter()
        .map(|(name, [assigned, not_started, in_progress, done])| {
            let counts = serde_json::json!({"assigned": assigned, "not_started": not_started, "in_progress": in_progress, "done": done});
            (name.to_owned(), counts)
        })
        .collect();
    let value = serde_json::json!({
        "project": project.root.display().to_string(),
        "documents": documents_json,
        "annotators": totals,
    });
    format!("{value}\n")
}
