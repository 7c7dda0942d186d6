//! The side panel: document status and annotator, one button per label and relation, the
//! selected span's details, the span list, and spans orphaned by a changed article.

use egui::{Color32, RichText, Ui};

use crate::app::{Annotator, AnnotatorAction};
use crate::io::OrphanSpan;
use crate::model::{Command, Document, Span, Status};
use crate::ui::actions::AppAction;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::colors;
use crate::ui::language::{Tr, status_id};
use crate::ui::span_list::SpanList;

/// The panel's own state.
#[derive(Default)]
pub struct AnnotationPanel {
    /// The span list (filter, collapsed labels).
    pub span_list: SpanList,
    /// The annotator name being typed (committed as a command when the field loses focus).
    annotator_draft: Option<String>,
    /// The note being typed for the selected span.
    note_draft: Option<(crate::model::SpanId, String)>,
}

impl AnnotationPanel {
    /// Shows the panel; returns what the user asked for.
    pub fn show_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        state: (u64, u64),
        annotator: &Annotator,
        orphans: &[OrphanSpan],
        labels: &mut BidiLabels,
    ) -> Vec<AppAction> {
        // The panel keeps the width the user gave it: what is wider wraps or is clipped, and
        // never pushes the panel into the article.
        let rect = ui.available_rect_before_wrap();
        // Right-aligned rows from the right in a right-to-left interface.
        let layout = if Tr::of(ui.ctx()).is_rtl() {
            Tr::of(ui.ctx()).column_layout()
        } else {
            *ui.layout()
        };
        let mut inner = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
        inner.shrink_clip_rect(rect);
        let actions = self.contents_ui(&mut inner, document, state, annotator, orphans, labels);
        ui.allocate_rect(
            egui::Rect::from_min_size(rect.min, egui::vec2(rect.width(), inner.min_rect().height())),
            egui::Sense::hover(),
        );
        actions
    }

    fn contents_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        state: (u64, u64),
        annotator: &Annotator,
        orphans: &[OrphanSpan],
        labels: &mut BidiLabels,
    ) -> Vec<AppAction> {
        let mut actions = Vec::new();
        self.document_ui(ui, document, &mut actions);
        ui.separator();
        label_buttons_ui(ui, document, annotator, labels, &mut actions);
        ui.separator();
        if let Some(span) = annotator.selected.and_then(|id| document.span(id)) {
            self.selected_span_ui(ui, document, span, labels, &mut actions);
            ui.separator();
        }
        if !orphans.is_empty() {
            orphans_ui(ui, orphans, labels);
            ui.separator();
        }
        if let Some(action) = self.span_list.show_ui(ui, document, state, annotator.selected, labels) {
            actions.push(AppAction::Annotate(action));
        }
        actions
    }

    /// What is still being typed in the panel's fields, as commands, with the fields reset to
    /// the document. A shortcut (Ctrl+S, Ctrl+Q, Alt+→) arrives while a field still has the
    /// focus, before the field would commit on losing it: saving and leaving the document take
    /// these first, so nothing typed is lost or saved without.
    pub fn take_field_edits(&mut self, document: &Document) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(name) = self.annotator_draft.take().filter(|n| *n != document.meta().annotator) {
            commands.push(Command::SetAnnotator(name));
        }
        if let Some((id, draft)) = self.note_draft.take()
            && let Some(span) = document.span(id)
        {
            let note = Some(draft).filter(|n| !n.trim().is_empty());
            if note != span.note {
                commands.push(Command::SetSpanNote { id, note });
            }
        }
        commands
    }

    fn document_ui(&mut self, ui: &mut Ui, document: &Document, actions: &mut Vec<AppAction>) {
        let tr = Tr::of(ui.ctx());
        // Rows, not a grid: a grid's columns run left to right in every language.
        ui.horizontal(|ui| {
            let caption = ui.label(tr.t("panel-status"));
            let status = document.meta().status;
            egui::ComboBox::from_id_salt("status")
                .selected_text(tr.t(status_id(status)))
                .show_ui(ui, |ui| {
                    for option in Status::ALL {
                        let text = tr.t(status_id(option));
                        if ui.selectable_label(option == status, text).clicked() && option != status {
                            actions.push(AppAction::Edit(Command::SetStatus(option)));
                        }
                    }
                })
                .response
                .labelled_by(caption.id);
        });
        ui.horizontal(|ui| {
            let caption = ui.label(tr.t("panel-annotator"));
            let draft = self
                .annotator_draft
                .get_or_insert_with(|| document.meta().annotator.clone());
            let field = ui
                .add(
                    BidiTextField::singleline(draft)
                        .hint_text(tr.raw("panel-annotator-hint"))
                        .desired_width(140.0),
                )
                .labelled_by(caption.id);
            if field.lost_focus() {
                if let Some(name) = self.annotator_draft.take().filter(|n| *n != document.meta().annotator) {
                    actions.push(AppAction::Edit(Command::SetAnnotator(name)));
                }
            } else if !field.has_focus() {
                self.annotator_draft = None;
            }
        });
    }

    fn selected_span_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        span: &Span,
        labels: &mut BidiLabels,
        actions: &mut Vec<AppAction>,
    ) {
        let color = document
            .schema()
            .label(&span.label)
            .map_or(Color32::GRAY, |l| colors::label_color(l.color));
        let tr = Tr::of(ui.ctx());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} {}", span.id, document.schema().shown_label(&span.label)))
                    .color(color)
                    .strong(),
            );
            ui.label(RichText::new(format!("{}..{}", span.char_start, span.char_end)).weak());
            if ui
                .button(tr.t("panel-delete"))
                .on_hover_text(tr.t("panel-delete-hint"))
                .clicked()
            {
                actions.push(AppAction::Annotate(AnnotatorAction::DeleteSelected));
            }
        });
        labels.wrapped_label_ui(ui, document.span_text(span));
        if span.needs_review {
            ui.horizontal(|ui| {
                // The merge driver leaves a "Merge: …" line in the note of what it marked.
                let merged = span
                    .note
                    .as_deref()
                    .is_some_and(|n| n.lines().any(|l| l.starts_with("Merge:")));
                let why = if merged { "panel-merged" } else { "panel-moved" };
                ui.colored_label(ui.visuals().warn_fg_color, tr.t(why));
                if ui.button(tr.t("panel-mark-reviewed")).clicked() {
                    actions.push(AppAction::Edit(Command::SetSpanNeedsReview {
                        id: span.id,
                        needs_review: false,
                    }));
                }
            });
            // Why the merge marked it, in the window's language (the note keeps the English
            // line the merge driver wrote, for every tool and language).
            let notes = span.note.as_deref().unwrap_or_default().lines();
            let merge_lines = notes.filter(|line| line.starts_with(crate::io::merge_note::MERGE_PREFIX));
            for note in merge_lines.filter_map(crate::io::merge_note::MergeNote::parse) {
                labels.wrapped_label_ui(ui, &crate::app::i18n::merge_note(tr.language(), &note));
            }
        }
        attributes_ui(ui, document, span, actions);
        self.note_ui(ui, span, actions);
    }

    fn note_ui(&mut self, ui: &mut Ui, span: &Span, actions: &mut Vec<AppAction>) {
        if self.note_draft.as_ref().is_some_and(|(id, _)| *id != span.id) {
            self.note_draft = None;
        }
        let (_, draft) = self
            .note_draft
            .get_or_insert_with(|| (span.id, span.note.clone().unwrap_or_default()));
        let tr = Tr::of(ui.ctx());
        let caption = ui.label(tr.t("panel-note"));
        let field = ui
            .add(
                BidiTextField::multiline(draft)
                    .hint_text(tr.raw("panel-note-hint"))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(caption.id);
        if field.lost_focus() {
            let note = self.note_draft.take().map(|(_, n)| n).filter(|n| !n.trim().is_empty());
            if note != span.note {
                actions.push(AppAction::Edit(Command::SetSpanNote { id: span.id, note }));
            }
        } else if !field.has_focus() {
            self.note_draft = None;
        }
    }
}

