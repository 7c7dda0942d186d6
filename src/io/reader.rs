//! Reading annotation files: parse (ron, with line:column errors), check the file against
//! itself, then place its spans in the article, re-anchoring what moved.

use std::collections::{HashMap, HashSet};

use crate::io::anchor::{Placement, Stored, place_all};
use crate::io::differential::RonReader;
use crate::io::dto::{FileDto, SpanDto, VersionProbe};
use crate::io::locate::{Locator, Section};
use crate::io::{IoError, LoadWarning, MAX_ANNOTATION_BYTES, Problem, ProblemReason, SyntaxKind, reads_format_version};
use crate::model::{Document, DocumentMeta, Link, Schema, Span};
use crate::text::CharIndex;

/// Nesting depth ron may reach; the format needs 7, and the limit keeps hostile input from
/// exhausting the stack.
const RECURSION_LIMIT: usize = 32;

/// Problems reported per file; a file of random bytes could otherwise produce thousands.
const MAX_PROBLEMS: usize = 200;

/// A span that could not be placed in the article: its text is no longer there. Never
/// dropped: the UI lists it, the user places or deletes it, and
/// [`crate::io::save_document_with_orphans`] keeps it in the file meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrphanSpan {
    /// The span with the offsets it had in the file.
    pub span: Span,
    /// The text it covered.
    pub text: String,
    /// Its links as stored (the other end may be placed or orphaned too). Once the span is
    /// placed again, `Command::RestoreSpan { span, links }` puts both back.
    pub links: Vec<Link>,
}

/// Annotations read from a file and placed in an article.
#[derive(Clone, Debug)]
pub struct LoadedAnnotations {
    /// The document: the article text, schema, meta, placed spans and their links.
    pub document: Document,
    /// Spans whose text is no longer in the article.
    pub orphans: Vec<OrphanSpan>,
    /// What the user should know: the article changed, spans moved (marked for review), …
    pub warnings: Vec<LoadWarning>,
}

/// Reads annotations from RON text and places them in `text` (the normalized article).
pub fn from_ron_str(ron: &str, text: &str) -> Result<LoadedAnnotations, IoError> {
    from_ron_str_as(ron, text, None)
}

/// [`from_ron_str`] for the article file `source_name` (warns when the file names another).
pub(crate) fn from_ron_str_as(ron: &str, text: &str, source_name: Option<&str>) -> Result<LoadedAnnotations, IoError> {
    from_ron_str_with(ron, text, source_name, RonReader::FastThenRon)
}

/// [`from_ron_str_as`] with a choice of parser.
pub(crate) fn from_ron_str_with(
    ron: &str,
    text: &str,
    source_name: Option<&str>,
    reader: RonReader,
) -> Result<LoadedAnnotations, IoError> {
    let file = parse_file_with(ron, reader)?;
    let schema = check_file(&file, ron)?;
    let lints = lint_file(&file, &schema, ron);
    let mut loaded = place(file, schema, text, source_name)?;
    if !lints.is_empty() {
        loaded.warnings.push(LoadWarning::Lints(lints));
    }
    Ok(loaded)
}

/// Parses RON text as an annotation file of the current version.
pub(crate) fn parse_file(ron: &str) -> Result<FileDto, IoError> {
    parse_file_with(ron, RonReader::FastThenRon)
}

/// [`parse_file`] with a choice of parser; the differential fuzz target compares the two.
pub(crate) fn parse_file_with(ron: &str, reader: RonReader) -> Result<FileDto, IoError> {
    if ron.len() as u64 > MAX_ANNOTATION_BYTES {
        return Err(IoError::TooLarge {
            path: std::path::PathBuf::new(),
            bytes: ron.len() as u64,
            limit: MAX_ANNOTATION_BYTES,
        });
    }
    let options = ron_options();
    if reader == RonReader::FastThenRon
        && let Some(file) = crate::io::canonical_reader::parse_canonical(ron, &options)
    {
        return if reads_format_version(file.format_version) {
            Ok(file)
        } else {
            Err(unsupported(file.format_version))
        };
    }
    match options.from_str::<FileDto>(ron) {
        Ok(file) if reads_format_version(file.format_version) => Ok(file),
        Ok(file) => Err(unsupported(file.format_version)),
        Err(error) => {
            if let Ok(probe) = options.from_str::<VersionProbe>(ron)
                && !reads_format_version(probe.format_version)
            {
                return Err(unsupported(probe.format_version));
            }
            Err(syntax_error(ron, &error))
        }
    }
}

