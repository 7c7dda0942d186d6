//! `CoNLL` (IOB2): one token per line, `token<TAB>tag`, a blank line after each sentence,
//! a `-DOCSTART- -X- O O` line (`CoNLL-2003`'s, which spaCy and doccano split on) and a blank
//! line between documents.
//!
//! Export: tokens are cut at Unicode word boundaries (which separate punctuation) and at the
//! boundaries of the spans in the tag column, so no span is widened or lost to a token that
//! straddles it. Nested spans: the outermost span owns the tag column; spans inside it are
//! counted as flattened, spans crossing it as crossing, each named in a warning. Layered files
//! (`ConllOptions::layers`) have a tag column per label, so only spans inside a span of their
//! own label are flattened. A sentence never ends inside a span.
//! Labels are written with whitespace as `_` (`B-Agreed_action`). Links and attributes have
//! no place in the format.
//!
//! Import: `token TAG` or `token<TAB>TAG` (multi-column files: first column and last column,
//! or the column of [`ImportOptions::tag_column`]; the other columns are not kept);
//! a line whose first field is `-DOCSTART-` (with any other columns) starts a document; a
//! layered file (first line [`LAYERS_HEADER`]) is read column by column;
//! tokens are joined with single spaces, sentences with line breaks, and the documents are
//! marked [`Tokenization::Whitespace`] so that the exports give back those tokens and
//! sentences; IOB1, IOB2, BIOES and bare (IO) tags are read. Empty tokens (dropped: a text
//! joined by spaces cannot hold them), tokens with whitespace (kept whole, each whitespace
//! char held as U+00A0 and exported as a space) and stray `I-` tags (exported `B-`) are read
//! with a warning naming the line.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::export::assemble::{PendingDocument, PendingSpan};
use crate::export::names::tag_name;
use crate::export::schema_builder::SchemaBuilder;
use crate::export::tokens::{JOINED_SPACE, SentenceSplit, Token, exported_text, is_separator, tokenize_document};
use crate::export::warning::{DataWarning, LinklessFormat, SpanLoss, SpanRef};
use crate::export::{ExportReport, ImportOptions, ImportReport, Imported};
use crate::model::{Document, DocumentMeta, Span, Tokenization};

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
    /// One IOB2 tag column per label (layered `CoNLL`, the way PARC 3.0 distributes
    /// attribution), so that spans nested in or crossing spans of other labels are kept;
    /// otherwise one tag column, owned by the outermost spans.
    pub layers: bool,
}

/// The start of the first line of a layered file, which names its columns:
/// `# columns: token Actor Quote Agreed_action`.
pub const LAYERS_HEADER: &str = "# columns: token";

/// The labels that get a tag column in a layered export of `documents`: the schemas' labels in
/// their order, then any other label a span uses, each once.
#[must_use]
pub fn layer_labels<'d>(documents: impl IntoIterator<Item = &'d Document>) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let mut add = |label: &str| {
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    };
    let documents: Vec<&Document> = documents.into_iter().collect();
    for document in &documents {
        document.schema().labels.iter().for_each(|l| add(&l.name));
    }
    for document in &documents {
        document.spans().iter().for_each(|s| add(&s.label));
    }
    labels
}

/// Writes documents into one `CoNLL` text: the header of a layered file, then the documents
/// with the `-DOCSTART-` separator between them.
pub struct ConllWriter {
    options: ConllOptions,
    /// The labels of the tag columns of a layered file, in column order.
    layers: Vec<String>,
    out: String,
    documents: usize,
}

