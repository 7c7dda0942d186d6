//! How the suggestion commands change a document (see [`Command`]'s suggestion variants).
//! Every function returns the inverse command, as `Document::apply` does; accepting is built
//! from the plain span and link commands, so undoing an accept deletes the span it made and
//! puts the suggestion back.

use crate::model::{
    Command, CommandError, Document, LinkRejection, Rejected, SpanId, SuggestedLink, SuggestedSpan, SuggestionEnd,
    SuggestionId, SuggestionSource,
};

impl Document {
    pub(super) fn set_suggestions(
        &mut self,
        source: &SuggestionSource,
        spans: Vec<SuggestedSpan>,
        links: Vec<SuggestedLink>,
    ) -> Result<Command, CommandError> {
        self.check_new_suggestions(source, &spans, &links)?;
        let store = &mut self.suggestions;
        let (old_spans, kept_spans): (Vec<_>, Vec<_>) = std::mem::take(&mut store.spans)
            .into_iter()
            .partition(|s| &s.source == source);
        store.spans = kept_spans;
        let old_ids: std::collections::HashSet<SuggestionId> = old_spans.iter().map(|s| s.id).collect();
        let replaced = |end: &SuggestionEnd| matches!(end, SuggestionEnd::Suggested(id) if old_ids.contains(id));
        let (old_links, kept_links): (Vec<_>, Vec<_>) = std::mem::take(&mut store.links)
            .into_iter()
            .partition(|l| &l.source == source);
        let (orphaned, kept_links): (Vec<_>, Vec<_>) = kept_links
            .into_iter()
            .partition(|l| replaced(&l.from) || replaced(&l.to));
        store.links = kept_links;
        for span in spans {
            store.last_id = store.last_id.max(span.id.0);
            store.spans.push(span);
        }
        for link in links {
            store.last_id = store.last_id.max(link.id.0);
            store.links.push(link);
        }
        store.spans.sort_by_key(SuggestedSpan::sort_key);
        store.links.sort_by_key(|l| l.id);
        store.reindex();
        let restore = Command::SetSuggestions {
            source: source.clone(),
            spans: old_spans,
            links: old_links,
        };
        Ok(if orphaned.is_empty() {
            restore
        } else {
            Command::Batch(vec![
                restore,
                Command::RestoreSuggestion {
                    span: None,
                    links: orphaned,
                },
            ])
        })
    }

    /// Refuses suggestions that would not fit: ranges outside the text, labels and kinds not
    /// in the schema, ids used by another source, links to ends that do not exist.
    fn check_new_suggestions(
        &self,
        source: &SuggestionSource,
        spans: &[SuggestedSpan],
        links: &[SuggestedLink],
    ) -> Result<(), CommandError> {
        let mut ids = std::collections::HashSet::new();
        let others = &self.suggestions;
        // Ids other sources hold, gathered once: a refresh of the matcher on a long document
        // sets thousands of suggestions beside thousands of others.
        let taken: std::collections::HashSet<SuggestionId> = others
            .spans
            .iter()
            .filter(|s| &s.source != source)
            .map(|s| s.id)
            .chain(others.links.iter().filter(|l| &l.source != source).map(|l| l.id))
            .collect();
        let taken = |id: SuggestionId| taken.contains(&id);
        let new_spans: std::collections::HashSet<SuggestionId> = spans.iter().map(|s| s.id).collect();
        for span in spans {
            self.check_range(span.char_start, span.char_end)?;
            self.check_label(&span.label)?;
            if !ids.insert(span.id) || taken(span.id) {
                return Err(CommandError::DuplicateId(span.id.to_string()));
            }
        }
        for link in links {
            if self.schema.relation(&link.kind).is_none() {
                return Err(CommandError::UnknownRelation(link.kind.clone()));
            }
            if !ids.insert(link.id) || taken(link.id) {
                return Err(CommandError::DuplicateId(link.id.to_string()));
            }
            for end in [link.from, link.to] {
                let exists = match end {
                    SuggestionEnd::Span(id) => self.span(id).is_some(),
                    SuggestionEnd::Suggested(id) => {
                        new_spans.contains(&id) || others.span(id).is_some_and(|s| &s.source != source)
                    }
                };
                if !exists {
                    return Err(match end {
                        SuggestionEnd::Suggested(id) => CommandError::NoSuchSuggestion(id),
                        SuggestionEnd::Span(id) => CommandError::NoSuchSpan(id),
                    });
                }
            }
        }
        Ok(())
    }

