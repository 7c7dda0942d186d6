//! `hashiya completions SHELL` and `hashiya man`: generated from the same grammar as the
//! parser ([`Cli`]), so they cannot drift from it.

use std::io::Write as _;
use std::path::Path;

use clap::CommandFactory as _;
use clap_complete::Shell;

use crate::cli::args::Cli;

/// Prints the completion script for `shell`; returns the exit code (0, or 1 when stdout
/// cannot be written).
pub fn completions(shell: Shell) -> i32 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hashiya", &mut script);
    print_bytes(&script)
}

/// Prints `hashiya.1`, or with `out_dir` writes it and one page per subcommand
/// (`hashiya-export.1`, `hashiya-debug-layout.1`, …) there, as man pages are installed.
pub fn man_pages(out_dir: Option<&Path>) -> i32 {
    let result = match out_dir {
        None => {
            let mut page = Vec::new();
            // `help` is a subcommand of the parser, not a page of its own.
            clap_mangen::Man::new(Cli::command().disable_help_subcommand(true))
                .render(&mut page)
                .map(|()| print_bytes(&page))
        }
        Some(dir) => clap_mangen::generate_to(Cli::command(), dir).map(|()| 0),
    };
    result.unwrap_or_else(|error| {
        let place = out_dir.map_or_else(|| "standard output".to_owned(), |dir| dir.display().to_string());
        eprintln!("hashiya man: cannot write the manual pages to {place} ({error})");
        2
    })
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
fn print_bytes(bytes: &[u8]) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("hashiya: cannot write to standard output ({error})");
            1
        }
        _ => 0,
    }
}
