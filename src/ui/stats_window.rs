//! View › Statistics: spans per label as a bar chart, links per kind, and per-document counts
//! of the open folder.

use egui::{Context, RichText};
use egui_plot::{Bar, BarChart, Plot};

use crate::export::stats::Stats;
use crate::io::folder::AnnotationSummary;
use crate::model::Document;
use crate::ui::colors;
use crate::ui::folder_panel::OpenFolder;

/// Shows the window while `open`.
pub fn stats_window_ui(ctx: &Context, open: &mut bool, document: &Document, folder: Option<&OpenFolder>) {
    egui::Window::new("Statistics")
        .open(open)
        .default_width(420.0)
        .show(ctx, |ui| {
            let stats = Stats::of([document]);
            ui.label(
                RichText::new(format!(
                    "{}: {} spans, {} links",
                    document.meta().source_name,
                    stats.spans,
                    stats.links
                ))
                .strong(),
            );
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
                .show(ui, |plot| plot.bar_chart(BarChart::new("Spans per label", bars)));
            egui::Grid::new("label-table").striped(true).show(ui, |ui| {
                for (label, count) in &stats.spans_per_label {
                    ui.label(label);
                    ui.label(count.to_string());
                    ui.end_row();
                }
                for (kind, count) in &stats.links_per_kind {
                    ui.label(format!("{kind} links"));
                    ui.label(count.to_string());
                    ui.end_row();
                }
            });
            if let Some(folder) = folder {
                ui.separator();
                folder_table_ui(ui, folder);
            }
        });
}

fn folder_table_ui(ui: &mut egui::Ui, folder: &OpenFolder) {
    ui.label(RichText::new(format!("Folder: {} articles (saved state)", folder.entries.len())).strong());
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
                        ui.label(status.label());
                        ui.label(format!("{span_count} spans, {link_count} links"));
                    }
                    AnnotationSummary::None => {
                        ui.label("—");
                        ui.label("");
                    }
                    AnnotationSummary::Unreadable(message) => {
                        ui.label("unreadable").on_hover_text(message);
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    });
}
