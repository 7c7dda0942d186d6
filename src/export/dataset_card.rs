//! The dataset card (`README.md` with a YAML header) written into the folder of a split JSONL
//! export, so that Hugging Face `datasets` loads the folder with `load_dataset(FOLDER)` as one
//! dataset: a split per file and the features declared, not inferred.
//!
//! Why declared: `datasets` infers a JSON file's features from its first rows and casts every
//! other split to them, so a first split whose records hold no note, attribute or relation
//! types those keys as `null` and the splits that do hold one fail to load. The card names
//! every type (and, for the token flavor, the tag names as a `ClassLabel`), whatever the data.

use crate::export::jsonl::JsonlFlavor;
use crate::export::record_schema::{self, HASHIYA_RECORD, HASHIYA_RECORD_WITH_SUGGESTIONS};
use crate::export::token_classification::TagSet;

/// The card's file name, the one `datasets` reads.
pub const CARD_FILE: &str = "README.md";

/// The card of a split export in `flavor` with these parts (`None`: the flavor has no fixed
/// schema, as doccano's mixed-type label lists). `tags` names the token flavor's tags.
#[must_use]
pub fn dataset_card(flavor: JsonlFlavor, parts: &[&str], tags: &TagSet) -> Option<String> {
    card_for(flavor, parts, "jsonl", tags)
}

/// The card of a split Parquet export (Hashiya's records, with the suggestions when
/// `suggestions`): the same features as the JSONL's, the parts' files `PART.parquet`.
#[must_use]
pub fn parquet_dataset_card(suggestions: bool, parts: &[&str]) -> String {
    let flavor = if suggestions {
        JsonlFlavor::HashiyaWithSuggestions
    } else {
        JsonlFlavor::Hashiya
    };
    // Hashiya's flavors always have a card.
    card_for(flavor, parts, "parquet", &TagSet::for_documents(std::iter::empty())).unwrap_or_default()
}

fn card_for(flavor: JsonlFlavor, parts: &[&str], extension: &str, tags: &TagSet) -> Option<String> {
    let features = match flavor {
        JsonlFlavor::Hashiya => record_schema::features_yaml(HASHIYA_RECORD, 2),
        JsonlFlavor::HashiyaWithSuggestions => record_schema::features_yaml(HASHIYA_RECORD_WITH_SUGGESTIONS, 2),
        JsonlFlavor::Tokens(_) => token_features(tags),
        JsonlFlavor::Doccano | JsonlFlavor::DoccanoRelations => return None,
    };
    let mut card = String::from("---\nconfigs:\n- config_name: default\n  data_files:\n");
    for part in parts {
        card.push_str("  - split: ");
        card.push_str(&quoted(part));
        card.push_str("\n    path: ");
        card.push_str(&quoted(&format!("{part}.{extension}")));
        card.push('\n');
    }
    card.push_str("dataset_info:\n  features:\n");
    card.push_str(&features);
    let kind = match flavor {
        JsonlFlavor::Tokens(_) => "token classification (a record per sentence, IOB2 tags)",
        _ => "spans, relations and attributes (a record per document, char offsets)",
    };
    card.push_str("---\n");
    card.push_str(SIGNATURE);
    card.push_str(kind);
    card.push_str(if extension == "parquet" {
        ", one Parquet file per split"
    } else {
        ", one JSONL file per split"
    });
    card.push_str(". Load it with `datasets.load_dataset(\"PATH/TO/THIS/FOLDER\")`.\n");
    Some(card)
}

/// Whether `text` is a card this module wrote (which an export may replace).
#[must_use]
pub fn is_dataset_card(text: &str) -> bool {
    text.starts_with("---\nconfigs:\n") && text.contains(SIGNATURE)
}

/// The line of the card's text that marks it as Hashiya's.
const SIGNATURE: &str = "\n# Dataset\n\nExported by Hashiya: ";

/// `id`, `tokens`, and `ner_tags` as a list of `ClassLabel` named like `labels.json`.
fn token_features(tags: &TagSet) -> String {
    let mut features = String::from(
        "  - name: id\n    dtype: string\n  - name: tokens\n    list: string\n  - name: ner_tags\n    list:\n      class_label:\n        names:\n",
    );
    for (id, name) in tags.names().iter().enumerate() {
        features.push_str("          '");
        features.push_str(&id.to_string());
        features.push_str("': ");
        features.push_str(&quoted(name));
        features.push('\n');
    }
    features
}

