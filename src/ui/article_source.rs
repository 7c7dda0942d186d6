//! Reading an article from disk.
//!
//! TEMPORARY, the one place that reads article files: UTF-8 only, via `std`. It is to be
//! replaced by `io::article` (encoding detection, line-end normalization) once that lands;
//! callers (the window and `hashiya debug`) go through [`read_article_text`] only.

use std::path::Path;

/// Reads a UTF-8 text file as an article text: a leading byte-order mark is dropped and
/// CRLF / CR line ends become LF, as `model::Document` expects.
pub fn read_article_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).map_err(|error| anyhow::anyhow!("{error}: {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "not UTF-8 text (invalid byte at {}): {}",
            error.utf8_error().valid_up_to(),
            path.display()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_normalizes_and_reports_errors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "\u{feff}علقت\r\nHello\rx").expect("write");
        assert_eq!(read_article_text(&path).expect("reads"), "علقت\nHello\nx");
        std::fs::write(&path, [0xff, 0xfe, 0x41]).expect("write");
        let error = read_article_text(&path).expect_err("not UTF-8").to_string();
        assert!(
            error.starts_with("not UTF-8 text") && error.ends_with("a.txt"),
            "{error}"
        );
        let missing = read_article_text(&dir.path().join("missing.txt")).expect_err("missing");
        assert!(missing.to_string().contains("missing.txt"));
    }
}
