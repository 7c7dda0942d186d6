//! [`BidiTextField`]: the one text field of the window, for everything a user types (filter,
//! note, annotator, paths, label names, the find query). egui's `TextEdit` has no bidi
//! algorithm (pasted Arabic is left-aligned, phrases read in the wrong order, the caret is drawn
//! mid-word); this field edits with parley's `PlainEditor` (through
//! [`FieldEditor`](crate::text::field_editor::FieldEditor)) and paints with the article's
//! fonts and glyph atlas: the paragraph direction comes from the content, right-to-left text is
//! right-aligned, and the caret sits where the next char will appear.
//!
//! Used like `TextEdit`: `ui.add(BidiTextField::singleline(&mut text).hint_text("…"))`; the
//! response reports `changed()`, `lost_focus()` (Enter ends a one-line field), and carries an
//! AccessKit text-input node with the value, so tests find it by label and type into it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use egui::accesskit;
use egui::{
    Align2, Color32, CursorIcon, Event, EventFilter, FontId, Id, ImeEvent, Key, Modifiers, Pos2, Rect, Response, Sense,
    Shape, Stroke, TextStyle, Ui, Vec2, Widget, WidgetInfo, pos2, vec2,
};

use crate::text::field_editor::{Edit, FieldEditor, FieldFonts, FieldRect, FieldView, LINE_HEIGHT, Motion};
use crate::ui::glyph_atlas::GlyphAtlas;
use crate::ui::text_painter::glyph_mesh;

/// Space between the frame and the text.
const MARGIN: Vec2 = Vec2::new(4.0, 2.0);
/// Fields whose state is kept; the least recently shown are dropped past this.
const MAX_FIELDS: usize = 64;

/// A text field with bidi; see the module comment.
#[must_use = "add it with `ui.add(field)`"]
pub struct BidiTextField<'t> {
    text: &'t mut String,
    hint: String,
    label: Option<String>,
    desired_width: Option<f32>,
    rows: usize,
    multiline: bool,
    id_salt: Option<egui::IdSalt>,
}

impl<'t> BidiTextField<'t> {
    /// A one-line field: newlines typed or pasted become spaces, Enter leaves the field.
    pub fn singleline(text: &'t mut String) -> Self {
        Self {
            text,
            hint: String::new(),
            label: None,
            desired_width: None,
            rows: 1,
            multiline: false,
            id_salt: None,
        }
    }

    /// A field of several lines: Enter starts a new line, long lines wrap.
    pub fn multiline(text: &'t mut String) -> Self {
        Self {
            multiline: true,
            rows: 4,
            ..Self::singleline(text)
        }
    }