/// A YAML double-quoted scalar (a JSON string is one).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tokens::SentenceSplit;
    use crate::model::{Document, DocumentMeta, Schema};

    /// The features as the card declared them by hand before they were rendered from
    /// [`record_schema`]: the rendering must not change a card already published.
    const HASHIYA_FEATURES: &str = "  - name: id
    dtype: string
  - name: text
    dtype: string
  - name: spans
    list:
    - name: id
      dtype: int64
    - name: start
      dtype: int64
    - name: end
      dtype: int64
    - name: label
      dtype: string
    - name: text
      dtype: string
    - name: attributes
      list:
      - name: name
        dtype: string
      - name: value
        dtype: string
    - name: note
      dtype: string
    - name: needs_review
      dtype: bool
    - name: entity
      dtype: string
  - name: relations
    list:
    - name: id
      dtype: int64
    - name: label
      dtype: string
    - name: head
      dtype: int64
    - name: child
      dtype: int64
  - name: entities
    list:
    - name: id
      dtype: string
    - name: name
      dtype: string
    - name: type
      dtype: string
    - name: country
      dtype: string
    - name: role
      dtype: string
    - name: wikidata
      dtype: string
    - name: mentions
      list: int64
  - name: meta
    struct:
    - name: annotator
      dtype: string
    - name: status
      dtype: string
    - name: source
      dtype: string
";

    /// The keys `--with-suggestions` adds, as declared by hand.
    const SUGGESTION_FEATURES: &str = "  - name: suggestions
    list:
    - name: id
      dtype: int64
    - name: start
      dtype: int64
    - name: end
      dtype: int64
    - name: label
      dtype: string
    - name: text
      dtype: string
    - name: score
      dtype: float32
    - name: source
      dtype: string
  - name: suggested_relations
    list:
    - name: id
      dtype: int64
    - name: label
      dtype: string
    - name: head
      struct:
      - name: span
        dtype: int64
      - name: suggestion
        dtype: int64
    - name: child
      struct:
      - name: span
        dtype: int64
      - name: suggestion
        dtype: int64
    - name: score
      dtype: float32
    - name: source
      dtype: string
";

    #[test]
    fn features_are_the_ones_declared_by_hand() {
        let tags = TagSet::for_documents(std::iter::empty());
        let card = dataset_card(JsonlFlavor::Hashiya, &["train"], &tags).expect("card");
        assert!(
            card.contains(&format!("  features:\n{HASHIYA_FEATURES}---\n")),
            "{card}"
        );
        let card = dataset_card(JsonlFlavor::HashiyaWithSuggestions, &["train"], &tags).expect("card");
        assert!(
            card.contains(&format!("  features:\n{HASHIYA_FEATURES}{SUGGESTION_FEATURES}---\n")),
            "{card}"
        );
        let parquet = parquet_dataset_card(false, &["train", "dev"]);
        assert!(
            parquet.contains("  - split: \"dev\"\n    path: \"dev.parquet\"\n"),
            "{parquet}"
        );
        assert!(
            parquet.contains(&format!("  features:\n{HASHIYA_FEATURES}---\n")),
            "{parquet}"
        );
        assert!(is_dataset_card(&parquet));
        assert!(!parquet.contains(".jsonl"), "{parquet}");
    }

    #[test]
    fn cards_name_the_splits_and_the_features() {
        let document = Document::from_parts(
            "أ".into(),
            Schema::default_schema(),
            DocumentMeta::default(),
            Vec::new(),
            Vec::new(),
        );
        let tags = TagSet::for_documents([&document]);
        let card = dataset_card(JsonlFlavor::Hashiya, &["train", "dev"], &tags).expect("card");
        assert!(card.starts_with("---\nconfigs:\n"));
        assert!(card.contains("  - split: \"dev\"\n    path: \"dev.jsonl\"\n"), "{card}");
        assert!(card.contains("    - name: needs_review\n      dtype: bool\n"));
        assert!(
            card.contains("  features:\n  - name: id\n    dtype: string\n  - name: text\n"),
            "{card}"
        );
        let card = dataset_card(JsonlFlavor::Tokens(SentenceSplit::Unicode), &["train"], &tags).expect("card");
        for (id, name) in tags.names().iter().enumerate() {
            assert!(card.contains(&format!("          '{id}': \"{name}\"\n")), "{card}");
        }
        assert_eq!(card.matches("\n---\n").count(), 1);
        assert!(dataset_card(JsonlFlavor::Doccano, &["train"], &tags).is_none());
        assert!(is_dataset_card(&card));
        assert!(!is_dataset_card("# My notes\n"));
    }
}
