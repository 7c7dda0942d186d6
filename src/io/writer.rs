//! The canonical writer of annotation files. ron's pretty printer puts every field of every
//! span on its own line; here each span and link is one line, sorted, so that a git diff of
//! two annotators' files shows one line per changed span.

use std::fmt::Write as _;

use crate::io::dto::{
    FileDto, LabelDto, LinkDto, RejectedDto, RejectedLinkDto, RelationDto, SpanDto, SuggestedLinkDto, SuggestionDto,
    TokenizationDto,
};

/// The header comment after its first words (which name the version).
const HEADER_REST: &str = "\
Offsets are Unicode scalar (char) offsets into the
// article text as loaded: decoded to Unicode, CRLF and CR turned into LF (Python str indices).
";

/// Writes a file in canonical form: spans sorted by (start, end, id), links by id.
pub(crate) fn write_file(file: &FileDto) -> String {
    let text_bytes: usize = file.spans.iter().map(|s| s.text.len() + 96).sum();
    let mut out = String::with_capacity(text_bytes + file.links.len() * 48 + 4096);
    let _ = write!(out, "// Hashiya annotations (format_version {}). ", file.format_version);
    out.push_str(HEADER_REST);
    out.push_str("(\n");
    let _ = writeln!(out, "    format_version: {},", file.format_version);
    out.push_str("    document: (file: ");
    push_string(&mut out, &file.document.file);
    out.push_str(", sha256: ");
    push_string(&mut out, &file.document.sha256);
    let _ = writeln!(out, ", char_len: {}),", file.document.char_len);
    out.push_str("    annotator: ");
    push_string(&mut out, &file.annotator);
    out.push_str(",\n");
    let _ = writeln!(out, "    status: {},", file.status.name());
    if file.tokenization == TokenizationDto::Whitespace {
        // Right after `status`, in the header the fast reader leaves to ron.
        out.push_str("    tokenization: Whitespace,\n");
    }
    out.push_str("    schema: (\n        labels: [\n");
    for label in &file.schema.labels {
        out.push_str("            ");
        push_label(&mut out, label);
        out.push_str(",\n");
    }
    out.push_str("        ],\n        relations: [\n");
    for relation in &file.schema.relations {
        out.push_str("            ");
        push_relation(&mut out, relation);
        out.push_str(",\n");
    }
    out.push_str("        ],\n");
    if !file.schema.disabled_checks.is_empty() {
        out.push_str("        disabled_checks: [");
        for (i, name) in file.schema.disabled_checks.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_string(&mut out, name);
        }
        out.push_str("],\n");
    }
    if let Some(rules) = &file.schema.suggestion_rules {
        // One line, as ron writes it (the lists are the project's to edit, by hand or tool).
        out.push_str("        suggestion_rules: Some(");
        out.push_str(&ron::to_string(rules).unwrap_or_default());
        out.push_str("),\n");
    }
    out.push_str("    ),\n");
    push_spans(&mut out, "spans", &file.spans);
    let mut links: Vec<&LinkDto> = file.links.iter().collect();
    links.sort_by_key(|l| l.id);
    out.push_str("    links: [\n");
    for link in links {
        push_link(&mut out, link);
        out.push('\n');
    }
    out.push_str("    ],\n");
    if !file.orphans.is_empty() {
        push_spans(&mut out, "orphans", &file.orphans);
    }
    if !file.brat_lines.is_empty() {
        out.push_str("    brat_lines: [\n");
        for line in &file.brat_lines {
            out.push_str("        ");
            push_string(&mut out, line);
            out.push_str(",\n");
        }
        out.push_str("    ],\n");
    }
    push_suggestions(&mut out, file);
    out.push_str(")\n");
    out
}

