//! Caret movement in visual order on the article's lines: → moves to the next caret position
//! to the right on screen whatever the direction of the text under it (in a right-to-left
//! line, back in the text), across direction changes in one step, and on to the next or
//! previous line at a line's end. Positions carry an affinity: at an Arabic/Latin boundary one
//! char offset has two places on screen.

use crate::text::{Affinity, DocumentLayout, VisualLine, WordEdge};

/// A caret: a char boundary and the side it belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Caret {
    /// Unicode scalar offset of the boundary.
    pub char_offset: usize,
    /// Which char it sticks to where the two sides are drawn apart.
    pub affinity: Affinity,
}

impl Caret {
    /// A caret before the char at `char_offset`.
    #[must_use]
    pub fn downstream(char_offset: usize) -> Self {
        Self {
            char_offset,
            affinity: Affinity::Downstream,
        }
    }

    fn upstream(char_offset: usize) -> Self {
        Self {
            char_offset,
            affinity: Affinity::Upstream,
        }
    }
}

/// The caret positions of a line from left to right on screen. Where two runs meet, the
/// right edge of one and the left edge of the next are one place on screen: they make one
/// stop, given as the left run's position then the right run's.
#[must_use]
pub fn visual_stops(line: &VisualLine) -> Vec<Vec<Caret>> {
    let mut stops: Vec<Vec<Caret>> = Vec::new();
    for run in line.runs.iter().filter(|run| !run.chars.is_empty()) {
        let (start, end) = (run.chars.start, run.chars.end);
        // The run's caret positions left to right: its left edge, the inner boundaries, its
        // right edge. An edge sticks to the run's char next to it.
        let positions: Vec<Caret> = if run.rtl {
            std::iter::once(Caret::upstream(end))
                .chain((start + 1..end).rev().map(Caret::downstream))
                .chain(std::iter::once(Caret::downstream(start)))
                .collect()
        } else {
            std::iter::once(Caret::downstream(start))
                .chain((start + 1..end).map(Caret::downstream))
                .chain(std::iter::once(Caret::upstream(end)))
                .collect()
        };
        let mut positions = positions.into_iter();
        match (stops.last_mut(), positions.next()) {
            (Some(joint), Some(left_edge)) => joint.push(left_edge),
            (None, Some(left_edge)) => stops.push(vec![left_edge]),
            (_, None) => {}
        }
        stops.extend(positions.map(|caret| vec![caret]));
    }
    if stops.is_empty() {
        // An empty line (an empty paragraph): one place.
        stops.push(vec![Caret::downstream(line.chars.start)]);
    }
    stops
}

/// Where `caret` is among `stops`: the stop holding it (its affinity preferred, then the
/// offset alone).
fn stop_index(stops: &[Vec<Caret>], caret: Caret) -> Option<usize> {
    stops.iter().position(|stop| stop.contains(&caret)).or_else(|| {
        stops
            .iter()
            .position(|stop| stop.iter().any(|c| c.char_offset == caret.char_offset))
    })
}

/// The caret one place to the right (`right`) or left of `caret` on screen; at a line's end,
/// the next line's near end in reading order (for a right-to-left paragraph, → at the right
/// end goes to the end of the line above). `None` at the text's first or last place.
pub fn move_visually(layout: &mut DocumentLayout, caret: Caret, right: bool) -> Option<Caret> {
    let line = line_of_caret(layout, caret)?;
    let stops = visual_stops(&line);
    let index = stop_index(&stops, caret).unwrap_or(0);
    let next = if right {
        index.checked_add(1)
    } else {
        index.checked_sub(1)
    };
    if let Some(stop) = next.and_then(|n| stops.get(n)) {
        // At a joint, the position of the run the caret comes from, next to where it was in
        // the text (so that Shift+arrow selects what the caret passed over).
        let caret = if right { stop.first() } else { stop.last() };
        return caret.copied();
    }
    // Off the line: forward in reading order when moving the way the paragraph reads.
    let forward = right != line.rtl;
    let neighbour = if forward {
        layout.line_of_char(line.chars.end).filter(|next| next.id != line.id)
    } else {
        line.chars
            .start
            .checked_sub(1)
            .and_then(|before| layout.line_of_char(before))
    }?;
    let stops = visual_stops(&neighbour);
    // Entering from the right edge takes the line's rightmost place, and from the left edge
    // its leftmost.
    let stop = if right { stops.first() } else { stops.last() }?;
    if right { stop.last() } else { stop.first() }.copied()
}

