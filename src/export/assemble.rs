use std::collections::{BTreeMap, HashMap, HashSet};

use crate::export::ImportReport;
use crate::export::warning::{DataWarning, IdRejection, LinkProblem};
use crate::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId};
use crate::text::CharIndex;

/// A span as an importer read it, before ids are settled and ranges checked.
#[derive(Debug, Default)]
pub(crate) struct PendingSpan {
    /// The id as the input wrote it (`T3`, `12`), for links to refer to; empty: none.
    pub key: String,
    /// The numeric id to keep when it is free.
    pub id: Option<u64>,
    /// Schema label (already resolved).
    pub label: String,
    /// Unicode scalar offsets.
    pub char_start: usize,
    /// Unicode scalar offset, exclusive.
    pub char_end: usize,
    pub attributes: BTreeMap<String, String>,
    pub note: Option<String>,
    pub needs_review: bool,
    /// The actor entity the span mentions.
    pub entity: Option<crate::model::EntityId>,
    /// The text the input says the span covers, checked against the document text.
    pub text: Option<String>,
    /// Input line, for warnings.
    pub line: Option<usize>,
}

/// A link as an importer read it: its ends are span keys.
#[derive(Debug, Default)]
pub(crate) struct PendingLink {
    /// The id as the input wrote it (`R3`), for kept lines to refer to; empty: none.
    pub key: String,
    pub id: Option<u64>,
    /// Schema relation kind (already resolved).
    pub kind: String,
    pub from: String,
    pub to: String,
    pub line: Option<usize>,
}

/// A brat line kept as it is ([`Document::brat_lines`]), its ids still the input's.
#[derive(Debug, Default)]
pub(crate) struct PendingLine {
    pub text: String,
    pub line: Option<usize>,
}

/// What an input id in a kept line stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LineRef {
    /// The span with this key (`T` + its id).
    Span(String),
    /// The event whose span has this key (`E` + its id).
    Event(String),
    /// The link with this key (`R` + its id).
    Link(String),
}

/// A document read but not yet built (the schema is final only after the whole input).
#[derive(Debug, Default)]
pub(crate) struct PendingDocument {
    pub text: String,
    pub meta: DocumentMeta,
    pub spans: Vec<PendingSpan>,
    pub links: Vec<PendingLink>,
    /// Kept lines and what the input ids in them stand for.
    pub lines: Vec<PendingLine>,
    pub line_refs: HashMap<String, LineRef>,
}

impl PendingDocument {
    /// Span key → label, to resolve relation kinds by the labels of their ends.
    pub(crate) fn labels_by_key(&self) -> HashMap<&str, &str> {
        self.spans.iter().map(|s| (s.key.as_str(), s.label.as_str())).collect()
    }

