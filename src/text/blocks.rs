//! Cutting a text into layout blocks: one per paragraph ('\n'-separated), and long paragraphs
//! cut further at sentence ends so that no block is laid out in one huge piece (an
//! 820,000-char paragraph). These are nominal cuts: when laid out, a block that continues a
//! paragraph starts at the previous block's last line and breaks it again (see
//! [`DocumentLayout`](crate::text::DocumentLayout)), so the cuts leave no seam. The bidi
//! algorithm runs per block with the paragraph's direction.

use std::ops::Range;

use crate::text::marks::{MAX_CLUSTER_MARKS, is_mark};

/// Paragraphs longer than this are cut into blocks.
pub const MAX_BLOCK_CHARS: usize = 2000;
/// A sentence end earlier than this fraction of the limit is not used as a cut (blocks stay
/// large enough that their count stays small).
const MIN_BLOCK_FRACTION: usize = 4;

/// A piece of text laid out on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockExtent {
    /// Char range of the block's text (never includes a '\n', except in a run of empty
    /// paragraphs: their newlines but the last).
    pub chars: Range<usize>,
    /// Byte range of the same text.
    pub bytes: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// Whether a '\n' follows the block (it then ends its paragraph and the newline belongs to
    /// its last line's char range).
    pub newline_after: bool,
    /// Whether the block ends its paragraph.
    pub ends_paragraph: bool,
    /// For a run of consecutive empty paragraphs (one block, laid out without shaping): how
    /// many; 0 for a block of text.
    pub empty_paragraphs: usize,
}

/// Cuts `text` into blocks of at most `max_block_chars` chars in reading order, covering every
/// char except the newlines that end paragraphs; consecutive empty paragraphs become one
/// block.
#[must_use]
pub fn split_blocks(text: &str, max_block_chars: usize) -> Vec<BlockExtent> {
    let max_block_chars = max_block_chars.max(2);
    let mut blocks = Vec::new();
    let mut byte_start = 0;
    let mut char_start = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        let byte_end = byte_start + line.len();
        let newline_after = byte_end < text.len();
        if line.is_empty() {
            push_empty(&mut blocks, paragraph, byte_start, char_start, newline_after);
            char_start += 1;
            byte_start = byte_end + 1;
            continue;
        }
        let place = ParagraphPlace {
            paragraph,
            byte_base: byte_start,
            char_base: char_start,
            newline_after,
        };
        let line_chars = line.chars().count();
        if line_chars <= max_block_chars {
            // Most paragraphs fit in one block: no need to look for a cut char by char (a
            // 20 MB article of ordinary paragraphs is cut in a few milliseconds).
            blocks.push(BlockExtent {
                chars: char_start..char_start + line_chars,
                bytes: byte_start..byte_end,
                paragraph,
                newline_after,
                ends_paragraph: true,
                empty_paragraphs: 0,
            });
        } else {
            split_paragraph(line, &place, max_block_chars, &mut blocks);
        }
        char_start += line_chars + 1;
        byte_start = byte_end + 1;
    }
    blocks
}

/// Adds an empty paragraph: to the run of empty paragraphs just before it, if any.
fn push_empty(
    blocks: &mut Vec<BlockExtent>,
    paragraph: usize,
    byte_start: usize,
    char_start: usize,
    newline_after: bool,
) {
    if let Some(run) = blocks.last_mut().filter(|b| b.empty_paragraphs > 0 && b.newline_after) {
        // The newline after the run's last paragraph is now inside the run.
        run.chars.end = char_start;
        run.bytes.end = byte_start;
        run.empty_paragraphs += 1;
        run.newline_after = newline_after;
        return;
    }
    blocks.push(BlockExtent {
        chars: char_start..char_start,
        bytes: byte_start..byte_start,
        paragraph,
        newline_after,
        ends_paragraph: true,
        empty_paragraphs: 1,
    });
}

/// Where a paragraph lies in the text.
struct ParagraphPlace {
    paragraph: usize,
    byte_base: usize,
    char_base: usize,
    newline_after: bool,
}

fn split_paragraph(line: &str, place: &ParagraphPlace, max_block_chars: usize, blocks: &mut Vec<BlockExtent>) {
    let (byte_base, char_base) = (place.byte_base, place.char_base);
    let mut byte_from = 0;
    let mut char_from = 0;
    loop {
        let rest = &line[byte_from..];
        let (cut_bytes, cut_chars) = find_cut(rest, max_block_chars);
        let last = cut_bytes == rest.len();
        blocks.push(BlockExtent {
            chars: char_base + char_from..char_base + char_from + cut_chars,
            bytes: byte_base + byte_from..byte_base + byte_from + cut_bytes,
            paragraph: place.paragraph,
            newline_after: last && place.newline_after,
            ends_paragraph: last,
            empty_paragraphs: 0,
        });
        if last {
            return;
        }
        byte_from += cut_bytes;
        char_from += cut_chars;
    }
}

