//! brat standoff: `NAME.txt` (the text) and `NAME.ann` (the annotations) per document, plus
//! `annotation.conf` and `visual.conf` per folder (see [`BratNames`]).
//!
//! `.ann` lines: `T3\tQuote 120 180\ttext` (code point offsets, as brat counts them),
//! `R1\tspeaker Arg1:T3 Arg2:T1` (Arg1 = head: the quote or action; Arg2 = child: the actor),
//! `A1\ttype T1 person`, `#1\tAnnotatorNotes T3\tnote`. A span that crosses a line break is
//! written as fragments split at the break (`0 10;11 20`), as brat itself does, since its
//! text field must stay on one line; the import joins such fragments back into one span.
//! Line breaks at the very start or end of a span cannot be held and are left out (reported).
//! Span, link ids are kept (`T` + span id, `R` + link id).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

pub use crate::export::brat_conf::{BratNames, annotation_conf, parse_visual_labels, value_name, visual_conf};

use crate::export::assemble::{PendingDocument, PendingLink, PendingSpan};
use crate::export::names::is_line_break;
use crate::export::schema_builder::SchemaBuilder;
use crate::export::{ExportReport, ImportOptions, ImportReport, Imported, document_id};
use crate::model::{Document, DocumentMeta, Span};
use crate::text::CharIndex;

/// The two files of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BratDocument {
    /// File stem: the document id, with path separators replaced.
    pub name: String,
    /// Contents of `NAME.txt`.
    pub txt: String,
    /// Contents of `NAME.ann`.
    pub ann: String,
}

/// Exports one document. `names` comes from [`BratNames::for_documents`] over all exported
/// documents, so that the `.ann` types match `annotation.conf`.
#[must_use]
pub fn export_document(document: &Document, names: &BratNames) -> (BratDocument, ExportReport) {
    let mut report = ExportReport {
        documents: 1,
        ..ExportReport::default()
    };
    let mut ann = String::with_capacity(document.spans().len() * 48);
    let mut written = std::collections::HashSet::new();
    for span in document.spans() {
        let fragments = fragments(document, span);
        if fragments.is_empty() {
            report.spans_lost += 1;
            report.warn(format!(
                "{}: span {} ({}) covers only line breaks; brat cannot hold it",
                document.meta().source_name,
                span.id,
                span.label
            ));
            continue;
        }
        if fragments.first().map(|f| f.0) != Some(span.char_start)
            || fragments.last().map(|f| f.1) != Some(span.char_end)
        {
            report.spans_trimmed += 1;
            report.warn(format!(
                "{}: span {} ({}) starts or ends with a line break; brat cannot hold it, written without",
                document.meta().source_name,
                span.id,
                span.label
            ));
        }
        written.insert(span.id);
        let ranges: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = fragments.iter().map(|&(s, e)| document.text_of(s, e)).collect();
        let _ = writeln!(
            ann,
            "T{}\t{} {}\t{}",
            span.id.0,
            names.label(&span.label),
            ranges.join(";"),
            texts.join(" ")
        );
    }
    for link in document.links() {
        if written.contains(&link.from) && written.contains(&link.to) {
            let kind = names.relation(&link.kind);
            let _ = writeln!(ann, "R{}\t{kind} Arg1:T{} Arg2:T{}", link.id.0, link.from.0, link.to.0);
            report.links += 1;
        } else {
            report.links_dropped += 1;
        }
    }
    let mut attribute = 0;
    let mut note = 0;
    for span in document.spans().iter().filter(|s| written.contains(&s.id)) {
        for (name, value) in &span.attributes {
            attribute += 1;
            let _ = writeln!(
                ann,
                "A{attribute}\t{} T{} {}",
                names.attribute(name),
                span.id.0,
                value_name(value)
            );
        }
        if let Some(text) = &span.note {
            note += 1;
            let _ = writeln!(ann, "#{note}\tAnnotatorNotes T{}\t{}", span.id.0, escape_note(text));
        }
    }
    report.spans = written.len();
    let name = document_id(document).replace(['/', '\\'], "_");
    let txt = document.text().to_owned();
    (BratDocument { name, txt, ann }, report)
}

/// The char ranges of a span between line breaks (non-empty ones).
fn fragments(document: &Document, span: &Span) -> Vec<(usize, usize)> {
    let mut fragments = Vec::new();
    let mut start = span.char_start;
    for (offset, c) in document.span_text(span).chars().enumerate() {
        let at = span.char_start + offset;
        if is_line_break(c) {
            if start < at {
                fragments.push((start, at));
            }
            start = at + 1;
        }
    }
    if start < span.char_end {
        fragments.push((start, span.char_end));
    }
    fragments
}

