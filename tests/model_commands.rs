//! The one command path: create, relabel, move, delete spans; links follow deletes; ids are
//! allocated by the command and kept by undo/redo; undo and redo round-trip to the identical
//! state over random command sequences. Everything goes through the session's edit path.

use hashiya::app::DocumentSession;
use hashiya::model::{Command, CommandError, Document, DocumentMeta, EntityId, Schema, Span, SpanId};
use proptest::prelude::*;

const TEXT: &str = "قال الفريق محمد الحداد «نحن متفقون» 2020 😀 and (5+5) وتوحيد المؤسسة العسكرية.";

fn session() -> DocumentSession {
    let document = Document::new(TEXT.to_owned(), Schema::default_schema(), DocumentMeta::default());
    DocumentSession::in_memory("article.txt".into(), document)
}

fn char_range_of(needle: &str) -> (usize, usize) {
    let byte_start = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte_start].chars().count();
    (start, start + needle.chars().count())
}

fn add_span_command(label: &str, char_start: usize, char_end: usize) -> Command {
    Command::AddSpan {
        label: label.into(),
        char_start,
        char_end,
    }
}

fn add_span(session: &mut DocumentSession, label: &str, start: usize, end: usize) -> SpanId {
    let created = session.edit(add_span_command(label, start, end)).expect("span added");
    created.span.expect("the command says which span it made")
}

fn link_command(kind: &str, from: SpanId, to: SpanId) -> Command {
    Command::AddLink {
        kind: kind.into(),
        from,
        to,
    }
}

#[test]
fn create_relabel_move_delete_and_undo_everything() {
    let mut s = session();
    let pristine = s.document().clone();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let doc = s.document();
    assert_eq!(doc.span_text(doc.span(actor).expect("actor")), "الفريق محمد الحداد");
    let relabel = Command::SetSpanLabel {
        id: actor,
        label: "Quote".into(),
    };
    s.edit(relabel).expect("relabelled");
    let range = Command::SetSpanRange {
        id: actor,
        char_start: 11,
        char_end: 22,
    };
    s.edit(range).expect("moved");
    let doc = s.document();
    assert_eq!(doc.span_text(doc.span(actor).expect("span")), "محمد الحداد");
    s.edit(Command::DeleteSpan(actor)).expect("deleted");
    assert!(s.document().spans().is_empty());
    assert!(s.is_modified());
    while s.undo().expect("undo applies") {}
    assert_eq!(s.document().spans(), pristine.spans());
    assert!(!s.is_modified());
}

#[test]
fn links_follow_deletes_and_come_back_on_undo() {
    let mut s = session();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let quote = add_span(&mut s, "Quote", 23, 36);
    let created = s.edit(link_command("speaker", quote, actor)).expect("linked");
    let link = s
        .document()
        .link(created.link.expect("a new link"))
        .expect("exists")
        .clone();
    assert_eq!((link.from, link.to), (quote, actor));
    // A quote has one speaker only.
    assert!(s.edit(link_command("speaker", quote, actor)).is_err());
    // A speaker link must go from a Quote to an Actor.
    assert!(s.edit(link_command("speaker", actor, quote)).is_err());

    s.edit(Command::DeleteSpan(actor)).expect("deleted");
    assert!(s.document().links().is_empty(), "deleting a span deletes its links");
    assert!(s.undo().expect("undo applies"));
    assert_eq!(s.document().links(), [link]);
    assert!(s.document().check().is_empty());
}

#[test]
fn relabel_drops_links_that_no_longer_fit_in_one_step() {
    let mut s = session();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let (start, end) = char_range_of("وتوحيد المؤسسة العسكرية");
    let action = add_span(&mut s, "Agreed action", start, end);
    s.edit(link_command("party", action, actor)).expect("linked");
    let relabel = Command::SetSpanLabel {
        id: actor,
        label: "Quote".into(),
    };
    s.edit(relabel).expect("relabelled");
    assert!(s.document().links().is_empty());
    assert!(s.undo().expect("undo applies"));
    assert_eq!(s.document().links().len(), 1);
    assert_eq!(s.document().span(actor).expect("actor").label, "Actor");
}

