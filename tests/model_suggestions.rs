//! Suggestions through the one command path: a source's set replaced, accepting a span or a
//! link (with its suggested ends) makes annotations, rejecting remembers, and every step
//! undoes to the identical document.

use hashiya::app::DocumentSession;
use hashiya::model::{
    Command, Document, DocumentMeta, Schema, SpanId, SuggestedLink, SuggestedSpan, SuggestionEnd, SuggestionId,
    SuggestionSource,
};

const TEXT: &str = "وقال الفريق محمد الحداد «نحن متفقون على توحيد المؤسسة» في طرابلس.";

fn session() -> DocumentSession {
    let document = Document::new(TEXT.to_owned(), Schema::default_schema(), DocumentMeta::default());
    DocumentSession::in_memory("article.txt".into(), document)
}

fn range_of(needle: &str) -> (usize, usize) {
    let byte_start = TEXT.find(needle).expect("needle in text");
    let start = TEXT[..byte_start].chars().count();
    (start, start + needle.chars().count())
}

fn suggested(id: u64, label: &str, needle: &str, source: SuggestionSource) -> SuggestedSpan {
    let (char_start, char_end) = range_of(needle);
    SuggestedSpan {
        id: SuggestionId(id),
        label: label.into(),
        char_start,
        char_end,
        score: 0.75,
        source,
    }
}

/// What undo must restore exactly: spans, links, suggestions and rejections (ids used once
/// stay used, so the id counters are not compared).
fn state(
    document: &Document,
) -> (
    Vec<hashiya::model::Span>,
    Vec<hashiya::model::Link>,
    hashiya::model::Suggestions,
) {
    (
        document.spans().to_vec(),
        document.links().to_vec(),
        document.suggestions().clone(),
    )
}

/// A quote, its speaker and the speaker link, all suggested by the rules.
fn rules_suggestions() -> Command {
    Command::SetSuggestions {
        source: SuggestionSource::Rules,
        spans: vec![
            suggested(1, "Actor", "الفريق محمد الحداد", SuggestionSource::Rules),
            suggested(2, "Quote", "نحن متفقون على توحيد المؤسسة", SuggestionSource::Rules),
        ],
        links: vec![SuggestedLink {
            id: SuggestionId(3),
            kind: "speaker".into(),
            from: SuggestionEnd::Suggested(SuggestionId(2)),
            to: SuggestionEnd::Suggested(SuggestionId(1)),
            score: 0.6,
            source: SuggestionSource::Rules,
        }],
    }
}

#[test]
fn accepting_a_span_makes_an_annotation_and_keeps_its_links_suggested() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("suggestions set");
    let before = state(s.document());
    let created = s.edit(Command::AcceptSuggestion(SuggestionId(1))).expect("accepted");
    let actor = created.span.expect("a span was made");
    let doc = s.document();
    assert_eq!(doc.span_text(doc.span(actor).expect("span")), "الفريق محمد الحداد");
    assert_eq!(doc.spans().len(), 1);
    assert_eq!(doc.suggestions().spans().len(), 1, "only the quote is still suggested");
    let link = &doc.suggestions().links()[0];
    assert_eq!(
        link.to,
        SuggestionEnd::Span(actor),
        "the suggested link now ends at the new span"
    );
    assert!(!s.document().suggestions().is_empty());
    s.undo().expect("undone");
    assert_eq!(
        state(s.document()),
        before,
        "one undo restores the suggestion and removes the span"
    );
}

#[test]
fn accepting_a_link_accepts_its_suggested_ends_in_one_step() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("suggestions set");
    let before = state(s.document());
    s.edit(Command::AcceptSuggestion(SuggestionId(3)))
        .expect("link accepted");
    let doc = s.document();
    assert_eq!(doc.spans().len(), 2, "quote and actor became spans");
    assert_eq!(doc.links().len(), 1);
    let link = &doc.links()[0];
    assert_eq!(doc.span(link.from).map(|s| s.label.as_str()), Some("Quote"));
    assert_eq!(doc.span(link.to).map(|s| s.label.as_str()), Some("Actor"));
    assert!(doc.suggestions().spans().is_empty() && doc.suggestions().links().is_empty());
    s.undo().expect("undone");
    assert_eq!(state(s.document()), before);
    s.redo().expect("redone");
    assert_eq!(s.document().links().len(), 1, "redo makes the same annotations");
}

#[test]
fn rejecting_remembers_and_undo_forgets() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("suggestions set");
    s.edit(Command::RejectSuggestion(SuggestionId(1))).expect("rejected");
    let doc = s.document();
    let (start, end) = range_of("الفريق محمد الحداد");
    assert!(doc.suggestions().is_rejected("Actor", start, end));
    assert!(doc.suggestions().span(SuggestionId(1)).is_none());
    assert!(
        doc.suggestions().links().is_empty(),
        "the link to a rejected span goes too"
    );
    assert!(doc.spans().is_empty(), "rejecting makes no annotation");
    s.undo().expect("undone");
    assert!(!s.document().suggestions().is_rejected("Actor", start, end));
    assert_eq!(s.document().suggestions().links().len(), 1);
}

