//! Where the label picker of a fresh selection goes: next to the selection, over as little of
//! the text being read as possible. The selection's next line matters most (the reader goes on
//! there), then any text; the picker never covers the selection and stays inside the article.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Space between the selection and the picker.
const GAP: f32 = 4.0;

/// The picker's rectangle for a picker of `size`, given the screen rectangles of the selection
/// (in reading order, one per line run), of the text around it (lines before and after, the
/// selection's own lines included) and the area it must stay in.
///
/// Candidates, in order of preference: under the selection's last line, over its first line,
/// beside its last line (both sides), under and over at the other horizontal alignment; each
/// is clamped into `bounds`. The first that covers no text wins; when every one covers some,
/// the first that covers none of the next line and not the selection itself.
#[must_use]
pub fn picker_rect(size: Vec2, selection: &[Rect], text: &[Rect], bounds: Rect) -> Option<Rect> {
    let first = *selection.first()?;
    let last = *selection.last()?;
    let next_line: Vec<Rect> = text.iter().copied().filter(|r| r.center().y > last.max.y).collect();
    let candidates = [
        pos2(last.min.x, last.max.y + GAP),
        pos2(first.min.x, first.min.y - GAP - size.y),
        pos2(last.min.x - GAP - size.x, last.center().y - size.y / 2.0),
        pos2(last.max.x + GAP, last.center().y - size.y / 2.0),
        pos2(last.max.x - size.x, last.max.y + GAP),
        pos2(first.max.x - size.x, first.min.y - GAP - size.y),
    ];
    candidates
        .iter()
        .map(|&min| clamp_into(Rect::from_min_size(min, size), bounds))
        .enumerate()
        .min_by_key(|&(order, rect)| {
            let covers = |rects: &[Rect]| rects.iter().any(|r| r.intersects(rect));
            (covers(selection), covers(&next_line), covers(text), order)
        })
        .map(|(_, rect)| rect)
}

/// `rect` moved (not resized) to lie inside `bounds` where it fits; the top-left corner wins
/// when it is larger.
fn clamp_into(rect: Rect, bounds: Rect) -> Rect {
    let max = bounds.max - rect.size();
    let min = Pos2::new(
        rect.min.x.min(max.x).max(bounds.min.x),
        rect.min.y.min(max.y).max(bounds.min.y),
    );
    Rect::from_min_size(min, rect.size())
}

/// A size for a picker not measured yet (its first frame).
pub const ESTIMATED_SIZE: Vec2 = vec2(280.0, 36.0);

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: f32 = 30.0;
    const SIZE: Vec2 = vec2(120.0, 26.0);

    fn bounds() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(600.0, 400.0))
    }

    /// A full line of text, `n` lines from the top.
    fn line(n: f32) -> Rect {
        Rect::from_min_max(pos2(20.0, n * LINE), pos2(580.0, n * LINE + 24.0))
    }

    fn word_on(n: f32) -> Rect {
        Rect::from_min_max(pos2(300.0, n * LINE), pos2(360.0, n * LINE + 24.0))
    }

    #[test]
    fn below_when_the_next_line_is_free_there() {
        // The selection is on the last line of a paragraph; a blank line follows.
        let text = [line(3.0), line(4.0), line(6.0)];
        let rect = picker_rect(SIZE, &[word_on(4.0)], &text, bounds()).expect("a place");
        assert!(rect.min.y >= word_on(4.0).max.y, "{rect:?}");
        assert!(text.iter().all(|t| !t.intersects(rect)), "{rect:?}");
    }

    #[test]
    fn never_over_the_next_line_when_above_is_possible() {
        let text = [line(3.0), line(4.0), line(5.0)];
        let rect = picker_rect(SIZE, &[word_on(4.0)], &text, bounds()).expect("a place");
        assert!(!rect.intersects(line(5.0)), "{rect:?}");
        assert!(!rect.intersects(word_on(4.0)), "{rect:?}");
        assert!(bounds().contains_rect(rect));
    }

    #[test]
    fn beside_the_selection_when_its_line_ends_there() {
        // The selection ends a short line (left-to-right); lines above and below are full.
        let short = Rect::from_min_max(pos2(20.0, 4.0 * LINE), pos2(200.0, 4.0 * LINE + 24.0));
        let selection = Rect::from_min_max(pos2(140.0, 4.0 * LINE), pos2(200.0, 4.0 * LINE + 24.0));
        let text = [line(3.0), short, line(5.0)];
        let rect = picker_rect(SIZE, &[selection], &text, bounds()).expect("a place");
        assert!(text.iter().all(|t| !t.intersects(rect)), "{rect:?}");
    }

    #[test]
    fn stays_inside_the_article_at_its_edges() {
        // The selection at the top right corner: above is out, right of it is out.
        let selection = Rect::from_min_max(pos2(540.0, 0.0), pos2(598.0, 24.0));
        let text = [Rect::from_min_max(pos2(20.0, 0.0), pos2(598.0, 24.0)), line(1.0)];
        let rect = picker_rect(SIZE, &[selection], &text, bounds()).expect("a place");
        assert!(bounds().contains_rect(rect), "{rect:?}");
        assert!(!rect.intersects(selection), "{rect:?}");
        assert!(picker_rect(SIZE, &[], &text, bounds()).is_none());
    }
}
