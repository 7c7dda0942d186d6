//! Hashiya (حاشية, "marginal gloss"): annotate Arabic and other right-to-left or
//! left-to-right news articles, save the annotations as RON, export datasets.
//!
//! Layers: [`model`] (document, schema, spans, links, commands, history), [`text`] (offsets,
//! segmentation, layout), [`io`] (RON files, article import, encodings), [`export`] (dataset
//! exporters, importers and statistics, one file per format), [`app`] (the open document
//! session and the annotator, without egui), [`suggest`] (suggestion sources: string
//! matcher, rules, CRF tagger), [`ui`] (the egui window) and [`cli`]. Only `ui`
//! imports egui. See ARCHITECTURE.md.

pub mod app;
pub mod checks;
pub mod cli;
pub mod export;
#[doc(hidden)]
pub mod fuzzing;
pub mod io;
pub mod model;
pub mod review;
pub mod suggest;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
