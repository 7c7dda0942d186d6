//! File › Export dataset… and File › Import dataset…: the same code as `hashiya export` and
//! `hashiya import`, run on a worker thread with a progress bar so the window stays live.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, ProgressBar};

use crate::app::DocumentSession;
use crate::export::conll::ConllOptions;
use crate::export::dataset::{ExportError, ExportSource, ImportError, ImportRequest, export_dataset, import_dataset};
use crate::export::files::{ExportFormat, FilesError, ImportFormat};
use crate::export::jsonl::JsonlFlavor;
use crate::export::offsets::OffsetUnit;
use crate::export::split::SplitSpec;
use crate::export::{ImportOptions, document_id};
use crate::io;
use crate::model::Document;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::file_picker::{PickPurpose, Picked, pick};
use crate::ui::folder_panel::OpenFolder;
use crate::ui::language::Tr;

/// What a finished job says, and an article it wrote that the user may open.
struct Done {
    summary: String,
    /// What was changed or left out, the same lines the command line prints.
    warnings: Vec<String>,
    article: Option<PathBuf>,
}

/// The open document as the export dialog saw it when it opened.
#[derive(Clone)]
struct OpenDocument {
    document: Document,
    article: PathBuf,
    orphans: Vec<io::OrphanSpan>,
}

/// What a worker thread reports.
enum Progress {
    /// `done` of `total` documents handled.
    Step { done: usize, total: usize },
    /// Finished: a summary, or why it failed.
    Finished(Result<Done, String>),
}

/// A running or finished job.
#[derive(Default)]
enum Job {
    #[default]
    Idle,
    Running {
        receiver: Receiver<Progress>,
        done: usize,
        total: usize,
    },
    Finished(Result<Done, String>),
}

impl Job {
    /// Drains the worker's messages; shows progress or the result.
    fn show_ui(&mut self, ui: &mut egui::Ui) {
        if let Self::Running { receiver, done, total } = self {
            let mut finished = None;
            for message in receiver.try_iter() {
                match message {
                    Progress::Step { done: d, total: t } => (*done, *total) = (d, t),
                    Progress::Finished(result) => finished = Some(result),
                }
            }
            if let Some(result) = finished {
                *self = Self::Finished(result);
            }
        }
        match self {
            Self::Idle => {}
            Self::Running { done, total, .. } => {
                let fraction = if *total == 0 { 0.0 } else { *done as f32 / *total as f32 };
                ui.add(
                    ProgressBar::new(fraction)
                        .show_percentage()
                        .text(Tr::of(ui.ctx()).t_args(
                            "export-progress",
                            &[("done", (*done).into()), ("total", (*total).into())],
                        )),
                );
                ui.ctx().request_repaint();
            }
            Self::Finished(Ok(done)) => {
                crate::ui::language::one_line_label_ui(ui, &Tr::of(ui.ctx()).arrange(&done.summary));
                warnings_ui(ui, &done.warnings);
            }
            Self::Finished(Err(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
        }
    }

    fn is_running(&self) -> bool {
        matches!(self, Self::Running { .. })
    }

    /// Runs `work` on a worker thread; its progress and result come back through a channel,
    /// and each message asks the window to repaint.
    fn spawn(
        ctx: &Context,
        work: impl FnOnce(&mut dyn FnMut(usize, usize)) -> Result<Done, String> + Send + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // A send fails only when the dialog was closed (the receiver dropped): nobody is
            // waiting for the progress or the result then, and the work itself is done or
            // harmless to finish.
            let result = work(&mut |done, total| {
                let _ = sender.send(Progress::Step { done, total });
                ctx.request_repaint();
            });
            let _ = sender.send(Progress::Finished(result)); // see above: the dialog is gone
            ctx.request_repaint();
        });
        Self::Running {
            receiver,
            done: 0,
            total: 0,
        }
    }
}

/// The warnings of a finished job, in a collapsible list (open: they are why it is there).
fn warnings_ui(ui: &mut egui::Ui, warnings: &[String]) {
    if warnings.is_empty() {
        return;
    }
    let tr = Tr::of(ui.ctx());
    egui::CollapsingHeader::new(tr.t_args("count-warnings", &[("count", warnings.len().into())]))
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                for warning in warnings {
                    ui.add(egui::Label::new(warning).wrap());
                }
            });
        });
}

