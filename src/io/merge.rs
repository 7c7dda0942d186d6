//! Three-way merge of annotation files, the engine of `hashiya merge-file`, git's merge driver
//! for `*.hashiya.ron`.
//!
//! Git merges lines; an annotation file is a set of spans and links, and two branches that
//! each added a span at the end of a list, or both renumbered nothing but added span T12,
//! would conflict line by line although nothing conflicts in meaning. Here the unit is the
//! span and the link:
//!
//! - A span of the common ancestor keeps its id on both sides, so it is merged by id: taken
//!   from the side that changed it; when both changed it differently (or one deleted what the
//!   other edited), every surviving version is kept, marked `needs_review` with a note saying
//!   where it came from, and the merge still succeeds: the window lists them for review.
//! - Spans added on one side are taken; the same span added on both sides (same range, label,
//!   attributes and note) is taken once. Spans added on the other branch whose ids are taken
//!   get fresh ids above every id in use.
//! - Links are merged as a set of (kind, head, child): one a side removed is removed, one a
//!   side added is added. A link the schema would refuse in the merged file (its span's label
//!   changed on the other side; a second speaker where a quote has one) is left out and its
//!   head marked for review.
//! - The schema, the annotator name, the status and the kept brat lines are taken from the
//!   side that changed them; the schema changed on both sides differently, or the two sides
//!   annotating different texts of the article, cannot be merged here: the merge fails and
//!   git reports a conflict, leaving our version (a valid file) in place.
//!
//! The merged file is checked like any file read from disk before it is returned.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::io::IoError;
use crate::io::dto::{FileDto, LinkDto, SpanDto, StatusDto};
use crate::io::merge_note::{LinkRefusal, MergeNote};
use crate::model::Schema;

/// One of the three versions a merge reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The common ancestor.
    Base,
    /// The version of the branch being merged into (git's `%A`).
    Ours,
    /// The version of the branch merged in (git's `%B`).
    Theirs,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Base => "the common ancestor",
            Self::Ours => "our version",
            Self::Theirs => "their version",
        })
    }
}

/// Why two versions could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A version is not a valid annotation file.
    #[error("{side} is not a valid annotation file: {source}")]
    Unreadable {
        /// Which version.
        side: Side,
        /// What is wrong with it.
        source: IoError,
    },
    /// The two versions were saved against different texts of the article.
    #[error(
        "the two versions annotate different texts of the article (sha256 {ours}… and {theirs}…); \
         open each with the current article and save it, then merge again"
    )]
    DifferentArticles {
        /// The start of the SHA-256 of the text our version annotates.
        ours: String,
        /// The start of the SHA-256 of the text their version annotates.
        theirs: String,
    },
    /// Both versions changed the schema, differently.
    #[error("both versions changed the schema, differently: merge the schema by hand in one of them")]
    SchemaConflict,
    /// The merged file failed the checks every file passes (a bug: reported, never written).
    #[error("the merged file would not be valid: {0}")]
    Invalid(IoError),
}

/// A merged annotation file and what the merge had to decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeOutcome {
    /// The merged file, in canonical form.
    pub ron: String,
    /// Spans changed differently on both sides (or changed on one, deleted on the other):
    /// every surviving version is in the file, marked for review.
    pub conflicting_spans: usize,
    /// Links left out because the merged file could not hold them (the head is marked for
    /// review).
    pub dropped_links: usize,
    /// Spans the merged file has from their side only (added or changed there).
    pub spans_from_theirs: usize,
}

impl MergeOutcome {
    /// Whether a person has something to look at.
    #[must_use]
    pub fn needs_review(&self) -> bool {
        self.conflicting_spans > 0 || self.dropped_links > 0
    }
}