    pub(super) fn accept_suggestion(&mut self, id: SuggestionId) -> Result<Command, CommandError> {
        if let Some(span) = self.suggestions.span(id).cloned() {
            let new_id = self.next_span_id();
            let mut steps = vec![Command::AddSpan {
                label: span.label.clone(),
                char_start: span.char_start,
                char_end: span.char_end,
            }];
            // Other sources' suggestions of the same label and range are now annotated too.
            // Sorted by (start, end, id): the same range is one run, found by bisection.
            let spans = &self.suggestions.spans;
            let first = spans.partition_point(|s| (s.char_start, s.char_end) < (span.char_start, span.char_end));
            let same: Vec<SuggestionId> = spans[first..]
                .iter()
                .take_while(|s| (s.char_start, s.char_end) == (span.char_start, span.char_end))
                .filter(|s| s.label == span.label)
                .map(|s| s.id)
                .collect();
            for same_id in same {
                steps.push(Command::RetargetSuggestions {
                    from: SuggestionEnd::Suggested(same_id),
                    to: SuggestionEnd::Span(new_id),
                });
                steps.push(Command::RemoveSuggestion(same_id));
            }
            return self.apply_batch(steps);
        }
        let link = self
            .suggestions
            .link(id)
            .cloned()
            .ok_or(CommandError::NoSuchSuggestion(id))?;
        let mut inverses = Vec::new();
        let result = self.accept_link_steps(&link, &mut inverses);
        if let Err(error) = result {
            for inverse in inverses.into_iter().rev() {
                // The inverse of a step that has just applied always applies; the error worth
                // reporting is the one that stopped the accept.
                let _ = self.apply(inverse);
            }
            return Err(error);
        }
        inverses.reverse();
        Ok(Command::Batch(inverses))
    }

    /// Accepts a link's suggested ends (which retargets the link to the new spans), then adds
    /// the link and removes the suggestion; each step's inverse goes to `inverses`.
    fn accept_link_steps(&mut self, link: &SuggestedLink, inverses: &mut Vec<Command>) -> Result<(), CommandError> {
        let mut ends = [link.from, link.to];
        for end in &mut ends {
            if let SuggestionEnd::Suggested(span_id) = *end {
                let new_id = self.next_span_id();
                inverses.push(self.accept_suggestion(span_id)?);
                *end = SuggestionEnd::Span(new_id);
            }
        }
        let [SuggestionEnd::Span(from), SuggestionEnd::Span(to)] = ends else {
            return Err(CommandError::NoSuchSuggestion(link.id));
        };
        inverses.push(self.apply(Command::AddLink {
            kind: link.kind.clone(),
            from,
            to,
        })?);
        inverses.push(self.remove_suggestion(link.id)?);
        Ok(())
    }

