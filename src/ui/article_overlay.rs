//! What the annotation layer draws on and around the article view: span highlights (tint +
//! stacked underlines), link arcs between a focused span and its partners, the hover card,
//! and the label picker next to a fresh selection.

use std::ops::Range;

use egui::epaint::{CubicBezierShape, PathStroke};
use egui::{Color32, Pos2, Rect, RichText, Stroke, Ui};

use crate::app::{Annotator, AnnotatorAction, innermost_span_at};
use crate::model::{Document, SpanId};
use crate::ui::actions::AppAction;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::span_lanes::SpanLanes;
use crate::ui::{ArticleView, Decoration, colors};

/// Lanes of the current document, recomputed only when its annotations change.
#[derive(Default)]
pub struct SpanDecorator {
    lanes: SpanLanes,
    /// (document generation, history revision) the lanes were computed for.
    computed_for: Option<(u64, u64)>,
}

impl SpanDecorator {
    /// Decorations of the spans overlapping `visible` (only those: a long document has
    /// thousands of spans, and only a screenful is drawn).
    pub fn decorations(
        &mut self,
        document: &Document,
        state: (u64, u64),
        visible: Range<usize>,
        focus: &[SpanId],
    ) -> Vec<Decoration> {
        if self.computed_for != Some(state) {
            self.lanes = SpanLanes::new(document.spans());
            self.computed_for = Some(state);
        }
        document
            .spans_overlapping(visible.start, visible.end)
            .map(|span| {
                let color = document
                    .schema()
                    .label(&span.label)
                    .map_or(crate::model::Rgb(128, 128, 128), |l| l.color);
                let emphasized = focus.contains(&span.id);
                Decoration {
                    char_range: span.char_start..span.char_end,
                    fill: colors::span_fill(color, emphasized),
                    underline: Some(colors::label_color(color)),
                    lane: self.lanes.lane(span.id),
                    emphasized,
                }
            })
            .collect()
    }
}

/// The spans drawn emphasized: the selected and hovered spans, their link partners, and the
/// head of a link being drawn.
#[must_use]
pub fn focus_spans(document: &Document, annotator: &Annotator, hovered: Option<SpanId>) -> Vec<SpanId> {
    let mut focus: Vec<SpanId> = annotator.selected.into_iter().chain(hovered).collect();
    focus.extend(annotator.link_mode.as_ref().map(|p| p.head));
    let partners: Vec<SpanId> = focus
        .iter()
        .flat_map(|&id| {
            document
                .links_of(id)
                .map(move |l| if l.from == id { l.to } else { l.from })
        })
        .collect();
    focus.extend(partners);
    focus.sort_unstable();
    focus.dedup();
    focus
}

/// Draws an arc from each link's head to its child, for the links of the selected or hovered
/// span.
pub fn link_arcs_ui(ui: &Ui, view: &mut ArticleView, document: &Document, shown_for: &[SpanId]) {
    let painter = ui.painter();
    let clip = ui.clip_rect();
    let links = document
        .links()
        .iter()
        .filter(|l| shown_for.contains(&l.from) || shown_for.contains(&l.to));
    for link in links {
        let (Some(from), Some(to)) = (document.span(link.from), document.span(link.to)) else {
            continue;
        };
        let (Some(a), Some(b)) = (
            first_rect(view, from.char_start..from.char_end),
            first_rect(view, to.char_start..to.char_end),
        ) else {
            continue;
        };
        if !clip.intersects(a.union(b)) {
            continue;
        }
        let color = document
            .schema()
            .label(&from.label)
            .map_or(Color32::GRAY, |l| colors::label_color(l.color));
        let (start, end) = (a.center_top(), b.center_top());
        let lift = 18.0 + (start.y - end.y).abs() * 0.15 + (start.x - end.x).abs() * 0.08;
        let control = |p: Pos2| Pos2::new(p.x, p.y.min(start.y.min(end.y)) - lift);
        let curve = CubicBezierShape::from_points_stroke(
            [start, control(start), control(end), end],
            false,
            Color32::TRANSPARENT,
            PathStroke::new(2.0, color),
        );
        painter.add(curve);
        painter.circle_filled(end, 3.5, color);
        painter.text(
            control(start).lerp(control(end), 0.5),
            egui::Align2::CENTER_BOTTOM,
            &link.kind,
            egui::FontId::proportional(12.0),
            color,
        );
    }
}

