//! `hashiya import`: a dataset (`CoNLL`, brat, JSONL) to articles with annotation files, so
//! that existing data and pre-annotations can be reviewed in Hashiya.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::cli::args::{Args, UsageError};
use crate::cli::inputs::{print_warnings, write_stdout};
use crate::export::files::{self, ImportFormat};
use crate::export::{ImportOptions, Imported};
use crate::io;

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
/// warnings name the input lines), 1 when it would overwrite files (without `--force`),
/// 2 bad usage or an unreadable input or unwritable destination.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => {
            eprintln!("hashiya import: {error}\n{USAGE}");
            return 2;
        }
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
    use crate::model::Schema;
    use crate::model::{Document, DocumentMeta};
    use std::path::Path;

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
