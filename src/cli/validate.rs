//! `hashiya validate FILE.hashiya.ron...`: checks each annotation file against its article
//! (`NAME.txt` beside it). Prints `valid (…): PATH` or one line per problem,
//! `LINE:COL: MESSAGE: PATH`. Exit code 0 when all are valid, 1 when any has a problem, 2 for
//! bad usage.

use std::path::Path;

use crate::cli::args::ValidateArgs;
use crate::io::{self, Problem};

/// Runs the subcommand and returns the exit code.
#[must_use]
pub fn run(args: &ValidateArgs) -> i32 {
    let mut all_valid = true;
    for file in &args.files {
        let path = file.as_path();
        match validate_file(path) {
            Ok(summary) => println!("valid ({summary}): {}", path.display()),
            Err(problems) => {
                all_valid = false;
                for problem in problems {
                    println!("{problem}: {}", path.display());
                }
            }
        }
    }
    i32::from(!all_valid)
}

/// Validates one file: a short summary when valid, else every problem.
fn validate_file(path: &Path) -> Result<String, Vec<Problem>> {
    let Some(article_path) = io::article_path_for(path) else {
        return Err(vec![Problem::new(
            "the name does not end in .hashiya.ron, so its article (NAME.txt) cannot be found",
        )]);
    };
    let article = io::load_article(&article_path).map_err(|error| {
        error
            .problems()
            .into_iter()
            .map(|p| Problem::new(format!("the article {}: {}", article_path.display(), p.message)))
            .collect::<Vec<_>>()
    })?;
    let bytes = std::fs::read(path).map_err(|e| vec![Problem::new(format!("cannot read the file ({e})"))])?;
    let Ok(ron) = std::str::from_utf8(&bytes) else {
        let loaded = io::load_annotations(path, &article.text);
        return Err(loaded.err().map_or_else(Vec::new, |e| e.problems()));
    };
    let problems = io::validate_ron(ron, &article.text);
    if !problems.is_empty() {
        return Err(problems);
    }
    // The same loader the window uses must accept it too.
    let loaded = io::load_annotations(path, &article.text).map_err(|e| e.problems())?;
    Ok(format!(
        "{} spans, {} links, article {}",
        loaded.document.spans().len(),
        loaded.document.links().len(),
        article.encoding
    ))
}
