use crate::model::SchemaError;
use crate::model::{
    Document, EntityId, Link, LinkId, Rejected, Schema, Span, SpanId, Status, SuggestedLink, SuggestedSpan,
    SuggestionEnd, SuggestionId, SuggestionSource,
};

/// One change to a document's annotations. `Document::apply` (private to the model) is the
/// only place annotations change; it returns the inverse command, which the undo history
/// keeps. Everything else sends commands through `app::DocumentSession::edit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Add a span. The document allocates its id (the next one after every id it has used);
    /// the inverse, `DeleteSpan`, names it, and redo restores the span with the same id.
    AddSpan {
        /// Label name.
        label: String,
        /// First covered char.
        char_start: usize,
        /// One past the last covered char.
        char_end: usize,
    },
    /// Remove a span and every link that touches it.
    DeleteSpan(SpanId),
    /// Put back a deleted span with its id and links (the inverse of `DeleteSpan`).
    RestoreSpan {
        /// The span as it was.
        span: Span,
        /// Its links as they were.
        links: Vec<Link>,
    },
    /// Change a span's label; links whose kind no longer fits the new label are removed.
    SetSpanLabel {
        /// Which span.
        id: SpanId,
        /// New label name.
        label: String,
    },
    /// Move a span's boundaries.
    SetSpanRange {
        /// Which span.
        id: SpanId,
        /// New start (char offset).
        char_start: usize,
        /// New end (char offset, exclusive).
        char_end: usize,
    },
    /// Set (`Some`) or remove (`None`) an attribute of a span.
    SetSpanAttribute {
        /// Which span.
        id: SpanId,
        /// Attribute name.
        name: String,
        /// New value.
        value: Option<String>,
    },
    /// Set or clear a span's note.
    SetSpanNote {
        /// Which span.
        id: SpanId,
        /// New note.
        note: Option<String>,
    },
    /// Set or clear the "needs review" flag of a span.
    SetSpanNeedsReview {
        /// Which span.
        id: SpanId,
        /// New flag.
        needs_review: bool,
    },
    /// Set (`Some`) or clear (`None`) the entity a span mentions; its inverse sets the
    /// previous one back. The document does not hold the registry, so the id is not checked
    /// against it here (loading and `hashiya entities` report ids the registry lacks).
    SetSpanEntity {
        /// Which span.
        id: SpanId,
        /// The entity, or none.
        entity: Option<EntityId>,
    },
    /// Add a link from span `from` to span `to`; the document allocates its id.
    AddLink {
        /// Relation kind.
        kind: String,
        /// The head span (quote, agreed action).
        from: SpanId,
        /// The child span (actor).
        to: SpanId,
    },
    /// Remove a link.
    DeleteLink(LinkId),
    /// Put back a deleted link with its id (the inverse of `DeleteLink`).
    RestoreLink(Link),
    /// Set the document status.
    SetStatus(Status),
    /// Set the annotator name.
    SetAnnotator(String),
    /// Replace the schema (add or recolour labels). Every span label and link kind in use
    /// must stay defined.
    SetSchema(Schema),
    /// Rename a label in the schema and on every span that carries it.
    RenameLabel {
        /// Current name.
        from: String,
        /// New name.
        to: String,
    },
    /// Replace every suggestion of one source (a refresh of the matcher, a run of the rules or
    /// the tagger, an import of predictions). The caller numbers them from
    /// [`Suggestions::next_id`](crate::model::Suggestions::next_id); suggested links of other
    /// sources that end at a replaced span go with it.
    SetSuggestions {
        /// Whose suggestions are replaced.
        source: SuggestionSource,
        /// The new span suggestions.
        spans: Vec<SuggestedSpan>,
        /// The new link suggestions (ends: annotated spans or suggested spans of any source).
        links: Vec<SuggestedLink>,
    },
    /// Accept a suggestion: a span becomes an annotated span (the suggested links ending at it
    /// now end at the new span); a link becomes an annotated link, accepting its suggested ends.
    AcceptSuggestion(SuggestionId),
    /// Accept many suggested spans in one step ("accept all"), in time linear in the
    /// document: each becomes a span (numbered after every id used, or `as_spans` when the
    /// step is redone), other suggestions of the same label and range go with them, and the
    /// suggested links ending at them now end at the new spans.
    AcceptSuggestions {
        /// The suggested spans.
        ids: Vec<SuggestionId>,
        /// The span ids to give them (redo); empty: allocate.
        as_spans: Vec<SpanId>,
    },
    /// The inverse of `AcceptSuggestions`: the spans go, the suggestions come back.
    UnacceptSuggestions {
        /// The spans made.
        spans: Vec<SpanId>,
        /// The suggestions they came from (and their same-range twins), as they were.
        restore: Vec<SuggestedSpan>,
        /// The ids accepted, in order (for redo).
        ids: Vec<SuggestionId>,
        /// The suggested links the accept pointed at the new spans: (link, its head end or
        /// not, the suggestion it ended at).
        retargeted: Vec<(SuggestionId, bool, SuggestionId)>,
    },
    /// Reject a suggestion: removed, and its range and label (or kind and ends) remembered, so
    /// that no source proposes it again.
    RejectSuggestion(SuggestionId),
    /// Remove a suggestion without remembering it (with the suggested links that end at it).
    RemoveSuggestion(SuggestionId),
    /// Put back removed suggestions with their ids (the inverse of `RemoveSuggestion`).
    RestoreSuggestion {
        /// The suggested span, if a span was removed.
        span: Option<SuggestedSpan>,
        /// The suggested links removed with it (or the link removed).
        links: Vec<SuggestedLink>,
    },
    /// Make every suggested link that ends at `from` end at `to`.
    RetargetSuggestions {
        /// The old end.
        from: SuggestionEnd,
        /// The new end.
        to: SuggestionEnd,
    },
    /// Remember (`on`) or forget a rejection.
    SetRejected {
        /// What was rejected.
        rejected: Rejected,
        /// Remember it or forget it.
        on: bool,
    },
    /// Several commands undone and redone as one step, in order.
    Batch(Vec<Command>),
}

