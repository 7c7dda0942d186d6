//! The command line: `hashiya debug|validate|fmt|export|import|stats …`. Each subcommand
//! returns its exit code: 0 success, 1 problems found, 2 bad usage or unreadable input.

pub mod args;
mod debug;
mod export_cmd;
mod fmt;
mod import_cmd;
mod inputs;
mod output;
mod search_cmd;
mod stats_cmd;
mod validate;

/// Names of the subcommands; any other first argument is an article path for the window.
pub const SUBCOMMANDS: [&str; 7] = ["debug", "validate", "fmt", "export", "import", "stats", "search"];

/// Whether the command line asks for a subcommand rather than the window.
#[must_use]
pub fn is_subcommand(args: &[String]) -> bool {
    args.first().is_some_and(|first| SUBCOMMANDS.contains(&first.as_str()))
}

/// Runs a subcommand (`args` without the program name) and returns the process exit code.
#[must_use]
pub fn run(args: &[String]) -> i32 {
    let Some((name, rest)) = args.split_first() else {
        eprintln!("hashiya: missing subcommand (one of {})", SUBCOMMANDS.join(", "));
        return 2;
    };
    match name.as_str() {
        "debug" => debug::run(rest),
        "validate" => validate::run(rest),
        "fmt" => fmt::run(rest),
        "export" => export_cmd::run(rest),
        "import" => import_cmd::run(rest),
        "stats" => stats_cmd::run(rest),
        "search" => search_cmd::run(rest),
        _ => {
            eprintln!(
                "hashiya: unknown subcommand `{name}` (one of {})",
                SUBCOMMANDS.join(", ")
            );
            2
        }
    }
}
