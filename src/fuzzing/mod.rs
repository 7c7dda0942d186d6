//! The properties the fuzz targets check, as plain functions: each takes the fuzzer's bytes
//! and panics when a property fails. The cargo-fuzz targets in `fuzz/` call them, and
//! `tests/fuzz_corpus.rs` calls them on every file of the checked-in corpus and every
//! regression input, so they also run as ordinary tests on stable Rust.
//!
//! Not part of the library's interface (hidden from its documentation).

mod annotations;
mod imports;
pub mod mutator;
mod text;

pub use annotations::check_annotation_file;
pub use imports::{BRAT_SEPARATOR, check_brat, check_conll, check_jsonl};
pub use mutator::{Rng, mutate_annotation_file};
pub use text::{MAX_LAYOUT_CHARS, check_article, check_layout};

/// Runs the check a fuzz target of this name runs (`None` for an unknown name), so that a
/// corpus test can dispatch on folder names.
#[must_use]
pub fn check_for(target: &str) -> Option<fn(&[u8])> {
    Some(match target {
        "annotation_reader" => check_annotation_file,
        "import_conll" => check_conll,
        "import_jsonl" => check_jsonl,
        "import_brat" => check_brat,
        "article_decode" => check_article,
        "layout" => check_layout,
        _ => return None,
    })
}

/// The names of all fuzz targets.
pub const TARGETS: [&str; 6] = [
    "annotation_reader",
    "import_conll",
    "import_jsonl",
    "import_brat",
    "article_decode",
    "layout",
];
