use crate::model::{Link, LinkId, Schema, Span, SpanId};
use crate::text::CharIndex;

/// How far the annotation of a document has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// Nobody has started.
    #[default]
    NotStarted,
    /// Work under way.
    InProgress,
    /// The annotator considers it complete.
    Done,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Self; 3] = [Self::NotStarted, Self::InProgress, Self::Done];

    /// Human-readable name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "not started",
            Self::InProgress => "in progress",
            Self::Done => "done",
        }
    }
}

/// Who annotated what, and how far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    /// The article's file name (for example `article.txt`), used as the document id in exports.
    pub source_name: String,
    /// Annotator name.
    pub annotator: String,
    /// Progress.
    pub status: Status,
}

/// An article and its annotations. Built whole by [`Document::new`] or [`Document::from_parts`]
/// (loading, importing); changed afterwards only by a [`Command`](crate::model::Command)
/// applied through the session's undo history, which also allocates the ids of new spans and
/// links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    text: String,
    char_index: CharIndex,
    pub(super) meta: DocumentMeta,
    pub(super) schema: Schema,
    /// Sorted by [`Span::sort_key`].
    pub(super) spans: Vec<Span>,
    /// Position of each span in `spans`, so lookups by id stay O(1) with 11,000 spans.
    span_positions: std::collections::HashMap<SpanId, usize>,
    /// Sorted by id.
    pub(super) links: Vec<Link>,
    /// The highest span id ever used here (0: none); new ids count up from it and never wrap.
    pub(super) last_span_id: u64,
    /// The highest link id ever used here (0: none).
    pub(super) last_link_id: u64,
    /// brat lines Hashiya does not model (equivalences `*`, normalizations `N`, …), kept as
    /// read with ids pointing at this document's spans (`T` + span id, `E` + the trigger's
    /// span id) and links (`R` + link id), so the brat export writes them back.
    brat_lines: Vec<String>,
    /// Suggested spans and links, and what was rejected (not annotations).
    pub(super) suggestions: crate::model::Suggestions,
    /// How the token-based exports cut the text into tokens and sentences.
    tokenization: Tokenization,
}

/// How the token-based exports (`CoNLL`, the tokens JSONL, spaCy) cut a document's text into
/// tokens and sentences. Set by the importer that built the document (and kept by its
/// annotation file), never by an edit: it says where the text came from, which annotating
/// does not change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tokenization {
    /// Words at Unicode word boundaries (punctuation apart), sentences at Unicode sentence
    /// boundaries: an article written as prose.
    #[default]
    Words,
    /// The text was built from tokens: each token is a piece between single spaces (U+0020),
    /// each sentence a line, exactly as a `CoNLL` import joined them. A U+00A0 NO-BREAK SPACE
    /// inside a piece stands for a space the imported token held.
    Whitespace,
}

impl Document {
    /// A document with no annotations. `text` must already be normalized (LF line ends).
    #[must_use]
    pub fn new(text: String, schema: Schema, meta: DocumentMeta) -> Self {
        Self {
            char_index: CharIndex::new(&text),
            text,
            meta,
            schema,
            spans: Vec::new(),
            span_positions: std::collections::HashMap::new(),
            links: Vec::new(),
            last_span_id: 0,
            last_link_id: 0,
            brat_lines: Vec::new(),
            suggestions: crate::model::Suggestions::default(),
            tokenization: Tokenization::Words,
        }
    }

    /// The document with this tokenization (importing, loading a file).
    #[must_use]
    pub fn with_tokenization(mut self, tokenization: Tokenization) -> Self {
        self.tokenization = tokenization;
        self
    }

    /// How the token-based exports cut the text (see [`Tokenization`]).
    #[must_use]
    pub fn tokenization(&self) -> Tokenization {
        self.tokenization
    }

    /// The document with these brat lines attached (loading a file, importing brat).
    #[must_use]
    pub fn with_brat_lines(mut self, lines: Vec<String>) -> Self {
        self.brat_lines = lines;
        self
    }

    /// The document with these suggestions (loading a file, importing predictions). The
    /// caller checks them with [`Document::check`].
    #[must_use]
    pub fn with_suggestions(mut self, suggestions: crate::model::Suggestions) -> Self {
        self.suggestions = suggestions;
        self
    }

    /// The suggestions and rejections.
    #[must_use]
    pub fn suggestions(&self) -> &crate::model::Suggestions {
        &self.suggestions
    }

    /// brat lines kept for the brat export (see [`Document::with_brat_lines`]).
    #[must_use]
    pub fn brat_lines(&self) -> &[String] {
        &self.brat_lines
    }

    /// Builds a document from stored parts without recording history (loading a file,
    /// importing a dataset). Spans are sorted; ids are kept. The caller checks integrity with
    /// [`Document::check`] when the parts come from outside.
    #[must_use]
    pub fn from_parts(
        text: String,
        schema: Schema,
        meta: DocumentMeta,
        mut spans: Vec<Span>,
        mut links: Vec<Link>,
    ) -> Self {
        spans.sort_by_key(Span::sort_key);
        links.sort_by_key(|l| l.id);
        let last_span_id = spans.iter().map(|s| s.id.0).max().unwrap_or(0);
        let last_link_id = links.iter().map(|l| l.id.0).max().unwrap_or(0);
        let mut document = Self::new(text, schema, meta);
        document.spans = spans;
        document.reindex_from(0);
        document.links = links;
        document.last_span_id = last_span_id;
        document.last_link_id = last_link_id;
        document
    }