#[test]
fn a_span_joins_an_entity_changes_it_and_leaves_it_with_undo_in_between() {
    let mut s = session();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let entity_of = |s: &DocumentSession| s.document().span(actor).and_then(|span| span.entity);
    assert_eq!(entity_of(&s), None);
    for entity in [Some(eid(3)), Some(eid(7)), None] {
        s.edit(Command::SetSpanEntity { id: actor, entity }).expect("set");
        assert_eq!(entity_of(&s), entity);
    }
    s.undo().expect("undo");
    assert_eq!(entity_of(&s), Some(eid(7)));
    s.undo().expect("undo");
    assert_eq!(entity_of(&s), Some(eid(3)));
    s.redo().expect("redo");
    assert_eq!(entity_of(&s), Some(eid(7)));
    // The entity stays with the span through a relabel and a move, and comes back with it
    // when a deleted span is restored.
    s.edit(Command::SetSpanRange {
        id: actor,
        char_start: 11,
        char_end: 22,
    })
    .expect("moved");
    s.edit(Command::DeleteSpan(actor)).expect("deleted");
    s.undo().expect("undo delete");
    assert_eq!(entity_of(&s), Some(eid(7)));
    let before = s.document().clone();
    let refused = s.edit(Command::SetSpanEntity {
        id: SpanId(99),
        entity: Some(eid(1)),
    });
    assert_eq!(refused, Err(CommandError::NoSuchSpan(SpanId(99))));
    assert_eq!(s.document(), &before);
}

#[test]
fn bad_commands_change_nothing() {
    let mut s = session();
    let before = s.document().clone();
    let len = before.char_len();
    for (start, end) in [(5, 5), (6, 2), (0, len + 1), (usize::MAX - 1, usize::MAX)] {
        assert!(s.edit(add_span_command("Actor", start, end)).is_err());
    }
    assert!(s.edit(add_span_command("Nope", 0, 3)).is_err());
    assert!(!s.is_modified() && !s.can_undo(), "refused commands are not undo steps");
    let actor = add_span(&mut s, "Actor", 0, 3);
    assert_eq!(actor, SpanId(1), "refused commands use up no ids");
    let batch = Command::Batch(vec![Command::DeleteSpan(actor), Command::DeleteSpan(actor)]);
    assert!(s.edit(batch).is_err(), "a failing batch is refused whole");
    assert!(s.document().span(actor).is_some(), "and rolled back");
    assert!(s.undo().expect("undo applies"));
    assert_eq!(s.document().spans(), before.spans());
    assert_eq!(s.document().links(), before.links());
    assert_eq!(s.document().schema(), before.schema());
    assert_eq!(s.document().meta(), before.meta());
    assert_eq!(
        add_span(&mut s, "Actor", 0, 3),
        SpanId(2),
        "the id of an undone span is not given again"
    );
}

#[test]
fn ids_come_from_the_command_and_never_wrap() {
    let mut s = session();
    let first = add_span(&mut s, "Actor", 4, 22);
    s.edit(Command::DeleteSpan(first)).expect("deleted");
    let second = add_span(&mut s, "Actor", 4, 22);
    assert!(second > first, "a deleted span's id is never reused");
    assert!(
        s.undo().expect("undo applies") && s.undo().expect("undo applies"),
        "undo the add and the delete"
    );
    assert!(s.redo().expect("redo applies") && s.redo().expect("redo applies"));
    assert_eq!(
        s.document().spans().iter().map(|sp| sp.id).collect::<Vec<_>>(),
        [second]
    );

    // A file can carry the largest id there is: the next span is refused, never wrapped to 0.
    let last = Span::new(SpanId(u64::MAX), "Actor", 0, 3);
    let meta = DocumentMeta::default();
    let full = Document::from_parts(TEXT.into(), Schema::default_schema(), meta, vec![last], Vec::new());
    let mut s = DocumentSession::in_memory("article.txt".into(), full);
    let refused = s.edit(add_span_command("Actor", 4, 22));
    assert!(matches!(refused, Err(CommandError::IdsExhausted(_))), "{refused:?}");
    assert_eq!(s.document().spans().len(), 1);
}

