//! `hashiya export`: annotated articles to a dataset (JSONL, `CoNLL`, brat), optionally split.

use std::path::PathBuf;

use crate::cli::args::{Args, UsageError};
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::export::ExportFormat;
use crate::export::conll::ConllOptions;
use crate::export::dataset::{ExportError, ExportSource, export_dataset};
use crate::export::jsonl::JsonlFlavor;
use crate::export::split::SplitSpec;
use crate::export::tokens::SentenceSplit;

const USAGE: &str = "usage: hashiya export --to jsonl|conll|brat [--jsonl-flavor hashiya|doccano|doccano-relations] \
[--sentences unicode|lines] [--brat-events LABEL,...] [--out PATH] [--split train=0.8,dev=0.1,test=0.1 [--seed N]] INPUT...";

/// What the command line asks for.
struct Request {
    format: ExportFormat,
    out: Option<PathBuf>,
    split: Option<(SplitSpec, u64)>,
    /// Labels exported as brat event types (`--brat-events "Agreed action"`).
    brat_events: Vec<String>,
    inputs: Vec<String>,
}

/// Runs `hashiya export …` (`args` after `export`); returns the exit code: 0 written, 1 no
/// annotated document among the inputs, 2 bad usage or an unreadable input or destination.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => {
            eprintln!("hashiya export: {error}\n{USAGE}");
            return 2;
        }
    };
    let inputs: Vec<PathBuf> = request.inputs.iter().map(PathBuf::from).collect();
    let split = request.split.as_ref().map(|(spec, seed)| (spec, *seed));
    let source = ExportSource::Paths(&inputs);
    let outcome = match export_dataset(
        source,
        request.format,
        request.out.as_deref(),
        split,
        &request.brat_events,
        &mut |_, _| {},
    ) {
        Ok(outcome) => outcome,
        Err(ExportError::Unreadable(errors)) => {
            for error in &errors {
                eprintln!("hashiya export: {error}");
            }
            eprintln!("hashiya export: nothing written");
            return 2;
        }
        Err(error @ ExportError::NothingToExport { .. }) => {
            eprintln!("hashiya export: {error}");
            return 1;
        }
        Err(error) => {
            eprintln!("hashiya export: {error}");
            return 2;
        }
    };
    let mut out = Output::stdout("export");
    if let Some(text) = &outcome.text {
        out.print(text);
    }
    let code = out.finish(0);
    if code != 0 {
        return code;
    }
    let mut report = outcome.report;
    let suppressed = report.warnings_suppressed;
    print_warnings("export", std::mem::take(&mut report.warnings), suppressed);
    let destination = request
        .out
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    eprintln!("hashiya export: {report}; written to {destination}");
    0
}

fn parse(args: &[String]) -> Result<Request, UsageError> {
    let args = Args::parse(
        args,
        &["to", "jsonl-flavor", "sentences", "brat-events", "out", "split", "seed"],
        &[],
    )?;
    let to = args
        .value("to")
        .ok_or_else(|| UsageError("--to is required".to_owned()))?;
    let format = match to {
        "jsonl" => {
            let flavor = args.value("jsonl-flavor").map_or(Ok(JsonlFlavor::Hashiya), str::parse);
            ExportFormat::Jsonl(flavor.map_err(UsageError)?)
        }
        "conll" => {
            let sentences = match args.value("sentences") {
                None | Some("unicode") => SentenceSplit::Unicode,
                Some("lines") => SentenceSplit::Lines,
                Some(other) => return Err(UsageError(format!("--sentences: \"{other}\" is not unicode or lines"))),
            };
            ExportFormat::Conll(ConllOptions { sentences })
        }
        "brat" => ExportFormat::Brat,
        other => {
            return Err(UsageError(format!(
                "--to: unknown format \"{other}\" (jsonl, conll, brat)"
            )));
        }
    };
    if args.value("jsonl-flavor").is_some() && to != "jsonl" {
        return Err(UsageError("--jsonl-flavor goes with --to jsonl".to_owned()));
    }
    if args.value("sentences").is_some() && to != "conll" {
        return Err(UsageError("--sentences goes with --to conll".to_owned()));
    }
    if args.value("brat-events").is_some() && to != "brat" {
        return Err(UsageError("--brat-events goes with --to brat".to_owned()));
    }
    let brat_events: Vec<String> = args
        .value("brat-events")
        .map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let split = match args.value("split") {
        None if args.value("seed").is_some() => return Err(UsageError("--seed goes with --split".to_owned())),
        None => None,
        Some(spec) => Some((
            spec.parse::<SplitSpec>().map_err(|e| UsageError(e.to_string()))?,
            args.parsed_or("seed", 0_u64)?,
        )),
    };
    let out = args.value("out").map(PathBuf::from);
    if out.is_none() && split.is_some() {
        return Err(UsageError("--split writes a folder: give it with --out".to_owned()));
    }
    if out.is_none() && format == ExportFormat::Brat {
        return Err(UsageError("brat writes a folder: give it with --out".to_owned()));
    }
    if args.positional.is_empty() {
        return Err(UsageError(
            "no INPUT (articles, annotation files or folders)".to_owned(),
        ));
    }
    Ok(Request {
        format,
        out,
        split,
        brat_events,
        inputs: args.positional,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::strings;

    #[test]
    fn usage_errors() {
        for bad in [
            &[][..],
            &["a.txt"],
            &["--to", "xml", "a.txt"],
            &["--to", "jsonl"],
            &["--to", "brat", "a.txt"],
            &["--to", "conll", "--jsonl-flavor", "doccano", "a.txt"],
            &["--to", "jsonl", "--jsonl-flavor", "spacy", "a.txt"],
            &["--to", "jsonl", "--sentences", "lines", "a.txt"],
            &["--to", "jsonl", "--brat-events", "Agreed action", "a.txt"],
            &["--to", "jsonl", "--split", "train=1", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--split", "train=0.5", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--seed", "3", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--split", "a=1", "--seed", "x", "a.txt"],
        ] {
            assert!(parse(&strings(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn requests() {
        let request = parse(&strings(&["--to", "conll", "--sentences", "lines", "a", "b"])).expect("parses");
        assert_eq!(
            request.format,
            ExportFormat::Conll(ConllOptions {
                sentences: SentenceSplit::Lines
            })
        );
        assert_eq!(request.inputs, ["a", "b"]);
        let request = parse(&strings(&[
            "--to=jsonl",
            "--jsonl-flavor=doccano",
            "--out",
            "d",
            "--split",
            "a=0.5,b=0.5",
            "--seed",
            "9",
            "x",
        ]))
        .expect("parses");
        assert_eq!(request.format, ExportFormat::Jsonl(JsonlFlavor::Doccano));
        assert_eq!(
            request.split.map(|(s, seed)| (s.to_string(), seed)),
            Some(("a=0.5,b=0.5".to_owned(), 9))
        );
        let request = parse(&strings(&[
            "--to",
            "brat",
            "--brat-events",
            "Agreed action, Quote",
            "--out",
            "d",
            "x",
        ]))
        .expect("parses");
        assert_eq!(request.brat_events, ["Agreed action", "Quote"]);
    }
}