/// Notes must stay on one line: `\` → `\\`, line breaks → `\n`, `\r`, `\u{…}`.
fn escape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_line_break(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

fn unescape_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    let mut chars = note.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') | None => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let rest = chars.as_str();
                let code = rest
                    .strip_prefix('{')
                    .and_then(|r| r.split_once('}'))
                    .and_then(|(hex, _)| {
                        u32::from_str_radix(hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .map(|c| (c, hex.len()))
                    });
                match code {
                    Some((decoded, len)) => {
                        out.push(decoded);
                        chars = rest[len + 2..].chars();
                    }
                    None => out.push_str("\\u"),
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// One document to import: its stem and the contents of its `.txt` and `.ann`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratInput {
    /// File stem (`NAME` of `NAME.txt`).
    pub name: String,
    /// Contents of `NAME.txt`.
    pub txt: String,
    /// Contents of `NAME.ann`.
    pub ann: String,
}

/// Imports brat documents that share one schema (a folder). `visual_conf`, when the folder
/// has one, maps type names back to label names (`Agreed_action` → `Agreed action`). Never
/// fails: lines that cannot be read are skipped with a warning naming the file and line.
#[must_use]
pub fn import(inputs: &[BratInput], visual_conf: Option<&str>, options: &ImportOptions) -> Imported {
    let renames = visual_conf.map(parse_visual_labels).unwrap_or_default();
    let mut builder = SchemaBuilder::new(options).with_renames(renames);
    let mut report = ImportReport::default();
    let mut pending = Vec::with_capacity(inputs.len());
    for input in inputs {
        let mut one = ImportReport::default();
        pending.push(read_document(input, options, &mut builder, &mut one));
        report.merge(one, Some(&format!("{}.ann", input.name)));
    }
    let schema = builder.finish(&mut report);
    let mut documents = Vec::with_capacity(pending.len());
    for (document, input) in pending.into_iter().zip(inputs) {
        let mut one = ImportReport::default();
        documents.push(document.build(&schema, &mut one));
        report.merge(one, Some(&format!("{}.ann", input.name)));
    }
    Imported { documents, report }
}

/// brat reads text with universal newlines (CRLF and CR become LF) and its offsets count
/// that text; a byte-order mark is not text (offsets after it shift by one).
fn brat_text(txt: &str) -> (String, usize) {
    let (txt, shift) = match txt.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 1),
        None => (txt, 0),
    };
    (txt.replace("\r\n", "\n").replace('\r', "\n"), shift)
}

/// An attribute or note line, attached to its span once every T line is read.
enum Extra {
    Attribute {
        name: String,
        target: String,
        value: String,
    },
    Note {
        target: String,
        text: String,
    },
}

fn read_document(
    input: &BratInput,
    options: &ImportOptions,
    builder: &mut SchemaBuilder<'_>,
    report: &mut ImportReport,
) -> PendingDocument {
    let (text, shift) = brat_text(&input.txt);
    let index = CharIndex::new(&text);
    let mut document = PendingDocument {
        meta: DocumentMeta {
            source_name: format!("{}.txt", input.name),
            annotator: options.annotator.clone(),
            status: options.status,
        },
        ..PendingDocument::default()
    };
    let mut extras = Vec::new();
    let mut relations = Vec::new();
    for (number, line) in input.ann.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (id, data, tail) = (fields.next().unwrap_or_default(), fields.next(), fields.next());
        let Some(data) = data else {
            report.warn(Some(number), "no tab after the id; line skipped");
            continue;
        };
        let read = match id.chars().next() {
            Some('T') => read_span(id, data, tail, (&text, &index, shift), builder).map(|s| {
                document.spans.push(PendingSpan {
                    line: Some(number),
                    ..s.0
                });
                s.1
            }),
            Some('R') => read_relation(id, data).map(|r| {
                relations.push((number, r));
                None
            }),
            Some('A' | 'M') => read_attribute(data).map(|a| {
                extras.push((number, a));
                None
            }),
            Some('#') => read_note(data, tail).map(|n| {
                extras.push((number, n));
                None
            }),
            Some('E' | 'N' | '*') => Err(format!(
                "{id}: events, normalizations and equivalences are not imported"
            )),
            _ => Err(format!("unknown annotation id \"{id}\"")),
        };
        match read {
            Ok(Some(warning)) => report.warn(Some(number), warning),
            Ok(None) => {}
            Err(message) => report.warn(Some(number), format!("{message}; line skipped")),
        }
    }
    attach_extras(&mut document, extras, builder, report);
    for (number, (id, kind, head, child)) in relations {
        let label_of = |key: &str| document.spans.iter().find(|s| s.key == key).map(|s| s.label.clone());
        let kind = match (label_of(&head), label_of(&child)) {
            (Some(from), Some(to)) => builder.relation(&kind, &from, &to),
            // The link refers to a missing span and is left out when the document is built.
            _ => kind,
        };
        document.links.push(PendingLink {
            id: id.strip_prefix('R').and_then(|n| n.parse().ok()),
            kind,
            from: head,
            to: child,
            line: Some(number),
        });
    }
    document.text = text;
    document
}