    /// Greyed text shown while the field is empty.
    pub fn hint_text(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// The field's accessible name, when no visible caption names it (else use
    /// `Response::labelled_by`).
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Width (points); `f32::INFINITY` takes the available width.
    pub fn desired_width(mut self, width: f32) -> Self {
        self.desired_width = Some(width);
        self
    }

    /// Height in lines of a multi-line field (it grows with its text).
    pub fn desired_rows(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    /// A stable id, for a field whose place in the layout changes.
    pub fn id_salt(mut self, salt: impl egui::AsIdSalt) -> Self {
        self.id_salt = Some(egui::IdSalt::new(&salt));
        self
    }
}

/// Sets the interface direction: the direction of a field whose text has no strong char
/// (an empty field, digits only).
pub fn set_interface_rtl(ctx: &egui::Context, rtl: bool) {
    ctx.data_mut(|data| data.insert_temp(interface_rtl_id(), rtl));
}

fn interface_rtl(ctx: &egui::Context) -> bool {
    ctx.data(|data| data.get_temp::<bool>(interface_rtl_id()))
        .unwrap_or(false)
}

fn interface_rtl_id() -> Id {
    Id::unique("hashiya-interface-rtl")
}

/// Whether a [`BidiTextField`] has the keyboard focus: its own keys (undo, redo) then go to it,
/// not to the window.
#[must_use]
pub fn text_field_has_focus(ctx: &egui::Context) -> bool {
    let Some(focused) = ctx.memory(egui::Memory::focused) else {
        return false;
    };
    let shared = shared(ctx);
    let shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
    shared.fields.contains_key(&focused)
}

/// What every field of a window shares: one font setup, one glyph atlas, the fields' states.
#[derive(Default)]
struct Shared {
    fonts: FieldFonts,
    atlas: GlyphAtlas,
    /// The pass the atlas was last prepared for.
    atlas_pass: Option<u64>,
    fields: HashMap<Id, FieldState>,
}

/// One field between frames.
#[derive(Clone)]
struct FieldState {
    editor: FieldEditor,
    /// The caller's text as the editor last saw it: a different one was changed from outside.
    synced: String,
    /// How far a one-line text wider than the field is scrolled (points from its start).
    scroll: f32,
    /// The pass it was last shown in.
    shown: u64,
}

fn shared(ctx: &egui::Context) -> Arc<Mutex<Shared>> {
    ctx.data_mut(|data| {
        data.get_temp_mut_or_insert_with(Id::unique("hashiya-bidi-text-fields"), || {
            Arc::new(Mutex::new(Shared::default()))
        })
        .clone()
    })
}

impl Widget for BidiTextField<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let id = if let Some(salt) = self.id_salt {
            ui.make_persistent_id(salt)
        } else {
            let id = ui.next_auto_id();
            ui.skip_ahead_auto_ids(1);
            id
        };
        let shared = shared(ui.ctx());
        let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
        let shared = &mut *shared;
        let pass = ui.ctx().cumulative_pass_nr();
        if shared.atlas_pass != Some(pass) {
            shared.atlas.begin_frame(ui.visuals().dark_mode);
            shared.atlas_pass = Some(pass);
        }
        let font_size = TextStyle::Body.resolve(ui.style()).size;
        let mut state = shared.fields.remove(&id).unwrap_or_else(|| FieldState {
            editor: FieldEditor::new(font_size, self.multiline),
            synced: String::new(),
            scroll: 0.0,
            shown: pass,
        });
        let response = self.show(ui, id, &mut state, &mut shared.fonts, &mut shared.atlas);
        state.shown = pass;
        shared.fields.insert(id, state);
        forget_old_fields(&mut shared.fields);
        response
    }
}

