//! The Parquet export's Arrow side: the record schema as an Arrow schema, records (JSON
//! values of the JSONL writer) laid out as columns by walking the schema, and the file written
//! by the parquet crate's `ArrowWriter`.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Float32Array, Int64Array, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Fields, Schema};
use serde_json::Value;

use super::{ParquetExportError, ParquetOptions};
use crate::export::ExportReport;
use crate::export::jsonl;
use crate::export::record_schema::{Dtype, Feature, Field, Item};
use crate::model::{Document, EntityRegistry};

/// Documents converted to columns at once: a file's rows are written batch by batch, so a
/// large dataset never has all its records as JSON values in memory.
const BATCH: usize = 256;

/// The Arrow schema of a record of `fields`.
#[must_use]
pub(super) fn arrow_schema(fields: &[Field]) -> Schema {
    Schema::new(arrow_fields(fields))
}

fn arrow_fields(fields: &[Field]) -> Fields {
    fields
        .iter()
        .map(|f| arrow_schema::Field::new(f.name, data_type(f.feature), f.nullable))
        .collect()
}

fn data_type(feature: Feature) -> DataType {
    match feature {
        Feature::Value(Dtype::String) => DataType::Utf8,
        Feature::Value(Dtype::Int64) => DataType::Int64,
        Feature::Value(Dtype::Bool) => DataType::Boolean,
        Feature::Value(Dtype::Float32) => DataType::Float32,
        Feature::List(item) => DataType::List(Arc::new(arrow_schema::Field::new_list_field(
            data_type(item_feature(item)),
            false,
        ))),
        Feature::Struct(fields) => DataType::Struct(arrow_fields(fields)),
    }
}

fn item_feature(item: Item) -> Feature {
    match item {
        Item::Value(dtype) => Feature::Value(dtype),
        Item::Struct(fields) => Feature::Struct(fields),
    }
}

