//! The differential check of the annotation reader: the fast reader of the canonical layout
//! (with ron as fallback) and ron alone must load every file the same, or both refuse it.

use crate::io::differential::{self, FastVerdict, RonReader};
use crate::io::{self, LoadedAnnotations};

/// The articles the seed annotation files belong to; a file is placed in the one whose
/// SHA-256 it names (the first otherwise), so mutants exercise re-anchoring too.
fn articles() -> &'static [(String, String)] {
    static ARTICLES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    ARTICLES.get_or_init(|| {
        [
            &include_bytes!("../../assets/samples/libya-army-leaders-meeting.ar.txt")[..],
            &include_bytes!("../../tests/data/fixtures/format-v1.txt")[..],
        ]
        .iter()
        .filter_map(|bytes| io::decode_article(bytes).ok())
        .map(|article| (io::sha256_hex(&article.text), article.text))
        .collect()
    })
}

fn article_for(ron: &[u8]) -> &'static str {
    let articles = articles();
    articles
        .iter()
        .find(|(sha, _)| ron.windows(sha.len()).any(|w| w == sha.as_bytes()))
        .or_else(|| articles.first())
        .map_or("", |(_, text)| text.as_str())
}

/// Loads `data` as an annotation file both ways and panics when the results differ; also
/// checks that an accepted file saves and loads back to the same document.
///
/// # Panics
///
/// When the readers disagree, or a saved file does not load back the same.
pub fn check_annotation_file(data: &[u8]) {
    let text = article_for(data);
    if let Ok(ron) = std::str::from_utf8(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data))
        && let FastVerdict::Disagrees(difference) = differential::compare_fast_reader(ron)
    {
        panic!("the fast reader and ron read the file differently: {difference}");
    }
    let fast = differential::load_annotation_bytes(data, text, RonReader::FastThenRon);
    let slow = differential::load_annotation_bytes(data, text, RonReader::RonOnly);
    match (&fast, &slow) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.document, b.document, "the two readers load different documents");
            assert_eq!(a.orphans, b.orphans, "the two readers load different orphans");
            assert_eq!(a.warnings, b.warnings, "the two readers warn differently");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "the two readers refuse differently"),
        (a, b) => panic!(
            "one reader loads the file, the other refuses it: fast-then-ron {:?}, ron alone {:?}",
            a.as_ref().map(|_| "loaded"),
            b.as_ref().map(|_| "loaded")
        ),
    }
    if let Ok(loaded) = fast {
        check_saves_back(&loaded, text);
    }
    if let Ok(ron) = std::str::from_utf8(data)
        && let Ok(canonical) = io::canonical_ron(ron)
    {
        check_canonical(&canonical);
    }
}

/// What loading accepted saves in canonical layout, which the fast reader reads (the same
/// as ron), and which loads back to the same document and orphans.
fn check_saves_back(loaded: &LoadedAnnotations, text: &str) {
    let saved = io::to_ron_string_with_orphans(&loaded.document, &loaded.orphans);
    check_canonical(&saved);
    match io::from_ron_str(&saved, text) {
        Ok(again) => {
            assert_eq!(again.document, loaded.document, "a saved file loads back differently");
            assert_eq!(again.orphans, loaded.orphans, "a saved file loads back other orphans");
        }
        Err(error) => panic!("a saved file does not load back: {error}\n{saved}"),
    }
}

/// A file the writer wrote takes the fast path, agrees with ron, and is its own canonical form.
pub(crate) fn check_canonical(written: &str) {
    match differential::compare_fast_reader(written) {
        FastVerdict::Agrees => {}
        FastVerdict::GaveUp => panic!("the fast reader gives up on a file the writer wrote:\n{written}"),
        FastVerdict::Disagrees(difference) => panic!("the readers disagree on a written file: {difference}"),
    }
    match io::canonical_ron(written) {
        Ok(again) => assert_eq!(again, written, "formatting a canonical file changes it"),
        Err(error) => panic!("a written file does not validate: {error}\n{written}"),
    }
}
