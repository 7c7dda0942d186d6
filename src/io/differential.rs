//! The two readers of annotation files side by side. Loading reads files in the canonical
//! layout with a hand-written reader and falls back to ron for anything else: two parsers of
//! one format, which must read every file the same. The differential fuzz target and its
//! corpus tests check that here, through these entry points only.

use crate::io::dto::FileDto;
use crate::io::{IoError, LoadedAnnotations, reader};

/// Which parser reads an annotation file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RonReader {
    /// What loading uses: the fast reader for the canonical layout, ron for anything else.
    FastThenRon,
    /// ron alone.
    RonOnly,
}

/// What the fast reader made of a file, next to ron.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FastVerdict {
    /// The file is not in the canonical layout: loading leaves it to ron.
    GaveUp,
    /// The fast reader read it, and ron reads the same.
    Agrees,
    /// The fast reader read something ron does not: what differs.
    Disagrees(String),
}

/// Reads `ron` with the fast reader and with ron alone, and compares what they read.
#[must_use]
pub fn compare_fast_reader(ron: &str) -> FastVerdict {
    let options = reader::ron_options();
    // The one place outside the reader that names the fast reader's module.
    let Some(fast) = crate::io::canonical_reader::parse_canonical(ron, &options) else {
        return FastVerdict::GaveUp;
    };
    match options.from_str::<FileDto>(ron) {
        Ok(slow) if slow == fast => FastVerdict::Agrees,
        Ok(slow) => FastVerdict::Disagrees(first_difference(&fast, &slow)),
        Err(error) => FastVerdict::Disagrees(format!(
            "the fast reader accepts a file that ron rejects ({error}); it read {fast:?}"
        )),
    }
}

/// Loads annotation file bytes into `text` (the normalized article) as
/// [`crate::io::load_annotations`] does, with the chosen parser.
pub fn load_annotation_bytes(bytes: &[u8], text: &str, reader: RonReader) -> Result<LoadedAnnotations, IoError> {
    crate::io::annotations_from_bytes_with(bytes, text, None, reader)
}

/// The first part of two parsed files that differs, for a readable failure.
fn first_difference(fast: &FileDto, slow: &FileDto) -> String {
    let pairs = [
        (
            "format_version",
            format!("{:?}", fast.format_version),
            format!("{:?}", slow.format_version),
        ),
        (
            "document",
            format!("{:?}", fast.document),
            format!("{:?}", slow.document),
        ),
        (
            "annotator",
            format!("{:?}", fast.annotator),
            format!("{:?}", slow.annotator),
        ),
        ("status", format!("{:?}", fast.status), format!("{:?}", slow.status)),
        ("schema", format!("{:?}", fast.schema), format!("{:?}", slow.schema)),
    ];
    if let Some((field, a, b)) = pairs.into_iter().find(|(_, a, b)| a != b) {
        return format!("{field}: fast reader {a}, ron {b}");
    }
    let lists = [
        (
            "spans",
            format!("{:?}", fast.spans),
            format!("{:?}", slow.spans),
            fast.spans.len(),
            slow.spans.len(),
        ),
        (
            "links",
            format!("{:?}", fast.links),
            format!("{:?}", slow.links),
            fast.links.len(),
            slow.links.len(),
        ),
        (
            "orphans",
            format!("{:?}", fast.orphans),
            format!("{:?}", slow.orphans),
            fast.orphans.len(),
            slow.orphans.len(),
        ),
    ];
    lists.into_iter().find(|(_, a, b, _, _)| a != b).map_or_else(
        || "the files differ".to_owned(),
        |(field, a, b, n, m)| format!("{field} ({n} vs {m} items): fast reader {a}, ron {b}"),
    )
}
