//! `hashiya import`: a dataset (`CoNLL`, brat, JSONL) to articles with annotation files, so
//! that existing data and pre-annotations can be reviewed in Hashiya.

use std::path::PathBuf;

use crate::cli::args::{Args, UsageError};
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::export::ImportOptions;
use crate::export::dataset::{ImportError, ImportRequest, import_dataset};
use crate::export::files::ImportFormat;

const USAGE: &str =
    "usage: hashiya import --from conll|brat|jsonl [--map TAG=LABEL,...] [--annotator NAME] [--force] INPUT --out DIR";

/// What the command line asks for.
struct Request {
    format: ImportFormat,
    options: ImportOptions,
    input: PathBuf,
    out: PathBuf,
    force: bool,
}

/// Runs `hashiya import …` (`args` after `import`); returns the exit code: 0 written (the
/// warnings name the input lines), 1 when it would overwrite files (without `--force`) or
/// refused documents Hashiya could not open (the others are written), 2 bad usage or an unreadable input or unwritable destination.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => {
            eprintln!("hashiya import: {error}\n{USAGE}");
            return 2;
        }
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

fn parse(args: &[String]) -> Result<Request, UsageError> {
    let args = Args::parse(args, &["from", "map", "annotator", "out"], &["force"])?;
    let format = args
        .value("from")
        .ok_or_else(|| UsageError("--from is required".to_owned()))?
        .parse::<ImportFormat>()
        .map_err(|e| UsageError(format!("--from: {e}")))?;
    let out = args
        .value("out")
        .map(PathBuf::from)
        .ok_or_else(|| UsageError("--out DIR is required".to_owned()))?;
    let [input] = args.positional.as_slice() else {
        return Err(UsageError(
            "give exactly one INPUT (a file, or a brat folder)".to_owned(),
        ));
    };
    let mut options = ImportOptions::new("");
    if let Some(map) = args.value("map") {
        options.label_map = ImportOptions::parse_label_map(map).map_err(|e| UsageError(format!("--map: {e}")))?;
    }
    if let Some(annotator) = args.value("annotator") {
        annotator.clone_into(&mut options.annotator);
    }
    Ok(Request {
        format,
        options,
        input: PathBuf::from(input),
        out,
        force: args.switch("force"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::strings;

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
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
        let request = parse(&strings(&[
            "--from",
            "conll",
            "--map",
            "PERS=Actor",
            "x",
            "--out",
            "d",
            "--force",
        ]))
        .expect("parses");
        assert_eq!(request.options.label_map.get("PERS").map(String::as_str), Some("Actor"));
        assert!(request.force);
    }
}
