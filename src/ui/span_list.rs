//! The side panel's span list: spans grouped by label in reading order, with counts, a text
//! filter, and each quote's or action's links under it. Clicking a row selects the span (the
//! article scrolls to it). Only the rows on screen are drawn, so 11,000 spans stay smooth.

use std::collections::{HashMap, HashSet};

use egui::{Color32, RichText, Sense, Ui};

use crate::app::AnnotatorAction;
use crate::model::{Document, LinkId, SpanId};
use crate::ui::bidi_label::BidiLabels;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::colors;
use crate::ui::language::Tr;

/// How many chars of a span's text a row shows.
const ROW_CHARS: usize = 40;
/// Height of every row (rows must be equal for the virtual list).
const ROW_HEIGHT: f32 = 26.0;

/// One row of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    /// A label's header, with the index of the label in the schema and its count.
    Header(usize, usize),
    /// A span.
    Span(SpanId),
    /// A link under its head span.
    Link(LinkId),
    /// A gap under a head span: links of the relation at this schema index it still needs
    /// (a quote without its speaker).
    Missing(SpanId, usize),
}

/// The span list's own state: the filter and the collapsed labels.
#[derive(Default)]
pub struct SpanList {
    filter: String,
    collapsed: HashSet<String>,
    /// The selection last scrolled to, so a selection scrolls the list once.
    scrolled_to: Option<SpanId>,
    /// The rows, and what they were built from: (document state, filter, collapsed labels).
    rows: Vec<Row>,
    rows_built_for: Option<((u64, u64), String, usize)>,
}

impl SpanList {
    /// Shows the list; returns the action a click asked for.
    /// `state` identifies the document's content (generation, history revision), so the rows
    /// are rebuilt only when the annotations, the filter or the collapsed labels change.
    pub fn show_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        state: (u64, u64),
        selected: Option<SpanId>,
        labels: &mut BidiLabels,
    ) -> Option<AnnotatorAction> {
        let tr = Tr::of(ui.ctx());
        ui.horizontal(|ui| {
            let caption = ui.label(tr.t("panel-filter"));
            ui.add(BidiTextField::singleline(&mut self.filter).hint_text(tr.raw("panel-filter-hint")))
                .labelled_by(caption.id);
        });
        let key = (state, self.filter.clone(), self.collapsed.len());
        if self.rows_built_for.as_ref() != Some(&key) {
            self.rows = self.rows(document);
            self.rows_built_for = Some(key);
        }
        let rows = std::mem::take(&mut self.rows);
        let mut action = None;
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("span-list")
            .auto_shrink([false, false]);
        if selected != self.scrolled_to {
            self.scrolled_to = selected;
            if let Some(index) = selected.and_then(|id| rows.iter().position(|r| *r == Row::Span(id))) {
                scroll = scroll
                    .vertical_scroll_offset((index as f32 - 3.0).max(0.0) * (ROW_HEIGHT + ui.spacing().item_spacing.y));
            }
        }
        scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, visible| {
            for row in &rows[visible] {
                if let Some(clicked) = self.row_ui(ui, document, *row, selected, labels) {
                    action = Some(clicked);
                }
            }
        });
        self.rows = rows;
        action
    }

    fn rows(&self, document: &Document) -> Vec<Row> {
        let filter = self.filter.trim();
        let mut links_by_head: HashMap<SpanId, Vec<LinkId>> = HashMap::new();
        for link in document.links() {
            links_by_head.entry(link.from).or_default().push(link.id);
        }
        let mut rows = Vec::new();
        for (label_index, label) in document.schema().labels.iter().enumerate() {
            let header_at = rows.len();
            rows.push(Row::Header(label_index, 0));
            let open = !self.collapsed.contains(&label.name);
            let mut count = 0;
            for span in document.spans().iter().filter(|s| s.label == label.name) {
                if !filter.is_empty() && !span.label.contains(filter) && !document.span_text(span).contains(filter) {
                    continue;
                }
                count += 1;
                if open {
                    rows.push(Row::Span(span.id));
                    rows.extend(
                        links_by_head
                            .get(&span.id)
                            .into_iter()
                            .flatten()
                            .map(|&id| Row::Link(id)),
                    );
                    rows.extend(missing_links(document, span).map(|kind| Row::Missing(span.id, kind)));
                }
            }
            rows[header_at] = Row::Header(label_index, count);
        }
        rows
    }

    fn row_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        row: Row,
        selected: Option<SpanId>,
        labels: &mut BidiLabels,
    ) -> Option<AnnotatorAction> {
        let mut action = None;
        let response = ui
            .horizontal(|ui| {
                ui.set_min_height(ROW_HEIGHT);
                match row {
                    Row::Header(index, count) => self.header_ui(ui, document, index, count),
                    Row::Span(id) => span_row_ui(ui, document, id, selected == Some(id), labels),
                    Row::Link(id) => action = link_row_ui(ui, document, id, labels),
                    Row::Missing(_, kind) => missing_row_ui(ui, document, kind),
                }
            })
            .response;
        // A row selects its span: a link's row the span it goes to, a gap's row its head.
        let target = match row {
            Row::Span(id) | Row::Missing(id, _) => Some(id),
            Row::Link(id) => document.link(id).map(|l| l.to),
            Row::Header(..) => None,
        };
        if action.is_none()
            && let Some(id) = target
            && response.interact(Sense::click()).clicked()
        {
            action = Some(AnnotatorAction::SelectSpan(id));
        }
        action
    }

    fn header_ui(&mut self, ui: &mut Ui, document: &Document, index: usize, count: usize) {
        let Some(label) = document.schema().labels.get(index) else {
            return;
        };
        let open = !self.collapsed.contains(&label.name);
        let arrow = if open { "-" } else { "+" };
        let text = RichText::new(format!("{arrow} {} ({count})", label.shown_name()))
            .color(colors::label_color(label.color))
            .strong();
        if ui.add(egui::Button::new(text).frame(false)).clicked() && !self.collapsed.remove(&label.name) {
            self.collapsed.insert(label.name.clone());
        }
    }
}

