//! Predictions of another model, read as suggestions (`hashiya import --from jsonl
//! --as-suggestions`): one JSON object per line with the article's `text`, an optional
//! document name (`document`, `name` or `id`), an optional `model`, and its spans under
//! `spans`, `entities` or `label`:
//!
//! - Hashiya / doccano objects: `{"start", "end", "label", "score", "model"}`;
//! - a Hugging Face `transformers` NER pipeline's output (with an aggregation strategy):
//!   `{"entity_group", "score", "start", "end", "word"}` (or `entity` without aggregation);
//! - doccano's `[start, end, label]` triples (score 1).
//!
//! Offsets are Unicode scalar offsets (Python `str` indices, as `transformers` gives them).
//! A span's `model` wins over the line's, which wins over the command line's `--model`.
//!
//! Which line belongs to which article is one rule for the command line and the window
//! ([`named_files`], [`lines_for`]): the line's document name names the article's file
//! (`a.txt` or `a`), else its text is the article's text.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::export::ImportWarning;
use crate::export::warning::DataWarning;
use crate::model::{Command, Document, NewSuggestion, SuggestionSource};

/// One proposed span.
#[derive(Clone, Debug, PartialEq)]
pub struct PredictedSpan {
    /// First char.
    pub char_start: usize,
    /// One past the last char.
    pub char_end: usize,
    /// Label (before `--map`).
    pub label: String,
    /// Confidence, 0 to 1 (1 when the input gives none).
    pub score: f32,
    /// The model that proposed it, when the input says.
    pub model: Option<String>,
}

/// One line: an article's text and what a model proposes in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// Its line number in the input (from 1).
    pub line: usize,
    /// The document's name (`document`, `name` or `id`), when given.
    pub name: Option<String>,
    /// The article text.
    pub text: String,
    /// The line's model, when given.
    pub model: Option<String>,
    /// The proposed spans.
    pub spans: Vec<PredictedSpan>,
}

/// Whether `warning` (one of [`parse`]'s) left its whole line out, not one of its spans.
#[must_use]
pub fn drops_line(warning: &ImportWarning) -> bool {
    matches!(
        warning.message,
        DataWarning::PredictionNotJson { .. } | DataWarning::PredictionNoText
    )
}

/// The predictions of a JSONL input, and one warning per line or span left out (with its line
/// number).
#[must_use]
pub fn parse(input: &str) -> (Vec<Prediction>, Vec<ImportWarning>) {
    let mut predictions = Vec::new();
    let mut warnings = Vec::new();
    for (number, line) in input.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        let mut warn = |message| {
            warnings.push(ImportWarning {
                file: None,
                line: Some(number),
                message,
            });
        };
        match serde_json::from_str::<Value>(line) {
            Ok(value) => match prediction(&value, number, &mut warn) {
                Some(p) => predictions.push(p),
                None => warn(DataWarning::PredictionNoText),
            },
            Err(error) => warn(DataWarning::PredictionNotJson {
                error: error.to_string(),
            }),
        }
    }
    (predictions, warnings)
}