type Relation = (String, String, String, String);

/// A T line: the span and, when its text field disagrees with the document, a warning.
fn read_span(
    id: &str,
    data: &str,
    tail: Option<&str>,
    (text, index, shift): (&str, &CharIndex, usize),
    builder: &mut SchemaBuilder<'_>,
) -> Result<(PendingSpan, Option<String>), String> {
    let (kind, ranges) = data.split_once(' ').ok_or_else(|| format!("{id}: no offsets"))?;
    let mut fragments = Vec::new();
    for range in ranges.split(';') {
        let mut numbers = range.split_whitespace().map(str::parse::<usize>);
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Ok(start)), Some(Ok(end)), None) if start <= end => {
                fragments.push((start.saturating_sub(shift), end.saturating_sub(shift)));
            }
            _ => return Err(format!("{id}: \"{ranges}\" is not START END[;START END…]")),
        }
    }
    fragments.sort_unstable();
    let (Some(&(char_start, _)), Some(char_end)) = (fragments.first(), fragments.iter().map(|f| f.1).max()) else {
        return Err(format!("{id}: no offsets"));
    };
    let mut warning = None;
    let gaps_blank = fragments.windows(2).all(|w| {
        index
            .slice(text, w[0].1..w[1].0)
            .chars()
            .all(|c| c.is_whitespace() || is_line_break(c))
    });
    if !gaps_blank {
        warning = Some(format!(
            "{id}: discontinuous span read as one range {char_start}..{char_end}"
        ));
    }
    let expected: Vec<&str> = fragments.iter().map(|&(s, e)| index.slice(text, s..e)).collect();
    let expected = expected.join(" ");
    // Offsets past the end are reported when the document is built.
    if let Some(tail) = tail.filter(|t| *t != expected && char_end <= index.char_len()) {
        warning.get_or_insert_with(|| {
            format!("{id}: text field \"{tail}\" differs from the text at its offsets \"{expected}\"; offsets kept")
        });
    }
    let span = PendingSpan {
        key: id.to_owned(),
        id: id.strip_prefix('T').and_then(|n| n.parse().ok()),
        label: builder.label(kind),
        char_start,
        char_end,
        ..PendingSpan::default()
    };
    Ok((span, warning))
}

fn read_relation(id: &str, data: &str) -> Result<Relation, String> {
    let mut parts = data.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.filter_map(|a| a.split_once(':').map(|(_, id)| id)).collect();
    match args.as_slice() {
        [head, child] => Ok((id.to_owned(), kind.to_owned(), (*head).to_owned(), (*child).to_owned())),
        _ => Err(format!("{id}: a relation needs two arguments")),
    }
}

fn read_attribute(data: &str) -> Result<Extra, String> {
    let mut parts = data.splitn(3, ' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(target), value) if !name.is_empty() && !target.is_empty() => Ok(Extra::Attribute {
            name: name.to_owned(),
            target: target.trim().to_owned(),
            value: value.map_or_else(|| "true".to_owned(), |v| v.trim().to_owned()),
        }),
        _ => Err("an attribute needs a name and a target".to_owned()),
    }
}

fn read_note(data: &str, tail: Option<&str>) -> Result<Extra, String> {
    let mut parts = data.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(_), Some(target), None) => Ok(Extra::Note {
            target: target.to_owned(),
            text: unescape_note(tail.unwrap_or_default()),
        }),
        _ => Err("a note needs a type and one target".to_owned()),
    }
}

