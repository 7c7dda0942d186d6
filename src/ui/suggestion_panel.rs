//! The side panel's Suggestions section: how many suggestions each source makes per label, the
//! score threshold, "accept all" per label, the buttons that run the sources, and the one
//! that imports a model's predictions.

use egui::{RichText, Ui};

use crate::app::SuggestionWalk;
use crate::app::suggestion_walk::counts;
use crate::model::Document;
use crate::ui::actions::{AppAction, SuggestionAction, SuggestionRun};
use crate::ui::language::Tr;

/// What a background source is doing, for the panel (the tagger trains for seconds).
#[derive(Clone, Debug, PartialEq)]
pub struct RunProgress {
    /// Which source; `None` while a predictions file is read.
    pub run: Option<SuggestionRun>,
    /// From 0 to 1.
    pub fraction: f32,
}

/// The counts of the section, computed once per change of the document or the threshold (an
/// 820,000-char document has thousands of suggestions: not a job for every frame).
#[derive(Default)]
pub struct CountCache {
    key: Option<((u64, u64), u32)>,
    counts: Vec<crate::app::suggestion_walk::SuggestionCount>,
}

impl CountCache {
    fn counts(
        &mut self,
        document: &Document,
        state: (u64, u64),
        threshold: f32,
    ) -> &[crate::app::suggestion_walk::SuggestionCount] {
        let key = Some((state, threshold.to_bits()));
        if self.key != key {
            self.counts = counts(document, threshold);
            self.key = key;
        }
        &self.counts
    }
}

/// The section; returns what the user asked for. The threshold slider changes `walk` directly
/// (view state). `state` changes whenever the document does.
pub fn suggestion_panel_ui(
    ui: &mut Ui,
    document: &Document,
    state: (u64, u64),
    walk: &mut SuggestionWalk,
    cache: &mut CountCache,
    progress: Option<&RunProgress>,
) -> Vec<AppAction> {
    let tr = Tr::of(ui.ctx());
    let mut actions = Vec::new();
    let total = document.suggestions().spans().len() + document.suggestions().links().len();
    let title = tr.t_args("suggestions-section", &[("count", total.into())]);
    egui::CollapsingHeader::new(title)
        .id_salt("suggestions-section")
        .default_open(total > 0)
        .show(ui, |ui| {
            crate::ui::language::row_ui(ui, true, |ui| {
                for (run, id) in [
                    (SuggestionRun::Matcher, "suggestions-run-matcher"),
                    (SuggestionRun::Rules, "suggestions-run-rules"),
                    (SuggestionRun::Tagger, "suggestions-run-tagger"),
                ] {
                    let enabled = progress.is_none();
                    if ui.add_enabled(enabled, egui::Button::new(tr.t(id))).clicked() {
                        actions.push(AppAction::Suggestion(SuggestionAction::Run(run)));
                    }
                }
                // In the sources' row (it wraps), so that it starts from the right in Arabic.
                let import = egui::Button::new(tr.t("suggestions-import-predictions"));
                if ui.add_enabled(progress.is_none(), import).clicked() {
                    actions.push(AppAction::Suggestion(SuggestionAction::PickPredictions));
                }
            });
            if let Some(progress) = progress {
                ui.add(egui::ProgressBar::new(progress.fraction).show_percentage());
            }
            // Rows, so that each starts from the right in Arabic, as the sources' row does.
            crate::ui::language::row_ui(ui, false, |ui| {
                let mut show = walk.show;
                if ui.checkbox(&mut show, tr.t("suggestions-show")).changed() {
                    actions.push(AppAction::Suggestion(SuggestionAction::ToggleShow));
                }
            });
            crate::ui::language::row_ui(ui, false, |ui| {
                ui.add(egui::Slider::new(&mut walk.threshold, 0.0..=1.0).text(tr.t("suggestions-threshold")));
            });
            let counts = cache.counts(document, state, walk.threshold);
            counts_ui(ui, document, walk, counts, &mut actions);
        });
    actions
}

fn counts_ui(
    ui: &mut Ui,
    document: &Document,
    walk: &SuggestionWalk,
    counts: &[crate::app::suggestion_walk::SuggestionCount],
    actions: &mut Vec<AppAction>,
) {
    let tr = Tr::of(ui.ctx());
    if counts.is_empty() {
        ui.label(RichText::new(tr.t("suggestions-none")).weak());
        return;
    }
    egui::Grid::new("suggestion-counts").striped(true).show(ui, |ui| {
        for count in counts {
            let name = match count.source.as_str() {
                "matcher" => tr.t("suggestions-run-matcher"),
                "rules" => tr.t("suggestions-run-rules"),
                "tagger" => tr.t("suggestions-run-tagger"),
                model => model.to_owned(),
            };
            ui.label(name);
            ui.label(document.schema().shown_label(&count.label));
            ui.label(format!("{} / {}", count.shown, count.total));
            ui.end_row();
        }
    });
    let mut labels: Vec<&str> = counts
        .iter()
        .filter(|c| c.shown > 0 && document.schema().label(&c.label).is_some())
        .map(|c| c.label.as_str())
        .collect();
    labels.sort_unstable();
    labels.dedup();
    crate::ui::language::row_ui(ui, true, |ui| {
        for label in labels {
            let args = [
                ("label", document.schema().shown_label(label).into()),
                ("threshold", format!("{:.2}", walk.threshold).into()),
            ];
            if ui.button(tr.t_args("suggestions-accept-all", &args)).clicked() {
                actions.push(AppAction::Suggestion(SuggestionAction::AcceptAll(label.to_owned())));
            }
        }
    });
}