/// The formats offered, with the catalogue ids of their names.
const EXPORT_FORMATS: [(&str, ExportFormat); 13] = [
    (
        "format-jsonl-hashiya",
        ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char),
    ),
    (
        "format-jsonl-doccano",
        ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Char),
    ),
    (
        "format-jsonl-doccano-relations",
        ExportFormat::Jsonl(JsonlFlavor::DoccanoRelations, OffsetUnit::Char),
    ),
    // doccano's and Label Studio's views count offsets in UTF-16 units (JavaScript strings).
    (
        "format-jsonl-doccano-utf16",
        ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Utf16),
    ),
    (
        "format-jsonl-doccano-relations-utf16",
        ExportFormat::Jsonl(JsonlFlavor::DoccanoRelations, OffsetUnit::Utf16),
    ),
    (
        "format-jsonl-tokens",
        ExportFormat::Jsonl(
            JsonlFlavor::Tokens(crate::export::tokens::SentenceSplit::Unicode),
            OffsetUnit::Char,
        ),
    ),
    (
        "format-conll",
        ExportFormat::Conll(ConllOptions {
            sentences: crate::export::tokens::SentenceSplit::Unicode,
            layers: false,
        }),
    ),
    (
        "format-conll-layers",
        ExportFormat::Conll(ConllOptions {
            sentences: crate::export::tokens::SentenceSplit::Unicode,
            layers: true,
        }),
    ),
    ("format-brat", ExportFormat::Brat),
    ("format-events", ExportFormat::Events),
    ("format-coref", ExportFormat::Coref),
    ("format-spacy", ExportFormat::Spacy),
    (
        "format-parquet",
        ExportFormat::Parquet(crate::export::parquet::ParquetOptions {
            offsets: OffsetUnit::Char,
            suggestions: false,
        }),
    ),
];

/// The export dialog.
pub struct ExportDialog {
    format: usize,
    /// The open document (its in-memory state, unsaved edits included).
    current: OpenDocument,
    /// The open folder's articles, when a folder is open.
    folder_articles: Vec<PathBuf>,
    whole_folder: bool,
    destination: String,
    split_enabled: bool,
    split: String,
    seed: u64,
    job: Job,
}

impl ExportDialog {
    /// A dialog for the open document (or its folder).
    #[must_use]
    pub fn new(session: &DocumentSession, folder: Option<&OpenFolder>) -> Self {
        let dir = session.article_path().parent().map(PathBuf::from).unwrap_or_default();
        let stem = document_id(session.document()).to_owned();
        Self {
            format: 0,
            current: OpenDocument {
                document: session.document().clone(),
                article: session.article_path().to_path_buf(),
                orphans: session.orphans().to_vec(),
            },
            folder_articles: folder
                .map(|f| f.entries.iter().map(|e| e.article.clone()).collect())
                .unwrap_or_default(),
            whole_folder: folder.is_some(),
            destination: dir.join(format!("{stem}.jsonl")).display().to_string(),
            split_enabled: false,
            split: "train=0.8,dev=0.1,test=0.1".to_owned(),
            seed: 1,
            job: Job::Idle,
        }
    }

