//! `hashiya import`: a dataset (`CoNLL`, brat, JSONL) to articles with annotation files, so
//! that existing data and pre-annotations can be reviewed in Hashiya.

use std::path::PathBuf;

use crate::cli::args::{ImportArgs, UsageError};
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::cli::usage::usage_error;
use crate::export::ImportOptions;
use crate::export::dataset::{ImportError, ImportRequest, import_dataset};
use crate::export::files::ImportFormat;

/// What the command line asks for.
struct Request {
    format: ImportFormat,
    options: ImportOptions,
    input: PathBuf,
    out: PathBuf,
    force: bool,
}

/// Runs `hashiya import …`; returns the exit code: 0 written (the warnings name the input
/// lines), 1 when it would overwrite files (without `--force`) or refused documents Hashiya
/// could not open (the others are written), 2 bad usage or an unreadable input or unwritable
/// destination.
#[must_use]
pub fn run(args: ImportArgs) -> i32 {
    if args.as_suggestions {
        return crate::cli::import_suggestions::run(&args);
    }
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => return usage_error("import", &error),
    };
    let import = ImportRequest {
        format: request.format,
        input: &request.input,
        options: &request.options,
        out: &request.out,
        force: request.force,
    };
    let outcome = match import_dataset(&import, &mut |_, _| {}) {
        Ok(outcome) => outcome,
        Err(ImportError::WouldOverwrite(conflicts)) => {
            for conflict in &conflicts {
                eprintln!("hashiya import: would overwrite {}", conflict.display());
            }
            eprintln!("hashiya import: nothing written; use --force to overwrite");
            return 1;
        }
        Err(error) => {
            eprintln!("hashiya import: {error}");
            return 2;
        }
    };
    let mut report = outcome.report;
    let suppressed = report.warnings_suppressed;
    print_warnings("import", report.warnings.drain(..).map(|w| w.to_string()), suppressed);
    let mut out = Output::stdout("import");
    outcome.articles.iter().for_each(|article| out.line(article.display()));
    for refused in &outcome.refused {
        eprintln!("hashiya import: {refused}");
    }
    eprintln!("hashiya import: {report}; written to {}", request.out.display());
    out.finish(i32::from(!outcome.refused.is_empty()))
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
    if let Some(column) = args.column {
        if args.from != ImportFormat::Conll {
            return Err(UsageError("--column: only CoNLL files have tag columns".into()));
        }
        options.tag_column = Some(usize::from(column));
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
            &["--from", "conll", "--column", "1", "x", "--out", "d"],
            &["--from", "conll", "--column", "x", "x", "--out", "d"],
            &["--from", "brat", "--column", "3", "x", "--out", "d"],
        ] {
            assert!(request(bad).is_err(), "{bad:?}");
        }
        let request =
            request(&["--from", "conll", "--map", "PERS=Actor", "x", "--out", "d", "--force"]).expect("parses");
        assert_eq!(request.options.label_map.get("PERS").map(String::as_str), Some("Actor"));
        assert!(request.force);
        assert_eq!(request.options.tag_column, None);
        let columns = super::tests::request(&["--from", "conll", "--column", "3", "x", "--out", "d"]).expect("parses");
        assert_eq!(columns.options.tag_column, Some(3));
    }
}
