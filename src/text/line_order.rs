//! The clusters of one laid-out line in screen order, with rule L1 of UAX #9 applied at the
//! line's end.
//!
//! Parley resets trailing whitespace to the paragraph level only at the end of a paragraph. At a
//! soft wrap, whitespace ending an embedded run (an Arabic word's space in a left-to-right
//! paragraph) stays inside that run and is drawn between the word and what precedes it. L1
//! says whitespace (and isolate, embedding and boundary-neutral marks) at the end of every
//! line takes the paragraph level: here it moves to the line's end edge, in the paragraph's
//! direction, and the rest of the line closes up.

use std::ops::Range;

use icu_properties::CodePointMapData;
use icu_properties::props::BidiClass;
use parley::Line;

use crate::text::block_layout::Brush;

/// One grapheme cluster of a line, where it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlacedCluster {
    /// Its bytes in the laid-out text.
    pub bytes: Range<usize>,
    /// Left edge.
    pub x0: f32,
    /// Width.
    pub advance: f32,
    /// Whether it runs right to left.
    pub rtl: bool,
    /// How far it moved from where parley put it.
    pub shift: f32,
}

impl PlacedCluster {
    /// Right edge.
    pub fn x1(&self) -> f32 {
        self.x0 + self.advance
    }
}

/// The clusters of `line` (of the laid-out `text`), left to right on screen, after rule L1.
pub(crate) fn placed_clusters(line: &Line<'_, Brush>, text: &str, paragraph_rtl: bool) -> Vec<PlacedCluster> {
    let metrics = line.metrics();
    let mut x = metrics.offset + metrics.inline_min_coord;
    let mut clusters = Vec::new();
    for run in line.runs() {
        for cluster in run.visual_clusters() {
            let advance = cluster.advance();
            clusters.push(PlacedCluster {
                bytes: cluster.text_range(),
                x0: x,
                advance,
                rtl: run.is_rtl(),
                shift: 0.0,
            });
            x += advance;
        }
    }
    let trailing = trailing_start(text, line.text_range());
    reorder_line_end(&mut clusters, trailing, paragraph_rtl);
    clusters
}

/// Byte offset where the whitespace (and the other chars L1 resets) at the end of the line
/// `range` of `text` starts; `range.end` when there is none.
fn trailing_start(text: &str, range: Range<usize>) -> usize {
    let classes = CodePointMapData::<BidiClass>::new();
    let Some(line) = text.get(range.clone()) else {
        return range.end;
    };
    let mut start = range.end;
    for (byte, ch) in line.char_indices().rev() {
        if !resets_at_line_end(classes.get(ch)) {
            break;
        }
        start = range.start + byte;
    }
    start
}

/// Bidi classes that rule L1 puts at the paragraph level at a line's end (with the chars that
/// rule X9 removes, which take the level of what surrounds them).
fn resets_at_line_end(class: BidiClass) -> bool {
    matches!(
        class,
        BidiClass::WhiteSpace
            | BidiClass::SegmentSeparator
            | BidiClass::ParagraphSeparator
            | BidiClass::FirstStrongIsolate
            | BidiClass::LeftToRightIsolate
            | BidiClass::RightToLeftIsolate
            | BidiClass::PopDirectionalIsolate
            | BidiClass::BoundaryNeutral
            | BidiClass::LeftToRightEmbedding
            | BidiClass::RightToLeftEmbedding
            | BidiClass::LeftToRightOverride
            | BidiClass::RightToLeftOverride
            | BidiClass::PopDirectionalFormat
    )
}

