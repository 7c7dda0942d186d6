//! `CoNLL` (IOB2): one token per line, `token<TAB>tag`, a blank line after each sentence,
//! a `-DOCSTART- -X- O O` line (`CoNLL-2003`'s, which spaCy and doccano split on) and a blank
//! line between documents.
//!
//! Export: tokens are cut at Unicode word boundaries (which separate punctuation) and at the
//! boundaries of the spans in the tag column, so no span is widened or lost to a token that
//! straddles it. Nested spans: the outermost span owns the tag column; spans inside it are
//! counted as flattened, spans crossing it as crossing. A sentence never ends inside a span.
//! Labels are written with whitespace as `_` (`B-Agreed_action`). Links and attributes have
//! no place in the format.
//!
//! Import: `token TAG` or `token<TAB>TAG` (multi-column files: first column and last column);
//! a line whose first field is `-DOCSTART-` (with any other columns) starts a document;
//! tokens are joined with single spaces, sentences with line breaks; IOB1, IOB2, BIOES and
//! bare (IO) tags are read. Empty tokens, tokens with spaces and stray `I-` tags are read with
//! a warning naming the line.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::export::assemble::{PendingDocument, PendingSpan};
use crate::export::names::tag_name;
use crate::export::schema_builder::SchemaBuilder;
use crate::export::tokens::{SentenceSplit, tokenize};
use crate::export::{ExportReport, ImportOptions, ImportReport, Imported};
use crate::model::{Document, DocumentMeta, Span};

/// The first field of the line that separates documents.
pub const DOCSTART: &str = "-DOCSTART-";

/// The separator written between documents: `CoNLL-2003`'s `-DOCSTART-` line, the exact form
/// spaCy's `ner` converter and doccano split on, and a blank line.
pub const DOCSTART_LINE: &str = "-DOCSTART- -X- O O\n\n";

/// Whether a line separates documents: its first field is `-DOCSTART-`, whatever follows.
fn is_docstart(line: &str) -> bool {
    line.split_whitespace().next() == Some(DOCSTART)
}

/// Options of the `CoNLL` export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ConllOptions {
    /// Where sentences end.
    pub sentences: SentenceSplit,
}

/// Exports documents to one `CoNLL` text.
#[must_use]
pub fn export_str(documents: &[Document], options: &ConllOptions) -> (String, ExportReport) {
    let mut out = String::new();
    let mut report = ExportReport::default();
    for (index, document) in documents.iter().enumerate() {
        if index > 0 {
            out.push_str(DOCSTART_LINE);
        }
        report.merge(export_document(document, options, &mut out));
    }
    (out, report)
}

/// Appends one document's sentences to `out` (without `-DOCSTART-`).
pub fn export_document(document: &Document, options: &ConllOptions, out: &mut String) -> ExportReport {
    let name = &document.meta().source_name;
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    if !document.links().is_empty() {
        report.links_dropped = document.links().len();
        report.warn(format!(
            "{name}: CoNLL holds no links; {} links not exported",
            document.links().len()
        ));
    }
    let kept = outermost_spans(document, &mut report);
    let mut splits: Vec<usize> = kept.iter().flat_map(|s| [s.char_start, s.char_end]).collect();
    splits.dedup();
    let ranges: Vec<(usize, usize)> = kept.iter().map(|s| (s.char_start, s.char_end)).collect();
    let tokens = tokenize(document.text(), &splits, &ranges, options.sentences);
    out.reserve(tokens.len() * 16);
    let mut tags: HashMap<&str, String> = HashMap::new();
    let mut next = 0;
    let mut covered = false;
    for (index, token) in tokens.iter().enumerate() {
        if token.starts_sentence && index > 0 {
            out.push('\n');
            report.sentences += 1;
        }
        while let Some(span) = kept.get(next).filter(|s| s.char_end <= token.char_start) {
            if !covered {
                lose(&mut report, name, span);
            }
            next += 1;
            covered = false;
        }
        out.push_str(token.text);
        out.push('\t');
        match kept.get(next).filter(|s| s.char_start <= token.char_start) {
            Some(span) => {
                out.push_str(if covered { "I-" } else { "B-" });
                out.push_str(tags.entry(&span.label).or_insert_with(|| tag_name(&span.label)));
                covered = true;
            }
            None => out.push('O'),
        }
        out.push('\n');
    }
    if !tokens.is_empty() {
        out.push('\n');
        report.sentences += 1;
    }
    for (offset, span) in kept.iter().skip(next).enumerate() {
        if offset > 0 || !covered {
            lose(&mut report, name, span);
        }
    }
    report.tokens = tokens.len();
    report.spans = kept.len() - report.spans_lost;
    report
}