/// [`super::export_parquet`].
pub(super) fn write(
    documents: &[&Document],
    entities: &EntityRegistry,
    options: ParquetOptions,
    step: &mut dyn FnMut(),
) -> Result<(Vec<u8>, ExportReport), ParquetExportError> {
    let fields = options.fields();
    let schema = Arc::new(arrow_schema(fields));
    let properties = ::parquet::file::properties::WriterProperties::builder()
        .set_compression(::parquet::basic::Compression::UNCOMPRESSED)
        .set_created_by(format!("hashiya {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = ::parquet::arrow::ArrowWriter::try_new(Vec::new(), schema.clone(), Some(properties))?;
    let mut report = ExportReport::default();
    // An empty part still gets a file with the schema and no row, so that every split loads.
    for chunk in documents.chunks(BATCH) {
        let mut records = Vec::with_capacity(chunk.len());
        for document in chunk {
            let (record, one) = jsonl::hashiya_value(document, options.suggestions, options.offsets, entities);
            records.push(record);
            report.merge(one);
            step();
        }
        let batch = record_batch(fields, &schema, &records)?;
        writer.write(&batch)?;
    }
    Ok((writer.into_inner()?, report))
}

/// The rows `records` (JSON objects of `fields`) as a record batch of `schema`.
fn record_batch(fields: &[Field], schema: &Arc<Schema>, records: &[Value]) -> Result<RecordBatch, ParquetExportError> {
    let values: Vec<&Value> = records.iter().collect();
    let rows = struct_array("", fields, &values)?;
    let (_, columns, _) = rows.into_parts();
    Ok(RecordBatch::try_new(schema.clone(), columns)?)
}

/// A column of `values` (one per row) of type `feature`.
fn column(path: &str, feature: Feature, nullable: bool, values: &[&Value]) -> Result<ArrayRef, ParquetExportError> {
    if !nullable && let Some(value) = values.iter().find(|v| v.is_null()) {
        return Err(mismatch(path, value));
    }
    Ok(match feature {
        Feature::Value(Dtype::String) => Arc::new(StringArray::from(scalars(path, values, Value::as_str)?)),
        Feature::Value(Dtype::Int64) => Arc::new(Int64Array::from(scalars(path, values, Value::as_i64)?)),
        Feature::Value(Dtype::Bool) => Arc::new(BooleanArray::from(scalars(path, values, Value::as_bool)?)),
        Feature::Value(Dtype::Float32) => {
            // The scores are f32 in the documents: the round trip through f64 is exact.
            let floats = scalars(path, values, Value::as_f64)?;
            Arc::new(Float32Array::from(
                floats.into_iter().map(|f| f.map(|f| f as f32)).collect::<Vec<_>>(),
            ))
        }
        Feature::List(item) => {
            let mut lengths = Vec::with_capacity(values.len());
            let mut items = Vec::new();
            for value in values {
                let Value::Array(list) = value else {
                    return Err(mismatch(path, value));
                };
                lengths.push(list.len());
                items.extend(list);
            }
            let item = item_feature(item);
            let children = column(&format!("{path}[]"), item, false, &items)?;
            let field = Arc::new(arrow_schema::Field::new_list_field(data_type(item), false));
            let offsets = OffsetBuffer::try_from_lengths(lengths)
                .map_err(|error| ArrowError::InvalidArgumentError(format!("{path}: {error}")))?;
            Arc::new(ListArray::try_new(field, offsets, children, None)?)
        }
        Feature::Struct(fields) => Arc::new(struct_array(path, fields, values)?),
    })
}

/// The values of a scalar column, `None` for nulls; a value of another type is refused.
fn scalars<'v, T>(
    path: &str,
    values: &[&'v Value],
    get: impl Fn(&'v Value) -> Option<T>,
) -> Result<Vec<Option<T>>, ParquetExportError> {
    values
        .iter()
        .map(|value| match value {
            Value::Null => Ok(None),
            value => get(value).map(Some).ok_or_else(|| mismatch(path, value)),
        })
        .collect()
}

/// A struct column of `values` (JSON objects with exactly the keys of `fields`).
fn struct_array(path: &str, fields: &[Field], values: &[&Value]) -> Result<StructArray, ParquetExportError> {
    for value in values {
        let Value::Object(object) = value else {
            return Err(mismatch(path, value));
        };
        if let Some(key) = object.keys().find(|key| !fields.iter().any(|f| f.name == key.as_str())) {
            return Err(ParquetExportError::Schema {
                path: format!("{path}.{key}"),
                found: "a key the schema lacks".to_owned(),
            });
        }
        if let Some(field) = fields.iter().find(|f| !object.contains_key(f.name)) {
            return Err(ParquetExportError::Schema {
                path: format!("{path}.{}", field.name),
                found: "nothing (the key is missing)".to_owned(),
            });
        }
    }
    let columns = fields
        .iter()
        .map(|field| {
            let children: Vec<&Value> = values.iter().map(|v| &v[field.name]).collect();
            column(
                &format!("{path}.{}", field.name),
                field.feature,
                field.nullable,
                &children,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(StructArray::try_new_with_length(
        arrow_fields(fields),
        columns,
        None,
        values.len(),
    )?)
}

fn mismatch(path: &str, value: &Value) -> ParquetExportError {
    let mut found = value.to_string();
    if found.len() > 40 {
        let cut = (0..=40).rev().find(|&i| found.is_char_boundary(i)).unwrap_or(0);
        found.truncate(cut);
        found.push('…');
    }
    ParquetExportError::Schema {
        path: path.to_owned(),
        found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::offsets::OffsetUnit;
    use crate::export::record_schema::HASHIYA_RECORD;
    use crate::model::{DocumentMeta, Schema as DocumentSchema, Span, SpanId};

    fn row_count(file: &[u8]) -> i64 {
        use ::parquet::file::reader::FileReader;
        let file = bytes::Bytes::copy_from_slice(file);
        let reader = ::parquet::file::serialized_reader::SerializedFileReader::new(file).expect("a Parquet file");
        reader.metadata().file_metadata().num_rows()
    }

    fn document(text: &str, spans: Vec<Span>) -> Document {
        let meta = DocumentMeta {
            source_name: "d.txt".into(),
            ..DocumentMeta::default()
        };
        Document::from_parts(text.into(), DocumentSchema::default_schema(), meta, spans, Vec::new())
    }

    #[test]
    fn records_that_do_not_fit_are_refused() {
        let fields = HASHIYA_RECORD;
        let schema = Arc::new(arrow_schema(fields));
        let (good, _) = jsonl::hashiya_value(
            &document("أب", vec![Span::new(SpanId(1), "Actor", 0, 1)]),
            false,
            OffsetUnit::Char,
            &EntityRegistry::default(),
        );
        assert_eq!(
            record_batch(fields, &schema, std::slice::from_ref(&good))
                .expect("fits")
                .num_rows(),
            1
        );
        let mut extra = good.clone();
        extra["spans"][0]["score"] = Value::from(1);
        let mut wrong = good.clone();
        wrong["spans"][0]["start"] = Value::from("0");
        let mut null = good.clone();
        null["spans"][0]["label"] = Value::Null;
        let mut missing = good.clone();
        missing["meta"].as_object_mut().expect("object").remove("status");
        for (bad, path) in [
            (extra, ".spans[].score"),
            (wrong, ".spans[].start"),
            (null, ".spans[].label"),
            (missing, ".meta.status"),
        ] {
            match record_batch(fields, &schema, &[good.clone(), bad]) {
                Err(ParquetExportError::Schema { path: at, .. }) => assert_eq!(at, path),
                other => panic!("{path}: {other:?}"),
            }
        }
        // A null where the schema allows one.
        let mut noted = good;
        noted["spans"][0]["note"] = Value::from("n");
        assert!(record_batch(fields, &schema, &[noted]).is_ok());
    }

    #[test]
    fn an_empty_part_is_a_file_with_the_schema_and_no_row() {
        let (file, report) =
            write(&[], &EntityRegistry::default(), ParquetOptions::default(), &mut || {}).expect("written");
        assert_eq!(report.documents, 0);
        assert_eq!(row_count(&file), 0);
        assert!(file.starts_with(b"PAR1") && file.ends_with(b"PAR1"));
    }
}
