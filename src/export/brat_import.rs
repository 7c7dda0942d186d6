//! Reading brat standoff (see [`crate::export::brat`] for the mapping). brat's type names
//! stay the label names (`GPE`, `Transfer-money`); `visual.conf` display names become label
//! display names; `annotation.conf` rules give the label pairs a relation kind allows (any
//! pair without a rule). Events become a trigger span and role links; each event gets its own
//! span, so two events on one trigger stay two events.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::export::assemble::{LineRef, PendingDocument, PendingLine, PendingLink, PendingSpan};
use crate::export::brat::{BratDocument, reference_positions, unescape_note};
use crate::export::brat_conf::{TRUE, parse_annotation_conf, parse_visual_conf};
use crate::export::names::is_line_break;
use crate::export::schema_builder::SchemaBuilder;
use crate::export::warning::{BratSkip, DataWarning};
use crate::export::{ImportOptions, ImportReport, Imported};
use crate::model::DocumentMeta;
use crate::text::CharIndex;

/// Imports brat documents that share one schema (a folder) with the folder's
/// `annotation.conf` and `visual.conf` when it has them. Never fails: lines that cannot be
/// read are skipped, summarised in one warning per kind of line and reason.
#[must_use]
pub fn import(
    documents: &[BratDocument],
    annotation_conf: Option<&str>,
    visual_conf: Option<&str>,
    options: &ImportOptions,
) -> Imported {
    let visual = visual_conf.map(parse_visual_conf).unwrap_or_default();
    let rules = annotation_conf.map(parse_annotation_conf).unwrap_or_default();
    let mut builder = SchemaBuilder::new(options)
        .with_renames(visual.names)
        .with_pair_rules(rules.rules);
    // Event types first: a relation or attribute line must know whether its target is an
    // event's span, in this document or a later one.
    let event_types: HashSet<String> = documents
        .iter()
        .flat_map(|d| d.ann.lines().filter(|l| l.starts_with('E')))
        .filter_map(|line| line.split('\t').nth(1)?.split(':').next().map(str::to_owned))
        .filter(|t| !t.is_empty())
        .collect();
    let mut report = ImportReport::default();
    let mut pending = Vec::with_capacity(documents.len());
    for document in documents {
        let mut one = ImportReport::default();
        let reader = DocumentReader::new(document, options, &event_types);
        pending.push(reader.read(&mut builder, &mut one));
        report.merge(one, Some(&format!("{}.ann", document.name)));
    }
    for (brat, shown) in &visual.display {
        if let Some(label) = builder.resolved_label(brat) {
            builder.display_name(&label, shown);
        }
    }
    builder.define_attributes(&pending, &mut report);
    let schema = builder.finish(&mut report);
    let mut built = Vec::with_capacity(pending.len());
    for (document, input) in pending.into_iter().zip(documents) {
        let mut one = ImportReport::default();
        built.push(document.build(&schema, &mut one));
        report.merge(one, Some(&format!("{}.ann", input.name)));
    }
    Imported {
        documents: built,
        report,
    }
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

/// An `E` line: id, type, trigger id, (role, argument id) pairs.
struct EventLine {
    id: String,
    event_type: String,
    trigger: String,
    arguments: Vec<(String, String)>,
    line: usize,
}

/// An `R` line: id, kind, head id, child id.
struct RelationLine {
    id: String,
    kind: String,
    head: String,
    child: String,
    line: usize,
}

/// An `A`/`M` or `#` line, attached once every span is known.
struct ExtraLine {
    raw: String,
    target: String,
    line: usize,
    kind: ExtraKind,
}

enum ExtraKind {
    Attribute { name: String, value: Option<String> },
    Note { note_type: String, text: String },
}

/// Lines left out, one warning per kind of line and reason.
#[derive(Default)]
// Keyed by the reason's English text too, so that the warnings come in the order they
// always had (the command line's output does not change).
struct Skipped(BTreeMap<(char, String, BratSkip), Vec<(String, usize)>>);

impl Skipped {
    fn add(&mut self, id: &str, line: usize, reason: BratSkip) {
        let kind = id.chars().next().unwrap_or('?');
        self.0
            .entry((kind, reason.to_string(), reason))
            .or_default()
            .push((id.to_owned(), line));
    }

    fn report(self, report: &mut ImportReport) {
        const LISTED: usize = 5;
        for ((kind, _, reason), lines) in self.0 {
            report.warn(
                lines.first().map(|l| l.1),
                DataWarning::BratLinesSkipped {
                    kind,
                    reason,
                    count: lines.len(),
                    places: lines.iter().take(LISTED).cloned().collect(),
                    more: lines.len().saturating_sub(LISTED),
                },
            );
        }
    }
}

/// Reads one document's `.ann` against its text.
struct DocumentReader<'i> {
    input: &'i BratDocument,
    document: PendingDocument,
    /// brat types that some `E` line of the corpus has.
    event_types: &'i HashSet<String>,
    /// Span key → its brat type.
    types: HashMap<String, String>,
    events: Vec<EventLine>,
    relations: Vec<RelationLine>,
    extras: Vec<ExtraLine>,
    /// Lines kept as they are (equivalences, normalizations…).
    kept: Vec<(String, usize)>,
    skipped: Skipped,
    /// Span key → index in `document.spans`.
    spans: HashMap<String, usize>,
    /// Event id → key of its span.
    event_spans: HashMap<String, String>,
    /// `T` ids that trigger an event.
    triggers: HashSet<String>,
}

