//! The window's side of find: the find bar's panel, its requests (scroll, label the accepted
//! matches in one undo step), "label similar", and the folder results window.

use egui::{Context, Ui};

use super::HashiyaApp;
use crate::io::search::search_articles;
use crate::model::Command;
use crate::text::find::FindOptions;
use crate::ui::actions::AppAction;
use crate::ui::find_bar::FindRequest;
use crate::ui::folder_results::{FolderHit, FolderResults};

impl HashiyaApp {
    /// The find bar under the menu bar, when open.
    pub(super) fn find_bar_panel_ui(&mut self, ui: &mut Ui) {
        if !self.find.open {
            return;
        }
        let text_state = self.generation;
        self.find.refresh(self.session.document().text(), text_state);
        let labels: Vec<String> = self
            .session
            .document()
            .schema()
            .labels
            .iter()
            .map(|label| label.name.clone())
            .collect();
        let requests = egui::Panel::top("find_bar")
            .show(ui, |ui| self.find.show_ui(ui, self.session.document(), &labels))
            .inner;
        for request in requests {
            self.find_request(ui.ctx(), request);
        }
    }

    fn find_request(&mut self, ctx: &Context, request: FindRequest) {
        match request {
            FindRequest::ScrollTo(char_offset) => self.view.scroll_to_char(char_offset),
            FindRequest::Label { label, ranges } => self.label_ranges(&label, &ranges),
            FindRequest::SearchFolder(query, options) => self.search_folder(&query, options),
        }
        ctx.request_repaint();
    }

    /// Labels every range with `label` as one edit (one undo step).
    fn label_ranges(&mut self, label: &str, ranges: &[std::ops::Range<usize>]) {
        let commands = ranges
            .iter()
            .map(|range| Command::AddSpan {
                label: label.to_owned(),
                char_start: range.start,
                char_end: range.end,
            })
            .collect();
        match self.session.edit(Command::Batch(commands)) {
            Ok(_) => {
                let args = [("count", ranges.len().into()), ("label", label.into())];
                self.say(self.tr().raw_args("msg-labelled", &args), false);
            }
            Err(error) => {
                let text = self
                    .tr()
                    .raw_args("msg-not-labelled", &[("error", self.command_error(&error).into())]);
                self.say(text, true);
            }
        }
    }

    /// "Label similar": find the selected span's text (normalised, with prefixes) and walk
    /// the other occurrences with its label.
    pub(super) fn label_similar(&mut self) {
        let Some(span) = self.annotator.selected.and_then(|id| self.session.document().span(id)) else {
            self.say(self.tr().raw("msg-select-span-first"), true);
            return;
        };
        let (label, text) = (span.label.clone(), self.session.document().span_text(span).to_owned());
        self.find.set_query(&text);
        self.find.refresh(self.session.document().text(), self.generation);
        if let Some(message) = self.find.start_walk(self.session.document(), &label, self.tr()) {
            self.say(message, false);
        } else if let Some(first) = self.find.walk_current() {
            self.view.scroll_to_char(first.start);
        }
    }

    fn search_folder(&mut self, query: &str, options: FindOptions) {
        let Some(folder) = &self.folder else {
            self.say(self.tr().raw("msg-search-needs-folder"), true);
            return;
        };
        let articles: Vec<_> = folder.entries.iter().map(|entry| entry.article.clone()).collect();
        match search_articles(&articles, query, &options) {
            Ok(results) => self.folder_results = Some(FolderResults::new(query, &results)),
            Err(error) => self.say(crate::app::i18n::find_error(self.settings.language, &error), true),
        }
    }

    /// The folder results window; a click opens the article at the match.
    pub(super) fn folder_results_ui(&mut self, ctx: &Context) -> Option<AppAction> {
        let results = self.folder_results.as_mut()?;
        let hit = results.show_ui(ctx, &mut self.labels)?;
        let FolderHit { article, char_start } = hit;
        let index = self
            .folder
            .as_ref()
            .and_then(|folder| folder.entries.iter().position(|entry| entry.article == article))?;
        self.pending_scroll = Some((article, char_start));
        Some(AppAction::SwitchDocument(index))
    }

    /// After a document switch from the folder results: scroll to the match once the article
    /// is the open one.
    pub(super) fn scroll_after_switch(&mut self) {
        let Some((article, char_start)) = &self.pending_scroll else {
            return;
        };
        if self.session.article_path() == article {
            self.view.scroll_to_char(*char_start);
            self.pending_scroll = None;
        }
    }
}