/// The version 4 sections, each only when it has items: one suggestion, suggested link or
/// rejection per line, sorted like spans and links.
fn push_suggestions(out: &mut String, file: &FileDto) {
    if !file.suggestions.is_empty() {
        let mut sorted: Vec<&SuggestionDto> = file.suggestions.iter().collect();
        sorted.sort_by_key(|s| (s.start, s.end, s.id));
        out.push_str("    suggestions: [\n");
        for s in sorted {
            let _ = write!(out, "        (id: {}, label: ", s.id);
            push_string(out, &s.label);
            let _ = write!(out, ", start: {}, end: {}, text: ", s.start, s.end);
            push_string(out, &s.text);
            let _ = write!(out, ", score: {:?}, source: ", s.score);
            s.source.write(out);
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    if !file.suggested_links.is_empty() {
        let mut sorted: Vec<&SuggestedLinkDto> = file.suggested_links.iter().collect();
        sorted.sort_by_key(|l| l.id);
        out.push_str("    suggested_links: [\n");
        for l in sorted {
            let _ = write!(out, "        (id: {}, kind: ", l.id);
            push_string(out, &l.kind);
            let _ = write!(
                out,
                ", from: {}, to: {}, score: {:?}, source: ",
                l.from.write(),
                l.to.write(),
                l.score
            );
            l.source.write(out);
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    if !file.rejected.is_empty() {
        let mut sorted: Vec<&RejectedDto> = file.rejected.iter().collect();
        sorted.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
        out.push_str("    rejected: [\n");
        for r in sorted {
            out.push_str("        (label: ");
            push_string(out, &r.label);
            let _ = writeln!(out, ", start: {}, end: {}),", r.start, r.end);
        }
        out.push_str("    ],\n");
    }
    if !file.rejected_links.is_empty() {
        let mut sorted: Vec<&RejectedLinkDto> = file.rejected_links.iter().collect();
        sorted.sort_by(|a, b| (a.from, a.to, &a.kind).cmp(&(b.from, b.to, &b.kind)));
        out.push_str("    rejected_links: [\n");
        for r in sorted {
            out.push_str("        (kind: ");
            push_string(out, &r.kind);
            let _ = writeln!(
                out,
                ", from: ({}, {}), to: ({}, {})),",
                r.from.0, r.from.1, r.to.0, r.to.1
            );
        }
        out.push_str("    ],\n");
    }
}

fn push_spans(out: &mut String, section: &str, spans: &[SpanDto]) {
    let mut sorted: Vec<&SpanDto> = spans.iter().collect();
    sorted.sort_by_key(|s| s.sort_key());
    let _ = writeln!(out, "    {section}: [");
    for span in sorted {
        out.push_str("        ");
        push_span(out, span);
        out.push_str(",\n");
    }
    out.push_str("    ],\n");
}

/// One link line, indented, with its trailing comma.
pub(crate) fn push_link(out: &mut String, link: &LinkDto) {
    let _ = write!(out, "        (id: {}, kind: ", link.id);
    push_string(out, &link.kind);
    let _ = write!(out, ", from: {}, to: {}),", link.from, link.to);
}

/// One span, from `(` to `)`.
pub(crate) fn push_span(out: &mut String, span: &SpanDto) {
    let _ = write!(out, "(id: {}, label: ", span.id);
    push_string(out, &span.label);
    let _ = write!(out, ", start: {}, end: {}, text: ", span.start, span.end);
    push_string(out, &span.text);
    if !span.attributes.map.is_empty() {
        out.push_str(", attributes: {");
        for (i, (name, value)) in span.attributes.map.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_string(out, name);
            out.push_str(": ");
            push_string(out, value);
        }
        out.push('}');
    }
    if let Some(note) = &span.note {
        out.push_str(", note: Some(");
        push_string(out, note);
        out.push(')');
    }
    if span.needs_review {
        out.push_str(", needs_review: true");
    }
    if let Some(entity) = &span.entity {
        out.push_str(", entity: Some(");
        push_string(out, entity);
        out.push(')');
    }
    out.push(')');
}

fn push_label(out: &mut String, label: &LabelDto) {
    out.push_str("(name: ");
    push_string(out, &label.name);
    let (r, g, b) = label.color;
    let _ = write!(out, ", color: ({r}, {g}, {b}), shortcut: ");
    push_char_option(out, label.shortcut);
    out.push_str(", description: ");
    push_string(out, &label.description);
    out.push_str(", attributes: [");
    push_attributes(out, label);
    out.push(']');
    if let Some(display_name) = &label.display_name {
        out.push_str(", display_name: Some(");
        push_string(out, display_name);
        out.push(')');
    }
    if label.event {
        out.push_str(", event: true");
    }
    out.push(')');
}

fn push_attributes(out: &mut String, label: &LabelDto) {
    for (i, attribute) in label.attributes.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str("(name: ");
        push_string(out, &attribute.name);
        out.push_str(", values: [");
        for (j, value) in attribute.values.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            push_string(out, value);
        }
        out.push_str("])");
    }
}

fn push_relation(out: &mut String, relation: &RelationDto) {
    out.push_str("(name: ");
    push_string(out, &relation.name);
    out.push_str(", from_label: ");
    push_string(out, &relation.from_label);
    out.push_str(", to_label: ");
    push_string(out, &relation.to_label);
    let _ = write!(out, ", multiple: {}, shortcut: ", relation.multiple);
    push_char_option(out, relation.shortcut);
    out.push_str(", description: ");
    push_string(out, &relation.description);
    if !relation.other_pairs.is_empty() {
        out.push_str(", other_pairs: [");
        for (i, (head, child)) in relation.other_pairs.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push('(');
            push_string(out, head);
            out.push_str(", ");
            push_string(out, child);
            out.push(')');
        }
        out.push(']');
    }
    if relation.any_labels {
        out.push_str(", any_labels: true");
    }
    if let Some(count) = relation.min_links {
        let _ = write!(out, ", min_links: Some({count})");
    }
    out.push(')');
}

