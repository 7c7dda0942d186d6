//! `hashiya stats`: spans per label and per document, links per kind.

use std::fmt::Write as _;

use crate::cli::args::StatsArgs;
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::export::stats::Stats;

/// Runs `hashiya stats …`; returns the exit code: 0, or 2 for inputs that could not be read
/// (the others are still counted).
#[must_use]
pub fn run(args: &StatsArgs) -> i32 {
    let loaded = crate::io::load_inputs(&args.inputs);
    print_warnings("stats", loaded.warnings, 0);
    let mut out = Output::stdout("stats");
    // Statistics of nothing would read as an answer ("0 documents") when every input failed.
    if !loaded.documents.is_empty() || loaded.errors.is_empty() {
        let stats = Stats::of(&loaded.documents);
        let mut text = stats.to_string();
        text.push('\n');
        if loaded.skipped > 0 {
            let skipped = crate::text::plural::counted(loaded.skipped, "article", "articles");
            let _ = writeln!(text, "({skipped} without annotations not counted)");
        }
        out.print(&text);
    }
    for error in &loaded.errors {
        eprintln!("hashiya stats: {error}");
    }
    out.finish(if loaded.errors.is_empty() { 0 } else { 2 })
}
