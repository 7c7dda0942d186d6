//! The window's side of adjudication: starting it on the open article (its annotators' files
//! beside it, the gold file as the open document) and carrying out the window's requests.

use egui::Context;

use super::HashiyaApp;
use crate::app::DocumentSession;
use crate::io::project::{GOLD, annotator_file, annotator_files};
use crate::model::{Document, DocumentMeta};
use crate::review::Adjudication;
use crate::ui::adjudication_window::{AdjudicationRequest, AdjudicationView, Gold};

impl HashiyaApp {
    /// Annotate › Adjudicate…: opens the article's gold file (`NAME.gold.hashiya.ron`, the
    /// curator recorded) with its annotators' versions to settle.
    pub(super) fn start_adjudication(&mut self) {
        if self.session.is_modified() {
            self.say(self.tr().raw("adjudication-save-first"), true);
            return;
        }
        let article = self.session.article_path().to_path_buf();
        let text = self.session.document().text().to_owned();
        let mut versions: Vec<(String, Document)> = Vec::new();
        for (name, path) in annotator_files(&article) {
            match crate::io::load_annotations(&path, &text) {
                Ok(loaded) => {
                    let recorded = loaded.document.meta().annotator.clone();
                    let mut who = if recorded.is_empty() { name } else { recorded };
                    if versions.iter().any(|(other, _)| *other == who) {
                        who = format!("{who} ({})", path.file_name().unwrap_or_default().to_string_lossy());
                    }
                    versions.push((who, loaded.document));
                }
                Err(error) => {
                    let text = self
                        .tr()
                        .raw_args("adjudication-cannot", &[("error", self.file_error(&error).into())]);
                    self.say(text, true);
                    return;
                }
            }
        }
        if versions.len() < 2 {
            self.say(self.tr().raw("adjudication-needs-files"), true);
            return;
        }
        let meta = DocumentMeta {
            annotator: self.annotator_name.clone().unwrap_or_else(|| "curator".to_owned()),
            ..DocumentMeta::default()
        };
        let schema = versions[0].1.schema().clone();
        match DocumentSession::open_file(&article, annotator_file(&article, GOLD), (meta, schema)) {
            Ok(gold) => {
                let count = versions.len();
                self.session = gold;
                self.document_replaced();
                self.adjudication = Some(AdjudicationView::new(Adjudication::new(&versions)));
                let args = [
                    ("count", count.into()),
                    ("path", self.session.annotation_path().display().to_string().into()),
                ];
                self.say(self.tr().raw_args("adjudication-started", &args), false);
            }
            Err(error) => {
                let text = self
                    .tr()
                    .raw_args("adjudication-no-gold", &[("error", self.file_error(&error).into())]);
                self.say(text, true);
            }
        }
    }

    /// N, Shift+N, Enter and X while adjudicating (not while linking: Enter links there).
    pub(super) fn adjudication_keys(&mut self, ctx: &Context) {
        if self.annotator.link_mode.is_some() || self.modal.is_some() {
            return;
        }
        if let Some(view) = &mut self.adjudication {
            let requests = view.keys(ctx, gold(&self.session));
            self.adjudication_requests(requests);
        }
    }

    /// The adjudication window, when adjudicating.
    pub(super) fn adjudication_window_ui(&mut self, ctx: &Context) {
        if let Some(view) = &mut self.adjudication {
            let requests = view.show_ui(ctx, gold(&self.session), &mut self.labels);
            self.adjudication_requests(requests);
        }
    }

    fn adjudication_requests(&mut self, requests: Vec<AdjudicationRequest>) {
        for request in requests {
            match request {
                AdjudicationRequest::Edit(command) => match self.session.edit(command) {
                    Ok(_) => {
                        if let Some(view) = &mut self.adjudication {
                            let more = view.follow(gold(&self.session));
                            self.adjudication_requests(more);
                        }
                    }
                    Err(error) => {
                        let text = self.tr().raw_args(
                            "adjudication-not-taken",
                            &[("error", self.command_error(&error).into())],
                        );
                        self.say(text, true);
                    }
                },
                AdjudicationRequest::ScrollTo(char_offset) => self.view.scroll_to_char(char_offset),
                // The view says things by catalogue id.
                AdjudicationRequest::Say(id) => self.say(self.tr().raw(&id), false),
                AdjudicationRequest::End => {
                    self.adjudication = None;
                    self.say(self.tr().raw("adjudication-ended"), false);
                }
            }
        }
    }
}

/// The open session as the adjudication's gold document.
pub(super) fn gold(session: &DocumentSession) -> Gold<'_> {
    Gold {
        document: session.document(),
        revision: session.revision(),
    }
}