    /// Shows the dialog; `false` once closed.
    pub fn show_ui(&mut self, ctx: &Context) -> bool {
        let mut open = true;
        let tr = Tr::of(ctx);
        egui::Window::new(tr.t("export-title"))
            .id(egui::Id::unique("export-dialog"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                // The form is a grid (left to right in every language): a right-aligned
                // column around it would have no width to align to in a window that sizes
                // itself.
                ui.add_enabled_ui(!self.job.is_running(), |ui| self.form_ui(ui));
                ui.separator();
                self.job.show_ui(ui);
            });
        open
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        let tr = Tr::of(ui.ctx());
        egui::Grid::new("export-form").num_columns(2).show(ui, |ui| {
            let caption = ui.label(tr.t("export-format"));
            let before = self.format;
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(tr.t(EXPORT_FORMATS[self.format].0))
                .show_ui(ui, |ui| {
                    for (index, (name, _)) in EXPORT_FORMATS.iter().enumerate() {
                        ui.selectable_value(&mut self.format, index, tr.t(name));
                    }
                })
                .response
                .labelled_by(caption.id);
            if before != self.format {
                self.retarget_destination();
            }
            ui.end_row();
            ui.label(tr.t("export-documents"));
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.whole_folder, false, tr.t("export-this-document"));
                ui.add_enabled_ui(!self.folder_articles.is_empty(), |ui| {
                    ui.radio_value(
                        &mut self.whole_folder,
                        true,
                        tr.t_args("export-whole-folder", &[("count", self.folder_articles.len().into())]),
                    );
                });
            });
            ui.end_row();
            ui.label(tr.t("export-destination"));
            ui.horizontal(|ui| {
                ui.add(
                    BidiTextField::singleline(&mut self.destination)
                        .hint_text(tr.raw("export-destination-hint"))
                        .label(tr.raw("export-destination"))
                        .desired_width(320.0),
                );
                if ui.button(tr.t("export-browse")).clicked() {
                    self.browse(tr);
                }
            });
            ui.end_row();
            ui.checkbox(&mut self.split_enabled, tr.t("export-split"));
            ui.add_enabled_ui(self.split_enabled, |ui| {
                ui.horizontal(|ui| {
                    ui.add(
                        BidiTextField::singleline(&mut self.split)
                            .hint_text("train=0.8,dev=0.1,test=0.1")
                            .label(tr.raw("export-split"))
                            .desired_width(200.0),
                    );
                    let caption = ui.label(tr.t("export-seed"));
                    ui.add(egui::DragValue::new(&mut self.seed))
                        .labelled_by(caption.id)
                        .on_hover_text(tr.t("export-seed-hint"));
                });
            });
            ui.end_row();
        });
        let format = EXPORT_FORMATS[self.format].1;
        if self.split_enabled || format == ExportFormat::Brat {
            ui.label(tr.t("export-is-folder"));
        }
        if let ExportFormat::Jsonl(JsonlFlavor::Tokens(_), _) = format {
            crate::ui::language::one_line_label_ui(ui, &tr.t("export-labels-json"));
        }
        if ui.button(tr.t("export-export")).clicked() {
            self.start(ui.ctx());
        }
    }

    fn retarget_destination(&mut self) {
        let path = PathBuf::from(&self.destination);
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let new = match EXPORT_FORMATS[self.format].1.extension() {
            Some(extension) => path.with_file_name(format!("{}.{extension}", stem.trim_end_matches("-brat"))),
            None => path.with_file_name(format!("{stem}-brat")),
        };
        self.destination = new.display().to_string();
    }

    fn browse(&mut self, tr: Tr) {
        let current = PathBuf::from(&self.destination);
        let folder = current.parent().map(PathBuf::from);
        match pick(&PickPurpose::ExportDestination, folder.as_deref(), None, tr) {
            Picked::Path(dir) => {
                let name = current.file_name().map(PathBuf::from).unwrap_or_default();
                self.destination = dir.join(name).display().to_string();
            }
            Picked::Cancelled => {}
            Picked::Unavailable(reason) => {
                // The destination field is itself a path field: say why there is no dialog.
                let text = format!("{} {}", tr.raw(&reason), tr.raw("export-type-destination"));
                self.job = Job::Finished(Err(text));
            }
        }
    }

    fn start(&mut self, ctx: &Context) {
        let split = if self.split_enabled {
            match self.split.parse::<SplitSpec>() {
                Ok(spec) => Some((spec, self.seed)),
                Err(error) => {
                    self.job = Job::Finished(Err(split_error(Tr::of(ctx), &error)));
                    return;
                }
            }
        } else {
            None
        };
        let format = EXPORT_FORMATS[self.format].1;
        let destination = PathBuf::from(self.destination.trim());
        let articles = if self.whole_folder {
            self.folder_articles.clone()
        } else {
            Vec::new()
        };
        let current = self.current.clone();
        let tr = Tr::of(ctx);
        self.job = Job::spawn(ctx, move |progress| {
            run_export(current, &articles, format, &destination, split.as_ref(), progress, tr)
        });
    }
}

/// Writes the export through [`export_dataset`], as `hashiya export` does: the folder's saved
/// files, or the open document with its unsaved edits.
fn run_export(
    current: OpenDocument,
    articles: &[PathBuf],
    format: ExportFormat,
    destination: &std::path::Path,
    split: Option<&(SplitSpec, u64)>,
    progress: &mut dyn FnMut(usize, usize),
    tr: Tr,
) -> Result<Done, String> {
    let source = if articles.is_empty() {
        ExportSource::Open {
            document: Box::new(current.document),
            article: current.article,
            orphans: &current.orphans,
        }
    } else {
        ExportSource::Paths(articles)
    };
    let split = split.map(|(spec, seed)| (spec, *seed));
    let outcome = export_dataset(source, format, Some(destination), split, &[], progress)
        .map_err(|error| export_error(tr, &error))?;
    let report = outcome.report;
    let args = [
        ("report", export_summary(tr, &report).into()),
        ("path", destination.display().to_string().into()),
    ];
    Ok(Done {
        summary: tr.raw_args("export-written", &args),
        warnings: warning_lines(
            report
                .warnings
                .iter()
                .map(|warning| crate::app::i18n::data_warning(tr.language(), warning))
                .collect(),
            report.warnings_suppressed,
            tr,
        ),
        article: None,
    })
}

/// Warnings as shown in a dialog: every kept one, then a count of the others.
fn warning_lines(mut warnings: Vec<String>, suppressed: usize, tr: Tr) -> Vec<String> {
    if suppressed > 0 {
        warnings.push(tr.raw_args("export-more-warnings", &[("count", suppressed.into())]));
    }
    warnings
}