/// Moves the clusters starting at or after byte `trailing` to the line's end edge (the right
/// for a left-to-right paragraph, the left for a right-to-left one), in the paragraph's
/// direction, keeping the other clusters' order and the line's start edge.
fn reorder_line_end(clusters: &mut Vec<PlacedCluster>, trailing: usize, paragraph_rtl: bool) {
    let is_trailing = |cluster: &PlacedCluster| cluster.bytes.start >= trailing;
    let count = clusters.iter().filter(|c| is_trailing(c)).count();
    if count == 0 || already_at_end(clusters, count, trailing, paragraph_rtl) {
        return;
    }
    let (Some(left), Some(right)) = (clusters.first().map(|c| c.x0), clusters.last().map(PlacedCluster::x1)) else {
        return;
    };
    let (mut moved, kept): (Vec<PlacedCluster>, Vec<PlacedCluster>) = clusters.drain(..).partition(is_trailing);
    moved.sort_by_key(|cluster| cluster.bytes.start);
    if paragraph_rtl {
        moved.reverse();
    }
    for cluster in &mut moved {
        cluster.rtl = paragraph_rtl;
    }
    let mut order = if paragraph_rtl {
        moved.into_iter().chain(kept).collect::<Vec<_>>()
    } else {
        kept.into_iter().chain(moved).collect::<Vec<_>>()
    };
    // Close up from the start edge, which stays where parley aligned it.
    if paragraph_rtl {
        let mut x = right;
        for cluster in order.iter_mut().rev() {
            x -= cluster.advance;
            cluster.shift = x - cluster.x0;
            cluster.x0 = x;
        }
    } else {
        let mut x = left;
        for cluster in &mut order {
            cluster.shift = x - cluster.x0;
            cluster.x0 = x;
            x += cluster.advance;
        }
    }
    *clusters = order;
}

/// Whether the `count` trailing clusters already end the line in the paragraph's direction
/// (the usual case: parley puts them there when they are at the paragraph level).
fn already_at_end(clusters: &[PlacedCluster], count: usize, trailing: usize, paragraph_rtl: bool) -> bool {
    let end: Vec<&PlacedCluster> = if paragraph_rtl {
        clusters.iter().take(count).rev().collect()
    } else {
        clusters.iter().skip(clusters.len() - count).collect()
    };
    end.iter().all(|c| c.bytes.start >= trailing && c.rtl == paragraph_rtl)
        && end.windows(2).all(|pair| pair[0].bytes.start < pair[1].bytes.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(bytes: Range<usize>, x0: f32, advance: f32, rtl: bool) -> PlacedCluster {
        PlacedCluster {
            bytes,
            x0,
            advance,
            rtl,
            shift: 0.0,
        }
    }

    #[test]
    fn trailing_whitespace_of_an_embedded_run_moves_to_the_line_end() {
        // Left-to-right paragraph "( ab " where "ab " is right-to-left: on screen "(", " ",
        // "b", "a" (the space at the run's left end). L1 puts the space at the right end.
        let mut clusters = vec![
            cluster(0..1, 0.0, 5.0, false),
            cluster(3..4, 5.0, 4.0, true),
            cluster(2..3, 9.0, 10.0, true),
            cluster(1..2, 19.0, 10.0, true),
        ];
        reorder_line_end(&mut clusters, 3, false);
        let order: Vec<_> = clusters.iter().map(|c| (c.bytes.start, c.x0, c.rtl)).collect();
        assert_eq!(
            order,
            [(0, 0.0, false), (2, 5.0, true), (1, 15.0, true), (3, 25.0, false)]
        );
    }

    #[test]
    fn in_a_right_to_left_paragraph_it_moves_to_the_left_end() {
        // "ab " left-to-right inside a right-to-left line ending at x = 30.
        let mut clusters = vec![
            cluster(0..1, 6.0, 10.0, false),
            cluster(1..2, 16.0, 10.0, false),
            cluster(2..3, 26.0, 4.0, false),
        ];
        reorder_line_end(&mut clusters, 2, true);
        let order: Vec<_> = clusters.iter().map(|c| (c.bytes.start, c.x0, c.rtl)).collect();
        assert_eq!(order, [(2, 6.0, true), (0, 10.0, false), (1, 20.0, false)]);
    }

    #[test]
    fn whitespace_already_at_the_end_stays() {
        let original = vec![cluster(0..1, 0.0, 10.0, false), cluster(1..2, 10.0, 4.0, false)];
        let mut clusters = original.clone();
        reorder_line_end(&mut clusters, 1, false);
        assert_eq!(clusters, original);
    }

    #[test]
    fn finds_the_trailing_whitespace() {
        assert_eq!(trailing_start("ab  ", 0..4), 2);
        assert_eq!(trailing_start("ab", 0..2), 2);
        assert_eq!(trailing_start("a \u{2069} ", 0..6), 1);
    }
}