/// A random edit, resolved against the current document so most of them are valid.
#[derive(Clone, Debug)]
enum Edit {
    Add { label: usize, start: usize, len: usize },
    Delete(usize),
    Relabel(usize, usize),
    Move(usize, usize, usize),
    Link(usize, usize),
    Entity(usize, Option<u32>),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (0..3usize, 0..80usize, 1..15usize).prop_map(|(label, start, len)| Edit::Add { label, start, len }),
        1 => (0..20usize).prop_map(Edit::Delete),
        1 => (0..20usize, 0..3usize).prop_map(|(s, l)| Edit::Relabel(s, l)),
        1 => (0..20usize, 0..80usize, 1..15usize).prop_map(|(s, a, b)| Edit::Move(s, a, b)),
        2 => (0..20usize, 0..20usize).prop_map(|(a, b)| Edit::Link(a, b)),
        1 => (0..20usize, proptest::option::of(1..4u32)).prop_map(|(s, e)| Edit::Entity(s, e)),
        1 => Just(Edit::Undo),
        1 => Just(Edit::Redo),
    ]
}

fn to_command(doc: &Document, edit: &Edit) -> Option<Command> {
    let labels = ["Actor", "Quote", "Agreed action"];
    let nth = |doc: &Document, i: usize| doc.spans().get(i % doc.spans().len().max(1)).map(|s| s.id);
    Some(match *edit {
        Edit::Add { label, start, len } => add_span_command(labels[label], start, start + len),
        Edit::Delete(i) => Command::DeleteSpan(nth(doc, i)?),
        Edit::Relabel(i, l) => Command::SetSpanLabel {
            id: nth(doc, i)?,
            label: labels[l].into(),
        },
        Edit::Move(i, a, b) => Command::SetSpanRange {
            id: nth(doc, i)?,
            char_start: a,
            char_end: a + b,
        },
        Edit::Link(a, b) => {
            let (from, to) = (nth(doc, a)?, nth(doc, b)?);
            let kind = if doc.span(from)?.label == "Quote" {
                "speaker"
            } else {
                "party"
            };
            link_command(kind, from, to)
        }
        Edit::Entity(i, entity) => Command::SetSpanEntity {
            id: nth(doc, i)?,
            entity: entity.and_then(EntityId::new),
        },
        Edit::Undo | Edit::Redo => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_then_redo_all_round_trips(edits in proptest::collection::vec(edit(), 1..40)) {
        let mut s = session();
        let initial = s.document().clone();
        for edit in &edits {
            match edit {
                Edit::Undo => { s.undo().expect("undo applies"); }
                Edit::Redo => { s.redo().expect("redo applies"); }
                _ => if let Some(command) = to_command(s.document(), edit) {
                    // Random commands are often invalid; a refused one must change nothing,
                    // which the integrity check and the round trip below verify.
                    let _ = s.edit(command);
                },
            }
            prop_assert!(s.document().check().is_empty(), "integrity: {:?}", s.document().check());
        }
        // Redo what the sequence left undone, so the tip of the history is the reference state.
        while s.redo().expect("redo applies") {}
        let tip = (s.document().spans().to_vec(), s.document().links().to_vec());
        while s.undo().expect("undo applies") {}
        prop_assert_eq!(s.document().spans(), initial.spans());
        prop_assert_eq!(s.document().links(), initial.links());
        prop_assert!(!s.is_modified());
        while s.redo().expect("redo applies") {}
        prop_assert_eq!((s.document().spans().to_vec(), s.document().links().to_vec()), tip);
    }
}

#[test]
fn labels_are_renamed_recoloured_and_added_through_commands() {
    let mut s = session();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let rename = Command::RenameLabel {
        from: "Actor".into(),
        to: "Participant".into(),
    };
    s.edit(rename).expect("renamed");
    let doc = s.document();
    assert_eq!(doc.span(actor).expect("span").label, "Participant");
    assert_eq!(
        doc.schema().relation("speaker").expect("speaker").to_label,
        "Participant"
    );
    assert!(doc.check().is_empty());

    let mut extended = doc.schema().clone();
    extended.labels[0].color = hashiya::model::Rgb(1, 2, 3);
    extended.labels.push(hashiya::model::LabelDef {
        shortcut: Some('4'),
        ..hashiya::model::LabelDef::new("Place", hashiya::model::Rgb(9, 9, 9))
    });
    s.edit(Command::SetSchema(extended)).expect("extended");
    assert!(s.document().schema().label("Place").is_some());

    // A schema that drops a label still in use is refused.
    let mut without = s.document().schema().clone();
    without.labels.retain(|l| l.name != "Participant");
    without.relations.clear();
    assert!(s.edit(Command::SetSchema(without)).is_err());
    // Renaming onto an existing label is refused.
    let onto_existing = Command::RenameLabel {
        from: "Participant".into(),
        to: "Quote".into(),
    };
    assert!(s.edit(onto_existing).is_err());

    while s.undo().expect("undo applies") {}
    assert_eq!(s.document().schema(), &Schema::default_schema());
}

#[test]
fn a_schema_that_no_longer_allows_a_link_is_refused_so_the_file_stays_openable() {
    let mut s = session();
    let actor = add_span(&mut s, "Actor", 4, 22);
    let quote = add_span(&mut s, "Quote", 30, 40);
    s.edit(link_command("speaker", quote, actor)).expect("linked");
    let mut narrowed = s.document().schema().clone();
    narrowed
        .labels
        .push(hashiya::model::LabelDef::new("Person", hashiya::model::Rgb(9, 9, 9)));
    let speaker = narrowed
        .relations
        .iter_mut()
        .find(|r| r.name == "speaker")
        .expect("speaker");
    speaker.to_label = "Person".into();
    let error = s.edit(Command::SetSchema(narrowed.clone())).expect_err("refused");
    assert!(error.to_string().contains("joins Quote to Actor"), "{error}");
    assert_eq!(s.document().schema(), &Schema::default_schema());
    // Widened instead of narrowed, it is accepted.
    narrowed
        .relations
        .iter_mut()
        .find(|r| r.name == "speaker")
        .expect("speaker")
        .allow("Quote", "Actor");
    s.edit(Command::SetSchema(narrowed)).expect("accepted");
    let saved = hashiya::io::to_ron_string(s.document());
    assert!(hashiya::io::from_ron_str(&saved, s.document().text()).is_ok());
}

#[test]
fn the_first_span_or_link_edit_marks_the_document_in_progress_in_the_same_undo_step() {
    use hashiya::model::Status;
    let mut s = session();
    s.edit(Command::SetAnnotator("Salma".into())).expect("named");
    assert_eq!(s.document().meta().status, Status::NotStarted);
    add_span(&mut s, "Actor", 4, 22);
    assert_eq!(s.document().meta().status, Status::InProgress);
    assert!(s.undo().expect("undo"));
    assert_eq!(s.document().meta().status, Status::NotStarted);
    assert!(s.document().spans().is_empty());
    assert!(s.redo().expect("redo"));
    assert_eq!(s.document().meta().status, Status::InProgress);
    // A document marked done stays done when edited.
    s.edit(Command::SetStatus(Status::Done)).expect("done");
    add_span(&mut s, "Quote", 30, 40);
    assert_eq!(s.document().meta().status, Status::Done);
}

fn eid(n: u32) -> EntityId {
    EntityId::new(n).expect("not 0")
}
