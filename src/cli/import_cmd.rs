//! `hashiya import`: a dataset (`CoNLL`, brat, JSONL) to articles with annotation files, so
//! that existing data and pre-annotations can be reviewed in Hashiya.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::args::{ImportArgs, UsageError};
use crate::cli::inputs::{print_warnings, write_stdout};
use crate::cli::usage::usage_error;
use crate::export::files::{self, ImportFormat};
use crate::export::{ImportOptions, Imported};
use crate::io;

/// What the command line asks for.
struct Request {
    format: ImportFormat,
    options: ImportOptions,
    input: PathBuf,
    out: PathBuf,
    force: bool,
}

/// Runs `hashiya import …`; returns the exit code: 0 written (the warnings name the input
/// lines), 1 when it would overwrite files (without `--force`), 2 bad usage or an unreadable
/// input or unwritable destination.
#[must_use]
pub fn run(args: ImportArgs) -> i32 {
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => return usage_error("import", &error),
    };
    let imported = match files::read_import(request.format, &request.input, &request.options) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("hashiya import: {error}");
            return 2;
        }
    };
    let Imported { documents, mut report } = imported;
    let suppressed = report.warnings_suppressed;
    print_warnings("import", report.warnings.drain(..).map(|w| w.to_string()), suppressed);
    let targets = io::import_targets(&documents, &request.out);
    if !request.force {
        let conflicts = io::import_conflicts(&documents, &targets);
        if !conflicts.is_empty() {
            for conflict in &conflicts {
                eprintln!("hashiya import: would overwrite {}", conflict.display());
            }
            eprintln!("hashiya import: nothing written; use --force to overwrite");
            return 1;
        }
    }
    let mut written = String::new();
    for (document, article) in documents.iter().zip(&targets) {
        match io::write_imported_document(document, article) {
            Ok(warning) => print_warnings("import", warning, 0),
            Err(error) => {
                eprintln!("hashiya import: {error}");
                return 2;
            }
        }
        let _ = writeln!(written, "{}", article.display());
    }
    write_stdout(&written);
    eprintln!("hashiya import: {report}; written to {}", request.out.display());
    0
}

/// The checks clap's grammar cannot express: the label map's syntax.
fn parse(args: ImportArgs) -> Result<Request, UsageError> {
    let mut options = ImportOptions::new("");
    if let Some(map) = &args.map {
        options.label_map = ImportOptions::parse_label_map(map).map_err(|e| UsageError(format!("--map: {e}")))?;
    }
    if let Some(annotator) = args.annotator {
        options.annotator = annotator;
    }
    Ok(Request {
        format: args.from,
        options,
        input: args.input,
        out: args.out,
        force: args.force,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Command;
    use crate::cli::args::tests::parse_command;
    use crate::model::Schema;
    use crate::model::{Document, DocumentMeta};
    use std::path::Path;

    fn request(args: &[&str]) -> Result<Request, String> {
        match parse_command(&[&["import"], args].concat()) {
            Ok(Command::Import(args)) => parse(args).map_err(|e| e.to_string()),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn usage_errors() {
        for bad in [
            &["x.conll", "--out", "d"][..],
            &["--from", "xml", "x", "--out", "d"],
            &["--from", "conll", "x"],
            &["--from", "conll", "--out", "d"],
            &["--from", "conll", "a", "b", "--out", "d"],
            &["--from", "conll", "--map", "PERS", "x", "--out", "d"],
        ] {
            assert!(request(bad).is_err(), "{bad:?}");
        }
        let request =
            request(&["--from", "conll", "--map", "PERS=Actor", "x", "--out", "d", "--force"]).expect("parses");
        assert_eq!(request.options.label_map.get("PERS").map(String::as_str), Some("Actor"));
        assert!(request.force);
    }

    #[test]
    fn target_names_are_safe_and_unique() {
        let document = |name: &str| {
            let meta = DocumentMeta {
                source_name: name.into(),
                ..DocumentMeta::default()
            };
            Document::new("x".into(), Schema::default_schema(), meta)
        };
        let documents = [
            document("a.txt"),
            document("a.txt"),
            document("../../etc/passwd"),
            document(""),
        ];
        let names: Vec<PathBuf> = io::import_targets(&documents, Path::new("out"));
        assert_eq!(
            names,
            ["out/a.txt", "out/a-2.txt", "out/_.._etc_passwd", "out/document-4.txt"].map(PathBuf::from)
        );
    }
}