/// Why a command was refused; the document is left unchanged.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CommandError {
    /// No span with this id.
    #[error("no span {0}")]
    NoSuchSpan(SpanId),
    /// No link with this id.
    #[error("no link {0}")]
    NoSuchLink(LinkId),
    /// The id is already used.
    #[error("id {0} is already used")]
    DuplicateId(String),
    /// A span range is empty, reversed or past the end of the text.
    #[error("range {char_start}..{char_end} is not a non-empty range of the text (0..{char_len})")]
    BadRange {
        /// Requested start.
        char_start: usize,
        /// Requested end.
        char_end: usize,
        /// Text length in chars.
        char_len: usize,
    },
    /// The label is not in the schema.
    #[error("unknown label \"{0}\"")]
    UnknownLabel(String),
    /// The relation kind is not in the schema.
    #[error("unknown relation \"{0}\"")]
    UnknownRelation(String),
    /// The link's ends do not carry the labels its kind requires.
    #[error("a {kind} link goes {expected}")]
    LinkLabelMismatch {
        /// Relation kind.
        kind: String,
        /// The allowed label pairs, as words (`from Quote to Actor`).
        expected: String,
        /// The label of the head it was asked from.
        from: String,
        /// The label of the span it was asked to.
        to: String,
    },
    /// The same link already exists.
    #[error("this {kind} link exists already")]
    LinkExists {
        /// Relation kind.
        kind: String,
    },
    /// The kind allows one link per head and the head has one.
    #[error("a {head} has one {kind} only")]
    OneLinkOnly {
        /// Relation kind.
        kind: String,
        /// The label of its heads.
        head: String,
    },
    /// A schema change would leave spans or links undefined.
    #[error("schema change refused: {0}")]
    BadSchema(SchemaRefusal),
    /// Every id up to the largest integer is used; ids are never reused or wrapped around.
    #[error("no {0} ids left in this document")]
    IdsExhausted(&'static str),
    /// No suggestion with this id.
    #[error("no suggestion {0}")]
    NoSuchSuggestion(SuggestionId),
}