/// What the import dialog asks of the window.
pub enum ImportOutcome {
    /// Still open.
    Showing,
    /// Closed.
    Closed,
    /// Open this imported article (the dialog closes).
    Open(PathBuf),
}

/// The import dialog.
pub struct ImportDialog {
    format: ImportFormat,
    source: String,
    label_map: String,
    out: String,
    job: Job,
}

impl Default for ImportDialog {
    fn default() -> Self {
        Self {
            format: ImportFormat::Conll,
            source: String::new(),
            label_map: "PERS=Actor,ORG=Actor".to_owned(),
            out: String::new(),
            job: Job::Idle,
        }
    }
}

impl ImportDialog {
    /// Shows the dialog.
    pub fn show_ui(&mut self, ctx: &Context) -> ImportOutcome {
        let mut open = true;
        let mut open_article = None;
        let tr = Tr::of(ctx);
        egui::Window::new(tr.t("import-title"))
            .id(egui::Id::unique("import-dialog"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.add_enabled_ui(!self.job.is_running(), |ui| self.form_ui(ui));
                ui.separator();
                self.job.show_ui(ui);
                if let Job::Finished(Ok(Done {
                    article: Some(first), ..
                })) = &self.job
                    && ui.button(tr.t("import-open-first")).clicked()
                {
                    open_article = Some(first.clone());
                }
            });
        match open_article {
            Some(article) => ImportOutcome::Open(article),
            None if !open => ImportOutcome::Closed,
            None => ImportOutcome::Showing,
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        let tr = Tr::of(ui.ctx());
        egui::Grid::new("import-form").num_columns(2).show(ui, |ui| {
            ui.label(tr.t("import-format"));
            ui.horizontal(|ui| {
                for format in [ImportFormat::Conll, ImportFormat::Brat, ImportFormat::Jsonl] {
                    ui.radio_value(&mut self.format, format, format.to_string());
                }
            });
            ui.end_row();
            ui.label(tr.t("import-input"));
            ui.horizontal(|ui| {
                ui.add(
                    BidiTextField::singleline(&mut self.source)
                        .hint_text(tr.raw("import-input-hint"))
                        .label(tr.raw("import-input"))
                        .desired_width(300.0),
                );
                if ui.button(tr.t("export-browse")).clicked()
                    && let Picked::Path(path) = pick(&PickPurpose::ImportSource, None, None, tr)
                {
                    self.source = path.display().to_string();
                }
            });
            ui.end_row();
            ui.label(tr.t("import-map"));
            ui.add(
                BidiTextField::singleline(&mut self.label_map)
                    .hint_text("PERS=Actor,ORG=Actor")
                    .label(tr.raw("import-map")),
            );
            ui.end_row();
            ui.label(tr.t("import-output"));
            ui.add(
                BidiTextField::singleline(&mut self.out)
                    .hint_text(tr.raw("import-output-hint"))
                    .label(tr.raw("import-output"))
                    .desired_width(300.0),
            );
            ui.end_row();
        });
        if ui.button(tr.t("import-import")).clicked() {
            self.start(ui.ctx());
        }
    }

    fn start(&mut self, ctx: &Context) {
        let mut options = ImportOptions::new("");
        match ImportOptions::parse_label_map(&self.label_map) {
            Ok(map) => options.label_map = map,
            Err(error) => {
                let text = tr_error(ctx, "import-map-error", &error);
                self.job = Job::Finished(Err(text));
                return;
            }
        }
        if self.source.trim().is_empty() || self.out.trim().is_empty() {
            self.job = Job::Finished(Err(Tr::of(ctx).raw("import-needs-paths")));
            return;
        }
        let (format, source, out) = (
            self.format,
            PathBuf::from(self.source.trim()),
            PathBuf::from(self.out.trim()),
        );
        let tr = Tr::of(ctx);
        self.job = Job::spawn(ctx, move |progress| {
            run_import(format, &source, &out, &options, progress, tr)
        });
    }
}

/// Reads a dataset and writes `NAME.txt` + `NAME.hashiya.ron` per document through
/// [`import_dataset`], as `hashiya import` does; refuses to overwrite files (the command line
/// has `--force` for that).
fn run_import(
    format: ImportFormat,
    source: &std::path::Path,
    out: &std::path::Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
    tr: Tr,
) -> Result<Done, String> {
    let request = ImportRequest {
        format,
        input: source,
        options,
        out,
        force: false,
    };
    let outcome = import_dataset(&request, progress).map_err(|error| match &error {
        ImportError::WouldOverwrite(paths) => {
            let first = paths.first().map(|p| p.display().to_string()).unwrap_or_default();
            let why = tr.raw_args(
                "import-would-overwrite",
                &[("count", paths.len().into()), ("path", first.into())],
            );
            tr.raw_args("import-nothing", &[("error", why.into())])
        }
        ImportError::Read(error) => files_error(tr, error),
        ImportError::Write { error, written } => tr.raw_args(
            "import-stopped",
            &[
                ("error", import_write_error(tr, error).into()),
                ("count", (*written).into()),
            ],
        ),
    })?;
    let mut report = outcome.report;
    let mut warnings: Vec<String> = outcome
        .refused
        .iter()
        .map(|refused| {
            tr.raw_args(
                "import-refused",
                &[
                    ("name", (&refused.name).into()),
                    ("problems", problems_text(tr, &refused.problems).into()),
                ],
            )
        })
        .collect();
    warnings.extend(
        report
            .warnings
            .drain(..)
            .map(|warning| crate::app::i18n::import_warning(tr.language(), &warning)),
    );
    let args = [
        ("report", import_summary(tr, &report).into()),
        ("path", out.display().to_string().into()),
    ];
    Ok(Done {
        summary: tr.raw_args("export-written", &args),
        warnings: warning_lines(warnings, report.warnings_suppressed, tr),
        article: outcome.articles.first().cloned(),
    })
}

/// Why an imported document could not be written, in the window's language.
fn import_write_error(tr: Tr, error: &crate::io::ImportWriteError) -> String {
    use crate::io::ImportWriteError;
    match error {
        ImportWriteError::Refused { problems } => tr.raw_args(
            "import-not-written",
            &[("problems", problems_text(tr, problems).into())],
        ),
        ImportWriteError::Write(error) => crate::app::i18n::io_error(tr.language(), error),
        ImportWriteError::Folder { path, source } => tr.raw_args(
            "import-cannot-create-folder",
            &[
                ("why", crate::app::i18n::os_error(tr.language(), source).into()),
                ("path", path.display().to_string().into()),
            ],
        ),
    }
}

/// The problems of an annotation file, in the window's language, joined.
fn problems_text(tr: Tr, problems: &[crate::io::Problem]) -> String {
    let (_, semicolon) = separators(tr);
    let problems: Vec<String> = problems
        .iter()
        .map(|problem| crate::app::i18n::io_problem(tr.language(), problem))
        .collect();
    problems.join(semicolon)
}

/// Message `id` with `error` in the window's language.
fn tr_error(ctx: &Context, id: &str, error: &str) -> String {
    Tr::of(ctx).raw_args(id, &[("error", error.into())])
}

/// Why a dataset file could not be read or written, in the window's language.
fn files_error(tr: Tr, error: &FilesError) -> String {
    let language = tr.language();
    let path = |path: &std::path::Path| path.display().to_string();
    match error {
        FilesError::Read { path: file, source } => tr.raw_args(
            "dataset-cannot-read",
            &[
                ("path", path(file).into()),
                ("why", crate::app::i18n::os_error(language, source).into()),
            ],
        ),
        FilesError::Write { path: file, source } => tr.raw_args(
            "dataset-cannot-write",
            &[
                ("path", path(file).into()),
                ("why", crate::app::i18n::os_error(language, source).into()),
            ],
        ),
        FilesError::NotUtf8 { path: file } => tr.raw_args("dataset-not-utf8", &[("path", path(file).into())]),
        FilesError::Io(error) => crate::app::i18n::io_error(language, error),
        FilesError::Spacy { path: file, source } => tr.raw_args(
            "dataset-spacy-failed",
            &[("path", path(file).into()), ("detail", source.to_string().into())],
        ),
        FilesError::Parquet { path: file, source } => tr.raw_args(
            "dataset-parquet-failed",
            &[("path", path(file).into()), ("detail", source.to_string().into())],
        ),
        FilesError::NoBratDocuments { path: file } => {
            tr.raw_args("dataset-no-brat-documents", &[("path", path(file).into())])
        }
        FilesError::Refused(refusal) => {
            use crate::export::files::Protection;
            let what = tr.raw(match refusal.what {
                Protection::AnnotationFile => "dataset-refused-annotation-file",
                Protection::Input => "dataset-refused-input",
                Protection::AnnotatedArticle => "dataset-refused-annotated-article",
                Protection::ForeignText => "dataset-refused-foreign-text",
            });
            tr.raw_args(
                "dataset-refused",
                &[("what", what.into()), ("path", path(&refusal.path).into())],
            )
        }
    }
}

/// Why an input of an export could not be read, in the window's language.
fn input_error(tr: Tr, error: &crate::io::InputError) -> String {
    use crate::io::InputError;
    match error {
        InputError::Io(error) => crate::app::i18n::io_error(tr.language(), error),
        InputError::NoSuchArticle(path) => tr.raw_args(
            "dataset-no-such-article",
            &[("path", path.display().to_string().into())],
        ),
        InputError::Registries(paths) => {
            let (comma, _) = separators(tr);
            let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            tr.raw_args("dataset-registries", &[("paths", paths.join(comma).into())])
        }
    }
}

/// Why an export wrote nothing, in the window's language.
fn export_error(tr: Tr, error: &ExportError) -> String {
    match error {
        ExportError::NothingToExport { skipped } => {
            tr.raw_args("export-nothing-annotated", &[("count", (*skipped).into())])
        }
        ExportError::Files(error) => files_error(tr, error),
        ExportError::Unreadable(errors) => {
            let (_, semicolon) = separators(tr);
            let errors: Vec<String> = errors.iter().map(|error| input_error(tr, error)).collect();
            errors.join(semicolon)
        }
        ExportError::NeedsDestination => tr.raw("export-needs-destination"),
        ExportError::EventLabels(label) => tr.raw_args("export-event-labels", &[("label", label.into())]),
    }
}

/// Why the split the user typed is unusable, in the window's language.
fn split_error(tr: Tr, error: &crate::export::split::SplitError) -> String {
    use crate::export::split::SplitProblem;
    let (id, text) = match &error.reason {
        SplitProblem::NotNameFraction(part) => ("split-not-name-fraction", part.clone()),
        SplitProblem::BadName(name) => ("split-bad-name", name.clone()),
        SplitProblem::Twice(name) => ("split-twice", name.clone()),
        SplitProblem::NotFraction(text) => ("split-not-fraction", text.clone()),
        SplitProblem::Sum(sum) => ("split-sum", sum.to_string()),
    };
    let why = tr.raw_args(id, &[("text", text.into())]);
    tr.raw_args(
        "split-bad",
        &[("spec", error.spec.as_str().into()), ("why", why.into())],
    )
}

/// The separators of a summary's items and of its parts, in the window's language.
fn separators(tr: Tr) -> (&'static str, &'static str) {
    if tr.is_rtl() { ("، ", "؛ ") } else { (", ", "; ") }
}

/// "N documents, N spans, N links", each counted in the window's language.
fn head_counts(tr: Tr, documents: usize, spans: usize, links: usize) -> Vec<String> {
    [
        ("count-documents", documents),
        ("count-spans", spans),
        ("count-links", links),
    ]
    .into_iter()
    .map(|(id, count)| tr.raw_args(id, &[("count", count.into())]))
    .collect()
}

/// What an export wrote, in the window's language: as `hashiya export` says it in English
/// (`ExportReport`'s `Display`), from the catalogue's words.
#[must_use]
pub fn export_summary(tr: Tr, report: &crate::export::ExportReport) -> String {
    let (comma, semicolon) = separators(tr);
    let count = |id: &str, count: usize| tr.raw_args(id, &[("count", count.into())]);
    let mut head = head_counts(tr, report.documents, report.spans, report.links);
    if report.tokens > 0 {
        head.push(tr.raw_args(
            "export-summary-tokens",
            &[
                ("tokens", count("count-tokens", report.tokens).into()),
                ("sentences", count("count-sentences", report.sentences).into()),
            ],
        ));
    }
    let mut parts = vec![head.join(comma)];
    let extra: Vec<String> = report
        .phrased_fields()
        .into_iter()
        .filter(|&(_, value)| value > 0)
        .map(|(field, value)| count(&format!("export-report-{}", field.replace('_', "-")), value))
        .collect();
    if !extra.is_empty() {
        parts.push(extra.join(comma));
    }
    if !report.splits.is_empty() {
        let splits: Vec<String> = report.splits.iter().map(|(name, n)| format!("{name} {n}")).collect();
        parts.push(tr.raw_args("export-summary-splits", &[("parts", splits.join(comma).into())]));
    }
    parts.join(semicolon)
}

/// What an import read, in the window's language: as `hashiya import` says it in English
/// (`ImportReport`'s `Display`), from the catalogue's words; names are the dataset's.
#[must_use]
pub fn import_summary(tr: Tr, report: &crate::export::ImportReport) -> String {
    let (comma, semicolon) = separators(tr);
    let count = |id: &str, count: usize| tr.raw_args(id, &[("count", count.into())]);
    let mut head = head_counts(tr, report.documents, report.spans, report.links);
    if report.tokens > 0 {
        head.push(count("count-tokens", report.tokens));
    }
    let mut parts = vec![head.join(comma)];
    for (id, names) in [
        ("import-summary-labels", &report.labels_added),
        ("import-summary-relations", &report.relations_added),
        ("import-summary-attributes", &report.attributes_added),
    ] {
        if !names.is_empty() {
            parts.push(tr.raw_args(id, &[("names", names.join(comma).into())]));
        }
    }
    let warnings = report.warnings.len() + report.warnings_suppressed;
    if warnings > 0 {
        parts.push(count("count-warnings", warnings));
    }
    parts.join(semicolon)
}

#[cfg(test)]
mod tests {
    use super::{export_summary, import_summary};
    use crate::app::Language;
    use crate::export::{ExportReport, ImportReport};
    use crate::ui::language::Tr;

