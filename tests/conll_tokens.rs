//! An imported `CoNLL` file keeps its tokenization: import, save, load and export give back
//! every token and tag, in order, with the same sentence breaks, except what the format
//! cannot hold (empty tokens) and the IOB2 spelling of a span that began with a stray `I-`.
//!
//! The fixture has `ANERcorp`'s oddities (empty tokens, a token holding a space, two spaces
//! before a tag, punctuation attached to words, a stray `I-`, no blank line). The real
//! `ANERcorp` is measured when `HASHIYA_BENCH_CORPUS` (or `HASHIYA_ANERCORP`) names it, else
//! `../shared/corpora/ANERCorp.conll` beside the crate if it is there: the numbers are printed
//! (`cargo test --test conll_tokens -- --nocapture`).

use std::path::PathBuf;

use hashiya::export::conll::{self, ConllOptions};
use hashiya::export::tokens::SentenceSplit;
use hashiya::export::{ImportOptions, token_classification};
use hashiya::io;
use hashiya::model::{Document, Tokenization};

/// `token TAG` lines as `ANERcorp` has them.
const FIXTURE: &str = "\
فرانكفورت B-LOC
(د B-ORG
ب I-ORG
أ) I-ORG
- O
أعلن O
 O
اتحاد B-ORG
،  O
الصالحية ونايفة O
ارتفاع O
70% O
ق.م. O
المقبل، O
. O
 O
في O
ألمانيا I-LOC
. Oالإصابة O
عمان B-LOC
.
";

/// A token and its tag.
type Pair = (String, String);

/// The pairs of a `token TAG` or `token<TAB>TAG` file (tokens trimmed; a line without a tag
/// reads as `O`), sentence breaks as `None`.
fn pairs(conll: &str) -> Vec<Option<Pair>> {
    conll
        .lines()
        .map(|line| {
            if line.is_empty() {
                return None;
            }
            let (token, tag) = line
                .rsplit_once(['\t', ' '])
                .map_or((line, "O"), |(token, tag)| (token.trim(), tag));
            Some((token.to_owned(), tag.to_owned()))
        })
        .collect()
}

/// What an import → export gave back.
#[derive(Debug, Default, PartialEq, Eq)]
struct Measure {
    tokens_in: usize,
    tokens_out: usize,
    /// Lines whose token is empty.
    empty_in: usize,
    /// Pairs identical, in order (empty tokens left out of the input).
    identical: usize,
    /// Pairs whose only change is `I-X` → `B-X` (a span beginning with a stray `I-`).
    stray_inside: usize,
    /// Blank lines (sentence breaks) in and out, the export's last one left out.
    breaks_in: usize,
    breaks_out: usize,
}

fn measure(original: &str, exported: &str) -> Measure {
    let input = pairs(original);
    let output = pairs(exported);
    let mut measure = Measure {
        tokens_in: input.iter().flatten().count(),
        tokens_out: output.iter().flatten().count(),
        empty_in: input.iter().flatten().filter(|(t, _)| t.is_empty()).count(),
        breaks_in: input.iter().filter(|p| p.is_none()).count(),
        // The export ends the last sentence with a blank line; the input need not.
        breaks_out: output.iter().filter(|p| p.is_none()).count().saturating_sub(1),
        ..Measure::default()
    };
    let kept: Vec<&Pair> = input.iter().flatten().filter(|(t, _)| !t.is_empty()).collect();
    let back: Vec<&Pair> = output.iter().flatten().collect();
    assert_eq!(kept.len(), back.len(), "tokens in (less empty ones) and out");
    for (number, (a, b)) in kept.iter().zip(&back).enumerate() {
        assert_eq!(a.0, b.0, "token {number}");
        if a.1 == b.1 {
            measure.identical += 1;
        } else {
            assert_eq!(
                (a.1.strip_prefix("I-"), b.1.strip_prefix("B-")),
                (b.1.strip_prefix("B-"), a.1.strip_prefix("I-")),
                "token {number} {:?}: {} became {}",
                a.0,
                a.1,
                b.1
            );
            measure.stray_inside += 1;
        }
    }
    measure
}