impl BidiTextField<'_> {
    fn show(
        self,
        ui: &mut Ui,
        id: Id,
        state: &mut FieldState,
        fonts: &mut FieldFonts,
        atlas: &mut GlyphAtlas,
    ) -> Response {
        let font_size = TextStyle::Body.resolve(ui.style()).size;
        let editor = &mut state.editor;
        editor.set_font_size(font_size);
        editor.set_fallback_rtl(fonts, interface_rtl(ui.ctx()));
        if *self.text != state.synced && !editor.is_composing() {
            editor.set_text(fonts, self.text);
            state.synced.clone_from(self.text);
        }
        let prev_text = self.text.clone();
        // A set width is kept where it is visible, even in a grid cell narrower than it (the
        // column then widens); only the window's edge cuts it.
        let visible = ui.clip_rect().right() - ui.cursor().left();
        let width = match self.desired_width {
            Some(width) if width.is_finite() => width.min(visible.max(ui.available_width())),
            Some(_) => ui.available_width(),
            None => ui.spacing().text_edit_width.min(ui.available_width()),
        }
        .max(24.0);
        editor.set_wrap_width(self.multiline.then_some(width - 2.0 * MARGIN.x));
        let line_height = (font_size * LINE_HEIGHT).round();
        let mut text_height = line_height * self.rows as f32;
        if self.multiline {
            text_height = text_height.max(editor.view(fonts).height);
        }
        let (_, rect) = ui.allocate_space(vec2(width, text_height + 2.0 * MARGIN.y));
        let mut response = ui.interact(rect, id, Sense::click_and_drag());
        if ui.is_enabled() && self.input_ui(ui, &response, state, fonts) {
            *self.text = state.editor.text();
            state.synced.clone_from(self.text);
            response.mark_changed();
        }
        if ui.is_rect_visible(rect) {
            self.paint_ui(ui, &response, state, fonts, atlas);
        }
        self.describe(ui, &response, &prev_text);
        response
    }

    /// Pointer, keyboard and assistive-technology input; returns whether the text changed.
    fn input_ui(&self, ui: &Ui, response: &Response, state: &mut FieldState, fonts: &mut FieldFonts) -> bool {
        let id = response.id;
        let editor = &mut state.editor;
        let mut changed = false;
        // Assistive technologies set the whole value without focusing the field first.
        if let Some(value) = ui.input(|input| {
            input
                .accesskit_action_requests(id, accesskit::Action::SetValue)
                .filter_map(|request| match &request.data {
                    Some(accesskit::ActionData::Value(value)) => Some(value.to_string()),
                    _ => None,
                })
                .last()
        }) {
            changed |= editor.edit(fonts, Edit::SetValue(value));
        }
        if response.interact_pointer_pos().is_some() {
            let inner = response.rect.shrink2(MARGIN);
            let origin = text_origin(&editor.view(fonts), inner, state.scroll, self.multiline);
            changed |= pointer_ui(ui, response, editor, fonts, origin);
        }
        if ui.memory(|memory| memory.has_focus(id)) {
            ui.memory_mut(|memory| memory.set_focus_lock_filter(id, event_filter(self.multiline)));
            changed |= keyboard_ui(ui, id, editor, fonts, self.multiline);
        } else if editor.is_composing() {
            // The field lost the keyboard mid-composition: the unfinished text goes.
            editor.edit(fonts, Edit::CancelCompose);
        }
        if response.hovered() {
            ui.set_cursor_icon(CursorIcon::Text);
            ui.output_mut(|output| output.mutable_text_under_cursor = true);
        }
        changed
    }

    /// The frame, selection, glyphs, composition underline, hint and caret.
    fn paint_ui(
        &self,
        ui: &Ui,
        response: &Response,
        state: &mut FieldState,
        fonts: &mut FieldFonts,
        atlas: &mut GlyphAtlas,
    ) {
        let view = state.editor.view(fonts);
        let focused = ui.memory(|memory| memory.has_focus(response.id));
        let inner = response.rect.shrink2(MARGIN);
        if !self.multiline {
            state.scroll = scroll_to_caret(&view, inner.width(), state.scroll, focused);
        }
        let origin = text_origin(&view, inner, state.scroll, self.multiline);
        paint_frame(ui, response, focused);
        let painter = ui.painter_at(inner.expand(1.0));
        if focused {
            for selected in &view.selection {
                painter.rect_filled(to_screen(*selected, origin), 0.0, ui.visuals().selection.bg_fill);
            }
        }
        let color = if ui.is_enabled() {
            ui.visuals().text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        let mesh = glyph_mesh(ui.ctx(), atlas, &view.runs, origin.to_vec2(), color);
        painter.add(Shape::mesh(mesh));
        for composed in &view.composition {
            let under = to_screen(*composed, origin);
            painter.hline(under.x_range(), under.bottom() - 2.0, Stroke::new(1.0, color));
        }
        if self.text.is_empty() && !state.editor.is_composing() && !self.hint.is_empty() {
            let font_size = TextStyle::Body.resolve(ui.style()).size;
            paint_hint(ui, &painter, inner, &self.hint, font_size, view.rtl);
        }
        if focused
            && ui.is_enabled()
            && let Some(caret) = view.caret
        {
            let caret = to_screen(caret, origin);
            painter.rect_filled(caret, 0.0, ui.visuals().text_cursor.stroke.color);
            ime_output(ui, inner, caret);
        }
    }

    /// The AccessKit node: a text input with its label, value and hint.
    fn describe(&self, ui: &Ui, response: &Response, prev_text: &str) {
        let enabled = ui.is_enabled();
        response.widget_info(|| {
            let mut info = WidgetInfo::text_edit(enabled, prev_text, self.text.as_str(), &self.hint);
            info.label.clone_from(&self.label);
            info
        });
        ui.ctx().accesskit_node_builder(response.id, |builder| {
            builder.set_role(if self.multiline {
                accesskit::Role::MultilineTextInput
            } else {
                accesskit::Role::TextInput
            });
            if enabled {
                builder.add_action(accesskit::Action::SetValue);
                builder.add_action(accesskit::Action::ReplaceSelectedText);
            }
        });
    }
}

/// Keys the field keeps while focused: Tab and Esc still move the focus; arrows stay.
fn event_filter(multiline: bool) -> EventFilter {
    EventFilter {
        tab: false,
        horizontal_arrows: true,
        vertical_arrows: multiline,
        escape: false,
    }
}