/// Where the first block of `rest` ends, as (bytes, chars): all of it when short enough, else
/// after the last sentence end (with its following spaces) in the allowed window, else after
/// the last space, else at the limit (not inside a run of combining marks).
fn find_cut(rest: &str, max_block_chars: usize) -> (usize, usize) {
    let min_block_chars = max_block_chars / MIN_BLOCK_FRACTION;
    let mut sentence_cut = None;
    let mut space_cut = None;
    let mut after_sentence_end = false;
    for (chars, (byte, ch)) in rest.char_indices().enumerate() {
        if chars == max_block_chars {
            let fallback = backtrack_marks(rest, byte, chars);
            return sentence_cut.or(space_cut).unwrap_or(fallback);
        }
        let after = (byte + ch.len_utf8(), chars + 1);
        if ch.is_whitespace() {
            space_cut = Some(after);
            // Spaces after a sentence end stay with it; the next block starts at a letter.
            if after_sentence_end && after.1 >= min_block_chars {
                sentence_cut = Some(after);
            }
        } else {
            after_sentence_end = ends_sentence(ch) || (after_sentence_end && closes_quote(ch));
        }
    }
    (rest.len(), rest.chars().count())
}

fn ends_sentence(ch: char) -> bool {
    matches!(ch, '.' | '!' | '?' | '؟' | '؛' | '۔' | '…')
}

fn closes_quote(ch: char) -> bool {
    matches!(ch, '»' | '"' | '”' | ')' | '\'')
}

/// Moves a forced cut back over combining marks so a base letter keeps its marks (a run
/// longer than the marks shown, [`MAX_CLUSTER_MARKS`], is cut where it is).
fn backtrack_marks(rest: &str, byte: usize, chars: usize) -> (usize, usize) {
    let run = rest[..byte]
        .chars()
        .rev()
        .take(MAX_CLUSTER_MARKS + 1)
        .take_while(|&ch| is_mark(ch))
        .count();
    if run > MAX_CLUSTER_MARKS {
        return (byte, chars);
    }
    let mut cut = (byte, chars);
    for ch in rest[..byte].chars().rev() {
        if cut.1 <= 1 || !is_mark(ch) {
            break;
        }
        cut = (cut.0 - ch.len_utf8(), cut.1 - 1);
    }
    // The char at the cut itself may be a mark: then the base before it moves too.
    if rest[cut.0..].chars().next().is_some_and(is_mark) && cut.1 > 1 {
        let base = rest[..cut.0].chars().next_back().map_or(0, char::len_utf8);
        cut = (cut.0 - base, cut.1 - 1);
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_tiling(text: &str, blocks: &[BlockExtent]) {
        let mut next_char = 0;
        for block in blocks {
            assert_eq!(block.chars.start, next_char, "blocks tile the text");
            assert_eq!(text[block.bytes.clone()].chars().count(), block.chars.len());
            let newlines = text[block.bytes.clone()].matches('\n').count();
            assert_eq!(newlines, block.empty_paragraphs.saturating_sub(1));
            assert!(block.empty_paragraphs > 0 || block.chars.len() <= MAX_BLOCK_CHARS);
            next_char = block.chars.end + usize::from(block.newline_after);
        }
        assert_eq!(next_char, text.chars().count());
    }

    #[test]
    fn paragraphs_become_blocks() {
        let text = "علقت\n\nHello world\n";
        let blocks = split_blocks(text, MAX_BLOCK_CHARS);
        check_tiling(text, &blocks);
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[1].chars, 5..5);
        assert!(blocks[2].newline_after && blocks[2].ends_paragraph);
        assert!(!blocks[3].newline_after && blocks[3].chars.is_empty());
    }

    #[test]
    fn runs_of_empty_paragraphs_are_one_block() {
        let text = format!("a\n{}b\n\n", "\n".repeat(100_000));
        let blocks = split_blocks(&text, MAX_BLOCK_CHARS);
        check_tiling(&text, &blocks);
        let empty: Vec<usize> = blocks.iter().map(|b| b.empty_paragraphs).collect();
        assert_eq!(empty, [0, 100_000, 0, 2]);
    }

    #[test]
    fn long_paragraph_is_cut_after_sentence_ends() {
        let sentence = "وأكد قادة الجيش الليبي في البيان رفضهم التام. ";
        let text = sentence.repeat(200);
        let blocks = split_blocks(&text, MAX_BLOCK_CHARS);
        check_tiling(&text, &blocks);
        assert!(blocks.len() > 4);
        for block in &blocks[..blocks.len() - 1] {
            let block_text = &text[block.bytes.clone()];
            assert!(block_text.ends_with(". "), "cut after a sentence: {block_text:?}");
            assert!(block.chars.len() >= MAX_BLOCK_CHARS / MIN_BLOCK_FRACTION);
            assert!(!block.ends_paragraph);
        }
    }

    #[test]
    fn text_without_spaces_is_cut_at_the_limit_outside_marks() {
        let text = "بَ".repeat(3000);
        let blocks = split_blocks(&text, MAX_BLOCK_CHARS);
        check_tiling(&text, &blocks);
        for block in &blocks {
            assert!(!text[block.bytes.clone()].starts_with('\u{064e}'));
        }
    }
}
