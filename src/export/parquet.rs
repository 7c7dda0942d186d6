//! Parquet: Hashiya's JSONL records as a table, a row per document, for users who load data
//! with pandas, polars or Hugging Face `datasets` at scale.
//!
//! The columns are the fixed schema of the Hashiya JSONL flavor
//! ([`crate::export::record_schema`]): `id`, `text`, `spans` (a list of structs with char
//! offsets `start`/`end`, `attributes` as a list of `{name, value}`), `relations`,
//! `entities`, `meta`, and with the suggestions `suggestions` and `suggested_relations`.
//! Absent values (a span's note or entity) are nulls; lists are never null, only empty. The
//! values are the JSONL writer's own records (`jsonl::hashiya_value`), laid out column by
//! column by walking the schema, so a Parquet row and a JSONL line of a document hold the
//! same values; a record that does not fit the schema (a key it lacks, a value of another
//! type) is refused, not written.
//!
//! Arrow types follow what `datasets` makes of its features: `string` is Arrow's `Utf8`,
//! `int64` `Int64`, a list `List` (32-bit offsets). Pages are not compressed: each codec
//! would be another crate to build, and Parquet's dictionary encoding already stores each
//! label once per column chunk.

use crate::export::ExportReport;
use crate::export::offsets::OffsetUnit;
use crate::export::record_schema::{Field, HASHIYA_RECORD, HASHIYA_RECORD_WITH_SUGGESTIONS};
use crate::model::{Document, EntityRegistry};

/// The Arrow columns and the Parquet writer: only with the `parquet` feature (the default).
#[cfg(feature = "parquet")]
mod table;

/// The file extension.
pub const EXTENSION: &str = "parquet";

/// What a Parquet export writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParquetOptions {
    /// What the span offsets count (chars, as in Python, by default).
    pub offsets: OffsetUnit,
    /// Also the suggestions, in the columns `suggestions` and `suggested_relations`.
    pub suggestions: bool,
}

impl ParquetOptions {
    /// The record's fields: [`HASHIYA_RECORD`], with the suggestions' when asked.
    #[must_use]
    pub fn fields(self) -> &'static [Field] {
        if self.suggestions {
            HASHIYA_RECORD_WITH_SUGGESTIONS
        } else {
            HASHIYA_RECORD
        }
    }
}

/// Why a Parquet file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ParquetExportError {
    /// A record does not fit the schema (a bug: the JSONL writer and the schema disagree).
    #[error("a record does not fit the Parquet schema at {path}: {found}")]
    Schema {
        /// Where in the record (`spans[].note`).
        path: String,
        /// What is there instead.
        found: String,
    },
    /// Arrow refused the columns (a column over 2 GiB of text).
    #[cfg(feature = "parquet")]
    #[error(transparent)]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error(transparent)]
    Parquet(#[from] ::parquet::errors::ParquetError),
    /// This build of Hashiya has no Parquet writer (built without the `parquet` feature).
    #[error("this hashiya was built without Parquet (the `parquet` feature)")]
    NotBuilt,
}

/// Writes `documents` as one Parquet file (a row per document, in order) and reports what it
/// wrote; `step` is called after each document. `entities` names the entities the spans
/// mention, as in the JSONL.
pub fn export_parquet(
    documents: &[&Document],
    entities: &EntityRegistry,
    options: ParquetOptions,
    step: &mut dyn FnMut(),
) -> Result<(Vec<u8>, ExportReport), ParquetExportError> {
    #[cfg(feature = "parquet")]
    return table::write(documents, entities, options, step);
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (documents, entities, options, step);
        Err(ParquetExportError::NotBuilt)
    }
}
