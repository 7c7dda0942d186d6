//! Review of several annotators' work on the same articles: how far they agree
//! ([`Agreement`], `hashiya agree`). The measures are defined in the README.

mod agreement;
mod coefficients;
mod matching;

pub use agreement::{Agreement, Disagreement, F1Table, Version};
pub use coefficients::{cohen_kappa, krippendorff_alpha_nominal};
pub use matching::overlap_matches;