/// Why a schema change was refused.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum SchemaRefusal {
    /// The new schema is unusable.
    #[error("{0}")]
    Invalid(SchemaError),
    /// A label the new schema drops is still used by a span or a suggestion.
    #[error("label \"{label}\" is still used{}", if *by_suggestions { " by suggestions" } else { "" })]
    LabelUsed {
        /// The label.
        label: String,
        /// Used by a suggestion (not by a span).
        by_suggestions: bool,
    },
    /// A relation the new schema drops is still used by a link or a suggestion.
    #[error("relation \"{relation}\" is still used{}", if *by_suggestions { " by suggestions" } else { "" })]
    RelationUsed {
        /// The relation.
        relation: String,
        /// Used by a suggestion (not by a link).
        by_suggestions: bool,
    },
    /// A link joins labels the new schema's relation does not join.
    #[error("link {link} joins {head} to {child}, and a {kind} link would go {pairs}")]
    LinkNotAllowed {
        /// The link.
        link: LinkId,
        /// The label of its head.
        head: String,
        /// The label of its other end.
        child: String,
        /// Its kind.
        kind: String,
        /// The label pairs the kind would join, as words.
        pairs: String,
    },
    /// A label cannot take this name (empty, or another label's).
    #[error("cannot rename \"{from}\" to \"{to}\"")]
    CannotRename {
        /// The label.
        from: String,
        /// The name asked for.
        to: String,
    },
}

/// What a command created, so the caller can select it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Created {
    /// The span added (or restored), if any.
    pub span: Option<SpanId>,
    /// The link added (or restored), if any.
    pub link: Option<LinkId>,
}

impl Command {
    /// Whether the command changes spans or links (not only the status, the annotator or the
    /// schema): the first such edit starts the work on a document.
    #[must_use]
    pub fn annotates(&self) -> bool {
        match self {
            Self::SetStatus(_)
            | Self::SetAnnotator(_)
            | Self::SetSchema(_)
            | Self::RenameLabel { .. }
            | Self::SetSuggestions { .. }
            | Self::RejectSuggestion(_)
            | Self::RemoveSuggestion(_)
            | Self::RestoreSuggestion { .. }
            | Self::RetargetSuggestions { .. }
            | Self::SetRejected { .. } => false,
            Self::Batch(commands) => commands.iter().any(Self::annotates),
            _ => true,
        }
    }
}

impl Created {
    /// Reads what a command created from its inverse: deleting is the inverse of creating.
    pub(crate) fn from_inverse(inverse: &Command) -> Self {
        match inverse {
            Command::DeleteSpan(id) => Self {
                span: Some(*id),
                link: None,
            },
            Command::DeleteLink(id) => Self {
                span: None,
                link: Some(*id),
            },
            Command::Batch(commands) => commands.iter().fold(Self::default(), |found, command| {
                let created = Self::from_inverse(command);
                Self {
                    span: found.span.or(created.span),
                    link: found.link.or(created.link),
                }
            }),
            _ => Self::default(),
        }
    }
}