fn attach_extras(
    document: &mut PendingDocument,
    extras: Vec<(usize, Extra)>,
    builder: &SchemaBuilder<'_>,
    report: &mut ImportReport,
) {
    let by_key: HashMap<String, usize> = document
        .spans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.clone(), i))
        .collect();
    let mut attributes: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    for (number, extra) in extras {
        let target = match &extra {
            Extra::Attribute { target, .. } | Extra::Note { target, .. } => target,
        };
        let Some(&at) = by_key.get(target) else {
            report.warn(
                Some(number),
                format!("refers to {target}, which is not a text span; line skipped"),
            );
            continue;
        };
        match extra {
            Extra::Attribute { name, value, .. } => attributes.entry(at).or_default().push((name, value)),
            Extra::Note { text, .. } => {
                let span = &mut document.spans[at];
                span.note = Some(match span.note.take() {
                    Some(earlier) => format!("{earlier}\n{text}"),
                    None => text,
                });
            }
        }
    }
    for (at, pairs) in attributes {
        let span = &mut document.spans[at];
        for (name, value) in pairs {
            let name = builder.attribute_name(&span.label, &name);
            let value = builder.attribute_value(&span.label, &name, &value);
            span.attributes.insert(name, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, LinkId, Schema, SpanId, Status};

    fn document() -> Document {
        let text = "قال 😀 الفريق\nمحمد: «نعم»";
        let mut actor = Span::new(SpanId(4), "Actor", 6, 17);
        actor.attributes.insert("type".into(), "person".into());
        let mut action = Span::new(SpanId(7), "Agreed action", 19, 24);
        action.note = Some("two\nlines \\ here\u{2028}".into());
        let link = Link {
            id: LinkId(2),
            kind: "party".into(),
            from: SpanId(7),
            to: SpanId(4),
        };
        let meta = DocumentMeta {
            source_name: "doc.txt".into(),
            annotator: String::new(),
            status: Status::NotStarted,
        };
        Document::from_parts(
            text.into(),
            Schema::default_schema(),
            meta,
            vec![actor, action],
            vec![link],
        )
    }

    #[test]
    fn ann_layout() {
        let doc = document();
        let names = BratNames::for_documents(std::slice::from_ref(&doc));
        let (files, report) = export_document(&doc, &names);
        assert_eq!(files.name, "doc");
        assert_eq!(
            files.ann,
            "T4\tActor 6 12;13 17\tالفريق محمد\nT7\tAgreed_action 19 24\t«نعم»\nR2\tparty Arg1:T7 Arg2:T4\n\
             A1\ttype T4 person\n#1\tAnnotatorNotes T7\ttwo\\nlines \\\\ here\\u{2028}\n"
        );
        assert_eq!((report.spans, report.links), (2, 1));
    }

    #[test]
    fn round_trip_is_exact() {
        let doc = document();
        let names = BratNames::for_documents(std::slice::from_ref(&doc));
        let (files, _) = export_document(&doc, &names);
        let visual = visual_conf(std::slice::from_ref(&doc), &names);
        let input = BratInput {
            name: files.name,
            txt: files.txt,
            ann: files.ann,
        };
        let imported = import(&[input], Some(&visual), &ImportOptions::new("x"));
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        assert_eq!(imported.documents, [doc]);
    }

    #[test]
    fn foreign_files_with_oddities() {
        let input = BratInput {
            name: "n".into(),
            txt: "\u{feff}ab\r\ncd ef".into(),
            ann: "T1\tPER 1 3\tab\nT2\tORG 4 5;7 8\tc e\nT3\tX 10 99\tzz\nT4\tY 1\nR1\trel Arg1:T1\n\
                  R2\trel Arg1:T1 Arg2:T9\nA1\tNeg T1\nA2\tNeg T8 x\n#1\tAnnotatorNotes T1\tn\u{e9}\nE1\tEv:T1\nbad\n\
                  T5\tPER 1 2\twrong\n"
                .into(),
        };
        let imported = import(&[input], None, &ImportOptions::new("x"));
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "n.ann:2: T2: discontinuous span read as one range 3..7",
                "n.ann:4: T4: \"1\" is not START END[;START END…]; line skipped",
                "n.ann:5: R1: a relation needs two arguments; line skipped",
                "n.ann:10: E1: events, normalizations and equivalences are not imported; line skipped",
                "n.ann:11: no tab after the id; line skipped",
                "n.ann:12: T5: text field \"wrong\" differs from the text at its offsets \"a\"; offsets kept",
                "n.ann:8: refers to T8, which is not a text span; line skipped",
                "n.ann:3: span T3 has range 9..98 outside the text (0..8); left out",
                "n.ann:6: rel link T1 → T9 refers to a missing span; left out",
            ]
        );
        let doc = &imported.documents[0];
        assert_eq!(doc.text(), "ab\ncd ef");
        let t1 = doc.span(SpanId(1)).expect("T1");
        assert_eq!(t1.attributes.get("Neg").map(String::as_str), Some("true"));
        assert_eq!(t1.note.as_deref(), Some("né"));
        assert_eq!(doc.span(SpanId(2)).map(|s| doc.span_text(s)), Some("cd e"));
        assert_eq!(imported.report.labels_added, ["PER", "ORG", "X"]);
    }

    #[test]
    fn notes_escape_round_trip() {
        for note in ["plain", "a\\nb", "x\ny\r\u{85}z\\", "\\u{zz", "\\u{110000}", "end\\"] {
            assert_eq!(unescape_note(&escape_note(note)), note);
        }
    }
}
