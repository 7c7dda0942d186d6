//! Adjudication without a window: three annotators' versions of a short text settled into a
//! gold document through commands, so one undo takes back each step.

use std::collections::HashSet;
use std::path::PathBuf;

use hashiya::app::DocumentSession;
use hashiya::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId};
use hashiya::review::{Adjudication, ProposalKey};

const TEXT: &str = "قال الحداد إن الجيش موحد وأكد السفير الدعم";

fn range(text: &str) -> (usize, usize) {
    let byte = TEXT.find(text).expect("in the text");
    let start = TEXT[..byte].chars().count();
    (start, start + text.chars().count())
}

fn version(spans: &[(&str, &str)], speaker: bool) -> Document {
    let spans: Vec<Span> = spans
        .iter()
        .enumerate()
        .map(|(i, (label, text))| {
            let (start, end) = range(text);
            Span::new(SpanId(i as u64 + 1), *label, start, end)
        })
        .collect();
    // The speaker link goes from the first Quote to the first Actor.
    let links = if speaker {
        let quote = spans.iter().find(|s| s.label == "Quote").expect("a quote").id;
        let actor = spans.iter().find(|s| s.label == "Actor").expect("an actor").id;
        vec![Link {
            id: LinkId(1),
            kind: "speaker".into(),
            from: quote,
            to: actor,
        }]
    } else {
        Vec::new()
    };
    Document::from_parts(
        TEXT.into(),
        Schema::default_schema(),
        DocumentMeta::default(),
        spans,
        links,
    )
}

fn versions() -> Vec<(String, Document)> {
    vec![
        (
            "sara".into(),
            version(&[("Actor", "الحداد"), ("Quote", "الجيش موحد")], true),
        ),
        (
            "omar".into(),
            version(&[("Actor", "الحداد"), ("Quote", "الجيش موحد")], true),
        ),
        (
            "lina".into(),
            version(&[("Actor", "الحداد"), ("Actor", "السفير")], false),
        ),
    ]
}

fn gold() -> DocumentSession {
    let meta = DocumentMeta {
        annotator: "curator".into(),
        ..DocumentMeta::default()
    };
    DocumentSession::in_memory(
        PathBuf::from("a.txt"),
        Document::new(TEXT.into(), Schema::default_schema(), meta),
    )
}

fn spans(session: &DocumentSession) -> Vec<(String, usize, usize)> {
    session
        .document()
        .spans()
        .iter()
        .map(|s| (s.label.clone(), s.char_start, s.char_end))
        .collect()
}

#[test]
fn full_agreements_merge_in_one_step_and_the_rest_is_walked() {
    let adjudication = Adjudication::new(&versions());
    assert_eq!(adjudication.annotators(), ["sara", "omar", "lina"]);
    let mut gold = gold();
    let merge = adjudication
        .merge_agreements(gold.document())
        .expect("something to merge");
    gold.edit(merge).expect("merged");
    let (actor_start, actor_end) = range("الحداد");
    assert_eq!(spans(&gold), [("Actor".to_owned(), actor_start, actor_end)]);
    assert!(
        adjudication.merge_agreements(gold.document()).is_none(),
        "nothing more is unanimous"
    );

    // Open: the quote (sara, omar) and lina's second actor; the speaker link waits for its quote.
    let mut rejected = HashSet::new();
    let open = adjudication.open(gold.document(), &rejected);
    let described: Vec<(&ProposalKey, &[usize])> = open.iter().map(|p| (&p.key, p.annotators.as_slice())).collect();
    let (quote_start, quote_end) = range("الجيش موحد");
    let (other_start, other_end) = range("السفير");
    assert_eq!(
        described,
        [
            (&ProposalKey::Span(quote_start, quote_end, "Quote".into()), &[0, 1][..]),
            (&ProposalKey::Span(other_start, other_end, "Actor".into()), &[2][..]),
        ]
    );
    let take = Adjudication::accept(gold.document(), open[0]).expect("the quote can be taken");
    gold.edit(take).expect("taken");
    let open = adjudication.open(gold.document(), &rejected);
    assert!(
        matches!(&open[0].key, ProposalKey::Link(kind, _, _) if kind == "speaker"),
        "the speaker link is open once both its ends are in the gold file: {open:?}"
    );
    let link = Adjudication::accept(gold.document(), open[0]).expect("the link can be taken");
    gold.edit(link).expect("linked");
    assert_eq!(gold.document().links().len(), 1);

    rejected.insert(open[1].key.clone());
    assert!(adjudication.open(gold.document(), &rejected).is_empty(), "all settled");

    // Undo takes back one step at a time: the link, then the quote, then the merge.
    let counts = |gold: &DocumentSession| (gold.document().spans().len(), gold.document().links().len());
    for expected in [(2, 0), (1, 0), (0, 0)] {
        assert!(gold.undo().expect("undoes"));
        assert_eq!(counts(&gold), expected);
    }
}

#[test]
fn a_second_speaker_is_never_taken() {
    let mut with_other = versions();
    // lina names the other actor as the speaker of the same quote.
    with_other[2].1 = version(&[("Quote", "الجيش موحد"), ("Actor", "السفير")], true);
    let adjudication = Adjudication::new(&with_other);
    let mut gold = gold();
    // Twice over: a link is taken only once both its ends are in.
    for _ in 0..2 {
        for proposal in adjudication.proposals() {
            if let Some(command) = Adjudication::accept(gold.document(), proposal) {
                gold.edit(command).expect("takes");
            }
        }
    }
    let links = gold.document().links();
    assert_eq!(links.len(), 1, "one speaker per quote: {links:?}");
    assert_eq!(gold.document().spans().len(), 3);
}

/// The entity an annotator gave a mention goes into the gold document with it (from the first
/// annotator who named one), through the same one undo step.
#[test]
fn a_taken_mention_keeps_its_entity() {
    use hashiya::model::EntityId;
    let e3 = EntityId::new(3).expect("not 0");
    let mut versions = versions();
    // Omar (the second) names the entity of الحداد; Sara (the first) does not.
    let omar = &versions[1].1;
    let spans: Vec<Span> = omar
        .spans()
        .iter()
        .map(|s| {
            let mut span = s.clone();
            if omar.span_text(s) == "الحداد" {
                span.entity = Some(e3);
            }
            span
        })
        .collect();
    versions[1].1 = Document::from_parts(
        TEXT.into(),
        omar.schema().clone(),
        omar.meta().clone(),
        spans,
        omar.links().to_vec(),
    );
    let adjudication = Adjudication::new(&versions);
    let mut session = gold();
    let command = adjudication.merge_agreements(session.document()).expect("agreements");
    session.edit(command).expect("merged");
    let (start, end) = range("الحداد");
    let haddad = session
        .document()
        .spans()
        .iter()
        .find(|s| (s.char_start, s.char_end) == (start, end))
        .expect("taken");
    assert_eq!(haddad.entity, Some(e3));
    session.undo().expect("undo");
    assert!(session.document().spans().is_empty());
}
