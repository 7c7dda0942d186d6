//! The window's side of suggestions: the keys and menu items that walk, accept and reject
//! them (every change a command on the open document, so Ctrl+Z undoes it), and running the
//! sources.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, mpsc};

use egui::Context;

use super::HashiyaApp;
use crate::app::suggestion_walk::accept_all;
use crate::model::SuggestionSource;
use crate::ui::actions::{SuggestionAction, SuggestionRun};
use crate::ui::language::Tr;
use crate::ui::suggestion_panel::RunProgress;

impl HashiyaApp {
    /// Carries out a suggestion key, menu item or panel button.
    pub(super) fn suggestion_action(&mut self, ctx: &Context, action: SuggestionAction) {
        match action {
            SuggestionAction::Next | SuggestionAction::Previous => {
                let forward = action == SuggestionAction::Next;
                match self.suggestion_walk.step(self.session.document(), forward) {
                    Some(char_offset) => self.view.scroll_to_char(char_offset),
                    None => self.say(self.tr().raw("suggestions-nothing"), false),
                }
            }
            SuggestionAction::Accept => match self.suggestion_walk.accept() {
                Some(command) => self.suggestion_edit(command),
                None => self.say(self.tr().raw("suggestions-pick-first"), false),
            },
            SuggestionAction::Reject => match self.suggestion_walk.reject() {
                Some(command) => self.suggestion_edit(command),
                None => self.say(self.tr().raw("suggestions-pick-first"), false),
            },
            SuggestionAction::AcceptAll(label) => {
                let threshold = self.suggestion_walk.threshold;
                match accept_all(self.session.document(), &label, threshold) {
                    Some(command) => {
                        let count = match &command {
                            crate::model::Command::AcceptSuggestions { ids, .. } => ids.len(),
                            _ => 1,
                        };
                        self.suggestion_edit(command);
                        let args = [("count", count.into()), ("label", label.into())];
                        self.say(self.tr().raw_args("suggestions-accepted-all", &args), false);
                    }
                    None => self.say(self.tr().raw("suggestions-nothing"), false),
                }
            }
            SuggestionAction::ToggleShow => {
                self.suggestion_walk.show = !self.suggestion_walk.show;
                self.settings.show_suggestions = self.suggestion_walk.show;
            }
            SuggestionAction::Run(run) => self.run_suggestions(ctx, run),
            SuggestionAction::PickPredictions => {
                self.choose_path(ctx, crate::ui::file_picker::PickPurpose::ImportPredictions);
            }
            SuggestionAction::ImportPredictions(path) => self.import_predictions(ctx, path),
        }
    }

    /// Applies an accept or reject and moves on to the next suggestion, as adjudication does.
    fn suggestion_edit(&mut self, command: crate::model::Command) {
        match self.session.edit(command) {
            Ok(created) => {
                if let Some(span) = created.span {
                    self.annotator.selected = Some(span);
                }
                if let Some(char_offset) = self.suggestion_walk.follow(self.session.document()) {
                    self.view.scroll_to_char(char_offset);
                }
            }
            Err(error) => {
                let text = self
                    .tr()
                    .raw_args("suggestions-not-taken", &[("error", self.command_error(&error).into())]);
                self.say(text, true);
            }
        }
    }
}

/// What a background job yields for the open document, or why it yields nothing (worded on
/// its thread).
pub(super) type JobResult = Result<JobAnswer, String>;

/// A background job's answer.
pub(super) enum JobAnswer {
    /// A source's proposals (and the matcher it learned, to refresh after new spans).
    Candidates(crate::suggest::Candidates, Option<crate::suggest::Matcher>),
    /// The lines of a predictions file that belong to the open document.
    Predictions(ReadPredictions),
}

/// A predictions file read for the open document, before its proposals are numbered against
/// the document as it is when they arrive.
pub(super) struct ReadPredictions {
    /// The file's name, for the status line.
    file: String,
    /// Its lines' proposals, per model.
    by_model: std::collections::BTreeMap<String, Vec<crate::model::NewSuggestion>>,
    /// Spans of those lines the reader left out (outside the text, incomplete).
    spans_left_out: usize,
    /// Lines of the file that could not be read at all, and the first of them.
    bad_lines: Option<(usize, usize)>,
}

