//! The folder panel: the articles of the open folder with their status and span counts.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::io::IoError;
use crate::io::folder::{AnnotationSummary, FolderEntry, list_folder_as};
use crate::io::project::{DocumentProgress, ProjectFolder};
use crate::ui::language::{Tr, status_id};

/// An open folder of articles.
pub struct OpenFolder {
    /// The folder.
    pub dir: PathBuf,
    /// Its articles, in natural order.
    pub entries: Vec<FolderEntry>,
    /// Index of the open article, if it is one of them.
    pub current: Option<usize>,
    /// Whose files the summaries are of, in a team project (else the shared `NAME.hashiya.ron`).
    pub annotator: Option<String>,
    /// In a team project: each article's assigned annotators and how far they have come, in
    /// the order of `entries`.
    pub progress: Vec<DocumentProgress>,
}

impl OpenFolder {
    /// Lists `dir`, with `annotator`'s files in a team project.
    pub fn open(dir: &Path, annotator: Option<String>) -> Result<Self, IoError> {
        Ok(Self {
            dir: dir.to_path_buf(),
            entries: list_folder_as(dir, annotator.as_deref())?,
            current: None,
            annotator,
            progress: team_progress(dir),
        })
    }

    /// Reads the summaries again (after a save, or once the annotator is known).
    pub fn refresh(&mut self) {
        if let Ok(entries) = list_folder_as(&self.dir, self.annotator.as_deref()) {
            let current = self
                .current
                .and_then(|i| self.entries.get(i))
                .map(|e| e.article.clone());
            self.entries = entries;
            self.current = current.and_then(|article| self.entries.iter().position(|e| e.article == article));
        }
        self.progress = team_progress(&self.dir);
    }

    /// The index `step` documents away from the current one, if there is one.
    #[must_use]
    pub fn neighbour(&self, step: isize) -> Option<usize> {
        let next = self.current?.checked_add_signed(step)?;
        (next < self.entries.len()).then_some(next)
    }

    /// Shows the list; returns the index of a clicked document.
    pub fn show_ui(&self, ui: &mut Ui) -> Option<usize> {
        let mut clicked = None;
        ui.heading(
            self.dir
                .file_name()
                .map_or_else(|| self.dir.display().to_string(), |n| n.to_string_lossy().into_owned()),
        );
        let tr = Tr::of(ui.ctx());
        ui.label(RichText::new(tr.t_args("count-articles", &[("count", self.entries.len().into())])).weak());
        ui.separator();
        egui::ScrollArea::vertical().id_salt("folder").show(ui, |ui| {
            for (index, entry) in self.entries.iter().enumerate() {
                let summary = match &entry.annotations {
                    AnnotationSummary::None => "—".to_owned(),
                    AnnotationSummary::Annotated { status, span_count, .. } => {
                        let spans = tr.raw_args("count-spans", &[("count", (*span_count).into())]);
                        format!("{} · {spans}", tr.raw(status_id(*status)))
                    }
                    AnnotationSummary::Unreadable(_) => tr.raw("stats-unreadable"),
                };
                let recovery = if entry.has_recovery {
                    format!(" {}", tr.raw("folder-autosave"))
                } else {
                    String::new()
                };
                let mut text = format!("{}{recovery}\n{summary}", entry.name);
                if let Some(progress) = self.progress.iter().find(|p| p.article == entry.name) {
                    text.push('\n');
                    text.push_str(&team_line(progress, tr));
                }
                let text = tr.arrange(&text);
                let mut item = ui.selectable_label(self.current == Some(index), text);
                if let AnnotationSummary::Unreadable(why) = &entry.annotations {
                    // Worded only while hovered, not in every frame.
                    item = item.on_hover_ui(|ui| {
                        ui.label(tr.arrange(&crate::app::i18n::io_error(tr.language(), why.error())));
                    });
                }
                if item.clicked() {
                    clicked = Some(index);
                }
            }
        });
        clicked
    }
}

/// Every annotator's progress when `dir` is (in) a team project; empty otherwise.
fn team_progress(dir: &Path) -> Vec<DocumentProgress> {
    match ProjectFolder::find(dir) {
        Ok(Some(project)) => project.progress(dir).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// `sara done, omar in progress · ready for review`.
fn team_line(progress: &DocumentProgress, tr: Tr) -> String {
    let who: Vec<String> = progress
        .annotators
        .iter()
        .map(|a| format!("{} {}", a.annotator, tr.raw(status_id(a.status))))
        .collect();
    let ready = if progress.ready_for_review() {
        format!(" · {}", tr.raw("folder-ready-for-review"))
    } else {
        String::new()
    };
    format!("{}{ready}", who.join(tr.raw("list-separator").as_str()))
}
