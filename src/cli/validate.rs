//! `hashiya validate FILE.hashiya.ron...`: checks each annotation file against its article
//! (`NAME.txt` beside it). Prints `valid (…): PATH` or one line per problem,
//! `LINE:COL: MESSAGE: PATH`. Exit code 0 when all are valid, 1 when any has a problem, 2 for
//! bad usage.

use crate::cli::args::Args;
use crate::cli::inputs::report_each_file;

const USAGE: &str = "usage: hashiya validate FILE.hashiya.ron...";

/// Runs the subcommand (`args` after `validate`) and returns the exit code.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let files = match Args::parse(args, &[], &[]) {
        Ok(parsed) if !parsed.positional.is_empty() => parsed.positional,
        Ok(_) => {
            eprintln!("hashiya validate: no file given\n{USAGE}");
            return 2;
        }
        Err(error) => {
            eprintln!("hashiya validate: {error}\n{USAGE}");
            return 2;
        }
    };
    report_each_file("validate", &files, |path| {
        crate::io::validate_file(path).map(|summary| format!("valid ({summary})"))
    })
}