impl ConllWriter {
    /// A writer for `documents` (their labels make the columns of a layered file; the
    /// documents are written with [`ConllWriter::push`]).
    #[must_use]
    pub fn new<'d>(options: ConllOptions, documents: impl IntoIterator<Item = &'d Document>) -> Self {
        let layers = if options.layers {
            layer_labels(documents)
        } else {
            Vec::new()
        };
        let mut out = String::new();
        if options.layers {
            out.push_str(LAYERS_HEADER);
            for label in &layers {
                out.push(' ');
                out.push_str(&tag_name(label));
            }
            // A blank line: readers that do not know the header see it as a sentence of its own.
            out.push_str("\n\n");
        }
        Self {
            options,
            layers,
            out,
            documents: 0,
        }
    }

    /// Appends one document (after a separator, unless it is the first).
    pub fn push(&mut self, document: &Document) -> ExportReport {
        if self.documents > 0 {
            if self.options.layers {
                // As many columns as a token line, so that table readers see one shape.
                self.out.push_str(DOCSTART);
                self.layers.iter().for_each(|_| self.out.push_str("\tO"));
                self.out.push_str("\n\n");
            } else {
                self.out.push_str(DOCSTART_LINE);
            }
        }
        self.documents += 1;
        let mut report = ExportReport {
            documents: 1,
            ..ExportReport::default()
        };
        let columns = if self.options.layers {
            layered_columns(document, &self.layers, &mut report)
        } else {
            vec![outermost_spans(document, document.spans().iter(), &mut report)]
        };
        write_document(document, columns, self.options.sentences, &mut self.out, &mut report);
        report
    }

    /// The text written.
    #[must_use]
    pub fn finish(self) -> String {
        self.out
    }
}

/// Exports documents to one `CoNLL` text.
#[must_use]
pub fn export_str(documents: &[Document], options: &ConllOptions) -> (String, ExportReport) {
    let mut writer = ConllWriter::new(*options, documents);
    let mut report = ExportReport::default();
    for document in documents {
        report.merge(writer.push(document));
    }
    (writer.finish(), report)
}

/// The spans of each tag column of a layered file: per label, the outermost spans of that label.
fn layered_columns<'d>(document: &'d Document, layers: &[String], report: &mut ExportReport) -> Vec<Vec<&'d Span>> {
    let columns = layers
        .iter()
        .map(|label| outermost_spans(document, document.spans().iter().filter(|s| &s.label == label), report))
        .collect();
    for span in document.spans().iter().filter(|s| !layers.contains(&s.label)) {
        // Only when the caller chose the columns without this document's labels.
        report.spans_lost += 1;
        report.warn(DataWarning::SpanLeftOut {
            document: document.meta().source_name.clone(),
            span: SpanRef::of(span),
            why: SpanLoss::NoColumn,
        });
    }
    columns
}

/// Appends one document's sentences to `out`, one tag column per entry of `columns` (each
/// holding disjoint spans in reading order).
fn write_document(
    document: &Document,
    columns: Vec<Vec<&Span>>,
    sentences: SentenceSplit,
    out: &mut String,
    report: &mut ExportReport,
) {
    if !document.links().is_empty() {
        report.links_dropped = document.links().len();
        report.warn(DataWarning::LinksDropped {
            document: document.meta().source_name.clone(),
            format: LinklessFormat::Conll,
            count: document.links().len(),
        });
    }
    let tagged = TaggedTokens::new(document, columns, sentences, report);
    out.reserve(tagged.tokens.len() * (8 + 8 * tagged.columns));
    let mut tags: HashMap<&str, String> = HashMap::new();
    for (index, token) in tagged.tokens.iter().enumerate() {
        if token.starts_sentence && index > 0 {
            out.push('\n');
        }
        out.push_str(&exported_text(document.tokenization(), token));
        for tag in tagged.tags_of(index) {
            out.push('\t');
            match tag {
                Some((begin, label)) => {
                    out.push_str(if *begin { "B-" } else { "I-" });
                    out.push_str(tags.entry(label).or_insert_with(|| tag_name(label)));
                }
                None => out.push('O'),
            }
        }
        out.push('\n');
    }
    if !tagged.tokens.is_empty() {
        out.push('\n');
    }
}

/// A document's tokens with their IOB2 tags in one or more tag columns: what a `CoNLL` file
/// and the token-classification JSONL write, from one tokenization.
pub(crate) struct TaggedTokens<'d> {
    /// The tokens in reading order; `starts_sentence` marks each sentence's first.
    pub(crate) tokens: Vec<Token<'d>>,
    /// Tag columns per token.
    pub(crate) columns: usize,
    /// `tags[token * columns + column]`: `None` outside spans, else whether the token begins
    /// the span and the span's label.
    tags: Vec<Option<(bool, &'d str)>>,
}

