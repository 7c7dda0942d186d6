//! Adjudication in the window: the open document is the gold file; what the annotators
//! proposed and the gold file lacks is outlined in the article (the current proposal filled),
//! and a window walks through it: N / Shift+N next and previous, Enter takes it into the gold
//! file, X rejects it, "Merge all full agreements" takes everything all annotators agree on.
//! Each step is a command on the gold document ([`Adjudication`]), so Ctrl+Z undoes it.

use std::collections::HashSet;

use egui::{Color32, Context, Key, Modifiers, Stroke, Ui};

use crate::model::{Command, Document};
use crate::review::{Adjudication, Proposal, ProposalKey};
use crate::ui::article_view::ArticleView;
use crate::ui::bidi_label::BidiLabels;
use crate::ui::language::Tr;

/// What the adjudication window asks of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdjudicationRequest {
    /// Apply this command to the gold document (a proposal taken, or all full agreements).
    Edit(Command),
    /// Scroll the article to this char.
    ScrollTo(usize),
    /// Say this in the status bar.
    Say(String),
    /// Leave adjudication.
    End,
}

/// The gold document as the session holds it: its revision changes with every edit and undo.
#[derive(Clone, Copy)]
pub struct Gold<'d> {
    /// The gold document.
    pub document: &'d Document,
    /// The session's revision of it.
    pub revision: u64,
}

/// The open proposals of one revision of the gold document and one set of rejections.
struct OpenCache {
    revision: u64,
    rejected: usize,
    open: Vec<usize>,
    settled: usize,
}

/// The curator's view of several annotators' versions: rejections and the current proposal
/// are view state, never saved.
pub struct AdjudicationView {
    adjudication: Adjudication,
    rejected: HashSet<ProposalKey>,
    current: Option<ProposalKey>,
    /// Computed once per change of the gold document: a frame only reads it.
    cache: Option<OpenCache>,
}

impl AdjudicationView {
    /// Starts adjudicating these versions.
    #[must_use]
    pub fn new(adjudication: Adjudication) -> Self {
        Self {
            adjudication,
            rejected: HashSet::new(),
            current: None,
            cache: None,
        }
    }

    /// The open proposals (indices into the proposals), computed when the gold document or
    /// the rejections changed.
    fn open(&mut self, gold: Gold<'_>) -> &[usize] {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.revision == gold.revision && c.rejected == self.rejected.len());
        if !fresh {
            self.cache = Some(OpenCache {
                revision: gold.revision,
                rejected: self.rejected.len(),
                open: self.adjudication.open_indices(gold.document, &self.rejected),
                settled: self.adjudication.settled(gold.document),
            });
        }
        self.cache.as_ref().map_or(&[], |c| c.open.as_slice())
    }

    /// The current proposal, when it is still open.
    fn current_index(&mut self, gold: Gold<'_>) -> Option<usize> {
        let key = self.current.clone()?;
        let open = self.open(gold).to_vec();
        let proposals = self.adjudication.proposals();
        open.into_iter().find(|&i| proposals[i].key == key)
    }

    /// Moves to the next (or previous) open proposal in text order, wrapping.
    fn step(&mut self, gold: Gold<'_>, forward: bool) -> Vec<AdjudicationRequest> {
        let position = self.current_index(gold);
        let open = self.open(gold).to_vec();
        if open.is_empty() {
            self.current = None;
            return vec![AdjudicationRequest::Say("adjudication-nothing-left".to_owned())];
        }
        let proposals = self.adjudication.proposals();
        let at = position.and_then(|i| open.iter().position(|&o| o == i));
        let index = match (at, forward) {
            (None, true) => open
                .iter()
                .position(|&i| {
                    self.current
                        .as_ref()
                        .is_none_or(|key| proposal_after(&proposals[i], key))
                })
                .unwrap_or(0),
            (None, false) => open.len() - 1,
            (Some(i), true) => (i + 1) % open.len(),
            (Some(i), false) => (i + open.len() - 1) % open.len(),
        };
        let proposal = &proposals[open[index]];
        self.current = Some(proposal.key.clone());
        vec![AdjudicationRequest::ScrollTo(proposal.char_start())]
    }