/// The error for text that is not RON of the annotation format, at ron's position (a stop at
/// the end of the content is a truncated file), worded for an annotator.
pub(crate) fn syntax_error(ron: &str, error: &ron::error::SpannedError) -> IoError {
    let position = crate::io::Position {
        line: error.span.start.line,
        col: error.span.start.col,
    };
    // ron names what it expected when the text stops in the middle of an item (for example an
    // opening bracket): at the end of the content that is a truncated file.
    let end = crate::io::Position::of_byte(ron, ron.trim_end().len());
    let at_end = (position.line, position.col) >= (end.line, end.col);
    let (message, kind) = if at_end {
        parse_message(&ron::Error::Eof)
    } else {
        parse_message(&error.code)
    };
    IoError::invalid(vec![
        Problem::at(Some(position), message).because(ProblemReason::Syntax(kind)),
    ])
}

/// The ron settings every annotation file is read with.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// ron's message, with the words an annotator needs where ron's are terse.
fn parse_message(code: &ron::Error) -> (String, SyntaxKind) {
    match code {
        ron::Error::IntegerOutOfBounds => (
            "a number is negative or too large here (Integer is out of bounds)".into(),
            SyntaxKind::NumberOutOfRange,
        ),
        ron::Error::Eof => (
            "the file ends too early: it is truncated or a bracket is missing".into(),
            SyntaxKind::Truncated,
        ),
        ron::Error::ExceededRecursionLimit => (
            format!("brackets are nested deeper than the format allows ({RECURSION_LIMIT})"),
            SyntaxKind::TooDeep,
        ),
        other => (other.to_string(), SyntaxKind::Other),
    }
}

pub(crate) fn unsupported(found: u64) -> IoError {
    IoError::UnsupportedVersion {
        path: std::path::PathBuf::new(),
        found,
    }
}

/// What a valid file holds that the schema does not define, or that a rewrite would lose:
/// a repeated attribute name (the last value wins), attribute names and values the span's
/// label does not define, a `char_len` no article can have. The file still opens (the window
/// warns, nothing is dropped); `hashiya validate` reports them; `hashiya fmt` refuses a
/// repeated attribute, whose other values it would drop.
pub(crate) fn lint_file(file: &FileDto, schema: &Schema, ron: &str) -> Vec<Problem> {
    let locator = Locator::new(ron);
    let mut problems = Vec::new();
    if file.document.char_len > crate::io::MAX_ARTICLE_BYTES {
        problems.push(
            Problem::at(
                locator.section(Section::Document),
                format!(
                    "document.char_len {} is larger than any article Hashiya opens ({} bytes at most)",
                    file.document.char_len,
                    crate::io::MAX_ARTICLE_BYTES
                ),
            )
            .because(ProblemReason::CharLenTooLarge {
                char_len: file.document.char_len,
            }),
        );
    }
    problems.extend(repeated_attributes(file, &locator));
    let needed = file.lowest_version();
    if file.format_version < needed {
        problems.push(Problem::at(
            locator.section(Section::Document),
            format!(
                "the file says format_version {} but uses fields of version {needed} ({}); a save writes version {needed}",
                file.format_version,
                if needed >= 4 {
                    "suggestions, rejections, suggestion rules or a kept tokenization"
                } else if needed == 3 {
                    "a span's entity"
                } else {
                    "a field of version 2"
                }
            ),
        )
        .because(ProblemReason::VersionTooLow {
            declared: file.format_version,
            needed,
        }));
    }
    for (section, span) in all_spans(file) {
        let Some(label) = schema.label(&span.label) else {
            continue;
        };
        for (name, value) in &span.attributes.map {
            let (message, reason) = match label.attributes.iter().find(|a| &a.name == name) {
                None => (
                    format!(
                        "span T{} has attribute \"{name}\", which label {} does not define",
                        span.id, label.name
                    ),
                    ProblemReason::UnknownAttribute {
                        span: span.id,
                        name: name.clone(),
                    },
                ),
                Some(def) if !def.values.is_empty() && !def.values.contains(value) => (
                    format!(
                        "span T{} has {name} \"{value}\", which is not one of the schema's values ({})",
                        span.id,
                        def.values.join(", ")
                    ),
                    ProblemReason::UnknownAttributeValue {
                        span: span.id,
                        name: name.clone(),
                        value: value.clone(),
                    },
                ),
                Some(_) => continue,
            };
            problems.push(Problem::at(locator.item(section, span.id), message).because(reason));
        }
    }
    problems.sort_by_key(|p| p.position.map_or((usize::MAX, 0), |p| (p.line, p.col)));
    problems.truncate(MAX_PROBLEMS);
    problems
}

