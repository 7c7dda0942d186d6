//! Dataset formats, one file per format: JSONL (Hashiya's own, doccano's, token classification), `CoNLL` (IOB2),
//! brat standoff, spaCy's `DocBin` (`spacy`), Parquet (`parquet`: Hashiya's JSONL records as columns), the entity-level events (`events`) and coreference clusters (`coref`), each with its export and import as pure functions over
//! [`crate::model::Document`]; [`files`] is the thin layer that reads and writes them on disk.
//!
//! Offsets are Unicode scalar offsets everywhere (Python's `text[start:end]`); JSONL can
//! write UTF-16 offsets instead for JavaScript tools ([`offsets`]).

mod assemble;
pub mod brat;
mod brat_conf;
mod brat_import;
pub mod conll;
pub mod coref;
pub mod dataset;
pub mod dataset_card;
mod doccano;
pub mod events;
pub mod files;
pub mod guard;
pub mod jsonl;
mod msgpack;
mod names;
pub mod offsets;
mod options;
pub mod parquet;
pub mod predictions;
pub mod record_schema;
mod report;
mod schema_builder;
pub mod spacy;
pub mod split;
pub mod stats;
pub mod token_classification;
pub mod tokens;
pub mod warning;

pub use files::{ExportFormat, FilesError, ImportFormat};
pub use names::{is_line_break, storage_name, tag_name};
pub use options::ImportOptions;
pub use report::{ExportReport, ImportReport, ImportWarning};
pub use warning::DataWarning;

/// The documents an import built, with its report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Documents in input order.
    pub documents: Vec<crate::model::Document>,
    /// Counts and warnings.
    pub report: ImportReport,
}

/// A document's id in exports: its file name without `.txt` (`document` when it has none).
#[must_use]
pub fn document_id(document: &crate::model::Document) -> &str {
    let name = document.meta().source_name.as_str();
    match name.strip_suffix(".txt").unwrap_or(name) {
        "" => "document",
        id => id,
    }
}