    fn take(&mut self, gold: Gold<'_>) -> Vec<AdjudicationRequest> {
        let Some(index) = self.current_index(gold) else {
            return vec![AdjudicationRequest::Say("adjudication-pick-first".to_owned())];
        };
        match Adjudication::accept(gold.document, &self.adjudication.proposals()[index]) {
            Some(command) => vec![AdjudicationRequest::Edit(command)],
            None => vec![AdjudicationRequest::Say("adjudication-cannot-take".to_owned())],
        }
    }

    fn reject(&mut self, gold: Gold<'_>) -> Vec<AdjudicationRequest> {
        match self.current_index(gold) {
            Some(index) => {
                self.rejected.insert(self.adjudication.proposals()[index].key.clone());
                self.step(gold, true)
            }
            None => vec![AdjudicationRequest::Say("adjudication-pick-first".to_owned())],
        }
    }

    fn merge_agreements(&self, gold: Gold<'_>) -> Vec<AdjudicationRequest> {
        match self.adjudication.merge_agreements(gold.document) {
            Some(command) => vec![AdjudicationRequest::Edit(command)],
            None => vec![AdjudicationRequest::Say("adjudication-all-merged".to_owned())],
        }
    }

    /// After an edit of the gold document: when the current proposal is settled, the next one.
    pub fn follow(&mut self, gold: Gold<'_>) -> Vec<AdjudicationRequest> {
        if self.current.is_some() && self.current_index(gold).is_none() {
            self.step(gold, true)
        } else {
            Vec::new()
        }
    }

    /// N, Shift+N, Enter and X, unless a text field has the keyboard.
    pub fn keys(&mut self, ctx: &Context, gold: Gold<'_>) -> Vec<AdjudicationRequest> {
        if ctx.memory(|m| m.focused().is_some()) {
            return Vec::new();
        }
        let (next, previous, take, reject) = ctx.input_mut(|input| {
            (
                input.consume_key(Modifiers::NONE, Key::N),
                input.consume_key(Modifiers::SHIFT, Key::N),
                input.consume_key(Modifiers::NONE, Key::Enter),
                input.consume_key(Modifiers::NONE, Key::X),
            )
        });
        let mut requests = Vec::new();
        if next || previous {
            requests.extend(self.step(gold, next));
        }
        if take {
            requests.extend(self.take(gold));
        }
        if reject {
            requests.extend(self.reject(gold));
        }
        requests
    }

    /// Outlines the visible open span proposals with a dashed line in the label's colour (not
    /// drawn like annotations), the current one filled.
    pub fn paint_ui(&mut self, ui: &Ui, view: &mut ArticleView, gold: Gold<'_>) {
        let visible = view.visible_chars();
        let open = self.open(gold).to_vec();
        let proposals = self.adjudication.proposals();
        let first = open.partition_point(|&i| proposals[i].char_start() < visible.start.saturating_sub(2_000));
        let painter = ui.painter();
        for &index in open[first..]
            .iter()
            .take_while(|&&i| proposals[i].char_start() < visible.end)
        {
            let proposal = &proposals[index];
            let ProposalKey::Span(start, end, label) = &proposal.key else {
                continue;
            };
            if *end <= visible.start {
                continue;
            }
            let color = gold
                .document
                .schema()
                .label(label)
                .map_or(Color32::GRAY, |l| Color32::from_rgb(l.color.0, l.color.1, l.color.2));
            let is_current = self.current.as_ref() == Some(&proposal.key);
            for rect in view.char_rects(*start..*end) {
                if is_current {
                    painter.rect_filled(rect, 2.0, color.gamma_multiply(0.35));
                }
                let rect = rect.expand(1.0);
                let stroke = Stroke::new(if is_current { 2.0 } else { 1.5 }, color);
                for side in [
                    [rect.left_top(), rect.right_top()],
                    [rect.right_top(), rect.right_bottom()],
                    [rect.right_bottom(), rect.left_bottom()],
                    [rect.left_bottom(), rect.left_top()],
                ] {
                    painter.extend(egui::Shape::dashed_line(&side, stroke, 4.0, 3.0));
                }
            }
        }
    }

