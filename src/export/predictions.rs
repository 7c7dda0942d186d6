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

use serde_json::Value;

use crate::export::ImportWarning;
use crate::export::warning::DataWarning;

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
    /// The document's name (`document`, `name` or `id`), when given.
    pub name: Option<String>,
    /// The article text.
    pub text: String,
    /// The line's model, when given.
    pub model: Option<String>,
    /// The proposed spans.
    pub spans: Vec<PredictedSpan>,
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
            Ok(value) => match prediction(&value, &mut warn) {
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

fn prediction(value: &Value, warn: &mut impl FnMut(DataWarning)) -> Option<Prediction> {
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
}
