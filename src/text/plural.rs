//! Counts in English messages: «1 span», «2 spans», never «1 spans».

/// `count` followed by `one` or `many`: `counted(1, "span", "spans")` is `1 span`.
#[must_use]
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_everything_else_plural() {
        assert_eq!(counted(1, "span", "spans"), "1 span");
        assert_eq!(counted(0, "span", "spans"), "0 spans");
        assert_eq!(counted(2, "document", "documents"), "2 documents");
    }
}
