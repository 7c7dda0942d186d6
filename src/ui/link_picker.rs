//! The link picker: while a link is being drawn (after S or P), a window lists the spans it
//! can go to, nearest first and off screen too ([`link_targets`]); typing filters them with
//! Arabic spelling variants folded, ↑ / ↓ or Tab / Shift+Tab move the highlight (shown in the
//! article as a hovered span, scrolled to), Enter links, Esc ends link mode.

use egui::{Context, Key, Modifiers, Sense, Ui};

use crate::app::{AnnotatorAction, LinkMode, link_targets};
use crate::model::{Document, SpanId};
use crate::ui::actions::AppAction;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::Tr;

/// Rows shown at once; the filter finds the others.
const SHOWN_TARGETS: usize = 12;
/// Chars of a target's text a row shows.
const ROW_CHARS: usize = 48;

/// The picker's state; reset whenever another link starts.
#[derive(Default)]
pub struct LinkPicker {
    query: String,
    highlighted: usize,
    /// The link the picker was opened for (a new one resets it).
    opened_for: Option<LinkMode>,
    /// The targets, and what they were found for: (link, query, document state).
    targets: Vec<SpanId>,
    found_for: Option<(LinkMode, String, (u64, u64))>,
    /// A highlight moved by a key, for the article to scroll to.
    moved: bool,
}

impl LinkPicker {
    /// The highlighted target, shown in the article as if hovered.
    #[must_use]
    pub fn highlighted(&self, mode: Option<&LinkMode>) -> Option<SpanId> {
        mode.filter(|m| self.opened_for.as_ref() == Some(*m))
            .and_then(|_| self.targets.get(self.highlighted).copied())
    }

    /// The highlighted target once after a key moved the highlight, for the article to
    /// scroll to.
    pub fn take_moved(&mut self) -> Option<SpanId> {
        std::mem::take(&mut self.moved)
            .then(|| self.targets.get(self.highlighted).copied())
            .flatten()
    }

    /// The picker's keys, read before the window's shortcuts (Tab and Esc mean something else
    /// outside link mode).
    pub fn keys(&mut self, ctx: &Context, mode: Option<&LinkMode>) -> Vec<AppAction> {
        let Some(mode) = mode else {
            return Vec::new();
        };
        if self.opened_for.as_ref() != Some(mode) || self.targets.is_empty() {
            let escape = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
            return escape
                .then_some(AppAction::Annotate(AnnotatorAction::Escape))
                .into_iter()
                .collect();
        }
        let count = self.targets.len();
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            let back =
                input.consume_key(Modifiers::SHIFT, Key::Tab) || input.consume_key(Modifiers::NONE, Key::ArrowUp);
            let forward =
                input.consume_key(Modifiers::NONE, Key::Tab) || input.consume_key(Modifiers::NONE, Key::ArrowDown);
            if back {
                self.highlighted = (self.highlighted + count - 1) % count;
                self.moved = true;
            } else if forward {
                self.highlighted = (self.highlighted + 1) % count;
                self.moved = true;
            }
            if input.consume_key(Modifiers::NONE, Key::Enter) {
                actions.push(AppAction::Annotate(AnnotatorAction::LinkTo(
                    self.targets[self.highlighted],
                )));
            }
            if input.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(AppAction::Annotate(AnnotatorAction::Escape));
            }
        });
        actions
    }

    /// Shows the picker for `mode` (nothing outside link mode); returns the link a click
    /// asked for. `state` identifies the document's content.
    pub fn show_ui(
        &mut self,
        ctx: &Context,
        document: &Document,
        state: (u64, u64),
        mode: Option<&LinkMode>,
        labels: &mut BidiLabels,
    ) -> Option<AppAction> {
        let Some(mode) = mode else {
            self.opened_for = None;
            return None;
        };
        let opened = self.opened_for.as_ref() != Some(mode);
        if opened {
            self.opened_for = Some(mode.clone());
            self.query.clear();
            self.highlighted = 0;
        }
        self.refresh(document, state, mode);
        let target_label = document
            .schema()
            .relation(&mode.kind)
            .map_or("span", |r| r.to_label.as_str());
        let mut chosen = None;
        let tr = Tr::of(ctx);
        // Beside the side panel, over the article: the panel is on the left in a
        // right-to-left interface.
        let (anchor, offset) = if tr.is_rtl() {
            (egui::Align2::LEFT_TOP, [360.0, 60.0])
        } else {
            (egui::Align2::RIGHT_TOP, [-360.0, 60.0])
        };
        egui::Window::new(tr.t_args("picker-title", &[("kind", mode.kind.as_str().into())]))
            .id(egui::Id::unique("link-picker"))
            .anchor(anchor, offset)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                crate::ui::language::window_column_ui(ui, |ui| {
                    let field = ui.add(
                        BidiTextField::singleline(&mut self.query)
                            .hint_text(tr.raw_args("picker-filter-hint", &[("label", target_label.into())]))
                            .desired_width(300.0),
                    );
                    if opened {
                        field.request_focus();
                    }
                    chosen = self.rows_ui(ui, document, labels);
                    ui.label(egui::RichText::new(tr.t("picker-keys")).small().weak());
                });
            });
        chosen
    }

    fn refresh(&mut self, document: &Document, state: (u64, u64), mode: &LinkMode) {
        let key = (mode.clone(), self.query.clone(), state);
        if self.found_for.as_ref() != Some(&key) {
            let before = self.targets.get(self.highlighted).copied();
            self.targets = link_targets(document, mode, &self.query);
            // The highlight stays on its span when the list changes around it.
            self.highlighted = before
                .and_then(|id| self.targets.iter().position(|&t| t == id))
                .unwrap_or(0);
            self.found_for = Some(key);
        }
    }

    fn rows_ui(&mut self, ui: &mut Ui, document: &Document, labels: &mut BidiLabels) -> Option<AppAction> {
        if self.targets.is_empty() {
            ui.label(Tr::of(ui.ctx()).t("picker-none"));
            return None;
        }
        // The rows around the highlight, so that the keys can reach every target.
        let first = self.highlighted.saturating_sub(SHOWN_TARGETS - 1);
        let mut chosen = None;
        for (index, &id) in self.targets.iter().enumerate().skip(first).take(SHOWN_TARGETS) {
            let Some(span) = document.span(id) else { continue };
            let text: String = document
                .span_text(span)
                .chars()
                .take(ROW_CHARS)
                .map(|c| if c == '\n' { ' ' } else { c })
                .collect();
            let row = ui.horizontal(|ui| {
                if index == self.highlighted {
                    ui.painter()
                        .rect_filled(ui.max_rect(), 2.0, ui.visuals().selection.bg_fill);
                }
                labels.label_ui(ui, &text)
            });
            if row.response.interact(Sense::click()).clicked() || row.inner.clicked() {
                chosen = Some(AppAction::Annotate(AnnotatorAction::LinkTo(id)));
            }
        }
        if self.targets.len() > SHOWN_TARGETS {
            ui.label(
                egui::RichText::new(Tr::of(ui.ctx()).t_args("picker-more", &[("count", self.targets.len().into())]))
                    .small()
                    .weak(),
            );
        }
        chosen
    }
}
