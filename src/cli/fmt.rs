//! `hashiya fmt FILE.hashiya.ron...`: rewrites annotation files in canonical form (sorted,
//! one span per line), atomically, keeping the previous version as `.bak`. Files already in
//! canonical form are not touched. Exit code 0 when all are formatted, 1 when a file is
//! invalid (it is left as it is), 2 for bad usage.

use std::path::Path;

use crate::cli::args::FmtArgs;
use crate::io::{self, IoError, Problem, atomic};

/// Runs the subcommand and returns the exit code.
#[must_use]
pub fn run(args: &FmtArgs) -> i32 {
    let mut all_ok = true;
    for file in &args.files {
        let path = file.as_path();
        match format_file(path) {
            Ok(true) => println!("formatted: {}", path.display()),
            Ok(false) => println!("unchanged: {}", path.display()),
            Err(error) => {
                all_ok = false;
                for problem in error.problems() {
                    println!("{problem}: {}", path.display());
                }
            }
        }
    }
    i32::from(!all_ok)
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