impl<'d> TaggedTokens<'d> {
    /// Tokenizes `document` so that every span of `columns` (each column holding disjoint spans
    /// in reading order) starts and ends at a token boundary, and tags the tokens. Counts
    /// tokens, sentences, spans written and spans covering no token in `report`.
    pub(crate) fn new(
        document: &'d Document,
        columns: Vec<Vec<&'d Span>>,
        sentences: SentenceSplit,
        report: &mut ExportReport,
    ) -> Self {
        let name = &document.meta().source_name;
        let lost_before = report.spans_lost;
        let mut splits: Vec<usize> = columns
            .iter()
            .flatten()
            .flat_map(|s| [s.char_start, s.char_end])
            .collect();
        splits.sort_unstable();
        splits.dedup();
        let ranges = merged_ranges(columns.iter().flatten().map(|s| (s.char_start, s.char_end)));
        let tokens = tokenize_document(document, &splits, &ranges, sentences);
        let width = columns.len();
        let mut columns: Vec<Column<'_>> = columns.into_iter().map(Column::new).collect();
        let mut tags = Vec::with_capacity(tokens.len() * width);
        for token in &tokens {
            for column in &mut columns {
                tags.push(
                    column
                        .tag(token, name, report)
                        .map(|(begin, span)| (begin, span.label.as_str())),
                );
            }
        }
        let mut kept = 0;
        for column in &columns {
            column.finish(name, report);
            kept += column.kept.len();
        }
        report.tokens = tokens.len();
        report.sentences = tokens.iter().filter(|t| t.starts_sentence).count();
        report.spans = kept - (report.spans_lost - lost_before).min(kept);
        Self {
            tokens,
            columns: width,
            tags,
        }
    }

    /// The tags of one token, a tag per column.
    pub(crate) fn tags_of(&self, token: usize) -> &[Option<(bool, &'d str)>] {
        self.tags
            .get(token * self.columns..(token + 1) * self.columns)
            .unwrap_or_default()
    }

    /// The token ranges of the sentences, in order.
    pub(crate) fn sentences(&self) -> Vec<std::ops::Range<usize>> {
        let mut starts: Vec<usize> = (0..self.tokens.len())
            .filter(|&i| i == 0 || self.tokens[i].starts_sentence)
            .collect();
        starts.push(self.tokens.len());
        starts
            .windows(2)
            .map(|w| w[0]..w[1])
            .filter(|r| !r.is_empty())
            .collect()
    }
}

/// The one-column tagging of `document`: its outermost spans (nested ones counted as flattened
/// and named in warnings, as in a one-column `CoNLL` file).
pub(crate) fn tag_outermost<'d>(
    document: &'d Document,
    sentences: SentenceSplit,
    report: &mut ExportReport,
) -> TaggedTokens<'d> {
    let column = outermost_spans(document, document.spans().iter(), report);
    TaggedTokens::new(document, vec![column], sentences, report)
}

/// Sorted, disjoint ranges covering the given ones (overlapping ranges merged), where no
/// sentence may end.
pub(crate) fn merged_ranges(ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = ranges.collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// One tag column being written: its spans and where the tokens have reached.
struct Column<'d> {
    kept: Vec<&'d Span>,
    /// The first span not yet passed.
    next: usize,
    /// Whether a token of `kept[next]` was written.
    covered: bool,
}

impl<'d> Column<'d> {
    fn new(kept: Vec<&'d Span>) -> Self {
        Self {
            kept,
            next: 0,
            covered: false,
        }
    }

    /// The span covering `token` in this column and whether the token begins it.
    fn tag(&mut self, token: &Token<'_>, name: &str, report: &mut ExportReport) -> Option<(bool, &'d Span)> {
        while let Some(&span) = self.kept.get(self.next).filter(|s| s.char_end <= token.char_start) {
            if !self.covered {
                lose(report, name, span);
            }
            self.next += 1;
            self.covered = false;
        }
        let span = *self.kept.get(self.next).filter(|s| s.char_start <= token.char_start)?;
        Some((!std::mem::replace(&mut self.covered, true), span))
    }