    fn latin_words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// A report with every counter set (each to a different number, so that a counter
    /// worded with another's phrase shows).
    fn full_export_report() -> ExportReport {
        let mut report = ExportReport {
            documents: 2,
            spans: 5,
            links: 3,
            tokens: 40,
            sentences: 4,
            splits: vec![("train".into(), 1), ("dev".into(), 1)],
            ..ExportReport::default()
        };
        let mut full = report.clone();
        for (index, (field, _)) in report.phrased_fields().into_iter().enumerate() {
            let value = index + 6;
            match field {
                "skipped_documents" => full.skipped_documents = value,
                "spans_orphaned" => full.spans_orphaned = value,
                "links_orphaned" => full.links_orphaned = value,
                "spans_flattened" => full.spans_flattened = value,
                "spans_crossing" => full.spans_crossing = value,
                "spans_lost" => full.spans_lost = value,
                "spans_trimmed" => full.spans_trimmed = value,
                "links_dropped" => full.links_dropped = value,
                other => panic!("a counter this test does not set: {other}"),
            }
        }
        report = full;
        assert!(report.phrased_fields().iter().all(|&(_, value)| value > 0));
        report
    }

    /// The English summary is the command line's; the Arabic one has no Latin word but the
    /// split names, and each counter in its own words; a single one reads in the singular.
    #[test]
    fn export_and_import_summaries_read_in_each_language() {
        let english = Tr::new(Language::English);
        let arabic = Tr::new(Language::Arabic);
        let mut reports = vec![full_export_report()];
        let mut one = full_export_report();
        one.documents = 1;
        one.spans_lost = 1;
        reports.push(one);
        for report in &reports {
            assert_eq!(export_summary(english, report), report.to_string());
            let text = export_summary(arabic, report);
            let left: Vec<String> = latin_words(&text)
                .into_iter()
                .filter(|w| w != "train" && w != "dev")
                .collect();
            assert!(left.is_empty(), "{text}: {left:?}");
            assert!(!text.contains("export-report-"), "{text}");
        }
        let mut import = ImportReport {
            documents: 3,
            spans: 1,
            links: 2,
            tokens: 9,
            labels_added: vec!["PER".into(), "LOC".into()],
            relations_added: vec!["speaker".into()],
            attributes_added: vec!["type".into()],
            ..ImportReport::default()
        };
        import.warn(Some(3), crate::export::DataWarning::EmptyToken);
        import.warn(Some(4), crate::export::DataWarning::EmptyToken);
        assert_eq!(import_summary(english, &import), import.to_string());
        let text = import_summary(arabic, &import);
        let left: Vec<String> = latin_words(&text)
            .into_iter()
            .filter(|w| !["PER", "LOC", "speaker", "type"].contains(&w.as_str()))
            .collect();
        assert!(left.is_empty(), "{text}: {left:?}");
    }

