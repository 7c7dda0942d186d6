//! How label names are written where a format restricts them, and read back.

/// The `CoNLL` tag type of a label: whitespace becomes `_`, so that `Agreed action` is
/// written `B-Agreed_action` and whitespace-splitting readers see one column.
#[must_use]
pub fn tag_name(label: &str) -> String {
    label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// brat's storage form of a type name: brat accepts only `[A-Za-z0-9_-]` in annotation files
/// and `annotation.conf` (it warns and rewrites anything else), so every other char becomes
/// `_`. `Agreed action` → `Agreed_action`. Uniqueness is handled by
/// [`crate::export::brat::BratNames`].
#[must_use]
pub fn storage_name(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Whether a char ends a line for Python's `str.splitlines` (which brat uses to read files):
/// such chars must never appear inside one line of a line-based format.
#[must_use]
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_spaces() {
        assert_eq!(tag_name("Agreed action"), "Agreed_action");
        assert_eq!(tag_name("فاعل رئيسي"), "فاعل_رئيسي");
        assert_eq!(storage_name("Agreed action"), "Agreed_action");
        assert_eq!(storage_name("B-5+5"), "B-5_5");
        assert_eq!(storage_name("فاعل"), "____");
        assert!(is_line_break('\u{2028}') && !is_line_break('\t'));
    }
}