    /// The window: counts, the current proposal and who made it, the buttons.
    pub fn show_ui(&mut self, ctx: &Context, gold: Gold<'_>, labels: &mut BidiLabels) -> Vec<AdjudicationRequest> {
        let mut requests = Vec::new();
        let mut open_window = true;
        egui::Window::new(Tr::of(ctx).t("adjudication-title"))
            .id(egui::Id::unique("adjudication-window"))
            .open(&mut open_window)
            .default_width(360.0)
            .show(ctx, |ui| requests = self.contents_ui(ui, gold, labels));
        if !open_window {
            requests.push(AdjudicationRequest::End);
        }
        requests
    }

    fn contents_ui(&mut self, ui: &mut Ui, gold: Gold<'_>, labels: &mut BidiLabels) -> Vec<AdjudicationRequest> {
        let mut requests = Vec::new();
        let open = self.open(gold).len();
        let settled = self.cache.as_ref().map_or(0, |c| c.settled);
        let total = self.adjudication.proposals().len();
        let tr = Tr::of(ui.ctx());
        let names = self.adjudication.annotators().join(tr.raw("list-separator").as_str());
        ui.label(tr.t_args("adjudication-annotators", &[("names", names.into())]));
        let counts = [
            ("open", open.into()),
            ("settled", settled.into()),
            ("rejected", self.rejected.len().into()),
            ("total", total.into()),
        ];
        ui.label(tr.t_args("adjudication-counts", &counts));
        ui.separator();
        match self.current_index(gold) {
            Some(index) => self.proposal_ui(ui, gold.document, &self.adjudication.proposals()[index], labels),
            None => {
                ui.label(tr.t("adjudication-press-n"));
            }
        }
        ui.separator();
        crate::ui::language::row_ui(ui, true, |ui| {
            if ui.button(tr.t("adjudication-previous")).clicked() {
                requests.extend(self.step(gold, false));
            }
            if ui.button(tr.t("adjudication-next")).clicked() {
                requests.extend(self.step(gold, true));
            }
            if ui.button(tr.t("adjudication-take")).clicked() {
                requests.extend(self.take(gold));
            }
            if ui.button(tr.t("adjudication-reject")).clicked() {
                requests.extend(self.reject(gold));
            }
        });
        if ui.button(tr.t("adjudication-merge-all")).clicked() {
            requests.extend(self.merge_agreements(gold));
        }
        requests
    }

    fn proposal_ui(&self, ui: &mut Ui, gold: &Document, proposal: &Proposal, labels: &mut BidiLabels) {
        let names = self.adjudication.annotators();
        let who: Vec<&str> = proposal.annotators.iter().map(|&i| names[i].as_str()).collect();
        let text = |start: usize, end: usize| {
            gold.text_of(start.min(gold.char_len()), end.min(gold.char_len()))
                .to_owned()
        };
        let what = match &proposal.key {
            ProposalKey::Span(start, end, label) => format!("{label} «{}»", text(*start, *end)),
            ProposalKey::Link(kind, head, child) => format!(
                "{kind}: {} «{}» → {} «{}»",
                head.2,
                text(head.0, head.1),
                child.2,
                text(child.0, child.1)
            ),
        };
        labels.wrapped_label_ui(ui, &what);
        let tr = Tr::of(ui.ctx());
        let agreement = if self.adjudication.is_unanimous(proposal) {
            tr.raw("adjudication-all-annotators")
        } else {
            tr.raw_args(
                "adjudication-some-annotators",
                &[("count", who.len().into()), ("of", names.len().into())],
            )
        };
        let args = [
            ("names", who.join(tr.raw("list-separator").as_str()).into()),
            ("agreement", agreement.into()),
        ];
        ui.label(tr.t_args("adjudication-proposed-by", &args));
    }
}

/// Whether `proposal` comes after the proposal `key` in text order (to continue from a
/// proposal that was just taken or rejected).
fn proposal_after(proposal: &Proposal, key: &ProposalKey) -> bool {
    proposal.char_start() >= key.char_start() && &proposal.key != key
}
