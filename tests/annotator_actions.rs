//! The annotation interaction without a window: labels, selection, link mode, word-wise
//! boundary moves, all through the one command path.

use hashiya::app::{Annotator, AnnotatorAction, DocumentSession, Outcome};
use hashiya::model::{Document, DocumentMeta, Schema};
use hashiya::text::WordEdge;

const TEXT: &str = "وقال الفريق محمد الحداد «نحن متفقون على توحيد المؤسسة العسكرية» أمس.";

fn chars_of(needle: &str) -> std::ops::Range<usize> {
    let byte_start = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte_start].chars().count();
    start..start + needle.chars().count()
}

struct Fixture {
    session: DocumentSession,
    annotator: Annotator,
}

impl Fixture {
    fn new() -> Self {
        let document = Document::new(TEXT.to_owned(), Schema::default_schema(), DocumentMeta::default());
        Self {
            session: DocumentSession::in_memory("article.txt".into(), document),
            annotator: Annotator::default(),
        }
    }

    fn act(&mut self, action: AnnotatorAction, selection: Option<std::ops::Range<usize>>) -> Outcome {
        self.annotator.perform(action, selection, &mut self.session)
    }

    fn document(&self) -> &Document {
        self.session.document()
    }

    fn label(&mut self, label: &str, needle: &str) -> hashiya::model::SpanId {
        assert_eq!(
            self.act(AnnotatorAction::ApplyLabel(label.into()), Some(chars_of(needle))),
            Outcome::Changed
        );
        self.annotator.selected.expect("new span is selected")
    }

    fn text_of(&self, id: hashiya::model::SpanId) -> &str {
        self.document().span_text(self.document().span(id).expect("span"))
    }
}

#[test]
fn label_creates_then_relabels_and_delete_removes() {
    let mut f = Fixture::new();
    let actor = f.label("Actor", "الفريق محمد الحداد");
    assert_eq!(f.text_of(actor), "الفريق محمد الحداد");
    assert_eq!(
        f.act(AnnotatorAction::ApplyLabel("Quote".into()), None),
        Outcome::Changed
    );
    assert_eq!(f.document().span(actor).expect("span").label, "Quote");
    assert_eq!(f.act(AnnotatorAction::DeleteSelected, None), Outcome::Changed);
    assert!(f.document().spans().is_empty());
    assert!(f.session.undo().expect("undo applies"));
    assert!(f.session.undo().expect("undo applies"));
    assert_eq!(f.document().span(actor).expect("restored").label, "Actor");
}

#[test]
fn click_selects_the_innermost_span_and_tab_walks_in_reading_order() {
    let mut f = Fixture::new();
    let quote = f.label("Quote", "«نحن متفقون على توحيد المؤسسة العسكرية»");
    let action = f.label("Agreed action", "توحيد المؤسسة العسكرية");
    let actor = f.label("Actor", "الفريق محمد الحداد");
    f.act(AnnotatorAction::ClickChar(chars_of("المؤسسة").start), None);
    assert_eq!(f.annotator.selected, Some(action));
    f.act(AnnotatorAction::ClickChar(chars_of("نحن").start), None);
    assert_eq!(f.annotator.selected, Some(quote));
    f.act(AnnotatorAction::ClickChar(chars_of("أمس").start), None);
    assert_eq!(f.annotator.selected, None);
    let walk: Vec<_> = (0..4)
        .map(|_| {
            f.act(AnnotatorAction::NextSpan, None);
            f.annotator.selected.expect("selected")
        })
        .collect();
    assert_eq!(walk, [actor, quote, action, actor]);
    f.act(AnnotatorAction::PreviousSpan, None);
    assert_eq!(f.annotator.selected, Some(action));
    f.act(AnnotatorAction::Escape, None);
    assert_eq!(f.annotator.selected, None);
}

#[test]
fn speaker_and_party_links_by_keys_and_clicks() {
    let mut f = Fixture::new();
    let actor = f.label("Actor", "الفريق محمد الحداد");
    let quote = f.label("Quote", "«نحن متفقون على توحيد المؤسسة العسكرية»");
    // S on a quote, then a click on the actor: one speaker link, link mode ends.
    assert_eq!(
        f.act(AnnotatorAction::StartLink("speaker".into()), None),
        Outcome::Selected
    );
    assert_eq!(
        f.act(AnnotatorAction::ClickChar(chars_of("محمد").start), None),
        Outcome::Changed
    );
    assert!(f.annotator.link_mode.is_none());
    let links: Vec<_> = f
        .document()
        .links()
        .iter()
        .map(|l| (l.kind.as_str(), l.from, l.to))
        .collect();
    assert_eq!(links, [("speaker", quote, actor)]);

    // P on an agreed action stays in link mode for several parties; a click on a non-actor
    // is refused without ending it.
    let action = f.label("Agreed action", "توحيد المؤسسة العسكرية");
    let other = f.label("Actor", "نحن");
    f.act(AnnotatorAction::SelectSpan(action), None);
    assert_eq!(
        f.act(AnnotatorAction::StartLink("party".into()), None),
        Outcome::Selected
    );
    assert!(matches!(
        f.act(AnnotatorAction::ClickChar(chars_of("أمس").start), None),
        Outcome::Refused(_)
    ));
    assert_eq!(
        f.act(AnnotatorAction::ClickChar(chars_of("الحداد").start), None),
        Outcome::Changed
    );
    assert_eq!(
        f.act(AnnotatorAction::ClickChar(chars_of("نحن").start), None),
        Outcome::Changed
    );
    assert!(f.annotator.link_mode.is_some());
    f.act(AnnotatorAction::Escape, None);
    assert!(f.annotator.link_mode.is_none());
    let parties: Vec<_> = f
        .document()
        .links()
        .iter()
        .filter(|l| l.kind == "party")
        .map(|l| l.to)
        .collect();
    assert_eq!(parties, [actor, other]);

    // Linking from the wrong label is refused with a message.
    f.act(AnnotatorAction::SelectSpan(actor), None);
    assert!(matches!(
        f.act(AnnotatorAction::StartLink("speaker".into()), None),
        Outcome::Refused(_)
    ));
}