    /// Builds the document: spans outside the text are dropped, ids settled (kept when free,
    /// fresh otherwise), links that Hashiya would reject dropped; each problem is a warning.
    pub(crate) fn build(mut self, schema: &Schema, report: &mut ImportReport) -> Document {
        self.make_text_openable(report);
        let index = CharIndex::new(&self.text);
        let char_len = index.char_len();
        let mut spans = Vec::with_capacity(self.spans.len());
        let mut ids = IdSettler::default();
        let mut keys: HashMap<String, SpanId> = HashMap::new();
        let mut fresh_keys = Vec::new();
        for pending in self.spans {
            if pending.char_start >= pending.char_end || pending.char_end > char_len {
                report.warn(
                    pending.line,
                    DataWarning::SpanOutside {
                        key: pending.key.clone(),
                        start: pending.char_start,
                        end: pending.char_end,
                        len: char_len,
                    },
                );
                continue;
            }
            if let Some(expected) = &pending.text {
                let actual = index.slice(&self.text, pending.char_start..pending.char_end);
                if actual != expected {
                    report.warn(
                        pending.line,
                        DataWarning::SpanTextDiffers {
                            key: pending.key.clone(),
                            expected: expected.clone(),
                            start: pending.char_start,
                            end: pending.char_end,
                            actual: actual.to_string(),
                        },
                    );
                }
            }
            let id = match ids.claim(pending.id, spans.len()) {
                Claim::Kept(id) => Some(id),
                Claim::Fresh => None,
                Claim::Rejected(why) => {
                    report.warn(
                        pending.line,
                        DataWarning::SpanIdRejected {
                            key: pending.key.clone(),
                            why,
                        },
                    );
                    None
                }
            };
            let mut span = Span::new(
                SpanId(id.unwrap_or(0)),
                pending.label,
                pending.char_start,
                pending.char_end,
            );
            span.attributes = pending.attributes;
            span.note = pending.note;
            span.needs_review = pending.needs_review;
            span.entity = pending.entity;
            if id.is_none() {
                fresh_keys.push(pending.key);
            } else if !pending.key.is_empty() && keys.insert(pending.key.clone(), span.id).is_some() {
                report.warn(
                    pending.line,
                    DataWarning::SpanKeyTwice {
                        key: pending.key.clone(),
                    },
                );
            }
            spans.push(span);
        }
        for ((at, id), key) in ids.fresh_ids().zip(fresh_keys) {
            spans[at].id = SpanId(id);
            if !key.is_empty() {
                keys.entry(key).or_insert(SpanId(id));
            }
        }
        let (links, link_keys) = settle_links(self.links, &keys, &spans, schema, report);
        let kept_lines = settle_lines(self.lines, &self.line_refs, &keys, &link_keys, report);
        report.documents += 1;
        report.spans += spans.len();
        report.links += links.len();
        Document::from_parts(self.text, schema.clone(), self.meta, spans, links).with_brat_lines(kept_lines)
    }
}

impl PendingDocument {
    /// Makes the text one that Hashiya opens again unchanged, so that the saved article and
    /// the offsets agree: opening turns CRLF and CR into LF and refuses NUL. A CR before LF
    /// is removed (offsets after it shift back), a lone CR becomes LF and a NUL becomes
    /// U+FFFD (one char for one: no offset moves).
    fn make_text_openable(&mut self, report: &mut ImportReport) {
        if !self.text.contains(['\r', '\0']) {
            return;
        }
        let mut text = String::with_capacity(self.text.len());
        // Char offsets (in the input text) of the removed CRs, ascending.
        let mut removed = Vec::new();
        let mut nuls = 0_usize;
        let mut chars = self.text.chars().enumerate().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '\r' if chars.peek().is_some_and(|&(_, next)| next == '\n') => removed.push(at),
                '\r' => text.push('\n'),
                '\0' => {
                    nuls += 1;
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                c => text.push(c),
            }
        }
        if nuls > 0 {
            report.warn(None, DataWarning::NulCharacters { count: nuls });
        }
        if self.text.contains('\r') {
            report.warn(None, DataWarning::LineEnds);
        }
        let shifted = |offset: usize| offset - removed.partition_point(|&cr| cr < offset);
        for span in &mut self.spans {
            span.char_start = shifted(span.char_start);
            span.char_end = shifted(span.char_end);
            if let Some(expected) = &mut span.text {
                *expected = expected
                    .replace("\r\n", "\n")
                    .replace(['\r'], "\n")
                    .replace('\0', "\u{fffd}");
            }
        }
        self.text = text;
    }
}

/// Largest id an import keeps: larger ones are renumbered, so that the next id never
/// overflows and every id survives a trip through JSON tools that read numbers as doubles.
const MAX_KEPT_ID: u64 = 1 << 53;

/// What became of the id an input gave.
enum Claim {
    /// Kept.
    Kept(u64),
    /// There was none: a fresh one comes from [`IdSettler::fresh_ids`].
    Fresh,
    /// Not kept (why); a fresh one comes from [`IdSettler::fresh_ids`].
    Rejected(IdRejection),
}

/// Settles the ids of spans or of links: the input's id is kept when it is valid and free;
/// the others get fresh ids after the largest kept one.
#[derive(Default)]
struct IdSettler {
    used: HashSet<u64>,
    /// Positions of the items that need a fresh id.
    unplaced: Vec<usize>,
}

