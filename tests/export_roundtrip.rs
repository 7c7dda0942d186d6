//! Round trips over random documents whose texts hold emoji, ZWJ sequences, flags, combining
//! marks, RTL marks and line separators before and inside spans: JSONL and brat give back the
//! identical document; `CoNLL` gives back every span the format can hold, with its tokens.

use hashiya::export::brat::{self, BratNames};
use hashiya::export::conll::{self, ConllOptions};
use hashiya::export::jsonl::{self, JsonlFlavor};
use hashiya::export::offsets::OffsetUnit;
use hashiya::export::{ImportOptions, is_line_break, tag_name};
use hashiya::model::{AttributeDef, Document, DocumentMeta, LabelDef, Link, LinkId, Rgb, Schema, Span, SpanId, Status};
use proptest::prelude::*;

const ATOMS: [&str; 26] = [
    "قال",
    "الفريق",
    "مُحَمَّد",
    "و",
    "Stephanie",
    "don't",
    "2020",
    "5+5",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇱🇾",
    "e\u{301}",
    "\u{301}",
    "«",
    "»",
    ".",
    "،",
    "؟",
    "\u{2028}",
    "\u{200f}",
    "(",
];

const LABELS: [&str; 4] = ["Actor", "Quote", "Agreed action", "Place of event"];
const KINDS: [&str; 4] = ["person", "organisation", "city center", "border area"];
const NOTES: [&str; 4] = ["", "two\nlines", "back\\slash \\n", "tab\there \u{2029}"];

fn schema() -> Schema {
    let mut schema = Schema::default_schema();
    schema.labels.push(LabelDef {
        attributes: vec![AttributeDef {
            name: "kind of place".into(),
            values: vec!["city center".into(), "border area".into()],
        }],
        ..LabelDef::new("Place of event", Rgb(10, 20, 30))
    });
    schema
}

/// A span seed: start, length, label, attribute, note.
type SpanSeed = (usize, usize, usize, Option<usize>, Option<usize>);

fn build(
    text: String,
    seeds: Vec<SpanSeed>,
    link_seeds: Vec<(usize, usize)>,
    annotator: String,
    status: usize,
) -> Document {
    let len = text.chars().count();
    let mut spans = Vec::new();
    for (i, (start, length, label, attribute, note)) in seeds.into_iter().enumerate() {
        let start = start % len;
        let end = (start + length).min(len);
        let label = LABELS[label % LABELS.len()];
        let mut span = Span::new(SpanId(i as u64 + 1), label, start, end);
        match (label, attribute) {
            ("Actor", Some(a)) => {
                span.attributes.insert("type".into(), KINDS[a % 2].into());
            }
            ("Place of event", Some(a)) => {
                span.attributes.insert("kind of place".into(), KINDS[2 + a % 2].into());
            }
            _ => {}
        }
        span.note = note.map(|n| NOTES[n % NOTES.len()].to_owned());
        spans.push(span);
    }
    let mut links: Vec<Link> = Vec::new();
    for (head, child) in link_seeds {
        if spans.is_empty() {
            break;
        }
        let (head, child) = (&spans[head % spans.len()], &spans[child % spans.len()]);
        let kind = match (head.label.as_str(), child.label.as_str()) {
            ("Quote", "Actor") => "speaker",
            ("Agreed action", "Actor") => "party",
            _ => continue,
        };
        // A quote has one speaker (the file reader refuses a second).
        let single = kind == "speaker" && links.iter().any(|l| l.kind == kind && l.from == head.id);
        if single || links.iter().any(|l| l.from == head.id && l.to == child.id) {
            continue;
        }
        links.push(Link {
            id: LinkId(links.len() as u64 * 2 + 1),
            kind: kind.into(),
            from: head.id,
            to: child.id,
        });
    }
    let meta = DocumentMeta {
        source_name: "doc.txt".into(),
        annotator,
        status: Status::ALL[status % 3],
    };
    Document::from_parts(text, schema(), meta, spans, links)
}

fn documents() -> impl Strategy<Value = Document> {
    (
        prop::collection::vec(prop::sample::select(&ATOMS[..]), 1..50).prop_map(|atoms| atoms.concat()),
        prop::collection::vec(
            (
                0..1000_usize,
                1..15_usize,
                0..4_usize,
                prop::option::of(0..2_usize),
                prop::option::of(0..4_usize),
            ),
            0..12,
        ),
        prop::collection::vec((0..20_usize, 0..20_usize), 0..8),
        "[a-z ]{0,8}",
        0..3_usize,
    )
        .prop_map(|(text, seeds, links, annotator, status)| build(text, seeds, links, annotator, status))
}

