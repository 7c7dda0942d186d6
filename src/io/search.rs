//! Find across articles: every match of a query in each article named on a command line or
//! open in the window's folder (`hashiya search`, the find bar's folder results).

use std::path::{Path, PathBuf};

use crate::io;
use crate::text::find::{FindError, FindOptions, Match, SearchText};

/// The matches of one article.
#[derive(Debug)]
pub struct ArticleMatches {
    /// The article's path.
    pub article: PathBuf,
    /// The article's text prepared for searching (to slice matches and their context).
    pub text: SearchText,
    /// The matches, in text order.
    pub matches: Vec<Match>,
}

/// The result of searching several articles.
#[derive(Debug, Default)]
pub struct SearchResults {
    /// One entry per article searched, in input order (folders in natural order).
    pub articles: Vec<ArticleMatches>,
    /// Inputs that could not be read: `path: message`.
    pub errors: Vec<String>,
}

impl SearchResults {
    /// Matches over all articles.
    #[must_use]
    pub fn total(&self) -> usize {
        self.articles.iter().map(|article| article.matches.len()).sum()
    }
}

/// Searches every article of `inputs` (articles, annotation files standing for their
/// article, or folders of articles). A query that cannot be compiled is an error for all.
pub fn search_articles(
    inputs: &[impl AsRef<Path>],
    query: &str,
    options: &FindOptions,
) -> Result<SearchResults, FindError> {
    let mut results = SearchResults::default();
    for input in inputs {
        for article in articles_of(input.as_ref(), &mut results.errors) {
            match io::load_article(&article) {
                Ok(loaded) => {
                    let text = SearchText::new(&loaded.text);
                    let matches = text.find(query, options)?;
                    results.articles.push(ArticleMatches { article, text, matches });
                }
                Err(error) => results.errors.push(error.to_string()),
            }
        }
    }
    Ok(results)
}

fn articles_of(path: &Path, errors: &mut Vec<String>) -> Vec<PathBuf> {
    if path.is_dir() {
        return match io::folder::list_folder(path) {
            Ok(entries) => entries.into_iter().map(|entry| entry.article).collect(),
            Err(error) => {
                errors.push(error.to_string());
                Vec::new()
            }
        };
    }
    vec![io::article_path_for(path).unwrap_or_else(|| path.to_owned())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_files_and_folders_and_reports_unreadable_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "قال الحداد ثم والحداد").expect("write");
        std::fs::write(dir.path().join("b.txt"), "لا شيء هنا").expect("write");
        let missing = dir.path().join("missing.txt");
        let results = search_articles(&[dir.path().to_path_buf(), missing], "الحداد", &FindOptions::default())
            .expect("valid query");
        assert_eq!(results.articles.len(), 2);
        assert_eq!(results.articles[0].matches.len(), 2);
        assert_eq!(results.articles[1].matches.len(), 0);
        assert_eq!(results.total(), 2);
        assert_eq!(results.errors.len(), 1);
    }
}