fn push_char_option(out: &mut String, c: Option<char>) {
    match c {
        None => out.push_str("None"),
        Some(c) => {
            out.push_str("Some('");
            match c {
                '\'' => out.push_str("\\'"),
                _ => push_char_escaped(out, c),
            }
            out.push_str("')");
        }
    }
}

/// A RON string literal. Non-ASCII text stays readable (Arabic is written as is); quotes,
/// backslashes, control characters and invisible format characters are escaped, so that no
/// line break or bidi control hides inside a line.
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.push('"');
    if text.chars().any(needs_escape) {
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                _ => push_char_escaped(out, c),
            }
        }
    } else {
        out.push_str(text);
    }
    out.push('"');
}

fn push_char_escaped(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) && c != '"' => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '"' | '\\'
            | '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
    ) || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron_string(text: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, text);
        out
    }

    #[test]
    fn strings_escape_only_what_hides_or_breaks_a_line() {
        assert_eq!(ron_string("قال «5+5»"), "\"قال «5+5»\"");
        assert_eq!(ron_string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(ron_string("x\u{200F}y\u{7}"), r#""x\u{200f}y\u{7}""#);
        for text in [
            "قال «5+5»",
            "a\"b\\c\nd\r\t",
            "x\u{200F}\u{202E}y\u{0}\u{85}😀",
            "é\u{301}",
        ] {
            let parsed: String = ron::from_str(&ron_string(text)).expect("parses");
            assert_eq!(parsed, text);
        }
    }

    #[test]
    fn chars_round_trip() {
        for c in ['1', '\'', '\\', 'ش', '\n', '\u{200F}', '"'] {
            let mut out = String::new();
            push_char_option(&mut out, Some(c));
            let parsed: Option<char> = ron::from_str(&out).expect("parses");
            assert_eq!(parsed, Some(c), "{out}");
        }
    }
}