fn options_for(document: &Document) -> ImportOptions {
    ImportOptions {
        schema: document.schema().clone(),
        annotator: document.meta().annotator.clone(),
        status: document.meta().status,
        ..ImportOptions::new("doc")
    }
}

/// The document as brat holds it: spans of only line breaks left out (with their links), and
/// line breaks trimmed from the ends of the others. Also the number of spans left out.
fn as_brat_holds_it(document: &Document) -> (Document, usize) {
    let (lost, mut kept): (Vec<Span>, Vec<Span>) = document
        .spans()
        .iter()
        .cloned()
        .partition(|s| document.span_text(s).chars().all(is_line_break));
    for span in &mut kept {
        let text: Vec<char> = document.span_text(span).chars().collect();
        span.char_start += text.iter().take_while(|&&c| is_line_break(c)).count();
        span.char_end -= text.iter().rev().take_while(|&&c| is_line_break(c)).count();
    }
    let links = document
        .links()
        .iter()
        .filter(|l| !lost.iter().any(|s| s.id == l.from || s.id == l.to))
        .cloned()
        .collect();
    let expected = Document::from_parts(
        document.text().to_owned(),
        document.schema().clone(),
        document.meta().clone(),
        kept,
        links,
    );
    (expected, lost.len())
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1e}')
}

/// The spans that own the `CoNLL` tag column: outermost, earliest first, crossing ones left out.
fn outermost(document: &Document) -> Vec<&Span> {
    outermost_of(document.spans().iter())
}

/// The outermost of some spans, earliest first, crossing ones left out.
fn outermost_of<'d>(spans: impl Iterator<Item = &'d Span>) -> Vec<&'d Span> {
    let mut spans: Vec<&Span> = spans.collect();
    spans.sort_by_key(|s| (s.char_start, std::cmp::Reverse(s.char_end), s.id));
    let mut kept: Vec<&Span> = Vec::new();
    for span in spans {
        if kept.last().is_none_or(|last| span.char_start >= last.char_end) {
            kept.push(span);
        }
    }
    kept
}

/// Entities of a `CoNLL` text: (tag type, tokens), and all tokens.
fn entities(conll: &str) -> (Vec<(String, Vec<String>)>, Vec<String>) {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    let mut tokens = Vec::new();
    for line in conll.lines().filter(|l| !l.is_empty()) {
        let (token, tag) = line.split_once('\t').expect("token<TAB>tag");
        tokens.push(token.to_owned());
        if let Some(kind) = tag.strip_prefix("B-") {
            found.push((kind.to_owned(), vec![token.to_owned()]));
        } else if let Some(kind) = tag.strip_prefix("I-") {
            let last = found.last_mut().expect("I- follows B-");
            assert_eq!(last.0, kind);
            last.1.push(token.to_owned());
        } else {
            assert_eq!(tag, "O");
        }
    }
    (found, tokens)
}