fn lose(report: &mut ExportReport, name: &str, span: &Span) {
    report.spans_lost += 1;
    report.warn(format!(
        "{name}: span {} ({} {}..{}) covers no token; not exported",
        span.id, span.label, span.char_start, span.char_end
    ));
}

/// The spans that own the tag column, in reading order: the outermost ones; the others are
/// counted (nested: flattened; crossing an earlier span: left out, with a warning).
fn outermost_spans<'d>(document: &'d Document, report: &mut ExportReport) -> Vec<&'d Span> {
    let mut spans: Vec<&Span> = document.spans().iter().collect();
    spans.sort_by_key(|s| (s.char_start, std::cmp::Reverse(s.char_end), s.id));
    let mut kept: Vec<&Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match kept.last() {
            Some(last) if span.char_start < last.char_end => {
                if span.char_end <= last.char_end {
                    report.spans_flattened += 1;
                } else {
                    report.spans_crossing += 1;
                    report.warn(format!(
                        "{}: span {} ({} {}..{}) crosses span {} ({} {}..{}); left out of the tag column",
                        document.meta().source_name,
                        span.id,
                        span.label,
                        span.char_start,
                        span.char_end,
                        last.id,
                        last.label,
                        last.char_start,
                        last.char_end
                    ));
                }
            }
            _ => kept.push(span),
        }
    }
    kept
}