/// A caret movement by key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Motion {
    /// One place left or right on screen (← / →).
    Horizontal {
        /// Towards the right.
        right: bool,
    },
    /// One word left or right on screen (Ctrl+← / Ctrl+→): in a right-to-left paragraph →
    /// goes to the start of the word before, in a left-to-right one to the end of the next.
    Word {
        /// Towards the right.
        right: bool,
    },
    /// To the line above or below, at the same x (↑ / ↓).
    Vertical {
        /// Downwards.
        down: bool,
    },
    /// Down or up by this many pixels, at the same x (Page Down / Page Up).
    Page {
        /// Downwards.
        down: bool,
        /// The height of a page.
        height: f32,
    },
    /// The logical start or end of the line (Home / End).
    LineEdge {
        /// The end.
        end: bool,
    },
    /// The start or end of the text (Ctrl+Home / Ctrl+End).
    TextEdge {
        /// The end.
        end: bool,
    },
}

/// Where `caret` goes by `motion`; it stays where it is when it cannot move.
pub fn move_caret(layout: &mut DocumentLayout, caret: Caret, motion: Motion) -> Caret {
    let len = layout.char_len();
    let moved = match motion {
        Motion::Horizontal { right } => move_visually(layout, caret, right),
        Motion::Word { right } => {
            let rtl = line_of_caret(layout, caret).is_some_and(|line| line.rtl);
            let words = layout.words();
            let offset = if right == rtl {
                words.prev_word_boundary(caret.char_offset, WordEdge::Start)
            } else {
                words.next_word_boundary(caret.char_offset, WordEdge::End)
            };
            Some(if right == rtl {
                Caret::downstream(offset)
            } else {
                Caret::upstream(offset)
            })
        }
        Motion::Vertical { down } => vertical(layout, caret, down, 1.0),
        Motion::Page { down, height } => vertical(layout, caret, down, height.max(1.0)),
        Motion::LineEdge { end } => line_bounds(layout, caret).map(|(start, stop)| if end { stop } else { start }),
        Motion::TextEdge { end } => Some(if end {
            Caret::upstream(len)
        } else {
            Caret::downstream(0)
        }),
    };
    moved.unwrap_or(caret)
}

/// The caret `distance` pixels past the edge of its line, up or down, at the same x.
fn vertical(layout: &mut DocumentLayout, caret: Caret, down: bool, distance: f32) -> Option<Caret> {
    let x = caret_x(layout, caret)?;
    let line = line_of_caret(layout, caret)?;
    let y = if down {
        line.y1 + distance - 0.5
    } else {
        line.y0 - distance + 0.5
    };
    let height = layout.height();
    if (!down && line.y0 <= 0.0) || (down && line.y1 >= height) {
        return None;
    }
    let hit = layout.hit(x, y.clamp(0.0, (height - 0.5).max(0.0)));
    Some(Caret {
        char_offset: hit.caret_offset,
        affinity: hit.affinity,
    })
}

/// The visual line a caret is drawn on: an upstream caret at a line's end stays on that line.
pub fn line_of_caret(layout: &mut DocumentLayout, caret: Caret) -> Option<VisualLine> {
    let on = match caret.affinity {
        Affinity::Upstream if caret.char_offset > 0 => caret.char_offset - 1,
        _ => caret.char_offset,
    };
    layout.line_of_char(on)
}

/// The logical start and end of the line a caret is on (its trailing newline left out):
/// Home and End.
pub fn line_bounds(layout: &mut DocumentLayout, caret: Caret) -> Option<(Caret, Caret)> {
    let line = line_of_caret(layout, caret)?;
    let text_end = layout.char_len();
    let mut end = line.chars.end.min(text_end);
    if end > line.chars.start && layout.char_index().slice(layout.text(), end - 1..end) == "\n" {
        end -= 1;
    }
    Some((Caret::downstream(line.chars.start), Caret::upstream(end)))
}

