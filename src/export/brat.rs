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
//!
//! Events: a span whose label is an event type ([`crate::model::LabelDef::event`]) is an
//! event's trigger and its outgoing links are the event's role arguments:
//! `T7\tMerge-org 10 16\tmerged` + `E7\tMerge-org:T7 Org-Arg:T2 Org-Arg2:T3` (`E` + the
//! trigger's span id; an argument that is an event's trigger is written as that event,
//! `Theme:E9`). Event spans with the same label and range share one `T` line, as brat events
//! share a trigger. Attributes and notes of an event span belong to the event (`A1\tNegation
//! E7`). Lines Hashiya does not model (equivalences, normalizations…) are kept with the
//! document ([`Document::brat_lines`]) and written back, their ids re-pointed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

pub use crate::export::brat_conf::{
    BratNames, VisualNames, annotation_conf, parse_visual_conf, value_name, visual_conf,
};
pub use crate::export::brat_import::import;

use crate::export::brat_conf::TRUE;
use crate::export::names::is_line_break;
use crate::export::warning::DataWarning;
use crate::export::{ExportReport, document_id};
use crate::model::{Document, Span, SpanId};

/// One document in brat standoff: the file stem and the contents of its two files. The
/// export writes it, the import reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BratDocument {
    /// File stem (`NAME` of `NAME.txt`): on export the document id, path separators replaced.
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
    let mut writer = AnnWriter {
        document,
        names,
        ann: String::with_capacity(document.spans().len() * 48),
        trigger_of: HashMap::new(),
        numbers: BTreeMap::new(),
    };
    writer.text_spans(&mut report);
    writer.relations(&mut report);
    writer.events();
    writer.attributes_and_notes();
    writer.kept_lines(&mut report);
    report.spans = writer.trigger_of.len();
    let name = document_id(document).replace(['/', '\\'], "_");
    let txt = document.text().to_owned();
    (
        BratDocument {
            name,
            txt,
            ann: writer.ann,
        },
        report,
    )
}

/// Marks labels as event types in the documents' schemas for an export (`hashiya export
/// --to brat --brat-events "Agreed action"`): their spans are then written as brat events,
/// their links as role arguments. Each label must be in the schema of some document: the
/// error is the first one that is in none.
pub fn mark_event_labels(documents: &mut [Document], labels: &[String]) -> Result<(), String> {
    for label in labels {
        if !documents.iter().any(|d| d.schema().label(label).is_some()) {
            return Err(label.clone());
        }
    }
    for document in documents {
        let mut schema = document.schema().clone();
        let mut changed = false;
        for def in schema
            .labels
            .iter_mut()
            .filter(|l| labels.contains(&l.name) && !l.event)
        {
            def.event = true;
            changed = true;
        }
        if changed {
            // An export's own copy: marking a label as an event type changes no span or link,
            // so the document is rebuilt with the schema rather than edited (nothing to undo).
            *document = Document::from_parts(
                document.text().to_owned(),
                schema,
                document.meta().clone(),
                document.spans().to_vec(),
                document.links().to_vec(),
            )
            .with_brat_lines(document.brat_lines().to_vec())
            .with_tokenization(document.tokenization());
        }
    }
    Ok(())
}

/// Writes the lines of one `.ann`.
struct AnnWriter<'d> {
    document: &'d Document,
    names: &'d BratNames,
    ann: String,
    /// Written span → the span id of its `T` line (event spans may share one).
    trigger_of: HashMap<SpanId, SpanId>,
    /// Last number used per id prefix (`A`, `#`, `N`, `R` of kept lines).
    numbers: BTreeMap<char, u64>,
}

