//! doccano's JSONL flavors: sequence labeling `{"id", "text", "label": [[start, end, label]]}`
//! (doccano also reads `labels`), and relation extraction `{"id", "text", "entities": [{"id",
//! "label", "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id",
//! "type"}]}`. Offsets are Unicode scalar offsets, as doccano's Python import counts them,
//! or UTF-16 units (`--offsets utf16`), as its JavaScript annotation view counts them.

use serde::Serialize;
use serde_json::Value;

use crate::export::assemble::{PendingDocument, PendingSpan};
use crate::export::document_id;
use crate::export::jsonl::{LineReader, id_of, items, offset};
use crate::export::offsets::OffsetConverter;
use crate::export::warning::DataWarning;
use crate::model::Document;

#[derive(Serialize)]
pub(crate) struct LabelLine<'a> {
    id: &'a str,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
}

#[derive(Serialize)]
pub(crate) struct RelationsLine<'a> {
    id: &'a str,
    text: &'a str,
    entities: Vec<Entity<'a>>,
    relations: Vec<Relation<'a>>,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: u64,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize)]
struct Relation<'a> {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: &'a str,
}

pub(crate) fn label_line<'d>(document: &'d Document, offsets: &OffsetConverter) -> LabelLine<'d> {
    LabelLine {
        id: document_id(document),
        text: document.text(),
        label: document
            .spans()
            .iter()
            .map(|s| {
                (
                    offsets.convert(s.char_start),
                    offsets.convert(s.char_end),
                    s.label.as_str(),
                )
            })
            .collect(),
    }
}

pub(crate) fn relations_line<'d>(document: &'d Document, offsets: &OffsetConverter) -> RelationsLine<'d> {
    RelationsLine {
        id: document_id(document),
        text: document.text(),
        entities: document
            .spans()
            .iter()
            .map(|s| Entity {
                id: s.id.0,
                label: &s.label,
                start_offset: offsets.convert(s.char_start),
                end_offset: offsets.convert(s.char_end),
            })
            .collect(),
        relations: document
            .links()
            .iter()
            .map(|l| Relation {
                id: l.id.0,
                from_id: l.from.0,
                to_id: l.to.0,
                kind: &l.kind,
            })
            .collect(),
    }
}

/// Reads the annotations of a doccano line (either form; a line with neither has none).
pub(crate) fn read_line(value: &Value, document: &mut PendingDocument, reader: &mut LineReader<'_, '_>) {
    if value.get("entities").is_some() {
        read_entities(value, document, reader);
        return;
    }
    let key = if value.get("label").is_some() {
        "label"
    } else {
        "labels"
    };
    for (index, item) in items(value, key, reader).iter().enumerate() {
        let triple = item.as_array().filter(|a| a.len() == 3);
        let parsed = triple.and_then(|a| Some((offset(a.first())?, offset(a.get(1))?, a.get(2)?.as_str()?)));
        let Some((start, end, label)) = parsed else {
            reader.warn(DataWarning::DoccanoLabelShape {
                key: key.to_owned(),
                index,
            });
            continue;
        };
        document.spans.push(PendingSpan {
            key: format!("#{index}"),
            label: reader.builder.label(label),
            char_start: start,
            char_end: end,
            line: Some(reader.number),
            ..PendingSpan::default()
        });
    }
}

