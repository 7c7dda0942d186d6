//! The one command path: create, relabel, move, delete spans; links follow deletes; undo and
//! redo round-trip to the identical state over random command sequences.

use hashiya::model::{Command, Document, DocumentMeta, History, Link, Schema, Span};
use proptest::prelude::*;

const TEXT: &str = "قال الفريق محمد الحداد «نحن متفقون» 2020 😀 and (5+5) وتوحيد المؤسسة العسكرية.";

fn document() -> Document {
    Document::new(TEXT.to_owned(), Schema::default_schema(), DocumentMeta::default())
}

fn char_range_of(needle: &str) -> (usize, usize) {
    let byte_start = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte_start].chars().count();
    (start, start + needle.chars().count())
}

fn add_span(
    doc: &mut Document,
    history: &mut History,
    label: &str,
    start: usize,
    end: usize,
) -> hashiya::model::SpanId {
    let id = doc.allocate_span_id();
    history
        .apply(doc, Command::AddSpan(Span::new(id, label, start, end)))
        .expect("span added");
    id
}

#[test]
fn create_relabel_move_delete_and_undo_everything() {
    let mut doc = document();
    let mut history = History::default();
    let pristine = doc.clone();
    let actor = add_span(&mut doc, &mut history, "Actor", 4, 22);
    assert_eq!(doc.span_text(doc.span(actor).expect("actor")), "الفريق محمد الحداد");
    history
        .apply(
            &mut doc,
            Command::SetSpanLabel {
                id: actor,
                label: "Quote".into(),
            },
        )
        .expect("relabelled");
    history
        .apply(
            &mut doc,
            Command::SetSpanRange {
                id: actor,
                char_start: 11,
                char_end: 22,
            },
        )
        .expect("moved");
    assert_eq!(doc.span_text(doc.span(actor).expect("span")), "محمد الحداد");
    history.apply(&mut doc, Command::DeleteSpan(actor)).expect("deleted");
    assert!(doc.spans().is_empty());
    assert!(history.is_modified());
    while history.undo(&mut doc) {}
    assert_eq!(doc.spans(), pristine.spans());
    assert!(!history.is_modified());
}

#[test]
fn links_follow_deletes_and_come_back_on_undo() {
    let mut doc = document();
    let mut history = History::default();
    let actor = add_span(&mut doc, &mut history, "Actor", 4, 22);
    let quote = add_span(&mut doc, &mut history, "Quote", 23, 36);
    let link = Link {
        id: doc.allocate_link_id(),
        kind: "speaker".into(),
        from: quote,
        to: actor,
    };
    history.apply(&mut doc, Command::AddLink(link.clone())).expect("linked");
    // A quote has one speaker only.
    let second = Link {
        id: doc.allocate_link_id(),
        kind: "speaker".into(),
        from: quote,
        to: actor,
    };
    assert!(history.apply(&mut doc, Command::AddLink(second)).is_err());
    // A speaker link must go from a Quote to an Actor.
    let backwards = Link {
        id: doc.allocate_link_id(),
        kind: "speaker".into(),
        from: actor,
        to: quote,
    };
    assert!(history.apply(&mut doc, Command::AddLink(backwards)).is_err());

    history.apply(&mut doc, Command::DeleteSpan(actor)).expect("deleted");
    assert!(doc.links().is_empty(), "deleting a span deletes its links");
    assert!(history.undo(&mut doc));
    assert_eq!(doc.links(), [link]);
    assert!(doc.check().is_empty());
}

#[test]
fn relabel_drops_links_that_no_longer_fit_in_one_step() {
    let mut doc = document();
    let mut history = History::default();
    let actor = add_span(&mut doc, &mut history, "Actor", 4, 22);
    let (start, end) = char_range_of("وتوحيد المؤسسة العسكرية");
    let action = add_span(&mut doc, &mut history, "Agreed action", start, end);
    let link = Link {
        id: doc.allocate_link_id(),
        kind: "party".into(),
        from: action,
        to: actor,
    };
    history.apply(&mut doc, Command::AddLink(link)).expect("linked");
    history
        .apply(
            &mut doc,
            Command::SetSpanLabel {
                id: actor,
                label: "Quote".into(),
            },
        )
        .expect("relabelled");
    assert!(doc.links().is_empty());
    assert!(history.undo(&mut doc));
    assert_eq!(doc.links().len(), 1);
    assert_eq!(doc.span(actor).expect("actor").label, "Actor");
}