/// Merges `ours` and `theirs`, the two annotation files descending from `base` (empty when
/// the file did not exist in the common ancestor). Each text may start with a byte order mark.
pub fn merge_annotation_files(base: &str, ours: &str, theirs: &str) -> Result<MergeOutcome, MergeError> {
    let base = if base.trim().is_empty() {
        None
    } else {
        Some(parse(base, Side::Base)?)
    };
    let ours = parse(ours, Side::Ours)?;
    let theirs = parse(theirs, Side::Theirs)?;
    if ours.document != theirs.document {
        let start = |sha: &str| sha.chars().take(12).collect();
        return Err(MergeError::DifferentArticles {
            ours: start(&ours.document.sha256),
            theirs: start(&theirs.document.sha256),
        });
    }
    let schema_dto = pick(base.as_ref().map(|b| &b.schema), &ours.schema, &theirs.schema)
        .ok_or(MergeError::SchemaConflict)?
        .clone();
    let schema = Schema::from(&schema_dto);
    let mut spans = SpanMerge::new(base.as_ref(), &ours, &theirs);
    spans.merge_common();
    spans.take_added();
    let links = LinkMerge::run(base.as_ref(), &ours, &theirs, &mut spans, &schema);
    let conflicts = spans.conflicts + links.dropped;
    let status = merged_status(base.as_ref(), &ours, &theirs, conflicts > 0);
    let mut file = FileDto {
        format_version: crate::io::FORMAT_VERSION,
        document: ours.document.clone(),
        annotator: pick(base.as_ref().map(|b| &b.annotator), &ours.annotator, &theirs.annotator)
            .unwrap_or(&ours.annotator)
            .clone(),
        status,
        schema: schema_dto,
        spans: Vec::new(),
        links: links.out,
        orphans: Vec::new(),
        brat_lines: pick(
            base.as_ref().map(|b| &b.brat_lines),
            &ours.brat_lines,
            &theirs.brat_lines,
        )
        .unwrap_or(&ours.brat_lines)
        .clone(),
        tokenization: pick(
            base.as_ref().map(|b| &b.tokenization),
            &ours.tokenization,
            &theirs.tokenization,
        )
        .copied()
        .unwrap_or(ours.tokenization),
        suggestions: Vec::new(),
        suggested_links: Vec::new(),
        rejected: Vec::new(),
        rejected_links: Vec::new(),
    };
    for entry in spans.out {
        if entry.orphan {
            file.orphans.push(entry.span);
        } else {
            file.spans.push(entry.span);
        }
    }
    merge_suggestions(&mut file, &ours, &theirs);
    file.format_version = file.lowest_version();
    let ron = crate::io::writer::write_file(&file);
    let reread = crate::io::reader::parse_file(&ron).map_err(MergeError::Invalid)?;
    crate::io::reader::check_file(&reread, &ron).map_err(MergeError::Invalid)?;
    Ok(MergeOutcome {
        ron,
        conflicting_spans: spans.conflicts,
        dropped_links: links.dropped,
        spans_from_theirs: spans.from_theirs,
    })
}

fn parse(text: &str, side: Side) -> Result<FileDto, MergeError> {
    let unreadable = |source| MergeError::Unreadable { side, source };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = crate::io::reader::parse_file(text).map_err(unreadable)?;
    crate::io::reader::check_file(&file, text).map_err(unreadable)?;
    Ok(file)
}

/// The three-way choice of one value: the side that changed it; `None` when both changed it
/// differently.
fn pick<'v, T: PartialEq>(base: Option<&T>, ours: &'v T, theirs: &'v T) -> Option<&'v T> {
    if ours == theirs || base == Some(theirs) {
        Some(ours)
    } else if base == Some(ours) {
        Some(theirs)
    } else {
        None
    }
}

/// The status the sides agree on; else the less advanced one. A file with something to
/// review is not done.
fn merged_status(base: Option<&FileDto>, ours: &FileDto, theirs: &FileDto, conflicts: bool) -> StatusDto {
    let rank = |status: StatusDto| match status {
        StatusDto::NotStarted => 0,
        StatusDto::InProgress => 1,
        StatusDto::Done => 2,
    };
    let status = pick(base.map(|b| &b.status), &ours.status, &theirs.status)
        .copied()
        .unwrap_or_else(|| std::cmp::min_by_key(ours.status, theirs.status, |s| rank(*s)));
    if conflicts && status == StatusDto::Done {
        StatusDto::InProgress
    } else {
        status
    }
}

