//! `hashiya search QUERY INPUT...`: every match of an Arabic-aware query in articles and
//! folders, as a count per document or as JSON lines (`--json`) with char offsets.

use std::fmt::Write as _;

use crate::cli::args::SearchArgs;
use crate::cli::output::Output;
use crate::io::search::{SearchResults, search_articles};
use crate::text::find::{FindOptions, MatchMode};
use crate::text::plural::counted;

/// Runs `hashiya search …`; returns the exit code: 0 when something matched, 1 when nothing
/// did, 2 for a bad regex or unreadable inputs.
#[must_use]
pub fn run(args: &SearchArgs) -> i32 {
    let options = FindOptions {
        mode: if args.regex {
            MatchMode::Regex
        } else if args.exact {
            MatchMode::Exact
        } else {
            MatchMode::Normalized
        },
        prefixes: !args.no_prefixes,
        whole_words: !args.partial_words,
    };
    let results = match search_articles(&args.inputs, &args.query, &options) {
        Ok(results) => results,
        Err(error) => {
            eprintln!("hashiya search: {error}");
            return 2;
        }
    };
    let mut out = Output::stdout("search");
    out.print(&if args.json {
        json_lines(&results)
    } else {
        counts(&results)
    });
    for error in &results.errors {
        eprintln!("hashiya search: {error}");
    }
    let code = if results.errors.is_empty() {
        i32::from(results.total() == 0)
    } else {
        2
    };
    out.finish(code)
}

/// One JSON object per match: `{"document", "start", "stem_start", "end", "text"}`.
fn json_lines(results: &SearchResults) -> String {
    let mut out = String::new();
    for article in &results.articles {
        let document = article.article.display().to_string();
        for found in &article.matches {
            let record = serde_json::json!({
                "document": document,
                "start": found.start,
                "stem_start": found.stem_start,
                "end": found.end,
                "text": article.text.slice(found.start..found.end),
            });
            // Writing into a String cannot fail.
            let _ = writeln!(out, "{record}");
        }
    }
    out
}

/// A count per document and a total.
fn counts(results: &SearchResults) -> String {
    let mut out = String::new();
    for article in &results.articles {
        let _ = writeln!(out, "{}\t{}", article.matches.len(), article.article.display());
    }
    let documents = results
        .articles
        .iter()
        .filter(|article| !article.matches.is_empty())
        .count();
    let _ = writeln!(
        out,
        "{} in {} of {}",
        counted(results.total(), "match", "matches"),
        documents,
        counted(results.articles.len(), "document", "documents")
    );
    out
}