#[test]
fn bad_commands_change_nothing() {
    let mut doc = document();
    let mut history = History::default();
    let before = doc.clone();
    let len = doc.char_len();
    for (start, end) in [(5, 5), (6, 2), (0, len + 1), (usize::MAX - 1, usize::MAX)] {
        let id = doc.allocate_span_id();
        assert!(
            history
                .apply(&mut doc, Command::AddSpan(Span::new(id, "Actor", start, end)))
                .is_err()
        );
    }
    let id = doc.allocate_span_id();
    assert!(
        history
            .apply(&mut doc, Command::AddSpan(Span::new(id, "Nope", 0, 3)))
            .is_err()
    );
    let actor = add_span(&mut doc, &mut history, "Actor", 0, 3);
    let batch = Command::Batch(vec![Command::DeleteSpan(actor), Command::DeleteSpan(actor)]);
    assert!(
        history.apply(&mut doc, batch).is_err(),
        "a failing batch is refused whole"
    );
    assert!(doc.span(actor).is_some(), "and rolled back");
    assert!(history.undo(&mut doc));
    assert_eq!(doc, {
        let mut expected = before;
        // Ids are never reused, so the allocator moved on; nothing else differs.
        for _ in 0..6 {
            expected.allocate_span_id();
        }
        expected
    });
}

/// A random edit, resolved against the current document so most of them are valid.
#[derive(Clone, Debug)]
enum Edit {
    Add { label: usize, start: usize, len: usize },
    Delete(usize),
    Relabel(usize, usize),
    Move(usize, usize, usize),
    Link(usize, usize),
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
        1 => Just(Edit::Undo),
        1 => Just(Edit::Redo),
    ]
}

fn to_command(doc: &mut Document, edit: &Edit) -> Option<Command> {
    let labels = ["Actor", "Quote", "Agreed action"];
    let nth = |doc: &Document, i: usize| doc.spans().get(i % doc.spans().len().max(1)).map(|s| s.id);
    Some(match *edit {
        Edit::Add { label, start, len } => {
            let id = doc.allocate_span_id();
            Command::AddSpan(Span::new(id, labels[label], start, start + len))
        }
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
            Command::AddLink(Link {
                id: doc.allocate_link_id(),
                kind: kind.into(),
                from,
                to,
            })
        }
        Edit::Undo | Edit::Redo => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_then_redo_all_round_trips(edits in proptest::collection::vec(edit(), 1..40)) {
        let mut doc = document();
        let mut history = History::default();
        let initial = doc.clone();
        for edit in &edits {
            match edit {
                Edit::Undo => { history.undo(&mut doc); }
                Edit::Redo => { history.redo(&mut doc); }
                _ => if let Some(command) = to_command(&mut doc, edit) {
                    let _ = history.apply(&mut doc, command);
                },
            }
            prop_assert!(doc.check().is_empty(), "integrity: {:?}", doc.check());
        }
        // Redo what the sequence left undone, so the tip of the history is the reference state.
        while history.redo(&mut doc) {}
        let tip = (doc.spans().to_vec(), doc.links().to_vec());
        while history.undo(&mut doc) {}
        prop_assert_eq!(doc.spans(), initial.spans());
        prop_assert_eq!(doc.links(), initial.links());
        prop_assert!(!history.is_modified());
        while history.redo(&mut doc) {}
        prop_assert_eq!((doc.spans().to_vec(), doc.links().to_vec()), tip);
    }
}

#[test]
fn labels_are_renamed_recoloured_and_added_through_commands() {
    let mut doc = document();
    let mut history = History::default();
    let actor = add_span(&mut doc, &mut history, "Actor", 4, 22);
    history
        .apply(
            &mut doc,
            Command::RenameLabel {
                from: "Actor".into(),
                to: "Participant".into(),
            },
        )
        .expect("renamed");
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
    history.apply(&mut doc, Command::SetSchema(extended)).expect("extended");
    assert!(doc.schema().label("Place").is_some());

    // A schema that drops a label still in use is refused.
    let mut without = doc.schema().clone();
    without.labels.retain(|l| l.name != "Participant");
    without.relations.clear();
    assert!(history.apply(&mut doc, Command::SetSchema(without)).is_err());
    // Renaming onto an existing label is refused.
    assert!(
        history
            .apply(
                &mut doc,
                Command::RenameLabel {
                    from: "Participant".into(),
                    to: "Quote".into()
                }
            )
            .is_err()
    );

    while history.undo(&mut doc) {}
    assert_eq!(doc.schema(), &Schema::default_schema());
}
