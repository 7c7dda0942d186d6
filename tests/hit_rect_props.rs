//! Property tests of the layout queries on random mixed Arabic / Latin / digit text: the
//! centre of every char's rectangle hit-tests back into that char, and `rects` / `hit` /
//! `word_at_point` never panic, whatever the range or point.

use hashiya::text::{Direction, DocumentLayout, LayoutParams};
use proptest::prelude::*;

/// Arabic letters, Latin letters, Western and Arabic-Indic digits, spaces, punctuation that
/// is neutral or mirrored, and newlines (paragraphs).
const MIXED: &str = "[ا-يa-zA-Z0-9٠-٩ .,()+«»،؟\n-]{1,80}";

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::Auto), Just(Direction::Rtl), Just(Direction::Ltr)]
}

fn layout(text: &str, width: f32, direction: Direction) -> DocumentLayout {
    DocumentLayout::new(
        text,
        LayoutParams {
            width,
            font_size: 20.0,
            direction,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rect_centres_hit_their_own_char(text in MIXED, width in 60.0_f32..500.0, direction in direction()) {
        let mut layout = layout(&text, width, direction);
        for (offset, ch) in text.chars().enumerate() {
            let rects = layout.rects(offset..offset + 1);
            if ch == '\n' {
                prop_assert!(rects.is_empty(), "a newline has no rectangle");
                continue;
            }
            // Whitespace hanging past a line's edge is clipped to nothing.
            let Some(rect) = rects.iter().find(|rect| rect.x1 - rect.x0 > 0.01) else {
                prop_assert!(ch.is_whitespace(), "char {offset} {ch:?} has no rectangle");
                continue;
            };
            prop_assert_eq!(rects.len(), 1, "one char, one rectangle: {:?}", rects);
            let (x, y) = rect.center();
            let hit = layout.hit(x, y);
            prop_assert_eq!(hit.char_offset, offset, "centre of {:?} ({:?}) hits {:?}", ch, rect, hit);
        }
    }

    #[test]
    fn queries_never_panic(
        text in MIXED,
        width in -10.0_f32..800.0,
        direction in direction(),
        range in (0usize..120, 0usize..120),
        point in (-1000.0_f32..2000.0, -1000.0_f32..5000.0),
    ) {
        let mut layout = layout(&text, width, direction);
        let len = layout.char_len();
        for rect in layout.rects(range.0..range.1) {
            prop_assert!(rect.x0 <= rect.x1 && rect.y0 < rect.y1);
        }
        let hit = layout.hit(point.0, point.1);
        prop_assert!(hit.char_offset <= len && hit.caret_offset <= len);
        let word = layout.word_at_point(point.0, point.1);
        prop_assert!(word.start <= word.end && word.end <= len);
        let runs = layout.glyph_runs(point.1, point.1 + 100.0);
        prop_assert!(runs.iter().all(|run| run.font_size > 0.0));
    }
}