/// A span of the merged file, or of one side, with the list it is in.
#[derive(Clone, Debug)]
struct Entry {
    span: SpanDto,
    /// In the `orphans` list (its text was not found in the article when last opened).
    orphan: bool,
}

impl Entry {
    /// Same annotation, whatever the id.
    fn same_as(&self, other: &Self) -> bool {
        let (a, b) = (&self.span, &other.span);
        self.orphan == other.orphan
            && a.label == b.label
            && a.start == b.start
            && a.end == b.end
            && a.text == b.text
            && a.attributes.map == b.attributes.map
            && a.note == b.note
            && a.needs_review == b.needs_review
            && a.entity == b.entity
    }
}

fn same(a: Option<&Entry>, b: Option<&Entry>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same_as(b),
        (None, None) => true,
        _ => false,
    }
}

fn entries(file: &FileDto) -> BTreeMap<u64, Entry> {
    let spans = file.spans.iter().map(|s| (s, false));
    spans
        .chain(file.orphans.iter().map(|s| (s, true)))
        .map(|(span, orphan)| {
            let entry = Entry {
                span: span.clone(),
                orphan,
            };
            (span.id, entry)
        })
        .collect()
}

/// A span as the three versions share it: by its id in the ancestor, or as added on a side
/// (a span added on both sides alike is one `Ours` span).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Logical {
    Base(u64),
    Ours(u64),
    Theirs(u64),
}

/// The span half of a merge: the merged spans and, per side, where each of its spans went.
struct SpanMerge {
    base: BTreeMap<u64, Entry>,
    ours: BTreeMap<u64, Entry>,
    theirs: BTreeMap<u64, Entry>,
    /// A span id on their side → the span it is.
    theirs_logical: HashMap<u64, Logical>,
    out: Vec<Entry>,
    used_ids: BTreeSet<u64>,
    /// Logical span → its id in the merged file, as our links see it.
    ours_out: HashMap<Logical, u64>,
    /// Logical span → its id in the merged file, as their links see it.
    theirs_out: HashMap<Logical, u64>,
    conflicts: usize,
    from_theirs: usize,
}

impl SpanMerge {
    fn new(base: Option<&FileDto>, ours: &FileDto, theirs: &FileDto) -> Self {
        let base = base.map(entries).unwrap_or_default();
        let ours = entries(ours);
        let theirs = entries(theirs);
        let mut used_ids: BTreeSet<u64> = base.keys().copied().collect();
        used_ids.extend(ours.keys().copied());
        Self {
            base,
            ours,
            theirs,
            theirs_logical: HashMap::new(),
            out: Vec::new(),
            used_ids,
            ours_out: HashMap::new(),
            theirs_out: HashMap::new(),
            conflicts: 0,
            from_theirs: 0,
        }
    }

    fn fresh_id(&mut self) -> u64 {
        let id = self.used_ids.last().map_or(1, |last| last.saturating_add(1));
        self.used_ids.insert(id);
        id
    }

    /// Which span an id of our side is.
    fn ours_logical(&self, id: u64) -> Logical {
        if self.base.contains_key(&id) {
            Logical::Base(id)
        } else {
            Logical::Ours(id)
        }
    }

    fn push(&mut self, mut entry: Entry, id: u64) -> u64 {
        entry.span.id = id;
        self.out.push(entry);
        id
    }

