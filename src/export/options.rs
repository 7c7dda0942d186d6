use std::collections::BTreeMap;

use crate::model::{Schema, Status};

/// How an import names documents and turns the input's tags into schema labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Tag or label renames, applied first (`--map PERS=Actor,ORG=Actor`).
    pub label_map: BTreeMap<String, String>,
    /// The schema imported documents start from; labels and relation kinds the input uses
    /// and the schema lacks are added to it (see [`crate::export::ImportReport::labels_added`]).
    pub schema: Schema,
    /// Base name for documents whose input does not name them (a `CoNLL` file's stem):
    /// `NAME.txt`, or `NAME-001.txt`… when the input holds several documents.
    pub name: String,
    /// Annotator written into documents whose input does not say.
    pub annotator: String,
    /// Status of documents whose input does not say.
    pub status: Status,
    /// `CoNLL` only: the column (counted from 1, the token's) that holds the tag in a file of
    /// several columns (`token POS chunk NER`); `None`: the last.
    pub tag_column: Option<usize>,
}

impl ImportOptions {
    /// Options with the default schema, no renames and this base name.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            label_map: BTreeMap::new(),
            schema: Schema::default_schema(),
            name: name.into(),
            annotator: String::new(),
            status: Status::NotStarted,
            tag_column: None,
        }
    }

    /// Parses a `--map` value: `FROM=TO` pairs separated by commas (`PERS=Actor,ORG=Actor`).
    pub fn parse_label_map(text: &str) -> Result<BTreeMap<String, String>, String> {
        let mut map = BTreeMap::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((from, to)) = pair.split_once('=') else {
                return Err(format!("\"{pair}\" is not FROM=TO"));
            };
            let (from, to) = (from.trim(), to.trim());
            if from.is_empty() || to.is_empty() {
                return Err(format!("\"{pair}\" is not FROM=TO"));
            }
            if map.insert(from.to_owned(), to.to_owned()).is_some() {
                return Err(format!("\"{from}\" is mapped twice"));
            }
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_maps() {
        let map = ImportOptions::parse_label_map("PERS=Actor, ORG=Actor,LOC = Place").expect("parses");
        assert_eq!(map.get("PERS").map(String::as_str), Some("Actor"));
        assert_eq!(map.get("LOC").map(String::as_str), Some("Place"));
        assert_eq!(map.len(), 3);
        assert!(ImportOptions::parse_label_map("PERS").is_err());
        assert!(ImportOptions::parse_label_map("=Actor").is_err());
        assert!(ImportOptions::parse_label_map("A=B,A=C").is_err());
        assert_eq!(ImportOptions::parse_label_map("").map(|m| m.len()), Ok(0));
    }
}
