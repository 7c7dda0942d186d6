//! The Problems window (Annotate › Problems…): every problem the annotation checks find in
//! the open document, each a row that selects its span; and the question asked when a
//! document with problems is marked done.

use egui::{Context, RichText, Ui};

use crate::app::AnnotatorAction;
use crate::app::i18n::Arg;
use crate::checks::{CheckKind, Edge, Problem, Reason};
use crate::io::merge_note::MergeNote;
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
        let tr = Tr::of(ui.ctx());
        let button = egui::Button::new(RichText::new(tr.t(check_id(problem.check))).small());
        let hover = tr.t_args(
            "problems-select",
            &[("start", problem.char_start.into()), ("end", problem.char_end.into())],
        );
        if ui.add(button).on_hover_text(hover).clicked() {
            chosen = Some(AppAction::Annotate(AnnotatorAction::SelectSpan(problem.span)));
        }
        labels.wrapped_label_ui(ui, &problem_text(tr, problem));
    });
    chosen
}

/// The catalogue id of a check's name.
fn check_id(check: CheckKind) -> &'static str {
    match check {
        CheckKind::MissingLink => "check-missing-link",
        CheckKind::DuplicateSpan => "check-duplicate-span",
        CheckKind::SpanEdge => "check-span-edge",
        CheckKind::CrossesParagraph => "check-crosses-paragraph",
        CheckKind::NeedsReview => "check-needs-review",
    }
}

/// A problem in the interface's language, as it is (for the bidi label and the status bar):
/// the span's label and text, and what is wrong.
#[must_use]
pub fn problem_text(tr: Tr, problem: &Problem) -> String {
    let mut args: Vec<(&str, Arg<'_>)> = vec![
        ("label", Arg::from(&problem.label)),
        ("excerpt", Arg::from(&problem.excerpt)),
    ];
    let id = match &problem.reason {
        Reason::NoLink { kind } => {
            args.push(("kind", Arg::from(kind)));
            "problem-no-link"
        }
        Reason::TooFewLinks { kind, count, required } => {
            args.push(("kind", Arg::from(kind)));
            args.push(("count", Arg::Count(*count as usize)));
            args.push(("required", Arg::Count(*required as usize)));
            "problem-too-few-links"
        }
        Reason::Duplicate { earlier } => {
            args.push(("earlier", Arg::from(earlier.to_string())));
            "problem-duplicate"
        }
        Reason::Whitespace { edge: Edge::Start } => "problem-starts-on-whitespace",
        Reason::Whitespace { edge: Edge::End } => "problem-ends-on-whitespace",
        Reason::Punctuation { edge, mark } => {
            args.push(("mark", Arg::from(mark.to_string())));
            match edge {
                Edge::Start => "problem-starts-on-punctuation",
                Edge::End => "problem-ends-on-punctuation",
            }
        }
        Reason::CrossesParagraph => "problem-crosses-paragraph",
        Reason::NeedsReview { merge: None } => "problem-needs-review",
        Reason::NeedsReview { merge: Some(why) } => {
            // The merge driver's own lines are worded in the window's language; any other
            // text after "Merge:" is quoted as the note has it.
            let why = match MergeNote::parse(why) {
                Some(note) => crate::app::i18n::merge_note(tr.language(), &note),
                None => why.clone(),
            };
            args.push(("why", Arg::from(why)));
            "problem-needs-review-merge"
        }
    };
    tr.raw_args(id, &args)
}