impl IdSettler {
    /// Claims `wanted` for the item at position `at`.
    fn claim(&mut self, wanted: Option<u64>, at: usize) -> Claim {
        let claim = match wanted {
            None => Claim::Fresh,
            Some(0) => Claim::Rejected(IdRejection::Zero),
            Some(id) if id > MAX_KEPT_ID => Claim::Rejected(IdRejection::TooLarge),
            Some(id) if self.used.insert(id) => return Claim::Kept(id),
            Some(_) => Claim::Rejected(IdRejection::UsedTwice),
        };
        self.unplaced.push(at);
        claim
    }

    /// Position and fresh id of each item that needs one.
    fn fresh_ids(self) -> impl Iterator<Item = (usize, u64)> {
        let first_free = self.used.iter().max().copied().unwrap_or(0) + 1;
        self.unplaced.into_iter().zip(first_free..)
    }
}

fn settle_links(
    pending: Vec<PendingLink>,
    keys: &HashMap<String, SpanId>,
    spans: &[Span],
    schema: &Schema,
    report: &mut ImportReport,
) -> (Vec<Link>, HashMap<String, LinkId>) {
    let labels: HashMap<SpanId, &str> = spans.iter().map(|s| (s.id, s.label.as_str())).collect();
    let mut ids = IdSettler::default();
    let mut seen = HashSet::new();
    let mut heads = HashSet::new();
    let mut links = Vec::with_capacity(pending.len());
    let mut link_keys = HashMap::new();
    for link in pending {
        let (Some(&from), Some(&to)) = (keys.get(&link.from), keys.get(&link.to)) else {
            report.warn(
                link.line,
                DataWarning::LinkMissingSpan {
                    kind: link.kind.clone(),
                    from: link.from.clone(),
                    to: link.to.clone(),
                },
            );
            continue;
        };
        let (kind, ends) = (link.kind.clone(), (link.from.clone(), link.to.clone()));
        if schema.relation(&link.kind).is_none() {
            let (from, to) = ends;
            report.warn(link.line, DataWarning::LinkNoRelation { kind, from, to });
            continue;
        }
        if let Some(problem) = link_problem(schema, &labels, (&seen, &heads), (&link.kind, from, to)) {
            let (from, to) = ends;
            report.warn(
                link.line,
                DataWarning::LinkRefused {
                    kind,
                    from,
                    to,
                    problem,
                },
            );
            continue;
        }
        seen.insert((link.kind.clone(), from, to));
        heads.insert((link.kind.clone(), from));
        if let Claim::Rejected(why) = ids.claim(link.id, links.len()) {
            let (from, to) = ends;
            report.warn(link.line, DataWarning::LinkIdRejected { kind, from, to, why });
        }
        if !link.key.is_empty() {
            link_keys.insert(link.key, links.len());
        }
        links.push(Link {
            id: LinkId(link.id.unwrap_or(0)),
            kind: link.kind,
            from,
            to,
        });
    }
    for (at, id) in ids.fresh_ids() {
        links[at].id = LinkId(id);
    }
    let link_keys = link_keys.into_iter().map(|(key, at)| (key, links[at].id)).collect();
    (links, link_keys)
}

/// Kept lines with their input ids replaced by the settled span and link ids; a line that
/// refers to a span or link left out is dropped (one warning for all).
fn settle_lines(
    pending: Vec<PendingLine>,
    refs: &HashMap<String, LineRef>,
    spans: &HashMap<String, SpanId>,
    links: &HashMap<String, LinkId>,
    report: &mut ImportReport,
) -> Vec<String> {
    let mut kept = Vec::with_capacity(pending.len());
    let mut dropped = Vec::new();
    for line in pending {
        let settled = crate::export::brat::repoint(&line.text, |token| match refs.get(token)? {
            LineRef::Span(key) => spans.get(key).map(|id| format!("T{}", id.0)),
            LineRef::Event(key) => spans.get(key).map(|id| format!("E{}", id.0)),
            LineRef::Link(key) => links.get(key).map(|id| format!("R{}", id.0)),
        });
        match settled {
            Some(text) => kept.push(text),
            None => dropped.push(line),
        }
    }
    if let Some(first) = dropped.first() {
        report.warn(
            first.line,
            DataWarning::LinesLeftOut {
                count: dropped.len(),
                lines: dropped.iter().filter_map(|l| l.line).collect(),
            },
        );
    }
    kept
}

