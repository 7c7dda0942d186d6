//! `hashiya suggest --source matcher|rules|tagger [--train INPUT...] [--gazetteer FILE]
//! INPUT...`: runs a source over articles and writes its suggestions into their annotation
//! files (their own section: never annotations), replacing what that source suggested before,
//! leaving out what is annotated or was rejected. The matcher and the tagger learn from the
//! `--train` inputs, or from the annotated inputs themselves.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::cli::args::SuggestSource;
use crate::cli::output::Output;
use crate::io;
use crate::model::{Document, SuggestionSource};
use crate::suggest::{Candidates, Matcher, Tagger};

/// A source ready to run on documents.
enum Ready {
    Matcher(Box<Matcher>),
    Rules,
    Tagger(Box<Tagger>),
}

impl Ready {
    fn suggest(&self, document: &Document) -> Candidates {
        match self {
            Self::Matcher(matcher) => matcher.suggest(document),
            Self::Rules => crate::suggest::rules::suggest_by_schema(document),
            Self::Tagger(tagger) => tagger.suggest(document),
        }
    }
}

/// Runs the write mode; exit code 0 (written), 1 (some articles could not be read or
/// written; the others are), 2 (nothing to learn from, an unreadable gazetteer or training
/// input).
#[must_use]
pub fn run(source: SuggestSource, train: &[PathBuf], gazetteer: Option<&Path>, inputs: &[PathBuf]) -> i32 {
    let articles = match articles_of(inputs) {
        Ok(articles) => articles,
        Err(error) => {
            eprintln!("hashiya suggest: {error}");
            return 2;
        }
    };
    let ready = match prepare(source, train, gazetteer, &articles) {
        Ok(ready) => ready,
        Err(error) => {
            eprintln!("hashiya suggest: {error}");
            return 2;
        }
    };
    let model_source = match source {
        SuggestSource::Matcher => SuggestionSource::Matcher,
        SuggestSource::Rules => SuggestionSource::Rules,
        SuggestSource::Tagger => SuggestionSource::Tagger,
    };
    let mut out = Output::stdout("suggest");
    let (mut failed, mut total) = (0, 0);
    for article in &articles {
        match write_suggestions(article, &ready, &model_source) {
            Ok(count) => {
                total += count;
                out.line(format!("{}\t{count}", article.display()));
            }
            Err(error) => {
                failed += 1;
                eprintln!("hashiya suggest: {}: {error}", article.display());
            }
        }
    }
    eprintln!(
        "hashiya suggest: {total} suggestions in {} articles",
        articles.len() - failed
    );
    out.finish(i32::from(failed > 0))
}

/// The articles the inputs name: articles, annotation files (their article), folders (their
/// articles).
fn articles_of(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut articles = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let entries = io::folder::list_folder(input).map_err(|e| e.to_string())?;
            articles.extend(entries.into_iter().map(|e| e.article));
        } else if let Some(article) = io::article_path_for(input) {
            articles.push(article);
        } else {
            articles.push(input.clone());
        }
    }
    Ok(articles)
}

/// Learns what the source needs.
fn prepare(
    source: SuggestSource,
    train: &[PathBuf],
    gazetteer: Option<&Path>,
    articles: &[PathBuf],
) -> Result<Ready, String> {
    if source == SuggestSource::Rules {
        return Ok(Ready::Rules);
    }
    let training: Vec<Document> = if train.is_empty() {
        articles
            .iter()
            .filter_map(|a| io::load_document(a).ok())
            .map(|loaded| loaded.document)
            .filter(|d| !d.spans().is_empty())
            .collect()
    } else {
        let loaded = io::load_inputs(train);
        if let Some(error) = loaded.errors.first() {
            return Err(error.to_string());
        }
        loaded.documents
    };
    if training.is_empty() {
        return Err("no annotated document to learn from (give some with --train)".to_owned());
    }
    let refs: Vec<&Document> = training.iter().collect();
    match source {
        SuggestSource::Matcher => {
            let entries = match gazetteer {
                Some(path) => {
                    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
                    crate::suggest::parse_gazetteer(&text).map_err(|e| format!("{}: {e}", path.display()))?
                }
                None => Vec::new(),
            };
            Ok(Ready::Matcher(Box::new(Matcher::learn(&refs, &entries))))
        }
        SuggestSource::Tagger => {
            let tagger = Tagger::train(&refs, &|_| {}, &AtomicBool::new(false)).map_err(|e| e.to_string())?;
            Ok(Ready::Tagger(Box::new(tagger)))
        }
        SuggestSource::Rules => Ok(Ready::Rules),
    }
}

/// Replaces the source's suggestions in one article's annotation file; returns how many it
/// holds now.
fn write_suggestions(article: &Path, ready: &Ready, source: &SuggestionSource) -> Result<usize, String> {
    let loaded = io::load_document(article).map_err(|e| e.to_string())?;
    let candidates = ready.suggest(&loaded.document);
    let (spans, links) = candidates.proposals();
    let (command, counts) = loaded.document.suggestion_command(source, &spans, &links);
    let count = counts.made;
    let suggestions = loaded
        .document
        .suggestions()
        .replacing(command)
        .ok_or_else(|| "no suggestions were made".to_owned())?;
    let document = loaded.document.with_suggestions(suggestions);
    io::save_document_with_orphans(&document, &loaded.orphans, &io::annotation_path_for(article))
        .map_err(|e| e.to_string())?;
    Ok(count)
}
