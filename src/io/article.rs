//! Reading an article: detect its encoding, decode it strictly, normalize line ends. Every
//! offset Hashiya stores refers to the text this module returns.

use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, ISO_8859_6, UTF_8, UTF_16LE, WINDOWS_1256};

use crate::io::IoError;

/// Largest article Hashiya opens, 64 MiB: the window opens articles up to 20 MB within its
/// budget (the long-document workload is 1.5 MB), and a larger file is almost surely not an
/// article.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Legacy encodings accepted when a file is not valid UTF-8. Only Arabic ones: any single-byte
/// encoding decodes any bytes, so accepting every guess would turn binary files and wrong
/// guesses into silent mojibake instead of an error.
const LEGACY_ENCODINGS: [&Encoding; 2] = [WINDOWS_1256, ISO_8859_6];

/// An article as Hashiya sees it: decoded, with LF line ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedArticle {
    /// The normalized text: every CRLF and lone CR became LF, a byte order mark is removed.
    pub text: String,
    /// The detected encoding, for the status bar: `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`,
    /// `UTF-16BE`, `windows-1256` or `ISO-8859-6`.
    pub encoding: &'static str,
}

/// Reads and decodes the article at `path`.
pub fn load_article(path: &Path) -> Result<LoadedArticle, IoError> {
    let bytes = crate::io::read_limited(path, MAX_ARTICLE_BYTES)?;
    decode_article(&bytes).map_err(|e| e.with_path(path))
}

/// Decodes article bytes: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is UTF-8; else
/// chardetng must recognise Windows-1256 or ISO-8859-6. Bytes that do not decode are an error
/// naming their offset.
pub fn decode_article(bytes: &[u8]) -> Result<LoadedArticle, IoError> {
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let text = decode_strict(encoding, body).map_err(|offset| undecodable(bytes, offset + bom_len, encoding))?;
        let name = if encoding == UTF_8 {
            "UTF-8 with BOM"
        } else if encoding == UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        (text, name)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), "UTF-8"),
            Err(utf8_error) => decode_legacy(bytes, utf8_error.valid_up_to())?,
        }
    };
    if let Some(nul) = text.find('\0') {
        return Err(IoError::Undecodable {
            path: std::path::PathBuf::new(),
            message: format!(
                "it contains a NUL character (char {}): a binary file, or UTF-16 without a byte order mark",
                text[..nul].chars().count()
            ),
        });
    }
    Ok(LoadedArticle {
        text: normalize_line_ends(text),
        encoding,
    })
}

fn decode_legacy(bytes: &[u8], utf8_valid_up_to: usize) -> Result<(String, &'static str), IoError> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    if !LEGACY_ENCODINGS.contains(&guess) {
        let mut error = undecodable(bytes, utf8_valid_up_to, UTF_8);
        if let IoError::Undecodable { message, .. } = &mut error {
            message.push_str(", and it does not look like Arabic Windows-1256 or ISO-8859-6 (closest guess: ");
            message.push_str(guess.name());
            message.push(')');
        }
        return Err(error);
    }
    let text = decode_strict(guess, bytes).map_err(|offset| undecodable(bytes, offset, guess))?;
    Ok((text, guess.name()))
}

/// Decodes without replacement characters; the error is the byte offset of the first
/// malformed sequence.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .ok_or(0_usize)?;
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, after) => Err(read.saturating_sub(usize::from(bad) + usize::from(after))),
        DecoderResult::OutputFull => Err(read),
    }
}

fn undecodable(bytes: &[u8], offset: usize, encoding: &'static Encoding) -> IoError {
    let shown: Vec<String> = bytes.iter().skip(offset).take(4).map(|b| format!("{b:02X}")).collect();
    IoError::Undecodable {
        path: std::path::PathBuf::new(),
        message: format!(
            "the bytes at offset {offset} ({}) are not valid {}",
            shown.join(" "),
            encoding.name()
        ),
    }
}

