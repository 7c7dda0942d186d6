//! A source's candidates as the model's proposals ([`Document::suggestion_command`]
//! numbers and filters them), for the window and the command line alike.
//!
//! [`Document::suggestion_command`]: crate::model::Document::suggestion_command

use crate::model::{NewEnd, NewLink, NewSuggestion};
use crate::suggest::{CandidateEnd, Candidates};

impl Candidates {
    /// The proposed spans and links, in the model's terms.
    #[must_use]
    pub fn proposals(&self) -> (Vec<NewSuggestion>, Vec<NewLink>) {
        let spans = self
            .spans
            .iter()
            .map(|c| NewSuggestion {
                char_start: c.char_start,
                char_end: c.char_end,
                label: c.label.clone(),
                score: c.score,
            })
            .collect();
        let end = |end: CandidateEnd| match end {
            CandidateEnd::Span(id) => NewEnd::Span(id),
            CandidateEnd::Candidate(index) => NewEnd::New(index),
        };
        let links = self
            .links
            .iter()
            .map(|c| NewLink {
                kind: c.kind.clone(),
                from: end(c.from),
                to: end(c.to),
                score: c.score,
            })
            .collect();
        (spans, links)
    }
}