/// The x of a caret on its line, in layout coordinates: the edge of the char it sticks to.
pub fn caret_x(layout: &mut DocumentLayout, caret: Caret) -> Option<f32> {
    let line = line_of_caret(layout, caret)?;
    for run in &line.runs {
        let (start, end) = (run.chars.start, run.chars.end);
        let at_edge = |offset: usize| match caret.affinity {
            Affinity::Downstream => offset == caret.char_offset && caret.char_offset < end,
            Affinity::Upstream => offset == caret.char_offset && caret.char_offset > start,
        };
        if at_edge(start) {
            return Some(if run.rtl { run.x1 } else { run.x0 });
        }
        if at_edge(end) {
            return Some(if run.rtl { run.x0 } else { run.x1 });
        }
        if start < caret.char_offset && caret.char_offset < end {
            let rects = layout.rects(caret.char_offset..caret.char_offset + 1);
            let rect = rects.first()?;
            return Some(if run.rtl { rect.x1 } else { rect.x0 });
        }
    }
    // Only the newline or nothing: the line's start side.
    line.runs.first().map(|run| {
        if line.rtl {
            run.x1.max(line.runs.last().map_or(run.x1, |r| r.x1))
        } else {
            run.x0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LineId, VisualRun};

    fn run(chars: std::ops::Range<usize>, rtl: bool, x0: f32) -> VisualRun {
        let width = chars.len() as f32 * 10.0;
        VisualRun {
            chars,
            rtl,
            x0,
            x1: x0 + width,
        }
    }

    /// «قال 2020 له» in an RTL paragraph: screen order left to right is «له» (9..11), the
    /// space (8..9), «2020» (4..8, LTR), the space, «قال» (0..3).
    fn mixed_line() -> VisualLine {
        VisualLine {
            id: LineId::default(),
            chars: 0..11,
            y0: 0.0,
            y1: 20.0,
            baseline: 15.0,
            rtl: true,
            runs: vec![run(8..11, true, 0.0), run(4..8, false, 30.0), run(0..4, true, 70.0)],
        }
    }

    fn offsets(stops: &[Vec<Caret>]) -> Vec<Vec<usize>> {
        stops
            .iter()
            .map(|s| s.iter().map(|c| c.char_offset).collect())
            .collect()
    }

    #[test]
    fn stops_run_left_to_right_on_screen_with_one_stop_per_joint() {
        let stops = visual_stops(&mixed_line());
        // Left to right: the end of the paragraph (11), back through «له» to 8, where «2020»
        // starts (LTR: 4 on its left); through 5, 6, 7 to 8 on its right, which is the same
        // place as 4 where the RTL run «قال » starts its left edge; on to 0 at the right end.
        assert_eq!(
            offsets(&stops),
            [
                vec![11],
                vec![10],
                vec![9],
                vec![8, 4],
                vec![5],
                vec![6],
                vec![7],
                vec![8, 4],
                vec![3],
                vec![2],
                vec![1],
                vec![0]
            ]
        );
        // The two 8s are two places on screen: one sticks to «له», the other to «2020».
        assert_eq!(stops[3][0], Caret::downstream(8));
        assert_eq!(stops[7][0], Caret::upstream(8));
        assert_eq!(stops[3][1], Caret::downstream(4));
        assert_eq!(stops[7][1], Caret::upstream(4));
    }

    #[test]
    fn a_left_to_right_line_has_its_offsets_in_order() {
        let line = VisualLine {
            rtl: false,
            runs: vec![run(0..3, false, 0.0)],
            ..mixed_line()
        };
        assert_eq!(offsets(&visual_stops(&line)), [vec![0], vec![1], vec![2], vec![3]]);
    }

    /// Every caret position reached from `from` pressing one arrow until it stops.
    fn walk(layout: &mut DocumentLayout, from: Caret, right: bool) -> Vec<usize> {
        let mut seen = vec![from.char_offset];
        let mut caret = from;
        while let Some(next) = move_visually(layout, caret, right) {
            caret = next;
            seen.push(caret.char_offset);
            assert!(seen.len() < 500, "the walk does not end: {seen:?}");
        }
        seen
    }

    #[test]
    fn arrows_walk_every_boundary_of_a_laid_out_text_in_both_directions() {
        use crate::text::{Direction, LayoutParams};
        // Two paragraphs; the first wraps, and holds digits and Latin inside Arabic.
        let text = "قال الفريق إن 2020 كان عام NATO والجيش موحد\nسطر ثان";
        let params = LayoutParams {
            width: 160.0,
            font_size: 20.0,
            direction: Direction::Rtl,
        };
        let mut layout = DocumentLayout::new(text, params);
        layout.layout_all();
        let len = text.chars().count();
        // ← in right-to-left paragraphs reads forward: from the start it reaches the end.
        let forward = walk(&mut layout, Caret::downstream(0), false);
        assert_eq!(forward.last(), Some(&len), "{forward:?}");
        let backward = walk(&mut layout, Caret::upstream(len), true);
        assert_eq!(backward.last(), Some(&0), "{backward:?}");
        // A joint of two runs is one place with two offsets: each walk takes one of them (the
        // one next to where the caret came from), so the two walks together reach every
        // boundary, and each walk reaches every place once.
        let mut reached: Vec<usize> = forward.iter().chain(&backward).copied().collect();
        reached.sort_unstable();
        reached.dedup();
        assert_eq!(reached, (0..=len).collect::<Vec<_>>());
        assert_eq!(forward.len(), backward.len(), "{forward:?} {backward:?}");
        // Inside «2020» (LTR in RTL), ← moves back in the text: visual order, not logical.
        let year = text.chars().take_while(|&c| c != '2').count();
        let inside = Caret::downstream(year + 2);
        let moved = move_visually(&mut layout, inside, false).expect("moves");
        assert_eq!(moved.char_offset, year + 1);
    }

    #[test]
    fn words_lines_and_text_edges() {
        use crate::text::{Direction, LayoutParams};
        let text = "قال الفريق محمد الحداد إن الجيش موحد\nEnglish words here";
        let params = LayoutParams {
            width: 150.0,
            font_size: 20.0,
            direction: Direction::Auto,
        };
        let mut layout = DocumentLayout::new(text, params);
        layout.layout_all();
        let start = Caret::downstream(0);
        // Ctrl+← in Arabic reads forward: to the end of «قال»; Ctrl+→ back to its start.
        let word_end = move_caret(&mut layout, start, Motion::Word { right: false });
        assert_eq!(word_end, Caret::upstream(3));
        assert_eq!(move_caret(&mut layout, word_end, Motion::Word { right: true }), start);
        // End: the end of the first visual line (it wraps before the newline).
        let first_line = layout.line_of_char(0).expect("a line");
        let end = move_caret(&mut layout, start, Motion::LineEdge { end: true });
        assert_eq!(end.char_offset, first_line.chars.end);
        assert!(end.char_offset < 36, "the paragraph wraps");
        // ↓ goes to the next line, ↑ back to the first.
        let below = move_caret(&mut layout, start, Motion::Vertical { down: true });
        assert!(below.char_offset >= first_line.chars.end, "{below:?}");
        let above = move_caret(&mut layout, below, Motion::Vertical { down: false });
        assert!(first_line.chars.contains(&above.char_offset) || above.char_offset == first_line.chars.end);
        assert_eq!(
            move_caret(&mut layout, start, Motion::Vertical { down: false }),
            start,
            "no line above"
        );
        // The English paragraph reads left to right: Ctrl+→ goes to the end of the next word.
        let english = text.find("English").map(|b| text[..b].chars().count()).expect("there");
        let after = move_caret(&mut layout, Caret::downstream(english), Motion::Word { right: true });
        assert_eq!(after, Caret::upstream(english + "English".len()));
        let len = text.chars().count();
        assert_eq!(
            move_caret(&mut layout, start, Motion::TextEdge { end: true }),
            Caret::upstream(len)
        );
        assert_eq!(
            move_caret(&mut layout, Caret::upstream(len), Motion::TextEdge { end: false }),
            start
        );
    }
}