    /// Files a dataset dialog cannot read or write are reported in Arabic: the system's
    /// words through the catalogue, the path as it is.
    #[test]
    fn dataset_file_errors_read_in_arabic() {
        use super::{export_error, files_error};
        use crate::export::dataset::ExportError;
        use crate::export::files::FilesError;
        let arabic = Tr::new(Language::Arabic);
        let path = std::path::PathBuf::from("/data/news/x.jsonl");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let errors = [
            FilesError::Read {
                path: path.clone(),
                source: denied(),
            },
            FilesError::Write {
                path: path.clone(),
                source: denied(),
            },
            FilesError::NotUtf8 { path: path.clone() },
            FilesError::Io(crate::io::IoError::ReadOnly { path: path.clone() }),
            FilesError::NoBratDocuments { path: path.clone() },
        ];
        for error in &errors {
            let text = files_error(arabic, error);
            assert!(text.contains("/data/news/x.jsonl"), "{text}");
            let rest = text.replace("/data/news/x.jsonl", "");
            let left: Vec<String> = latin_words(&rest)
                .into_iter()
                .filter(|w| !["brat", "ann", "txt"].contains(&w.as_str()))
                .collect();
            assert!(left.is_empty(), "{text}: {left:?}");
        }
        let nothing = export_error(arabic, &ExportError::NothingToExport { skipped: 4 });
        assert!(nothing.contains('4') && latin_words(&nothing).is_empty(), "{nothing}");
    }

