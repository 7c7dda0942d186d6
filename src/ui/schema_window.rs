//! Annotate › Labels…: add, rename and recolour labels, and load a schema file. Every change is
//! a command (undoable); the schema in use is saved with the annotations.

use egui::{Color32, Context};

use crate::model::{Command, LABEL_PALETTE as PALETTE, LabelDef, Rgb, Schema};
use crate::ui::actions::AppAction;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::Tr;

/// The window's own state: the names being typed.
#[derive(Default)]
pub struct SchemaWindow {
    /// Whether the window is shown.
    pub open: bool,
    new_label: String,
    renames: Vec<String>,
    schema_path: String,
    message: Option<String>,
}

impl SchemaWindow {
    /// Shows the window; returns the commands asked for.
    pub fn show_ui(&mut self, ctx: &Context, schema: &Schema) -> Vec<AppAction> {
        let mut actions = Vec::new();
        let mut open = self.open;
        let tr = Tr::of(ctx);
        egui::Window::new(tr.t("labels-title"))
            .id(egui::Id::unique("labels-window"))
            .open(&mut open)
            .default_width(380.0)
            .show(ctx, |ui| {
                // Left to right in every language: a grid, and egui cannot right-align the
                // colour buttons of a window that sizes itself.
                {
                    self.renames.resize(schema.labels.len(), String::new());
                    egui::Grid::new("labels").num_columns(3).show(ui, |ui| {
                        for (index, label) in schema.labels.iter().enumerate() {
                            actions.extend(self.label_row_ui(ui, schema, index, label));
                            ui.end_row();
                        }
                    });
                    ui.separator();
                    ui.horizontal(|ui| {
                        let caption = ui.label(tr.t("labels-new"));
                        ui.add(BidiTextField::singleline(&mut self.new_label).hint_text(tr.raw("labels-name-hint")))
                            .labelled_by(caption.id);
                        if ui.button(tr.t("labels-add")).clicked() {
                            actions.extend(self.add_label(schema, tr));
                        }
                    });
                    ui.separator();
                    ui.horizontal(|ui| {
                        let caption = ui.label(tr.t("labels-schema-file"));
                        ui.add(
                            BidiTextField::singleline(&mut self.schema_path).hint_text(tr.raw("labels-schema-hint")),
                        )
                        .labelled_by(caption.id);
                        if ui.button(tr.t("labels-load")).clicked() {
                            actions.extend(self.load_schema(tr));
                        }
                    });
                    if let Some(message) = &self.message {
                        crate::ui::language::one_line_label_ui(ui, &tr.arrange(message));
                    }
                }
            });
        self.open = open;
        actions
    }

    fn label_row_ui(
        &mut self,
        ui: &mut egui::Ui,
        schema: &Schema,
        index: usize,
        label: &LabelDef,
    ) -> Option<AppAction> {
        let mut action = None;
        let Rgb(r, g, b) = label.color;
        let mut color = Color32::from_rgb(r, g, b);
        let tr = Tr::of(ui.ctx());
        if ui
            .color_edit_button_srgba(&mut color)
            .on_hover_text(tr.t("labels-colour"))
            .changed()
        {
            let mut recoloured = schema.clone();
            recoloured.labels[index].color = Rgb(color.r(), color.g(), color.b());
            action = Some(AppAction::Edit(Command::SetSchema(recoloured)));
        }
        let draft = &mut self.renames[index];
        if draft.is_empty() {
            draft.clone_from(&label.name);
        }
        ui.add(
            BidiTextField::singleline(draft)
                .desired_width(160.0)
                .hint_text(tr.raw("labels-rename-hint"))
                .label(tr.raw_args("labels-rename-label", &[("label", label.name.as_str().into())])),
        );
        if ui.button(tr.t("labels-rename")).clicked() && *draft != label.name {
            action = Some(AppAction::Edit(Command::RenameLabel {
                from: label.name.clone(),
                to: draft.trim().to_owned(),
            }));
            draft.clear();
        }
        action
    }

    fn add_label(&mut self, schema: &Schema, tr: Tr) -> Option<AppAction> {
        let name = self.new_label.trim().to_owned();
        if name.is_empty() || schema.label(&name).is_some() {
            self.message = Some(tr.raw_args("labels-exists", &[("name", name.as_str().into())]));
            return None;
        }
        let free_key = ('1'..='9').find(|k| schema.labels.iter().all(|l| l.shortcut != Some(*k)));
        let mut extended = schema.clone();
        extended.labels.push(LabelDef {
            shortcut: free_key,
            ..LabelDef::new(name, PALETTE[schema.labels.len() % PALETTE.len()])
        });
        self.new_label.clear();
        self.message = None;
        Some(AppAction::Edit(Command::SetSchema(extended)))
    }

    fn load_schema(&mut self, tr: Tr) -> Option<AppAction> {
        let path = self.schema_path.trim();
        let language = tr.language();
        let loaded = std::fs::read_to_string(path)
            .map_err(|error| crate::app::i18n::os_error(language, &error))
            .and_then(|text| Schema::from_ron(&text).map_err(|error| crate::app::i18n::schema_error(language, &error)));
        match loaded {
            Ok(schema) => {
                self.message = None;
                Some(AppAction::Edit(Command::SetSchema(schema)))
            }
            Err(error) => {
                let args = [("error", error.into()), ("path", path.into())];
                self.message = Some(tr.raw_args("labels-not-loaded", &args));
                None
            }
        }
    }
}
