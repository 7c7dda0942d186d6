//! A fast reader for files in the canonical layout the writer produces (one span or link per
//! line). ron needs about 55 ms to parse the 11k spans of a long document, the whole load
//! budget; this reads those lines directly and leaves the small rest of the file (identity,
//! schema) to ron. Anything it does not recognise exactly — a comment, another field order,
//! a number in hex, a string over two lines — makes it give up, and ron parses the whole file,
//! with its line:column errors. A unit test checks both readers agree.

use crate::io::dto::{Attributes, FileDto, LinkDto, SpanDto};

/// A canonical file cut in two: the header (everything but the lines of the list sections,
/// which stay as empty lists) for ron, and the lines of each list section.
pub(crate) struct Canonical<'r> {
    /// The file without the items of its list sections.
    pub header: String,
    spans: Vec<&'r str>,
    links: Vec<&'r str>,
    orphans: Vec<&'r str>,
}

impl<'r> Canonical<'r> {
    /// Splits a file in canonical layout; `None` when it is not.
    pub fn split(ron: &'r str) -> Option<Self> {
        let mut split = Self {
            header: String::with_capacity(16 * 1024),
            spans: Vec::new(),
            links: Vec::new(),
            orphans: Vec::new(),
        };
        let mut seen = [false; 3];
        let mut current: Option<usize> = None;
        let mut previous = "";
        for line in ron.split_inclusive('\n') {
            let bare = line.trim_end_matches('\n').trim_end_matches('\r');
            if let Some(section) = current {
                if bare == "    ]," {
                    current = None;
                } else {
                    split.section_mut(section).push(bare);
                    continue;
                }
            } else if let Some(section) = SECTIONS
                .iter()
                .position(|name| bare.strip_prefix("    ").and_then(|b| b.strip_prefix(name)) == Some(": ["))
            {
                // Sections follow the schema and each other, as written; so lines of a
                // multi-line string or comment are never taken for a section.
                let expected_before = if section == 0 { "    )," } else { "    ]," };
                if seen[section] || previous != expected_before {
                    return None;
                }
                seen[section] = true;
                current = Some(section);
            }
            if !self_contained(bare) {
                return None;
            }
            previous = bare;
            split.header.push_str(line);
        }
        // The writer always writes `spans` and `links`.
        (current.is_none() && seen[0] && seen[1]).then_some(split)
    }

    fn section_mut(&mut self, section: usize) -> &mut Vec<&'r str> {
        match section {
            0 => &mut self.spans,
            1 => &mut self.links,
            _ => &mut self.orphans,
        }
    }

    /// Number of spans, links and orphans (lines; not parsed).
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.spans.len(), self.links.len(), self.orphans.len())
    }
}

const SECTIONS: [&str; 3] = ["spans", "links", "orphans"];

