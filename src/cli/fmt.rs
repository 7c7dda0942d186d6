//! `hashiya fmt FILE.hashiya.ron...`: rewrites annotation files in canonical form (sorted,
//! one span per line), atomically, keeping the previous version as `.bak`. Files already in
//! canonical form are not touched. Exit code 0 when all are formatted, 1 when a file is
//! invalid (it is left as it is), 2 for bad usage.

use std::path::Path;

use crate::cli::args::Args;
use crate::cli::output::Output;
use crate::io::{self, IoError, Problem, atomic};

const USAGE: &str = "usage: hashiya fmt FILE.hashiya.ron...";

/// Runs the subcommand (`args` after `fmt`) and returns the exit code.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let files = match Args::parse(args, &[], &[]) {
        Ok(parsed) if !parsed.positional.is_empty() => parsed.positional,
        Ok(_) => {
            eprintln!("hashiya fmt: no file given\n{USAGE}");
            return 2;
        }
        Err(error) => {
            eprintln!("hashiya fmt: {error}\n{USAGE}");
            return 2;
        }
    };
    let mut out = Output::stdout("fmt");
    let mut all_ok = true;
    for file in &files {
        let path = Path::new(file);
        match format_file(path) {
            Ok(true) => out.line(format_args!("formatted: {}", path.display())),
            Ok(false) => out.line(format_args!("unchanged: {}", path.display())),
            // A failed write is an error, not a finding about the file: one line on stderr.
            Err(error @ IoError::Write { .. }) => {
                all_ok = false;
                eprintln!("hashiya fmt: {error}");
            }
            Err(error) => {
                all_ok = false;
                for problem in error.problems() {
                    out.line(format_args!("{problem}: {}", path.display()));
                }
            }
        }
    }
    out.finish(i32::from(!all_ok))
}

/// Rewrites one file when it is not canonical; `true` when it changed.
fn format_file(path: &Path) -> Result<bool, IoError> {
    let bytes = std::fs::read(path).map_err(|source| IoError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let ron = std::str::from_utf8(&bytes)
        .map_err(|_| IoError::Invalid {
            path: path.to_path_buf(),
            problems: vec![Problem::new("the file is not UTF-8 text")],
        })?
        .trim_start_matches('\u{FEFF}');
    let canonical = io::canonical_ron(ron).map_err(|e| e.with_path(path))?;
    if canonical == ron {
        return Ok(false);
    }
    atomic::write_atomic(path, canonical.as_bytes(), atomic::Backup::Keep)?;
    Ok(true)
}