impl Document {
    /// Applies a command and returns its inverse. On error nothing changed. Only the undo
    /// history calls this, so no edit escapes undo.
    pub(super) fn apply(&mut self, command: Command) -> Result<Command, CommandError> {
        match command {
            Command::AddSpan {
                label,
                char_start,
                char_end,
            } => {
                let id = self
                    .last_span_id
                    .checked_add(1)
                    .ok_or(CommandError::IdsExhausted("span"))?;
                self.add_span(Span::new(SpanId(id), label, char_start, char_end))
            }
            Command::DeleteSpan(id) => self.delete_span(id),
            Command::RestoreSpan { span, links } => self.restore_span(span, links),
            Command::SetSpanLabel { id, label } => self.set_span_label(id, label),
            Command::SetSpanRange {
                id,
                char_start,
                char_end,
            } => self.set_span_range(id, char_start, char_end),
            Command::SetSpanAttribute { id, name, value } => {
                let span = self.span_mut(id)?;
                let old = match value {
                    Some(value) => span.attributes.insert(name.clone(), value),
                    None => span.attributes.remove(&name),
                };
                Ok(Command::SetSpanAttribute { id, name, value: old })
            }
            Command::SetSpanNote { id, note } => {
                let span = self.span_mut(id)?;
                let old = std::mem::replace(&mut span.note, note);
                Ok(Command::SetSpanNote { id, note: old })
            }
            Command::SetSpanNeedsReview { id, needs_review } => {
                let span = self.span_mut(id)?;
                let old = std::mem::replace(&mut span.needs_review, needs_review);
                Ok(Command::SetSpanNeedsReview { id, needs_review: old })
            }
            Command::SetSpanEntity { id, entity } => {
                let span = self.span_mut(id)?;
                let old = std::mem::replace(&mut span.entity, entity);
                Ok(Command::SetSpanEntity { id, entity: old })
            }
            Command::AddLink { kind, from, to } => {
                let id = self
                    .last_link_id
                    .checked_add(1)
                    .ok_or(CommandError::IdsExhausted("link"))?;
                self.add_link(Link {
                    id: LinkId(id),
                    kind,
                    from,
                    to,
                })
            }
            Command::RestoreLink(link) => self.add_link(link),
            Command::DeleteLink(id) => {
                let index = self
                    .links
                    .binary_search_by_key(&id, |l| l.id)
                    .map_err(|_| CommandError::NoSuchLink(id))?;
                Ok(Command::RestoreLink(self.links.remove(index)))
            }
            Command::SetStatus(status) => Ok(Command::SetStatus(std::mem::replace(&mut self.meta.status, status))),
            Command::SetAnnotator(name) => Ok(Command::SetAnnotator(std::mem::replace(&mut self.meta.annotator, name))),
            Command::SetSchema(schema) => self.set_schema(schema),
            Command::RenameLabel { from, to } => self.rename_label(&from, to),
            Command::SetSuggestions { source, spans, links } => self.set_suggestions(&source, spans, links),
            Command::AcceptSuggestion(id) => self.accept_suggestion(id),
            Command::AcceptSuggestions { ids, as_spans } => self.accept_suggestions(ids, &as_spans),
            Command::UnacceptSuggestions {
                spans,
                restore,
                ids,
                retargeted,
            } => Ok(self.unaccept_suggestions(&spans, restore, ids, &retargeted)),
            Command::RejectSuggestion(id) => self.reject_suggestion(id),
            Command::RemoveSuggestion(id) => self.remove_suggestion(id),
            Command::RestoreSuggestion { span, links } => self.restore_suggestion(span, links),
            Command::RetargetSuggestions { from, to } => Ok(self.retarget_suggestions(from, to)),
            Command::SetRejected { rejected, on } => Ok(self.set_rejected(rejected, on)),
            Command::Batch(commands) => self.apply_batch(commands),
        }
    }

    fn span_mut(&mut self, id: SpanId) -> Result<&mut Span, CommandError> {
        let index = self.span_index(id).ok_or(CommandError::NoSuchSpan(id))?;
        Ok(&mut self.spans[index])
    }

    pub(super) fn check_range(&self, char_start: usize, char_end: usize) -> Result<(), CommandError> {
        if char_start < char_end && char_end <= self.char_len() {
            Ok(())
        } else {
            Err(CommandError::BadRange {
                char_start,
                char_end,
                char_len: self.char_len(),
            })
        }
    }

    pub(super) fn check_label(&self, label: &str) -> Result<(), CommandError> {
        match self.schema.label(label) {
            Some(_) => Ok(()),
            None => Err(CommandError::UnknownLabel(label.to_owned())),
        }
    }

