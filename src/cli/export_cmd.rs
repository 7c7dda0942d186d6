//! `hashiya export`: annotated articles to a dataset (JSONL, `CoNLL`, brat, spaCy, Parquet),
//! optionally split.

use std::path::PathBuf;

use crate::cli::args::{ExportArgs, ExportTo, UsageError};
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::cli::usage::usage_error;
use crate::export::ExportFormat;
use crate::export::conll::ConllOptions;
use crate::export::dataset::{ExportError, ExportSource, export_dataset};
use crate::export::jsonl::JsonlFlavor;
use crate::export::parquet::ParquetOptions;
use crate::export::split::SplitSpec;

/// What the command line asks for.
struct Request {
    format: ExportFormat,
    out: Option<PathBuf>,
    split: Option<(SplitSpec, u64)>,
    /// Labels exported as brat event types (`--brat-events "Agreed action"`).
    brat_events: Vec<String>,
    inputs: Vec<PathBuf>,
}

/// Runs `hashiya export …`; returns the exit code: 0 written, 1 no annotated document among
/// the inputs, 2 bad usage or an unreadable input or destination.
#[must_use]
pub fn run(args: ExportArgs) -> i32 {
    let request = match parse(args) {
        Ok(request) => request,
        Err(error) => return usage_error("export", &error),
    };
    let split = request.split.as_ref().map(|(spec, seed)| (spec, *seed));
    let source = ExportSource::Paths(&request.inputs);
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

/// The checks clap's grammar cannot express: which options go with which format.
fn parse(args: ExportArgs) -> Result<Request, UsageError> {
    let flavor = match args.jsonl_flavor.unwrap_or_default() {
        JsonlFlavor::Tokens(_) => JsonlFlavor::Tokens(args.sentences.unwrap_or_default()),
        JsonlFlavor::Hashiya if args.with_suggestions => JsonlFlavor::HashiyaWithSuggestions,
        flavor => flavor,
    };
    let suggestions_fit = match args.to {
        ExportTo::Jsonl => flavor == JsonlFlavor::HashiyaWithSuggestions,
        ExportTo::Parquet => true,
        _ => false,
    };
    if args.with_suggestions && !suggestions_fit {
        return Err(UsageError(
            "--with-suggestions goes with --to jsonl (the hashiya flavor) or --to parquet".to_owned(),
        ));
    }
    let format = match args.to {
        ExportTo::Jsonl => ExportFormat::Jsonl(flavor, args.offsets.unwrap_or_default()),
        ExportTo::Conll => ExportFormat::Conll(ConllOptions {
            sentences: args.sentences.unwrap_or_default(),
            layers: args.layers,
        }),
        ExportTo::Brat => ExportFormat::Brat,
        ExportTo::Events => ExportFormat::Events,
        ExportTo::Coref => ExportFormat::Coref,
        ExportTo::Spacy => ExportFormat::Spacy,
        ExportTo::Parquet => ExportFormat::Parquet(ParquetOptions {
            offsets: args.offsets.unwrap_or_default(),
            suggestions: args.with_suggestions,
        }),
    };
    if args.jsonl_flavor.is_some() && args.to != ExportTo::Jsonl {
        return Err(UsageError("--jsonl-flavor goes with --to jsonl".to_owned()));
    }
    let tokens = matches!(format, ExportFormat::Jsonl(JsonlFlavor::Tokens(_), _));
    if args.sentences.is_some() && args.to != ExportTo::Conll && !tokens {
        return Err(UsageError(
            "--sentences goes with --to conll or --jsonl-flavor tokens".to_owned(),
        ));
    }
    if args.offsets.is_some() && !matches!(args.to, ExportTo::Jsonl | ExportTo::Parquet) {
        return Err(UsageError("--offsets goes with --to jsonl or --to parquet".to_owned()));
    }
    if args.offsets.is_some() && tokens {
        return Err(UsageError(
            "--offsets: the tokens flavor writes tokens, not offsets".to_owned(),
        ));
    }
    if tokens && args.out.is_none() {
        return Err(UsageError(
            "--jsonl-flavor tokens writes labels.json beside its file: give the file with --out".to_owned(),
        ));
    }
    if args.layers && args.to != ExportTo::Conll {
        return Err(UsageError("--layers goes with --to conll".to_owned()));
    }
    if !args.brat_events.is_empty() && args.to != ExportTo::Brat {
        return Err(UsageError("--brat-events goes with --to brat".to_owned()));
    }
    let brat_events: Vec<String> = args
        .brat_events
        .iter()
        .map(|label| label.trim())
        .filter(|label| !label.is_empty())
        .map(str::to_owned)
        .collect();
    let split = args.split.map(|spec| (spec, args.seed.unwrap_or(0)));
    if args.out.is_none() && split.is_some() {
        return Err(UsageError("--split writes a folder: give it with --out".to_owned()));
    }
    if args.out.is_none() && format == ExportFormat::Brat {
        return Err(UsageError("brat writes a folder: give it with --out".to_owned()));
    }
    if args.out.is_none() && format == ExportFormat::Spacy {
        return Err(UsageError("spacy writes a binary file: give it with --out".to_owned()));
    }
    if args.out.is_none() && matches!(format, ExportFormat::Parquet(_)) {
        return Err(UsageError(
            "parquet writes a binary file: give it with --out".to_owned(),
        ));
    }
    Ok(Request {
        format,
        out: args.out,
        split,
        brat_events,
        inputs: args.inputs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Command;
    use crate::cli::args::tests::parse_command;
    use crate::export::jsonl::JsonlFlavor;
    use crate::export::offsets::OffsetUnit;
    use crate::export::tokens::SentenceSplit;

    fn request(args: &[&str]) -> Result<Request, String> {
        match parse_command(&[&["export"], args].concat()) {
            Ok(Command::Export(args)) => parse(args).map_err(|e| e.to_string()),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn usage_errors() {
        for bad in [
            &[][..],
            &["a.txt"],
            &["--to", "xml", "a.txt"],
            &["--to", "jsonl"],
            &["--to", "brat", "a.txt"],
            &["--to", "spacy", "a.txt"],
            &["--to", "spacy", "--out", "d.spacy", "--layers", "a.txt"],
            &["--to", "spacy", "--out", "d.spacy", "--offsets", "utf16", "a.txt"],
            &["--to", "parquet", "a.txt"],
            &[
                "--to",
                "parquet",
                "--out",
                "d.parquet",
                "--jsonl-flavor",
                "hashiya",
                "a.txt",
            ],
            &["--to", "parquet", "--out", "d.parquet", "--sentences", "lines", "a.txt"],
            &["--to", "parquet", "--out", "d.parquet", "--layers", "a.txt"],
            &["--to", "parquet", "--out", "d.parquet", "--offsets", "bytes", "a.txt"],
            &["--to", "spacy", "--out", "d.spacy", "--with-suggestions", "a.txt"],
            &["--to", "conll", "--jsonl-flavor", "doccano", "a.txt"],
            &["--to", "jsonl", "--jsonl-flavor", "spacy", "a.txt"],
            &["--to", "jsonl", "--sentences", "lines", "a.txt"],
            &["--to", "jsonl", "--layers", "a.txt"],
            &["--to", "conll", "--offsets", "utf16", "a.txt"],
            &["--to", "jsonl", "--offsets", "bytes", "a.txt"],
            &["--to", "brat", "--out", "d", "--layers", "a.txt"],
            &["--to", "jsonl", "--brat-events", "Agreed action", "a.txt"],
            &["--to", "events", "--offsets", "utf16", "a.txt"],
            &["--to", "coref", "--jsonl-flavor", "hashiya", "a.txt"],
            &["--to", "events", "--layers", "a.txt"],
            &["--to", "jsonl", "--split", "train=1", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--split", "train=0.5", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--seed", "3", "a.txt"],
            &["--to", "jsonl", "--out", "d", "--split", "a=1", "--seed", "x", "a.txt"],
            &["--to", "jsonl", "--jsonl-flavor", "tokens", "a.txt"],
            &[
                "--to",
                "jsonl",
                "--jsonl-flavor",
                "tokens",
                "--offsets",
                "utf16",
                "--out",
                "d",
                "a.txt",
            ],
            &[
                "--to",
                "jsonl",
                "--jsonl-flavor",
                "hashiya",
                "--sentences",
                "lines",
                "--out",
                "d",
                "a.txt",
            ],
        ] {
            assert!(request(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn requests() {
        let request_ = request(&["--to", "conll", "--sentences", "lines", "a", "b"]).expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Conll(ConllOptions {
                sentences: SentenceSplit::Lines,
                layers: false,
            })
        );
        assert_eq!(request_.inputs, ["a", "b"].map(PathBuf::from));
        let request_ = request(&["--to", "conll", "--layers", "a"]).expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Conll(ConllOptions {
                sentences: SentenceSplit::Unicode,
                layers: true,
            })
        );
        let request_ = request(&[
            "--to=jsonl",
            "--jsonl-flavor=doccano",
            "--out",
            "d",
            "--split",
            "a=0.5,b=0.5",
            "--seed",
            "9",
            "x",
        ])
        .expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Char)
        );
        assert_eq!(
            request_.split.map(|(s, seed)| (s.to_string(), seed)),
            Some(("a=0.5,b=0.5".to_owned(), 9))
        );
        let request_ = request(&[
            "--to",
            "brat",
            "--brat-events",
            "Agreed action, Quote",
            "--out",
            "d",
            "x",
        ])
        .expect("parses");
        assert_eq!(request_.brat_events, ["Agreed action", "Quote"]);
        for (to, format) in [("events", ExportFormat::Events), ("coref", ExportFormat::Coref)] {
            assert_eq!(request(&["--to", to, "x"]).expect("parses").format, format);
        }
        let request_ = request(&["--to", "spacy", "--out", "d.spacy", "x"]).expect("parses");
        assert_eq!(request_.format, ExportFormat::Spacy);
        let request_ = request(&["--to", "jsonl", "--offsets", "utf16", "x"]).expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Utf16)
        );
        let request_ = request(&["--to", "jsonl", "--flavor", "tokens", "--out", "t.jsonl", "x"]).expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Jsonl(JsonlFlavor::Tokens(SentenceSplit::Unicode), OffsetUnit::Char)
        );
        let request_ = request(&[
            "--to",
            "jsonl",
            "--jsonl-flavor",
            "tokens",
            "--sentences",
            "lines",
            "--out",
            "t.jsonl",
            "x",
        ])
        .expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Jsonl(JsonlFlavor::Tokens(SentenceSplit::Lines), OffsetUnit::Char)
        );
    }

    #[test]
    fn parquet_requests() {
        let request_ = request(&["--to", "parquet", "--out", "d.parquet", "x"]).expect("parses");
        assert_eq!(request_.format, ExportFormat::Parquet(ParquetOptions::default()));
        let request_ = request(&[
            "--to",
            "parquet",
            "--offsets",
            "utf16",
            "--with-suggestions",
            "--out",
            "d",
            "--split",
            "train=0.5,test=0.5",
            "x",
        ])
        .expect("parses");
        assert_eq!(
            request_.format,
            ExportFormat::Parquet(ParquetOptions {
                offsets: OffsetUnit::Utf16,
                suggestions: true,
            })
        );
    }
}