    /// The spans of the ancestor: each side's change taken, conflicting changes all kept.
    fn merge_common(&mut self) {
        let ids: Vec<u64> = self.base.keys().copied().collect();
        for id in ids {
            let key = Logical::Base(id);
            let base = self.base.get(&id);
            let (ours, theirs) = (self.ours.get(&id).cloned(), self.theirs.get(&id).cloned());
            let theirs_changed = !same(theirs.as_ref(), base);
            let ours_changed = !same(ours.as_ref(), base);
            if theirs.is_some() {
                self.theirs_logical.insert(id, key);
            }
            if !ours_changed || !theirs_changed || same(ours.as_ref(), theirs.as_ref()) {
                let taken = if ours_changed { ours } else { theirs };
                if let Some(entry) = taken {
                    if theirs_changed && !ours_changed {
                        self.from_theirs += 1;
                    }
                    self.push(entry, id);
                    self.ours_out.insert(key, id);
                    self.theirs_out.insert(key, id);
                }
                continue;
            }
            self.conflicts += 1;
            if let Some(entry) = ours {
                let entry = marked(entry, Side::Ours);
                self.push(entry, id);
                self.ours_out.insert(key, id);
            }
            if let Some(entry) = theirs {
                let new_id = if self.ours_out.contains_key(&key) {
                    self.fresh_id()
                } else {
                    id
                };
                let entry = marked(entry, Side::Theirs);
                self.from_theirs += 1;
                self.push(entry, new_id);
                self.theirs_out.insert(key, new_id);
            }
        }
    }

    /// Spans added on either side; one added alike on both is taken once.
    fn take_added(&mut self) {
        let added_ours: Vec<Entry> = self
            .ours
            .values()
            .filter(|e| !self.base.contains_key(&e.span.id))
            .cloned()
            .collect();
        for entry in &added_ours {
            let id = entry.span.id;
            self.push(entry.clone(), id);
            self.ours_out.insert(Logical::Ours(id), id);
        }
        let added_theirs: Vec<Entry> = self
            .theirs
            .values()
            .filter(|e| !self.base.contains_key(&e.span.id))
            .cloned()
            .collect();
        let mut matched: HashSet<u64> = HashSet::new();
        for entry in added_theirs {
            let twin = added_ours
                .iter()
                .find(|o| o.same_as(&entry) && !matched.contains(&o.span.id))
                .map(|o| o.span.id);
            let their_id = entry.span.id;
            if let Some(ours_id) = twin {
                matched.insert(ours_id);
                self.theirs_logical.insert(their_id, Logical::Ours(ours_id));
                self.theirs_out.insert(Logical::Ours(ours_id), ours_id);
                continue;
            }
            let id = if self.used_ids.insert(their_id) {
                their_id
            } else {
                self.fresh_id()
            };
            self.from_theirs += 1;
            self.push(entry, id);
            self.theirs_logical.insert(their_id, Logical::Theirs(their_id));
            self.theirs_out.insert(Logical::Theirs(their_id), id);
        }
    }

    fn out_index(&self) -> HashMap<u64, usize> {
        self.out.iter().enumerate().map(|(i, e)| (e.span.id, i)).collect()
    }
}

/// A span version kept beside another: flagged, with a note saying whose it is.
fn marked(mut entry: Entry, side: Side) -> Entry {
    entry.span.needs_review = true;
    let line = MergeNote::KeptVersion { side }.to_string();
    append_note(&mut entry.span, &line);
    entry
}

fn append_note(span: &mut SpanDto, line: &str) {
    span.note = Some(match span.note.take() {
        Some(note) if !note.is_empty() => format!("{note}\n{line}"),
        _ => line.to_owned(),
    });
}

/// A link as the three versions share it.
type LogicalLink = (String, Logical, Logical);

/// The link half of a merge.
struct LinkMerge {
    out: Vec<LinkDto>,
    dropped: usize,
}

/// A link the merged file may hold, with the side it comes from.
struct Candidate {
    link: LinkDto,
    from_ours: bool,
}