    /// Counts the spans after the last token that no token covered.
    fn finish(&self, name: &str, report: &mut ExportReport) {
        for (offset, span) in self.kept.iter().skip(self.next).enumerate() {
            if offset > 0 || !self.covered {
                lose(report, name, span);
            }
        }
    }
}

fn lose(report: &mut ExportReport, name: &str, span: &Span) {
    report.spans_lost += 1;
    report.warn(DataWarning::SpanLeftOut {
        document: name.to_owned(),
        span: SpanRef::of(span),
        why: SpanLoss::NoToken,
    });
}

/// The spans that own a tag column, in reading order: the outermost ones; the others are
/// counted and named in a warning (nested: flattened; crossing an earlier span: left out).
fn outermost_spans<'d>(
    document: &Document,
    spans: impl Iterator<Item = &'d Span>,
    report: &mut ExportReport,
) -> Vec<&'d Span> {
    outermost(spans, |span, last| {
        let inside = span.char_end <= last.char_end;
        if inside {
            report.spans_flattened += 1;
        } else {
            report.spans_crossing += 1;
        }
        report.warn(DataWarning::SpanHidden {
            document: document.meta().source_name.clone(),
            span: SpanRef::of(span),
            inside,
            other: SpanRef::of(last),
            // A span of another label survives in a layered file (a column per label).
            other_label: span.label != last.label,
        });
    })
}

