//! The fixed schema of a Hashiya record (a document of the Hashiya JSONL flavor, a row of the
//! Parquet export), as data: the dataset card declares it to Hugging Face `datasets`
//! ([`crate::export::dataset_card`]) and the Parquet export writes its Arrow schema from it
//! ([`crate::export::parquet`]), so the two cannot drift apart. The JSONL writer
//! (`export/jsonl.rs`) writes records of this shape; the Parquet export refuses a record that
//! is not (a key the schema lacks, a value of another type), so a key added to one and not
//! the other fails its tests.

/// A value's type, in `datasets`' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dtype {
    /// A UTF-8 string.
    String,
    /// A signed 64-bit integer (ids and offsets).
    Int64,
    /// A boolean.
    Bool,
    /// A 32-bit float (suggestion scores).
    Float32,
}

impl Dtype {
    /// The name `datasets` gives the type (`dtype:` in a dataset card).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Int64 => "int64",
            Self::Bool => "bool",
            Self::Float32 => "float32",
        }
    }
}

/// The type of a field: a value, a list of one type, or named fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// One value.
    Value(Dtype),
    /// A list (never null; empty when there is nothing) of items of one type, none null.
    List(Item),
    /// Named fields, in this order.
    Struct(&'static [Field]),
}

/// The items of a list: values or structs (the schema has no list of lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// Values of one type.
    Value(Dtype),
    /// Structs of these fields.
    Struct(&'static [Field]),
}

/// A named field of a record or of a struct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key.
    pub name: &'static str,
    /// Its type.
    pub feature: Feature,
    /// Whether the value may be null (an absent note, a span without an entity).
    pub nullable: bool,
}

const fn required(name: &'static str, feature: Feature) -> Field {
    Field {
        name,
        feature,
        nullable: false,
    }
}

const fn nullable(name: &'static str, dtype: Dtype) -> Field {
    Field {
        name,
        feature: Feature::Value(dtype),
        nullable: true,
    }
}

const STRING: Feature = Feature::Value(Dtype::String);
const INT64: Feature = Feature::Value(Dtype::Int64);

const ATTRIBUTE: &[Field] = &[required("name", STRING), required("value", STRING)];

const SPAN: &[Field] = &[
    required("id", INT64),
    required("start", INT64),
    required("end", INT64),
    required("label", STRING),
    required("text", STRING),
    required("attributes", Feature::List(Item::Struct(ATTRIBUTE))),
    nullable("note", Dtype::String),
    required("needs_review", Feature::Value(Dtype::Bool)),
    nullable("entity", Dtype::String),
];

const RELATION: &[Field] = &[
    required("id", INT64),
    required("label", STRING),
    required("head", INT64),
    required("child", INT64),
];

const ENTITY: &[Field] = &[
    required("id", STRING),
    nullable("name", Dtype::String),
    nullable("type", Dtype::String),
    nullable("country", Dtype::String),
    nullable("role", Dtype::String),
    nullable("wikidata", Dtype::String),
    required("mentions", Feature::List(Item::Value(Dtype::Int64))),
];

const META: &[Field] = &[
    required("annotator", STRING),
    required("status", STRING),
    required("source", STRING),
];

/// A record of Hashiya's flavor: a document with its spans (char offsets `start`/`end`),
/// relations, the entities it mentions and its meta.
pub const HASHIYA_RECORD: &[Field] = &[
    required("id", STRING),
    required("text", STRING),
    required("spans", Feature::List(Item::Struct(SPAN))),
    required("relations", Feature::List(Item::Struct(RELATION))),
    required("entities", Feature::List(Item::Struct(ENTITY))),
    required("meta", Feature::Struct(META)),
];

const SUGGESTION: &[Field] = &[
    required("id", INT64),
    required("start", INT64),
    required("end", INT64),
    required("label", STRING),
    required("text", STRING),
    required("score", Feature::Value(Dtype::Float32)),
    required("source", STRING),
];

/// A suggested relation's end: a span or a suggestion, the other null.
const END: &[Field] = &[nullable("span", Dtype::Int64), nullable("suggestion", Dtype::Int64)];

const SUGGESTED_RELATION: &[Field] = &[
    required("id", INT64),
    required("label", STRING),
    required("head", Feature::Struct(END)),
    required("child", Feature::Struct(END)),
    required("score", Feature::Value(Dtype::Float32)),
    required("source", STRING),
];

/// A record of Hashiya's flavor with `--with-suggestions`: [`HASHIYA_RECORD`], then the
/// suggestions and suggested relations.
pub const HASHIYA_RECORD_WITH_SUGGESTIONS: &[Field] = &[
    HASHIYA_RECORD[0],
    HASHIYA_RECORD[1],
    HASHIYA_RECORD[2],
    HASHIYA_RECORD[3],
    HASHIYA_RECORD[4],
    HASHIYA_RECORD[5],
    required("suggestions", Feature::List(Item::Struct(SUGGESTION))),
    required("suggested_relations", Feature::List(Item::Struct(SUGGESTED_RELATION))),
];

/// The fields in `datasets`' YAML form (a dataset card's `features:` list), indented by
/// `indent` spaces: `- name: N` with `dtype: T`, `list: T` or a nested `list:` / `struct:`.
#[must_use]
pub fn features_yaml(fields: &[Field], indent: usize) -> String {
    let mut out = String::new();
    push_fields(fields, indent, &mut out);
    out
}

fn push_fields(fields: &[Field], indent: usize, out: &mut String) {
    use std::fmt::Write as _;
    let pad = " ".repeat(indent);
    // Writing to a String cannot fail.
    for field in fields {
        let _ = writeln!(out, "{pad}- name: {}", field.name);
        let _ = match field.feature {
            Feature::Value(dtype) => writeln!(out, "{pad}  dtype: {}", dtype.name()),
            Feature::List(Item::Value(dtype)) => writeln!(out, "{pad}  list: {}", dtype.name()),
            Feature::List(Item::Struct(items)) => {
                push_nested("list", items, indent, out);
                Ok(())
            }
            Feature::Struct(items) => {
                push_nested("struct", items, indent, out);
                Ok(())
            }
        };
    }
}

/// `list:` or `struct:` with the fields below, two spaces further in.
fn push_nested(key: &str, fields: &[Field], indent: usize, out: &mut String) {
    out.push_str(&" ".repeat(indent + 2));
    out.push_str(key);
    out.push_str(":\n");
    push_fields(fields, indent + 2, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_form() {
        let yaml = features_yaml(HASHIYA_RECORD, 2);
        assert!(
            yaml.starts_with("  - name: id\n    dtype: string\n  - name: text\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("  - name: spans\n    list:\n    - name: id\n      dtype: int64\n"),
            "{yaml}"
        );
        assert!(yaml.contains("      - name: value\n        dtype: string\n"), "{yaml}");
        assert!(yaml.contains("    - name: mentions\n      list: int64\n"), "{yaml}");
        assert!(
            yaml.contains("  - name: meta\n    struct:\n    - name: annotator\n"),
            "{yaml}"
        );
        let with = features_yaml(HASHIYA_RECORD_WITH_SUGGESTIONS, 2);
        assert!(with.starts_with(&yaml));
        assert!(
            with.contains("    - name: head\n      struct:\n      - name: span\n"),
            "{with}"
        );
    }
}
