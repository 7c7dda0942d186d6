//! A small, strict argument parser shared by the subcommands: `--flag VALUE`, `--flag=VALUE`,
//! boolean `--flag`, and positional arguments. Unknown flags are usage errors.

use std::collections::BTreeMap;

/// A usage error: printed as one line on stderr, exit code 2.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Parsed arguments of one subcommand.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    values: BTreeMap<String, String>,
    switches: Vec<String>,
    /// Positional arguments, in order.
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `args`. `value_flags` take a value (`--width 600`); `switch_flags` take none.
    pub fn parse(args: &[String], value_flags: &[&str], switch_flags: &[&str]) -> Result<Self, UsageError> {
        let mut parsed = Self::default();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let Some(flag) = arg.strip_prefix("--").filter(|f| !f.is_empty()) else {
                parsed.positional.push(arg.clone());
                continue;
            };
            let (name, inline_value) = match flag.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (flag, None),
            };
            if value_flags.contains(&name) {
                let value = match inline_value {
                    Some(value) => value,
                    None => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| UsageError(format!("--{name} needs a value")))?,
                };
                parsed.values.insert(name.to_owned(), value);
            } else if switch_flags.contains(&name) && inline_value.is_none() {
                parsed.switches.push(name.to_owned());
            } else {
                return Err(UsageError(format!("unknown option --{name}")));
            }
        }
        Ok(parsed)
    }

    /// The value of a flag, if given.
    #[must_use]
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// The value of a flag parsed as a number (or other `FromStr`), with a default.
    pub fn parsed_or<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, UsageError> {
        match self.value(name) {
            None => Ok(default),
            Some(text) => text
                .parse()
                .map_err(|_| UsageError(format!("--{name}: \"{text}\" is not a valid value"))),
        }
    }

    /// Whether a switch was given.
    #[must_use]
    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

/// `&str` arguments as the `String`s a subcommand receives (for the subcommands' tests).
#[cfg(test)]
pub(crate) fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| (*s).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_switches_and_positionals() {
        let args = Args::parse(
            &strings(&["--width", "300", "a.txt", "--dry", "--to=jsonl", "5"]),
            &["width", "to"],
            &["dry"],
        )
        .expect("parses");
        assert_eq!(args.parsed_or("width", 600.0_f32), Ok(300.0));
        assert_eq!(args.value("to"), Some("jsonl"));
        assert!(args.switch("dry"));
        assert_eq!(args.positional, ["a.txt", "5"]);
    }

    #[test]
    fn usage_errors() {
        assert!(Args::parse(&strings(&["--width"]), &["width"], &[]).is_err());
        assert!(Args::parse(&strings(&["--nope"]), &["width"], &[]).is_err());
        let args = Args::parse(&strings(&["--width", "wide"]), &["width"], &[]).expect("parses");
        assert!(args.parsed_or("width", 1.0_f32).is_err());
    }
}
