//! View › Statistics: spans per label as a bar chart, links per kind, and per-document counts
//! of the open folder.

use egui::{Context, RichText};
use egui_plot::{Bar, BarChart, Plot};

use crate::export::stats::Stats;
use crate::io::folder::AnnotationSummary;
use crate::model::Document;
use crate::ui::colors;
use crate::ui::folder_panel::OpenFolder;
use crate::ui::language::{Tr, status_id};

/// Shows the window while `open`.
pub fn stats_window_ui(ctx: &Context, open: &mut bool, document: &Document, folder: Option<&OpenFolder>) {
    let tr = Tr::of(ctx);
    egui::Window::new(tr.t("stats-title"))
        .id(egui::Id::unique("statistics-window"))
        .open(open)
        .default_width(420.0)
        .show(ctx, |ui| {
            // A chart and tables: laid out as they are in every language (a right-aligned
            // column around egui_plot's plot leaves it no width).
            {
                let stats = Stats::of([document]);
                let spans = tr.raw_args("count-spans", &[("count", stats.spans.into())]);
                let links = tr.raw_args("count-links", &[("count", stats.links.into())]);
                let args = [
                    ("name", document.meta().source_name.as_str().into()),
                    ("spans", spans.into()),
                    ("links", links.into()),
                ];
                ui.label(RichText::new(tr.t_args("stats-document", &args)).strong());
                let bars: Vec<Bar> = stats
                    .spans_per_label
                    .iter()
                    .enumerate()
                    .map(|(index, (label, count))| {
                        let color = document
                            .schema()
                            .label(label)
                            .map_or(egui::Color32::GRAY, |l| colors::label_color(l.color));
                        Bar::new(index as f64, *count as f64).name(label).fill(color).width(0.6)
                    })
                    .collect();
                let names: Vec<String> = stats.spans_per_label.iter().map(|(label, _)| label.clone()).collect();
                Plot::new("label-counts")
                    .height(180.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .x_axis_formatter(move |mark, _| {
                        let index = mark.value.round();
                        if (mark.value - index).abs() < 1e-6 && index >= 0.0 {
                            names.get(index as usize).cloned().unwrap_or_default()
                        } else {
                            String::new()
                        }
                    })
                    .show(ui, |plot| {
                        plot.bar_chart(BarChart::new(tr.t("stats-spans-per-label"), bars));
                    });
                egui::Grid::new("label-table").striped(true).show(ui, |ui| {
                    for (label, count) in &stats.spans_per_label {
                        ui.label(label);
                        ui.label(count.to_string());
                        ui.end_row();
                    }
                    for (kind, count) in &stats.links_per_kind {
                        ui.label(tr.t_args("stats-links-of-kind", &[("kind", kind.as_str().into())]));
                        ui.label(count.to_string());
                        ui.end_row();
                    }
                });
                if let Some(folder) = folder {
                    ui.separator();
                    folder_table_ui(ui, folder);
                }
            }
        });
}

fn folder_table_ui(ui: &mut egui::Ui, folder: &OpenFolder) {
    let tr = Tr::of(ui.ctx());
    let articles = tr.raw_args("count-articles", &[("count", folder.entries.len().into())]);
    ui.label(RichText::new(tr.t_args("stats-folder", &[("articles", articles.into())])).strong());
    egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
        egui::Grid::new("folder-table").striped(true).show(ui, |ui| {
            for entry in &folder.entries {
                ui.label(&entry.name);
                match &entry.annotations {
                    AnnotationSummary::Annotated {
                        status,
                        span_count,
                        link_count,
                        ..
                    } => {
                        ui.label(tr.t(status_id(*status)));
                        let spans = tr.raw_args("count-spans", &[("count", (*span_count).into())]);
                        let links = tr.raw_args("count-links", &[("count", (*link_count).into())]);
                        ui.label(tr.t_args("stats-spans-links", &[("spans", spans.into()), ("links", links.into())]));
                    }
                    AnnotationSummary::None => {
                        ui.label("—");
                        ui.label("");
                    }
                    AnnotationSummary::Unreadable(why) => {
                        // Worded only while hovered, not in every frame.
                        ui.label(tr.t("stats-unreadable")).on_hover_ui(|ui| {
                            ui.label(tr.arrange(&crate::app::i18n::io_error(tr.language(), why.error())));
                        });
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    });
}