impl AnnWriter<'_> {
    fn is_event(&self, span: SpanId) -> bool {
        self.document.span(span).is_some_and(|s| self.names.is_event(&s.label))
    }

    /// How another line refers to a written span: `E7` for an event, else `T7`.
    fn reference(&self, span: SpanId) -> Option<String> {
        let line = self.trigger_of.get(&span)?;
        Some(if self.is_event(span) {
            format!("E{}", span.0)
        } else {
            format!("T{}", line.0)
        })
    }

    fn next_number(&mut self, prefix: char) -> u64 {
        let number = self.numbers.entry(prefix).or_insert(0);
        *number += 1;
        *number
    }

    fn text_spans(&mut self, report: &mut ExportReport) {
        let document = self.document;
        let mut shared: HashMap<(&str, usize, usize), SpanId> = HashMap::new();
        for span in document.spans() {
            let fragments = fragments(document, span);
            if fragments.is_empty() {
                report.spans_lost += 1;
                report.warn(DataWarning::OnlyLineBreaks {
                    document: document.meta().source_name.clone(),
                    span: span.id,
                    label: span.label.clone(),
                });
                continue;
            }
            if self.names.is_event(&span.label) {
                let key = (span.label.as_str(), span.char_start, span.char_end);
                if let Some(&first) = shared.get(&key) {
                    self.trigger_of.insert(span.id, first);
                    continue;
                }
                shared.insert(key, span.id);
            }
            if fragments.first().map(|f| f.0) != Some(span.char_start)
                || fragments.last().map(|f| f.1) != Some(span.char_end)
            {
                report.spans_trimmed += 1;
                report.warn(DataWarning::LineBreaksTrimmed {
                    document: document.meta().source_name.clone(),
                    span: span.id,
                    label: span.label.clone(),
                });
            }
            self.trigger_of.insert(span.id, span.id);
            let ranges: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
            let texts: Vec<&str> = fragments.iter().map(|&(s, e)| document.text_of(s, e)).collect();
            let _ = writeln!(
                self.ann,
                "T{}\t{} {}\t{}",
                span.id.0,
                self.names.label(&span.label),
                ranges.join(";"),
                texts.join(" ")
            );
        }
    }

    /// Links whose head is not an event: `R` lines.
    fn relations(&mut self, report: &mut ExportReport) {
        for link in self.document.links() {
            let (Some(from), Some(to)) = (self.reference(link.from), self.reference(link.to)) else {
                report.links_dropped += 1;
                continue;
            };
            report.links += 1;
            if !self.is_event(link.from) {
                let kind = self.names.relation(&link.kind);
                let _ = writeln!(self.ann, "R{}\t{kind} Arg1:{from} Arg2:{to}", link.id.0);
            }
        }
    }

    /// Event spans: `E` lines, their outgoing links as role arguments in link order. Events
    /// come in the order of their first argument link, so that links read back in the same
    /// order get the same ids again.
    fn events(&mut self) {
        let document = self.document;
        let mut first_link: HashMap<SpanId, u64> = HashMap::new();
        for link in document.links() {
            first_link.entry(link.from).or_insert(link.id.0);
        }
        let mut events: Vec<(u64, usize, &Span)> = document
            .spans()
            .iter()
            .enumerate()
            .filter(|(_, s)| self.names.is_event(&s.label))
            .map(|(at, s)| (first_link.get(&s.id).copied().unwrap_or(u64::MAX), at, s))
            .collect();
        events.sort_unstable_by_key(|&(link, at, _)| (link, at));
        for (_, _, span) in events {
            let Some(trigger) = self.trigger_of.get(&span.id).copied() else {
                continue;
            };
            let _ = write!(
                self.ann,
                "E{}\t{}:T{}",
                span.id.0,
                self.names.label(&span.label),
                trigger.0
            );
            for link in document.links().iter().filter(|l| l.from == span.id) {
                if let Some(argument) = self.reference(link.to) {
                    let _ = write!(self.ann, " {}:{argument}", self.names.relation(&link.kind));
                }
            }
            self.ann.push('\n');
        }
    }

    fn attributes_and_notes(&mut self) {
        let document = self.document;
        for span in document.spans() {
            let Some(target) = self.reference(span.id) else {
                continue;
            };
            for (name, value) in &span.attributes {
                let number = self.next_number('A');
                let attribute = self.names.attribute(name);
                if self.names.is_binary(name) && value == TRUE {
                    let _ = writeln!(self.ann, "A{number}\t{attribute} {target}");
                } else {
                    let _ = writeln!(self.ann, "A{number}\t{attribute} {target} {}", value_name(value));
                }
            }
            if let Some(text) = &span.note {
                let number = self.next_number('#');
                let _ = writeln!(self.ann, "#{number}\tAnnotatorNotes {target}\t{}", escape_note(text));
            }
        }
    }

    /// The document's kept brat lines, numbered after the generated ones and re-pointed at
    /// the written `T` lines; lines that refer to a deleted span or link are left out.
    fn kept_lines(&mut self, report: &mut ExportReport) {
        let document = self.document;
        let links: HashSet<u64> = document.links().iter().map(|l| l.id.0).collect();
        let max_link = links.iter().max().copied().unwrap_or(0);
        self.numbers.entry('R').or_insert(max_link);
        let mut dropped = Vec::new();
        for line in document.brat_lines() {
            let resolved = repoint(line, |token| match Reference::parse(token)? {
                Reference::Span(id) => self.trigger_of.get(&SpanId(id)).map(|t| format!("T{}", t.0)),
                Reference::Event(id) => self.trigger_of.contains_key(&SpanId(id)).then(|| format!("E{id}")),
                Reference::Link(id) => links.contains(&id).then(|| format!("R{id}")),
            });
            match resolved {
                Some(line) => {
                    let line = self.renumber(&line);
                    self.ann.push_str(&line);
                    self.ann.push('\n');
                }
                None => dropped.push(line.split('\t').next().unwrap_or_default().to_owned()),
            }
        }
        if !dropped.is_empty() {
            report.warn(DataWarning::KeptLinesDropped {
                document: document.meta().source_name.clone(),
                ids: dropped,
            });
        }
    }

    /// A kept line with a fresh id of its kind (`A`, `#`, `N`, `R`…; `*` has none).
    fn renumber(&mut self, line: &str) -> String {
        let (id, rest) = line.split_once('\t').unwrap_or((line, ""));
        match id.chars().next() {
            Some(prefix) if prefix != '*' && id.len() > 1 => {
                let number = self.next_number(prefix);
                format!("{prefix}{number}\t{rest}")
            }
            _ => line.to_owned(),
        }
    }
}