fn prediction(value: &Value, number: usize, warn: &mut impl FnMut(DataWarning)) -> Option<Prediction> {
    let text = value.get("text")?.as_str()?.to_owned();
    let name = ["document", "name", "id"]
        .iter()
        .find_map(|key| match value.get(*key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
    let model = value.get("model").and_then(Value::as_str).map(str::to_owned);
    let char_len = text.chars().count();
    let items = ["spans", "entities", "label", "predictions"]
        .iter()
        .find_map(|key| value.get(*key).and_then(Value::as_array));
    let mut spans = Vec::new();
    for (index, item) in items.into_iter().flatten().enumerate() {
        match predicted_span(item) {
            Some(span) if span.char_start < span.char_end && span.char_end <= char_len => spans.push(span),
            Some(span) => warn(DataWarning::SpanOutside {
                key: (index + 1).to_string(),
                start: span.char_start,
                end: span.char_end,
                len: char_len,
            }),
            None => warn(DataWarning::PredictionSpanFields { span: index + 1 }),
        }
    }
    Some(Prediction {
        line: number,
        name,
        text,
        model,
        spans,
    })
}

fn predicted_span(item: &Value) -> Option<PredictedSpan> {
    if let Some([start, end, label]) = item.as_array().map(Vec::as_slice) {
        return Some(PredictedSpan {
            char_start: offset(start)?,
            char_end: offset(end)?,
            label: label.as_str()?.to_owned(),
            score: 1.0,
            model: None,
        });
    }
    let label = ["label", "entity_group", "entity"]
        .iter()
        .find_map(|key| item.get(*key).and_then(Value::as_str))?;
    // Without aggregation, transformers tags subwords `B-PER`/`I-PER`; the label is the type.
    let label = label
        .strip_prefix("B-")
        .or_else(|| label.strip_prefix("I-"))
        .unwrap_or(label);
    #[allow(clippy::cast_possible_truncation)] // A score is a probability; f32 keeps it.
    let score = item.get("score").and_then(Value::as_f64).map_or(1.0, |s| s as f32);
    Some(PredictedSpan {
        char_start: offset(item.get("start")?)?,
        char_end: offset(item.get("end")?)?,
        label: label.to_owned(),
        score,
        model: item.get("model").and_then(Value::as_str).map(str::to_owned),
    })
}

fn offset(value: &Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// The file names a line's document name may stand for, in the order they are tried: the name
/// itself and `NAME.txt`; only plain file names, so that a name never reaches out of the
/// article's folder.
pub fn named_files(name: &str) -> impl Iterator<Item = String> {
    [name.to_owned(), format!("{name}.txt")]
        .into_iter()
        .filter(|candidate| {
            std::path::Path::new(candidate)
                .file_name()
                .is_some_and(|n| *n == **candidate)
        })
}

/// Why no line of the input is an article's.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoLineFor {
    /// No line names the article, and none holds its text.
    #[error("no line names it or holds its text")]
    Missing,
    /// A line names the article but holds another text (its offsets would point elsewhere).
    #[error("line {line} names it but holds another text")]
    OtherText {
        /// That line's number, from 1.
        line: usize,
    },
}

/// The lines that belong to the article `file_name` (`a.txt`) of `text`: those whose document
/// name names it ([`named_files`]), else those that hold exactly its text.
///
/// # Errors
/// [`NoLineFor::OtherText`] when a line names the article with another text (no line is
/// taken then), [`NoLineFor::Missing`] when no line is the article's.
pub fn lines_for<'p>(
    predictions: &'p [Prediction],
    file_name: &str,
    text: &str,
) -> Result<Vec<&'p Prediction>, NoLineFor> {
    let named: Vec<&Prediction> = predictions
        .iter()
        .filter(|p| {
            p.name
                .as_deref()
                .is_some_and(|name| named_files(name).any(|f| f == file_name))
        })
        .collect();
    if let Some(other) = named.iter().find(|p| p.text != text) {
        return Err(NoLineFor::OtherText { line: other.line });
    }
    if !named.is_empty() {
        return Ok(named);
    }
    let same_text: Vec<&Prediction> = predictions.iter().filter(|p| p.text == text).collect();
    if same_text.is_empty() {
        Err(NoLineFor::Missing)
    } else {
        Ok(same_text)
    }
}