impl<'i> DocumentReader<'i> {
    fn new(input: &'i BratDocument, options: &ImportOptions, event_types: &'i HashSet<String>) -> Self {
        let document = PendingDocument {
            meta: DocumentMeta {
                source_name: format!("{}.txt", input.name),
                annotator: options.annotator.clone(),
                status: options.status,
            },
            ..PendingDocument::default()
        };
        Self {
            input,
            document,
            event_types,
            types: HashMap::new(),
            events: Vec::new(),
            relations: Vec::new(),
            extras: Vec::new(),
            kept: Vec::new(),
            skipped: Skipped::default(),
            spans: HashMap::new(),
            event_spans: HashMap::new(),
            triggers: HashSet::new(),
        }
    }

    fn read(mut self, builder: &mut SchemaBuilder<'_>, report: &mut ImportReport) -> PendingDocument {
        let (text, shift) = brat_text(&self.input.txt);
        let index = CharIndex::new(&text);
        let input = self.input;
        for (number, line) in input.ann.lines().enumerate().map(|(i, l)| (i + 1, l)) {
            if !line.trim().is_empty() {
                self.read_line(line, number, (&text, &index, shift), builder, report);
            }
        }
        self.place_events(builder);
        self.place_relations(builder);
        self.place_extras(builder);
        self.keep_lines();
        self.skipped.report(report);
        self.document.text = text;
        self.document
    }

    fn read_line(
        &mut self,
        line: &str,
        number: usize,
        text: (&str, &CharIndex, usize),
        builder: &mut SchemaBuilder<'_>,
        report: &mut ImportReport,
    ) {
        let mut fields = line.splitn(3, '\t');
        let (id, data, tail) = (fields.next().unwrap_or_default(), fields.next(), fields.next());
        let Some(data) = data else {
            self.skipped.add(id, number, BratSkip::NoTab);
            return;
        };
        let read = match id.chars().next() {
            Some('T') => read_span(id, data, tail, text, builder).map(|(span, warning)| {
                let brat_type = data.split(' ').next().unwrap_or_default();
                self.types.insert(span.key.clone(), brat_type.to_owned());
                self.spans.insert(span.key.clone(), self.document.spans.len());
                self.document.spans.push(PendingSpan {
                    line: Some(number),
                    ..span
                });
                if let Some(warning) = warning {
                    report.warn(Some(number), warning);
                }
            }),
            Some('R') => read_relation(id, data, number).map(|r| self.relations.push(r)),
            Some('E') => read_event(id, data, number).map(|e| self.events.push(e)),
            Some('A') => read_attribute(line, data, number).map(|a| self.extras.push(a)),
            Some('#') => read_note(line, data, tail, number).map(|n| self.extras.push(n)),
            // `M` is brat's older spelling of an attribute line: kept as it is, so that it
            // comes back as `M`.
            Some('N' | '*' | 'M') => {
                self.kept.push((line.to_owned(), number));
                Ok(())
            }
            _ => Err(BratSkip::UnknownKind),
        };
        if let Err(reason) = read {
            self.skipped.add(id, number, reason);
        }
    }

