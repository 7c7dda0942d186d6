//! `hashiya stats`: spans per label and per document, links per kind.

use std::fmt::Write as _;

use crate::cli::args::StatsArgs;
use crate::cli::inputs::{print_warnings, write_stdout};
use crate::export::stats::Stats;

/// Runs `hashiya stats …`; returns the exit code: 0, or 2 for inputs that could not be read
/// (the others are still counted).
#[must_use]
pub fn run(args: &StatsArgs) -> i32 {
    let loaded = crate::io::load_inputs(&args.inputs);
    print_warnings("stats", loaded.warnings, 0);
    let stats = Stats::of(&loaded.documents);
    let mut text = stats.to_string();
    text.push('\n');
    if loaded.skipped > 0 {
        let _ = writeln!(text, "({} articles without annotations not counted)", loaded.skipped);
    }
    write_stdout(&text);
    for error in &loaded.errors {
        eprintln!("hashiya stats: {error}");
    }
    if loaded.errors.is_empty() { 0 } else { 2 }
}