    fn add_span(&mut self, span: Span) -> Result<Command, CommandError> {
        self.check_range(span.char_start, span.char_end)?;
        self.check_label(&span.label)?;
        if self.span_index(span.id).is_some() {
            return Err(CommandError::DuplicateId(span.id.to_string()));
        }
        let id = span.id;
        self.insert_span_sorted(span);
        Ok(Command::DeleteSpan(id))
    }

    fn delete_span(&mut self, id: SpanId) -> Result<Command, CommandError> {
        let index = self.span_index(id).ok_or(CommandError::NoSuchSpan(id))?;
        let span = self.remove_span_at(index);
        let (links, kept): (Vec<Link>, Vec<Link>) = std::mem::take(&mut self.links)
            .into_iter()
            .partition(|l| l.from == id || l.to == id);
        self.links = kept;
        Ok(Command::RestoreSpan { span, links })
    }

    fn restore_span(&mut self, span: Span, links: Vec<Link>) -> Result<Command, CommandError> {
        let id = span.id;
        self.add_span(span)?;
        for link in links {
            if self.link(link.id).is_none() {
                self.insert_link_sorted(link);
            }
        }
        Ok(Command::DeleteSpan(id))
    }

    fn set_span_label(&mut self, id: SpanId, label: String) -> Result<Command, CommandError> {
        self.check_label(&label)?;
        let index = self.span_index(id).ok_or(CommandError::NoSuchSpan(id))?;
        // Links that the new label no longer allows are removed within the same undo step.
        let stale: Vec<LinkId> = self
            .links_of(id)
            .filter(|link| {
                self.schema.relation(&link.kind).is_none_or(|relation| {
                    let end_label = |end: SpanId| {
                        if end == id {
                            Some(label.as_str())
                        } else {
                            self.span(end).map(|s| s.label.as_str())
                        }
                    };
                    match (end_label(link.from), end_label(link.to)) {
                        (Some(head), Some(child)) => !relation.allows(head, child),
                        _ => true,
                    }
                })
            })
            .map(|l| l.id)
            .collect();
        let mut inverse = Vec::new();
        for link_id in stale {
            inverse.push(self.apply(Command::DeleteLink(link_id))?);
        }
        let old = std::mem::replace(&mut self.spans[index].label, label);
        inverse.push(Command::SetSpanLabel { id, label: old });
        inverse.reverse();
        Ok(if inverse.len() == 1 {
            inverse.remove(0)
        } else {
            Command::Batch(inverse)
        })
    }

    fn set_span_range(&mut self, id: SpanId, char_start: usize, char_end: usize) -> Result<Command, CommandError> {
        self.check_range(char_start, char_end)?;
        let index = self.span_index(id).ok_or(CommandError::NoSuchSpan(id))?;
        let mut span = self.remove_span_at(index);
        let inverse = Command::SetSpanRange {
            id,
            char_start: span.char_start,
            char_end: span.char_end,
        };
        span.char_start = char_start;
        span.char_end = char_end;
        self.insert_span_sorted(span);
        Ok(inverse)
    }

    fn add_link(&mut self, link: Link) -> Result<Command, CommandError> {
        let relation = self
            .schema
            .relation(&link.kind)
            .ok_or_else(|| CommandError::UnknownRelation(link.kind.clone()))?;
        let from = self.span(link.from).ok_or(CommandError::NoSuchSpan(link.from))?;
        let to = self.span(link.to).ok_or(CommandError::NoSuchSpan(link.to))?;
        if !relation.allows(&from.label, &to.label) {
            return Err(CommandError::LinkLabelMismatch {
                kind: relation.name.clone(),
                expected: relation.pairs_text(),
                from: from.label.clone(),
                to: to.label.clone(),
            });
        }
        if self.link(link.id).is_some() {
            return Err(CommandError::DuplicateId(link.id.to_string()));
        }
        let same_kind = || self.links.iter().filter(|l| l.kind == link.kind && l.from == link.from);
        if same_kind().any(|l| l.to == link.to) {
            return Err(CommandError::LinkExists {
                kind: link.kind.clone(),
            });
        }
        if !relation.multiple && same_kind().next().is_some() {
            return Err(CommandError::OneLinkOnly {
                kind: link.kind.clone(),
                head: relation.from_label.clone(),
            });
        }
        let id = link.id;
        self.insert_link_sorted(link);
        Ok(Command::DeleteLink(id))
    }