fn span_row_ui(ui: &mut Ui, document: &Document, id: SpanId, is_selected: bool, labels: &mut BidiLabels) {
    let Some(span) = document.span(id) else { return };
    if is_selected {
        ui.painter()
            .rect_filled(ui.max_rect(), 2.0, ui.visuals().selection.bg_fill);
    }
    ui.add_space(8.0);
    ui.label(RichText::new(span.id.to_string()).weak().monospace());
    if span.needs_review {
        ui.label(RichText::new("!").color(ui.visuals().warn_fg_color))
            .on_hover_text(Tr::of(ui.ctx()).t("panel-reanchored"));
    }
    labels.label_ui(ui, &shorten(document.span_text(span)));
}

fn link_row_ui(ui: &mut Ui, document: &Document, id: LinkId, labels: &mut BidiLabels) -> Option<AnnotatorAction> {
    let link = document.link(id)?;
    let target = document.span(link.to)?;
    ui.add_space(28.0);
    let tr = Tr::of(ui.ctx());
    // Not selectable, so that a click reaches the row (which selects the link's span).
    ui.add(
        egui::Label::new(
            RichText::new(format!("{} {}", link.kind, arrow(tr)))
                .italics()
                .color(Color32::GRAY),
        )
        .selectable(false),
    );
    labels.label_ui(ui, &shorten(document.span_text(target)));
    ui.small_button("×")
        .on_hover_text(tr.t_args("panel-delete-link", &[("kind", link.kind.as_str().into())]))
        .clicked()
        .then_some(AnnotatorAction::DeleteLink(id))
}

/// The schema indexes of the relations `span` heads with fewer links than they need.
fn missing_links<'d>(document: &'d Document, span: &'d crate::model::Span) -> impl Iterator<Item = usize> + 'd {
    document
        .schema()
        .relations
        .iter()
        .enumerate()
        .filter(move |(_, relation)| {
            relation.required_links() > 0
                && relation.allows_head(&span.label)
                && document
                    .links_of(span.id)
                    .filter(|l| l.from == span.id && l.kind == relation.name)
                    .count()
                    < relation.required_links() as usize
        })
        .map(|(index, _)| index)
}

fn missing_row_ui(ui: &mut Ui, document: &Document, kind: usize) {
    let Some(relation) = document.schema().relations.get(kind) else {
        return;
    };
    ui.add_space(28.0);
    let tr = Tr::of(ui.ctx());
    ui.add(
        egui::Label::new(
            RichText::new(format!("{} {} ?", relation.name, arrow(tr)))
                .italics()
                .color(ui.visuals().warn_fg_color),
        )
        .selectable(false),
    )
    .on_hover_text(tr.t_args(
        "panel-needs-links",
        &[
            ("count", (relation.required_links() as usize).into()),
            ("kind", relation.name.as_str().into()),
        ],
    ));
}

/// The arrow from a link's head to its target, pointing the way the rows read.
fn arrow(tr: Tr) -> &'static str {
    if tr.is_rtl() { "<-" } else { "->" }
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
