use std::collections::{BTreeMap, HashMap, HashSet};

use crate::export::ImportReport;
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
    /// The text the input says the span covers, checked against the document text.
    pub text: Option<String>,
    /// Input line, for warnings.
    pub line: Option<usize>,
}

/// A link as an importer read it: its ends are span keys.
#[derive(Debug, Default)]
pub(crate) struct PendingLink {
    pub id: Option<u64>,
    /// Schema relation kind (already resolved).
    pub kind: String,
    pub from: String,
    pub to: String,
    pub line: Option<usize>,
}

/// A document read but not yet built (the schema is final only after the whole input).
#[derive(Debug, Default)]
pub(crate) struct PendingDocument {
    pub text: String,
    pub meta: DocumentMeta,
    pub spans: Vec<PendingSpan>,
    pub links: Vec<PendingLink>,
}

impl PendingDocument {
    /// Builds the document: spans outside the text are dropped, ids settled (kept when free,
    /// fresh otherwise), links to missing spans dropped; each problem is a warning.
    pub(crate) fn build(self, schema: &Schema, report: &mut ImportReport) -> Document {
        let index = CharIndex::new(&self.text);
        let char_len = index.char_len();
        let mut spans = Vec::with_capacity(self.spans.len());
        let mut used = HashSet::new();
        let mut keys: HashMap<String, SpanId> = HashMap::new();
        let mut unplaced = Vec::new();
        for pending in self.spans {
            if pending.char_start >= pending.char_end || pending.char_end > char_len {
                report.warn(
                    pending.line,
                    format!(
                        "span {} has range {}..{} outside the text (0..{char_len}); left out",
                        pending.key, pending.char_start, pending.char_end
                    ),
                );
                continue;
            }
            if let Some(expected) = &pending.text {
                let actual = index.slice(&self.text, pending.char_start..pending.char_end);
                if actual != expected {
                    report.warn(
                        pending.line,
                        format!(
                            "span {} says it covers \"{expected}\" but {}..{} holds \"{actual}\"; offsets kept",
                            pending.key, pending.char_start, pending.char_end
                        ),
                    );
                }
            }
            let id = pending.id.filter(|&id| id > 0 && used.insert(id));
            if id.is_none() && pending.id.is_some() {
                report.warn(
                    pending.line,
                    format!("span id {} is used twice; given a new id", pending.key),
                );
            }
            let mut span = Span::new(
                SpanId(id.unwrap_or(0)),
                pending.label,
                pending.char_start,
                pending.char_end,
            );
            span.attributes = pending.attributes;
            span.note = pending.note;
            span.needs_review = pending.needs_review;
            if id.is_none() {
                unplaced.push((spans.len(), pending.key.clone()));
            } else if !pending.key.is_empty() && keys.insert(pending.key.clone(), span.id).is_some() {
                report.warn(pending.line, format!("span id {} is used twice", pending.key));
            }
            spans.push(span);
        }
        let first_free = used.iter().max().copied().unwrap_or(0) + 1;
        for ((at, key), id) in unplaced.into_iter().zip(first_free..) {
            spans[at].id = SpanId(id);
            if !key.is_empty() {
                keys.entry(key).or_insert(SpanId(id));
            }
        }
        let links = settle_links(self.links, &keys, &spans, schema, report);
        report.documents += 1;
        report.spans += spans.len();
        report.links += links.len();
        Document::from_parts(self.text, schema.clone(), self.meta, spans, links)
    }
}

fn settle_links(
    pending: Vec<PendingLink>,
    keys: &HashMap<String, SpanId>,
    spans: &[Span],
    schema: &Schema,
    report: &mut ImportReport,
) -> Vec<Link> {
    let labels: HashMap<SpanId, &str> = spans.iter().map(|s| (s.id, s.label.as_str())).collect();
    let mut used = HashSet::new();
    let mut links = Vec::with_capacity(pending.len());
    let mut unplaced = Vec::new();
    for link in pending {
        let (Some(&from), Some(&to)) = (keys.get(&link.from), keys.get(&link.to)) else {
            report.warn(
                link.line,
                format!(
                    "{} link {} → {} refers to a missing span; left out",
                    link.kind, link.from, link.to
                ),
            );
            continue;
        };
        if let Some(relation) = schema.relation(&link.kind) {
            let (head, child) = (labels.get(&from).copied(), labels.get(&to).copied());
            if head != Some(relation.from_label.as_str()) || child != Some(relation.to_label.as_str()) {
                report.warn(
                    link.line,
                    format!(
                        "{} link goes from {} to {}; the schema expects {} → {}",
                        link.kind,
                        head.unwrap_or("?"),
                        child.unwrap_or("?"),
                        relation.from_label,
                        relation.to_label
                    ),
                );
            }
        }
        let id = link.id.filter(|&id| id > 0 && used.insert(id));
        if id.is_none() {
            unplaced.push(links.len());
        }
        links.push(Link {
            id: LinkId(id.unwrap_or(0)),
            kind: link.kind,
            from,
            to,
        });
    }
    let first_free = used.iter().max().copied().unwrap_or(0) + 1;
    for (at, id) in unplaced.into_iter().zip(first_free..) {
        links[at].id = LinkId(id);
    }
    links
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
                },
                PendingLink {
                    id: Some(2),
                    kind: "speaker".into(),
                    from: "T2".into(),
                    to: "T9".into(),
                    line: Some(6),
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
}
