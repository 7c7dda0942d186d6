//! Annotation checks: the mistakes a careful reviewer looks for by eye (a quote without its
//! speaker, a span that takes a stray space), found in a document so that the window's
//! Problems panel and `hashiya check` report the same. Each check has a name; a project turns
//! checks off in its schema (`disabled_checks`).
//!
//! A link whose ends have labels its kind does not join is no check here: no document can
//! hold one (commands and schema changes refuse it, and the reader refuses a file with one,
//! naming its line), so `hashiya check` reports such a file as unreadable.

mod edges;
mod kind;
mod problem;

pub use kind::CheckKind;
pub use problem::{Edge, Problem, Reason};

use std::collections::HashMap;

use crate::model::{Document, SpanId};

/// Every problem the document's enabled checks find, in text order (then by check).
#[must_use]
pub fn find_problems(document: &Document) -> Vec<Problem> {
    let enabled = |kind: CheckKind| !document.schema().disabled_checks.iter().any(|name| name == kind.name());
    let mut problems = Vec::new();
    if enabled(CheckKind::MissingLink) {
        missing_links(document, &mut problems);
    }
    if enabled(CheckKind::DuplicateSpan) {
        duplicate_spans(document, &mut problems);
    }
    let texts = if enabled(CheckKind::SpanEdge) || enabled(CheckKind::CrossesParagraph) {
        span_texts(document)
    } else {
        Vec::new()
    };
    if enabled(CheckKind::SpanEdge) {
        for (span, text) in document.spans().iter().zip(&texts) {
            if let Some(reason) = edges::edge_problem(text) {
                problems.push(Problem::of_span(CheckKind::SpanEdge, document, span, reason));
            }
        }
    }
    if enabled(CheckKind::CrossesParagraph) {
        for (span, text) in document.spans().iter().zip(&texts) {
            if text.contains(['\n', '\u{2029}']) {
                let reason = Reason::CrossesParagraph;
                problems.push(Problem::of_span(CheckKind::CrossesParagraph, document, span, reason));
            }
        }
    }
    if enabled(CheckKind::NeedsReview) {
        for span in document.spans().iter().filter(|s| s.needs_review) {
            // The merge driver says in the note why it marked the span.
            let merge_note = span
                .note
                .as_deref()
                .and_then(|note| note.lines().rev().find(|l| l.starts_with("Merge:")));
            let reason = Reason::NeedsReview {
                merge: merge_note.map(|line| line["Merge:".len()..].trim().trim_end_matches('.').to_owned()),
            };
            problems.push(Problem::of_span(CheckKind::NeedsReview, document, span, reason));
        }
    }
    problems.sort_by_key(|p| (p.char_start, p.char_end, p.check));
    problems
}

/// Check names a schema turns off that no check has (a typo, or a newer Hashiya's check).
#[must_use]
pub fn unknown_disabled_checks(document: &Document) -> Vec<&str> {
    document
        .schema()
        .disabled_checks
        .iter()
        .map(String::as_str)
        .filter(|name| CheckKind::from_name(name).is_none())
        .collect()
}

/// Head spans with fewer links of a kind than the kind requires.
fn missing_links(document: &Document, problems: &mut Vec<Problem>) {
    let mut counts: HashMap<(SpanId, &str), u32> = HashMap::new();
    for link in document.links() {
        *counts.entry((link.from, link.kind.as_str())).or_default() += 1;
    }
    for relation in &document.schema().relations {
        let required = relation.required_links();
        if required == 0 {
            continue;
        }
        for span in document.spans().iter().filter(|s| relation.allows_head(&s.label)) {
            let count = counts.get(&(span.id, relation.name.as_str())).copied().unwrap_or(0);
            if count < required {
                let kind = relation.name.clone();
                let reason = if count == 0 && required == 1 {
                    Reason::NoLink { kind }
                } else {
                    Reason::TooFewLinks { kind, count, required }
                };
                problems.push(Problem::of_span(CheckKind::MissingLink, document, span, reason));
            }
        }
    }
}

/// Spans with the range and label of an earlier span. Spans are sorted by range, so spans of
/// one range are neighbours: each is compared with the others of its run only (no hashing of
/// 11,000 keys on every edit).
fn duplicate_spans(document: &Document, problems: &mut Vec<Problem>) {
    let spans = document.spans();
    let mut run_start = 0;
    for (index, span) in spans.iter().enumerate() {
        let first_of_range =
            spans[run_start].char_start != span.char_start || spans[run_start].char_end != span.char_end;
        if first_of_range {
            run_start = index;
            continue;
        }
        if let Some(earlier) = spans[run_start..index].iter().find(|s| s.label == span.label) {
            let reason = Reason::Duplicate { earlier: earlier.id };
            problems.push(Problem::of_span(CheckKind::DuplicateSpan, document, span, reason));
        }
    }
}

