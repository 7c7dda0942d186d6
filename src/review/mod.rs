//! Review of several annotators' work on the same articles: how far they agree
//! ([`Agreement`], `hashiya agree`; the measures are defined in the README), and the
//! curator's settling of their versions into a gold file ([`Adjudication`]).

mod adjudication;
mod agreement;
mod coefficients;
mod matching;

pub use adjudication::{Adjudication, Proposal, ProposalKey};
pub use agreement::{Agreement, Disagreement, F1Table, Version};
pub use coefficients::{cohen_kappa, krippendorff_alpha_nominal};
pub use matching::overlap_matches;
