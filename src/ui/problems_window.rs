//! The Problems window (Annotate › Problems…): every problem the annotation checks find in
//! the open document, each a row that selects its span; and the question asked when a
//! document with problems is marked done.

use egui::{Context, RichText, Ui};

use crate::app::AnnotatorAction;
use crate::checks::Problem;
use crate::ui::actions::AppAction;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::language::Tr;

/// Shows the window; returns the span selection a row's click asks for.
pub fn problems_window_ui(
    ctx: &Context,
    open: &mut bool,
    problems: &[Problem],
    labels: &mut BidiLabels,
) -> Option<AppAction> {
    let mut chosen = None;
    let tr = Tr::of(ctx);
    egui::Window::new(tr.t("problems-title"))
        .id(egui::Id::unique("problems-window"))
        .open(open)
        .default_width(460.0)
        .show(ctx, |ui| {
            crate::ui::language::window_column_ui(ui, |ui| {
                if problems.is_empty() {
                    ui.label(tr.t("problems-none"));
                    return;
                }
                let text = tr.raw_args("problems-count", &[("count", problems.len().into())]);
                labels.wrapped_message_ui(ui, &text, ui.visuals().text_color());
                ui.separator();
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for problem in problems {
                        if let Some(action) = problem_row_ui(ui, problem, labels) {
                            chosen = Some(action);
                        }
                    }
                });
            });
        });
    chosen
}

/// One problem: a button naming the check (it selects the span) and the message, drawn with
/// bidi since it quotes the span's Arabic text.
fn problem_row_ui(ui: &mut Ui, problem: &Problem, labels: &mut BidiLabels) -> Option<AppAction> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        let button = egui::Button::new(RichText::new(problem.check.name()).small());
        let hover = Tr::of(ui.ctx()).t_args(
            "problems-select",
            &[("start", problem.char_start.into()), ("end", problem.char_end.into())],
        );
        if ui.add(button).on_hover_text(hover).clicked() {
            chosen = Some(AppAction::Annotate(AnnotatorAction::SelectSpan(problem.span)));
        }
        labels.wrapped_label_ui(ui, &problem.message);
    });
    chosen
}

/// The answer to "mark as done?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoneAnswer {
    /// Mark it done anyway.
    MarkDone,
    /// Leave the status and show the problems.
    ShowProblems,
    /// Leave the status.
    Cancel,
}

/// Asks whether to mark a document with `count` problems done; the answer once given.
#[must_use]
pub fn confirm_done_ui(ctx: &Context, count: usize) -> Option<DoneAnswer> {
    let mut answer = None;
    let tr = Tr::of(ctx);
    let modal = egui::Modal::new(egui::Id::unique("confirm-done")).show(ctx, |ui| {
        crate::ui::language::window_column_ui(ui, |ui| {
            ui.heading(tr.t("done-title"));
            crate::ui::language::one_line_label_ui(ui, &tr.t_args("done-text", &[("count", count.into())]));
            ui.add_space(8.0);
            crate::ui::language::row_ui(ui, false, |ui| {
                if ui.button(tr.t("done-mark")).clicked() {
                    answer = Some(DoneAnswer::MarkDone);
                }
                if ui.button(tr.t("done-show")).clicked() {
                    answer = Some(DoneAnswer::ShowProblems);
                }
                if ui.button(tr.t("button-cancel")).clicked() {
                    answer = Some(DoneAnswer::Cancel);
                }
            });
        });
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(DoneAnswer::Cancel);
    }
    answer
}
