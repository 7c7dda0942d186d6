//! "Who is annotating?": asked once, the first time an article of a team's project opens
//! (`hashiya-project.ron`); the answer is kept in the settings and names the annotator's own
//! file of each article (`NAME.ANNOTATOR.hashiya.ron`).

use std::path::PathBuf;

use crate::io::project::valid_annotator_name;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::Tr;

/// The question, with the article to open once it is answered.
pub struct AnnotatorPrompt {
    /// The article that asked.
    pub article: PathBuf,
    /// The project's annotators, offered as buttons.
    pub annotators: Vec<String>,
    /// The name typed so far.
    pub name: String,
    /// Why the typed name was refused.
    pub problem: Option<String>,
}

/// What the user answered.
pub enum AnnotatorAnswer {
    /// This name.
    Name(String),
    /// No answer: the article is not opened.
    Cancel,
}

impl AnnotatorPrompt {
    /// Shows the question as a modal; `None` while unanswered.
    pub fn show_ui(&mut self, ctx: &egui::Context, labels: &mut BidiLabels) -> Option<AnnotatorAnswer> {
        let mut answer = None;
        let tr = Tr::of(ctx);
        let modal = egui::Modal::new(egui::Id::unique("annotator-prompt")).show(ctx, |ui| {
            ui.heading(tr.t("team-who"));
            // A paragraph: the bidi label wraps it in reading order, in any language.
            ui.set_max_width(440.0);
            labels.wrapped_message_ui(ui, &tr.raw("team-explain"), ui.visuals().text_color());
            ui.horizontal_wrapped(|ui| {
                for name in &self.annotators {
                    if ui.button(name).clicked() {
                        answer = Some(AnnotatorAnswer::Name(name.clone()));
                    }
                }
            });
            let field = ui.add(
                BidiTextField::singleline(&mut self.name)
                    .hint_text(tr.raw("panel-annotator-hint"))
                    .label(tr.raw("team-name"))
                    .desired_width(260.0),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            crate::ui::language::row_ui(ui, false, |ui| {
                if ui.button(tr.t("button-ok")).clicked() || entered {
                    let name = self.name.trim();
                    if valid_annotator_name(name) {
                        answer = Some(AnnotatorAnswer::Name(name.to_owned()));
                    } else {
                        self.problem = Some(tr.t("team-bad-name"));
                    }
                }
                if ui.button(tr.t("button-cancel")).clicked() {
                    answer = Some(AnnotatorAnswer::Cancel);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(AnnotatorAnswer::Cancel);
        }
        answer
    }
}