/// Clicks, Shift-clicks, double and triple clicks and drags; a press gives the field focus.
fn pointer_ui(ui: &Ui, response: &Response, editor: &mut FieldEditor, fonts: &mut FieldFonts, origin: Pos2) -> bool {
    let Some(pointer) = response.interact_pointer_pos() else {
        return false;
    };
    let (x, y) = (pointer.x - origin.x, pointer.y - origin.y);
    let (pressed, shift) = ui.input(|input| (input.pointer.primary_pressed(), input.modifiers.shift));
    let edit = if response.triple_clicked() {
        Some(Edit::SelectLineAt { x, y })
    } else if response.double_clicked() {
        Some(Edit::SelectWordAt { x, y })
    } else if pressed {
        Some(Edit::Click { x, y, extend: shift })
    } else if response.dragged() {
        Some(Edit::DragTo { x, y })
    } else {
        None
    };
    if pressed || response.clicked() {
        response.request_focus();
    }
    edit.is_some_and(|edit| {
        if editor.is_composing() {
            editor.edit(fonts, Edit::CommitCompose(String::new()));
        }
        editor.edit(fonts, edit)
    })
}

/// The keys, text, clipboard and input-method events of this frame.
fn keyboard_ui(ui: &Ui, id: Id, editor: &mut FieldEditor, fonts: &mut FieldFonts, multiline: bool) -> bool {
    let events = ui.input(|input| input.filtered_events(&event_filter(multiline)));
    let mut changed = false;
    for event in events {
        let edit = match event {
            Event::Text(text) if !text.is_empty() && text != "\n" && text != "\r" => Some(Edit::Insert(text)),
            Event::Paste(text) if !text.is_empty() => Some(Edit::Insert(text)),
            Event::Copy => {
                if let Some(selected) = editor.selected_text() {
                    ui.ctx().copy_text(selected);
                }
                None
            }
            Event::Cut => editor.selected_text().map(|selected| {
                ui.ctx().copy_text(selected);
                Edit::Delete { word: false }
            }),
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                if key == Key::Enter && !multiline {
                    // Enter ends a one-line field, like egui's: callers check `lost_focus()`.
                    ui.memory_mut(|memory| memory.surrender_focus(id));
                    break;
                }
                key_edit(key, modifiers, multiline)
            }
            Event::Ime(ime) => ime_edit(ime),
            Event::AccessKitActionRequest(accesskit::ActionRequest {
                action: accesskit::Action::ReplaceSelectedText,
                target_node,
                data: Some(accesskit::ActionData::Value(text)),
                ..
            }) if target_node == id.accesskit_id() => Some(Edit::Insert(text.to_string())),
            _ => None,
        };
        if let Some(edit) = edit {
            changed |= editor.edit(fonts, edit);
        }
    }
    changed
}

/// What a key press does in a field (`None`: not a field key).
fn key_edit(key: Key, modifiers: Modifiers, multiline: bool) -> Option<Edit> {
    // By word: Ctrl (Alt on a Mac, where Cmd+arrow goes to the line's end), as egui's fields.
    let word = modifiers.ctrl || modifiers.alt;
    let extend = modifiers.shift;
    let motion = |motion| Some(Edit::Move { motion, extend });
    match key {
        Key::ArrowLeft if modifiers.mac_cmd => motion(Motion::LineStart),
        Key::ArrowLeft if word => motion(Motion::WordLeft),
        Key::ArrowLeft => motion(Motion::Left),
        Key::ArrowRight if modifiers.mac_cmd => motion(Motion::LineEnd),
        Key::ArrowRight if word => motion(Motion::WordRight),
        Key::ArrowRight => motion(Motion::Right),
        Key::ArrowUp if multiline => motion(Motion::Up),
        Key::ArrowDown if multiline => motion(Motion::Down),
        Key::Home if modifiers.command => motion(Motion::TextStart),
        Key::Home => motion(Motion::LineStart),
        Key::End if modifiers.command => motion(Motion::TextEnd),
        Key::End => motion(Motion::LineEnd),
        Key::Backspace => Some(Edit::Backspace { word }),
        Key::Delete => Some(Edit::Delete { word }),
        Key::Enter if multiline => Some(Edit::Insert("\n".to_owned())),
        Key::A if modifiers.command => Some(Edit::SelectAll),
        Key::Z if modifiers.command && modifiers.shift => Some(Edit::Redo),
        Key::Z if modifiers.command => Some(Edit::Undo),
        Key::Y if modifiers.command => Some(Edit::Redo),
        _ => None,
    }
}