/// What the lines propose, per model: a span's `model`, else its line's, else `default_model`;
/// labels renamed through `label_map`. Every line's own model is listed even when it proposes
/// nothing: it predicted what it lists and nothing else, so its earlier suggestions go.
#[must_use]
pub fn proposals_by_model(
    lines: &[&Prediction],
    default_model: &str,
    label_map: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<NewSuggestion>> {
    let mut by_model: BTreeMap<String, Vec<NewSuggestion>> = BTreeMap::new();
    for prediction in lines {
        let line_model = prediction.model.as_deref().unwrap_or(default_model);
        by_model.entry(line_model.to_owned()).or_default();
        for span in &prediction.spans {
            let model = span.model.as_deref().unwrap_or(line_model);
            by_model.entry(model.to_owned()).or_default().push(NewSuggestion {
                char_start: span.char_start,
                char_end: span.char_end,
                label: label_map.get(&span.label).unwrap_or(&span.label).clone(),
                score: span.score,
            });
        }
    }
    by_model
}

/// The commands that make the proposals each model's suggestions in `document`, and what they
/// left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PredictedSuggestions {
    /// One `SetSuggestions` per model, numbered one after the other (apply them in order, or
    /// as one `Command::Batch`).
    pub commands: Vec<Command>,
    /// Suggestions the commands make.
    pub made: usize,
    /// Proposals left out: already annotated, rejected before, proposed twice, or of a label
    /// the schema lacks.
    pub left_out: usize,
    /// The labels of proposals left out because the schema does not define them.
    pub unknown_labels: BTreeSet<String>,
    /// The document's suggestions once the commands are applied (for a caller that writes
    /// them rather than editing through the undo history).
    pub suggestions: crate::model::Suggestions,
}

