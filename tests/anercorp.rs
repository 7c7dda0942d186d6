//! The real `ANERcorp` (research-use corpus, never committed): `CoNLL` import then export gives
//! back the same tokens and tags, except for differences of a few explained kinds.
//!
//! The corpus is read from `HASHIYA_ANERCORP`, else `../shared/corpora/ANERCorp.conll` beside
//! the crate; the test prints a notice and passes when it is absent.
//!
//! The kinds of difference, each asserted below (counts for the corpus as distributed, see
//! `../shared/README.md`):
//! 1. **Empty tokens** (191 lines ` O`): the import skips them (a token of no chars cannot sit
//!    in the text), so the export has no line for them.
//! 2. **Tokens holding a space** (2: `الصالحية ونايفة`, `. Oالإصابة`): the import keeps each as
//!    one token, its space held as a no-break space in the text, and the export writes it back
//!    with the space: the same token (counted, not a difference).
//! 3. **Stray `I-` tags** (57 `I-X` not preceded by `B-X`/`I-X`): the import starts a span
//!    there, so the export writes `B-X` — the IOB2 spelling of the same entity.
//! 4. **Punctuation attached to words** (`70%`, `(د`, `المقبل،`, `ق.م.`): the imported document
//!    keeps its tokenization (whitespace), so these come back whole (none is retokenized).
//! 5. **Two spaces before the tag** (17 lines such as `,  O`): a wider separator, not part
//!    of the token; the export writes `token<TAB>tag` like every other line.
//! 6. **Sentence breaks**: the corpus has no blank lines, so the export has one sentence: a
//!    single blank line, at the end.
//!
//! Nothing else differs: every other token and tag comes back identical, in order.

use std::path::PathBuf;

use hashiya::export::ImportOptions;
use hashiya::export::conll::{self, ConllOptions};
use hashiya::export::tokens::SentenceSplit;

fn corpus() -> Option<String> {
    let path = std::env::var_os("HASHIYA_ANERCORP").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ANERCorp.conll"),
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!(
                "SKIPPED: ANERcorp not found at {} ({error}); set HASHIYA_ANERCORP",
                path.display()
            );
            None
        }
    }
}

/// Counts of each kind of difference.
#[derive(Debug, Default, PartialEq, Eq)]
struct Differences {
    empty_tokens: usize,
    tokens_with_spaces: usize,
    stray_inside_tags: usize,
    retokenized: usize,
    wide_separators: usize,
    sentence_breaks: usize,
}

/// The type of an IOB tag (`None` for `O`).
fn kind(tag: &str) -> Option<&str> {
    tag.get(2..).filter(|_| tag != "O")
}

fn compare(original: &str, exported: &str) -> Differences {
    let mut differences = Differences::default();
    let mut exported_lines = exported.lines().peekable();
    let mut next_exported = |differences: &mut Differences| loop {
        let line = exported_lines.next().expect("export ends early");
        if line.is_empty() {
            differences.sentence_breaks += 1;
            continue;
        }
        let (token, tag) = line.split_once('\t').expect("token<TAB>tag");
        return (token.to_owned(), tag.to_owned());
    };
    let mut previous_tag = "O".to_owned();
    for (number, line) in original.lines().enumerate() {
        let (raw_token, tag) = line.rsplit_once(' ').expect("token TAG");
        let token = raw_token.trim_end();
        if token.is_empty() {
            differences.empty_tokens += 1;
            continue;
        }
        if token != raw_token {
            differences.wide_separators += 1;
        }
        let stray = tag.starts_with("I-") && kind(&previous_tag) != kind(tag);
        let first_tag = if stray {
            differences.stray_inside_tags += 1;
            format!("B-{}", &tag[2..])
        } else {
            tag.to_owned()
        };
        let continued_tag = kind(tag).map_or_else(|| "O".to_owned(), |k| format!("I-{k}"));
        tag.clone_into(&mut previous_tag);
        // Take exported tokens until they spell this token (without its spaces).
        let wanted: String = token.split_whitespace().collect();
        let spaced = |piece: &str| piece.split_whitespace().collect::<String>();
        let mut spelled = String::new();
        let mut pieces = 0;
        while spelled.len() < wanted.len() {
            let (piece, piece_tag) = next_exported(&mut differences);
            let expected_tag = if pieces == 0 { &first_tag } else { &continued_tag };
            assert_eq!(
                &piece_tag,
                expected_tag,
                "line {}: {token:?} piece {piece:?}",
                number + 1
            );
            spelled.push_str(&spaced(&piece));
            pieces += 1;
        }
        assert_eq!(spelled, wanted, "line {}", number + 1);
        if pieces > 1 {
            if token.contains(char::is_whitespace) {
                differences.tokens_with_spaces += 1;
            } else {
                differences.retokenized += 1;
            }
        } else if token.contains(char::is_whitespace) {
            differences.tokens_with_spaces += 1;
        }
    }
    for line in exported_lines {
        assert!(line.is_empty(), "extra exported line {line:?}");
        differences.sentence_breaks += 1;
    }
    differences
}

#[test]
fn conll_import_export_gives_back_tokens_and_tags() {
    let Some(text) = corpus() else { return };
    let imported = conll::import_str(&text, &ImportOptions::new("ANERCorp"));
    let [document] = imported.documents.as_slice() else {
        panic!("ANERcorp has no -DOCSTART-: one document")
    };
    let report = &imported.report;
    assert_eq!(report.labels_added, ["LOC", "ORG", "PERS", "MISC"]);
    // Every warning is one of the explained kinds, and names its line.
    let warned = |needle: &str| {
        report
            .warnings
            .iter()
            .filter(|w| w.message.to_string().contains(needle))
            .count()
    };
    assert_eq!(
        report.warnings.len(),
        warned("empty token") + warned("contains whitespace") + warned("follows no")
    );
    assert!(report.warnings.iter().all(|w| w.line.is_some()));
    assert_eq!(document.spans().len(), report.spans);

    let (exported, export_report) = conll::export_str(&imported.documents, &ConllOptions::default());
    let differences = compare(&text, &exported);
    eprintln!("ANERcorp round trip: {differences:?}; import: {report}; export: {export_report}");
    assert_eq!(differences.empty_tokens, 191);
    assert_eq!(differences.tokens_with_spaces, 2);
    assert_eq!(differences.stray_inside_tags, 57);
    assert_eq!(differences.wide_separators, 17);
    assert_eq!(warned("empty token"), differences.empty_tokens);
    assert_eq!(warned("contains whitespace"), differences.tokens_with_spaces);
    assert_eq!(warned("follows no"), differences.stray_inside_tags);
    assert_eq!(differences.retokenized, 0);
    assert_eq!(differences.sentence_breaks, 1);
    assert_eq!(export_report.sentences, 1);
    assert_eq!(export_report.spans, document.spans().len());
    assert_eq!(
        export_report.spans_flattened + export_report.spans_crossing + export_report.spans_lost,
        0
    );

    // The imported sentences are kept whatever the option says.
    let lines = ConllOptions {
        sentences: SentenceSplit::Lines,
        ..ConllOptions::default()
    };
    let (exported, _) = conll::export_str(&imported.documents, &lines);
    assert_eq!(compare(&text, &exported).sentence_breaks, 1);
}
