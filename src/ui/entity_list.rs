//! The entities of the open document in the side panel: each entity its mentions belong to,
//! with how many; a click selects its next mention after the selected one (walking them).

use std::collections::BTreeMap;

use egui::Ui;

use crate::app::EntityBook;
use crate::model::{Document, EntityId, SpanId};
use crate::ui::bidi_label::BidiLabels;
use crate::ui::language::Tr;

/// Rows shown before the list scrolls.
const MAX_HEIGHT: f32 = 160.0;

/// Shows the entities mentioned in `document` (nothing when none is); returns the mention a
/// click asks to select.
pub fn entity_list_ui(
    ui: &mut Ui,
    document: &Document,
    book: &EntityBook,
    selected: Option<SpanId>,
    labels: &mut BidiLabels,
) -> Option<SpanId> {
    let mut mentions: BTreeMap<EntityId, Vec<SpanId>> = BTreeMap::new();
    for span in document.spans() {
        if let Some(entity) = span.entity {
            mentions.entry(entity).or_default().push(span.id);
        }
    }
    if mentions.is_empty() {
        return None;
    }
    let tr = Tr::of(ui.ctx());
    let mut chosen = None;
    egui::CollapsingHeader::new(tr.t("entities-heading"))
        .id_salt("entities")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("entity-list")
                .max_height(MAX_HEIGHT)
                .show(ui, |ui| {
                    for (entity, spans) in &mentions {
                        let text = tr.raw_args(
                            "entities-row",
                            &[
                                ("entity", book.describe(*entity).as_str().into()),
                                ("count", spans.len().into()),
                            ],
                        );
                        let color = ui.visuals().text_color();
                        if labels
                            .message_ui(ui, &text, color)
                            .interact(egui::Sense::click())
                            .clicked()
                        {
                            chosen = Some(next_mention(document, spans, selected));
                        }
                    }
                });
        });
    chosen
}

/// The mention after the selected one (in text order), wrapping to the first.
fn next_mention(document: &Document, spans: &[SpanId], selected: Option<SpanId>) -> SpanId {
    let start = selected
        .and_then(|id| document.span(id))
        .map(crate::model::Span::sort_key);
    spans
        .iter()
        .copied()
        .find(|id| {
            document
                .span(*id)
                .is_some_and(|s| start.is_none_or(|key| s.sort_key() > key))
        })
        .unwrap_or(spans[0])
}