/// A source running on a background thread (the tagger trains for seconds; the matcher reads
/// the folder), so that no frame waits for it.
pub(super) struct SuggestionJob {
    /// The source, or `None` for a predictions file.
    run: Option<SuggestionRun>,
    /// The article it runs for: a result for another one is dropped.
    generation: u64,
    /// Progress in millionths (written by the thread).
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    receiver: mpsc::Receiver<JobResult>,
}

impl SuggestionJob {
    /// Starts `work` on its own thread.
    pub(super) fn start(
        ctx: &Context,
        run: Option<SuggestionRun>,
        generation: u64,
        work: impl FnOnce(&dyn Fn(f32), &AtomicBool) -> JobResult + Send + 'static,
    ) -> Self {
        let progress = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let (thread_progress, thread_cancel, repaint) = (Arc::clone(&progress), Arc::clone(&cancel), ctx.clone());
        std::thread::spawn(move || {
            let report = |fraction: f32| {
                // Millionths of a fraction in 0..=1 fit a u32.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                thread_progress.store((fraction.clamp(0.0, 1.0) * 1e6) as u32, Ordering::Relaxed);
                repaint.request_repaint();
            };
            let result = work(&report, &thread_cancel);
            // The window may have closed; then nobody waits for the result.
            let _ = sender.send(result);
            repaint.request_repaint();
        });
        Self {
            run,
            generation,
            progress,
            cancel,
            receiver,
        }
    }

    /// How far it has come, for the panel.
    pub(super) fn progress(&self) -> RunProgress {
        #[allow(clippy::cast_precision_loss)] // Millionths: exact in f32's range that matters.
        let fraction = self.progress.load(Ordering::Relaxed) as f32 / 1e6;
        RunProgress {
            run: self.run,
            fraction,
        }
    }
}

