//! `hashiya validate FILE.hashiya.ron...`: checks annotation files against their articles
//! (`NAME.txt` beside `NAME.hashiya.ron`). Prints `valid (…): PATH` or one line per problem,
//! `LINE:COL: MESSAGE: PATH`. Exit code 0 when all are valid, 1 when any has a problem, 2 for
//! bad usage.

use crate::cli::args::ValidateArgs;
use crate::cli::inputs::report_each_file;

/// Runs the subcommand and returns the exit code.
#[must_use]
pub fn run(args: &ValidateArgs) -> i32 {
    report_each_file("validate", &args.files, |path| {
        crate::io::validate_file(path).map(|summary| format!("valid ({summary})"))
    })
}
