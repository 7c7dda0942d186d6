//! [`HashiyaApp`]: the window. A menu bar, the folder panel, the article view with its
//! annotations, the annotation panel, a status bar and the dialogs. Every change to the
//! annotations goes through [`AppAction`] → [`Annotator`] / [`DocumentSession::edit`].

mod adjudication_glue;
mod entity_glue;
mod find_glue;
mod suggestion_glue;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Context, Ui, ViewportCommand};

use crate::app::DocumentSession;
use crate::app::{Annotator, AnnotatorAction, Outcome, ProblemList};
use crate::io::autosave_timer::{AutosaveDue, AutosaveTimer};
use crate::io::file_watcher::FileWatcher;
use crate::io::project::ProjectFolder;
use crate::model::{Command, Status};
use crate::ui::ArticleView;
use crate::ui::actions::{AppAction, shortcut_actions};
use crate::ui::adjudication_window::AdjudicationView;
use crate::ui::annotation_panel::AnnotationPanel;
use crate::ui::annotator_prompt::{AnnotatorAnswer, AnnotatorPrompt};
use crate::ui::article_overlay::{
    SpanDecorator, focus_spans, hovered_span, label_picker_ui, link_arcs_ui, span_card_ui,
};
use crate::ui::bidi_label::BidiLabels;
use crate::ui::dataset_dialogs::{ExportDialog, ImportDialog, ImportOutcome};
use crate::ui::file_picker::{PathPrompt, PickPurpose, Picked, pick};
use crate::ui::find_bar::FindBar;
use crate::ui::folder_panel::OpenFolder;
use crate::ui::folder_results::FolderResults;
use crate::ui::language::{Tr, status_id};
use crate::ui::link_picker::LinkPicker;
use crate::ui::menu::{MenuState, menu_bar_ui};
use crate::ui::problems_window::{DoneAnswer, confirm_done_ui, problems_window_ui};
use crate::ui::recent::RecentPaths;
use crate::ui::schema_window::SchemaWindow;
use crate::ui::screenshot::{ScreenshotOutcome, ScreenshotTask};
use crate::ui::settings::ViewSettings;
use crate::ui::stats_window::stats_window_ui;
use crate::ui::suggestion_layer::{paint_suggestions_ui, suggestion_card_ui};
use crate::ui::suggestion_panel::suggestion_panel_ui;
use crate::ui::unsaved_prompt::{Choice, LeaveDocument, unsaved_prompt_ui};

/// The article shown when no file is given (bundled, so it opens from any directory).
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");
/// Its file name.
pub const SAMPLE_NAME: &str = "libya-army-leaders-meeting.ar.txt";
/// How often the window looks for changes to the annotation file made by others.
const DISK_CHECK_INTERVAL: Duration = Duration::from_secs(2);

/// How the window starts.
#[derive(Default)]
pub struct AppOptions {
    /// The document to show; the sample when `None`.
    pub session: Option<DocumentSession>,
    /// A folder of articles to show (its first article opens when `session` is `None`).
    pub folder: Option<OpenFolder>,
    /// Capture the first fully drawn frame into this PNG and close (stored settings ignored).
    pub screenshot: Option<(PathBuf, ScreenshotOutcome)>,
    /// The interface language, instead of the stored one (`--language`).
    pub language: Option<crate::app::i18n::Language>,
}

/// A line in the status bar.
struct StatusLine {
    text: String,
    is_error: bool,
}

/// A dialog that blocks the window until it is answered; one at a time.
enum Modal {
    /// "Save changes?" before leaving the document; what to do after the answer.
    Unsaved(LeaveDocument),
    /// The in-window path field, when no native file dialog can be shown.
    PathPrompt(PathPrompt),
    /// An autosave newer than the saved annotations, offered when the document opens.
    Recovery(PathBuf),
    /// "Mark as done?" when the status is set to done while this many problems remain.
    ConfirmDone(usize),
    /// "Who is annotating?" before the first article of a team's project opens.
    AskAnnotator(AnnotatorPrompt),
}

/// The windows and offers that do not block the rest of the window.
#[derive(Default)]
struct Dialogs {
    export: Option<ExportDialog>,
    import: Option<ImportDialog>,
    statistics: bool,
    /// The Problems window (the annotation checks).
    problems: bool,
    labels: SchemaWindow,
    /// The banner offering to reload an annotation file changed on disk.
    disk_change: bool,
}

/// The application.
pub struct HashiyaApp {
    /// The find bar (Ctrl+F) and its matches.
    find: FindBar,
    /// The results of a folder-wide search, while their window is open.
    folder_results: Option<FolderResults>,
    /// A match to scroll to once the folder results' document has opened.
    pending_scroll: Option<(PathBuf, usize)>,
    session: DocumentSession,
    /// Bumped whenever another document (or another state of it) is loaded: caches key on it.
    generation: u64,
    view: ArticleView,
    annotator: Annotator,
    panel: AnnotationPanel,
    decorator: SpanDecorator,
    labels: BidiLabels,
    /// The open document's problems, found again when it changes.
    problems: ProblemList,
    /// The targets of the link being drawn.
    link_picker: LinkPicker,
    hovered: Option<crate::model::SpanId>,
    folder: Option<OpenFolder>,
    settings: ViewSettings,
    recent: RecentPaths,
    status: Option<StatusLine>,
    modal: Option<Modal>,
    dialogs: Dialogs,
    allow_close: bool,
    autosave_timer: AutosaveTimer,
    /// Wakes the window when the annotation file changes on disk; nothing else does when idle.
    disk_watcher: FileWatcher,
    title: String,
    screenshot: Option<ScreenshotTask>,
    /// The user's name in team projects (asked once, kept in the settings): it names their own
    /// file of each project article.
    annotator_name: Option<String>,
    /// Settling several annotators' versions into the open gold file, when under way.
    adjudication: Option<AdjudicationView>,
    /// The actor entities of the open article's dataset, and the article they were read for.
    entities: crate::app::EntityBook,
    entities_for: Option<PathBuf>,
    /// The entity picker (E), when open.
    entity_picker: crate::ui::entity_picker::EntityPicker,
    /// The current suggestion, the threshold, whether suggestions are shown (view state).
    suggestion_walk: crate::app::SuggestionWalk,
    /// The suggestion under the pointer.
    hovered_suggestion: Option<crate::model::SuggestionId>,
    /// A source running in the background (the tagger trains for seconds).
    suggestion_job: Option<suggestion_glue::SuggestionJob>,
    /// The string matcher once run: it learns each new span.
    matcher: Option<crate::suggest::Matcher>,
    /// The matcher's suggestions being found again after a new span.
    matcher_refresh: Option<suggestion_glue::MatcherRefresh>,
    /// A span the user just made, for the matcher to learn.
    learn_span: Option<crate::model::SpanId>,
    /// The side panel's suggestion counts, kept between frames.
    suggestion_counts: crate::ui::suggestion_panel::CountCache,
}

