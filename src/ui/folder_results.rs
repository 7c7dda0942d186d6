//! The results of a folder-wide search, keyword-in-context style: one row per match with its
//! document, line and the words around it; a click opens that document at the match.

use std::path::PathBuf;

use egui::{Context, Ui};

use crate::io::search::SearchResults;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::language::Tr;

/// Chars of context shown on each side of a match.
const CONTEXT_CHARS: usize = 40;
/// Rows listed at most (the count says how many there are in all).
const MAX_ROWS: usize = 2_000;

/// A match chosen in the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderHit {
    /// Its article.
    pub article: PathBuf,
    /// Where the match starts (char offset).
    pub char_start: usize,
}

/// One row of the results.
struct Row {
    hit: FolderHit,
    document: String,
    line: usize,
    context: String,
}

/// The results window's state.
pub struct FolderResults {
    query: String,
    rows: Vec<Row>,
    total: usize,
    documents: usize,
    open: bool,
}

impl FolderResults {
    /// Rows for `results` of `query`.
    #[must_use]
    pub fn new(query: &str, results: &SearchResults) -> Self {
        let mut rows = Vec::new();
        for article in &results.articles {
            let document = article.article.file_name().map_or_else(
                || article.article.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            );
            for found in article.matches.iter().take(MAX_ROWS.saturating_sub(rows.len())) {
                let before = article
                    .text
                    .slice(found.start.saturating_sub(CONTEXT_CHARS)..found.start);
                let after = article.text.slice(found.end..found.end + CONTEXT_CHARS);
                let matched = article.text.slice(found.start..found.end);
                let line = 1 + article.text.slice(0..found.start).matches('\n').count();
                rows.push(Row {
                    hit: FolderHit {
                        article: article.article.clone(),
                        char_start: found.start,
                    },
                    document: document.clone(),
                    line,
                    context: one_line(&format!("…{before}[{matched}]{after}…")),
                });
            }
        }
        Self {
            query: query.to_owned(),
            rows,
            total: results.total(),
            documents: results.articles.iter().filter(|a| !a.matches.is_empty()).count(),
            open: true,
        }
    }

    /// Shows the window; returns the match clicked, if any.
    pub fn show_ui(&mut self, ctx: &Context, labels: &mut BidiLabels) -> Option<FolderHit> {
        let mut chosen = None;
        let mut open = self.open;
        let tr = Tr::of(ctx);
        egui::Window::new(tr.t("folder-results-title"))
            .id(egui::Id::unique("folder-results"))
            .open(&mut open)
            .default_size([560.0, 420.0])
            .show(ctx, |ui| chosen = self.rows_ui(ui, labels));
        self.open = open;
        chosen
    }

    fn rows_ui(&self, ui: &mut Ui, labels: &mut BidiLabels) -> Option<FolderHit> {
        let mut chosen = None;
        ui.horizontal(|ui| {
            labels.label_ui(ui, &self.query);
            let tr = Tr::of(ui.ctx());
            let matches = tr.raw_args("count-matches", &[("count", self.total.into())]);
            let documents = tr.raw_args("count-documents", &[("count", self.documents.into())]);
            let args = [("matches", matches.into()), ("documents", documents.into())];
            ui.label(tr.t_args("folder-results-count", &args));
        });
        ui.separator();
        egui::ScrollArea::vertical().show_rows(ui, 24.0, self.rows.len(), |ui, range| {
            for row in &self.rows[range] {
                ui.horizontal(|ui| {
                    if ui.link(format!("{}:{}", row.document, row.line)).clicked() {
                        chosen = Some(row.hit.clone());
                    }
                    labels.label_ui(ui, &row.context);
                });
            }
        });
        chosen
    }

    /// Whether the window is still open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
