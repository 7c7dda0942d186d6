//! Counts for the `stats` command and the Statistics window: spans per label and per
//! document, links per kind.

use std::fmt;

use crate::model::{Document, Status};
use crate::text::plural::counted;

/// Counts of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentStats {
    /// The document's file name.
    pub name: String,
    /// Its status.
    pub status: Status,
    /// Number of spans.
    pub spans: usize,
    /// Number of links.
    pub links: usize,
    /// Spans per label, in schema order (labels of the schema with no span included).
    pub spans_per_label: Vec<(String, usize)>,
}

/// Counts over several documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Per document, in the order added.
    pub documents: Vec<DocumentStats>,
    /// Spans per label over all documents, in schema order (then first use).
    pub spans_per_label: Vec<(String, usize)>,
    /// Links per relation kind, in schema order (then first use).
    pub links_per_kind: Vec<(String, usize)>,
    /// All spans.
    pub spans: usize,
    /// All links.
    pub links: usize,
}

impl Stats {
    /// The counts of these documents.
    pub fn of<'d>(documents: impl IntoIterator<Item = &'d Document>) -> Self {
        let mut stats = Self::default();
        for document in documents {
            stats.add(document);
        }
        stats
    }

    /// Adds one document's counts.
    pub fn add(&mut self, document: &Document) {
        let mut per_label: Vec<(String, usize)> =
            document.schema().labels.iter().map(|l| (l.name.clone(), 0)).collect();
        for span in document.spans() {
            bump(&mut per_label, &span.label, 1);
        }
        for relation in &document.schema().relations {
            bump(&mut self.links_per_kind, &relation.name, 0);
        }
        for link in document.links() {
            bump(&mut self.links_per_kind, &link.kind, 1);
        }
        for (label, count) in &per_label {
            bump(&mut self.spans_per_label, label, *count);
        }
        self.spans += document.spans().len();
        self.links += document.links().len();
        self.documents.push(DocumentStats {
            name: document.meta().source_name.clone(),
            status: document.meta().status,
            spans: document.spans().len(),
            links: document.links().len(),
            spans_per_label: per_label,
        });
    }
}

fn bump(counts: &mut Vec<(String, usize)>, name: &str, by: usize) {
    match counts.iter_mut().find(|(n, _)| n == name) {
        Some((_, count)) => *count += by,
        None => counts.push((name.to_owned(), by)),
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = |names: &mut dyn Iterator<Item = &String>| names.map(|n| n.chars().count()).max().unwrap_or(0);
        writeln!(f, "Spans per label:")?;
        let w = width(&mut self.spans_per_label.iter().map(|(n, _)| n));
        for (label, count) in &self.spans_per_label {
            writeln!(f, "  {label:<w$}  {count:>7}")?;
        }
        writeln!(f, "Links per kind:")?;
        let w = width(&mut self.links_per_kind.iter().map(|(n, _)| n));
        for (kind, count) in &self.links_per_kind {
            writeln!(f, "  {kind:<w$}  {count:>7}")?;
        }
        writeln!(f, "Spans per document:")?;
        let w = width(&mut self.documents.iter().map(|d| &d.name));
        for document in &self.documents {
            let labels: Vec<String> = document
                .spans_per_label
                .iter()
                .filter(|(_, c)| *c > 0)
                .map(|(l, c)| format!("{l} {c}"))
                .collect();
            write!(
                f,
                "  {:<w$}  {:>13}  {:>11}  ({})",
                document.name,
                counted(document.spans, "span", "spans"),
                counted(document.links, "link", "links"),
                document.status.label()
            )?;
            if labels.is_empty() {
                writeln!(f)?;
            } else {
                writeln!(f, "  {}", labels.join(", "))?;
            }
        }
        write!(
            f,
            "Total: {}, {}, {}",
            counted(self.documents.len(), "document", "documents"),
            counted(self.spans, "span", "spans"),
            counted(self.links, "link", "links")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Link, LinkId, Schema, Span, SpanId};

    #[test]
    fn counts_per_label_document_and_kind() {
        let meta = |name: &str| DocumentMeta {
            source_name: name.into(),
            ..DocumentMeta::default()
        };
        let spans = vec![
            Span::new(SpanId(1), "Actor", 0, 1),
            Span::new(SpanId(2), "Quote", 2, 3),
            Span::new(SpanId(3), "Actor", 4, 5),
        ];
        let link = Link {
            id: LinkId(1),
            kind: "speaker".into(),
            from: SpanId(2),
            to: SpanId(1),
        };
        let a = Document::from_parts(
            "a b c d e".into(),
            Schema::default_schema(),
            meta("a.txt"),
            spans,
            vec![link],
        );
        let b = Document::new("x".into(), Schema::default_schema(), meta("b.txt"));
        let stats = Stats::of([&a, &b]);
        assert_eq!(
            stats.spans_per_label,
            [("Actor".into(), 2), ("Quote".into(), 1), ("Agreed action".into(), 0)]
        );
        assert_eq!(stats.links_per_kind, [("speaker".into(), 1), ("party".into(), 0)]);
        assert_eq!((stats.spans, stats.links, stats.documents.len()), (3, 1, 2));
        let text = stats.to_string();
        assert!(text.contains("  Actor                2\n"), "{text}");
        assert!(
            text.contains("  b.txt        0 spans      0 links  (not started)\n"),
            "{text}"
        );
        assert!(
            text.contains("  a.txt        3 spans       1 link  (not started)  Actor 2, Quote 1\n"),
            "{text}"
        );
        assert!(text.ends_with("Total: 2 documents, 3 spans, 1 link"), "{text}");
    }
}