/// The settings key of the annotator's name.
const ANNOTATOR_KEY: &str = "hashiya.annotator";

impl HashiyaApp {
    /// Creates the app (called by eframe once the window exists).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let screenshot = options
            .screenshot
            .map(|(path, outcome)| ScreenshotTask::new(path, outcome));
        let (mut settings, recent) = if screenshot.is_some() {
            (ViewSettings::default(), RecentPaths::default())
        } else {
            (ViewSettings::load(cc.storage), RecentPaths::load(cc.storage))
        };
        if let Some(language) = options.language {
            settings.language = language;
        }
        // The article view zooms its own text; egui's whole-UI zoom would fight over Ctrl+=.
        cc.egui_ctx.options_mut(|options| options.zoom_with_keyboard = false);
        crate::ui::language::set_language(&cc.egui_ctx, settings.language);
        let mut status = None;
        let session = options.session.unwrap_or_else(|| {
            open_sample().unwrap_or_else(|error| {
                status = Some(StatusLine {
                    text: error.text(settings.language),
                    is_error: true,
                });
                sample_in_memory()
            })
        });
        let mut app = Self::with_session(&cc.egui_ctx, session, (settings, recent), screenshot);
        app.annotator_name = cc.storage.and_then(|storage| eframe::get_value(storage, ANNOTATOR_KEY));
        app.status = status;
        app.folder = options.folder;
        let folder_annotator = app.folder.as_ref().and_then(|f| app.project_annotator(&f.dir));
        if let Some(folder) = &mut app.folder
            && folder_annotator.is_some()
        {
            folder.annotator = folder_annotator;
            folder.refresh();
        }
        if let Some(folder) = &mut app.folder {
            folder.current = folder
                .entries
                .iter()
                .position(|e| e.article == app.session.article_path());
        }
        // An article of a team's project opens as its annotator's own file, also from the
        // command line (the session was opened before the settings could say who that is).
        let article = app.session.article_path().to_path_buf();
        if matches!(ProjectFolder::find(&article), Ok(Some(_))) {
            app.open_article(&article);
        }
        apply_theme(&cc.egui_ctx, settings.dark);
        app
    }

    fn with_session(
        ctx: &Context,
        session: DocumentSession,
        (settings, recent): (ViewSettings, RecentPaths),
        screenshot: Option<ScreenshotTask>,
    ) -> Self {
        let wake = ctx.clone();
        let disk_watcher = FileWatcher::spawn(DISK_CHECK_INTERVAL, move || wake.request_repaint());
        let mut view = ArticleView::new(session.document().text());
        view.set_font_size(settings.font_size);
        view.set_direction(settings.direction);
        view.set_snap_drag_to_words(true);
        view.set_leave_out_prefixes(settings.leave_out_prefixes);
        let modal = session.pending_recovery().map(Modal::Recovery);
        Self {
            find: FindBar::default(),
            folder_results: None,
            pending_scroll: None,
            session,
            generation: 0,
            view,
            annotator: Annotator::default(),
            panel: AnnotationPanel::default(),
            decorator: SpanDecorator::default(),
            labels: BidiLabels::default(),
            problems: ProblemList::default(),
            link_picker: LinkPicker::default(),
            hovered: None,
            folder: None,
            settings,
            recent,
            status: None,
            modal,
            dialogs: Dialogs::default(),
            allow_close: false,
            autosave_timer: AutosaveTimer::default(),
            disk_watcher,
            title: String::new(),
            screenshot,
            annotator_name: None,
            adjudication: None,
            entities: crate::app::EntityBook::default(),
            entities_for: None,
            entity_picker: crate::ui::entity_picker::EntityPicker::default(),
            suggestion_walk: crate::app::SuggestionWalk::new(settings.show_suggestions),
            hovered_suggestion: None,
            suggestion_job: None,
            matcher: None,
            matcher_refresh: None,
            learn_span: None,
            suggestion_counts: crate::ui::suggestion_panel::CountCache::default(),
        }
    }

    /// The open document and its history.
    #[must_use]
    pub fn session(&self) -> &DocumentSession {
        &self.session
    }

    /// Writes the recovery file now if there are unsaved edits (what the autosave timer does),
    /// for tests of crash recovery; `Ok(false)` when there was nothing to write.
    pub fn autosave_now(&mut self) -> Result<bool, crate::io::IoError> {
        self.session.autosave()
    }

    /// The article view.
    pub fn article_view_mut(&mut self) -> &mut ArticleView {
        &mut self.view
    }

    /// The suggestion N / Shift+N went to, if any.
    #[must_use]
    pub fn current_suggestion(&self) -> Option<crate::model::SuggestionId> {
        self.suggestion_walk.current
    }

    /// The annotator state (selected span, link mode).
    #[must_use]
    pub fn annotator(&self) -> &Annotator {
        &self.annotator
    }

    /// The window's strings, in the language of the settings.
    fn tr(&self) -> Tr {
        Tr::new(self.settings.language)
    }

    /// Why a file could not be opened, saved or restored, in the interface's language. In
    /// another language than English the English wording, with the system's own text, goes
    /// to stderr too: the catalogue's words are what the user reads, the log keeps the detail.
    pub(crate) fn file_error(&self, error: &crate::io::IoError) -> String {
        let language = self.settings.language;
        if language != crate::app::Language::English {
            eprintln!("hashiya: {error}");
        }
        crate::app::i18n::io_error(language, error)
    }

    /// The status-bar message, if any.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.text.as_str())
    }

    /// Carries out a menu, shortcut or panel action.
    pub fn perform(&mut self, ctx: &Context, action: AppAction) {
        if action.saves_or_leaves() {
            self.commit_field_edits();
        }
        match action {
            AppAction::Annotate(action) => self.annotate(action),
            AppAction::Edit(Command::SetStatus(Status::Done)) if self.problem_count() > 0 => {
                self.modal = Some(Modal::ConfirmDone(self.problem_count()));
            }
            AppAction::ConfirmDone => self.edit(Command::SetStatus(Status::Done)),
            AppAction::Edit(command) => self.edit(command),
            AppAction::ToggleProblems => self.dialogs.problems = !self.dialogs.problems,
            AppAction::Adjudicate => self.start_adjudication(),
            AppAction::Suggestion(action) => self.suggestion_action(ctx, action),
            AppAction::AssignEntity => self.assign_entity(),
            AppAction::StepProblem(forward) => self.step_problem(forward),
            AppAction::Undo => self.undo_redo(true),
            AppAction::Redo => self.undo_redo(false),
            AppAction::Save => {
                self.save();
            }
            AppAction::SaveAs => self.choose_path(ctx, PickPurpose::SaveAnnotationsAs),
            AppAction::OpenArticle => self.choose_path(ctx, PickPurpose::OpenArticle),
            AppAction::OpenFolder => self.choose_path(ctx, PickPurpose::OpenFolder),
            AppAction::OpenPath(path) => self.open_path(path),
            AppAction::NextDocument => self.step_document(1),
            AppAction::PreviousDocument => self.step_document(-1),
            AppAction::SwitchDocument(index) => self.switch_document(index),
            AppAction::Export => self.dialogs.export = Some(ExportDialog::new(&self.session, self.folder.as_ref())),
            AppAction::Import => self.dialogs.import = Some(ImportDialog::default()),
            AppAction::Quit => self.request(ctx, LeaveDocument::Quit),
            AppAction::ToggleStatistics => self.dialogs.statistics = !self.dialogs.statistics,
            AppAction::ToggleLabels => self.dialogs.labels.open = !self.dialogs.labels.open,
            AppAction::Find => self.find.open(),
            AppAction::LabelSimilar => self.label_similar(),
            view_action => self.perform_view(ctx, &view_action),
        }
    }

    fn perform_view(&mut self, ctx: &Context, action: &AppAction) {
        match *action {
            AppAction::SetDirection(direction) => self.view.set_direction(direction),
            AppAction::ZoomIn => self.view.zoom_in(),
            AppAction::ZoomOut => self.view.zoom_out(),
            AppAction::ZoomReset => self.view.zoom_reset(),
            AppAction::SetLeaveOutPrefixes(leave_out) => {
                self.settings.leave_out_prefixes = leave_out;
                self.view.set_leave_out_prefixes(leave_out);
            }
            AppAction::SetDark(dark) => {
                self.settings.dark = dark;
                apply_theme(ctx, dark);
            }
            AppAction::SetLanguage(language) => {
                self.settings.language = language;
                crate::ui::language::set_language(ctx, language);
                self.title.clear();
            }
            _ => {}
        }
    }

    fn annotate(&mut self, action: AnnotatorAction) {
        let scroll = matches!(
            action,
            AnnotatorAction::SelectSpan(_) | AnnotatorAction::NextSpan | AnnotatorAction::PreviousSpan
        );
        let creates = matches!(action, AnnotatorAction::ApplyLabel(_));
        // Esc outside link mode clears both selections: the span's and the text's.
        let clears_text = action == AnnotatorAction::Escape && self.annotator.link_mode.is_none();
        let selection = self.view.selection();
        self.annotator.language = self.settings.language;
        match self.annotator.perform(action, selection, &mut self.session) {
            Outcome::Changed => {
                if creates {
                    self.view.set_selection(None);
                    // The matcher learns it once the frame's actions are done.
                    self.learn_span = self.annotator.selected;
                }
                self.status = None;
            }
            Outcome::SelectedWithNote(message) => {
                self.view.set_selection(None);
                self.say(message, false);
            }
            Outcome::Refused(message) => self.say(message, true),
            Outcome::Selected | Outcome::Nothing => {}
        }
        if clears_text {
            self.view.set_selection(None);
        }
        if scroll && let Some(span) = self.annotator.selected.and_then(|id| self.session.document().span(id)) {
            self.view.scroll_to_char(span.char_start);
        }
    }

    /// How many problems the open document has (found again when it changed).
    fn problem_count(&mut self) -> usize {
        let state = (self.generation, self.session.revision());
        self.problems.refresh(state, self.session.document()).len()
    }

    /// F8 / Shift+F8: selects the span of the next or previous problem, scrolls to it and
    /// says what is wrong in the status bar.
    fn step_problem(&mut self, forward: bool) {
        if self.problem_count() == 0 {
            self.say(self.tr().raw("msg-no-problems"), false);
            return;
        }
        let tr = self.tr();
        let document = self.session.document();
        let Some(problem) = self.problems.step(document, self.annotator.selected, forward) else {
            return;
        };
        let message = crate::ui::problems_window::problem_status(tr, problem);
        let span = problem.span;
        self.annotate(AnnotatorAction::SelectSpan(span));
        self.say(message, false);
    }

    fn commit_field_edits(&mut self) {
        for command in self.panel.take_field_edits(self.session.document()) {
            self.edit(command);
        }
    }

    fn edit(&mut self, command: Command) {
        if let Err(error) = self.session.edit(command) {
            self.say(crate::app::i18n::command_error(self.settings.language, &error), true);
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo { self.session.undo() } else { self.session.redo() };
        let (nothing, cannot) = if undo {
            ("msg-nothing-to-undo", "msg-cannot-undo")
        } else {
            ("msg-nothing-to-redo", "msg-cannot-redo")
        };
        let tr = self.tr();
        match done {
            Ok(true) => self.annotator.forget_missing(self.session.document()),
            Ok(false) => self.say(tr.raw(nothing), false),
            Err(error) => {
                let error = self.command_error(&error);
                self.say(tr.raw_args(cannot, &[("error", error.into())]), true);
            }
        }
    }

    /// Why the model refused an edit, in the interface's language.
    fn command_error(&self, error: &crate::model::CommandError) -> String {
        crate::app::i18n::command_error(self.settings.language, error)
    }

    fn say(&mut self, text: String, is_error: bool) {
        self.status = Some(StatusLine { text, is_error });
    }

    // ---- files ---------------------------------------------------------------------------

    fn save(&mut self) -> bool {
        match self.session.save() {
            Ok(()) => {
                let path = self.session.annotation_path().display().to_string();
                self.say(self.tr().raw_args("msg-saved", &[("path", path.into())]), false);
                if let Some(folder) = &mut self.folder {
                    folder.refresh();
                }
                true
            }
            Err(error) => {
                let text = self
                    .tr()
                    .raw_args("msg-not-saved", &[("error", self.file_error(&error).into())]);
                self.say(text, true);
                false
            }
        }
    }

    pub(super) fn choose_path(&mut self, ctx: &Context, purpose: PickPurpose) {
        let directory = self.session.article_path().parent().map(Path::to_path_buf);
        let file_name = (purpose == PickPurpose::SaveAnnotationsAs).then(|| {
            self.session
                .annotation_path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
        match pick(&purpose, directory.as_deref(), file_name.as_deref(), self.tr()) {
            Picked::Path(path) => self.path_chosen(ctx, &purpose, path),
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                let text = match purpose {
                    PickPurpose::SaveAnnotationsAs => self.session.annotation_path().display().to_string(),
                    _ => directory.map(|d| format!("{}/", d.display())).unwrap_or_default(),
                };
                self.modal = Some(Modal::PathPrompt(PathPrompt { purpose, reason, text }));
            }
        }
    }

    fn path_chosen(&mut self, ctx: &Context, purpose: &PickPurpose, path: PathBuf) {
        match purpose {
            PickPurpose::ImportPredictions => self.import_predictions(ctx, path),
            PickPurpose::SaveAnnotationsAs => {
                let tr = self.tr();
                match self.session.save_as(&path) {
                    Ok(()) => self.say(
                        tr.raw_args("msg-saved", &[("path", path.display().to_string().into())]),
                        false,
                    ),
                    Err(error) => self.say(
                        tr.raw_args("msg-not-saved", &[("error", self.file_error(&error).into())]),
                        true,
                    ),
                }
            }
            _ => self.open_path(path),
        }
    }

    fn open_path(&mut self, path: PathBuf) {
        self.unsaved_or(if path.is_dir() {
            LeaveDocument::OpenFolder(path)
        } else {
            LeaveDocument::OpenArticle(path)
        });
    }

    /// Asks about unsaved edits first when there are some, else does it.
    fn unsaved_or(&mut self, intent: LeaveDocument) {
        if self.session.is_modified() {
            self.modal = Some(Modal::Unsaved(intent));
        } else {
            self.leave_document(intent);
        }
    }

    fn request(&mut self, ctx: &Context, intent: LeaveDocument) {
        if intent == LeaveDocument::Quit && !self.session.is_modified() {
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        self.unsaved_or(intent);
    }

    fn leave_document(&mut self, intent: LeaveDocument) {
        match intent {
            LeaveDocument::Quit => self.allow_close = true,
            LeaveDocument::OpenArticle(path) => self.open_article(&path),
            LeaveDocument::OpenFolder(dir) => match OpenFolder::open(&dir, self.project_annotator(&dir)) {
                Ok(folder) => {
                    let first = folder.entries.first().map(|e| e.article.clone());
                    self.recent.push(&dir);
                    self.folder = Some(folder);
                    if let Some(article) = first {
                        self.open_article(&article);
                    } else {
                        let path = dir.display().to_string();
                        self.say(self.tr().raw_args("msg-no-articles", &[("path", path.into())]), true);
                    }
                }
                Err(error) => self.say(self.file_error(&error), true),
            },
            LeaveDocument::SwitchDocument(index) => {
                if let Some(article) = self
                    .folder
                    .as_ref()
                    .and_then(|f| f.entries.get(index))
                    .map(|e| e.article.clone())
                {
                    self.open_article(&article);
                }
            }
            LeaveDocument::ReloadFromDisk => match self.session.reload() {
                Ok(()) => self.document_replaced(),
                Err(error) => {
                    let text = self
                        .tr()
                        .raw_args("msg-not-reloaded", &[("error", self.file_error(&error).into())]);
                    self.say(text, true);
                }
            },
        }
    }

    /// The annotator whose files a folder's panel shows: the user, in a team project.
    fn project_annotator(&self, dir: &Path) -> Option<String> {
        matches!(ProjectFolder::find(dir), Ok(Some(_)))
            .then(|| self.annotator_name.clone())
            .flatten()
    }

    fn open_article(&mut self, path: &Path) {
        let opened = match ProjectFolder::find(path) {
            Ok(Some(project)) => {
                let Some(name) = &self.annotator_name else {
                    self.modal = Some(Modal::AskAnnotator(AnnotatorPrompt {
                        article: path.to_path_buf(),
                        annotators: project.project.annotators.clone(),
                        name: String::new(),
                        problem: None,
                    }));
                    return;
                };
                DocumentSession::open_as(path, &project, name)
            }
            Ok(None) => DocumentSession::open(path),
            Err(error) => Err(error),
        };
        match opened {
            Ok(session) => {
                self.adjudication = None;
                self.view.set_text(session.document().text());
                self.modal = session.pending_recovery().map(Modal::Recovery);
                let language = self.settings.language;
                let mut warnings: Vec<String> = session
                    .load_warnings()
                    .iter()
                    .map(|warning| crate::app::i18n::load_warning(language, warning))
                    .collect();
                if !session.orphans().is_empty() {
                    let count = session.orphans().len();
                    warnings.push(self.tr().raw_args("msg-orphans", &[("count", count.into())]));
                }
                self.session = session;
                self.document_replaced();
                self.recent.push(path);
                if let Some(folder) = &mut self.folder {
                    folder.current = folder.entries.iter().position(|e| e.article == path);
                }
                self.status = (!warnings.is_empty()).then(|| StatusLine {
                    text: warnings.join(if language.is_rtl() { "؛ " } else { "; " }),
                    is_error: true,
                });
            }
            Err(error) => self.say(self.file_error(&error), true),
        }
    }

    fn document_replaced(&mut self) {
        self.generation += 1;
        self.annotator = Annotator::default();
        self.panel = AnnotationPanel::default();
        self.dialogs.disk_change = false;
    }

    fn step_document(&mut self, step: isize) {
        match self.folder.as_ref().map(|f| f.neighbour(step)) {
            Some(Some(index)) => self.switch_document(index),
            Some(None) => self.say(self.tr().raw("msg-no-more-documents"), false),
            None => self.say(self.tr().raw("msg-open-folder-first"), false),
        }
    }

    /// Moving through a folder saves as it goes, so nothing is lost and nothing is asked.
    fn switch_document(&mut self, index: usize) {
        if self.session.is_modified() && !self.save() {
            return;
        }
        self.leave_document(LeaveDocument::SwitchDocument(index));
    }

    // ---- frame ---------------------------------------------------------------------------

    fn menu_state(&self) -> MenuState<'_> {
        MenuState {
            direction: self.view.direction(),
            dark: self.settings.dark,
            leave_out_prefixes: self.settings.leave_out_prefixes,
            show_suggestions: self.suggestion_walk.show,
            schema: self.session.document().schema(),
            status: self.session.document().meta().status,
            can_undo: self.session.can_undo(),
            can_redo: self.session.can_redo(),
            in_folder: self.folder.is_some(),
            recent: self.recent.paths(),
        }
    }

    fn article_ui(&mut self, ui: &mut Ui) -> Vec<AppAction> {
        let document = self.session.document();
        let picked = self.link_picker.highlighted(self.annotator.link_mode.as_ref());
        let focus = focus_spans(document, &self.annotator, self.hovered.or(picked));
        let state = (self.generation, self.session.revision());
        let visible = self.view.visible_chars();
        let decorations = self.decorator.decorations(document, state, visible, &focus);
        let response = self.view.show_ui(ui, &decorations);
        self.find.paint_matches_ui(ui, &mut self.view);
        if let Some(adjudication) = &mut self.adjudication {
            adjudication.paint_ui(ui, &mut self.view, adjudication_glue::gold(&self.session));
        }
        let document = self.session.document();
        self.hovered_suggestion = paint_suggestions_ui(
            ui,
            &mut self.view,
            document,
            &self.suggestion_walk,
            response.hovered_char,
        );
        self.hovered = hovered_span(document, response.hovered_char);
        let mut actions = Vec::new();
        if let Some(click) = response.clicked.filter(|c| !c.double && !c.modifiers.shift) {
            actions.push(AppAction::Annotate(match click.char_offset {
                Some(offset) => AnnotatorAction::ClickChar(offset),
                None if self.annotator.link_mode.is_none() => AnnotatorAction::Escape,
                None => return actions,
            }));
        }
        let arcs_for: Vec<_> = self.annotator.selected.into_iter().chain(self.hovered).collect();
        link_arcs_ui(ui, &mut self.view, document, &arcs_for);
        let dragging = response.response.dragged();
        let hovered_suggestion = self.hovered_suggestion.filter(|_| !dragging);
        if let Some(id) = self.hovered.filter(|_| !dragging) {
            let labels = &mut self.labels;
            let entity = document
                .span(id)
                .and_then(|s| s.entity)
                .map(|e| self.entities.describe(e));
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                span_card_ui(ui, document, id, labels, entity.as_deref());
                if let Some(suggestion) = hovered_suggestion {
                    ui.separator();
                    suggestion_card_ui(ui, document, suggestion, labels);
                }
            });
        } else if let Some(suggestion) = hovered_suggestion {
            let labels = &mut self.labels;
            response
                .response
                .clone()
                .on_hover_ui_at_pointer(|ui| suggestion_card_ui(ui, document, suggestion, labels));
        }
        if let Some(selection) = response.selection.filter(|_| !dragging)
            && let Some(action) = label_picker_ui(ui, &mut self.view, document, selection)
        {
            actions.push(action);
        }
        actions
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        let problems = self.problem_count();
        let tr = self.tr();
        let session = &self.session;
        let document = session.document();
        crate::ui::language::row_ui(ui, false, |ui| {
            let modified = if session.is_modified() { " •" } else { "" };
            // The file name may be Arabic: the bidi label.
            let name = format!("{}{modified}", session.display_name());
            self.labels
                .label_ui(ui, &name)
                .on_hover_text(session.article_path().display().to_string());
            ui.separator();
            let summary = tr.raw_args(
                "statusbar-summary",
                &[
                    ("encoding", session.encoding().to_string().into()),
                    (
                        "spans",
                        tr.raw_args("count-spans", &[("count", document.spans().len().into())])
                            .into(),
                    ),
                    (
                        "links",
                        tr.raw_args("count-links", &[("count", document.links().len().into())])
                            .into(),
                    ),
                    ("status", tr.raw(status_id(document.meta().status)).into()),
                ],
            );
            let color = ui.visuals().text_color();
            self.labels.message_ui(ui, &summary, color);
            if problems > 0 {
                let text = tr.raw_args("count-problems", &[("count", problems.into())]);
                let color = ui.visuals().warn_fg_color;
                // The bidi label draws the count (egui would reverse «11» in Arabic); a click on
                // it opens the Problems window.
                let response = self
                    .labels
                    .message_ui(ui, &text, color)
                    .interact(egui::Sense::click())
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                if response.on_hover_text(tr.t("statusbar-problems-hint")).clicked() {
                    self.dialogs.problems = !self.dialogs.problems;
                }
            }
            if let Some(status) = &self.status {
                ui.separator();
                let color = if status.is_error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                // Messages quote spans: Arabic needs the bidi label.
                self.labels.message_ui(ui, &status.text, color);
            }
        });
        if self.dialogs.disk_change {
            crate::ui::language::row_ui(ui, false, |ui| {
                ui.colored_label(ui.visuals().warn_fg_color, tr.t("disk-changed"));
                if ui.button(tr.t("disk-reload")).clicked() {
                    self.dialogs.disk_change = false;
                    self.unsaved_or(LeaveDocument::ReloadFromDisk);
                }
                if ui.button(tr.t("disk-keep-mine")).clicked() {
                    self.dialogs.disk_change = false;
                    self.session.acknowledge_disk_change();
                }
            });
        }
    }

    /// The blocking dialog, if any. It is taken out while shown and put back until answered,
    /// so an answer can open the next one (a recovery offer after opening another article).
    fn modal_ui(&mut self, ctx: &Context) {
        match self.modal.take() {
            Some(Modal::Unsaved(intent)) => self.unsaved_ui(ctx, intent),
            Some(Modal::PathPrompt(prompt)) => self.path_prompt_ui(ctx, prompt),
            Some(Modal::Recovery(path)) => self.recovery_ui(ctx, path),
            Some(Modal::AskAnnotator(mut prompt)) => match prompt.show_ui(ctx, &mut self.labels) {
                Some(AnnotatorAnswer::Name(name)) => {
                    self.annotator_name = Some(name);
                    if let Some(folder) = &mut self.folder {
                        folder.annotator.clone_from(&self.annotator_name);
                        folder.refresh();
                    }
                    self.open_article(&prompt.article);
                }
                Some(AnnotatorAnswer::Cancel) => {}
                None => self.modal = Some(Modal::AskAnnotator(prompt)),
            },
            Some(Modal::ConfirmDone(count)) => match confirm_done_ui(ctx, count) {
                Some(DoneAnswer::MarkDone) => self.perform(ctx, AppAction::ConfirmDone),
                Some(DoneAnswer::ShowProblems) => self.dialogs.problems = true,
                Some(DoneAnswer::Cancel) => {}
                None => self.modal = Some(Modal::ConfirmDone(count)),
            },
            None => {}
        }
    }

    fn unsaved_ui(&mut self, ctx: &Context, intent: LeaveDocument) {
        match unsaved_prompt_ui(ctx, &self.session.display_name(), &intent) {
            Some(Choice::Save) => {
                if self.save() {
                    self.finish_intent(ctx, intent);
                }
            }
            Some(Choice::Discard) => self.discard_and_finish(ctx, intent),
            Some(Choice::Cancel) => {}
            None => self.modal = Some(Modal::Unsaved(intent)),
        }
    }

    fn path_prompt_ui(&mut self, ctx: &Context, mut prompt: PathPrompt) {
        let (chosen, finished) = prompt.show_ui(ctx);
        let purpose = prompt.purpose.clone();
        if !finished {
            self.modal = Some(Modal::PathPrompt(prompt));
        }
        if let Some(path) = chosen {
            self.path_chosen(ctx, &purpose, path);
        }
    }

    /// The windows that do not block: export, import, statistics, labels.
    fn dialogs_ui(&mut self, ctx: &Context) -> Vec<AppAction> {
        let mut actions = Vec::new();
        let dialogs = &mut self.dialogs;
        if let Some(dialog) = &mut dialogs.export
            && !dialog.show_ui(ctx)
        {
            dialogs.export = None;
        }
        if let Some(dialog) = &mut dialogs.import {
            match dialog.show_ui(ctx) {
                ImportOutcome::Open(article) => {
                    dialogs.import = None;
                    actions.push(AppAction::OpenPath(article));
                }
                ImportOutcome::Closed => dialogs.import = None,
                ImportOutcome::Showing => {}
            }
        }
        if dialogs.statistics {
            stats_window_ui(
                ctx,
                &mut dialogs.statistics,
                self.session.document(),
                self.folder.as_ref(),
            );
        }
        if dialogs.labels.open {
            actions.extend(dialogs.labels.show_ui(ctx, self.session.document().schema()));
        }
        if dialogs.problems {
            let state = (self.generation, self.session.revision());
            let problems = self.problems.refresh(state, self.session.document());
            actions.extend(problems_window_ui(
                ctx,
                &mut dialogs.problems,
                problems,
                &mut self.labels,
            ));
        }
        actions
    }

    fn finish_intent(&mut self, ctx: &Context, intent: LeaveDocument) {
        let quit = intent == LeaveDocument::Quit;
        self.leave_document(intent);
        if quit {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Goes on with `intent`, dropping the edits. They count as discarded only once they are
    /// gone (the window closes, or another document or state replaced them): an open that fails
    /// keeps them as unsaved edits, so Quit still asks.
    fn discard_and_finish(&mut self, ctx: &Context, intent: LeaveDocument) {
        let article = self.session.article_path().to_path_buf();
        let generation = self.generation;
        let quit = intent == LeaveDocument::Quit;
        self.finish_intent(ctx, intent);
        if (quit || self.generation != generation)
            && let Err(error) = crate::io::recovery::discard_recovery(&article)
        {
            let args = [("error", self.file_error(&error).into())];
            self.say(self.tr().raw_args("msg-discard-autosave-failed", &args), true);
        }
    }

    fn recovery_ui(&mut self, ctx: &Context, recovery: PathBuf) {
        let mut answered = false;
        let tr = self.tr();
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            crate::ui::language::window_column_ui(ui, |ui| {
                ui.heading(tr.t("recovery-title"));
                let name = self.session.display_name();
                let text = tr.raw_args("recovery-text", &[("name", name.into())]);
                let color = ui.visuals().text_color();
                self.labels.wrapped_message_ui(ui, &text, color);
            });
            crate::ui::language::row_ui(ui, false, |ui| {
                if ui.button(tr.t("recovery-restore")).clicked() {
                    answered = true;
                    match self.session.restore_recovery(&recovery) {
                        Ok(()) => {
                            self.document_replaced();
                            self.say(tr.raw("msg-restored"), false);
                        }
                        Err(error) => {
                            self.say(
                                tr.raw_args("msg-cannot-restore", &[("error", self.file_error(&error).into())]),
                                true,
                            );
                        }
                    }
                }
                if ui.button(tr.t("recovery-discard")).clicked() {
                    answered = true;
                    if let Err(error) = self.session.discard_recovery() {
                        self.say(self.file_error(&error), true);
                    }
                }
            });
        });
        if !answered {
            self.modal = Some(Modal::Recovery(recovery));
        }
    }

    /// Autosave and the watch on the annotation file. Neither wakes an idle window: the
    /// autosave timer runs only while there are edits to autosave, and the watcher thread
    /// wakes the window only when the file changed.
    fn background_work(&mut self, ctx: &Context) {
        let interval = Duration::from_secs(self.settings.autosave_seconds.max(5));
        let needed = self.session.needs_autosave();
        match self.autosave_timer.poll(needed, Instant::now(), interval) {
            AutosaveDue::Nothing => {}
            AutosaveDue::In(wait) => ctx.request_repaint_after(wait),
            AutosaveDue::Now => {
                self.autosave_timer.autosaved();
                if let Err(error) = self.session.autosave() {
                    let text = self
                        .tr()
                        .raw_args("msg-autosave-failed", &[("error", self.file_error(&error).into())]);
                    self.say(text, true);
                }
            }
        }
        self.disk_watcher.watch(self.session.annotation_path());
        if self.disk_watcher.take_change() && !self.dialogs.disk_change && self.session.changed_on_disk() {
            self.dialogs.disk_change = true;
        }
    }

    fn handle_close_request(&mut self, ctx: &Context) {
        if !ctx.input(|input| input.viewport().close_requested()) {
            return;
        }
        self.commit_field_edits();
        if !self.allow_close && self.session.is_modified() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved(LeaveDocument::Quit));
        }
    }

    fn update_title(&mut self, ctx: &Context) {
        let modified = if self.session.is_modified() { " •" } else { "" };
        // The window manager draws the title with its own bidi: the text as it is.
        let title = format!(
            "{} — {}{modified}",
            self.tr().raw("app-name"),
            self.session.display_name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn dropped_files(ctx: &Context) -> Option<AppAction> {
        ctx.input(|input| input.raw.dropped_files.first().map(|file| file.path().to_path_buf()))
            .filter(|path| !path.as_os_str().is_empty())
            .map(AppAction::OpenPath)
    }

    /// The article's caret keys, when neither a dialog nor a text field has the keyboard.
    fn caret_keys(&mut self, ctx: &Context) {
        if self.modal.is_some() || crate::ui::bidi_text_field::text_field_has_focus(ctx) {
            return;
        }
        for (motion, extend) in crate::ui::caret_keys::caret_motions(ctx) {
            self.view.move_caret(motion, extend);
        }
    }

    fn collect_shortcuts(&self, ctx: &Context) -> Vec<AppAction> {
        if self.modal.is_some() {
            return Vec::new();
        }
        let actions = shortcut_actions(ctx, self.session.document().schema());
        if actions.iter().any(|a| {
            matches!(
                a,
                AppAction::Annotate(AnnotatorAction::NextSpan | AnnotatorAction::PreviousSpan)
            )
        }) {
            // Tab walks the spans here; egui would also move the keyboard focus.
            ctx.memory_mut(|memory| memory.move_focus(egui::FocusDirection::None));
        }
        actions
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        let rtl = self.tr().is_rtl();
        self.labels.begin_frame(ctx.global_style().visuals.dark_mode, rtl);
        self.refresh_entities();
        self.entity_keys(&ctx);
        let mut actions = self.link_picker.keys(&ctx, self.annotator.link_mode.as_ref());
        self.caret_keys(&ctx);
        self.adjudication_keys(&ctx);
        actions.extend(self.collect_shortcuts(&ctx));
        actions.extend(
            egui::Panel::top("menu_bar")
                .show(ui, |ui| menu_bar_ui(ui, &self.menu_state()))
                .inner,
        );
        self.find_bar_panel_ui(ui);
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        // Mirrored in a right-to-left interface: the side panel on the left, the folder on
        // the right.
        let rtl = self.tr().is_rtl();
        if let Some(folder) = &self.folder {
            let panel = if rtl {
                egui::Panel::right("folder")
            } else {
                egui::Panel::left("folder")
            };
            let clicked = panel.default_size(220.0).show(ui, |ui| folder.show_ui(ui)).inner;
            actions.extend(clicked.map(AppAction::SwitchDocument));
        }
        let side = if rtl {
            egui::Panel::left("annotations")
        } else {
            egui::Panel::right("annotations")
        };
        let panel_actions = side
            .default_size(340.0)
            .show(ui, |ui| {
                let picked = self.entity_list_panel_ui(ui);
                let session = &self.session;
                let state = (self.generation, session.revision());
                let mut actions: Vec<AppAction> = picked.into_iter().collect();
                let progress = self
                    .suggestion_job
                    .as_ref()
                    .map(suggestion_glue::SuggestionJob::progress);
                actions.extend(suggestion_panel_ui(
                    ui,
                    session.document(),
                    state,
                    &mut self.suggestion_walk,
                    &mut self.suggestion_counts,
                    progress.as_ref(),
                ));
                actions.extend(self.panel.show_ui(
                    ui,
                    session.document(),
                    state,
                    &self.annotator,
                    session.orphans(),
                    &mut self.labels,
                ));
                actions
            })
            .inner;
        actions.extend(panel_actions);
        actions.extend(egui::CentralPanel::default().show(ui, |ui| self.article_ui(ui)).inner);
        let state = (self.generation, self.session.revision());
        let document = self.session.document();
        let mode = self.annotator.link_mode.as_ref();
        actions.extend(self.link_picker.show_ui(&ctx, document, state, mode, &mut self.labels));
        self.entity_picker_ui(&ctx);
        if let Some(target) = self
            .link_picker
            .take_moved()
            .and_then(|id| self.session.document().span(id))
        {
            self.view.scroll_to_char(target.char_start);
        }
        self.modal_ui(&ctx);
        self.adjudication_window_ui(&ctx);
        actions.extend(self.dialogs_ui(&ctx));
        actions.extend(self.folder_results_ui(&ctx));
        if self.folder_results.as_ref().is_some_and(|results| !results.is_open()) {
            self.folder_results = None;
        }
        actions.extend(Self::dropped_files(&ctx));
        for action in actions {
            self.perform(&ctx, action);
        }
        self.scroll_after_switch();
        self.background_work(&ctx);
        self.suggestion_job_work(&ctx);
        if let Some(span) = self.learn_span.take() {
            self.matcher_learns(&ctx, span);
        }
        self.matcher_refresh_work();
        self.update_title(&ctx);
        if let Some(task) = &mut self.screenshot {
            task.step(&ctx, self.view.is_settled());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            // Zoom and direction live in the view (Ctrl+wheel zooms without an action).
            self.settings.font_size = self.view.font_size();
            self.settings.direction = self.view.direction();
            self.settings.save(storage);
            self.recent.save(storage);
            if let Some(name) = &self.annotator_name {
                eframe::set_value(storage, ANNOTATOR_KEY, name);
            }
        }
    }
}

/// Opens the bundled sample from a copy in the user's data folder, so that annotating it
/// never writes into the program's own files.
fn open_sample() -> Result<DocumentSession, SampleError> {
    let dir = sample_dir();
    let path = dir.join(SAMPLE_NAME);
    if !path.exists() {
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, SAMPLE_ARTICLE))
            .map_err(|error| SampleError::Copy(path.clone(), error))?;
    }
    DocumentSession::open(&path).map_err(SampleError::Open)
}