impl LinkMerge {
    fn run(base: Option<&FileDto>, ours: &FileDto, theirs: &FileDto, spans: &mut SpanMerge, schema: &Schema) -> Self {
        let base_links: BTreeSet<LogicalLink> = base
            .map(|b| {
                let logical = |l: &LinkDto| (l.kind.clone(), Logical::Base(l.from), Logical::Base(l.to));
                b.links.iter().map(logical).collect()
            })
            .unwrap_or_default();
        let ours_links: BTreeMap<LogicalLink, u64> = ours
            .links
            .iter()
            .map(|l| {
                (
                    (l.kind.clone(), spans.ours_logical(l.from), spans.ours_logical(l.to)),
                    l.id,
                )
            })
            .collect();
        let theirs_links: BTreeMap<LogicalLink, u64> = theirs
            .links
            .iter()
            .filter_map(|l| {
                let from = *spans.theirs_logical.get(&l.from)?;
                let to = *spans.theirs_logical.get(&l.to)?;
                Some(((l.kind.clone(), from, to), l.id))
            })
            .collect();
        // A link stays when both sides have it or one side added it: one a side removed from
        // the ancestor is removed.
        let kept = |key: &LogicalLink, other: &BTreeMap<LogicalLink, u64>| {
            other.contains_key(key) || !base_links.contains(key)
        };
        let mut candidates = Vec::new();
        for (key, id) in &ours_links {
            if kept(key, &theirs_links) {
                candidates.extend(candidate(key, *id, &spans.ours_out, true));
            }
        }
        for (key, id) in &theirs_links {
            if kept(key, &ours_links) {
                candidates.extend(candidate(key, *id, &spans.theirs_out, false));
            }
        }
        let mut used_ids: BTreeSet<u64> = ours.links.iter().map(|l| l.id).collect();
        used_ids.extend(base.iter().flat_map(|b| b.links.iter().map(|l| l.id)));
        let mut merge = Self {
            out: Vec::new(),
            dropped: 0,
        };
        merge.admit(candidates, spans, schema, &mut used_ids);
        merge
    }

    /// Takes the candidates the merged file can hold, ours first; marks the head of each one
    /// left out for review.
    fn admit(
        &mut self,
        candidates: Vec<Candidate>,
        spans: &mut SpanMerge,
        schema: &Schema,
        used_ids: &mut BTreeSet<u64>,
    ) {
        let index = spans.out_index();
        let mut seen: HashSet<(String, u64, u64)> = HashSet::new();
        let mut heads: HashSet<(String, u64)> = HashSet::new();
        for Candidate { mut link, from_ours } in candidates {
            if !seen.insert((link.kind.clone(), link.from, link.to)) {
                continue;
            }
            let (Some(&head), Some(&child)) = (index.get(&link.from), index.get(&link.to)) else {
                continue;
            };
            let (head_label, child_label) = (&spans.out[head].span.label, &spans.out[child].span.label);
            let refusal = match schema.relation(&link.kind) {
                None => Some(LinkRefusal::NoRelation),
                Some(relation) if !relation.allows(head_label, child_label) => Some(LinkRefusal::Labels {
                    pairs: relation.pairs_text(),
                    head: head_label.clone(),
                    child: child_label.clone(),
                }),
                Some(relation) if !relation.multiple && !heads.insert((link.kind.clone(), link.from)) => {
                    Some(LinkRefusal::OnlyOne {
                        head: relation.from_label.clone(),
                    })
                }
                Some(_) => None,
            };
            if let Some(why) = refusal {
                self.dropped += 1;
                let child_text: String = spans.out[child].span.text.chars().take(40).collect();
                let span = &mut spans.out[head].span;
                span.needs_review = true;
                let note = MergeNote::LinkLeftOut {
                    kind: link.kind.clone(),
                    to: link.to,
                    child_text,
                    why,
                };
                append_note(span, &note.to_string());
                continue;
            }
            if !from_ours && !used_ids.insert(link.id) {
                link.id = used_ids.last().map_or(1, |last| last.saturating_add(1));
                used_ids.insert(link.id);
            }
            self.out.push(link);
        }
    }
}

/// The link `key` as one side holds it, placed in the merged file; `None` when one of its
/// spans is not there (the other side deleted it).
fn candidate(key: &LogicalLink, id: u64, out: &HashMap<Logical, u64>, from_ours: bool) -> Option<Candidate> {
    let (kind, from, to) = key;
    Some(Candidate {
        link: LinkDto {
            id,
            kind: kind.clone(),
            from: *out.get(from)?,
            to: *out.get(to)?,
        },
        from_ours,
    })
}