    pub(super) fn accept_suggestions(
        &mut self,
        ids: Vec<SuggestionId>,
        as_spans: &[SpanId],
    ) -> Result<Command, CommandError> {
        // Every id must be a suggested span; each distinct (label, range) becomes one span.
        let mut keys: Vec<(usize, usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &id in &ids {
            let span = self.suggestions.span(id).ok_or(CommandError::NoSuchSuggestion(id))?;
            self.check_range(span.char_start, span.char_end)?;
            self.check_label(&span.label)?;
            let key = (span.char_start, span.char_end, span.label.clone());
            if seen.insert(key.clone()) {
                keys.push(key);
            }
        }
        if !as_spans.is_empty() && as_spans.len() != keys.len() {
            return Err(CommandError::DuplicateId("the spans of a redone accept".to_owned()));
        }
        let mut new_ids = Vec::with_capacity(keys.len());
        let mut next = self.last_span_id;
        for index in 0..keys.len() {
            let id = match as_spans.get(index) {
                Some(&id) if self.span_index(id).is_none() => id,
                Some(&id) => return Err(CommandError::DuplicateId(id.to_string())),
                None => {
                    next = next.checked_add(1).ok_or(CommandError::IdsExhausted("span"))?;
                    SpanId(next)
                }
            };
            new_ids.push(id);
        }
        let by_key: std::collections::HashMap<(usize, usize, &str), SpanId> = keys
            .iter()
            .zip(&new_ids)
            .map(|((start, end, label), &id)| ((*start, *end, label.as_str()), id))
            .collect();
        // The suggestions that become spans: the accepted ones and their same-range twins.
        let store = &mut self.suggestions;
        let (restore, kept): (Vec<SuggestedSpan>, Vec<SuggestedSpan>) = std::mem::take(&mut store.spans)
            .into_iter()
            .partition(|s| by_key.contains_key(&(s.char_start, s.char_end, s.label.as_str())));
        store.spans = kept;
        store.reindex();
        let target: std::collections::HashMap<SuggestionId, SpanId> = restore
            .iter()
            .map(|s| (s.id, by_key[&(s.char_start, s.char_end, s.label.as_str())]))
            .collect();
        let mut retargeted = Vec::new();
        for link in &mut store.links {
            for (is_head, end) in [(true, &mut link.from), (false, &mut link.to)] {
                if let SuggestionEnd::Suggested(id) = *end
                    && let Some(&span) = target.get(&id)
                {
                    *end = SuggestionEnd::Span(span);
                    retargeted.push((link.id, is_head, id));
                }
            }
        }
        let spans: Vec<crate::model::Span> = keys
            .into_iter()
            .zip(&new_ids)
            .map(|((start, end, label), &id)| crate::model::Span::new(id, label, start, end))
            .collect();
        self.insert_spans_bulk(spans);
        Ok(Command::UnacceptSuggestions {
            spans: new_ids,
            restore,
            ids,
            retargeted,
        })
    }

    pub(super) fn unaccept_suggestions(
        &mut self,
        spans: &[SpanId],
        restore: Vec<SuggestedSpan>,
        ids: Vec<SuggestionId>,
        retargeted: &[(SuggestionId, bool, SuggestionId)],
    ) -> Command {
        let made: std::collections::HashSet<SpanId> = spans.iter().copied().collect();
        self.remove_spans_bulk(&made);
        let store = &mut self.suggestions;
        for &(link, is_head, suggestion) in retargeted {
            if let Ok(index) = store.links.binary_search_by_key(&link, |l| l.id) {
                let end = if is_head {
                    &mut store.links[index].from
                } else {
                    &mut store.links[index].to
                };
                *end = SuggestionEnd::Suggested(suggestion);
            }
        }
        for span in restore {
            store.last_id = store.last_id.max(span.id.0);
            store.spans.push(span);
        }
        store.spans.sort_by_key(SuggestedSpan::sort_key);
        store.reindex();
        Command::AcceptSuggestions {
            ids,
            as_spans: spans.to_vec(),
        }
    }

    pub(super) fn reject_suggestion(&mut self, id: SuggestionId) -> Result<Command, CommandError> {
        let rejected = if let Some(span) = self.suggestions.span(id) {
            Rejected::Span(span.rejection())
        } else {
            let link = self.suggestions.link(id).ok_or(CommandError::NoSuchSuggestion(id))?;
            Rejected::Link(LinkRejection {
                kind: link.kind.clone(),
                from: self
                    .suggestion_end_range(link.from)
                    .ok_or(CommandError::NoSuchSuggestion(id))?,
                to: self
                    .suggestion_end_range(link.to)
                    .ok_or(CommandError::NoSuchSuggestion(id))?,
            })
        };
        self.apply_batch(vec![
            Command::RemoveSuggestion(id),
            Command::SetRejected { rejected, on: true },
        ])
    }

    /// The char range of a link suggestion's end.
    #[must_use]
    pub fn suggestion_end_range(&self, end: SuggestionEnd) -> Option<(usize, usize)> {
        match end {
            SuggestionEnd::Span(id) => self.span(id).map(|s| (s.char_start, s.char_end)),
            SuggestionEnd::Suggested(id) => self.suggestions.span(id).map(|s| (s.char_start, s.char_end)),
        }
    }

    pub(super) fn remove_suggestion(&mut self, id: SuggestionId) -> Result<Command, CommandError> {
        let store = &mut self.suggestions;
        if let Some(span) = store.take_span(id) {
            let end = SuggestionEnd::Suggested(id);
            let touches = |l: &SuggestedLink| l.from == end || l.to == end;
            // Most suggested spans have no link: no need to rebuild the list for them.
            let links = if store.links.iter().any(touches) {
                let (links, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut store.links).into_iter().partition(touches);
                store.links = kept;
                links
            } else {
                Vec::new()
            };
            return Ok(Command::RestoreSuggestion {
                span: Some(span),
                links,
            });
        }
        let index = store
            .links
            .binary_search_by_key(&id, |l| l.id)
            .map_err(|_| CommandError::NoSuchSuggestion(id))?;
        let link = store.links.remove(index);
        Ok(Command::RestoreSuggestion {
            span: None,
            links: vec![link],
        })
    }

    pub(super) fn restore_suggestion(
        &mut self,
        span: Option<SuggestedSpan>,
        links: Vec<SuggestedLink>,
    ) -> Result<Command, CommandError> {
        let store = &mut self.suggestions;
        let mut inverse = Vec::new();
        // The links removed with a span all end at it: removing the span again removes them.
        let with_span = span.is_some();
        if let Some(span) = span {
            if store.span(span.id).is_some() {
                return Err(CommandError::DuplicateId(span.id.to_string()));
            }
            inverse.push(Command::RemoveSuggestion(span.id));
            store.last_id = store.last_id.max(span.id.0);
            store.put_span(span);
        }
        for link in links {
            if let Err(at) = store.links.binary_search_by_key(&link.id, |l| l.id) {
                if !with_span {
                    inverse.push(Command::RemoveSuggestion(link.id));
                }
                store.last_id = store.last_id.max(link.id.0);
                store.links.insert(at, link);
            }
        }
        Ok(if inverse.len() == 1 {
            inverse.remove(0)
        } else {
            Command::Batch(inverse)
        })
    }

    pub(super) fn retarget_suggestions(&mut self, from: SuggestionEnd, to: SuggestionEnd) -> Command {
        for link in &mut self.suggestions.links {
            if link.from == from {
                link.from = to;
            }
            if link.to == from {
                link.to = to;
            }
        }
        Command::RetargetSuggestions { from: to, to: from }
    }

    pub(super) fn set_rejected(&mut self, rejected: Rejected, on: bool) -> Command {
        let store = &mut self.suggestions;
        let changed = match (&rejected, on) {
            (Rejected::Span(r), true) => store.rejected.insert(r.clone()),
            (Rejected::Span(r), false) => store.rejected.remove(r),
            (Rejected::Link(r), true) => store.rejected_links.insert(r.clone()),
            (Rejected::Link(r), false) => store.rejected_links.remove(r),
        };
        // Remembering what was already remembered must not forget it on undo.
        Command::SetRejected {
            rejected,
            on: if changed { !on } else { on },
        }
    }

    /// Problems of the suggestions, as [`Document::check`] lists them.
    pub(super) fn check_suggestions(&self, span_ids: &std::collections::HashSet<SpanId>, problems: &mut Vec<String>) {
        let mut ids = std::collections::HashSet::new();
        for span in &self.suggestions.spans {
            if !ids.insert(span.id) {
                problems.push(format!("suggestion {} is defined twice", span.id));
            }
            if span.char_start >= span.char_end || span.char_end > self.char_len() {
                problems.push(format!(
                    "suggestion {} has range {}..{} outside the text (0..{})",
                    span.id,
                    span.char_start,
                    span.char_end,
                    self.char_len()
                ));
            }
            if self.schema.label(&span.label).is_none() {
                problems.push(format!("suggestion {} has unknown label \"{}\"", span.id, span.label));
            }
        }
        for link in &self.suggestions.links {
            if !ids.insert(link.id) {
                problems.push(format!("suggestion {} is defined twice", link.id));
            }
            if self.schema.relation(&link.kind).is_none() {
                problems.push(format!("suggestion {} has unknown kind \"{}\"", link.id, link.kind));
            }
            for end in [link.from, link.to] {
                let exists = match end {
                    SuggestionEnd::Span(id) => span_ids.contains(&id),
                    SuggestionEnd::Suggested(id) => self.suggestions.span(id).is_some(),
                };
                if !exists {
                    problems.push(format!("suggestion {} refers to a missing end", link.id));
                }
            }
        }
    }
}