/// Attribute names given more than once in a span: a rewrite keeps only the last value.
pub(crate) fn repeated_attributes(file: &FileDto, locator: &Locator<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (section, span) in all_spans(file) {
        for (name, value) in &span.attributes.replaced {
            let last = span.attributes.map.get(name).map_or("", String::as_str);
            problems.push(
                Problem::at(
                    locator.item(section, span.id),
                    format!(
                        "span T{} gives attribute \"{name}\" more than once: \"{value}\" is replaced by \"{last}\"",
                        span.id
                    ),
                )
                .because(ProblemReason::AttributeRepeated {
                    span: span.id,
                    name: name.clone(),
                }),
            );
        }
    }
    problems
}

fn all_spans(file: &FileDto) -> impl Iterator<Item = (Section, &SpanDto)> {
    let spans = file.spans.iter().map(|s| (Section::Spans, s));
    spans.chain(file.orphans.iter().map(|s| (Section::Orphans, s)))
}

/// Checks a parsed file against itself (no article needed): schema, identity, ids, ranges,
/// span texts, labels, links. Returns the schema when there is no problem.
pub(crate) fn check_file(file: &FileDto, ron: &str) -> Result<Schema, IoError> {
    let mut checker = Checker {
        locator: Locator::new(ron),
        problems: Vec::new(),
        dropped: 0,
    };
    let schema = Schema::from(&file.schema);
    if let Err(error) = schema.validate() {
        let position = checker.locator.section(Section::Schema);
        checker.push(Problem::at(position, error.to_string()).because(ProblemReason::Schema(error)));
    }
    checker.check_identity(file);
    let labels = checker.check_spans(file, &schema);
    checker.check_links(file, &schema, &labels);
    checker.check_suggestions(file, &schema, &labels);
    if checker.problems.is_empty() {
        Ok(schema)
    } else {
        let mut problems = checker.problems;
        problems.sort_by_key(|p| p.position.map_or((usize::MAX, 0), |p| (p.line, p.col)));
        if checker.dropped > 0 {
            problems.push(
                Problem::new(format!("… and {} more problems", checker.dropped))
                    .because(ProblemReason::MoreProblems { count: checker.dropped }),
            );
        }
        Err(IoError::invalid(problems))
    }
}

struct Checker<'r> {
    locator: Locator<'r>,
    problems: Vec<Problem>,
    /// Problems past `MAX_PROBLEMS`, counted.
    dropped: usize,
}

