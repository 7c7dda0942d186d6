//! Save → load gives the identical document, for random documents whose texts, labels,
//! attributes and notes hold Arabic, emoji and other non-BMP characters, quotes, backslashes,
//! control and bidi characters.

use std::collections::BTreeMap;

use hashiya::model::{
    AttributeDef, Command, Document, DocumentMeta, LabelDef, Link, LinkId, RelationDef, Rgb, Schema, Span, SpanId,
    Status,
};
use proptest::prelude::*;

/// Text pieces that stress offsets and escaping.
const PIECES: &[&str] = &[
    "قال",
    " ",
    "الفريق",
    "😀",
    "👩‍👩‍👧",
    "𝕏",
    "\u{1F1F1}\u{1F1FE}",
    "e\u{301}",
    "\n",
    "«5+5»",
    "\"",
    "\\",
    "\t",
    "\u{200F}",
    "\u{202E}",
    "a",
    "ـ",
    "\u{FEFF}",
    "\r",
    "}",
    ")",
    "//",
    "/*",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..120).prop_map(|pieces| pieces.concat())
}

/// Any string, including control characters and non-BMP ones.
fn wild_string() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), text_strategy(), Just(String::new())]
}

fn schema_strategy() -> impl Strategy<Value = Schema> {
    (
        prop::collection::btree_set("[A-Za-zا-ي ]{1,12}|\\PC{1,8}", 2..5),
        prop::collection::vec((any::<(u8, u8, u8)>(), any::<Option<char>>(), wild_string()), 5),
        prop::collection::vec(wild_string(), 0..3),
        any::<bool>(),
        (prop::option::of(wild_string()), any::<bool>(), any::<bool>()),
    )
        .prop_map(|(names, looks, values, multiple, (display_name, event, pairs))| {
            let names: Vec<String> = names.into_iter().collect();
            let labels = names
                .iter()
                .zip(&looks)
                .map(|(name, (color, shortcut, description))| LabelDef {
                    name: name.clone(),
                    color: Rgb(color.0, color.1, color.2),
                    shortcut: *shortcut,
                    description: description.clone(),
                    attributes: vec![AttributeDef {
                        name: "type".into(),
                        values: values.clone(),
                    }],
                    display_name: None,
                    event: false,
                })
                .collect();
            // Fields of format version 2 (a file that uses none is written as version 1).
            let mut labels: Vec<LabelDef> = labels;
            labels[0].display_name = display_name;
            let last = labels.len() - 1;
            labels[last].event = event;
            let other_pairs = if pairs {
                vec![
                    (names[0].clone(), names[0].clone()),
                    (names[1].clone(), names[last].clone()),
                ]
            } else {
                Vec::new()
            };
            let relations = vec![
                RelationDef {
                    name: "speaker".into(),
                    from_label: names[1].clone(),
                    to_label: names[0].clone(),
                    multiple: false,
                    shortcut: looks[3].1,
                    description: looks[4].2.clone(),
                    other_pairs,
                    any_labels: false,
                    min_links: looks[2].1.map(|c| u32::from(c) % 3),
                },
                RelationDef {
                    name: "party \"x\"".into(),
                    from_label: names[names.len() - 1].clone(),
                    to_label: names[0].clone(),
                    multiple,
                    shortcut: None,
                    description: String::new(),
                    other_pairs: Vec::new(),
                    any_labels: event && pairs,
                    min_links: None,
                },
            ];
            let disabled_checks = if pairs {
                vec![looks[1].2.clone(), "span-edge".to_owned()]
            } else {
                Vec::new()
            };
            // A project's own rule words: any text, to go through the one-line writer.
            let suggestion_rules = pairs.then(|| {
                Box::new(hashiya::model::SuggestionRules {
                    titles: vec![looks[0].2.clone(), "اللواء".to_owned()],
                    quote_pairs: vec![('«', '»'), ('"', '"')],
                    ..hashiya::model::SuggestionRules::default()
                })
            });
            Schema {
                labels,
                relations,
                disabled_checks,
                suggestion_rules,
            }
        })
}

/// A span before its id: label index, start, length, attributes, note, review flag.
type RawSpan = (usize, usize, usize, BTreeMap<String, String>, Option<String>, bool);

fn document_strategy() -> impl Strategy<Value = Document> {
    (
        text_strategy(),
        schema_strategy(),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                1..20_usize,
                prop::collection::btree_map(wild_string(), wild_string(), 0..3),
                prop::option::of(wild_string()),
                any::<bool>(),
            ),
            0..40,
        ),
        prop::collection::vec((any::<usize>(), any::<usize>()), 0..40),
        (wild_string(), wild_string(), prop::sample::select(Status::ALL.to_vec())),
        prop::collection::vec(wild_string(), 0..3),
    )
        .prop_map(
            |(text, schema, raw_spans, raw_links, (source_name, annotator, status), brat_lines)| {
                build(
                    text,
                    schema,
                    &raw_spans,
                    &raw_links,
                    DocumentMeta {
                        source_name,
                        annotator,
                        status,
                    },
                )
                .with_brat_lines(brat_lines)
            },
        )
}