#[test]
fn a_new_set_replaces_only_its_own_source_and_undo_restores_it() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("rules");
    let matcher = Command::SetSuggestions {
        source: SuggestionSource::Matcher,
        spans: vec![suggested(4, "Actor", "طرابلس", SuggestionSource::Matcher)],
        links: Vec::new(),
    };
    s.edit(matcher).expect("matcher");
    let both = state(s.document());
    s.edit(Command::SetSuggestions {
        source: SuggestionSource::Rules,
        spans: Vec::new(),
        links: Vec::new(),
    })
    .expect("rules cleared");
    let left: Vec<SuggestionId> = s.document().suggestions().spans().iter().map(|s| s.id).collect();
    assert_eq!(left, [SuggestionId(4)]);
    assert!(s.document().suggestions().links().is_empty());
    s.undo().expect("undone");
    assert_eq!(state(s.document()), both);
}

#[test]
fn suggestions_that_do_not_fit_are_refused_whole() {
    let mut s = session();
    let before = state(s.document());
    let mut bad = suggested(1, "Actor", "طرابلس", SuggestionSource::Tagger);
    bad.char_end = TEXT.chars().count() + 5;
    let refused = [
        Command::SetSuggestions {
            source: SuggestionSource::Tagger,
            spans: vec![bad],
            links: Vec::new(),
        },
        Command::SetSuggestions {
            source: SuggestionSource::Tagger,
            spans: vec![suggested(1, "Nope", "طرابلس", SuggestionSource::Tagger)],
            links: Vec::new(),
        },
        Command::SetSuggestions {
            source: SuggestionSource::Tagger,
            spans: Vec::new(),
            links: vec![SuggestedLink {
                id: SuggestionId(1),
                kind: "speaker".into(),
                from: SuggestionEnd::Span(SpanId(7)),
                to: SuggestionEnd::Suggested(SuggestionId(9)),
                score: 1.0,
                source: SuggestionSource::Tagger,
            }],
        },
        Command::AcceptSuggestion(SuggestionId(42)),
        Command::RejectSuggestion(SuggestionId(42)),
    ];
    for command in refused {
        assert!(s.edit(command.clone()).is_err(), "{command:?} should be refused");
        assert_eq!(state(s.document()), before);
    }
}

#[test]
fn accept_all_in_one_batch_is_one_undo_step() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("suggestions set");
    let before = state(s.document());
    s.edit(Command::Batch(vec![
        Command::AcceptSuggestion(SuggestionId(1)),
        Command::AcceptSuggestion(SuggestionId(2)),
    ]))
    .expect("both accepted");
    assert_eq!(s.document().spans().len(), 2);
    assert_eq!(
        s.document().suggestions().links().len(),
        1,
        "the link is still a suggestion, now between spans"
    );
    s.undo().expect("undone");
    assert_eq!(state(s.document()), before);
}

#[test]
fn accepting_many_at_once_merges_twins_retargets_links_and_undoes_exactly() {
    let mut s = session();
    s.edit(rules_suggestions()).expect("rules");
    // The matcher suggests the same actor as the rules (a twin) and another one.
    s.edit(Command::SetSuggestions {
        source: SuggestionSource::Matcher,
        spans: vec![
            suggested(4, "Actor", "الفريق محمد الحداد", SuggestionSource::Matcher),
            suggested(5, "Actor", "طرابلس", SuggestionSource::Matcher),
        ],
        links: Vec::new(),
    })
    .expect("matcher");
    let before = state(s.document());
    s.edit(Command::AcceptSuggestions {
        ids: vec![SuggestionId(4), SuggestionId(1), SuggestionId(5)],
        as_spans: Vec::new(),
    })
    .expect("accepted");
    let doc = s.document();
    let texts: Vec<&str> = doc.spans().iter().map(|span| doc.span_text(span)).collect();
    assert_eq!(texts, ["الفريق محمد الحداد", "طرابلس"], "twins become one span");
    let left: Vec<SuggestionId> = doc.suggestions().spans().iter().map(|s| s.id).collect();
    assert_eq!(left, [SuggestionId(2)], "only the quote is still suggested");
    let actor = doc.spans()[0].id;
    assert_eq!(
        doc.suggestions().links()[0].to,
        SuggestionEnd::Span(actor),
        "the link follows"
    );
    let after = state(doc);
    s.undo().expect("undone");
    assert_eq!(state(s.document()), before, "one undo restores everything");
    s.redo().expect("redone");
    assert_eq!(
        state(s.document()),
        after,
        "redo makes the same spans, with the same ids"
    );
    let refused = Command::AcceptSuggestions {
        ids: vec![SuggestionId(2), SuggestionId(99)],
        as_spans: Vec::new(),
    };
    let now = state(s.document());
    assert!(s.edit(refused).is_err());
    assert_eq!(state(s.document()), now, "a refused accept changes nothing");
}