impl Checker<'_> {
    fn push(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.dropped += 1;
        }
    }

    fn check_suggestions(&mut self, file: &FileDto, schema: &Schema, labels: &HashMap<u64, &str>) {
        let span_ids: HashSet<u64> = labels.keys().copied().collect();
        for (is_span, id, message, reason) in file.suggestion_problems(schema, &span_ids) {
            let section = if is_span {
                Section::Suggestions
            } else {
                Section::SuggestedLinks
            };
            let position = self.locator.item(section, id);
            self.push(Problem::at(position, message).because(reason));
        }
    }

    fn check_identity(&mut self, file: &FileDto) {
        let sha = &file.document.sha256;
        if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            let position = self.locator.section(Section::Document);
            self.push(
                Problem::at(position, "document.sha256 is not 64 lowercase hex digits")
                    .because(ProblemReason::Sha256Malformed),
            );
        }
        if usize::try_from(file.document.char_len).is_err() {
            let position = self.locator.section(Section::Document);
            self.push(
                Problem::at(position, "document.char_len is too large for this computer").because(
                    ProblemReason::CharLenTooLarge {
                        char_len: file.document.char_len,
                    },
                ),
            );
        }
    }

    /// Checks spans and orphans; returns every span id with its label.
    fn check_spans<'f>(&mut self, file: &'f FileDto, schema: &Schema) -> HashMap<u64, &'f str> {
        let mut labels = HashMap::with_capacity(file.spans.len() + file.orphans.len());
        let sections = [(Section::Spans, &file.spans), (Section::Orphans, &file.orphans)];
        for (section, spans) in sections {
            let mut occurrences: HashMap<u64, usize> = HashMap::new();
            for span in spans {
                let occurrence = occurrences.entry(span.id).or_insert(0);
                let nth = *occurrence;
                *occurrence += 1;
                let mut problems = Vec::new();
                if labels.insert(span.id, span.label.as_str()).is_some() {
                    problems.push((
                        format!("span T{} is defined twice", span.id),
                        ProblemReason::SpanTwice { span: span.id },
                    ));
                }
                if schema.label(&span.label).is_none() {
                    problems.push((
                        format!(
                            "span T{} has label \"{}\", which the schema does not define",
                            span.id, span.label
                        ),
                        ProblemReason::UnknownLabel {
                            span: span.id,
                            label: span.label.clone(),
                        },
                    ));
                }
                if let Some(message) = range_problem(span, file.document.char_len, section == Section::Spans) {
                    let reason = ProblemReason::BadRange {
                        span: span.id,
                        start: span.start,
                        end: span.end,
                    };
                    problems.push((message, reason));
                }
                if let Some(Err(error)) = span.entity.as_deref().map(str::parse::<crate::model::EntityId>) {
                    problems.push((
                        format!("span T{} names entity {error}", span.id),
                        ProblemReason::BadEntity { span: span.id },
                    ));
                }
                if !problems.is_empty() {
                    let position = self.locator.nth_item(section, span.id, nth);
                    for (message, reason) in problems {
                        self.push(Problem::at(position, message).because(reason));
                    }
                }
            }
        }
        labels
    }

    fn check_links(&mut self, file: &FileDto, schema: &Schema, labels: &HashMap<u64, &str>) {
        let mut ids = HashSet::with_capacity(file.links.len());
        let mut seen: HashMap<(&str, u64, u64), u64> = HashMap::with_capacity(file.links.len());
        let mut heads: HashMap<(&str, u64), u64> = HashMap::new();
        let mut occurrences: HashMap<u64, usize> = HashMap::new();
        for link in &file.links {
            let occurrence = occurrences.entry(link.id).or_insert(0);
            let nth = *occurrence;
            *occurrence += 1;
            let mut problems = Vec::new();
            if !ids.insert(link.id) {
                problems.push((
                    format!("link R{} is defined twice", link.id),
                    ProblemReason::LinkTwice { link: link.id },
                ));
            }
            let ends = [link.from, link.to].map(|id| labels.get(&id).copied());
            for (id, label) in [link.from, link.to].iter().zip(ends) {
                if label.is_none() {
                    problems.push((
                        format!("link R{} refers to missing span T{id}", link.id),
                        ProblemReason::MissingSpan {
                            link: link.id,
                            span: *id,
                        },
                    ));
                }
            }
            match schema.relation(&link.kind) {
                None => problems.push((
                    format!(
                        "link R{} has kind \"{}\", which the schema does not define",
                        link.id, link.kind
                    ),
                    ProblemReason::UnknownRelation {
                        link: link.id,
                        kind: link.kind.clone(),
                    },
                )),
                Some(relation) => {
                    if let [Some(from), Some(to)] = ends
                        && !relation.allows(from, to)
                    {
                        problems.push((
                            format!(
                                "link R{}: a {} link goes {}, not from a {from} to a {to}",
                                link.id,
                                link.kind,
                                relation.pairs_text()
                            ),
                            ProblemReason::LinkLabels {
                                link: link.id,
                                kind: link.kind.clone(),
                                from: from.to_owned(),
                                to: to.to_owned(),
                            },
                        ));
                    }
                    if let Some(first) = seen.insert((&link.kind, link.from, link.to), link.id) {
                        problems.push((
                            format!("link R{} repeats link R{first}", link.id),
                            ProblemReason::LinkRepeats { link: link.id, first },
                        ));
                    } else if !relation.multiple
                        && let Some(first) = heads.insert((&link.kind, link.from), link.id)
                    {
                        problems.push((
                            format!(
                                "link R{}: span T{} already has a {} (R{first}), and a {} has only one",
                                link.id, link.from, link.kind, relation.from_label
                            ),
                            ProblemReason::OnlyOneLink {
                                link: link.id,
                                span: link.from,
                                kind: link.kind.clone(),
                                first,
                            },
                        ));
                    }
                }
            }
            if !problems.is_empty() {
                let position = self.locator.nth_item(Section::Links, link.id, nth);
                for (message, reason) in problems {
                    self.push(Problem::at(position, message).because(reason));
                }
            }
        }
    }
}