impl Drop for SuggestionJob {
    fn drop(&mut self) {
        // A job left behind (another article opened, the window closed) stops early.
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl HashiyaApp {
    /// Picks up a finished source run: its proposals become the source's suggestions, one
    /// undo step.
    pub(super) fn suggestion_job_work(&mut self, _ctx: &Context) {
        let Some(job) = &self.suggestion_job else {
            return;
        };
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(self.tr().raw("suggestions-run-failed")),
        };
        let (run, generation) = (job.run, job.generation);
        self.suggestion_job = None;
        if generation != self.generation {
            return;
        }
        match (result, run) {
            (Ok(JobAnswer::Candidates(candidates, matcher)), Some(run)) => {
                if matcher.is_some() {
                    self.matcher = matcher;
                }
                self.store_candidates(run, &candidates);
            }
            (Ok(JobAnswer::Predictions(read)), _) => self.store_predictions(&read),
            (Ok(JobAnswer::Candidates(..)), None) => {}
            (Err(error), _) => {
                let text = self.tr().raw_args("suggestions-not-taken", &[("error", error.into())]);
                self.say(text, true);
            }
        }
    }

    /// Replaces a source's suggestions with its proposals (those not annotated or rejected).
    fn store_candidates(&mut self, run: SuggestionRun, candidates: &crate::suggest::Candidates) {
        let (spans, links) = candidates.proposals();
        let source = source_of(run);
        let (command, counts) = self.session.document().suggestion_command(&source, &spans, &links);
        let count = counts.made;
        match self.session.edit(command) {
            Ok(_) => {
                let name = crate::ui::suggestion_layer::source_name(self.tr(), &source);
                let args = [("count", count.into()), ("source", name.into())];
                self.say(self.tr().raw_args("suggestions-made", &args), false);
            }
            Err(error) => {
                let text = self
                    .tr()
                    .raw_args("suggestions-not-taken", &[("error", self.command_error(&error).into())]);
                self.say(text, true);
            }
        }
    }
}

/// The model's suggestion source for a source the window runs.
fn source_of(run: SuggestionRun) -> SuggestionSource {
    match run {
        SuggestionRun::Matcher => SuggestionSource::Matcher,
        SuggestionRun::Rules => SuggestionSource::Rules,
        SuggestionRun::Tagger => SuggestionSource::Tagger,
    }
}

/// The gazetteer the matcher reads when it is there: `gazetteer.tsv` (`text<TAB>label` per
/// line) in the article's folder.
pub const GAZETTEER_FILE: &str = "gazetteer.tsv";

impl HashiyaApp {
    /// Starts a source on the open document in the background.
    pub(super) fn run_suggestions(&mut self, ctx: &Context, run: SuggestionRun) {
        if self.suggestion_job.is_some() {
            self.say(self.tr().raw("suggestions-busy"), false);
            return;
        }
        let document = self.session.document().clone();
        let article = self.session.article_path().to_path_buf();
        // The job's errors are worded on its thread, in the language of now.
        let tr = self.tr();
        let others: Vec<std::path::PathBuf> = self
            .folder
            .as_ref()
            .map(|folder| {
                folder
                    .entries
                    .iter()
                    .map(|e| e.article.clone())
                    .filter(|a| *a != article)
                    .collect()
            })
            .unwrap_or_default();
        let work = move |progress: &dyn Fn(f32), cancel: &AtomicBool| -> JobResult {
            match run {
                SuggestionRun::Matcher => {
                    let training = training_documents(&others, progress, cancel);
                    let gazetteer = read_gazetteer(&article, tr)?;
                    let refs: Vec<&crate::model::Document> = training.iter().collect();
                    let mut matcher = crate::suggest::Matcher::learn(&refs, &gazetteer);
                    // The open article is still being annotated: what it leaves unannotated is
                    // not yet decided, so its spans are learned as new ones (always proposed),
                    // not weighed against their unannotated occurrences as finished ones are.
                    for span in document.spans() {
                        matcher.add_span(document.span_text(span), &span.label);
                    }
                    progress(1.0);
                    Ok(JobAnswer::Candidates(matcher.suggest(&document), Some(matcher)))
                }
                SuggestionRun::Rules => Ok(JobAnswer::Candidates(
                    crate::suggest::rules::suggest_by_schema(&document),
                    None,
                )),
                SuggestionRun::Tagger => {
                    let training = training_documents(&others, progress, cancel);
                    let mut refs: Vec<&crate::model::Document> = training.iter().collect();
                    refs.push(&document);
                    // Training reports its own progress over the second half of the bar.
                    let half = |fraction: f32| progress(0.5 + fraction / 2.0);
                    let tagger =
                        crate::suggest::Tagger::train(&refs, &half, cancel).map_err(|e| tagger_error(tr, &e))?;
                    Ok(JobAnswer::Candidates(tagger.suggest(&document), None))
                }
            }
        };
        self.suggestion_job = Some(SuggestionJob::start(ctx, Some(run), self.generation, work));
    }
}

/// The annotated documents of the folder's other articles (those that do not open are left
/// out: a suggestion source is no place to report them).
fn training_documents(
    articles: &[std::path::PathBuf],
    progress: &dyn Fn(f32),
    cancel: &AtomicBool,
) -> Vec<crate::model::Document> {
    let mut documents = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            break;
        }
        if let Ok(loaded) = crate::io::load_document(article)
            && !loaded.document.spans().is_empty()
        {
            documents.push(loaded.document);
        }
        #[allow(clippy::cast_precision_loss)] // A progress bar.
        progress((index + 1) as f32 / articles.len() as f32 * 0.5);
    }
    documents
}