fn label_buttons_ui(
    ui: &mut Ui,
    document: &Document,
    annotator: &Annotator,
    labels: &mut BidiLabels,
    actions: &mut Vec<AppAction>,
) {
    let tr = Tr::of(ui.ctx());
    ui.label(tr.t("panel-label-selection"));
    ui.horizontal_wrapped(|ui| {
        for label in &document.schema().labels {
            let key = label.shortcut.map(|c| format!("{c} ")).unwrap_or_default();
            let text = RichText::new(format!("{key}{}", label.shown_name()))
                .color(Color32::WHITE)
                .strong();
            let button = egui::Button::new(text).fill(colors::label_color(label.color));
            if ui.add(button).on_hover_text(&label.description).clicked() {
                actions.push(AppAction::Annotate(AnnotatorAction::ApplyLabel(label.name.clone())));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for relation in &document.schema().relations {
            let key = relation
                .shortcut
                .map(|c| format!("{} ", c.to_ascii_uppercase()))
                .unwrap_or_default();
            let hover = tr.t_args(
                "panel-link-hint",
                &[
                    ("description", relation.description.as_str().into()),
                    ("from", relation.from_label.as_str().into()),
                ],
            );
            let text = tr.raw_args("panel-link-button", &[("relation", relation.name.as_str().into())]);
            if ui
                .button(tr.arrange(&format!("{key}{text}")))
                .on_hover_text(hover)
                .clicked()
            {
                actions.push(AppAction::Annotate(AnnotatorAction::StartLink(relation.name.clone())));
            }
        }
    });
    if let Some(mode) = &annotator.link_mode {
        let target = document
            .schema()
            .relation(&mode.kind)
            .map_or("span", |r| r.to_label.as_str());
        let text = tr.raw_args(
            "panel-linking",
            &[
                ("relation", mode.kind.as_str().into()),
                ("from", mode.head.to_string().into()),
                ("target", target.into()),
            ],
        );
        labels.wrapped_message_ui(ui, &text, ui.visuals().warn_fg_color);
    }
}

fn attributes_ui(ui: &mut Ui, document: &Document, span: &Span, actions: &mut Vec<AppAction>) {
    let Some(label) = document.schema().label(&span.label) else {
        return;
    };
    for attribute in label.attributes.iter().filter(|a| !a.values.is_empty()) {
        let current = span.attributes.get(&attribute.name);
        ui.horizontal(|ui| {
            let caption = ui.label(&attribute.name);
            egui::ComboBox::from_id_salt(("attribute", span.id, &attribute.name))
                .selected_text(current.map_or("—", String::as_str))
                .show_ui(ui, |ui| {
                    let options = std::iter::once(None).chain(attribute.values.iter().map(Some));
                    for value in options {
                        let selected = current == value;
                        if ui
                            .selectable_label(selected, value.map_or("—", String::as_str))
                            .clicked()
                            && !selected
                        {
                            actions.push(AppAction::Edit(Command::SetSpanAttribute {
                                id: span.id,
                                name: attribute.name.clone(),
                                value: value.cloned(),
                            }));
                        }
                    }
                })
                .response
                .labelled_by(caption.id);
        });
    }
}

fn orphans_ui(ui: &mut Ui, orphans: &[OrphanSpan], labels: &mut BidiLabels) {
    let tr = Tr::of(ui.ctx());
    let title = tr.t_args("panel-orphans", &[("count", orphans.len().into())]);
    egui::CollapsingHeader::new(RichText::new(title).color(ui.visuals().warn_fg_color))
        .default_open(true)
        .show(ui, |ui| {
            let color = ui.visuals().text_color();
            labels.wrapped_message_ui(ui, &tr.raw("panel-orphans-text"), color);
            for orphan in orphans.iter().take(200) {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{} {}", orphan.span.id, orphan.span.label)).weak());
                    labels.wrapped_label_ui(ui, &orphan.text);
                });
            }
        });
}
