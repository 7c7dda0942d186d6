//! `hashiya merge-file BASE OURS THEIRS [PATH]`: git's merge driver for annotation files. The
//! merge itself is [`crate::io::merge_annotation_files`]; here the files are read, the result
//! replaces OURS atomically, and git hears the outcome through the exit code.

use std::path::Path;

use crate::cli::args::MergeFileArgs;
use crate::io::atomic::{Backup, write_atomic};
use crate::io::{merge_annotation_files, read_annotation_text};
use crate::text::plural::counted;

/// Runs `hashiya merge-file …`; returns the exit code: 0 merged (OURS replaced), 1 the versions
/// cannot be merged (OURS unchanged, git reports a conflict), 2 a file could not be read or
/// written.
#[must_use]
pub fn run(args: &MergeFileArgs) -> i32 {
    let name = args.path.as_deref().unwrap_or(&args.ours);
    let mut texts = Vec::with_capacity(3);
    for path in [&args.base, &args.ours, &args.theirs] {
        match read_annotation_text(path) {
            Ok(text) => texts.push(text),
            Err(error) => {
                eprintln!("hashiya merge-file: {error}");
                return 2;
            }
        }
    }
    // `*.hashiya.ron merge=hashiya` sends the dataset's entity registry here too.
    if name
        .file_name()
        .is_some_and(|n| n == crate::io::entities::ENTITIES_FILE)
    {
        return match crate::io::entities::merge_registries(&texts[0], &texts[1], &texts[2]) {
            Ok(merged) => match write_atomic(&args.ours, merged.as_bytes(), Backup::None) {
                Ok(()) => 0,
                Err(error) => {
                    eprintln!("hashiya merge-file: {error}");
                    2
                }
            },
            Err(error) => {
                eprintln!("hashiya merge-file: {}: {error}", name.display());
                1
            }
        };
    }
    let outcome = match merge_annotation_files(&texts[0], &texts[1], &texts[2]) {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("hashiya merge-file: {}: {error}", name.display());
            return 1;
        }
    };
    if let Err(error) = write_atomic(&args.ours, outcome.ron.as_bytes(), Backup::None) {
        eprintln!("hashiya merge-file: {error}");
        return 2;
    }
    if outcome.needs_review() {
        eprintln!("hashiya merge-file: {}", review_line(name, &outcome));
    }
    0
}

/// What a person should look at after the merge, in one line.
fn review_line(name: &Path, outcome: &crate::io::MergeOutcome) -> String {
    let mut parts = Vec::new();
    if outcome.conflicting_spans > 0 {
        parts.push(format!(
            "{} changed on both branches, every version kept",
            counted(outcome.conflicting_spans, "span", "spans")
        ));
    }
    if outcome.dropped_links > 0 {
        parts.push(format!(
            "{} the merged spans cannot hold left out",
            counted(outcome.dropped_links, "link", "links")
        ));
    }
    format!(
        "{}: merged; {}; marked for review in the window",
        name.display(),
        parts.join("; ")
    )
}
