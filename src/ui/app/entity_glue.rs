//! The window's side of actor entities: the registry of the open article's folder (read again
//! when the article changes), the picker (E), the side panel's list, and the picks as commands.

use egui::{Context, Ui};

use super::HashiyaApp;
use crate::app::entity_book::AddEntityError;
use crate::app::{AnnotatorAction, EntityBook, kind_of_mention};
use crate::model::Command;
use crate::ui::actions::AppAction;
use crate::ui::entity_list::entity_list_ui;
use crate::ui::entity_picker::EntityPick;

impl HashiyaApp {
    /// The registry of the open article, read when the article changed.
    pub(super) fn refresh_entities(&mut self) {
        let article = self.session.article_path();
        if self.entities_for.as_deref() == Some(article) {
            return;
        }
        self.entities_for = Some(article.to_path_buf());
        self.entity_picker = crate::ui::entity_picker::EntityPicker::default();
        match EntityBook::for_article(article) {
            Ok(book) => self.entities = book,
            Err(error) => {
                self.entities = EntityBook {
                    path: article.with_file_name(crate::io::entities::ENTITIES_FILE),
                    ..EntityBook::default()
                };
                self.say(self.file_error(&error), true);
            }
        }
    }

    /// Annotate › Assign entity… (E): the picker for the selected mention.
    pub(super) fn assign_entity(&mut self) {
        if let Some(id) = self.annotator.selected {
            self.entity_picker.open(id);
        } else {
            let text = self.tr().raw("entity-select-first");
            self.say(text, true);
        }
    }

    /// The picker's keys, before the caret's (it takes the arrows while open).
    pub(super) fn entity_keys(&mut self, ctx: &Context) {
        if let Some(pick) = self.entity_picker.keys(ctx, self.session.document(), &self.entities) {
            self.entity_pick(pick);
        }
    }

    /// The picker window, when open.
    pub(super) fn entity_picker_ui(&mut self, ctx: &Context) {
        let document = self.session.document();
        if let Some(pick) = self
            .entity_picker
            .show_ui(ctx, document, &self.entities, &mut self.labels)
        {
            self.entity_pick(pick);
        }
    }

    /// The entities of the document, in the side panel.
    pub(super) fn entity_list_panel_ui(&mut self, ui: &mut Ui) -> Option<AppAction> {
        let document = self.session.document();
        entity_list_ui(ui, document, &self.entities, self.annotator.selected, &mut self.labels)
            .map(|id| AppAction::Annotate(AnnotatorAction::SelectSpan(id)))
    }

    fn entity_pick(&mut self, pick: EntityPick) {
        let (id, entity) = match pick {
            EntityPick::Existing(id, entity) => (id, Some(entity)),
            EntityPick::Clear(id) => (id, None),
            EntityPick::New(id, name) => {
                let Some(span) = self.session.document().span(id) else {
                    return;
                };
                let kind = kind_of_mention(span);
                match self.entities.add(&name, kind) {
                    Ok(entity) => (id, Some(entity)),
                    Err(error) => {
                        let error = match &error {
                            AddEntityError::Registry(error) => {
                                crate::app::i18n::entity_error(self.settings.language, error)
                            }
                            AddEntityError::Save(error) => self.file_error(error),
                        };
                        let text = self.tr().raw_args("entity-not-saved", &[("error", error.into())]);
                        self.say(text, true);
                        return;
                    }
                }
            }
        };
        if let Err(error) = self.session.edit(Command::SetSpanEntity { id, entity }) {
            self.say(self.command_error(&error), true);
        }
    }
}