/// The gazetteer beside the article, if there is one; why it does not read, in `tr`'s
/// language.
fn read_gazetteer(article: &std::path::Path, tr: Tr) -> Result<Vec<(String, String)>, String> {
    use crate::suggest::GazetteerError;
    let path = article.with_file_name(GAZETTEER_FILE);
    let shown = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => crate::suggest::parse_gazetteer(&text).map_err(|error| {
            let (id, line) = match error {
                GazetteerError::NoTab { line } => ("suggestions-gazetteer-no-tab", line),
                GazetteerError::Empty { line } => ("suggestions-gazetteer-empty", line),
            };
            tr.raw_args(id, &[("path", shown.as_str().into()), ("line", line.into())])
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(error) => {
            let why = crate::app::i18n::os_error(tr.language(), &error);
            Err(tr.raw_args(
                "suggestions-gazetteer-unreadable",
                &[("path", shown.into()), ("why", why.into())],
            ))
        }
    }
}

/// Why the tagger could not be trained, in `tr`'s language (the CRF library's own words in
/// the English interface only).
fn tagger_error(tr: Tr, error: &crate::suggest::TaggerError) -> String {
    use crate::suggest::TaggerError;
    match error {
        TaggerError::NothingToLearn => tr.raw("suggestions-nothing-to-learn"),
        TaggerError::Cancelled => tr.raw("suggestions-cancelled"),
        TaggerError::Crf(detail) => tr.raw_args("suggestions-crf-failed", &[("detail", detail.into())]),
    }
}

impl HashiyaApp {
    /// After the user made a span: the matcher (once run) learns it, and finds every learned
    /// string again on a background thread (50 ms on an 820,000-char document: too long for a
    /// frame); the refreshed suggestions join the span's undo step, so one undo takes back
    /// both.
    pub(super) fn matcher_learns(&mut self, ctx: &Context, span: crate::model::SpanId) {
        let Some(matcher) = &mut self.matcher else {
            return;
        };
        let document = self.session.document();
        let Some(span) = document.span(span) else {
            return;
        };
        matcher.add_span(document.span_text(span), &span.label);
        let (matcher, document) = (matcher.clone(), document.clone());
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            // The window may have moved on; then nobody waits for the answer.
            let _ = sender.send(matcher.suggest(&document));
            repaint.request_repaint();
        });
        self.matcher_refresh = Some(MatcherRefresh {
            revision: self.session.revision(),
            generation: self.generation,
            receiver,
        });
    }

    /// Takes the matcher's refreshed suggestions when they are ready, if nothing changed since
    /// the span they follow (else the next span refreshes them).
    pub(super) fn matcher_refresh_work(&mut self) {
        let Some(refresh) = &self.matcher_refresh else {
            return;
        };
        let candidates = match refresh.receiver.try_recv() {
            Ok(candidates) => candidates,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.matcher_refresh = None;
                return;
            }
        };
        let current = refresh.revision == self.session.revision() && refresh.generation == self.generation;
        self.matcher_refresh = None;
        if !current {
            return;
        }
        let (spans, links) = candidates.proposals();
        let (command, _) = self
            .session
            .document()
            .suggestion_command(&SuggestionSource::Matcher, &spans, &links);
        if let Err(error) = self.session.edit_with_last(command) {
            let text = self
                .tr()
                .raw_args("suggestions-not-taken", &[("error", self.command_error(&error).into())]);
            self.say(text, true);
        }
    }
}

/// The matcher's suggestions being found again after a new span.
pub(super) struct MatcherRefresh {
    /// The session's revision right after the span was made.
    revision: u64,
    generation: u64,
    receiver: mpsc::Receiver<crate::suggest::Candidates>,
}

/// The model named when a predictions file names none (as `hashiya import` without `--model`).
const DEFAULT_MODEL: &str = "imported";

impl HashiyaApp {
    /// Reads a model's predictions (a JSONL file, possibly large) on a background thread; its
    /// lines for the open document become suggestions when they arrive.
    pub(super) fn import_predictions(&mut self, ctx: &Context, path: std::path::PathBuf) {
        if self.suggestion_job.is_some() {
            self.say(self.tr().raw("suggestions-busy"), false);
            return;
        }
        let file_name = self
            .session
            .article_path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = self.session.document().text().to_owned();
        let tr = self.tr();
        let work = move |progress: &dyn Fn(f32), _cancel: &AtomicBool| -> JobResult {
            let read = read_predictions(&path, &file_name, &text, tr);
            progress(1.0);
            read.map(JobAnswer::Predictions)
        };
        self.suggestion_job = Some(SuggestionJob::start(ctx, None, self.generation, work));
    }