/// The text of every span, in span order. Each end is found through the document's char
/// index (a checkpoint every 64 chars, then the bytes that start a char counted): about 64
/// bytes looked at per span, where one walk through the article decoded all 820,000 chars of
/// the long document at every edit (perf: a fifth of the edit frame).
fn span_texts(document: &Document) -> Vec<&str> {
    document.spans().iter().map(|span| document.span_text(span)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Link, LinkId, Schema, Span};

    const TEXT: &str = "قال الحداد إن الجيش موحد.\nواتفق الطرفان على دوريات مشتركة";

    fn span(id: u64, label: &str, text: &str, nth: usize) -> Span {
        let (byte_start, _) = TEXT.match_indices(text).nth(nth).expect("in the text");
        let char_start = TEXT[..byte_start].chars().count();
        Span::new(SpanId(id), label, char_start, char_start + text.chars().count())
    }

    fn link(id: u64, kind: &str, from: u64, to: u64) -> Link {
        Link {
            id: LinkId(id),
            kind: kind.into(),
            from: SpanId(from),
            to: SpanId(to),
        }
    }

    fn document(spans: Vec<Span>, links: Vec<Link>, schema: Schema) -> Document {
        let document = Document::from_parts(TEXT.into(), schema, DocumentMeta::default(), spans, links);
        assert!(document.check().is_empty(), "{:?}", document.check());
        document
    }

    fn found(document: &Document) -> Vec<(CheckKind, u64)> {
        find_problems(document).iter().map(|p| (p.check, p.span.0)).collect()
    }

    #[test]
    fn each_check_finds_its_mistake_and_nothing_else() {
        let spans = vec![
            span(1, "Actor", "الحداد", 0),
            span(2, "Quote", "الجيش موحد", 0),
            span(3, "Actor", "الطرفان", 0),
            span(4, "Agreed action", "دوريات مشتركة", 0),
        ];
        let links = vec![link(1, "speaker", 2, 1), link(2, "party", 4, 1), link(3, "party", 4, 3)];
        let clean = document(spans.clone(), links.clone(), Schema::default_schema());
        assert_eq!(found(&clean), []);

        // Without its speaker link the quote is reported; with one party the action is.
        let fewer = document(spans.clone(), links[1..2].to_vec(), Schema::default_schema());
        assert_eq!(
            found(&fewer),
            [(CheckKind::MissingLink, 2), (CheckKind::MissingLink, 4)]
        );
        let messages: Vec<String> = find_problems(&fewer).into_iter().map(|p| p.message).collect();
        assert_eq!(
            messages,
            [
                "Quote «الجيش موحد» has no speaker",
                "Agreed action «دوريات مشتركة» has 1 party link; needs at least 2"
            ]
        );

        let mut more = spans.clone();
        more.push(Span::new(SpanId(5), "Actor", 3, 10)); // « الحداد»: a leading space
        more.push(span(6, "Actor", "الحداد", 0)); // the range and label of span 1
        more.push(span(7, "Quote", "موحد.\nواتفق", 0)); // a paragraph break (and a speaker)
        let mut with_speaker = links.clone();
        with_speaker.push(link(4, "speaker", 7, 1));
        let mistakes = document(more, with_speaker, Schema::default_schema());
        assert_eq!(
            found(&mistakes),
            [
                (CheckKind::SpanEdge, 5),
                (CheckKind::DuplicateSpan, 6),
                (CheckKind::CrossesParagraph, 7),
            ]
        );
    }

    #[test]
    fn a_schema_turns_checks_off_and_sets_how_many_links_a_kind_needs() {
        let spans = vec![
            span(1, "Quote", "الجيش موحد", 0),
            span(2, "Agreed action", "دوريات مشتركة", 0),
        ];
        let mut schema = Schema::default_schema();
        schema.disabled_checks = vec!["missing-link".into(), "no-such-check".into()];
        let quiet = document(spans.clone(), Vec::new(), schema.clone());
        assert_eq!(found(&quiet), []);
        assert_eq!(unknown_disabled_checks(&quiet), ["no-such-check"]);

        schema.disabled_checks.clear();
        for relation in &mut schema.relations {
            relation.min_links = Some(if relation.name == "party" { 3 } else { 0 });
        }
        let strict = document(spans, Vec::new(), schema);
        assert_eq!(found(&strict), [(CheckKind::MissingLink, 2)]);
        assert!(
            find_problems(&strict)[0]
                .message
                .ends_with("has 0 party links; needs at least 3")
        );
    }

    #[test]
    fn every_check_has_a_distinct_name_that_reads_back() {
        for kind in CheckKind::ALL {
            assert_eq!(CheckKind::from_name(kind.name()), Some(kind));
            assert!(!kind.description().is_empty());
        }
        assert_eq!(CheckKind::from_name("Missing-Link"), None);
    }
}
