//! The annotation model: a document's text, its schema, spans and links, and the one command
//! path (with undo history) that changes them. Pure data: no egui, no file formats. The
//! history is crate-private: `app::DocumentSession` owns a document with its history
//! and is the one way to edit it.

mod command;
mod document;
mod entity;
mod entity_problem;
mod history;
mod link;
mod schema;
mod span;
mod suggestion;
mod suggestion_batch;
mod suggestion_commands;
mod suggestion_rules;

pub use command::{Command, CommandError, Created, SchemaRefusal};
pub use document::{Document, DocumentMeta, Status, Tokenization};
pub use entity::{BadEntityId, Entity, EntityError, EntityId, EntityKind, EntityRegistry};
pub use entity_problem::EntityProblem;
pub(crate) use history::History;
pub use link::{Link, LinkId};
pub use schema::{AttributeDef, LABEL_PALETTE, LabelDef, RelationDef, Rgb, Schema, SchemaError};
pub use span::{Span, SpanId};
pub use suggestion::{
    LinkRejection, Rejected, Rejection, SuggestedLink, SuggestedSpan, SuggestionEnd, SuggestionId, SuggestionSource,
    Suggestions, clamp_score,
};
pub use suggestion_batch::{BatchCounts, NewEnd, NewLink, NewSuggestion};
pub use suggestion_rules::SuggestionRules;
