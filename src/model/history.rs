use crate::model::{Command, CommandError, Created, Document};

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    redo: Command,
    undo: Command,
    revision_before: u64,
    revision_after: u64,
}

/// Unlimited undo/redo over `Document::apply`, and the "modified since saved" state. The
/// only caller of `Document::apply`; crate-private, so outside code edits through
/// `app::DocumentSession`, which owns the document and its history.
#[derive(Clone, Debug, Default)]
pub(crate) struct History {
    undo_stack: Vec<Step>,
    redo_stack: Vec<Step>,
    revision: u64,
    next_revision: u64,
    saved_revision: u64,
}

impl History {
    /// Applies `command` to `document` and records it for undo. Redo replays the inverse of
    /// the undo step, so a span or link created here comes back with the same id.
    pub(crate) fn edit(&mut self, document: &mut Document, command: Command) -> Result<Created, CommandError> {
        let undo = document.apply(command.clone())?;
        let created = Created::from_inverse(&undo);
        self.next_revision += 1;
        self.undo_stack.push(Step {
            redo: command,
            undo,
            revision_before: self.revision,
            revision_after: self.next_revision,
        });
        self.revision = self.next_revision;
        self.redo_stack.clear();
        Ok(created)
    }

    /// Applies `command` as part of the last step, so that one undo takes back both (a span
    /// and the suggestions the matcher refreshed because of it); a plain edit when there is no
    /// step to join.
    pub(crate) fn amend(&mut self, document: &mut Document, command: Command) -> Result<Created, CommandError> {
        let Some(mut step) = self.undo_stack.pop() else {
            return self.edit(document, command);
        };
        match document.apply(command.clone()) {
            Ok(undo) => {
                let created = Created::from_inverse(&undo);
                self.next_revision += 1;
                step.redo = Command::Batch(vec![step.redo, command]);
                step.undo = Command::Batch(vec![undo, step.undo]);
                step.revision_after = self.next_revision;
                self.revision = self.next_revision;
                self.undo_stack.push(step);
                self.redo_stack.clear();
                Ok(created)
            }
            Err(error) => {
                self.undo_stack.push(step);
                Err(error)
            }
        }
    }

    /// Undoes the last step; `Ok(false)` when there is nothing to undo. A step that no longer
    /// applies (the document was changed behind the history's back) changes nothing, stays on
    /// the stack and returns its error, so the user learns why.
    pub(crate) fn undo(&mut self, document: &mut Document) -> Result<bool, CommandError> {
        let Some(mut step) = self.undo_stack.pop() else {
            return Ok(false);
        };
        match document.apply(step.undo.clone()) {
            Ok(redo) => {
                step.redo = redo;
                self.revision = step.revision_before;
                self.redo_stack.push(step);
                Ok(true)
            }
            Err(error) => {
                self.undo_stack.push(step);
                Err(error)
            }
        }
    }

    /// Redoes the last undone step; `Ok(false)` when there is nothing to redo. Errors as
    /// [`Self::undo`].
    pub(crate) fn redo(&mut self, document: &mut Document) -> Result<bool, CommandError> {
        let Some(mut step) = self.redo_stack.pop() else {
            return Ok(false);
        };
        match document.apply(step.redo.clone()) {
            Ok(undo) => {
                step.undo = undo;
                self.revision = step.revision_after;
                self.undo_stack.push(step);
                Ok(true)
            }
            Err(error) => {
                self.redo_stack.push(step);
                Err(error)
            }
        }
    }

    /// Whether undo would do something.
    #[must_use]
    pub(crate) fn can_undo(&self) -> bool {
        !self.undo_stack.is_empty()
    }

    /// Whether redo would do something.
    #[must_use]
    pub(crate) fn can_redo(&self) -> bool {
        !self.redo_stack.is_empty()
    }

    /// Whether the document differs from the last saved (or loaded) state.
    #[must_use]
    pub(crate) fn is_modified(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Records that the current state is what is on disk.
    pub(crate) fn mark_saved(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Records that the current state is not on disk (restored from a recovery file).
    pub(crate) fn mark_unsaved(&mut self) {
        self.next_revision += 1;
        self.saved_revision = self.next_revision;
    }

    /// A number that changes with every edit, undo and redo (for caches keyed on content).
    #[must_use]
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema};

    #[test]
    fn an_undo_that_no_longer_applies_reports_why_and_changes_nothing() {
        let mut doc = Document::new(
            "قال الفريق محمد الحداد اليوم".into(),
            Schema::default_schema(),
            DocumentMeta::default(),
        );
        let mut history = History::default();
        assert!(!history.undo(&mut doc).expect("nothing to undo is not an error"));
        let add = Command::AddSpan {
            label: "Actor".into(),
            char_start: 4,
            char_end: 22,
        };
        let actor = history.edit(&mut doc, add).expect("added").span.expect("a span");
        // The span disappears behind the history's back: its undo (delete it) cannot apply.
        doc.apply(Command::DeleteSpan(actor)).expect("deleted directly");
        let before = doc.clone();
        let error = history.undo(&mut doc).expect_err("the undo fails");
        assert!(!error.to_string().is_empty());
        assert_eq!(doc.spans(), before.spans(), "a failed undo changes nothing");
        assert!(history.can_undo(), "the step stays, so the failure is reported again");
    }
}