    fn label_of(&self, key: &str) -> Option<&str> {
        self.spans.get(key).map(|&at| self.document.spans[at].label.as_str())
    }

    /// Each event gets a span: its trigger's for the first event on it, a copy for others.
    fn place_events(&mut self, builder: &mut SchemaBuilder<'_>) {
        let events = std::mem::take(&mut self.events);
        let mut placed = Vec::with_capacity(events.len());
        for event in events {
            let Some(&at) = self.spans.get(&event.trigger) else {
                self.skipped.add(&event.id, event.line, BratSkip::TriggerNotSpan);
                continue;
            };
            let label = builder.label(&event.event_type);
            builder.mark_event(&label);
            let key = if self.triggers.insert(event.trigger.clone()) {
                self.document.spans[at].label.clone_from(&label);
                event.trigger.clone()
            } else {
                let trigger = &self.document.spans[at];
                let copy = PendingSpan {
                    key: event.id.clone(),
                    id: None,
                    label: label.clone(),
                    char_start: trigger.char_start,
                    char_end: trigger.char_end,
                    line: Some(event.line),
                    ..PendingSpan::default()
                };
                self.spans.insert(copy.key.clone(), self.document.spans.len());
                self.types.insert(copy.key.clone(), event.event_type.clone());
                self.document.spans.push(copy);
                event.id.clone()
            };
            self.event_spans.insert(event.id.clone(), key.clone());
            placed.push((event, key));
        }
        for (event, key) in placed {
            let head = self.label_of(&key).unwrap_or_default().to_owned();
            for (role, argument) in &event.arguments {
                let Some(target) = self.span_key(argument) else {
                    self.skipped.add(&event.id, event.line, BratSkip::EventArgumentMissing);
                    continue;
                };
                let child = self.label_of(&target).unwrap_or_default().to_owned();
                let kind = builder.relation(role, &head, &child);
                self.document.links.push(PendingLink {
                    kind,
                    from: key.clone(),
                    to: target,
                    line: Some(event.line),
                    ..PendingLink::default()
                });
            }
        }
    }

    /// The span key of a `T` or `E` id.
    fn span_key(&self, id: &str) -> Option<String> {
        if id.starts_with('E') {
            self.event_spans.get(id).cloned()
        } else {
            self.spans.contains_key(id).then(|| id.to_owned())
        }
    }

    /// Whether a span is an event's (it is written back as an `E` line).
    fn is_event_span(&self, key: &str) -> bool {
        self.types.get(key).is_some_and(|t| self.event_types.contains(t))
    }

    /// Relations become links; one whose head is an event, or a trigger, stays a kept line
    /// (a link from an event span is one of its arguments).
    fn place_relations(&mut self, builder: &mut SchemaBuilder<'_>) {
        for relation in std::mem::take(&mut self.relations) {
            let (Some(head), Some(child)) = (self.span_key(&relation.head), self.span_key(&relation.child)) else {
                self.skipped
                    .add(&relation.id, relation.line, BratSkip::RelationArgumentMissing);
                continue;
            };
            if self.is_event_span(&head) || self.triggers.contains(&relation.head) {
                let line = format!(
                    "{}\t{} Arg1:{} Arg2:{}",
                    relation.id, relation.kind, relation.head, relation.child
                );
                self.kept.push((line, relation.line));
                continue;
            }
            let (from, to) = (
                self.label_of(&head).unwrap_or_default().to_owned(),
                self.label_of(&child).unwrap_or_default().to_owned(),
            );
            let kind = builder.relation(&relation.kind, &from, &to);
            self.document.links.push(PendingLink {
                id: relation.id.strip_prefix('R').and_then(|n| n.parse().ok()),
                key: relation.id,
                kind,
                from: head,
                to: child,
                line: Some(relation.line),
            });
        }
    }

