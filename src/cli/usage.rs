//! Parsing the command line and reporting usage errors: clap's message, kept to one line on
//! stderr (`hashiya: error: … (see 'hashiya export --help')`), exit code 2. Help and
//! `--version` go to stdout, exit code 0.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory as _, FromArgMatches as _};

use crate::cli::args::Cli;

/// Parses the process arguments (the program name first). `Err` holds the exit code once
/// help, the version or a usage error has been printed.
pub fn parse<I, T>(args: I) -> Result<Cli, i32>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let result = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    result.map_err(|error| report(&error, &args))
}

/// Prints a usage error found after parsing (options that do not go together) for the
/// subcommand `name` and returns the exit code, 2.
pub fn usage_error(name: &str, message: &impl std::fmt::Display) -> i32 {
    let command = if name.is_empty() {
        "hashiya".to_owned()
    } else {
        format!("hashiya {name}")
    };
    eprintln!("hashiya: error: {message} (see '{command} --help')");
    2
}

fn report(error: &clap::Error, args: &[OsString]) -> i32 {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // On stdout, through the shared writer: `--help | head` ends quietly, `> /dev/full`
            // is an error.
            let mut out = crate::cli::output::Output::stdout("help");
            out.print(&error.render().to_string());
            out.finish(0)
        }
        _ => {
            let message = mistyped_subcommand(args).unwrap_or_else(|| one_line(error));
            usage_error(&command_path(args), &message)
        }
    }
}

/// `hashiya valdate FILE`: clap takes the typo for the window's PATH and complains about
/// FILE; name the subcommand that was meant instead.
fn mistyped_subcommand(args: &[OsString]) -> Option<String> {
    let first = args.get(1)?.to_str()?;
    if first.starts_with('-') || std::path::Path::new(first).exists() {
        return None;
    }
    let command = Cli::command();
    if command.find_subcommand(first).is_some() {
        return None;
    }
    let meant = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .map(|name| (strsim::jaro(first, name), name))
        .filter(|&(similarity, _)| similarity > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))?
        .1;
    Some(format!(
        "unrecognized subcommand '{first}'; tip: a similar subcommand exists: '{meant}'"
    ))
}

/// The subcommands named on the command line (`export`, `debug rects`), for the help hint.
fn command_path(args: &[OsString]) -> String {
    let mut command = Cli::command();
    let mut path = Vec::new();
    for arg in args.iter().skip(1).filter_map(|arg| arg.to_str()) {
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') {
            continue;
        }
        let Some(sub) = command.find_subcommand(arg).cloned() else {
            break;
        };
        path.push(sub.get_name().to_owned());
        command = sub;
    }
    path.join(" ")
}

/// clap's message without its usage block, on one line, with its suggestion if any.
fn one_line(error: &clap::Error) -> String {
    if error.kind() == ErrorKind::MissingRequiredArgument
        && let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg)
    {
        return format!("missing {}", missing.join(", "));
    }
    let rendered = error.render().to_string();
    let mut parts: Vec<&str> = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        if !line.is_empty() {
            parts.push(line);
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    fn error(args: &[&str]) -> clap::Error {
        Cli::try_parse_from(std::iter::once("hashiya").chain(args.iter().copied()))
            .err()
            .unwrap_or_else(|| panic!("{args:?} parses"))
    }

    #[test]
    fn errors_are_one_line_with_the_cause() {
        for (args, expected) in [
            (&["export", "--to", "jsonl", "--nope", "a.txt"][..], "'--nope'"),
            (&["export", "a.txt"], "missing --to <FORMAT>"),
            (&["export", "--to", "xml", "a.txt"], "'xml'"),
            (&["export", "--tto", "jsonl", "a.txt"], "'--tto'"),
            (&["debug"], "subcommand"),
            (&["debug", "hit", "a.txt", "nan", "1"], "finite"),
        ] {
            let line = one_line(&error(args));
            assert!(!line.contains('\n') && line.contains(expected), "{args:?}: {line}");
        }
    }

    #[test]
    fn a_mistyped_subcommand_is_named() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let message = mistyped_subcommand(&args(&["hashiya", "valdate", "x.hashiya.ron"]));
        assert!(message.is_some_and(|m| m.contains("'validate'")));
        assert_eq!(mistyped_subcommand(&args(&["hashiya", "zzzzzz", "x"])), None);
        assert_eq!(mistyped_subcommand(&args(&["hashiya", "--nope"])), None);
        assert_eq!(mistyped_subcommand(&args(&["hashiya", "debug", "x"])), None);
    }

    #[test]
    fn the_help_hint_names_the_subcommand() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(command_path(&args(&["hashiya", "export", "--to", "x", "a"])), "export");
        assert_eq!(
            command_path(&args(&["hashiya", "debug", "rects", "--width", "3", "f"])),
            "debug rects"
        );
        assert_eq!(command_path(&args(&["hashiya", "--nope"])), "");
    }
}