#[test]
fn a_second_speaker_replaces_the_first_in_one_undo_step() {
    let mut f = Fixture::new();
    let first = f.label("Actor", "الفريق محمد الحداد");
    let second = f.label("Actor", "نحن");
    let quote = f.label("Quote", "«نحن متفقون على توحيد المؤسسة العسكرية»");
    for click in ["محمد", "نحن"] {
        f.act(AnnotatorAction::SelectSpan(quote), None);
        f.act(AnnotatorAction::StartLink("speaker".into()), None);
        assert_eq!(
            f.act(AnnotatorAction::ClickChar(chars_of(click).start), None),
            Outcome::Changed
        );
    }
    assert_eq!(f.document().links().iter().map(|l| l.to).collect::<Vec<_>>(), [second]);
    assert!(f.session.undo().expect("undo applies"));
    assert_eq!(f.document().links().iter().map(|l| l.to).collect::<Vec<_>>(), [first]);
}

#[test]
fn span_edges_move_word_by_word() {
    let mut f = Fixture::new();
    let actor = f.label("Actor", "محمد");
    let edge = |edge, forward| AnnotatorAction::MoveEdge { edge, forward };
    assert_eq!(f.act(edge(WordEdge::End, true), None), Outcome::Changed);
    assert_eq!(f.text_of(actor), "محمد الحداد");
    assert_eq!(f.act(edge(WordEdge::Start, false), None), Outcome::Changed);
    assert_eq!(f.text_of(actor), "الفريق محمد الحداد");
    f.act(edge(WordEdge::Start, true), None);
    f.act(edge(WordEdge::Start, true), None);
    assert_eq!(f.text_of(actor), "الحداد");
    assert!(
        matches!(f.act(edge(WordEdge::Start, true), None), Outcome::Refused(_)),
        "never empty"
    );
    assert_eq!(f.text_of(actor), "الحداد");
}

#[test]
fn a_new_span_gets_a_fresh_id_that_undo_and_redo_keep() {
    let mut f = Fixture::new();
    let first = f.label("Actor", "الفريق محمد الحداد");
    assert_eq!(f.act(AnnotatorAction::DeleteSelected, None), Outcome::Changed);
    let second = f.label("Actor", "نحن");
    assert_ne!(first, second, "the id of a deleted span is never given again");
    assert!(f.session.undo().expect("undo applies"));
    assert!(f.document().span(second).is_none());
    assert!(f.session.redo().expect("redo applies"));
    assert_eq!(f.text_of(second), "نحن", "redo recreates the span with the same id");
    let third = f.label("Quote", "«نحن متفقون على توحيد المؤسسة العسكرية»");
    assert!(
        third > second && second > first,
        "ids count up: {first} {second} {third}"
    );
}

#[test]
fn clicking_again_on_nested_spans_selects_the_next_one_out_and_wraps() {
    let mut f = Fixture::new();
    let quote = f.label("Quote", "«نحن متفقون على توحيد المؤسسة العسكرية»");
    let action = f.label("Agreed action", "توحيد المؤسسة العسكرية");
    let institution = f.label("Actor", "المؤسسة العسكرية");
    f.act(AnnotatorAction::Escape, None);
    let click = chars_of("المؤسسة").start + 2;
    let mut walk = Vec::new();
    for _ in 0..4 {
        f.act(AnnotatorAction::ClickChar(click), None);
        walk.push(f.annotator.selected.expect("selected"));
    }
    assert_eq!(walk, [institution, action, quote, institution]);
    // A click where the selected span is not starts from the innermost there.
    f.act(AnnotatorAction::ClickChar(chars_of("على").start), None);
    assert_eq!(f.annotator.selected, Some(quote));
    f.act(AnnotatorAction::ClickChar(chars_of("الفريق").start), None);
    assert_eq!(f.annotator.selected, None);
    f.act(AnnotatorAction::ClickChar(click), None);
    assert_eq!(f.annotator.selected, Some(institution));
}
