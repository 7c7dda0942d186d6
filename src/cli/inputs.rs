//! Printing for the dataset commands; loading their inputs is [`crate::io::load_inputs`].

use std::io::Write as _;

/// Warnings printed before the rest are only counted.
pub const SHOWN_WARNINGS: usize = 20;

/// Prints messages on stderr, the first [`SHOWN_WARNINGS`] in full and a count of the rest.
pub fn print_warnings(command: &str, warnings: impl IntoIterator<Item = String>, suppressed: usize) {
    let mut stderr = std::io::stderr().lock();
    let mut hidden = suppressed;
    for (index, warning) in warnings.into_iter().enumerate() {
        if index < SHOWN_WARNINGS {
            let _ = writeln!(stderr, "hashiya {command}: warning: {warning}");
        } else {
            hidden += 1;
        }
    }
    if hidden > 0 {
        let _ = writeln!(stderr, "hashiya {command}: … and {hidden} more warnings");
    }
}