/// Whether a header line ends outside any string, char literal or comment, as every line the
/// writer writes does. Only then is each line read from the top level, and a line that looks
/// like a section is one: a string over several lines (or a raw string, or a block comment)
/// could hold lines that look like sections and items.
fn self_contained(line: &str) -> bool {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let rest = chars.as_str();
        match c {
            '/' if rest.starts_with('/') => return true,
            '/' if rest.starts_with('*') => return false,
            // A raw string or raw identifier (`r"…"`, `r#"…"#`, `r#name`).
            'r' if rest.starts_with(['"', '#']) => return false,
            '"' => loop {
                match chars.next() {
                    None => return false,
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                }
            },
            '\'' => {
                if chars.next() == Some('\\') {
                    chars.next();
                }
                if !chars.any(|c| c == '\'') {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Parses a canonical file; `None` when it is not exactly in canonical layout.
pub(crate) fn parse_canonical(ron: &str, options: &ron::Options) -> Option<FileDto> {
    let split = Canonical::split(ron)?;
    let mut file: FileDto = options.from_str(&split.header).ok()?;
    if !file.spans.is_empty() || !file.links.is_empty() || !file.orphans.is_empty() {
        return None;
    }
    file.spans = split.spans.iter().map(|l| span_line(l)).collect::<Option<_>>()?;
    file.links = split.links.iter().map(|l| link_line(l)).collect::<Option<_>>()?;
    file.orphans = split.orphans.iter().map(|l| span_line(l)).collect::<Option<_>>()?;
    Some(file)
}

/// `        (id: 1, label: "Actor", start: 60, end: 74, text: "…"[, attributes: {…}][, note:
/// Some("…")][, needs_review: true][, entity: Some("E3")]),`
fn span_line(line: &str) -> Option<SpanDto> {
    let mut cursor = Cursor::new(line.strip_prefix("        (")?.strip_suffix("),")?);
    let id = cursor.field("id: ")?.number()?;
    let label = cursor.field(", label: ")?.string()?;
    let start = cursor.field(", start: ")?.number()?;
    let end = cursor.field(", end: ")?.number()?;
    let text = cursor.field(", text: ")?.string()?;
    let mut span = SpanDto {
        id,
        label,
        start,
        end,
        text,
        attributes: Attributes::default(),
        note: None,
        needs_review: false,
        entity: None,
    };
    if cursor.eat(", attributes: {") {
        loop {
            let name = cursor.string()?;
            let value = cursor.field(": ")?.string()?;
            span.attributes.insert(name, value);
            if cursor.eat("}") {
                break;
            }
            cursor.field(", ")?;
        }
    }
    if cursor.eat(", note: Some(") {
        span.note = Some(cursor.string()?);
        cursor.field(")")?;
    }
    if cursor.eat(", needs_review: true") {
        span.needs_review = true;
    }
    if cursor.eat(", entity: Some(") {
        span.entity = Some(cursor.string()?);
        cursor.field(")")?;
    }
    cursor.rest.is_empty().then_some(span)
}

/// `        (id: 1, kind: "speaker", from: 6, to: 1),`
fn link_line(line: &str) -> Option<LinkDto> {
    let mut cursor = Cursor::new(line.strip_prefix("        (")?.strip_suffix("),")?);
    let parsed = LinkDto {
        id: cursor.field("id: ")?.number()?,
        kind: cursor.field(", kind: ")?.string()?,
        from: cursor.field(", from: ")?.number()?,
        to: cursor.field(", to: ")?.number()?,
    };
    cursor.rest.is_empty().then_some(parsed)
}

struct Cursor<'l> {
    rest: &'l str,
}

impl<'l> Cursor<'l> {
    fn new(rest: &'l str) -> Self {
        Self { rest }
    }

    fn eat(&mut self, literal: &str) -> bool {
        match self.rest.strip_prefix(literal) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    /// Expects a literal; returns the cursor for chaining.
    fn field(&mut self, literal: &str) -> Option<&mut Self> {
        self.eat(literal).then_some(self)
    }

    /// A decimal `u64` (ron also reads `1_000`, hex, `+1`: those fall back to ron).
    fn number(&mut self) -> Option<u64> {
        let digits = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        let value = self.rest.get(..digits)?.parse().ok()?;
        self.rest = &self.rest[digits..];
        Some(value)
    }

    /// A string literal with the escapes the writer uses (and the others ron knows).
    fn string(&mut self) -> Option<String> {
        let body = self.rest.strip_prefix('"')?;
        let end = body.find(['"', '\\'])?;
        if body.as_bytes()[end] == b'"' {
            self.rest = &body[end + 1..];
            return Some(body[..end].to_owned());
        }
        let mut value = String::with_capacity(end + 16);
        let mut chars = body.char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = &body[at + 1..];
                    return Some(value);
                }
                '\\' => value.push(escape(&mut chars)?),
                c => value.push(c),
            }
        }
        None
    }
}

fn escape(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    Some(match chars.next()?.1 {
        '"' => '"',
        '\'' => '\'',
        '\\' => '\\',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        '0' => '\0',
        'u' => {
            if chars.next()?.1 != '{' {
                return None;
            }
            let mut code = 0_u32;
            let mut digits = 0;
            loop {
                let c = chars.next()?.1;
                if c == '}' {
                    break;
                }
                digits += 1;
                if digits > 6 {
                    return None;
                }
                code = code * 16 + c.to_digit(16)?;
            }
            if digits == 0 {
                return None;
            }
            char::from_u32(code)?
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");
    const FIXTURE: &str = include_str!("../../tests/data/fixtures/format-v1.hashiya.ron");

    fn by_ron(ron: &str) -> FileDto {
        ron::from_str(ron).expect("ron parses")
    }

    #[test]
    fn canonical_files_read_the_same_as_with_ron() {
        for file in [SAMPLE, FIXTURE] {
            let options = ron::Options::default();
            assert_eq!(parse_canonical(file, &options), Some(by_ron(file)));
            let crlf = file.replace('\n', "\r\n");
            assert_eq!(parse_canonical(&crlf, &options), Some(by_ron(file)));
        }
    }

    #[test]
    fn version_2_fields_read_the_same_as_with_ron() {
        let mut file = by_ron(SAMPLE);
        file.schema.labels[0].display_name = Some("Akteur \"A\"".into());
        file.schema.labels[2].event = true;
        file.schema.relations[0].other_pairs = vec![("Actor".into(), "Quote".into())];
        file.schema.relations[1].any_labels = true;
        file.brat_lines = vec![
            "*\tEquiv T1 T2".into(),
            "    ],".into(),
            "    links: [".into(),
            "N1\tReference T1 Wiki:1\t«نعم»".into(),
        ];
        file.format_version = file.lowest_version();
        assert_eq!(file.format_version, 2);
        let written = crate::io::writer::write_file(&file);
        assert!(
            written.starts_with("// Hashiya annotations (format_version 2)."),
            "{written}"
        );
        let options = ron::Options::default();
        assert_eq!(parse_canonical(&written, &options), Some(by_ron(&written)));
        assert_eq!(by_ron(&written), file);
    }

    #[test]
    fn version_3_entities_read_the_same_as_with_ron() {
        let mut file = by_ron(SAMPLE);
        file.spans[0].entity = Some("E1".into());
        file.spans[3].entity = Some("E12".into());
        file.orphans.push(SpanDto {
            entity: Some("E\"2\u{200F}".into()),
            ..file.spans[0].clone()
        });
        file.format_version = file.lowest_version();
        assert_eq!(file.format_version, 3);
        let written = crate::io::writer::write_file(&file);
        assert!(written.contains(", entity: Some(\"E12\")),\n"), "{written}");
        let options = ron::Options::default();
        assert_eq!(parse_canonical(&written, &options), Some(by_ron(&written)));
        assert_eq!(by_ron(&written), file);
        // Without entities the same file is the version it was.
        file.spans
            .iter_mut()
            .chain(&mut file.orphans)
            .for_each(|s| s.entity = None);
        assert!(file.lowest_version() < 3);
    }

    #[test]
    fn version_4_tokenization_reads_the_same_as_with_ron() {
        let mut file = by_ron(SAMPLE);
        file.tokenization = crate::io::dto::TokenizationDto::Whitespace;
        file.format_version = file.lowest_version();
        assert_eq!(file.format_version, 4);
        let written = crate::io::writer::write_file(&file);
        assert!(written.contains("    status: "), "{written}");
        let after_status = written
            .split("    status: ")
            .nth(1)
            .and_then(|rest| rest.lines().nth(1));
        assert_eq!(after_status, Some("    tokenization: Whitespace,"));
        let options = ron::Options::default();
        assert_eq!(parse_canonical(&written, &options), Some(by_ron(&written)));
        assert_eq!(by_ron(&written), file);
        // Without it the file is the version it was, and the field is not written.
        file.tokenization = crate::io::dto::TokenizationDto::Words;
        assert!(file.lowest_version() < 4);
        assert!(!crate::io::writer::write_file(&file).contains("tokenization"));
    }

    #[test]
    fn anything_unusual_falls_back_to_ron() {
        let options = ron::Options::default();
        for edit in [
            ("start: 60,", "start: 0x3C,"),
            ("(id: 1, label:", "(label: \"Actor\", id: 1, label:"),
            ("\"type\": \"person\"}", "\"type\": \"person\",}"),
            ("(id: 1, kind:", "(id: 1, kind: \"speaker\", kind:"),
            ("from: 6, to: 1),", "from: 6, to: 1), // speaker"),
            (
                "text: \"ستيفاني وليامز\"",
                "text: \"ستيفاني وليامز\", entity: Some(\"E1\"), needs_review: true",
            ),
            ("text: \"ستيفاني وليامز\"", "text: \"ستيفاني وليامز\", entity: None"),
            ("text: \"ستيفاني وليامز\"", "text: \"ستيفاني\\q\""),
            ("    spans: [", "    spans: [\n    ],\n    spans: ["),
            ("    ),\n    spans: [", "    ), /* the spans\n*/\n    spans: ["),
        ] {
            let edited = SAMPLE.replacen(edit.0, edit.1, 1);
            assert_eq!(parse_canonical(&edited, &options), None, "{}", edit.1);
        }
        assert_eq!(parse_canonical(&SAMPLE[..SAMPLE.len() / 2], &options), None);
    }

    #[test]
    fn section_lines_inside_a_string_are_not_sections() {
        // Without its own sections, a file whose string holds lines that look like them:
        // ron reads a string (or rejects the file); the fast reader must not read items.
        let bare =
            FIXTURE[..FIXTURE.find("    spans: [").expect("spans")].replace("    annotator: \"مُعلِّق \\\"A\\\"\",\n", "");
        let item = "        (id: 1, label: \"Actor\", start: 4, end: 22, text: \"الفريق محمد الحداد\"),";
        for (open, close) in [("\"", "\""), ("r#\"", "\"#")] {
            let file = format!(
                "{bare}    annotator: {open}x\n    ),\n    spans: [\n{item}\n    ],\n    links: [\n    ],\n{close},\n)\n"
            );
            assert_eq!(parse_canonical(&file, &ron::Options::default()), None, "{file}");
        }
    }

    #[test]
    fn comment_marks_inside_strings_keep_the_fast_path() {
        let edited = SAMPLE.replacen("Who said the quote.", "Who /* said */ the quote. // it", 1);
        assert_eq!(
            parse_canonical(&edited, &ron::Options::default()),
            Some(by_ron(&edited))
        );
        let char_quote = SAMPLE.replacen("shortcut: Some('s')", "shortcut: Some('\"')", 1);
        assert_eq!(
            parse_canonical(&char_quote, &ron::Options::default()),
            Some(by_ron(&char_quote))
        );
    }

    fn span_strategy() -> impl Strategy<Value = SpanDto> {
        let text = prop_oneof![any::<String>(), "[\"\\\\ا-ي😀{}(),:\\n\\r\\t\u{200F}]{0,12}"];
        (
            any::<u64>(),
            text.clone(),
            any::<(u64, u64)>(),
            text.clone(),
            prop::collection::btree_map(text.clone(), text.clone(), 0..3),
            prop::option::of(text.clone()),
            any::<bool>(),
            prop::option::of(prop_oneof![text, "E[0-9]{1,5}"]),
        )
            .prop_map(
                |(id, label, (start, end), text, attributes, note, needs_review, entity)| SpanDto {
                    id,
                    label,
                    start,
                    end,
                    text,
                    attributes: Attributes {
                        map: attributes,
                        replaced: Vec::new(),
                    },
                    note,
                    needs_review,
                    entity,
                },
            )
    }

    proptest! {
        #[test]
        fn span_lines_agree_with_ron(span in span_strategy(), kind in any::<String>(), ids in any::<(u64, u64, u64)>()) {
            let mut line = String::from("        ");
            crate::io::writer::push_span(&mut line, &span);
            line.push(',');
            prop_assert_eq!(span_line(&line), Some(span.clone()));
            let ron_span: SpanDto = ron::from_str(&line.trim()[..line.trim().len() - 1]).expect("ron parses");
            prop_assert_eq!(ron_span, span);
            let link = LinkDto { id: ids.0, kind, from: ids.1, to: ids.2 };
            let mut line = String::new();
            crate::io::writer::push_link(&mut line, &link);
            prop_assert_eq!(link_line(&line), Some(link));
        }
    }
}
