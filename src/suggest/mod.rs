//! Suggestion sources: what pre-annotates a document for the annotator to accept or reject
//! (issue 11). Each source turns a document into [`Candidates`]; the suggestion layer (file
//! section, window, commands) lives elsewhere. Sources:
//!
//! - [`matcher`]: strings annotated before (and a gazetteer), found again Arabic-aware;
//! - [`rules`]: quotes, their speakers and titled actors of the default schema, from word
//!   lists kept in [`crate::model::SuggestionRules`];
//! - [`tagger`]: a linear-chain CRF trained on the annotated spans ([`features`] documents
//!   what it looks at, [`phrases`] its phrase gazetteer, [`consistency`] the document-level
//!   steps of tagging).
//!
//! [`eval`] measures a source against annotated documents (exact span match), as
//! `hashiya suggest --eval` prints it. Imports `model`, `text` and `export` (its tokenizer)
//! only; no egui.

pub mod candidate;
pub mod consistency;
pub mod eval;
pub mod features;
pub mod matcher;
pub mod phrases;
mod proposals;
pub mod rules;
pub mod tagger;
#[cfg(test)]
mod testing;

pub use candidate::{CandidateEnd, Candidates, LinkCandidate, SpanCandidate};
pub use matcher::{GazetteerError, Matcher, parse_gazetteer};
pub use tagger::{Tagger, TaggerError, TaggerOptions};