    /// The article text (read-only: articles are never edited).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The char/byte offset index of the text.
    #[must_use]
    pub fn char_index(&self) -> &CharIndex {
        &self.char_index
    }

    /// Length of the text in chars (Unicode scalar values).
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_index.char_len()
    }

    /// The text of a char range (clamped to the text).
    #[must_use]
    pub fn text_of(&self, char_start: usize, char_end: usize) -> &str {
        self.char_index.slice(&self.text, char_start..char_end)
    }

    /// The text a span covers.
    #[must_use]
    pub fn span_text(&self, span: &Span) -> &str {
        self.text_of(span.char_start, span.char_end)
    }

    /// File name, annotator and status.
    #[must_use]
    pub fn meta(&self) -> &DocumentMeta {
        &self.meta
    }

    /// The schema in use.
    #[must_use]
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// All spans in reading order (sorted by start, end, id).
    #[must_use]
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// All links, by id.
    #[must_use]
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// The span with this id.
    #[must_use]
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        self.span_index(id).map(|i| &self.spans[i])
    }

    /// The id the next new span gets (one past every id this document has used).
    #[must_use]
    pub fn next_span_id(&self) -> SpanId {
        SpanId(self.last_span_id.saturating_add(1))
    }

    /// The id the next new link gets.
    #[must_use]
    pub fn next_link_id(&self) -> LinkId {
        LinkId(self.last_link_id.saturating_add(1))
    }

    /// The link with this id.
    #[must_use]
    pub fn link(&self, id: LinkId) -> Option<&Link> {
        self.links
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &self.links[i])
    }

    /// Links that start or end at a span.
    pub fn links_of(&self, id: SpanId) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| l.from == id || l.to == id)
    }

    /// Spans that share at least one char with `char_start..char_end`, in reading order.
    pub fn spans_overlapping(&self, char_start: usize, char_end: usize) -> impl Iterator<Item = &Span> {
        let candidates = self.spans.partition_point(|s| s.char_start < char_end);
        self.spans[..candidates].iter().filter(move |s| s.char_end > char_start)
    }

    /// Every integrity problem of the annotations, as messages: ranges outside the text or
    /// empty, unknown labels or relation kinds, duplicate ids, links to missing spans.
    #[must_use]
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut span_ids = std::collections::HashSet::new();
        for span in &self.spans {
            if !span_ids.insert(span.id) {
                problems.push(format!("span {} is defined twice", span.id));
            }
            if span.char_start >= span.char_end || span.char_end > self.char_len() {
                problems.push(format!(
                    "span {} has range {}..{} outside the text (0..{})",
                    span.id,
                    span.char_start,
                    span.char_end,
                    self.char_len()
                ));
            }
            if self.schema.label(&span.label).is_none() {
                problems.push(format!("span {} has unknown label \"{}\"", span.id, span.label));
            }
        }
        let mut link_ids = std::collections::HashSet::new();
        for link in &self.links {
            if !link_ids.insert(link.id) {
                problems.push(format!("link {} is defined twice", link.id));
            }
            if self.schema.relation(&link.kind).is_none() {
                problems.push(format!("link {} has unknown kind \"{}\"", link.id, link.kind));
            }
            for end in [link.from, link.to] {
                if !span_ids.contains(&end) {
                    problems.push(format!("link {} refers to missing span {end}", link.id));
                }
            }
        }
        self.check_suggestions(&span_ids, &mut problems);
        problems
    }

    pub(super) fn span_index(&self, id: SpanId) -> Option<usize> {
        self.span_positions.get(&id).copied()
    }

    pub(super) fn insert_span_sorted(&mut self, span: Span) {
        let at = self.spans.partition_point(|s| s.sort_key() < span.sort_key());
        self.last_span_id = self.last_span_id.max(span.id.0);
        self.spans.insert(at, span);
        self.reindex_from(at);
    }

    pub(super) fn remove_span_at(&mut self, index: usize) -> Span {
        let span = self.spans.remove(index);
        self.span_positions.remove(&span.id);
        self.reindex_from(index);
        span
    }

    /// Adds many spans at once (accepting thousands of suggestions): one sort and one
    /// reindex, not one shift of the list per span.
    pub(super) fn insert_spans_bulk(&mut self, spans: Vec<Span>) {
        for span in &spans {
            self.last_span_id = self.last_span_id.max(span.id.0);
        }
        self.spans.extend(spans);
        self.spans.sort_by_key(Span::sort_key);
        self.reindex_from(0);
    }

    /// Removes many spans at once (and returns them), with one reindex.
    pub(super) fn remove_spans_bulk(&mut self, ids: &std::collections::HashSet<SpanId>) -> Vec<Span> {
        let (removed, kept): (Vec<Span>, Vec<Span>) = std::mem::take(&mut self.spans)
            .into_iter()
            .partition(|s| ids.contains(&s.id));
        self.spans = kept;
        self.reindex_from(0);
        removed
    }

    /// Brings the id → position map up to date for the spans from `index` on.
    fn reindex_from(&mut self, index: usize) {
        if index == 0 {
            self.span_positions.clear();
        }
        for (position, span) in self.spans.iter().enumerate().skip(index) {
            self.span_positions.insert(span.id, position);
        }
    }

    pub(super) fn insert_link_sorted(&mut self, link: Link) {
        let at = self.links.partition_point(|l| l.id < link.id);
        self.last_link_id = self.last_link_id.max(link.id.0);
        self.links.insert(at, link);
    }
}
