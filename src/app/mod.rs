//! The application without a window: the open document with its undo history and files
//! ([`DocumentSession`]) and what the annotator's keys and clicks do ([`Annotator`]). No egui
//! here, so all of it is tested with plain tests; `ui` draws it and turns input into calls.

pub mod annotator;
pub mod entity_book;
pub mod i18n;
pub mod link_targets;
pub mod match_walk;
pub mod problem_list;
pub mod session;
pub mod suggestion_walk;

pub use annotator::{Annotator, AnnotatorAction, LinkMode, Outcome, innermost_span_at};
pub use entity_book::{EntityBook, entity_choices, kind_of_mention};
pub use i18n::{Catalogue, Language};
pub use link_targets::link_targets;
pub use match_walk::{MatchWalk, WalkAnswer, ranges_to_label};
pub use problem_list::ProblemList;
pub use session::DocumentSession;
pub use suggestion_walk::SuggestionWalk;