    /// A refusal to overwrite a file, and the other reasons an export writes nothing, read in
    /// Arabic in the Arabic window and as the command line says them in the English one.
    #[test]
    fn refusals_and_export_errors_read_in_each_language() {
        use super::{export_error, files_error};
        use crate::export::dataset::ExportError;
        use crate::export::files::{FilesError, Protection, Refusal};
        use crate::io::{InputError, IoError};
        let english = Tr::new(Language::English);
        let arabic = Tr::new(Language::Arabic);
        let path = std::path::PathBuf::from("/data/news/x.jsonl");
        let mut errors: Vec<ExportError> = [
            Protection::AnnotationFile,
            Protection::Input,
            Protection::AnnotatedArticle,
            Protection::ForeignText,
        ]
        .into_iter()
        .map(|what| {
            ExportError::Files(FilesError::Refused(Refusal {
                path: path.clone(),
                what,
            }))
        })
        .collect();
        errors.extend([
            ExportError::NeedsDestination,
            ExportError::EventLabels("فاعل".into()),
            ExportError::Unreadable(vec![
                InputError::NoSuchArticle(path.clone()),
                InputError::Registries(vec![path.clone(), path.clone()]),
                InputError::Io(IoError::ReadOnly { path: path.clone() }),
            ]),
        ]);
        let mut texts = std::collections::BTreeSet::new();
        for error in &errors {
            let text = export_error(arabic, error);
            let left: Vec<String> = latin_words(&text.replace("/data/news/x.jsonl", ""))
                .into_iter()
                .filter(|w| w != "brat")
                .collect();
            assert!(left.is_empty(), "{text}: {left:?}");
            assert!(texts.insert(text), "said twice");
            let shown = export_error(english, error);
            match error {
                // The command line names its option; the window has none.
                ExportError::EventLabels(_) => assert!(shown.contains("فاعل"), "{shown}"),
                // A file's error as the window words it (`io_error`).
                ExportError::Unreadable(_) => {
                    assert!(shown.starts_with("no such article: /data/news/x.jsonl; "), "{shown}");
                }
                _ => assert_eq!(shown, error.to_string()),
            }
        }
        let refusal = FilesError::Refused(Refusal {
            path: path.clone(),
            what: Protection::Input,
        });
        assert_eq!(files_error(english, &refusal), refusal.to_string());
    }