    /// Makes the lines' proposals the suggestions of their models, one undo step, and says
    /// how many were added and left out.
    fn store_predictions(&mut self, read: &ReadPredictions) {
        let made = crate::export::predictions::suggestion_commands(self.session.document(), &read.by_model);
        if let Err(error) = self.session.edit(crate::model::Command::Batch(made.commands)) {
            let text = self
                .tr()
                .raw_args("suggestions-not-taken", &[("error", self.command_error(&error).into())]);
            self.say(text, true);
            return;
        }
        let tr = self.tr();
        let mut text = tr.raw_args(
            "predictions-added",
            &[("count", made.made.into()), ("file", read.file.as_str().into())],
        );
        let left_out = made.left_out + read.spans_left_out;
        text.push_str(&tr.raw_args("predictions-left-out", &[("count", left_out.into())]));
        if !made.unknown_labels.is_empty() {
            let labels = made.unknown_labels.into_iter().collect::<Vec<_>>().join(", ");
            text.push(' ');
            text.push_str(&tr.raw_args("predictions-unknown-labels", &[("labels", labels.into())]));
        }
        text.push_str(&bad_lines_note(tr, read.bad_lines));
        self.say(text, false);
    }
}

/// " N lines of the file could not be read (the first is line L)", or nothing when all were read.
fn bad_lines_note(tr: Tr, bad_lines: Option<(usize, usize)>) -> String {
    bad_lines.map_or_else(String::new, |(count, line)| {
        let note = tr.raw_args(
            "predictions-bad-lines",
            &[("count", count.into()), ("line", line.to_string().into())],
        );
        format!(" {note}")
    })
}

/// Reads `path` and keeps its lines for the article `file_name` of `text`; why not, in `tr`'s
/// language.
fn read_predictions(path: &std::path::Path, file_name: &str, text: &str, tr: Tr) -> Result<ReadPredictions, String> {
    use crate::export::predictions::{self, NoLineFor};
    let shown = path.display().to_string();
    let input = std::fs::read_to_string(path).map_err(|error| {
        let why = crate::app::i18n::os_error(tr.language(), &error);
        tr.raw_args(
            "predictions-unreadable",
            &[("path", shown.as_str().into()), ("why", why.into())],
        )
    })?;
    let (lines, warnings) = predictions::parse(&input);
    let dropped: Vec<usize> = warnings
        .iter()
        .filter(|w| predictions::drops_line(w))
        .filter_map(|w| w.line)
        .collect();
    let bad_lines = dropped.first().map(|&first| (dropped.len(), first));
    let mine = predictions::lines_for(&lines, file_name, text).map_err(|error| match error {
        NoLineFor::Missing => {
            let args = [("path", shown.as_str().into()), ("name", file_name.into())];
            // A line that could not be read may have been this article's.
            tr.raw_args("predictions-no-line", &args) + &bad_lines_note(tr, bad_lines)
        }
        NoLineFor::OtherText { line } => {
            let args = [
                ("path", shown.as_str().into()),
                ("name", file_name.into()),
                ("line", line.to_string().into()),
            ];
            tr.raw_args("predictions-other-text", &args)
        }
    })?;
    let spans_left_out = warnings
        .iter()
        .filter(|w| !predictions::drops_line(w) && mine.iter().any(|p| Some(p.line) == w.line))
        .count();
    let by_model = predictions::proposals_by_model(&mine, DEFAULT_MODEL, &std::collections::BTreeMap::new());
    let file = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    Ok(ReadPredictions {
        file,
        by_model,
        spans_left_out,
        bad_lines,
    })
}