/// The outermost of `spans` in reading order: by start, longest first, then id, a span that
/// starts inside the last one kept is left out and passed to `left_out` with that span. One
/// rule for every format that needs disjoint spans (a tag column, spaCy's `doc.ents`).
pub(crate) fn outermost<'d>(
    spans: impl Iterator<Item = &'d Span>,
    mut left_out: impl FnMut(&'d Span, &'d Span),
) -> Vec<&'d Span> {
    let mut spans: Vec<&Span> = spans.collect();
    spans.sort_by_key(|s| (s.char_start, std::cmp::Reverse(s.char_end), s.id));
    let mut kept: Vec<&Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match kept.last() {
            Some(&last) if span.char_start < last.char_end => left_out(span, last),
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
    let mut lines = input.split('\n').enumerate().peekable();
    if is_layered(input) {
        // The header names the tag columns: each is read on its own (spans of one column
        // never overlap; spans of different columns may).
        while lines.next_if(|(_, l)| l.trim().is_empty()).is_some() {}
        if let Some(columns) = lines.next().and_then(|(_, header)| header.strip_prefix(LAYERS_HEADER)) {
            reader.layers(columns.split_whitespace());
        }
    }
    for (index, line) in lines {
        reader.line(index + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    reader.finish()
}

/// Whether `input` is a layered export (its first line is the [`LAYERS_HEADER`]).
#[must_use]
pub fn is_layered(input: &str) -> bool {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    input
        .lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.starts_with(LAYERS_HEADER))
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
    /// The span being read in each tag column (one, unless the file is layered).
    open: Vec<Option<OpenSpan<'i>>>,
    /// The tag columns of a layered file (empty: one tag column, the last field).
    layers: Vec<&'i str>,
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
            open: vec![None],
            layers: Vec::new(),
            saw_docstart: false,
            warned_bare: false,
        }
    }

    /// Reads the file as layered, with these tag columns (their labels join the schema in
    /// this order, used or not).
    fn layers(&mut self, columns: impl Iterator<Item = &'i str>) {
        self.layers = columns.collect();
        for column in &self.layers {
            self.builder.label(column);
        }
        self.open = self.layers.iter().map(|_| None).collect();
        if self.open.is_empty() {
            // No columns: a file of tokens only, read as one (empty) tag column.
            self.open.push(None);
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
        if !self.layers.is_empty() {
            self.layered_line(number, line);
            return;
        }
        let (token, tag) = self.split(number, line);
        if token.is_empty() {
            self.report.warn(Some(number), DataWarning::EmptyToken);
            return;
        }
        let token = if token.contains(is_separator) {
            self.report.warn(
                Some(number),
                DataWarning::TokenWithSpaces {
                    token: token.to_owned(),
                },
            );
            Cow::Owned(token.replace(is_separator, &JOINED_SPACE.to_string()))
        } else {
            Cow::Borrowed(token)
        };
        self.report.tokens += 1;
        let char_start = self.push_token(&token);
        self.tag(0, number, tag, char_start);
    }

    /// A token line of a layered file: `token<TAB>tag<TAB>tag…`, a tag per column.
    fn layered_line(&mut self, number: usize, line: &'i str) {
        let mut fields = line.split('\t').map(str::trim);
        let token = fields.next().unwrap_or_default();
        let tags: Vec<&'i str> = fields.collect();
        if token.is_empty() || token.contains(char::is_whitespace) {
            self.report.warn(Some(number), DataWarning::LayeredTokenSkipped);
            return;
        }
        if tags.len() != self.layers.len() {
            self.report.warn(
                Some(number),
                DataWarning::TagColumns {
                    found: tags.len(),
                    named: self.layers.len(),
                },
            );
        }
        self.report.tokens += 1;
        let char_start = self.push_token(token);
        for column in 0..self.layers.len() {
            let tag = tags.get(column).copied().filter(|t| !t.is_empty()).unwrap_or("O");
            self.tag(column, number, tag, char_start);
        }
    }

    fn split(&mut self, number: usize, line: &'i str) -> (&'i str, &'i str) {
        if let Some(column) = self.options.tag_column {
            return self.split_at_column(number, line, column);
        }
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
                self.report.warn(Some(number), DataWarning::NoTag);
                (line.trim(), "O")
            }
        }
    }

    /// The token (first field) and the tag in `column` (counted from 1) of a line, fields
    /// separated by tabs when it has any, else by whitespace.
    fn split_at_column(&mut self, number: usize, line: &'i str, column: usize) -> (&'i str, &'i str) {
        let mut fields: Box<dyn Iterator<Item = &'i str>> = if line.contains('\t') {
            Box::new(line.split('\t').map(str::trim))
        } else {
            Box::new(line.split_whitespace())
        };
        let token = fields.next().unwrap_or_default();
        match column.checked_sub(2).and_then(|skip| fields.nth(skip)) {
            Some(tag) if !tag.is_empty() => (token, tag),
            _ => {
                self.report.warn(Some(number), DataWarning::NoTagInColumn { column });
                (token, "O")
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

    fn tag(&mut self, column: usize, number: usize, raw: &'i str, char_start: usize) {
        let char_end = self.char_len;
        let (kind, ends) = match parse_tag(raw) {
            Tag::Outside => {
                self.close_column(column);
                return;
            }
            Tag::Inside(kind, ends) if self.extend(column, kind, char_end) => {
                if ends {
                    self.close_column(column);
                }
                return;
            }
            Tag::Bare(kind) if self.extend(column, kind, char_end) => return,
            Tag::Inside(kind, ends) => {
                self.report.warn(
                    Some(number),
                    DataWarning::StrayInside {
                        tag: raw.to_owned(),
                        kind: kind.to_owned(),
                    },
                );
                (kind, ends)
            }
            Tag::Bare(kind) => {
                if !std::mem::replace(&mut self.warned_bare, true) {
                    self.report
                        .warn(Some(number), DataWarning::BareTag { kind: kind.to_owned() });
                }
                (kind, false)
            }
            Tag::Begin(kind, ends) => (kind, ends),
        };
        self.close_column(column);
        self.open[column] = Some(OpenSpan {
            kind,
            char_start,
            char_end,
            line: number,
        });
        if ends {
            self.close_column(column);
        }
    }

    /// Extends the open span of a column over the current token when it has this type.
    fn extend(&mut self, column: usize, kind: &str, char_end: usize) -> bool {
        match &mut self.open[column] {
            Some(open) if open.kind == kind => {
                open.char_end = char_end;
                true
            }
            _ => false,
        }
    }

    /// Ends the open spans of every column.
    fn close_span(&mut self) {
        for column in 0..self.open.len() {
            self.close_column(column);
        }
    }

    fn close_column(&mut self, column: usize) {
        if let Some(open) = self.open[column].take() {
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
            // The text is the tokens joined: the exports cut it back into the same tokens.
            documents.push(
                pending
                    .build(&schema, &mut self.report)
                    .with_tokenization(Tokenization::Whitespace),
            );
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
        assert!(
            report.warnings[0].to_string().contains("crosses span T1"),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn layers_keep_nested_spans_of_other_labels() {
        // An action inside a quote, an actor crossing the quote, and an actor inside an actor.
        let doc = document(
            "قال إنهم اتفقوا على الهدنة أمس",
            &[
                ("Quote", 4, 26),
                ("Agreed action", 9, 26),
                ("Actor", 0, 8),
                ("Actor", 4, 8),
            ],
        );
        let layered = ConllOptions {
            layers: true,
            ..ConllOptions::default()
        };
        let (text, report) = export_str(std::slice::from_ref(&doc), &layered);
        let labels = layer_labels([&doc]);
        let header: Vec<String> = labels.iter().map(|l| tag_name(l)).collect();
        assert_eq!(
            text.lines().next(),
            Some(format!("{LAYERS_HEADER} {}", header.join(" ")).as_str())
        );
        let column = |label: &str| 1 + labels.iter().position(|l| l == label).expect("label");
        let tags = |label: &str| -> Vec<String> {
            text.lines()
                .skip(2)
                .filter(|l| !l.is_empty())
                .map(|l| l.split('\t').nth(column(label)).expect("column").to_owned())
                .collect()
        };
        assert_eq!(tags("Quote"), ["O", "B-Quote", "I-Quote", "I-Quote", "I-Quote", "O"]);
        assert_eq!(
            tags("Agreed action"),
            ["O", "O", "B-Agreed_action", "I-Agreed_action", "I-Agreed_action", "O"]
        );
        assert_eq!(tags("Actor"), ["B-Actor", "I-Actor", "O", "O", "O", "O"]);
        assert!(
            text.lines()
                .skip(2)
                .all(|l| l.is_empty() || l.split('\t').count() == labels.len() + 1)
        );
        assert_eq!((report.spans, report.spans_flattened, report.spans_crossing), (3, 1, 0));
        assert!(
            report.warnings[0]
                .to_string()
                .contains("T4 (Actor 4..8) lies inside span T3"),
            "{:?}",
            report.warnings
        );
        // Documents are separated by a -DOCSTART- line with as many columns as a token line.
        let (two, _) = export_str(&[doc.clone(), doc.clone()], &layered);
        let separator = format!("{DOCSTART}{}", "\tO".repeat(labels.len()));
        assert_eq!(two.lines().filter(|l| *l == separator).count(), 1);
        // One column: the first actor owns it; the quote crossing it is named, with the remedy.
        let (_, report) = export_str(std::slice::from_ref(&doc), &ConllOptions::default());
        assert_eq!((report.spans, report.spans_flattened, report.spans_crossing), (2, 1, 1));
        assert!(
            report
                .warnings
                .iter()
                .map(ToString::to_string)
                .any(|w| w.contains("T1 (Quote 4..26) crosses span T3") && w.contains("layered")),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn layered_files_import_every_column() {
        let a = document(
            "قال إنهم اتفقوا",
            &[("Quote", 4, 15), ("Agreed action", 9, 15), ("Actor", 4, 8)],
        );
        let b = document("أ ب", &[("Quote", 0, 3), ("Actor", 0, 1)]);
        let layered = ConllOptions {
            layers: true,
            ..ConllOptions::default()
        };
        let (text, _) = export_str(&[a.clone(), b.clone()], &layered);
        assert!(is_layered(&text));
        let imported = import_str(&format!("\u{feff}{text}"), &ImportOptions::new("l"));
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let spans = |d: &Document| {
            let mut spans: Vec<(String, usize, usize)> = d
                .spans()
                .iter()
                .map(|s| (s.label.clone(), s.char_start, s.char_end))
                .collect();
            spans.sort();
            spans
        };
        assert_eq!(imported.documents.len(), 2);
        for (back, original) in imported.documents.iter().zip([&a, &b]) {
            assert_eq!(back.text(), original.text());
            assert_eq!(spans(back), spans(original));
        }
        let labels: Vec<&str> = imported.documents[0]
            .schema()
            .labels
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        let expected: Vec<&str> = a.schema().labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(labels, expected);
        // A line with a column missing is read, with a warning naming it.
        let short = text.replacen("\tO\n", "\n", 1);
        let imported = import_str(&short, &ImportOptions::new("l"));
        assert_eq!(imported.report.warnings.len(), 1, "{:?}", imported.report.warnings);
        let (text, _) = export_str(std::slice::from_ref(&b), &ConllOptions::default());
        assert!(!is_layered(&text));
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
                "line 7: token \"الصالحية ونايفة\" contains whitespace; kept as one token, each space held as a no-break space (exported as a space)",
                "line 8: no tag; read as O",
                "line 10: E-ORG follows no ORG span; starts a new one",
                "line 12: tag \"Z\" has no B-/I- prefix; such tags are read as IO tags",
            ]
        );
        let [doc] = imported.documents.as_slice() else {
            panic!("one document")
        };
        assert_eq!(doc.meta().source_name, "anercorp.txt");
        assert_eq!(
            doc.text(),
            "قال محمد الحداد في طرابلس الصالحية\u{a0}ونايفة وحيد\nثم x y z"
        );
        assert_eq!(doc.tokenization(), Tokenization::Whitespace);
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
        assert_eq!(doc.text(), "a\u{a0}b c");
        assert_eq!(doc.spans()[0].label, "Agreed action");
        assert_eq!(doc.span_text(&doc.spans()[0]), "a\u{a0}b c");
        assert_eq!(imported.report.warnings.len(), 2);
    }

    #[test]
    fn imported_tokens_and_sentences_export_unchanged() {
        // Attached punctuation, a sentence end inside a line, a token with a space, a blank line.
        let input = "قال: O\n(د B-PERS\nمحمد) I-PERS\n70%. O\nق.م. O\nالصالحية ونايفة B-LOC\n\nثم O\n";
        let imported = import_str(input, &ImportOptions::new("t"));
        let (text, report) = export_str(&imported.documents, &ConllOptions::default());
        let expected = "قال:\tO\n(د\tB-PERS\nمحمد)\tI-PERS\n70%.\tO\nق.م.\tO\nالصالحية ونايفة\tB-LOC\n\nثم\tO\n\n";
        assert_eq!(text, expected);
        assert_eq!((report.tokens, report.sentences), (7, 2));
        // The same document without its tokenization is cut into words again.
        let words = imported.documents[0].clone().with_tokenization(Tokenization::Words);
        let (text, _) = export_str(&[words], &ConllOptions::default());
        assert_ne!(text, expected);
    }

    #[test]
    fn tag_column_picks_the_tag_of_multi_column_files() {
        let input = "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP\n";
        let mut options = ImportOptions::new("c");
        options.tag_column = Some(3);
        let imported = import_str(input, &options);
        let doc = &imported.documents[0];
        let spans: Vec<(&str, &str)> = doc
            .spans()
            .iter()
            .map(|s| (s.label.as_str(), doc.span_text(s)))
            .collect();
        assert_eq!(spans, [("NP", "EU"), ("VP", "rejects")]);
        assert_eq!(doc.text(), "EU rejects\nPeter");
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(messages, ["line 4: no tag in column 3; read as O"]);
        options.tag_column = Some(2);
        let imported = import_str("a\tX\tB-ORG\n", &options);
        assert_eq!(imported.documents[0].spans()[0].label, "X");
    }

    #[test]
    fn import_never_panics_on_garbage() {
        for input in [
            "",
            "\n\n\n",
            "-DOCSTART-",
            "# columns: token",
            "# columns: token\nx\n",
            "# columns: token A B\nx\tB-A\ty\tI-B\tz\n\t\n-DOCSTART-\ny\tI-A",
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