/// An input method's composition, as an edit.
fn ime_edit(ime: ImeEvent) -> Option<Edit> {
    #[expect(deprecated, reason = "integrations may still send Enabled and Disabled")]
    match ime {
        ImeEvent::Enabled => None,
        ImeEvent::Disabled => Some(Edit::CancelCompose),
        ImeEvent::Preedit {
            text,
            active_range_chars,
        } => Some(Edit::Compose {
            text,
            cursor: active_range_chars,
        }),
        ImeEvent::Commit(text) if text == "\n" || text == "\r" => None,
        ImeEvent::Commit(text) => Some(Edit::CommitCompose(text)),
        ImeEvent::DeleteSurrounding {
            before_chars,
            after_chars,
        } => Some(Edit::DeleteSurrounding {
            before: before_chars,
            after: after_chars,
        }),
    }
}

/// Where the text's (0, 0) lies on screen: one-line right-to-left text is right-aligned, a
/// one-line text wider than the field is scrolled, and is centred vertically.
fn text_origin(view: &FieldView, inner: Rect, scroll: f32, multiline: bool) -> Pos2 {
    if multiline {
        return inner.min;
    }
    let (left, right) = view.extent;
    let width = right - left;
    let y = inner.center().y - view.height / 2.0;
    let x = if width <= inner.width() {
        if view.rtl {
            inner.right() - right
        } else {
            inner.left() - left
        }
    } else {
        inner.left() - left - scroll
    };
    pos2(x.round(), y.round())
}

/// The scroll that keeps the caret in view; an unfocused field shows the text's start (its
/// right end when it runs right to left).
fn scroll_to_caret(view: &FieldView, visible: f32, scroll: f32, focused: bool) -> f32 {
    let (left, right) = view.extent;
    let overflow = (right - left - visible).max(0.0);
    if overflow == 0.0 {
        return 0.0;
    }
    let Some(caret) = view.caret.filter(|_| focused) else {
        return if view.rtl { overflow } else { 0.0 };
    };
    let (caret_left, caret_right) = (caret.x0 - left, caret.x1 - left);
    let scroll = if caret_left < scroll {
        caret_left
    } else if caret_right > scroll + visible {
        caret_right - visible
    } else {
        scroll
    };
    scroll.clamp(0.0, overflow)
}

fn to_screen(rect: FieldRect, origin: Pos2) -> Rect {
    Rect::from_min_max(pos2(rect.x0, rect.y0), pos2(rect.x1, rect.y1)).translate(origin.to_vec2())
}

fn paint_frame(ui: &Ui, response: &Response, focused: bool) {
    let rect = response.rect;
    let visuals = ui.visuals();
    let stroke = if focused {
        visuals.selection.stroke
    } else if response.hovered() {
        visuals.widgets.hovered.bg_stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let radius = visuals.widgets.inactive.corner_radius;
    ui.painter().rect(
        rect,
        radius,
        visuals.text_edit_bg_color(),
        stroke,
        egui::StrokeKind::Inside,
    );
}

fn paint_hint(ui: &Ui, painter: &egui::Painter, inner: Rect, hint: &str, font_size: f32, rtl: bool) {
    let (anchor, align) = if rtl {
        (inner.right_center(), Align2::RIGHT_CENTER)
    } else {
        (inner.left_center(), Align2::LEFT_CENTER)
    };
    let color: Color32 = ui.visuals().weak_text_color();
    painter.text(anchor, align, hint, FontId::proportional(font_size), color);
}

/// Tells the platform where the caret is, so an input method's candidate window sits there.
fn ime_output(ui: &Ui, inner: Rect, caret: Rect) {
    let to_global = ui.ctx().layer_transform_to_global(ui.layer_id()).unwrap_or_default();
    ui.output_mut(|output| {
        output.ime = Some(egui::output::IMEOutput {
            purpose: egui::IMEPurpose::Normal,
            rect: to_global * inner,
            cursor_rect: to_global * caret,
            should_interrupt_composition: false,
        });
    });
}

/// Drops the states of the fields shown longest ago, past [`MAX_FIELDS`].
fn forget_old_fields(fields: &mut HashMap<Id, FieldState>) {
    while fields.len() > MAX_FIELDS {
        let Some(oldest) = fields.iter().min_by_key(|(_, state)| state.shown).map(|(id, _)| *id) else {
            break;
        };
        fields.remove(&oldest);
    }
}