    /// A document an import could not write, and why, read in Arabic: the problems of its
    /// annotation file and the system's error through the catalogue, the names as they are.
    #[test]
    fn import_write_errors_read_in_arabic() {
        use super::import_write_error;
        use crate::io::{ImportWriteError, IoError, Problem, ProblemReason};
        let arabic = Tr::new(Language::Arabic);
        let path = std::path::PathBuf::from("/data/news/x.txt");
        let errors = [
            ImportWriteError::Refused {
                problems: vec![
                    Problem::new("span T2 is defined twice").because(ProblemReason::SpanTwice { span: 2 }),
                    Problem::new("known only in English"),
                ],
            },
            ImportWriteError::Write(IoError::ReadOnly { path: path.clone() }),
            ImportWriteError::Folder {
                path: path.clone(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
        ];
        let mut texts = std::collections::BTreeSet::new();
        for error in &errors {
            let text = import_write_error(arabic, error);
            let left = latin_words(&text.replace("/data/news/x.txt", "").replace("T2", ""));
            assert!(left.is_empty(), "{text}: {left:?}");
            assert!(texts.insert(text), "said twice");
        }
    }

    /// A split the user typed wrong: the command line's English in English, Arabic words
    /// around the user's own text in Arabic.
    #[test]
    fn split_errors_read_in_each_language() {
        use super::split_error;
        use crate::export::split::SplitSpec;
        let english = Tr::new(Language::English);
        let arabic = Tr::new(Language::Arabic);
        let mut texts = std::collections::BTreeSet::new();
        for spec in ["train", "tr ain=1", "a=0.5,a=0.5", "train=x", "train=0.5,dev=0.2"] {
            let error = spec.parse::<SplitSpec>().expect_err("a bad split");
            assert_eq!(split_error(english, &error), error.to_string());
            let text = split_error(arabic, &error);
            let left: Vec<String> = latin_words(&text.replace(spec, ""))
                .into_iter()
                .filter(|w| !["train", "tr", "ain", "a", "x"].contains(&w.as_str()))
                .collect();
            assert!(left.is_empty(), "{text}: {left:?}");
            assert!(texts.insert(text), "said twice");
        }
    }
}