    /// Attributes and notes go to their span (an event's to its span); those Hashiya cannot
    /// hold as such (on a trigger or a relation, a second note, a repeated attribute) are
    /// kept lines.
    fn place_extras(&mut self, builder: &SchemaBuilder<'_>) {
        for extra in std::mem::take(&mut self.extras) {
            let attach = if self.triggers.contains(&extra.target) {
                None
            } else {
                self.span_key(&extra.target)
                    .and_then(|key| self.spans.get(&key).copied())
            };
            let Some(at) = attach else {
                if extra.target.starts_with(['T', 'E']) && self.span_key(&extra.target).is_none() {
                    self.skipped
                        .add(&id_of(&extra.raw), extra.line, BratSkip::MissingAnnotation);
                } else {
                    self.kept.push((extra.raw, extra.line));
                }
                continue;
            };
            let span = &mut self.document.spans[at];
            match extra.kind {
                ExtraKind::Attribute { name, value } => {
                    let name = builder.attribute_name(&span.label, &name);
                    if span.attributes.contains_key(&name) {
                        self.kept.push((extra.raw, extra.line));
                        continue;
                    }
                    let value =
                        value.map_or_else(|| TRUE.to_owned(), |v| builder.attribute_value(&span.label, &name, &v));
                    span.attributes.insert(name, value);
                }
                ExtraKind::Note { note_type, text } => {
                    if note_type != "AnnotatorNotes" || span.note.is_some() {
                        self.kept.push((extra.raw, extra.line));
                    } else {
                        span.note = Some(text);
                    }
                }
            }
        }
    }

    /// Kept lines, with the ids they refer to resolved to span and link keys (their numbers
    /// are settled when the document is built).
    fn keep_lines(&mut self) {
        let mut refs = HashMap::new();
        for (line, number) in std::mem::take(&mut self.kept) {
            let id = id_of(&line);
            let data = line.split('\t').nth(1).unwrap_or_default();
            let tokens: Vec<&str> = data.split(' ').collect();
            let mut known = true;
            for token in &tokens[reference_positions(&id, tokens.len())] {
                let target = token.rsplit_once(':').map_or(*token, |(_, t)| t);
                let reference = match target.chars().next() {
                    Some('T') if self.spans.contains_key(target) => LineRef::Span(target.to_owned()),
                    Some('E') => {
                        let Some(key) = self.event_spans.get(target) else {
                            known = false;
                            break;
                        };
                        LineRef::Event(key.clone())
                    }
                    Some('R') if self.document.links.iter().any(|l| l.key == target) => {
                        LineRef::Link(target.to_owned())
                    }
                    Some('T' | 'R') => {
                        known = false;
                        break;
                    }
                    _ => continue,
                };
                refs.insert(target.to_owned(), reference);
            }
            if known {
                self.document.lines.push(PendingLine {
                    text: line,
                    line: Some(number),
                });
            } else {
                self.skipped.add(&id, number, BratSkip::MissingAnnotation);
            }
        }
        self.document.line_refs = refs;
    }
}

fn id_of(line: &str) -> String {
    line.split('\t').next().unwrap_or_default().to_owned()
}