/// The span offsets of a one-line JSONL export, whatever its flavor, and its `text`.
fn span_offsets(jsonl: &str) -> (String, Vec<(usize, usize)>) {
    let line: serde_json::Value = serde_json::from_str(jsonl.trim_end()).expect("one JSON line");
    let number = |v: &serde_json::Value| usize::try_from(v.as_u64().expect("an offset")).expect("fits");
    let pairs = |key: &str, start: &str, end: &str| -> Option<Vec<(usize, usize)>> {
        let items = line.get(key)?.as_array()?;
        Some(
            items
                .iter()
                .map(|item| (number(&item[start]), number(&item[end])))
                .collect(),
        )
    };
    let offsets = pairs("spans", "start", "end")
        .or_else(|| pairs("entities", "start_offset", "end_offset"))
        .or_else(|| {
            let items = line.get("label")?.as_array()?;
            Some(items.iter().map(|item| (number(&item[0]), number(&item[1]))).collect())
        })
        .expect("spans, entities or label");
    (line["text"].as_str().expect("text").to_owned(), offsets)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn utf16_offsets_slice_the_same_text_as_char_offsets(document in documents()) {
        let chars: Vec<char> = document.text().chars().collect();
        let units: Vec<u16> = document.text().encode_utf16().collect();
        for (flavor, _) in JsonlFlavor::ALL.into_iter().filter(|(f, _)| f.has_offsets()) {
            let one = std::slice::from_ref(&document);
            let (_, by_char) = span_offsets(&jsonl::export_str_in(one, flavor, OffsetUnit::Char).0);
            let (text, by_unit) = span_offsets(&jsonl::export_str_in(one, flavor, OffsetUnit::Utf16).0);
            prop_assert_eq!(text.as_str(), document.text());
            prop_assert_eq!(by_char.len(), document.spans().len());
            prop_assert_eq!(by_unit.len(), by_char.len());
            for (&(char_start, char_end), &(unit_start, unit_end)) in by_char.iter().zip(&by_unit) {
                let sliced_chars: String = chars[char_start..char_end].iter().collect();
                let sliced_units = String::from_utf16(&units[unit_start..unit_end]).ok();
                prop_assert_eq!(Some(sliced_chars), sliced_units, "{:?}", flavor);
                // The units differ from the chars exactly by the wide chars before each end.
                let wide = chars[..char_start].iter().filter(|c| c.len_utf16() == 2).count();
                prop_assert_eq!(unit_start, char_start + wide);
            }
        }
    }

    #[test]
    fn token_records_hold_the_tokens_and_tags_of_conll(document in documents()) {
        let one = std::slice::from_ref(&document);
        let flavor = JsonlFlavor::Tokens(hashiya::export::tokens::SentenceSplit::Unicode);
        let (records, report) = jsonl::export_str_in(one, flavor, OffsetUnit::Char);
        let names = hashiya::export::token_classification::TagSet::for_documents(one);
        let mut as_conll = String::new();
        for record in records.lines() {
            let record: serde_json::Value = serde_json::from_str(record).expect("JSON");
            let tokens = record["tokens"].as_array().expect("tokens");
            let tags = record["ner_tags"].as_array().expect("tags");
            prop_assert_eq!(tokens.len(), tags.len());
            prop_assert!(!tokens.is_empty());
            for (token, tag) in tokens.iter().zip(tags) {
                let id = usize::try_from(tag.as_u64().expect("integer")).expect("id");
                as_conll.push_str(token.as_str().expect("token"));
                as_conll.push('\t');
                as_conll.push_str(&names.names()[id]);
                as_conll.push('\n');
            }
            as_conll.push('\n');
        }
        let (conll, conll_report) = hashiya::export::conll::export_str(one, &hashiya::export::conll::ConllOptions::default());
        prop_assert_eq!(as_conll, conll);
        prop_assert_eq!((report.tokens, report.sentences, report.spans), (conll_report.tokens, conll_report.sentences, conll_report.spans));
    }

    #[test]
    fn jsonl_round_trip_is_exact(document in documents()) {
        let (text, report) = jsonl::export_str(std::slice::from_ref(&document), JsonlFlavor::Hashiya);
        prop_assert_eq!(text.lines().count(), 1);
        prop_assert_eq!((report.spans, report.links), (document.spans().len(), document.links().len()));
        let imported = jsonl::import_str(&text, &options_for(&document));
        prop_assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        prop_assert_eq!(&imported.documents, &[document]);
    }

    #[test]
    fn doccano_relations_round_trip_keeps_spans_and_links(document in documents()) {
        let (text, _) = jsonl::export_str(std::slice::from_ref(&document), JsonlFlavor::DoccanoRelations);
        let imported = jsonl::import_str(&text, &options_for(&document));
        prop_assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let doc = &imported.documents[0];
        let ranges = |d: &Document| d.spans().iter().map(|s| (s.id, s.char_start, s.char_end, s.label.clone())).collect::<Vec<_>>();
        prop_assert_eq!(ranges(doc), ranges(&document));
        prop_assert_eq!(doc.links(), document.links());
        prop_assert_eq!(doc.text(), document.text());
    }

    #[test]
    fn brat_round_trip_is_exact(document in documents()) {
        let names = BratNames::for_documents([&document]);
        let (files, report) = brat::export_document(&document, &names);
        let (expected, lost) = as_brat_holds_it(&document);
        prop_assert_eq!(report.spans_lost, lost);
        for line in files.ann.lines() {
            prop_assert!(!line.contains(is_line_break));
        }
        let visual = brat::visual_conf([&document], &names);
        let conf = brat::annotation_conf([&document], &names);
        let imported = brat::import(&[files], Some(&conf), Some(&visual), &options_for(&document));
        prop_assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        prop_assert_eq!(&imported.documents, &[expected]);
    }

    #[test]
    fn layered_conll_keeps_every_span_not_inside_one_of_its_label(document in documents()) {
        let layered = ConllOptions { layers: true, ..ConllOptions::default() };
        let (text, report) = conll::export_str(std::slice::from_ref(&document), &layered);
        let mut lines = text.lines();
        let header = lines.next().expect("header");
        let columns: Vec<&str> = header.strip_prefix(conll::LAYERS_HEADER).expect("header").split_whitespace().collect();
        let labels = conll::layer_labels([&document]);
        prop_assert_eq!(&columns, &labels.iter().map(|l| tag_name(l)).collect::<Vec<_>>());
        let body: Vec<&str> = lines.collect();
        let bare: String = document.text().chars().filter(|&c| !is_separator(c)).collect();
        let mut expected_back: Vec<(String, String)> = Vec::new();
        for (column, label) in labels.iter().enumerate() {
            // This column alone, as a one-column file.
            let single: String = body
                .iter()
                .map(|line| {
                    let fields: Vec<&str> = line.split('\t').collect();
                    if line.is_empty() { "\n".to_owned() } else { format!("{}\t{}\n", fields[0], fields[column + 1]) }
                })
                .collect();
            let (found, tokens) = entities(&single);
            prop_assert_eq!(tokens.concat(), bare.clone());
            let expected: Vec<(String, String)> = outermost_of(document.spans().iter().filter(|s| &s.label == label))
                .into_iter()
                .map(|s| (tag_name(&s.label), document.span_text(s).chars().filter(|&c| !is_separator(c)).collect::<String>()))
                .filter(|(_, chars)| !chars.is_empty())
                .collect();
            let actual: Vec<(String, String)> = found.iter().map(|(k, t)| (k.clone(), t.concat())).collect();
            prop_assert_eq!(&actual, &expected, "{}", label);
            expected_back.extend(expected.into_iter().map(|(_, chars)| (label.clone(), chars)));
        }
        // Import reads every column back.
        let imported = conll::import_str(&text, &options_for(&document));
        prop_assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let mut back: Vec<(String, String)> = imported
            .documents
            .iter()
            .flat_map(|d| d.spans().iter().map(move |s| (s.label.clone(), d.span_text(s).chars().filter(|&c| !is_separator(c)).collect())))
            .collect();
        back.sort();
        expected_back.sort();
        prop_assert_eq!(back, expected_back);
        prop_assert_eq!(
            report.spans + report.spans_flattened + report.spans_crossing + report.spans_lost,
            document.spans().len()
        );
    }

    #[test]
    fn conll_keeps_every_outermost_span_exactly(document in documents()) {
        let (text, report) = conll::export_str(std::slice::from_ref(&document), &ConllOptions::default());
        let (found, tokens) = entities(&text);
        // No char is lost: the tokens are the text without its whitespace.
        let bare: String = document.text().chars().filter(|&c| !is_separator(c)).collect();
        prop_assert_eq!(tokens.concat(), bare);
        // Each outermost span with any non-whitespace is one entity with exactly its chars.
        let expected: Vec<(String, String)> = outermost(&document)
            .into_iter()
            .map(|s| (tag_name(&s.label), document.span_text(s).chars().filter(|&c| !is_separator(c)).collect::<String>()))
            .filter(|(_, chars)| !chars.is_empty())
            .collect();
        let actual: Vec<(String, String)> = found.iter().map(|(k, t)| (k.clone(), t.concat())).collect();
        prop_assert_eq!(&actual, &expected);
        prop_assert_eq!(
            report.spans + report.spans_flattened + report.spans_crossing + report.spans_lost,
            document.spans().len()
        );
        // Import gives back those entities over the tokens joined by spaces.
        let imported = conll::import_str(&text, &options_for(&document));
        prop_assert!(imported.report.warnings.is_empty(), "{:?}", imported.report.warnings);
        let back: Vec<(String, String)> = imported
            .documents
            .iter()
            .flat_map(|d| d.spans().iter().map(move |s| (tag_name(&s.label), d.span_text(s).to_owned())))
            .collect();
        let joined: Vec<(String, String)> = found.iter().map(|(k, t)| (k.clone(), t.join(" "))).collect();
        prop_assert_eq!(back, joined);
        for doc in &imported.documents {
            prop_assert_eq!(doc.schema(), document.schema());
        }
    }
}