/// Turns [`proposals_by_model`]'s proposals into commands on `document` (through
/// [`Document::suggestion_command`], source [`SuggestionSource::Imported`] of each model).
#[must_use]
pub fn suggestion_commands(
    document: &Document,
    by_model: &BTreeMap<String, Vec<NewSuggestion>>,
) -> PredictedSuggestions {
    let mut out = PredictedSuggestions::default();
    // Each command numbers its suggestions after those in use: the next model's are numbered
    // on a copy that holds the previous ones.
    let mut working = document.clone();
    for (model, spans) in by_model {
        let source = SuggestionSource::Imported(model.clone());
        let (command, counts) = working.suggestion_command(&source, spans, &[]);
        out.made += counts.made;
        out.left_out += spans.len() - counts.made;
        out.unknown_labels.extend(
            spans
                .iter()
                .filter(|s| document.schema().label(&s.label).is_none())
                .map(|s| s.label.clone()),
        );
        if let Some(suggestions) = working.suggestions().replacing(command.clone()) {
            working = working.with_suggestions(suggestions);
        }
        out.commands.push(command);
    }
    out.suggestions = working.suggestions().clone();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hashiya_transformers_and_doccano_shapes() {
        let input = concat!(
            r#"{"document":"a.txt","text":"قال الفريق محمد","model":"m1","spans":[{"start":4,"end":15,"label":"Actor","score":0.9}]}"#,
            "\n",
            r#"{"id":7,"text":"في طرابلس اليوم","entities":[{"entity_group":"LOC","score":0.97,"word":"طرابلس","start":3,"end":9}]}"#,
            "\n\n",
            r#"{"text":"abc","label":[[0,1,"X"],[1,9,"Y"]]}"#,
            "\nnot json\n",
            r#"{"spans":[]}"#,
            "\n"
        );
        let (predictions, warnings) = parse(input);
        assert_eq!(predictions.len(), 3);
        assert_eq!(predictions[0].name.as_deref(), Some("a.txt"));
        assert_eq!(predictions[0].model.as_deref(), Some("m1"));
        assert_eq!(predictions[0].spans[0].label, "Actor");
        assert!((predictions[0].spans[0].score - 0.9).abs() < 1e-6);
        assert_eq!(predictions[1].name.as_deref(), Some("7"));
        assert_eq!(
            (predictions[1].spans[0].char_start, predictions[1].spans[0].char_end),
            (3, 9)
        );
        assert_eq!(predictions[1].spans[0].label, "LOC");
        assert_eq!(predictions[2].spans.len(), 1, "the span past the end is left out");
        assert!((predictions[2].spans[0].score - 1.0).abs() < f32::EPSILON);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings[0],
            "line 4: span 2 has range 1..9 outside the text (0..3); left out"
        );
        assert!(warnings[1].starts_with("line 5: not JSON ("), "{warnings:?}");
        assert!(warnings[1].ends_with("); line left out"), "{warnings:?}");
        assert_eq!(warnings[2], "line 6: no \"text\" string; line left out");
    }

    fn document(text: &str) -> Document {
        Document::from_parts(
            text.to_owned(),
            crate::model::Schema::default_schema(),
            crate::model::DocumentMeta::default(),
            vec![crate::model::Span::new(crate::model::SpanId(1), "Actor", 0, 3)],
            Vec::new(),
        )
    }

    #[test]
    fn a_line_belongs_to_the_article_it_names_else_to_the_one_with_its_text() {
        let input = concat!(
            r#"{"document":"a","text":"one","spans":[]}"#,
            "\n",
            r#"{"document":"b.txt","text":"two","spans":[]}"#,
            "\n",
            r#"{"text":"two","spans":[]}"#,
            "\n",
            r#"{"document":"../a.txt","text":"one","spans":[]}"#,
            "\n",
        );
        let (lines, _) = parse(input);
        let numbers = |found: Vec<&Prediction>| found.iter().map(|p| p.line).collect::<Vec<_>>();
        // "a" names a.txt; "../a.txt" is a path, never a name of the folder's file.
        assert_eq!(lines_for(&lines, "a.txt", "one").map(numbers), Ok(vec![1]));
        assert_eq!(lines_for(&lines, "b.txt", "two").map(numbers), Ok(vec![2]));
        // No line names c.txt: those with its text are its lines.
        assert_eq!(lines_for(&lines, "c.txt", "two").map(numbers), Ok(vec![2, 3]));
        assert_eq!(lines_for(&lines, "c.txt", "three"), Err(NoLineFor::Missing));
        assert_eq!(
            lines_for(&lines, "a.txt", "another"),
            Err(NoLineFor::OtherText { line: 1 })
        );
        assert_eq!(named_files("a").collect::<Vec<_>>(), ["a", "a.txt"]);
        assert_eq!(named_files("../a.txt").count(), 0);
    }

    #[test]
    fn commands_per_model_leave_out_what_is_annotated_or_unknown_and_number_on() {
        let text = "abc def ghi";
        let input = concat!(
            r#"{"document":"a.txt","text":"abc def ghi","model":"m1","spans":["#,
            r#"{"start":0,"end":3,"label":"Actor","score":0.9},"#,
            r#"{"start":4,"end":7,"label":"Actor","score":0.8},"#,
            r#"{"start":8,"end":11,"label":"PER","score":0.7},"#,
            r#"{"start":8,"end":11,"label":"Actor","score":0.6,"model":"m2"}]}"#,
        );
        let (lines, warnings) = parse(input);
        assert!(warnings.is_empty(), "{warnings:?}");
        let document = document(text);
        let mine = lines_for(&lines, "a.txt", text).expect("named");
        let by_model = proposals_by_model(&mine, "imported", &BTreeMap::new());
        assert_eq!(by_model.keys().collect::<Vec<_>>(), ["m1", "m2"]);
        let made = suggestion_commands(&document, &by_model);
        // m1: 0..3 is annotated already, PER is not in the schema; m2's one is made.
        assert_eq!((made.made, made.left_out), (2, 2), "{made:?}");
        assert_eq!(made.unknown_labels.iter().collect::<Vec<_>>(), ["PER"]);
        let mut suggestions = document.suggestions().clone();
        for command in made.commands.clone() {
            suggestions = suggestions.replacing(command).expect("a set command");
        }
        assert_eq!(made.suggestions, suggestions, "the set the commands make");
        let ids: BTreeSet<_> = suggestions.spans().iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 2, "the second model's ids follow the first's");
        let sources: BTreeSet<_> = suggestions.spans().iter().map(|s| s.source.clone()).collect();
        assert!(sources.contains(&SuggestionSource::Imported("m1".into())));
        assert!(sources.contains(&SuggestionSource::Imported("m2".into())));
        // A label map renames before the schema is asked.
        let map = BTreeMap::from([("PER".to_owned(), "Actor".to_owned())]);
        let renamed = suggestion_commands(&document, &proposals_by_model(&mine, "imported", &map));
        assert_eq!(renamed.made, 3);
        assert!(renamed.unknown_labels.is_empty());
    }
}
