//! The side panel's span list: spans grouped by label in reading order, with counts, a text
//! filter, and each quote's or action's links under it. Clicking a row selects the span and
//! scrolls the article to it.

use egui::{Color32, RichText, Ui};

use crate::model::{Document, Link, LinkId, Span, SpanId};
use crate::ui::annotator::Action;
use crate::ui::colors;

/// How many chars of a span's text a row shows.
const ROW_CHARS: usize = 48;

/// The span list's own state: the filter text.
#[derive(Default)]
pub struct SpanList {
    filter: String,
}

impl SpanList {
    /// Shows the list and returns the action a click asked for. `text_ui` paints a piece of
    /// article text (with the bidi engine, since egui's labels have none).
    pub fn show_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        selected: Option<SpanId>,
        text_ui: &mut dyn FnMut(&mut Ui, &str) -> egui::Response,
    ) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label("Filter");
            ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("text or label"));
        });
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for label in &document.schema().labels {
                let spans: Vec<&Span> = document
                    .spans()
                    .iter()
                    .filter(|s| s.label == label.name && self.matches(document, s))
                    .collect();
                let color = colors::label_color(label.color);
                let title = RichText::new(format!("{} ({})", label.name, spans.len()))
                    .color(color)
                    .strong();
                egui::CollapsingHeader::new(title)
                    .id_salt(("span-list", &label.name))
                    .default_open(true)
                    .show(ui, |ui| {
                        for span in spans {
                            if let Some(clicked) = span_row_ui(ui, document, span, selected == Some(span.id), text_ui) {
                                action = Some(clicked);
                            }
                        }
                    });
            }
        });
        action
    }

    fn matches(&self, document: &Document, span: &Span) -> bool {
        let filter = self.filter.trim();
        filter.is_empty() || span.label.contains(filter) || document.span_text(span).contains(filter)
    }
}

fn span_row_ui(
    ui: &mut Ui,
    document: &Document,
    span: &Span,
    is_selected: bool,
    text_ui: &mut dyn FnMut(&mut Ui, &str) -> egui::Response,
) -> Option<Action> {
    let mut action = None;
    let frame = egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(4, 2))
        .fill(if is_selected {
            ui.visuals().selection.bg_fill
        } else {
            Color32::TRANSPARENT
        });
    let row = frame.show(ui, |ui| {
        ui.horizontal(|ui| {
            if span.needs_review {
                ui.label(RichText::new("⚠").color(ui.visuals().warn_fg_color))
                    .on_hover_text("Re-anchored after the article changed: please review");
            }
            ui.label(RichText::new(span.id.to_string()).weak().monospace());
            text_ui(ui, &shorten(document.span_text(span)));
        });
        for link in document.links().iter().filter(|l| l.from == span.id) {
            if let Some(deleted) = link_row_ui(ui, document, link, text_ui) {
                action = Some(Action::DeleteLink(deleted));
            }
        }
    });
    let response = row.response.interact(egui::Sense::click());
    if response.clicked() && action.is_none() {
        action = Some(Action::SelectSpan(span.id));
    }
    if is_selected && ui.ctx().memory(|m| m.focused().is_none()) {
        response.scroll_to_me(None);
    }
    action
}

fn link_row_ui(
    ui: &mut Ui,
    document: &Document,
    link: &Link,
    text_ui: &mut dyn FnMut(&mut Ui, &str) -> egui::Response,
) -> Option<LinkId> {
    let target = document.span(link.to)?;
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        ui.label(RichText::new(format!("{} →", link.kind)).italics());
        text_ui(ui, &shorten(document.span_text(target)));
        ui.small_button("✖")
            .on_hover_text(format!("Delete this {} link", link.kind))
            .clicked()
            .then_some(link.id)
    })
    .inner
}

/// The first `ROW_CHARS` chars of a span's text, on one line.
fn shorten(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    if one_line.chars().count() <= ROW_CHARS {
        return one_line;
    }
    let mut short: String = one_line.chars().take(ROW_CHARS).collect();
    short.push('…');
    short
}