fn first_rect(view: &mut ArticleView, range: Range<usize>) -> Option<Rect> {
    view.char_rects(range).into_iter().next()
}

/// The hover card of a span: label, text, attributes and links.
pub fn span_card_ui(ui: &mut Ui, document: &Document, id: SpanId, labels: &mut BidiLabels, entity: Option<&str>) {
    let Some(span) = document.span(id) else { return };
    let color = document
        .schema()
        .label(&span.label)
        .map_or(Color32::GRAY, |l| colors::label_color(l.color));
    ui.label(
        RichText::new(format!("{} · {}", document.schema().shown_label(&span.label), span.id))
            .color(color)
            .strong(),
    );
    labels.label_ui(ui, &clip_text(document.span_text(span)));
    if let Some(entity) = entity {
        let tr = crate::ui::language::Tr::of(ui.ctx());
        labels.label_ui(ui, &tr.raw_args("entity-card", &[("entity", entity.into())]));
    }
    for (name, value) in &span.attributes {
        ui.label(format!("{name}: {value}"));
    }
    if let Some(note) = &span.note {
        ui.label(RichText::new(note).italics());
    }
    for link in document.links_of(id) {
        let (arrow, other) = if link.from == id {
            ("->", link.to)
        } else {
            ("<-", link.from)
        };
        if let Some(other) = document.span(other) {
            ui.horizontal(|ui| {
                ui.label(format!("{} {arrow}", link.kind));
                labels.label_ui(ui, &clip_text(document.span_text(other)));
            });
        }
    }
}

fn clip_text(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    text.chars().take(MAX).chain(std::iter::once('…')).collect()
}

/// The span under the pointer (the innermost, as clicks resolve).
#[must_use]
pub fn hovered_span(document: &Document, hovered_char: Option<usize>) -> Option<SpanId> {
    hovered_char
        .and_then(|c| innermost_span_at(document, c, None))
        .map(|s| s.id)
}

/// Chars on each side of a selection whose lines the label picker should not cover: more than
/// the lines it can reach at any zoom.
const PICKER_CONTEXT_CHARS: usize = 600;

/// A row of label buttons floating next to a fresh text selection, over as little text as
/// possible (never the line after the selection when it can go elsewhere), inside the article.
pub fn label_picker_ui(
    ui: &Ui,
    view: &mut ArticleView,
    document: &Document,
    selection: Range<usize>,
) -> Option<AppAction> {
    let bounds = ui.clip_rect();
    let selection_rects = view.char_rects(selection.clone());
    let anchor = *selection_rects.last()?;
    if !bounds.contains(anchor.center_bottom()) {
        return None;
    }
    let context =
        selection.start.saturating_sub(PICKER_CONTEXT_CHARS)..selection.end.saturating_add(PICKER_CONTEXT_CHARS);
    let text_rects = view.char_rects(context.start..context.end.min(document.char_len()));
    let id = egui::Id::unique("label-picker");
    let size = ui
        .ctx()
        .memory(|memory| memory.area_rect(id))
        .map_or(crate::ui::picker_placement::ESTIMATED_SIZE, |rect| rect.size());
    let place = crate::ui::picker_placement::picker_rect(size, &selection_rects, &text_rects, bounds)?;
    let mut chosen = None;
    egui::Area::new(id)
        .order(egui::Order::Foreground)
        .fixed_pos(place.min)
        .constrain_to(bounds)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for label in &document.schema().labels {
                        let key = label.shortcut.map(|c| format!("{c} ")).unwrap_or_default();
                        let text = RichText::new(format!("{key}{}", label.shown_name()))
                            .color(colors::label_color(label.color));
                        let button = egui::Button::new(text).stroke(Stroke::new(1.0, colors::label_color(label.color)));
                        if ui.add(button).on_hover_text(&label.description).clicked() {
                            chosen = Some(AppAction::Annotate(AnnotatorAction::ApplyLabel(label.name.clone())));
                        }
                    }
                });
            });
        });
    chosen
}