/// Suggestions are made again by their sources in a moment, so ours are kept (with the
/// suggested links whose spans survived the merge); rejections are decisions of annotators,
/// so both sides' are kept.
fn merge_suggestions(file: &mut FileDto, ours: &FileDto, theirs: &FileDto) {
    use crate::io::dto::EndDto;
    let span_ids: std::collections::HashSet<u64> = file.spans.iter().map(|s| s.id).collect();
    file.suggestions.clone_from(&ours.suggestions);
    let kept = |end: EndDto| match end {
        EndDto::Span(id) => span_ids.contains(&id),
        EndDto::Suggested(id) => ours.suggestions.iter().any(|s| s.id == id),
    };
    file.suggested_links = ours
        .suggested_links
        .iter()
        .filter(|l| kept(l.from) && kept(l.to))
        .cloned()
        .collect();
    file.rejected.clone_from(&ours.rejected);
    for r in &theirs.rejected {
        if !file.rejected.contains(r) {
            file.rejected.push(r.clone());
        }
    }
    file.rejected_links.clone_from(&ours.rejected_links);
    for r in &theirs.rejected_links {
        if !file.rejected_links.contains(r) {
            file.rejected_links.push(r.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, DocumentMeta, Link, LinkId, Span, SpanId};

    const TEXT: &str = "قال الفريق محمد الحداد إن الجيش موحد وأكد السفير دعم البعثة.";

    /// An annotation file of `TEXT` with these spans `(id, label, start, end)` and links
    /// `(id, kind, from, to)`.
    fn file(spans: &[(u64, &str, usize, usize)], links: &[(u64, &str, u64, u64)]) -> String {
        let spans = spans
            .iter()
            .map(|&(id, label, start, end)| Span::new(SpanId(id), label, start, end))
            .collect();
        let links = links
            .iter()
            .map(|&(id, kind, from, to)| Link {
                id: LinkId(id),
                kind: kind.to_owned(),
                from: SpanId(from),
                to: SpanId(to),
            })
            .collect();
        let meta = DocumentMeta {
            source_name: "a.txt".to_owned(),
            annotator: "Sara".to_owned(),
            ..DocumentMeta::default()
        };
        let document = Document::from_parts(TEXT.to_owned(), Schema::default_schema(), meta, spans, links);
        crate::io::to_ron_string(&document)
    }

    fn parsed(ron: &str) -> FileDto {
        crate::io::reader::parse_file(ron).expect("merged file parses")
    }

    fn ranges(file: &FileDto) -> Vec<(u64, &str, u64, u64, bool)> {
        let mut spans: Vec<_> = file
            .spans
            .iter()
            .map(|s| (s.id, s.label.as_str(), s.start, s.end, s.needs_review))
            .collect();
        spans.sort_unstable();
        spans
    }

    fn links(file: &FileDto) -> Vec<(&str, u64, u64)> {
        let mut links: Vec<_> = file.links.iter().map(|l| (l.kind.as_str(), l.from, l.to)).collect();
        links.sort_unstable();
        links
    }

    /// [`file`] with entities given to spans: `(span id, entity number)`.
    fn file_with_entities(spans: &[(u64, &str, usize, usize)], entities: &[(u64, u32)]) -> String {
        let mut dto = parsed(&file(spans, &[]));
        for &(id, entity) in entities {
            let span = dto.spans.iter_mut().find(|s| s.id == id).expect("span");
            span.entity = crate::model::EntityId::new(entity).map(|e| e.to_string());
        }
        dto.format_version = dto.lowest_version();
        crate::io::writer::write_file(&dto)
    }

    #[test]
    fn an_entity_given_or_changed_on_one_side_is_taken_and_on_both_is_a_conflict() {
        let spans = [(1, "Actor", 4, 22), (2, "Actor", 42, 48)];
        let base = file_with_entities(&spans, &[(2, 5)]);
        let entities = |ron: &str| -> Vec<(u64, Option<String>, bool)> {
            let mut found: Vec<_> = parsed(ron)
                .spans
                .into_iter()
                .map(|s| (s.id, s.entity, s.needs_review))
                .collect();
            found.sort_unstable();
            found
        };
        // Ours names span 1's entity, theirs changes span 2's: both are taken.
        let ours = file_with_entities(&spans, &[(1, 1), (2, 5)]);
        let theirs = file_with_entities(&spans, &[(2, 7)]);
        for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
            let merged = merge_annotation_files(&base, a, b).expect("merges");
            assert_eq!(
                entities(&merged.ron),
                [(1, Some("E1".to_owned()), false), (2, Some("E7".to_owned()), false)]
            );
            assert!(!merged.needs_review());
            assert!(merged.ron.starts_with("// Hashiya annotations (format_version 3)."));
        }
        // Both change span 2's entity differently: both versions are kept for review.
        let ours = file_with_entities(&spans, &[(2, 6)]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let found = entities(&merged.ron);
        assert_eq!(found.len(), 3, "{found:?}");
        let versions: Vec<_> = found
            .iter()
            .filter(|(_, _, review)| *review)
            .map(|(_, e, _)| e.clone())
            .collect();
        assert_eq!(versions, [Some("E6".to_owned()), Some("E7".to_owned())]);
        assert_eq!(merged.conflicting_spans, 1);
    }

    #[test]
    fn spans_added_on_both_sides_with_the_same_ids_are_all_kept() {
        let base = file(&[(1, "Actor", 4, 22)], &[]);
        let ours = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let theirs = file(&[(1, "Actor", 4, 22), (2, "Actor", 42, 48)], &[]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let file = parsed(&merged.ron);
        assert_eq!(
            ranges(&file),
            [
                (1, "Actor", 4, 22, false),
                (2, "Quote", 23, 36, false),
                (3, "Actor", 42, 48, false)
            ]
        );
        assert_eq!(links(&file), [("speaker", 2, 1)]);
        assert!(!merged.needs_review());
        assert_eq!(merged.spans_from_theirs, 1);
    }

    #[test]
    fn a_span_added_alike_on_both_sides_is_taken_once_and_links_follow_it() {
        let base = file(&[(1, "Actor", 4, 22)], &[]);
        let ours = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let theirs = file(&[(1, "Actor", 4, 22), (5, "Quote", 23, 36)], &[(3, "speaker", 5, 1)]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let file = parsed(&merged.ron);
        assert_eq!(ranges(&file), [(1, "Actor", 4, 22, false), (2, "Quote", 23, 36, false)]);
        assert_eq!(links(&file), [("speaker", 2, 1)]);
    }

    #[test]
    fn a_change_on_one_side_is_taken_and_a_deletion_deletes_its_links() {
        let base = file(
            &[(1, "Actor", 4, 22), (2, "Quote", 23, 36), (3, "Actor", 42, 48)],
            &[(1, "speaker", 2, 1)],
        );
        // Ours relabels span 3; theirs deletes span 1 (and with it the speaker link).
        let ours = file(
            &[(1, "Actor", 4, 22), (2, "Quote", 23, 36), (3, "Agreed action", 42, 48)],
            &[(1, "speaker", 2, 1)],
        );
        let theirs = file(&[(2, "Quote", 23, 36), (3, "Actor", 42, 48)], &[]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let file = parsed(&merged.ron);
        assert_eq!(
            ranges(&file),
            [(2, "Quote", 23, 36, false), (3, "Agreed action", 42, 48, false)]
        );
        assert!(file.links.is_empty());
        assert!(!merged.needs_review());
    }

    #[test]
    fn a_span_changed_differently_on_both_sides_is_kept_twice_for_review() {
        let base = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let ours = file(&[(1, "Actor", 4, 15), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let theirs = file(&[(1, "Actor", 11, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let file = parsed(&merged.ron);
        assert_eq!(
            ranges(&file),
            [
                (1, "Actor", 4, 15, true),
                (2, "Quote", 23, 36, true),
                (3, "Actor", 11, 22, true)
            ]
        );
        let notes: Vec<_> = file.spans.iter().filter_map(|s| s.note.as_deref()).collect();
        assert!(notes.iter().any(|n| n.contains("our version")), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("their version")), "{notes:?}");
        // The quote has one speaker: ours keeps it, theirs' link to its own version is left
        // out and the quote is marked.
        assert_eq!(links(&file), [("speaker", 2, 1)]);
        assert_eq!((merged.conflicting_spans, merged.dropped_links), (1, 1));
        let quote = file.spans.iter().find(|s| s.id == 2).expect("quote");
        assert!(quote.needs_review && quote.note.as_deref().is_some_and(|n| n.contains("T3")));
    }

    #[test]
    fn an_edit_against_a_deletion_keeps_the_edited_version() {
        let base = file(&[(1, "Actor", 4, 22)], &[]);
        let ours = file(&[], &[]);
        let theirs = file(&[(1, "Quote", 4, 22)], &[]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        assert_eq!(ranges(&parsed(&merged.ron)), [(1, "Quote", 4, 22, true)]);
        assert_eq!(merged.conflicting_spans, 1);
    }

    #[test]
    fn a_link_the_merged_labels_refuse_is_left_out() {
        let base = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[]);
        // Theirs links the quote to span 1; ours relabelled span 1 as a quote meanwhile.
        let ours = file(&[(1, "Quote", 4, 22), (2, "Quote", 23, 36)], &[]);
        let theirs = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        let file = parsed(&merged.ron);
        assert!(file.links.is_empty());
        assert_eq!(merged.dropped_links, 1);
        assert_eq!(ranges(&file), [(1, "Quote", 4, 22, false), (2, "Quote", 23, 36, true)]);
    }

    #[test]
    fn a_link_removed_on_one_side_is_removed() {
        let base = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[(1, "speaker", 2, 1)]);
        let ours = file(&[(1, "Actor", 4, 22), (2, "Quote", 23, 36)], &[]);
        let theirs = base.clone();
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        assert!(parsed(&merged.ron).links.is_empty());
    }

    #[test]
    fn no_ancestor_merges_two_additions() {
        let ours = file(&[(1, "Actor", 4, 22)], &[]);
        let theirs = file(&[(1, "Actor", 4, 22), (2, "Actor", 42, 48)], &[]);
        let merged = merge_annotation_files("", &ours, &theirs).expect("merges");
        assert_eq!(
            ranges(&parsed(&merged.ron)),
            [(1, "Actor", 4, 22, false), (2, "Actor", 42, 48, false)]
        );
    }

    #[test]
    fn what_cannot_be_merged_is_refused() {
        let ours = file(&[(1, "Actor", 4, 22)], &[]);
        let other_text = ours.replace(&crate::io::sha256_hex(TEXT), &"0".repeat(64));
        assert!(matches!(
            merge_annotation_files("", &ours, &other_text),
            Err(MergeError::DifferentArticles { .. })
        ));
        let broken = "(format_version: 1,";
        assert!(matches!(
            merge_annotation_files("", &ours, broken),
            Err(MergeError::Unreadable { side: Side::Theirs, .. })
        ));
        let base = file(&[], &[]);
        let ours_schema = base.replace("\"Who said the quote.\"", "\"Ours.\"");
        let theirs_schema = base.replace("\"Who said the quote.\"", "\"Theirs.\"");
        assert!(matches!(
            merge_annotation_files(&base, &ours_schema, &theirs_schema),
            Err(MergeError::SchemaConflict)
        ));
        assert!(merge_annotation_files(&base, &ours_schema, &base).is_ok());
    }

    #[test]
    fn status_done_on_both_sides_but_a_conflict_is_in_progress() {
        let base = file(&[(1, "Actor", 4, 22)], &[]);
        let done = |ron: String| ron.replace("status: NotStarted", "status: Done");
        let ours = done(file(&[(1, "Actor", 4, 15)], &[]));
        let theirs = done(file(&[(1, "Actor", 11, 22)], &[]));
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        assert_eq!(parsed(&merged.ron).status, StatusDto::InProgress);
        let theirs = done(file(&[(1, "Actor", 4, 22)], &[]));
        let merged = merge_annotation_files(&base, &ours, &theirs).expect("merges");
        assert_eq!(parsed(&merged.ron).status, StatusDto::Done);
    }
}