/// A span's range must be non-empty, inside the document it was saved with (orphans excepted:
/// their offsets refer to an older text), and as long as its stored text.
fn range_problem(span: &SpanDto, char_len: u64, in_document: bool) -> Option<String> {
    let id = span.id;
    let (start, end) = (span.start, span.end);
    if start >= end {
        return Some(format!("span T{id} has the empty or reversed range {start}..{end}"));
    }
    if in_document && end > char_len {
        return Some(format!(
            "span T{id} has range {start}..{end}, past the end of the document (0..{char_len})"
        ));
    }
    if usize::try_from(end).is_err() {
        return Some(format!(
            "span T{id} has range {start}..{end}, too large for this computer"
        ));
    }
    let text_chars = span.text.chars().count() as u64;
    if text_chars != end - start {
        return Some(format!(
            "span T{id} has range {start}..{end} ({} chars) but its text has {text_chars} chars",
            end - start
        ));
    }
    None
}

/// Places the checked file's spans in the article and builds the document.
fn place(file: FileDto, schema: Schema, text: &str, source_name: Option<&str>) -> Result<LoadedAnnotations, IoError> {
    let index = CharIndex::new(text);
    let mut warnings = Vec::new();
    let sha256 = crate::io::sha256_hex(text);
    if sha256 != file.document.sha256 {
        warnings.push(LoadWarning::ArticleChanged {
            then: file.document.char_len,
            now: index.char_len(),
        });
    }
    if let Some(name) = source_name
        && name != file.document.file
    {
        warnings.push(LoadWarning::OtherArticle {
            saved_for: file.document.file.clone(),
            article: name.to_owned(),
        });
    }
    let mut spans = Vec::with_capacity(file.spans.len());
    let mut moved = Vec::new();
    let mut orphans = Vec::new();
    // Spans, then the orphans of an earlier load, which get another chance.
    let stored: Vec<&SpanDto> = file.spans.iter().chain(&file.orphans).collect();
    let placements = place_stored(&file, text, &index);
    for (span, placement) in stored.into_iter().zip(placements) {
        // `check_file` made sure the offsets fit usize.
        let start = usize::try_from(span.start).unwrap_or(usize::MAX);
        let end = usize::try_from(span.end).unwrap_or(usize::MAX);
        match placement {
            Placement::InPlace => spans.push(span.to_span(start, end)),
            Placement::Moved(new_start) => {
                let mut placed = span.to_span(new_start, new_start + (end - start));
                placed.needs_review = true;
                moved.push(format!(
                    "T{} \"{}\" {start}..{end} → {}..{}",
                    span.id, span.text, placed.char_start, placed.char_end
                ));
                spans.push(placed);
            }
            Placement::Orphan => orphans.push(OrphanSpan {
                span: span.to_span(start, end),
                text: span.text.clone(),
                links: Vec::new(),
            }),
        }
    }
    if !moved.is_empty() {
        warnings.push(LoadWarning::Moved(moved));
    }
    let orphan_lines: Vec<String> = orphans
        .iter()
        .map(|o| format!("{} \"{}\"", o.span.id, o.text))
        .collect();
    if !orphan_lines.is_empty() {
        warnings.push(LoadWarning::Orphaned(orphan_lines));
    }
    // In id order, whichever section of the file each came from: a file loads to the same
    // orphans as its saved copy.
    orphans.sort_by_key(|orphan| orphan.span.id.0);
    let links = split_links(&file, &mut orphans);
    let placed: HashSet<crate::model::SpanId> = spans.iter().map(|s| s.id).collect();
    let (suggestions, dropped) = file.place_suggestions(text, &index, &placed);
    warnings.extend(dropped.map(LoadWarning::SuggestionsDropped));
    let meta = DocumentMeta {
        source_name: source_name.unwrap_or(&file.document.file).to_owned(),
        annotator: file.annotator,
        status: file.status.into(),
    };
    let brat_lines = file.brat_lines;
    let document = Document::from_parts(text.to_owned(), schema, meta, spans, links)
        .with_brat_lines(brat_lines)
        .with_tokenization(file.tokenization.into())
        .with_suggestions(suggestions);
    let problems = document.check();
    if !problems.is_empty() {
        return Err(IoError::invalid(problems.into_iter().map(Problem::new).collect()));
    }
    Ok(LoadedAnnotations {
        document,
        orphans,
        warnings,
    })
}

