//! Conversion between Unicode scalar (char) offsets, used by files and exports, and UTF-8
//! byte offsets, used by Rust strings and the layout engine. Byte offsets never leave `text/`
//! except through this type.

/// How many chars lie between two checkpoints; a lookup scans at most this many chars.
const CHECKPOINT_EVERY: usize = 64;
/// Bytes counted at a time when building the index.
const COUNT_CHUNK: usize = 64;

/// An index over one text that converts char offsets to byte offsets and back in
/// O(log n + 64), for texts of any size (the long-document workload is 820,000 chars).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// Byte offset of every `CHECKPOINT_EVERY`-th char.
    checkpoints: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT_EVERY + 1);
        let mut char_len = 0;
        // The char count at which the next checkpoint is due.
        let mut due = 0;
        // Chars start at every byte that is not a UTF-8 continuation byte (10xxxxxx). Whole
        // chunks that hold no checkpoint are only counted, which the compiler vectorizes: the
        // index of a 20 MB article is built in a few milliseconds.
        let bytes = text.as_bytes();
        for (chunk_index, chunk) in bytes.chunks(COUNT_CHUNK).enumerate() {
            let starts = chunk.iter().filter(|&&b| !is_continuation(b)).count();
            if char_len + starts <= due {
                char_len += starts;
                continue;
            }
            for (within, &byte) in chunk.iter().enumerate() {
                if is_continuation(byte) {
                    continue;
                }
                if char_len == due {
                    checkpoints.push(chunk_index * COUNT_CHUNK + within);
                    due += CHECKPOINT_EVERY;
                }
                char_len += 1;
            }
        }
        Self {
            checkpoints,
            char_len,
            byte_len: text.len(),
        }
    }

    /// Number of chars (Unicode scalar values) in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of the char at `char_offset`; `char_len` maps to the text's byte length and
    /// anything past it is clamped there.
    #[must_use]
    pub fn byte_offset(&self, text: &str, char_offset: usize) -> usize {
        if char_offset >= self.char_len {
            return self.byte_len;
        }
        let checkpoint = char_offset / CHECKPOINT_EVERY;
        let from = self.checkpoints[checkpoint];
        let skip = char_offset - checkpoint * CHECKPOINT_EVERY;
        // Counting the bytes that start a char is cheaper than decoding the chars (the checks
        // look up both ends of 11,000 spans at every edit).
        text.as_bytes()[from..]
            .iter()
            .enumerate()
            .filter(|&(_, &byte)| !is_continuation(byte))
            .nth(skip)
            .map_or(self.byte_len, |(byte, _)| from + byte)
    }

    /// Char offset of the char that contains `byte_offset` (a byte inside a multi-byte char
    /// maps to that char); anything past the end maps to `char_len`.
    #[must_use]
    pub fn char_offset(&self, text: &str, byte_offset: usize) -> usize {
        if byte_offset >= self.byte_len {
            return self.char_len;
        }
        let checkpoint = self.checkpoints.partition_point(|&b| b <= byte_offset) - 1;
        let from = self.checkpoints[checkpoint];
        let within = text[from..]
            .char_indices()
            .take_while(|&(b, _)| from + b <= byte_offset)
            .count();
        checkpoint * CHECKPOINT_EVERY + within - 1
    }

    /// The byte range of a char range, clamped to the text.
    #[must_use]
    pub fn byte_range(&self, text: &str, char_range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.byte_offset(text, char_range.start)..self.byte_offset(text, char_range.end)
    }

    /// The slice of `text` covered by a char range (clamped; empty when reversed).
    #[must_use]
    pub fn slice<'t>(&self, text: &'t str, char_range: std::ops::Range<usize>) -> &'t str {
        let range = self.byte_range(text, char_range);
        if range.start > range.end {
            return "";
        }
        &text[range]
    }
}

/// Whether `byte` continues a multi-byte UTF-8 sequence (is not the start of a char).
fn is_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_and_emoji_offsets() {
        let text = "علقت 😀 5+5";
        let index = CharIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        assert_eq!(index.slice(text, 0..4), "علقت");
        assert_eq!(index.slice(text, 5..6), "😀");
        assert_eq!(index.slice(text, 7..10), "5+5");
        assert_eq!(index.char_offset(text, text.len()), index.char_len());
        // A byte in the middle of the emoji belongs to the emoji's char.
        let emoji_byte = text.find('😀').expect("emoji");
        assert_eq!(index.char_offset(text, emoji_byte + 2), 5);
    }

    proptest! {
        #[test]
        fn byte_and_char_offsets_round_trip(text in "[a-z ا-ي😀\u{0301}0-9]{0,300}") {
            let index = CharIndex::new(&text);
            let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            prop_assert_eq!(index.char_len(), bytes.len());
            for (char_offset, &byte_offset) in bytes.iter().enumerate() {
                prop_assert_eq!(index.byte_offset(&text, char_offset), byte_offset);
                prop_assert_eq!(index.char_offset(&text, byte_offset), char_offset);
            }
            prop_assert_eq!(index.byte_offset(&text, bytes.len()), text.len());
        }
    }
}
