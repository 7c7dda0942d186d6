//! Printing for the dataset commands; loading their inputs is [`crate::io::load_inputs`].

use std::io::Write as _;
use std::path::Path;

use crate::cli::output::Output;
use crate::io::Problem;

/// Warnings printed before the rest are only counted.
pub const SHOWN_WARNINGS: usize = 20;

/// Prints messages on stderr, the first [`SHOWN_WARNINGS`] in full and a count of the rest.
pub fn print_warnings(command: &str, warnings: impl IntoIterator<Item = impl std::fmt::Display>, suppressed: usize) {
    let mut stderr = std::io::stderr().lock();
    let mut hidden = suppressed;
    for (index, warning) in warnings.into_iter().enumerate() {
        if index < SHOWN_WARNINGS {
            // A warning that cannot be printed (stderr closed) has nowhere else to go, and
            // must not turn a finished command into a failed one.
            let _ = writeln!(stderr, "hashiya {command}: warning: {warning}");
        } else {
            hidden += 1;
        }
    }
    if hidden > 0 {
        let _ = writeln!(stderr, "hashiya {command}: … and {hidden} more warnings"); // as above
    }
}

/// The per-file loop of `validate` and `fmt`: runs `check` on each file and prints one line
/// `RESULT: PATH` for a success or `PROBLEM: PATH` for each problem, through the shared stdout
/// writer (a closed pipe ends the loop quietly, a full disk is an error). Returns the exit
/// code: 0 when every file succeeded, 1 otherwise.
pub fn report_each_file(
    command: &'static str,
    files: &[impl AsRef<Path>],
    check: impl Fn(&Path) -> Result<String, Vec<Problem>>,
) -> i32 {
    let mut out = Output::stdout(command);
    let mut all_ok = true;
    for file in files {
        let path = file.as_ref();
        match check(path) {
            Ok(result) => out.line(format_args!("{result}: {}", path.display())),
            Err(problems) => {
                all_ok = false;
                for problem in problems {
                    out.line(format_args!("{problem}: {}", path.display()));
                }
            }
        }
        if out.is_done() {
            break;
        }
    }
    out.finish(i32::from(!all_ok))
}
