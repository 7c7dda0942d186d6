//! Checking an annotation file against its article without opening it: every problem, each
//! with its line and column, for `hashiya validate`.

use crate::io::anchor::Placement;
use crate::io::locate::{Locator, Section};
use crate::io::{Problem, reader};
use crate::text::CharIndex;

/// Every problem of an annotation file (RON text) against its article (normalized text):
/// parse and integrity errors, a changed article, spans whose text is not at their offsets
/// (with where it is now, if anywhere), orphans kept in the file. Empty when the file is valid.
#[must_use]
pub fn validate_ron(ron: &str, text: &str) -> Vec<Problem> {
    let (file, schema) =
        match reader::parse_file(ron).and_then(|file| reader::check_file(&file, ron).map(|s| (file, s))) {
            Ok(parsed) => parsed,
            Err(error) => return error.problems(),
        };
    let locator = Locator::new(ron);
    let mut problems = reader::lint_file(&file, &schema, ron);
    let same_text = crate::io::sha256_hex(text) == file.document.sha256;
    let char_len = text.chars().count();
    if same_text && file.document.char_len != char_len as u64 {
        problems.push(Problem::at(
            locator.section(Section::Document),
            format!(
                "document.char_len is {}, but the article (the text the SHA-256 names) has {char_len} chars",
                file.document.char_len
            ),
        ));
    }
    if !same_text {
        problems.push(Problem::at(
            locator.section(Section::Document),
            format!(
                "the article is not the text these annotations were made on (SHA-256 differs; {} chars then, {} now)",
                file.document.char_len, char_len
            ),
        ));
    }
    let index = CharIndex::new(text);
    let placements = reader::place_stored(&file, text, &index);
    for (span, placement) in file.spans.iter().zip(placements) {
        let (start, end) = (
            usize::try_from(span.start).unwrap_or(usize::MAX),
            usize::try_from(span.end).unwrap_or(usize::MAX),
        );
        let found = match placement {
            Placement::InPlace => continue,
            Placement::Moved(at) => format!("it is now at {at}..{}", at + (end - start)),
            Placement::Orphan => {
                "it is nowhere in the article (or only where the spans around it say it cannot be)".to_owned()
            }
        };
        let there = index.slice(text, start..end);
        problems.push(Problem::at(
            locator.item(Section::Spans, span.id),
            format!(
                "span T{} \"{}\" is not at {start}..{end} (the article has \"{there}\" there); {found}",
                span.id, span.text
            ),
        ));
    }
    for orphan in &file.orphans {
        problems.push(Problem::at(
            locator.item(Section::Orphans, orphan.id),
            format!(
                "span T{} \"{}\" is an orphan: it is not placed in the article",
                orphan.id, orphan.text
            ),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, DocumentMeta, Schema, Span, SpanId};

    fn ron_for(text: &str) -> String {
        let span = Span::new(SpanId(3), "Actor", 4, 10);
        let document = Document::from_parts(
            text.into(),
            Schema::default_schema(),
            DocumentMeta::default(),
            vec![span],
            Vec::new(),
        );
        crate::io::to_ron_string(&document)
    }

    #[test]
    fn valid_file_has_no_problems() {
        assert_eq!(validate_ron(&ron_for("قال الحداد"), "قال الحداد"), []);
    }

    #[test]
    fn changed_article_and_moved_spans_are_reported_with_positions() {
        let ron = ron_for("قال الحداد");
        let problems = validate_ron(&ron, "وقال الحداد");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("SHA-256 differs"));
        assert!(problems[1].message.contains("now at 5..11"), "{}", problems[1]);
        let line = ron.lines().position(|l| l.contains("(id: 3,")).expect("span line") + 1;
        assert_eq!(problems[1].position.map(|p| p.line), Some(line));
        let gone = validate_ron(&ron, "قال علي");
        assert!(gone[1].message.contains("nowhere"), "{gone:?}");
    }

    #[test]
    fn malformed_files_report_ron_positions() {
        let problems = validate_ron("(format_version: 1,\n  document: 5)", "x");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position.map(|p| p.line), Some(2), "{problems:?}");
    }
}