type Settled<'s> = (&'s HashSet<(String, SpanId, SpanId)>, &'s HashSet<(String, SpanId)>);

/// Why a link cannot be kept in a valid document (the file reader would refuse it): its
/// labels are a pair its kind does not allow, it repeats a link, or it is a second link of a
/// kind that allows one per head.
fn link_problem(
    schema: &Schema,
    labels: &HashMap<SpanId, &str>,
    (settled, heads): Settled<'_>,
    (kind, from, to): (&str, SpanId, SpanId),
) -> Option<LinkProblem> {
    let relation = schema.relation(kind)?;
    let (head, child) = (labels.get(&from).copied()?, labels.get(&to).copied()?);
    if !relation.allows(head, child) {
        // A kind that allows any labels allows this pair: the pairs are the kind's list.
        let pairs = relation.pairs().map(|(h, c)| (h.to_owned(), c.to_owned())).collect();
        return Some(LinkProblem::Labels {
            head: head.to_owned(),
            child: child.to_owned(),
            pairs,
        });
    }
    let key = (kind.to_owned(), from, to);
    if settled.contains(&key) {
        return Some(LinkProblem::Repeats);
    }
    if !relation.multiple && heads.contains(&(kind.to_owned(), from)) {
        return Some(LinkProblem::SecondOfHead { head: head.to_owned() });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(key: &str, id: Option<u64>, label: &str, range: (usize, usize)) -> PendingSpan {
        PendingSpan {
            key: key.into(),
            id,
            label: label.into(),
            char_start: range.0,
            char_end: range.1,
            line: Some(1),
            ..PendingSpan::default()
        }
    }

    #[test]
    fn line_ends_and_nul_become_what_opening_the_article_gives_and_spans_follow() {
        // chars: قال 0..3, CR LF 3..5, حفتر 5..9, CR 9, إن 10..12, NUL 12, space, الجيش 14..19
        let pending = PendingDocument {
            text: "قال\r\nحفتر\rإن\0 الجيش".into(),
            spans: vec![
                PendingSpan {
                    text: Some("حفتر".into()),
                    ..span("T1", Some(1), "Actor", (5, 9))
                },
                span("T2", Some(2), "Actor", (14, 19)),
                // the CR of the CRLF alone: nothing is left of it
                span("T3", Some(3), "Actor", (3, 4)),
                PendingSpan {
                    text: Some("قال\r\n".into()),
                    ..span("T4", Some(4), "Quote", (0, 5))
                },
            ],
            ..PendingDocument::default()
        };
        let mut report = ImportReport::default();
        let document = pending.build(&Schema::default_schema(), &mut report);
        assert_eq!(document.text(), "قال\nحفتر\nإن\u{fffd} الجيش");
        let opened = crate::io::decode_article(document.text().as_bytes()).expect("opens");
        assert_eq!(opened.text, document.text());
        let covered: Vec<&str> = document.spans().iter().map(|s| document.span_text(s)).collect();
        assert_eq!(covered, ["قال\n", "حفتر", "الجيش"]);
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("1 NUL character in the text"), "{messages:?}");
        assert!(messages[1].contains("line ends in the text became LF"), "{messages:?}");
        assert!(messages[2].contains("outside the text"), "{messages:?}");
    }

    #[test]
    fn bad_ranges_duplicate_ids_and_dangling_links_are_warnings() {
        let pending = PendingDocument {
            text: "قال الفريق 😀 إن".into(),
            spans: vec![
                span("T1", Some(1), "Actor", (4, 10)),
                span("T1b", Some(1), "Quote", (0, 3)),
                span("T9", Some(9), "Actor", (5, 99)),
                PendingSpan {
                    text: Some("wrong".into()),
                    ..span("T2", Some(2), "Quote", (11, 12))
                },
            ],
            links: vec![
                PendingLink {
                    id: Some(1),
                    kind: "speaker".into(),
                    from: "T1b".into(),
                    to: "T1".into(),
                    line: Some(5),
                    ..PendingLink::default()
                },
                PendingLink {
                    id: Some(2),
                    kind: "speaker".into(),
                    from: "T2".into(),
                    to: "T9".into(),
                    line: Some(6),
                    ..PendingLink::default()
                },
            ],
            ..PendingDocument::default()
        };
        let mut report = ImportReport::default();
        let document = pending.build(&Schema::default_schema(), &mut report);
        assert!(document.check().is_empty(), "{:?}", document.check());
        let ids: Vec<u64> = document.spans().iter().map(|s| s.id.0).collect();
        assert_eq!(ids, [3, 1, 2]);
        assert_eq!(document.links().len(), 1);
        assert_eq!(document.links()[0].from, SpanId(3));
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].contains("used twice"));
        assert!(messages[1].contains("outside the text"));
        assert!(messages[2].contains("\"wrong\"") && messages[2].contains("\"😀\""));
        assert!(messages[3].starts_with("line 6: speaker link T2 → T9 refers to a missing span"));
        assert_eq!((report.documents, report.spans, report.links), (1, 3, 1));
    }

    fn link(id: Option<u64>, from: &str, to: &str, line: usize) -> PendingLink {
        PendingLink {
            id,
            kind: "speaker".into(),
            from: from.into(),
            to: to.into(),
            line: Some(line),
            key: String::new(),
        }
    }

    #[test]
    fn links_hashiya_would_reject_are_left_out_with_a_warning_each() {
        let pending = PendingDocument {
            text: "قال الفريق إن الاجتماع مثمر".into(),
            spans: vec![
                span("T1", Some(1), "Actor", (4, 10)),
                span("T2", Some(2), "Quote", (11, 27)),
                span("T3", Some(3), "Actor", (0, 3)),
            ],
            links: vec![
                link(Some(1), "T2", "T1", 10),
                // the same link again
                link(Some(2), "T2", "T1", 11),
                // a second speaker for one quote
                link(Some(3), "T2", "T3", 12),
                // Actor → Actor: not what a speaker link joins
                link(Some(4), "T1", "T3", 13),
                // a relation the schema does not have
                PendingLink {
                    kind: "cites".into(),
                    ..link(Some(5), "T2", "T1", 14)
                },
            ],
            ..PendingDocument::default()
        };
        let mut report = ImportReport::default();
        let document = pending.build(&Schema::default_schema(), &mut report);
        assert_eq!(document.links().len(), 1);
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        for (message, (line, words)) in messages.iter().zip([
            (11, "repeats"),
            (12, "which has one only"),
            (13, "goes from Quote to Actor"),
            (14, "no such relation"),
        ]) {
            assert!(message.starts_with(&format!("line {line}: ")), "{message}");
            assert!(message.contains(words) && message.ends_with("left out"), "{message}");
        }
        let ron = crate::io::to_ron_string(&document);
        assert_eq!(crate::io::validate_ron(&ron, document.text()), []);
    }

    #[test]
    fn ids_near_the_top_of_the_range_are_renumbered() {
        let pending = PendingDocument {
            text: "قال الفريق إن الاجتماع مثمر".into(),
            spans: vec![
                span("a", Some(u64::MAX), "Actor", (4, 10)),
                span("b", Some(u64::MAX - 1), "Quote", (11, 27)),
                span("c", Some(0), "Actor", (0, 3)),
            ],
            links: vec![link(Some(u64::MAX), "b", "a", 3)],
            ..PendingDocument::default()
        };
        let mut report = ImportReport::default();
        let document = pending.build(&Schema::default_schema(), &mut report);
        let mut ids: Vec<u64> = document.spans().iter().map(|s| s.id.0).collect();
        ids.sort_unstable();
        assert_eq!(ids, [1, 2, 3]);
        assert_eq!(document.links()[0].id, LinkId(1));
        assert_eq!(report.warnings.len(), 4, "{:?}", report.warnings);
        let ron = crate::io::to_ron_string(&document);
        assert_eq!(crate::io::validate_ron(&ron, document.text()), []);
    }
}