/// An id another brat line refers to, in Hashiya's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reference {
    /// `T` + span id.
    Span(u64),
    /// `E` + the span id of the event's trigger span.
    Event(u64),
    /// `R` + link id.
    Link(u64),
}

impl Reference {
    fn parse(token: &str) -> Option<Self> {
        let number = |rest: &str| rest.parse::<u64>().ok();
        match token.split_at_checked(1)? {
            ("T", rest) => number(rest).map(Self::Span),
            ("E", rest) => number(rest).map(Self::Event),
            ("R", rest) => number(rest).map(Self::Link),
            _ => None,
        }
    }
}

/// The positions of ids in a brat line's second field (after the type), by the line's kind:
/// every argument of `*` and `R` (`Arg1:T3`), the target of `A`, `M`, `N` and `#`.
pub(crate) fn reference_positions(id: &str, field_count: usize) -> std::ops::Range<usize> {
    match id.chars().next() {
        Some('*' | 'R' | 'E') => 1..field_count,
        _ => 1..2.min(field_count),
    }
}

/// Rewrites the ids a brat line refers to (`T3`, `Arg1:E2`, `R1` at the places
/// [`reference_positions`] names); `None` when `map` has no new id for one of them.
pub(crate) fn repoint(line: &str, mut map: impl FnMut(&str) -> Option<String>) -> Option<String> {
    let mut fields = line.splitn(3, '\t');
    let (id, data, tail) = (fields.next()?, fields.next()?, fields.next());
    let tokens: Vec<&str> = data.split(' ').collect();
    let positions = reference_positions(id, tokens.len());
    let mut out = Vec::with_capacity(tokens.len());
    for (at, token) in tokens.iter().enumerate() {
        let (role, target) = token.rsplit_once(':').map_or(("", *token), |(r, t)| (r, t));
        let is_id =
            target.len() > 1 && target.starts_with(['T', 'E', 'R']) && target[1..].bytes().all(|b| b.is_ascii_digit());
        if !positions.contains(&at) || !is_id {
            out.push((*token).to_owned());
            continue;
        }
        let target = map(target)?;
        out.push(if role.is_empty() {
            target
        } else {
            format!("{role}:{target}")
        });
    }
    let mut line = format!("{id}\t{}", out.join(" "));
    if let Some(tail) = tail {
        line.push('\t');
        line.push_str(tail);
    }
    Some(line)
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

pub(crate) fn unescape_note(note: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ImportOptions;
    use crate::model::{DocumentMeta, Link, LinkId, Schema, SpanId, Status};

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
        let conf = annotation_conf(std::slice::from_ref(&doc), &names);
        let imported = import(&[files], Some(&conf), Some(&visual), &ImportOptions::new("x"));
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        assert_eq!(imported.documents, [doc]);
    }

    #[test]
    fn agreed_action_as_a_brat_event() {
        let mut docs = [document()];
        assert!(mark_event_labels(&mut docs, &["Nope".to_owned()]).is_err());
        mark_event_labels(&mut docs, &["Agreed action".to_owned()]).expect("marks");
        let names = BratNames::for_documents(&docs);
        let (files, report) = export_document(&docs[0], &names);
        assert_eq!(
            files.ann,
            "T4\tActor 6 12;13 17\tالفريق محمد\nT7\tAgreed_action 19 24\t«نعم»\nE7\tAgreed_action:T7 party:T4\n\
             A1\ttype T4 person\n#1\tAnnotatorNotes E7\ttwo\\nlines \\\\ here\\u{2028}\n"
        );
        assert_eq!((report.spans, report.links), (2, 1));
        let conf = annotation_conf(&docs, &names);
        assert!(conf.contains("[entities]\nActor\nQuote\n\n"), "{conf}");
        assert!(conf.contains("[events]\nAgreed_action\tparty*:Actor\n"), "{conf}");
        let visual = visual_conf(&docs, &names);
        let imported = import(&[files], Some(&conf), Some(&visual), &ImportOptions::new("x"));
        assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let back = &imported.documents[0];
        assert_eq!(back.schema(), docs[0].schema());
        assert_eq!(back.spans(), docs[0].spans());
        // An event's arguments have no ids in brat: its links get fresh ones.
        let ends = |d: &Document| -> Vec<(String, SpanId, SpanId)> {
            d.links().iter().map(|l| (l.kind.clone(), l.from, l.to)).collect()
        };
        assert_eq!(ends(back), ends(&docs[0]));
    }

    #[test]
    fn kept_lines_are_renumbered_and_repointed() {
        let doc = document().with_brat_lines(vec![
            "A9\tFlag T7".into(),
            "N4\tReference T4 Wiki:1\tx".into(),
            "*\tEquiv T4 T7".into(),
            "#3\tAnnotatorNotes R2\ton a link".into(),
            "N5\tReference T99 Wiki:2\tgone".into(),
        ]);
        let names = BratNames::for_documents(std::slice::from_ref(&doc));
        let (files, report) = export_document(&doc, &names);
        let kept: Vec<&str> = files.ann.lines().skip(5).collect();
        assert_eq!(
            kept,
            [
                "A2\tFlag T7",
                "N1\tReference T4 Wiki:1\tx",
                "*\tEquiv T4 T7",
                "#2\tAnnotatorNotes R2\ton a link"
            ]
        );
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(report.warnings[0].to_string().contains("N5"));
    }

    #[test]
    fn foreign_files_with_oddities() {
        let input = BratDocument {
            name: "n".into(),
            txt: "\u{feff}ab\r\ncd ef".into(),
            ann: "T1\tPER 1 3\tab\nT2\tORG 4 5;7 8\tc e\nT3\tX 10 99\tzz\nT4\tY 1\nR1\trel Arg1:T1\n\
                  R2\trel Arg1:T1 Arg2:T9\nA1\tNeg T1\nA2\tNeg T8 x\n#1\tAnnotatorNotes T1\tn\u{e9}\nE1\tEv:T7\nbad\n\
                  T5\tPER 1 2\twrong\nX1\tfoo\nX2\tbar\nN1\tReference T1 W:1\tab\n#2\tAnnotatorNotes T1\tsecond\n"
                .into(),
        };
        let imported = import(&[input], None, None, &ImportOptions::new("x"));
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "n.ann:2: T2: discontinuous span read as one range 3..7",
                "n.ann:12: T5: text field \"wrong\" differs from the text at its offsets \"a\"; offsets kept",
                "n.ann:8: 1 A line skipped: refers to an annotation that is not in the file (A2 at line 8)",
                "n.ann:10: 1 E line skipped: its trigger is not a text span (E1 at line 10)",
                "n.ann:5: 1 R line skipped: a relation needs two arguments (R1 at line 5)",
                "n.ann:6: 1 R line skipped: an argument is not an annotation of the file (R2 at line 6)",
                "n.ann:4: 1 T line skipped: the offsets are not START END[;START END…] (T4 at line 4)",
                "n.ann:13: 2 X lines skipped: unknown kind of annotation (X1 at line 13, X2 at line 14)",
                "n.ann:11: 1 b line skipped: no tab after the id (bad at line 11)",
                "n.ann:3: span T3 has range 9..98 outside the text (0..8); left out",
            ]
        );
        let doc = &imported.documents[0];
        assert_eq!(doc.text(), "ab\ncd ef");
        let t1 = doc.span(SpanId(1)).expect("T1");
        assert_eq!(t1.attributes.get("Neg").map(String::as_str), Some("true"));
        assert_eq!(t1.note.as_deref(), Some("né"));
        assert_eq!(doc.span(SpanId(2)).map(|s| doc.span_text(s)), Some("cd e"));
        assert_eq!(imported.report.labels_added, ["PER", "ORG", "X"]);
        assert_eq!(imported.report.attributes_added, ["PER.Neg"]);
        assert_eq!(
            doc.brat_lines(),
            ["N1\tReference T1 W:1\tab", "#2\tAnnotatorNotes T1\tsecond"]
        );
    }

    #[test]
    fn notes_escape_round_trip() {
        for note in ["plain", "a\\nb", "x\ny\r\u{85}z\\", "\\u{zz", "\\u{110000}", "end\\"] {
            assert_eq!(unescape_note(&escape_note(note)), note);
        }
    }
}