/// The attributes a file may hold: the label's own attribute with one of its values (loading
/// reports names and values the schema does not define), picked by the generated strings.
fn defined_attributes(label: &LabelDef, raw: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let (Some(def), Some(pick)) = (label.attributes.first(), raw.values().next()) else {
        return BTreeMap::new();
    };
    def.values
        .get(pick.len() % def.values.len().max(1))
        .map(|value| BTreeMap::from([(def.name.clone(), value.clone())]))
        .unwrap_or_default()
}

fn build(
    text: String,
    schema: Schema,
    raw_spans: &[RawSpan],
    raw_links: &[(usize, usize)],
    meta: DocumentMeta,
) -> Document {
    let char_len = text.chars().count();
    let spans: Vec<Span> = raw_spans
        .iter()
        .enumerate()
        .map(|(i, (label, start, len, attributes, note, needs_review))| {
            let start = start % char_len;
            let label = &schema.labels[label % schema.labels.len()];
            Span {
                // Sparse ids, as after deletions.
                id: SpanId(i as u64 * 3 + 1),
                label: label.name.clone(),
                char_start: start,
                char_end: (start + len).min(char_len),
                attributes: defined_attributes(label, attributes),
                note: note.clone(),
                needs_review: *needs_review,
                // Some spans name an entity (version 3), most do not.
                entity: if len % 3 == 0 {
                    hashiya::model::EntityId::new(u32::try_from(start % 5).unwrap_or(0) + 1)
                } else {
                    None
                },
            }
        })
        .collect();
    let mut links: Vec<Link> = Vec::new();
    for (n, (a, b)) in raw_links.iter().enumerate() {
        let relation = &schema.relations[n % schema.relations.len()];
        let heads: Vec<&Span> = spans.iter().filter(|s| s.label == relation.from_label).collect();
        let tails: Vec<&Span> = spans.iter().filter(|s| s.label == relation.to_label).collect();
        if heads.is_empty() || tails.is_empty() {
            continue;
        }
        let (from, to) = (heads[a % heads.len()].id, tails[b % tails.len()].id);
        let taken = links
            .iter()
            .any(|l| l.kind == relation.name && l.from == from && (l.to == to || !relation.multiple));
        if !taken {
            links.push(Link {
                id: LinkId(n as u64 * 2 + 5),
                kind: relation.name.clone(),
                from,
                to,
            });
        }
    }
    Document::from_parts(text, schema, meta, spans, links)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn save_then_load_gives_the_identical_document(document in document_strategy()) {
        prop_assert_eq!(document.check(), Vec::<String>::new());
        let ron = hashiya::io::to_ron_string(&document);
        let loaded = hashiya::io::from_ron_str(&ron, document.text());
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{ron}"))),
        };
        prop_assert_eq!(&loaded.document, &document);
        prop_assert!(loaded.orphans.is_empty());
        prop_assert_eq!(loaded.warnings, Vec::<hashiya::io::LoadWarning>::new());
        // The writer's output is canonical: formatting it again changes nothing.
        prop_assert_eq!(hashiya::io::canonical_ron(&ron).map_err(|e| TestCaseError::fail(e.to_string()))?, ron.clone());
        // One line per span, whatever the texts hold.
        prop_assert_eq!(ron.lines().filter(|l| l.starts_with("        (id: ") && l.contains(", start: ")).count(), document.spans().len());
    }
}

#[test]
fn save_then_load_through_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("خبر 😀.txt");
    let text = "قال 😀 «الحداد»\nو𝕏 e\u{301}";
    std::fs::write(&article, text).expect("writes");
    let mut session = hashiya::app::DocumentSession::open(&article).expect("loads without annotations");
    assert!(session.document().spans().is_empty());
    assert_eq!(session.document().meta().source_name, "خبر 😀.txt");
    let add = Command::AddSpan {
        label: "Actor".into(),
        char_start: 7,
        char_end: 13,
    };
    let id = session.edit(add).expect("adds").span.expect("a new span");
    let note = Some("ملاحظة \"x\"\n😀".into());
    session.edit(Command::SetSpanNote { id, note }).expect("notes");
    let value = Some("person".into());
    let attribute = Command::SetSpanAttribute {
        id,
        name: "type".into(),
        value,
    };
    session.edit(attribute).expect("sets the attribute");
    let ron_path = hashiya::io::annotation_path_for(&article);
    assert_eq!(ron_path, dir.path().join("خبر 😀.hashiya.ron"));
    assert_eq!(session.annotation_path(), ron_path);
    session.save().expect("saves");
    let loaded = hashiya::io::load_document(&article).expect("loads");
    assert_eq!(&loaded.document, session.document());
    assert_eq!(loaded.document.span_text(&loaded.document.spans()[0]), "الحداد");
}
