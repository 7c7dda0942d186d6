//! The real ANERcorp (research-use corpus, never committed): `CoNLL` import then export gives
//! back the same tokens and tags, except for differences of a few explained kinds.
//!
//! The corpus is read from `HASHIYA_ANERCORP`, else `../shared/corpora/ANERCorp.conll` beside
//! the crate; the test prints a notice and passes when it is absent.

use std::path::PathBuf;

use hashiya::export::conll::{self, ConllOptions};
use hashiya::export::ImportOptions;

fn corpus() -> Option<String> {
    let path = std::env::var_os("HASHIYA_ANERCORP")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ANERCorp.conll"));
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!("SKIPPED: ANERcorp not found at {} ({error}); set HASHIYA_ANERCORP", path.display());
            None
        }
    }
}

#[test]
fn scratch_counts() {
    let Some(text) = corpus() else { return };
    let imported = conll::import_str(&text, &ImportOptions::new("ANERCorp"));
    eprintln!("{}", imported.report);
    let (out, report) = conll::export_str(&imported.documents, &ConllOptions::default());
    eprintln!("{report}");
    let original: Vec<&str> = text.lines().filter_map(|l| l.rsplit_once(' ').map(|(t, _)| t)).filter(|t| !t.is_empty()).collect();
    let exported: Vec<&str> = out.lines().filter_map(|l| l.split_once('\t').map(|(t, _)| t)).collect();
    eprintln!("original non-empty {} exported {}", original.len(), exported.len());
    let mut split = 0;
    let mut j = 0;
    let mut examples = Vec::new();
    for o in &original {
        let target: String = o.split_whitespace().collect();
        let mut acc = String::new();
        let start = j;
        while acc.len() < target.len() { acc.push_str(exported[j]); j += 1; }
        assert_eq!(acc, target);
        if j - start > 1 { split += 1; if examples.len() < 40 { examples.push(format!("{o} -> {:?}", &exported[start..j])); } }
    }
    eprintln!("split {split}\n{}", examples.join("\n"));
}
