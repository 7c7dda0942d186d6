//! `hashiya fmt FILE.hashiya.ron...`: rewrites annotation files in canonical form (sorted,
//! one span per line), atomically, keeping the previous version as `.bak`. Files already in
//! canonical form are not touched. Exit code 0 when all are formatted, 1 when a file is
//! invalid, read-only or unreadable (it is left as it is), 2 for bad usage.

use crate::cli::args::FmtArgs;
use crate::cli::inputs::report_each_file;
use crate::io::{self, Formatted, IoError};

/// Runs the subcommand and returns the exit code.
#[must_use]
pub fn run(args: &FmtArgs) -> i32 {
    report_each_file("fmt", &args.files, |path| match io::format_file(path) {
        Ok(Formatted::Rewritten) => Ok("formatted".to_owned()),
        Ok(Formatted::Unchanged) => Ok("unchanged".to_owned()),
        // A failed write is an error, not a finding about the file: one line on stderr.
        Err(error @ IoError::Write { .. }) => {
            eprintln!("hashiya fmt: {error}");
            Err(Vec::new())
        }
        Err(error) => Err(error.problems()),
    })
}