fn read_entities(value: &Value, document: &mut PendingDocument, reader: &mut LineReader<'_, '_>) {
    for (index, entity) in items(value, "entities", reader).iter().enumerate() {
        let (Some(start), Some(end), Some(label)) = (
            offset(entity.get("start_offset")),
            offset(entity.get("end_offset")),
            entity.get("label").and_then(Value::as_str),
        ) else {
            reader.warn(DataWarning::DoccanoEntityFields { index });
            continue;
        };
        let (key, id) = id_of(entity.get("id"), 'T', index);
        document.spans.push(PendingSpan {
            key,
            id,
            label: reader.builder.label(label),
            char_start: start,
            char_end: end,
            line: Some(reader.number),
            ..PendingSpan::default()
        });
    }
    let labels = document.labels_by_key();
    let mut links = Vec::new();
    for (index, relation) in items(value, "relations", reader).iter().enumerate() {
        let (Some(kind), Some(from), Some(to)) = (
            relation.get("type").and_then(Value::as_str),
            relation.get("from_id"),
            relation.get("to_id"),
        ) else {
            reader.warn(DataWarning::DoccanoRelationFields { index });
            continue;
        };
        let (_, id) = id_of(relation.get("id"), 'R', index);
        let (from, to) = (id_of(Some(from), 'T', 0).0, id_of(Some(to), 'T', 0).0);
        links.push(reader.link(&labels, kind, id, from, to));
    }
    document.links.extend(links);
}

#[cfg(test)]
mod tests {
    use crate::export::ImportOptions;
    use crate::export::jsonl::{JsonlFlavor, export_str, import_str};
    use crate::model::{Document, DocumentMeta, Link, LinkId, Schema, Span, SpanId};

    #[test]
    fn layouts() {
        let meta = DocumentMeta {
            source_name: "n.txt".into(),
            ..DocumentMeta::default()
        };
        let spans = vec![Span::new(SpanId(3), "Quote", 0, 2), Span::new(SpanId(4), "Actor", 3, 5)];
        let link = Link {
            id: LinkId(9),
            kind: "speaker".into(),
            from: SpanId(3),
            to: SpanId(4),
        };
        let doc = Document::from_parts("😀a b🇱🇾".into(), Schema::default_schema(), meta, spans, vec![link]);
        let (label, _) = export_str(std::slice::from_ref(&doc), JsonlFlavor::Doccano);
        assert_eq!(
            label,
            "{\"id\":\"n\",\"text\":\"😀a b🇱🇾\",\"label\":[[0,2,\"Quote\"],[3,5,\"Actor\"]]}\n"
        );
        let (relations, _) = export_str(std::slice::from_ref(&doc), JsonlFlavor::DoccanoRelations);
        assert_eq!(
            relations,
            concat!(
                "{\"id\":\"n\",\"text\":\"😀a b🇱🇾\",\"entities\":[",
                "{\"id\":3,\"label\":\"Quote\",\"start_offset\":0,\"end_offset\":2},",
                "{\"id\":4,\"label\":\"Actor\",\"start_offset\":3,\"end_offset\":5}],",
                "\"relations\":[{\"id\":9,\"from_id\":3,\"to_id\":4,\"type\":\"speaker\"}]}\n"
            )
        );
    }

    #[test]
    fn doccano_exports_with_oddities() {
        let input = concat!(
            "{\"text\":\"ab\",\"labels\":[[0,1,\"PER\"],[1,\"x\"]],\"id\":12}\n",
            "{\"text\":\"cd\",\"entities\":[{\"id\":1,\"label\":\"A\",\"start_offset\":0,\"end_offset\":1},{\"id\":2}],",
            "\"relations\":[{\"from_id\":1,\"to_id\":1,\"type\":\"self\"},{\"id\":5}]}\n",
            "{\"text\":\"ef\",\"label\":[\"positive\"]}\n",
        );
        let imported = import_str(input, &ImportOptions::new("d"));
        let messages: Vec<String> = imported.report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "line 1: labels[1] is not [start, end, \"label\"]; left out",
                "line 2: entities[1] needs start_offset, end_offset and label; left out",
                "line 2: relations[1] needs type, from_id and to_id; left out",
                "line 3: label[0] is not [start, end, \"label\"]; left out",
            ]
        );
        let names: Vec<&str> = imported
            .documents
            .iter()
            .map(|d| d.meta().source_name.as_str())
            .collect();
        assert_eq!(names, ["12.txt", "d-2.txt", "d-3.txt"]);
        assert_eq!(imported.documents[1].links().len(), 1);
        assert_eq!(imported.report.relations_added, ["self"]);
    }
}