/// A T line: the span and, when its text field disagrees with the document, a warning.
fn read_span(
    id: &str,
    data: &str,
    tail: Option<&str>,
    (text, index, shift): (&str, &CharIndex, usize),
    builder: &mut SchemaBuilder<'_>,
) -> Result<(PendingSpan, Option<DataWarning>), BratSkip> {
    let (kind, ranges) = data.split_once(' ').ok_or(BratSkip::NoOffsets)?;
    let mut fragments = Vec::new();
    for range in ranges.split(';') {
        let mut numbers = range.split_whitespace().map(str::parse::<usize>);
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Ok(start)), Some(Ok(end)), None) if start <= end => {
                fragments.push((start.saturating_sub(shift), end.saturating_sub(shift)));
            }
            _ => return Err(BratSkip::BadOffsets),
        }
    }
    fragments.sort_unstable();
    let (Some(&(char_start, _)), Some(char_end)) = (fragments.first(), fragments.iter().map(|f| f.1).max()) else {
        return Err(BratSkip::NoOffsets);
    };
    let mut warning = None;
    let gaps_blank = fragments.windows(2).all(|w| {
        index
            .slice(text, w[0].1..w[1].0)
            .chars()
            .all(|c| c.is_whitespace() || is_line_break(c))
    });
    if !gaps_blank {
        warning = Some(DataWarning::Discontinuous {
            id: id.to_owned(),
            start: char_start,
            end: char_end,
        });
    }
    let expected: Vec<&str> = fragments.iter().map(|&(s, e)| index.slice(text, s..e)).collect();
    let expected = expected.join(" ");
    // Offsets past the end are reported when the document is built.
    if let Some(tail) = tail.filter(|t| *t != expected && char_end <= index.char_len()) {
        warning.get_or_insert_with(|| DataWarning::BratTextDiffers {
            id: id.to_owned(),
            field: tail.to_owned(),
            expected: expected.clone(),
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

fn read_relation(id: &str, data: &str, line: usize) -> Result<RelationLine, BratSkip> {
    let mut parts = data.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.filter_map(|a| a.split_once(':').map(|(_, id)| id)).collect();
    match args.as_slice() {
        [head, child] => Ok(RelationLine {
            id: id.to_owned(),
            kind: kind.to_owned(),
            head: (*head).to_owned(),
            child: (*child).to_owned(),
            line,
        }),
        _ => Err(BratSkip::RelationArguments),
    }
}

fn read_event(id: &str, data: &str, line: usize) -> Result<EventLine, BratSkip> {
    let mut parts = data.split_whitespace();
    let (event_type, trigger) = parts
        .next()
        .and_then(|p| p.split_once(':'))
        .filter(|(t, trigger)| !t.is_empty() && !trigger.is_empty())
        .ok_or(BratSkip::EventTrigger)?;
    let mut arguments = Vec::new();
    for part in parts {
        let (role, argument) = part.split_once(':').ok_or(BratSkip::EventArgument)?;
        arguments.push((role.to_owned(), argument.to_owned()));
    }
    Ok(EventLine {
        id: id.to_owned(),
        event_type: event_type.to_owned(),
        trigger: trigger.to_owned(),
        arguments,
        line,
    })
}

fn read_attribute(raw: &str, data: &str, line: usize) -> Result<ExtraLine, BratSkip> {
    let mut parts = data.splitn(3, ' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(target), value) if !name.is_empty() && !target.trim().is_empty() => Ok(ExtraLine {
            raw: raw.to_owned(),
            target: target.trim().to_owned(),
            line,
            kind: ExtraKind::Attribute {
                name: name.to_owned(),
                value: value.map(|v| v.trim().to_owned()),
            },
        }),
        _ => Err(BratSkip::AttributeArguments),
    }
}

fn read_note(raw: &str, data: &str, tail: Option<&str>, line: usize) -> Result<ExtraLine, BratSkip> {
    let mut parts = data.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(note_type), Some(target), None) => Ok(ExtraLine {
            raw: raw.to_owned(),
            target: target.to_owned(),
            line,
            kind: ExtraKind::Note {
                note_type: note_type.to_owned(),
                text: unescape_note(tail.unwrap_or_default()),
            },
        }),
        _ => Err(BratSkip::NoteArguments),
    }
}