/// Why the sample could not be opened from its copy.
enum SampleError {
    /// The copy could not be written.
    Copy(PathBuf, std::io::Error),
    /// The copy could not be opened.
    Open(crate::io::IoError),
}

impl SampleError {
    /// The status line, in `language`; the English with the system's text also on stderr.
    fn text(&self, language: crate::app::Language) -> String {
        match self {
            Self::Copy(path, error) => {
                eprintln!("hashiya: cannot copy the sample article ({error}): {}", path.display());
                let args = [
                    ("why", crate::app::i18n::os_error(language, error).into()),
                    ("path", path.display().to_string().into()),
                ];
                Tr::new(language).raw_args("msg-sample-not-copied", &args)
            }
            Self::Open(error) => {
                eprintln!("hashiya: {error}");
                crate::app::i18n::io_error(language, error)
            }
        }
    }
}

/// The sample when no copy of it can be written: kept in memory, saved beside its name.
fn sample_in_memory() -> DocumentSession {
    let meta = crate::model::DocumentMeta {
        source_name: SAMPLE_NAME.to_owned(),
        ..Default::default()
    };
    let text = SAMPLE_ARTICLE.replace("\r\n", "\n");
    let document = crate::model::Document::new(text, crate::model::Schema::default_schema(), meta);
    DocumentSession::in_memory(PathBuf::from(SAMPLE_NAME), document)
}

/// `$XDG_DATA_HOME/hashiya/sample`, else `~/.local/share/hashiya/sample`, else a temporary folder.
fn sample_dir() -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    data.join("hashiya").join("sample")
}

fn apply_theme(ctx: &Context, dark: bool) {
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
}