/// A problem with the name of its check, for the status bar (F8).
#[must_use]
pub fn problem_status(tr: Tr, problem: &Problem) -> String {
    format!("{}: {}", tr.raw(check_id(problem.check)), problem_text(tr, problem))
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::app::i18n::Language;
    use crate::checks::find_problems;
    use crate::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId};

    const TEXT: &str = "قال الحداد: إن الجيش موحد.\nواتفق الطرفان على دوريات مشتركة";

    /// A document with a problem of every reason.
    fn document() -> Document {
        let mut spans = Vec::new();
        let mut add = |label: &str, needle: &str, nth: usize| {
            let (byte, _) = TEXT.match_indices(needle).nth(nth).expect("in the text");
            let start = TEXT[..byte].chars().count();
            let id = SpanId(spans.len() as u64 + 1);
            spans.push(Span::new(id, label, start, start + needle.chars().count()));
        };
        add("Actor", "الحداد", 0);
        add("Quote", "الجيش موحد", 0); // no speaker
        add("Actor", "الطرفان", 0);
        add("Agreed action", "دوريات مشتركة", 0); // one party of two
        add("Actor", " الحداد", 0); // a space at its start
        add("Actor", "الحداد", 0); // the range and label of span 1
        add("Actor", ": إن", 0); // punctuation at its start
        add("Actor", "إن الجيش موحد.", 0); // punctuation at its end
        add("Actor", "موحد.\nواتفق", 0); // a paragraph break
        add("Actor", "على", 0);
        add("Actor", "مشتركة", 0);
        // A link the merge left out: its head marked, the note naming the link.
        add("Quote", "إن الجيش موحد", 0);
        spans[9].needs_review = true;
        spans[10].needs_review = true;
        spans[10].note = Some("Merge: both branches changed this span; this is our version.".into());
        spans[11].needs_review = true;
        let left_out = MergeNote::LinkLeftOut {
            kind: "speaker".into(),
            to: 3,
            child_text: "الطرفان".into(),
            why: crate::io::merge_note::LinkRefusal::OnlyOne { head: "Quote".into() },
        };
        spans[11].note = Some(format!("An annotator's note.\n{left_out}"));
        let link = Link {
            id: LinkId(1),
            kind: "party".into(),
            from: SpanId(4),
            to: SpanId(3),
        };
        Document::from_parts(
            TEXT.into(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            vec![link],
        )
    }

    fn latin_words(text: &str) -> BTreeSet<String> {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn problems_read_in_each_language_and_english_as_the_command_line() {
        let problems = find_problems(&document());
        let reasons: BTreeSet<String> = problems
            .iter()
            .map(|p| {
                format!("{:?}", p.reason)
                    .split([' ', '{'])
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        assert_eq!(reasons.len(), 7, "a problem of every reason: {reasons:?}");
        let english = Tr::new(Language::English);
        let arabic = Tr::new(Language::Arabic);
        let mut arabic_texts = BTreeSet::new();
        for problem in &problems {
            // The English window says what `hashiya check` says.
            assert_eq!(problem_text(english, problem), problem.message);
            assert_eq!(
                problem_status(english, problem),
                format!("{}: {}", problem.check, problem.message)
            );
            let text = problem_text(arabic, problem);
            // Only what the document says is Latin: the label, the relation kind, a span id,
            // a note.
            let mut allowed = latin_words(&problem.label);
            match &problem.reason {
                Reason::NoLink { kind } | Reason::TooFewLinks { kind, .. } => allowed.extend(latin_words(kind)),
                Reason::Duplicate { earlier } => allowed.extend(latin_words(&earlier.to_string())),
                // The merge driver's words are translated; only the names it quotes stay.
                Reason::NeedsReview { merge: Some(why) } => match MergeNote::parse(why) {
                    Some(MergeNote::LinkLeftOut { kind, to, why, .. }) => {
                        allowed.extend(latin_words(&kind));
                        allowed.insert(format!("T{to}"));
                        if let crate::io::merge_note::LinkRefusal::OnlyOne { head } = why {
                            allowed.extend(latin_words(&head));
                        }
                    }
                    Some(MergeNote::KeptVersion { .. }) => {}
                    None => allowed.extend(latin_words(why)),
                },
                _ => {}
            }
            let english_left: Vec<String> = latin_words(&text).difference(&allowed).cloned().collect();
            assert!(english_left.is_empty(), "{text}: {english_left:?}");
            assert!(text.contains(&problem.excerpt), "{text}");
            assert!(!problem_status(arabic, problem).contains(problem.check.name()));
            arabic_texts.insert(text);
        }
        assert_eq!(arabic_texts.len(), problems.len(), "two problems worded alike");
    }
}
