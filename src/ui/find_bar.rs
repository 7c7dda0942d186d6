//! The find bar (Ctrl+F): an Arabic-aware query over the open article, its matches
//! highlighted in the view with a count ("3 of 17"), Enter / Shift+Enter to step through
//! them, and labelling of the matches — one by one or all at once — in one undo step. The
//! matching itself is [`crate::text::find`]; the walk through the matches is
//! [`crate::app::MatchWalk`].

use std::ops::Range;

use egui::{Color32, Key, Modifiers, Stroke, Ui};

use crate::app::{MatchWalk, WalkAnswer, ranges_to_label};
use crate::model::Document;
use crate::text::find::{FindError, FindOptions, Match, MatchMode, SearchText};
use crate::ui::ArticleView;
use crate::ui::bidi_text_field::BidiTextField;
use crate::ui::language::Tr;

/// What the find bar asks the window to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindRequest {
    /// Bring this char into view.
    ScrollTo(usize),
    /// Label these ranges with this label, as one undoable step.
    Label {
        /// The label.
        label: String,
        /// The ranges, in text order.
        ranges: Vec<Range<usize>>,
    },
    /// Search the open folder for the query.
    SearchFolder(String, FindOptions),
}

/// The find bar's state. Never saved into annotation files.
#[derive(Default)]
pub struct FindBar {
    /// Whether the bar is shown.
    pub open: bool,
    query: String,
    options: FindOptions,
    /// Spans cover the matched stem, not the attached prefixes (on by default).
    keep_prefixes: bool,
    /// The searched text, for the document state it was prepared from.
    prepared: Option<(u64, SearchText)>,
    /// The query and options the matches are for.
    searched: Option<(String, FindOptions, u64)>,
    matches: Vec<Match>,
    current: Option<usize>,
    error: Option<String>,
    /// Why the query cannot be searched (worded when drawn, in the window's language).
    query_error: Option<FindError>,
    focus_query: bool,
    walk: Option<MatchWalk>,
}