    fn set_schema(&mut self, schema: Schema) -> Result<Command, CommandError> {
        schema
            .validate()
            .map_err(|e| CommandError::BadSchema(SchemaRefusal::Invalid(e)))?;
        if let Some(span) = self.spans.iter().find(|s| schema.label(&s.label).is_none()) {
            return Err(CommandError::BadSchema(SchemaRefusal::LabelUsed {
                label: span.label.clone(),
                by_suggestions: false,
            }));
        }
        if let Some(span) = self
            .suggestions
            .spans()
            .iter()
            .find(|s| schema.label(&s.label).is_none())
        {
            return Err(CommandError::BadSchema(SchemaRefusal::LabelUsed {
                label: span.label.clone(),
                by_suggestions: true,
            }));
        }
        if let Some(link) = self
            .suggestions
            .links()
            .iter()
            .find(|l| schema.relation(&l.kind).is_none())
        {
            return Err(CommandError::BadSchema(SchemaRefusal::RelationUsed {
                relation: link.kind.clone(),
                by_suggestions: true,
            }));
        }
        if let Some(link) = self.links.iter().find(|l| schema.relation(&l.kind).is_none()) {
            return Err(CommandError::BadSchema(SchemaRefusal::RelationUsed {
                relation: link.kind.clone(),
                by_suggestions: false,
            }));
        }
        // A link the new schema does not allow would make the saved file one no Hashiya opens.
        for link in &self.links {
            let ends = self.span(link.from).zip(self.span(link.to));
            if let (Some(relation), Some((head, child))) = (schema.relation(&link.kind), ends)
                && !relation.allows(&head.label, &child.label)
            {
                return Err(CommandError::BadSchema(SchemaRefusal::LinkNotAllowed {
                    link: link.id,
                    head: head.label.clone(),
                    child: child.label.clone(),
                    kind: link.kind.clone(),
                    pairs: relation.pairs_text(),
                }));
            }
        }
        Ok(Command::SetSchema(std::mem::replace(&mut self.schema, schema)))
    }

    fn rename_label(&mut self, from: &str, to: String) -> Result<Command, CommandError> {
        self.check_label(from)?;
        if to.trim().is_empty() || self.schema.label(&to).is_some() {
            return Err(CommandError::BadSchema(SchemaRefusal::CannotRename {
                from: from.to_owned(),
                to,
            }));
        }
        for label in &mut self.schema.labels {
            if label.name == from {
                label.name.clone_from(&to);
            }
        }
        for relation in &mut self.schema.relations {
            let pairs = relation.other_pairs.iter_mut().flat_map(|(h, c)| [h, c]);
            for end in [&mut relation.from_label, &mut relation.to_label]
                .into_iter()
                .chain(pairs)
            {
                if end == from {
                    end.clone_from(&to);
                }
            }
        }
        for span in &mut self.spans {
            if span.label == from {
                span.label.clone_from(&to);
            }
        }
        self.suggestions.rename_label(from, &to);
        Ok(Command::RenameLabel {
            from: to,
            to: from.to_owned(),
        })
    }

    pub(super) fn apply_batch(&mut self, commands: Vec<Command>) -> Result<Command, CommandError> {
        let mut inverses = Vec::with_capacity(commands.len());
        for command in commands {
            match self.apply(command) {
                Ok(inverse) => inverses.push(inverse),
                Err(error) => {
                    // Roll back what the batch already did, so a failed batch changes nothing.
                    for inverse in inverses.into_iter().rev() {
                        // The inverse of a command that has just applied always applies; the
                        // error worth reporting is the one that stopped the batch.
                        let _ = self.apply(inverse);
                    }
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Command::Batch(inverses))
    }
}
