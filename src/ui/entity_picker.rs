//! The entity picker: E on a selected mention opens a window listing the entities it can
//! belong to ([`entity_choices`]: those it names first, then the nearest and most mentioned),
//! filtered as you type (Arabic spelling variants folded), with "New entity" after them: the
//! highlight starts on the entity the mention names, else on "New entity". Up / Down move it,
//! Enter assigns, Esc closes. The registry lives beside the articles ([`EntityBook`]).

use egui::{Context, Key, Modifiers, Sense};

use crate::app::{EntityBook, entity_choices};
use crate::model::{Document, EntityId, SpanId};
use crate::ui::bidi_label::BidiLabels;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::{Tr, row_ui, window_column_ui};

/// Rows shown at once; the filter finds the others.
const SHOWN: usize = 10;

/// What the picker asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityPick {
    /// Assign the mention to this entity.
    Existing(SpanId, EntityId),
    /// Create an entity named `name` and assign the mention to it.
    New(SpanId, String),
    /// Take the mention out of its entity.
    Clear(SpanId),
}

/// The rows of the picker for one mention and query.
struct Rows {
    choices: Vec<EntityId>,
    new_name: String,
    can_clear: bool,
    /// Where the highlight starts: the first entity the mention names, else "New entity".
    default: usize,
}

impl Rows {
    fn of(document: &Document, book: &EntityBook, mention: SpanId, query: &str) -> Option<Self> {
        let span = document.span(mention)?;
        let ranked = entity_choices(&book.registry, document, span, query);
        let named = ranked.first().is_some_and(|&(_, named)| named);
        let choices: Vec<EntityId> = ranked.into_iter().map(|(id, _)| id).collect();
        let new_name = match query.trim() {
            "" => document.span_text(span).trim().to_owned(),
            typed => typed.to_owned(),
        };
        Some(Self {
            default: if named { 0 } else { choices.len() },
            choices,
            new_name,
            can_clear: span.entity.is_some(),
        })
    }

    fn len(&self) -> usize {
        self.choices.len() + 1 + usize::from(self.can_clear)
    }

    fn pick(&self, mention: SpanId, row: usize) -> EntityPick {
        match row {
            i if i < self.choices.len() => EntityPick::Existing(mention, self.choices[i]),
            i if i == self.choices.len() => EntityPick::New(mention, self.new_name.clone()),
            _ => EntityPick::Clear(mention),
        }
    }
}

/// The picker, open for one mention.
#[derive(Default)]
pub struct EntityPicker {
    mention: Option<SpanId>,
    query: String,
    /// The highlighted row; `None` until the rows are first known (then their default).
    highlighted: Option<usize>,
    /// The query the highlight was set for: a new query puts it back on the default.
    highlighted_for: String,
    opened: bool,
}

impl EntityPicker {
    /// Opens the picker for `mention`.
    pub fn open(&mut self, mention: SpanId) {
        *self = Self {
            mention: Some(mention),
            opened: true,
            ..Self::default()
        };
    }

    fn highlight(&mut self, rows: &Rows) -> usize {
        if self.highlighted_for != self.query {
            self.highlighted = None;
            self.highlighted_for.clone_from(&self.query);
        }
        let row = self.highlighted.unwrap_or(rows.default).min(rows.len() - 1);
        self.highlighted = Some(row);
        row
    }

    /// Up, Down, Enter and Esc while open, read before the article's keys (the caret uses the
    /// arrows); returns what Enter chose.
    pub fn keys(&mut self, ctx: &Context, document: &Document, book: &EntityBook) -> Option<EntityPick> {
        let mention = self.mention?;
        let Some(rows) = Rows::of(document, book, mention, &self.query) else {
            self.mention = None;
            return None;
        };
        let count = rows.len();
        let mut row = self.highlight(&rows);
        let (up, down, enter, escape) = ctx.input_mut(|input| {
            (
                input.consume_key(Modifiers::NONE, Key::ArrowUp),
                input.consume_key(Modifiers::NONE, Key::ArrowDown),
                input.consume_key(Modifiers::NONE, Key::Enter),
                input.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if up {
            row = (row + count - 1) % count;
        }
        if down {
            row = (row + 1) % count;
        }
        self.highlighted = Some(row);
        if escape {
            self.mention = None;
        }
        enter.then(|| {
            self.mention = None;
            rows.pick(mention, row)
        })
    }

    /// Shows the picker when open; returns what a click chose (the picker then closes).
    pub fn show_ui(
        &mut self,
        ctx: &Context,
        document: &Document,
        book: &EntityBook,
        labels: &mut BidiLabels,
    ) -> Option<EntityPick> {
        let mention = self.mention?;
        let rows = Rows::of(document, book, mention, &self.query)?;
        let highlighted = self.highlight(&rows);
        let tr = Tr::of(ctx);
        let mention_text = document
            .span(mention)
            .map(|s| document.span_text(s).to_owned())
            .unwrap_or_default();
        let mut clicked = None;
        let mut open = true;
        let opened = std::mem::take(&mut self.opened);
        egui::Window::new(tr.t("entity-title"))
            .id(egui::Id::unique("entity-picker"))
            .anchor(egui::Align2::RIGHT_TOP, [-360.0, 60.0])
            .resizable(false)
            .collapsible(false)
            .open(&mut open)
            .show(ctx, |ui| {
                window_column_ui(ui, |ui| {
                    row_ui(ui, false, |ui| {
                        ui.label(tr.t("entity-mention"));
                        labels.label_ui(ui, &mention_text);
                    });
                    let field = ui.add(
                        BidiTextField::singleline(&mut self.query)
                            .hint_text(tr.raw("entity-filter-hint"))
                            .label(tr.raw("entity-filter-label"))
                            .desired_width(300.0),
                    );
                    if opened {
                        field.request_focus();
                    }
                    let first = highlighted.saturating_sub(SHOWN - 1);
                    for (index, &id) in rows.choices.iter().enumerate().skip(first).take(SHOWN) {
                        if choice_row_ui(ui, labels, &book.describe(id), index == highlighted) {
                            clicked = Some(index);
                        }
                    }
                    let new_row = tr.raw_args("entity-new", &[("name", rows.new_name.as_str().into())]);
                    if choice_row_ui(ui, labels, &new_row, highlighted == rows.choices.len()) {
                        clicked = Some(rows.choices.len());
                    }
                    if rows.can_clear
                        && choice_row_ui(
                            ui,
                            labels,
                            &tr.raw("entity-none"),
                            highlighted == rows.choices.len() + 1,
                        )
                    {
                        clicked = Some(rows.choices.len() + 1);
                    }
                    ui.label(egui::RichText::new(tr.t("entity-keys")).small().weak());
                });
            });
        if !open {
            self.mention = None;
            return None;
        }
        clicked.map(|row| {
            self.mention = None;
            rows.pick(mention, row)
        })
    }
}

/// One row (an entity's name, or "New entity «…»": in the interface's direction), highlighted
/// or not; whether it was clicked.
fn choice_row_ui(ui: &mut egui::Ui, labels: &mut BidiLabels, text: &str, highlighted: bool) -> bool {
    let row = ui.horizontal(|ui| {
        if highlighted {
            ui.painter()
                .rect_filled(ui.max_rect(), 2.0, ui.visuals().selection.bg_fill);
        }
        let color = ui.visuals().text_color();
        labels.message_ui(ui, text, color)
    });
    row.response.interact(Sense::click()).clicked() || row.inner.clicked()
}
