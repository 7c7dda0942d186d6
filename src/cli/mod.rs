//! The command line: `hashiya validate|fmt|export|import|stats|check|agree|entities|merge-file|progress|search|suggest|debug|completions|man …`, its
//! grammar in [`args`]. Each subcommand returns its exit code: 0 success, 1 problems found,
//! 2 bad usage or unreadable input.

mod agree_cmd;
pub mod args;
mod check_cmd;
mod debug;
mod entities_cmd;
mod export_cmd;
mod fmt;
mod import_cmd;
mod import_suggestions;
mod inputs;
mod manual;
mod merge_cmd;
mod output;
mod progress_cmd;
mod search_cmd;
mod stats_cmd;
mod suggest_apply;
mod suggest_cmd;
mod usage;
mod validate;

pub use args::{Cli, Command, WindowArgs};
pub use usage::parse;

/// Runs a subcommand and returns the process exit code.
#[must_use]
pub fn run(command: Command) -> i32 {
    match command {
        Command::Debug(args) => debug::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Export(args) => export_cmd::run(args),
        Command::Import(args) => import_cmd::run(args),
        Command::Stats(args) => stats_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Agree(args) => agree_cmd::run(&args),
        Command::Entities(args) => entities_cmd::run(&args),
        Command::MergeFile(args) => merge_cmd::run(&args),
        Command::Progress(args) => progress_cmd::run(&args),
        Command::Search(args) => search_cmd::run(&args),
        Command::Suggest(args) => suggest_cmd::run(&args),
        Command::Completions(args) => manual::completions(args.shell),
        Command::Man(args) => manual::man_pages(args.out_dir.as_deref()),
    }
}