/// Imports, saves and loads back (the tokenization must survive the file), then exports.
fn round_trip(conll_text: &str, name: &str) -> (Document, String) {
    let imported = conll::import_str(conll_text, &ImportOptions::new(name));
    let [document] = imported.documents.as_slice() else {
        panic!("one document");
    };
    assert_eq!(document.tokenization(), Tokenization::Whitespace);
    let dir = tempfile::tempdir().expect("temporary folder");
    let article = dir.path().join(&document.meta().source_name);
    std::fs::write(&article, document.text()).expect("article written");
    io::save_document(document, &io::annotation_path_for(&article)).expect("saved");
    let saved = std::fs::read_to_string(io::annotation_path_for(&article)).expect("file read");
    assert!(saved.contains("    tokenization: Whitespace,\n"), "{saved}");
    let loaded = io::load_document(&article).expect("loads").document;
    assert_eq!(loaded.tokenization(), Tokenization::Whitespace);
    assert_eq!(&loaded, document);
    let (exported, report) = conll::export_str(std::slice::from_ref(&loaded), &ConllOptions::default());
    assert_eq!(report.spans, loaded.spans().len());
    (loaded, exported)
}

#[test]
fn fixture_comes_back_token_for_token() {
    let (document, exported) = round_trip(FIXTURE, "fixture");
    let m = measure(FIXTURE, &exported);
    assert_eq!(m.empty_in, 2);
    assert_eq!(m.tokens_out, m.tokens_in - m.empty_in);
    // One span begins with a stray `I-LOC`: IOB2 writes it `B-LOC`.
    assert_eq!(m.stray_inside, 1);
    assert_eq!(m.identical + m.stray_inside, m.tokens_out);
    assert_eq!((m.breaks_in, m.breaks_out), (0, 0));
    // The tokens JSONL flavor has the same tokens, one record (one sentence).
    let (jsonl, _, _) = token_classification::export_str(std::slice::from_ref(&document), SentenceSplit::Unicode);
    let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(records.len(), 1);
    let tokens: Vec<&str> = records[0]["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| t.as_str().expect("string"))
        .collect();
    let expected: Vec<String> = pairs(&exported).into_iter().flatten().map(|(t, _)| t).collect();
    assert_eq!(tokens, expected);
    assert!(tokens.contains(&"الصالحية ونايفة") && tokens.contains(&". Oالإصابة"));
}

#[test]
fn sentence_breaks_and_documents_come_back() {
    let input =
        "-DOCSTART- -X- O O\n\nقال:\tO\nمحمد\tB-PERS\n\n.\tO\n\n-DOCSTART- -X- O O\n\nثم\tO\nغادر.\tO\nأمس\tO\n\n";
    let imported = conll::import_str(input, &ImportOptions::new("docs"));
    assert_eq!(imported.documents.len(), 2);
    let (exported, report) = conll::export_str(&imported.documents, &ConllOptions::default());
    assert_eq!(exported, input.replacen("-DOCSTART- -X- O O\n\n", "", 1));
    assert_eq!((report.tokens, report.sentences), (6, 3));
}

fn corpus() -> Option<String> {
    let path = ["HASHIYA_BENCH_CORPUS", "HASHIYA_ANERCORP"]
        .iter()
        .find_map(std::env::var_os)
        .map_or_else(
            || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ANERCorp.conll"),
            PathBuf::from,
        );
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!("SKIPPED: no corpus at {} ({error})", path.display());
            None
        }
    }
}

#[test]
fn anercorp_comes_back_token_for_token() {
    let Some(text) = corpus() else { return };
    let (_, exported) = round_trip(&text, "ANERCorp");
    let m = measure(&text, &exported);
    eprintln!(
        "corpus round trip: {} tokens in ({} empty), {} out, {} pairs identical ({}.{:03}% of the tokens out), {} spans begun by a stray I- written B-; sentence breaks {} in, {} out",
        m.tokens_in,
        m.empty_in,
        m.tokens_out,
        m.identical,
        m.identical * 100 / m.tokens_out.max(1),
        m.identical * 100_000 / m.tokens_out.max(1) % 1000,
        m.stray_inside,
        m.breaks_in,
        m.breaks_out
    );
    assert_eq!(m.tokens_out, m.tokens_in - m.empty_in);
    assert_eq!(m.identical + m.stray_inside, m.tokens_out);
    assert_eq!(m.breaks_out, m.breaks_in);
}