/// CRLF and lone CR become LF, so offsets do not depend on the platform that wrote the file.
fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut normalized = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(cr) = rest.find('\r') {
        normalized.push_str(&rest[..cr]);
        normalized.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    normalized.push_str(rest);
    normalized
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = encoding.encode(text);
        assert!(!had_errors, "{} cannot encode the test text", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    /// ISO-8859-6 has no «», no … and no Arabic harakat beyond the basic ones the sample
    /// lacks, so the sample is adapted to what it can encode.
    fn iso_8859_6_sample() -> String {
        SAMPLE
            .replace(['«', '»'], "\"")
            .replace('…', "...")
            .replace('\u{64F}', "")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode_article(SAMPLE.as_bytes()).expect("decodes");
        assert_eq!((plain.text.as_str(), plain.encoding), (SAMPLE, "UTF-8"));
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let bom = decode_article(&with_bom).expect("decodes");
        assert_eq!((bom.text.as_str(), bom.encoding), (SAMPLE, "UTF-8 with BOM"));
    }

    #[test]
    fn utf16_with_bom_both_byte_orders() {
        let text = "قال 😀 الحداد\r\n«5+5»";
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let article = decode_article(&utf16(text, big_endian)).expect("decodes");
            assert_eq!(article.encoding, name);
            assert_eq!(article.text, "قال 😀 الحداد\n«5+5»");
        }
    }

    #[test]
    fn windows_1256_is_detected_and_converted() {
        let article = decode_article(&encode(WINDOWS_1256, SAMPLE)).expect("decodes");
        assert_eq!(article.encoding, "windows-1256");
        assert_eq!(article.text, SAMPLE);
        let short = "قال الفريق محمد الحداد إن الاجتماع كان مثمرا.";
        let article = decode_article(&encode(WINDOWS_1256, short)).expect("decodes");
        assert_eq!((article.text.as_str(), article.encoding), (short, "windows-1256"));
    }

    #[test]
    fn iso_8859_6_is_detected_and_converted() {
        let text = iso_8859_6_sample();
        let article = decode_article(&encode(ISO_8859_6, &text)).expect("decodes");
        assert_eq!(article.encoding, "ISO-8859-6");
        assert_eq!(article.text, text);
    }

    #[test]
    fn line_ends_become_lf() {
        let article = decode_article("a\r\nb\rc\n\r\nd\r".as_bytes()).expect("decodes");
        assert_eq!(article.text, "a\nb\nc\n\nd\n");
        let legacy = encode(WINDOWS_1256, "سطر\r\nسطر\rسطر");
        assert_eq!(decode_article(&legacy).expect("decodes").text, "سطر\nسطر\nسطر");
    }

    #[test]
    fn undecodable_bytes_are_clear_errors() {
        // A lone surrogate in UTF-16LE: offset 2 of the body, 4 of the file.
        let error = decode_article(&[0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]).expect_err("invalid");
        assert!(error.to_string().contains("not valid UTF-16LE"), "{error}");
        // Bad UTF-8 after a BOM names the offset in the file.
        let error = decode_article(b"\xEF\xBB\xBFab\xFF").expect_err("invalid");
        assert!(error.to_string().contains("offset 5 (FF)"), "{error}");
        // Latin-1 French is not an Arabic encoding: refused rather than guessed.
        let french = encode(
            encoding_rs::WINDOWS_1252,
            "Le général a déclaré à la presse qu'il était là.",
        );
        let error = decode_article(&french).expect_err("not Arabic");
        assert!(error.to_string().contains("does not look like Arabic"), "{error}");
        // Binary data.
        let error = decode_article(&[0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]).expect_err("binary");
        assert!(error.to_string().contains("NUL"), "{error}");
    }

    #[test]
    fn missing_file_names_the_path_last() {
        let error = load_article(Path::new("/nonexistent/x.txt")).expect_err("missing");
        assert!(error.to_string().ends_with(": /nonexistent/x.txt"), "{error}");
    }
}
