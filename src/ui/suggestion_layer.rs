//! Suggestions drawn in the article so that nobody takes them for annotations: a dashed
//! outline in the label's colour and no fill (annotations are filled), the current one
//! thicker; a suggested link is a dashed line from its head to its child. The hover card
//! names the source and the score.

use egui::{Color32, Rect, RichText, Stroke, Ui};

use crate::app::SuggestionWalk;
use crate::model::{Document, SuggestedSpan, SuggestionId};
use crate::ui::article_view::ArticleView;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::colors;
use crate::ui::language::Tr;

/// How far before the visible text a suggestion may start and still reach into it (a long
/// quote); the suggestions are sorted by start, so the visible ones are found by bisection.
const REACH_CHARS: usize = 2_000;

/// Draws the visible suggestions the walk shows; returns the one under `hovered_char`.
pub fn paint_suggestions_ui(
    ui: &Ui,
    view: &mut ArticleView,
    document: &Document,
    walk: &SuggestionWalk,
    hovered_char: Option<usize>,
) -> Option<SuggestionId> {
    if !walk.show {
        return None;
    }
    let visible = view.visible_chars();
    let spans = document.suggestions().spans();
    let first = spans.partition_point(|s| s.char_start < visible.start.saturating_sub(REACH_CHARS));
    let painter = ui.painter();
    let mut hovered = None;
    for span in spans[first..].iter().take_while(|s| s.char_start < visible.end) {
        if span.char_end <= visible.start || !walk.shows(span.score) {
            continue;
        }
        let current = walk.current == Some(span.id);
        let color = label_color(document, &span.label);
        for rect in view.char_rects(span.char_start..span.char_end) {
            dashed_rect(
                painter,
                rect.expand(1.5),
                Stroke::new(if current { 2.5 } else { 1.5 }, color),
            );
        }
        if hovered_char.is_some_and(|c| (span.char_start..span.char_end).contains(&c)) {
            // The innermost (shortest) suggestion under the pointer, as clicks on spans do.
            let shorter = hovered
                .and_then(|id| document.suggestions().span(id))
                .is_none_or(|h: &SuggestedSpan| h.char_end - h.char_start > span.char_end - span.char_start);
            if shorter {
                hovered = Some(span.id);
            }
        }
    }
    paint_links(ui, view, document, walk, &visible);
    hovered
}

fn paint_links(
    ui: &Ui,
    view: &mut ArticleView,
    document: &Document,
    walk: &SuggestionWalk,
    visible: &std::ops::Range<usize>,
) {
    let painter = ui.painter();
    for link in document.suggestions().links() {
        if !walk.shows(link.score) {
            continue;
        }
        let (Some(from), Some(to)) = (
            document.suggestion_end_range(link.from),
            document.suggestion_end_range(link.to),
        ) else {
            continue;
        };
        let near = |(start, end): (usize, usize)| end > visible.start && start < visible.end;
        if !near(from) && !near(to) {
            continue;
        }
        let (Some(a), Some(b)) = (
            view.char_rects(from.0..from.1).into_iter().next(),
            view.char_rects(to.0..to.1).into_iter().next(),
        ) else {
            continue;
        };
        let current = walk.current == Some(link.id);
        let head_label = match link.from {
            crate::model::SuggestionEnd::Span(id) => document.span(id).map(|s| s.label.clone()),
            crate::model::SuggestionEnd::Suggested(id) => document.suggestions().span(id).map(|s| s.label.clone()),
        };
        let color = head_label.map_or(Color32::GRAY, |label| label_color(document, &label));
        let stroke = Stroke::new(if current { 2.5 } else { 1.5 }, color);
        let (start, end) = (a.center_bottom(), b.center_bottom());
        painter.extend(egui::Shape::dashed_line(&[start, end], stroke, 5.0, 4.0));
        painter.circle_stroke(end, 3.5, stroke);
        painter.text(
            start.lerp(end, 0.5),
            egui::Align2::CENTER_BOTTOM,
            format!("{}?", link.kind),
            egui::FontId::proportional(12.0),
            color,
        );
    }
}

fn label_color(document: &Document, label: &str) -> Color32 {
    document
        .schema()
        .label(label)
        .map_or(Color32::GRAY, |l| colors::label_color(l.color))
}

fn dashed_rect(painter: &egui::Painter, rect: Rect, stroke: Stroke) {
    for side in [
        [rect.left_top(), rect.right_top()],
        [rect.right_top(), rect.right_bottom()],
        [rect.right_bottom(), rect.left_bottom()],
        [rect.left_bottom(), rect.left_top()],
    ] {
        painter.extend(egui::Shape::dashed_line(&side, stroke, 4.0, 3.0));
    }
}

/// The hover card of a suggestion: that it is one, its label, text, source and score, and the
/// keys that settle it.
pub fn suggestion_card_ui(ui: &mut Ui, document: &Document, id: SuggestionId, labels: &mut BidiLabels) {
    let Some(span) = document.suggestions().span(id) else {
        return;
    };
    let tr = Tr::of(ui.ctx());
    let color = label_color(document, &span.label);
    let title = tr.raw_args(
        "suggestion-card-title",
        &[("label", document.schema().shown_label(&span.label).into())],
    );
    labels.label_ui(ui, &title);
    ui.label(RichText::new(format!("{id}")).color(color).strong());
    labels.label_ui(ui, document.text_of(span.char_start, span.char_end));
    let score = format!("{:.2}", span.score);
    let args = [
        ("source", source_name(tr, &span.source).into()),
        ("score", score.into()),
    ];
    labels.label_ui(ui, &tr.raw_args("suggestion-card-source", &args));
    ui.label(RichText::new(tr.t("suggestion-card-keys")).weak());
}

/// A source's name in the interface's language (an imported model keeps its own name).
#[must_use]
pub fn source_name(tr: Tr, source: &crate::model::SuggestionSource) -> String {
    use crate::model::SuggestionSource;
    match source {
        SuggestionSource::Matcher => tr.raw("suggestions-run-matcher"),
        SuggestionSource::Rules => tr.raw("suggestions-run-rules"),
        SuggestionSource::Tagger => tr.raw("suggestions-run-tagger"),
        SuggestionSource::Imported(model) => model.clone(),
    }
}