/// Imports a `CoNLL` text: one document, or one per `-DOCSTART-` section. Never fails: what
/// cannot be read is skipped with a warning naming the line.
#[must_use]
pub fn import_str(input: &str, options: &ImportOptions) -> Imported {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut reader = Reader::new(options, columns_of(input));
    for (index, line) in input.split('\n').enumerate() {
        reader.line(index + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    reader.finish()
}

/// How a line splits into token and tag when it holds no tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Columns {
    /// `token TAG`: the tag is the last field, the token all before it (it may hold spaces).
    Two,
    /// `token POS CHUNK TAG`: the token is the first field, the tag the last.
    Many,
}

/// The layout of space-separated lines: the most common field count decides.
fn columns_of(input: &str) -> Columns {
    let mut counts = [0_usize; 4];
    for line in input.lines().filter(|l| !l.contains('\t')).take(10_000) {
        let fields = line.split_whitespace().count();
        if fields > 0 && !is_docstart(line) {
            counts[fields.min(3)] += 1;
        }
    }
    if counts[3] > counts[2] {
        Columns::Many
    } else {
        Columns::Two
    }
}

/// An IOB/BIOES tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag<'a> {
    Outside,
    /// Starts a span (`B-`, and `S-`/`U-` which also end it).
    Begin(&'a str, bool),
    /// Continues a span (`I-`, and `E-`/`L-` which also end it).
    Inside(&'a str, bool),
    /// No prefix (IO tagging): continues a span of the same type, else starts one.
    Bare(&'a str),
}

fn parse_tag(tag: &str) -> Tag<'_> {
    if tag == "O" {
        return Tag::Outside;
    }
    let Some((prefix, kind)) = tag
        .split_once(['-', '_'])
        .filter(|(p, k)| p.len() == 1 && !k.is_empty())
    else {
        return Tag::Bare(tag);
    };
    match prefix {
        "B" => Tag::Begin(kind, false),
        "S" | "U" => Tag::Begin(kind, true),
        "I" => Tag::Inside(kind, false),
        "E" | "L" => Tag::Inside(kind, true),
        _ => Tag::Bare(tag),
    }
}

/// The span being read: its tag type, start char and input line.
struct OpenSpan<'a> {
    kind: &'a str,
    char_start: usize,
    char_end: usize,
    line: usize,
}

struct Reader<'o, 'i> {
    builder: SchemaBuilder<'o>,
    options: &'o ImportOptions,
    columns: Columns,
    report: ImportReport,
    documents: Vec<PendingDocument>,
    current: PendingDocument,
    char_len: usize,
    sentence_break: bool,
    open: Option<OpenSpan<'i>>,
    saw_docstart: bool,
    warned_bare: bool,
}

impl<'o, 'i> Reader<'o, 'i> {
    fn new(options: &'o ImportOptions, columns: Columns) -> Self {
        Self {
            builder: SchemaBuilder::new(options),
            options,
            columns,
            report: ImportReport::default(),
            documents: Vec::new(),
            current: PendingDocument::default(),
            char_len: 0,
            sentence_break: false,
            open: None,
            saw_docstart: false,
            warned_bare: false,
        }
    }

    fn line(&mut self, number: usize, line: &'i str) {
        if line.trim().is_empty() {
            self.close_span();
            self.sentence_break = true;
            return;
        }
        if is_docstart(line) {
            self.saw_docstart = true;
            self.end_document();
            return;
        }
        let (token, tag) = self.split(number, line);
        if token.is_empty() {
            self.report.warn(Some(number), "empty token; skipped");
            return;
        }
        if token.contains(char::is_whitespace) {
            self.report.warn(
                Some(number),
                format!("token \"{token}\" contains whitespace; kept (it exports as several tokens)"),
            );
        }
        self.report.tokens += 1;
        let char_start = self.push_token(token);
        self.tag(number, tag, char_start);
    }

    fn split(&mut self, number: usize, line: &'i str) -> (&'i str, &'i str) {
        let split = if line.contains('\t') {
            let mut fields = line.split('\t');
            let token = fields.next().unwrap_or_default();
            fields.next_back().map(|tag| (token, tag))
        } else {
            let line = line.trim_end();
            match self.columns {
                Columns::Two => line.rsplit_once(char::is_whitespace),
                Columns::Many => line.split_whitespace().next().zip(line.split_whitespace().next_back()),
            }
        };
        match split {
            Some((token, tag)) if !tag.trim().is_empty() => (token.trim(), tag.trim()),
            _ => {
                self.report.warn(Some(number), "no tag; read as O");
                (line.trim(), "O")
            }
        }
    }

    /// Appends a token to the text and returns its first char offset.
    fn push_token(&mut self, token: &str) -> usize {
        if !self.current.text.is_empty() {
            self.current.text.push(if self.sentence_break { '\n' } else { ' ' });
            self.char_len += 1;
        }
        self.sentence_break = false;
        let char_start = self.char_len;
        self.current.text.push_str(token);
        self.char_len += token.chars().count();
        char_start
    }

    fn tag(&mut self, number: usize, raw: &'i str, char_start: usize) {
        let char_end = self.char_len;
        let (kind, ends) = match parse_tag(raw) {
            Tag::Outside => {
                self.close_span();
                return;
            }
            Tag::Inside(kind, ends) if self.extend(kind, char_end) => {
                if ends {
                    self.close_span();
                }
                return;
            }
            Tag::Bare(kind) if self.extend(kind, char_end) => return,
            Tag::Inside(kind, ends) => {
                self.report
                    .warn(Some(number), format!("{raw} follows no {kind} span; starts a new one"));
                (kind, ends)
            }
            Tag::Bare(kind) => {
                if !std::mem::replace(&mut self.warned_bare, true) {
                    self.report.warn(
                        Some(number),
                        format!("tag \"{kind}\" has no B-/I- prefix; such tags are read as IO tags"),
                    );
                }
                (kind, false)
            }
            Tag::Begin(kind, ends) => (kind, ends),
        };
        self.close_span();
        self.open = Some(OpenSpan {
            kind,
            char_start,
            char_end,
            line: number,
        });
        if ends {
            self.close_span();
        }
    }

    /// Extends the open span over the current token when it has this type.
    fn extend(&mut self, kind: &str, char_end: usize) -> bool {
        match &mut self.open {
            Some(open) if open.kind == kind => {
                open.char_end = char_end;
                true
            }
            _ => false,
        }
    }

    fn close_span(&mut self) {
        if let Some(open) = self.open.take() {
            let label = self.builder.label(open.kind);
            self.current.spans.push(PendingSpan {
                label,
                char_start: open.char_start,
                char_end: open.char_end,
                line: Some(open.line),
                ..PendingSpan::default()
            });
        }
    }

    fn end_document(&mut self) {
        self.close_span();
        self.sentence_break = false;
        self.char_len = 0;
        let document = std::mem::take(&mut self.current);
        if !document.text.is_empty() {
            self.documents.push(document);
        }
    }

    fn finish(mut self) -> Imported {
        self.end_document();
        let schema = self.builder.finish(&mut self.report);
        let width = self.documents.len().to_string().len().max(3);
        let numbered = self.saw_docstart && self.documents.len() > 1;
        let mut documents = Vec::with_capacity(self.documents.len());
        for (index, mut pending) in self.documents.into_iter().enumerate() {
            let mut source_name = self.options.name.clone();
            if numbered {
                let _ = write!(source_name, "-{:0width$}", index + 1);
            }
            source_name.push_str(".txt");
            pending.meta = DocumentMeta {
                source_name,
                annotator: self.options.annotator.clone(),
                status: self.options.status,
            };
            documents.push(pending.build(&schema, &mut self.report));
        }
        Imported {
            documents,
            report: self.report,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Schema, SpanId};

    fn document(text: &str, spans: &[(&str, usize, usize)]) -> Document {
        let spans = spans
            .iter()
            .enumerate()
            .map(|(i, &(label, start, end))| Span::new(SpanId(i as u64 + 1), label, start, end))
            .collect();
        let meta = DocumentMeta {
            source_name: "t.txt".into(),
            ..DocumentMeta::default()
        };
        Document::from_parts(text.into(), Schema::default_schema(), meta, spans, Vec::new())
    }

    #[test]
    fn iob2_with_span_boundaries_inside_words() {
        // "وستيفاني": the span starts after the conjunction و, inside the word.
        let doc = document(
            "قالت وستيفاني وليامز. ثم غادرت",
            &[("Actor", 6, 20), ("Agreed action", 25, 30)],
        );
        let (text, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert_eq!(
            text,
            "قالت\tO\nو\tO\nستيفاني\tB-Actor\nوليامز\tI-Actor\n.\tO\n\nثم\tO\nغادرت\tB-Agreed_action\n\n"
        );
        assert_eq!((report.tokens, report.sentences, report.spans), (7, 2, 2));
    }

    #[test]
    fn nested_spans_flatten_and_crossing_spans_are_reported() {
        let doc = document(
            "بعثة الأمم المتحدة في ليبيا",
            &[("Actor", 0, 27), ("Actor", 5, 18), ("Quote", 22, 27), ("Quote", 19, 21)],
        );
        let (text, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert!(text.lines().all(|l| l.is_empty() || l.ends_with("-Actor")), "{text}");
        assert_eq!((report.spans, report.spans_flattened, report.spans_crossing), (1, 3, 0));
        let doc = document("أ ب ج د", &[("Actor", 0, 3), ("Quote", 2, 5), ("Quote", 6, 7)]);
        let (text, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert_eq!(text, "أ\tB-Actor\nب\tI-Actor\nج\tO\nد\tB-Quote\n\n");
        assert_eq!((report.spans, report.spans_crossing), (2, 1));
        assert!(report.warnings[0].contains("crosses span T1"), "{:?}", report.warnings);
    }

    #[test]
    fn whitespace_spans_are_lost_and_counted() {
        let doc = document("أ  ب", &[("Actor", 1, 3), ("Quote", 3, 4)]);
        let (text, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert_eq!(text, "أ\tO\nب\tB-Quote\n\n");
        assert_eq!((report.spans, report.spans_lost), (1, 1));
        let doc = document("أ ب ", &[("Actor", 3, 4)]);
        let (_, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert_eq!((report.spans, report.spans_lost), (0, 1));
    }

    #[test]
    fn documents_are_separated_and_links_reported() {
        let a = document("أ", &[("Actor", 0, 1)]);
        let b = document("ب", &[]);
        let (text, report) = export_str(&[a, b], &ConllOptions::default());
        assert_eq!(text, "أ\tB-Actor\n\n-DOCSTART- -X- O O\n\nب\tO\n\n");
        assert_eq!(report.documents, 2);
        // Both separators read back: the one written, and the older `-DOCSTART-<TAB>O`.
        for separator in ["-DOCSTART- -X- O O", "-DOCSTART-\tO", "-DOCSTART-"] {
            let input = text.replace("-DOCSTART- -X- O O", separator);
            let imported = import_str(&input, &ImportOptions::new("d"));
            let texts: Vec<&str> = imported.documents.iter().map(Document::text).collect();
            assert_eq!(texts, ["أ", "ب"], "{separator:?}");
            assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        }
    }

    #[test]
    fn import_messy_input_with_warnings() {
        let input = "\u{feff}قال O\n O\nمحمد B-PERS\nالحداد I-PERS\nفي I-LOC\nطرابلس I-LOC\nالصالحية ونايفة O\nوحيد\n\nثم E-ORG\nx S-ORG\ny Z\nz Z\n";
        let mut options = ImportOptions::new("anercorp");
        options.label_map = ImportOptions::parse_label_map("PERS=Actor").expect("map");
        let imported = import_str(input, &options);
        let report = &imported.report;
        let messages: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "line 2: empty token; skipped",
                "line 5: I-LOC follows no LOC span; starts a new one",
                "line 7: token \"الصالحية ونايفة\" contains whitespace; kept (it exports as several tokens)",
                "line 8: no tag; read as O",
                "line 10: E-ORG follows no ORG span; starts a new one",
                "line 12: tag \"Z\" has no B-/I- prefix; such tags are read as IO tags",
            ]
        );
        let [doc] = imported.documents.as_slice() else {
            panic!("one document")
        };
        assert_eq!(doc.meta().source_name, "anercorp.txt");
        assert_eq!(doc.text(), "قال محمد الحداد في طرابلس الصالحية ونايفة وحيد\nثم x y z");
        let spans: Vec<(&str, &str)> = doc
            .spans()
            .iter()
            .map(|s| (s.label.as_str(), doc.span_text(s)))
            .collect();
        assert_eq!(
            spans,
            [
                ("Actor", "محمد الحداد"),
                ("LOC", "في طرابلس"),
                ("ORG", "ثم"),
                ("ORG", "x"),
                ("Z", "y z")
            ]
        );
        assert_eq!(report.labels_added, ["LOC", "ORG", "Z"]);
        assert_eq!(report.tokens, 11);
        assert!(doc.check().is_empty());
    }

    #[test]
    fn import_docstart_tabs_and_multi_column() {
        let input = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\n";
        let imported = import_str(input, &ImportOptions::new("c"));
        let names: Vec<&str> = imported
            .documents
            .iter()
            .map(|d| d.meta().source_name.as_str())
            .collect();
        assert_eq!(names, ["c-001.txt", "c-002.txt"]);
        assert_eq!(imported.documents[0].text(), "EU rejects");
        assert_eq!(imported.documents[0].spans()[0].label, "ORG");
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let imported = import_str(
            "a b\tB-Agreed_action\r\nc\tI-Agreed_action\r\n\tO\r\n",
            &ImportOptions::new("t"),
        );
        let doc = &imported.documents[0];
        assert_eq!(doc.text(), "a b c");
        assert_eq!(doc.spans()[0].label, "Agreed action");
        assert_eq!(doc.span_text(&doc.spans()[0]), "a b c");
        assert_eq!(imported.report.warnings.len(), 2);
    }

    #[test]
    fn import_never_panics_on_garbage() {
        for input in [
            "",
            "\n\n\n",
            "-DOCSTART-",
            "B-",
            "x B-",
            "x I-",
            "\t\t\t",
            "x\t",
            " \u{feff} O",
            "é I-é\n\u{0}",
        ] {
            let imported = import_str(input, &ImportOptions::new("g"));
            for doc in &imported.documents {
                assert!(doc.check().is_empty(), "{input:?}");
            }
        }
    }
}