/// Re-anchors the file's spans then its orphans (in that order) in `text`.
pub(crate) fn place_stored(file: &FileDto, text: &str, index: &CharIndex) -> Vec<Placement> {
    let stored: Vec<Stored<'_>> = file
        .spans
        .iter()
        .map(|s| (s, false))
        .chain(file.orphans.iter().map(|s| (s, true)))
        .map(|(span, orphan)| Stored {
            start: usize::try_from(span.start).unwrap_or(usize::MAX),
            end: usize::try_from(span.end).unwrap_or(usize::MAX),
            text: &span.text,
            orphan,
        })
        .collect();
    let old_len = usize::try_from(file.document.char_len).unwrap_or(usize::MAX);
    place_all(text, index, &stored, old_len)
}

/// Links between placed spans go to the document; the others stay with their orphans.
fn split_links(file: &FileDto, orphans: &mut [OrphanSpan]) -> Vec<Link> {
    let orphan_at: HashMap<u64, usize> = orphans.iter().enumerate().map(|(i, o)| (o.span.id.0, i)).collect();
    let mut links = Vec::with_capacity(file.links.len());
    for link in &file.links {
        let ends = [orphan_at.get(&link.from), orphan_at.get(&link.to)];
        if ends.iter().all(Option::is_none) {
            links.push(link.to_link());
        }
        let same_orphan = ends[0].is_some() && ends[0] == ends[1];
        for &at in ends.iter().take(if same_orphan { 1 } else { 2 }).flatten() {
            if let Some(orphan) = orphans.get_mut(*at) {
                orphan.links.push(link.to_link());
            }
        }
    }
    // In id order, as a save writes them: a file with its links in another order loads to
    // the same orphans as its saved copy.
    for orphan in orphans.iter_mut() {
        orphan.links.sort_by_key(|link| link.id.0);
    }
    links
}