impl FindBar {
    /// Opens the bar and puts the keyboard focus in its query field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_query = true;
    }

    /// Closes the bar (its matches are no longer highlighted).
    pub fn close(&mut self) {
        self.open = false;
        self.walk = None;
    }

    /// Sets the query (for "label similar" and tests) and searches at the next frame.
    pub fn set_query(&mut self, query: &str) {
        query.clone_into(&mut self.query);
        self.open = true;
    }

    /// Re-runs the search when the query, the options or the text (`text_state` changes with
    /// every loaded document) changed.
    pub fn refresh(&mut self, text: &str, text_state: u64) {
        if self.prepared.as_ref().is_none_or(|(state, _)| *state != text_state) {
            self.prepared = Some((text_state, SearchText::new(text)));
            self.searched = None;
        }
        let key = (self.query.clone(), self.options, text_state);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        let Some((_, prepared)) = &self.prepared else { return };
        match prepared.find(&self.query, &self.options) {
            Ok(matches) => {
                self.matches = matches;
                self.error = None;
                self.query_error = None;
            }
            Err(error) => {
                self.matches.clear();
                self.error = None;
                self.query_error = Some(error);
            }
        }
        self.current = (!self.matches.is_empty()).then_some(0);
        self.searched = Some(key);
    }

    /// Starts labelling the matches with `label`: a walk over those not yet covered by a span
    /// of that label. Returns a message when there is nothing to label.
    pub fn start_walk(&mut self, document: &Document, label: &str, tr: Tr) -> Option<String> {
        let ranges = ranges_to_label(document, &self.matches, label, !self.keep_prefixes);
        if ranges.is_empty() {
            return Some(tr.raw_args("msg-no-match-left", &[("label", label.into())]));
        }
        self.walk = Some(MatchWalk::new(label, ranges));
        None
    }

    /// Shows the bar; returns what the window should do.
    pub fn show_ui(&mut self, ui: &mut Ui, document: &Document, labels: &[String]) -> Vec<FindRequest> {
        let mut requests = Vec::new();
        if self.walk.is_some() {
            self.walk_ui(ui, &mut requests);
        } else {
            self.query_ui(ui, document, labels, &mut requests);
        }
        requests
    }

    fn query_ui(&mut self, ui: &mut Ui, document: &Document, labels: &[String], requests: &mut Vec<FindRequest>) {
        let tr = Tr::of(ui.ctx());
        crate::ui::language::row_ui(ui, true, |ui| {
            let field = BidiTextField::singleline(&mut self.query)
                .hint_text(tr.raw("find-hint"))
                .label(tr.raw("find-query"))
                .desired_width(220.0);
            let response = ui.add(field);
            if std::mem::take(&mut self.focus_query) {
                response.request_focus();
            }
            if response.lost_focus() && ui.input(|input| input.key_pressed(Key::Escape)) {
                self.close();
            }
            if response.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter)) {
                let backwards = ui.input(|input| input.modifiers.shift);
                requests.extend(self.step(backwards));
                response.request_focus();
            }
            ui.label(tr.arrange(&self.count_text(tr)));
            if ui
                .button(tr.t("find-previous"))
                .on_hover_text(tr.t("find-previous-hint"))
                .clicked()
            {
                requests.extend(self.step(true));
            }
            if ui
                .button(tr.t("find-next"))
                .on_hover_text(tr.t("find-next-hint"))
                .clicked()
            {
                requests.extend(self.step(false));
            }
            self.options_ui(ui);
            ui.separator();
            self.label_buttons_ui(ui, document, labels, requests);
            if ui
                .button(tr.t("find-search-folder"))
                .on_hover_text(tr.t("find-search-folder-hint"))
                .clicked()
            {
                requests.push(FindRequest::SearchFolder(self.query.clone(), self.options));
            }
            if ui
                .button(tr.t("find-close"))
                .on_hover_text(tr.t("find-close-hint"))
                .clicked()
            {
                self.close();
            }
        });
        if let Some(error) = &self.query_error {
            let text = tr.arrange(&crate::app::i18n::find_error(tr.language(), error));
            ui.colored_label(ui.visuals().error_fg_color, text);
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    }

    fn options_ui(&mut self, ui: &mut Ui) {
        let tr = Tr::of(ui.ctx());
        egui::ComboBox::from_label(tr.t("find-match"))
            .selected_text(tr.t(mode_id(self.options.mode)))
            .show_ui(ui, |ui| {
                for mode in [MatchMode::Normalized, MatchMode::Exact, MatchMode::Regex] {
                    ui.selectable_value(&mut self.options.mode, mode, tr.t(mode_id(mode)));
                }
            });
        ui.checkbox(&mut self.options.prefixes, tr.t("find-prefixes"))
            .on_hover_text(tr.t("find-prefixes-hint"));
        ui.checkbox(&mut self.options.whole_words, tr.t("find-whole-words"));
        ui.checkbox(&mut self.keep_prefixes, tr.t("find-keep-prefixes"))
            .on_hover_text(tr.t("find-keep-prefixes-hint"));
    }

    fn label_buttons_ui(
        &mut self,
        ui: &mut Ui,
        document: &Document,
        labels: &[String],
        requests: &mut Vec<FindRequest>,
    ) {
        let tr = Tr::of(ui.ctx());
        ui.label(tr.t("find-label-matches"));
        for (index, label) in labels.iter().enumerate() {
            let hint = tr.t_args(
                "find-label-hint",
                &[("label", label.into()), ("number", (index + 1).into())],
            );
            let clicked = ui
                .add_enabled(!self.matches.is_empty(), egui::Button::new(label.as_str()))
                .on_hover_text(hint)
                .clicked();
            let key = digit_key(index);
            let pressed = key.is_some_and(|key| ui.input_mut(|input| input.consume_key(Modifiers::ALT, key)));
            if (clicked || pressed) && !self.matches.is_empty() {
                if let Some(message) = self.start_walk(document, label, tr) {
                    self.error = Some(message);
                } else if let Some(first) = self.walk.as_ref().and_then(MatchWalk::current) {
                    requests.push(FindRequest::ScrollTo(first.start));
                }
            }
        }
    }

    fn walk_ui(&mut self, ui: &mut Ui, requests: &mut Vec<FindRequest>) {
        let Some(walk) = &mut self.walk else { return };
        let (at, of) = walk.progress();
        let mut answer = None;
        let tr = Tr::of(ui.ctx());
        crate::ui::language::row_ui(ui, true, |ui| {
            let args = [
                ("at", at.into()),
                ("of", of.into()),
                ("label", walk.label.as_str().into()),
            ];
            ui.strong(tr.t_args("find-walk-question", &args));
            for (text, key, value) in [
                ("find-yes", Key::Y, WalkAnswer::Yes),
                ("find-no", Key::N, WalkAnswer::No),
                ("find-all", Key::A, WalkAnswer::All),
                ("find-stop", Key::Escape, WalkAnswer::Stop),
            ] {
                if ui.button(tr.t(text)).clicked() || ui.input_mut(|input| input.consume_key(Modifiers::NONE, key)) {
                    answer = Some(value);
                }
            }
        });
        if let Some(answer) = answer {
            walk.answer(answer);
            if let Some(next) = walk.current() {
                requests.push(FindRequest::ScrollTo(next.start));
            }
        }
        if walk.is_done() {
            if !walk.accepted().is_empty() {
                requests.push(FindRequest::Label {
                    label: walk.label.clone(),
                    ranges: walk.accepted().to_vec(),
                });
            }
            self.walk = None;
        }
    }

    /// The range the walk asks about, for its highlight.
    #[must_use]
    pub fn walk_current(&self) -> Option<Range<usize>> {
        self.walk.as_ref().and_then(MatchWalk::current)
    }

    fn step(&mut self, backwards: bool) -> Option<FindRequest> {
        let count = self.matches.len();
        if count == 0 {
            return None;
        }
        let next = match (self.current, backwards) {
            (None, _) => 0,
            (Some(current), false) => (current + 1) % count,
            (Some(current), true) => (current + count - 1) % count,
        };
        self.current = Some(next);
        Some(FindRequest::ScrollTo(self.matches[next].start))
    }

    fn count_text(&self, tr: Tr) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) if self.query.trim().is_empty() => String::new(),
            (_, 0) => tr.raw("find-no-matches"),
            (Some(current), count) => tr.raw_args(
                "find-position",
                &[("at", (current + 1).into()), ("count", count.into())],
            ),
            (None, count) => tr.raw_args("count-matches", &[("count", count.into())]),
        }
    }

    /// Paints the visible matches over the article: an amber outline, the current match (or
    /// the one a walk asks about) filled — unlike spans, which are tinted and underlined.
    pub fn paint_matches_ui(&self, ui: &Ui, view: &mut ArticleView) {
        if !self.open || self.matches.is_empty() {
            return;
        }
        let visible = view.visible_chars();
        let first = self.matches.partition_point(|m| m.end <= visible.start);
        let current = self
            .walk_current()
            .or_else(|| self.current.map(|i| self.matches[i].start..self.matches[i].end));
        let painter = ui.painter();
        let amber = Color32::from_rgb(0xF5, 0x9E, 0x0B);
        for found in self.matches[first..].iter().take_while(|m| m.start < visible.end) {
            let is_current = current
                .as_ref()
                .is_some_and(|range| range.start < found.end && found.start < range.end);
            for rect in view.char_rects(found.start..found.end) {
                if is_current {
                    painter.rect_filled(rect, 2.0, amber.gamma_multiply(0.35));
                }
                painter.rect_stroke(
                    rect.expand(1.0),
                    2.0,
                    Stroke::new(1.5, amber),
                    egui::StrokeKind::Outside,
                );
            }
        }
    }
}

fn mode_id(mode: MatchMode) -> &'static str {
    match mode {
        MatchMode::Normalized => "find-mode-normalized",
        MatchMode::Exact => "find-mode-exact",
        MatchMode::Regex => "find-mode-regex",
    }
}

fn digit_key(index: usize) -> Option<Key> {
    [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ]
    .get(index)
    .copied()
}
