//! `hashiya check INPUT...`: the annotation checks of the window's Problems panel on articles,
//! annotation files and folders, one line (or JSON object) per problem.

use std::fmt::Write as _;
use std::path::Path;

use crate::checks::{self, CheckKind, Problem};
use crate::cli::args::CheckArgs;
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::text::plural::counted;

/// Runs `hashiya check …`; returns the exit code: 0 when nothing was found, 1 when a problem
/// was, 2 when an input could not be read (the others are still checked).
#[must_use]
pub fn run(args: &CheckArgs) -> i32 {
    let mut out = Output::stdout("check");
    if args.list {
        out.print(&list());
        return out.finish(0);
    }
    let loaded = crate::io::load_inputs(&args.inputs);
    print_warnings("check", loaded.warnings, 0);
    let mut text = String::new();
    let mut found = 0;
    let mut documents_with_problems = 0;
    for (document, path) in loaded.documents.iter().zip(&loaded.document_paths) {
        for name in checks::unknown_disabled_checks(document) {
            eprintln!(
                "hashiya check: warning: the schema turns off \"{name}\", which is no check (see --list): {}",
                path.display()
            );
        }
        let problems = checks::find_problems(document);
        for problem in &problems {
            if args.json {
                push_json(&mut text, path, problem);
            } else {
                push_line(&mut text, path, problem);
            }
        }
        found += problems.len();
        documents_with_problems += usize::from(!problems.is_empty());
    }
    if !args.json {
        let documents = counted(loaded.documents.len(), "document", "documents");
        // Writing into a String cannot fail.
        let _ = if found == 0 {
            writeln!(text, "no problems in {documents}")
        } else {
            writeln!(
                text,
                "{} in {documents_with_problems} of {documents}",
                counted(found, "problem", "problems")
            )
        };
    }
    out.print(&text);
    for error in &loaded.errors {
        eprintln!("hashiya check: {error}");
    }
    let code = if loaded.errors.is_empty() {
        i32::from(found > 0)
    } else {
        2
    };
    out.finish(code)
}

fn list() -> String {
    let mut text = String::new();
    for kind in CheckKind::ALL {
        // Writing into a String cannot fail.
        let _ = writeln!(text, "{:<18} {}", kind.name(), kind.description());
    }
    text
}

fn push_line(text: &mut String, path: &Path, problem: &Problem) {
    // Writing into a String cannot fail.
    let _ = writeln!(
        text,
        "{}: chars {}..{}: {}: {}",
        path.display(),
        problem.char_start,
        problem.char_end,
        problem.check,
        problem.message
    );
}

fn push_json(text: &mut String, path: &Path, problem: &Problem) {
    let record = serde_json::json!({
        "document": path.display().to_string(),
        "check": problem.check.name(),
        "start": problem.char_start,
        "end": problem.char_end,
        "span": problem.span.0,
        "message": problem.message,
    });
    // Writing into a String cannot fail.
    let _ = writeln!(text, "{record}");
}
