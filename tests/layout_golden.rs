//! Golden tests of the sample article's layout at two widths (font size 20, bundled fonts):
//! line count, lines tiling the text, nothing wider than the width, and the rectangles of
//! "(5+5)" and "الفريق محمد الحداد". The golden numbers were read from `hashiya debug` and
//! checked against the window; a change in them means the layout changed.

use hashiya::text::{Direction, DocumentLayout, LayoutParams, LineRect, VisualLine};

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

/// (line index, x0, x1, y0, y1)
type Golden = (usize, f32, f32, f32, f32);

struct Expected {
    width: f32,
    lines: usize,
    five_plus_five: &'static [Golden],
    haddad: &'static [Golden],
}

const EXPECTED: [Expected; 2] = [
    Expected {
        width: 600.0,
        lines: 36,
        five_plus_five: &[(11, 417.4, 463.72, 416.0, 452.0)],
        haddad: &[(1, 13.34, 62.28, 36.0, 72.0), (2, 510.56, 600.0, 72.0, 108.0)],
    },
    Expected {
        width: 350.0,
        lines: 60,
        five_plus_five: &[(19, 303.68, 350.0, 704.0, 740.0)],
        haddad: &[(3, 41.14, 179.52, 108.0, 144.0)],
    },
];

fn char_range_of(needle: &str) -> std::ops::Range<usize> {
    let byte = SAMPLE.find(needle).expect("the sample contains the needle");
    let start = SAMPLE[..byte].chars().count();
    start..start + needle.chars().count()
}

fn layout_at(width: f32) -> (DocumentLayout, Vec<VisualLine>) {
    let mut layout = DocumentLayout::new(
        SAMPLE,
        LayoutParams {
            width,
            ..LayoutParams::default()
        },
    );
    let lines = layout.lines();
    (layout, lines)
}

fn assert_rects(lines: &[VisualLine], rects: &[LineRect], golden: &[Golden], what: &str) {
    assert_eq!(rects.len(), golden.len(), "{what}: {rects:?}");
    for (rect, &(line, x0, x1, y0, y1)) in rects.iter().zip(golden) {
        let number = lines
            .iter()
            .position(|l| l.id == rect.line)
            .expect("rect on a known line");
        assert_eq!(number, line, "{what}: line of {rect:?}");
        for (got, want) in [(rect.x0, x0), (rect.x1, x1), (rect.y0, y0), (rect.y1, y1)] {
            assert!((got - want).abs() < 0.05, "{what}: {rect:?}, expected {golden:?}");
        }
    }
}

#[test]
fn lines_tile_the_text_and_fit_the_width() {
    for expected in &EXPECTED {
        let (layout, lines) = layout_at(expected.width);
        assert_eq!(lines.len(), expected.lines, "line count at width {}", expected.width);
        assert_eq!(lines.first().map(|l| l.chars.start), Some(0));
        assert_eq!(lines.last().map(|l| l.chars.end), Some(layout.char_len()));
        for pair in lines.windows(2) {
            assert_eq!(pair[0].chars.end, pair[1].chars.start, "no gap or overlap");
            assert!(pair[0].y1 <= pair[1].y0, "lines stack downwards");
        }
        for line in &lines {
            assert!(line.rtl, "every paragraph of the sample is right-to-left");
            let run_chars: usize = line.runs.iter().map(|run| run.chars.len()).sum();
            let newline = usize::from(SAMPLE.chars().nth(line.chars.end - 1) == Some('\n'));
            assert_eq!(run_chars + newline, line.chars.len(), "runs cover the line: {line:?}");
            for pair in line.runs.windows(2) {
                assert!(
                    (pair[0].x1 - pair[1].x0).abs() < 0.01,
                    "runs are left to right and touch"
                );
            }
            for run in &line.runs {
                assert!(run.x0 >= 0.0 && run.x1 <= expected.width + 0.01, "{run:?} fits");
            }
        }
    }
}

#[test]
fn first_line_starts_with_the_first_word_at_the_right() {
    let (_, lines) = layout_at(600.0);
    let first = &lines[0];
    let rightmost = first.runs.last().expect("runs");
    assert!(
        rightmost.rtl && rightmost.chars.start == 0,
        "«علقت» starts at the right edge"
    );
    assert!((rightmost.x1 - 600.0).abs() < 0.01, "right-aligned");
}

#[test]
fn golden_rectangles() {
    for expected in &EXPECTED {
        let (mut layout, lines) = layout_at(expected.width);
        let rects = layout.rects(char_range_of("(5+5)"));
        assert_rects(&lines, &rects, expected.five_plus_five, "(5+5)");
        let rects = layout.rects(char_range_of("الفريق محمد الحداد"));
        assert_rects(&lines, &rects, expected.haddad, "الفريق محمد الحداد");
    }
}

#[test]
fn numbers_run_left_to_right_inside_arabic() {
    let (_, lines) = layout_at(600.0);
    for needle in ["2020", "18-19"] {
        let range = char_range_of(needle);
        let run = lines
            .iter()
            .flat_map(|line| &line.runs)
            .find(|run| run.chars.contains(&range.start))
            .expect("a run shows the number");
        assert!(!run.rtl, "{needle} is in a left-to-right run: {run:?}");
        assert!(run.chars.end >= range.start + 2, "{needle} keeps its digits together");
    }
}

#[test]
fn a_range_across_a_direction_change_has_several_rects_on_one_line() {
    let (mut layout, _) = layout_at(600.0);
    // "في 2020" runs from Arabic into digits: the logical range is visually split.
    let range = char_range_of("في 2020");
    let rects = layout.rects(range.start + 1..range.end - 1);
    assert_eq!(rects.len(), 2, "{rects:?}");
    assert_eq!(rects[0].line, rects[1].line);
}

#[test]
fn word_at_point_finds_haddad() {
    let (mut layout, _) = layout_at(350.0);
    let range = char_range_of("الحداد");
    let rect = layout.rects(range.clone())[0];
    let (x, y) = rect.center();
    assert_eq!(layout.word_at_point(x, y), range);
}

/// The widths from 150 to 600 px at which some line of `text` ends right after `word` (and its
/// space), with that layout.
fn wraps_after(text: &str, word: &str, direction: Direction) -> Vec<(f32, DocumentLayout, VisualLine)> {
    let byte = text.find(word).expect("the text contains the word");
    let end = text[..byte].chars().count() + word.chars().count() + 1;
    let mut found = Vec::new();
    for width in (150..600).step_by(7) {
        let params = LayoutParams {
            width: width as f32,
            font_size: 20.0,
            direction,
        };
        let mut layout = DocumentLayout::new(text, params);
        if let Some(line) = layout.lines().into_iter().find(|line| line.chars.end == end) {
            found.push((width as f32, layout, line));
        }
    }
    found
}

#[test]
fn trailing_space_at_a_soft_wrap_takes_the_paragraph_direction() {
    // Left-to-right paragraph wrapping right after an Arabic word (rule L1 at the line end):
    // the word follows "(" without a gap and its space goes to the right end of the line.
    let text = "The joint commission (طرابلس الغرب) met in Sirte (سرت) again after long talks about the army";
    let cases = wraps_after(text, "(طرابلس", Direction::Auto);
    assert!(!cases.is_empty(), "some width wraps after the Arabic word");
    for (width, mut layout, line) in cases {
        let space = line.chars.end - 1;
        let word = space - "طرابلس".chars().count()..space;
        let paren = layout.rects(word.start - 1..word.start)[0];
        let word_rect = layout.rects(word.clone())[0];
        assert!(
            (word_rect.x0 - paren.x1).abs() < 0.01,
            "no gap at {width}: {paren:?} {word_rect:?}"
        );
        let last = line.runs.last().expect("runs");
        assert!(
            !last.rtl && last.chars == (space..space + 1),
            "space last, left to right: {line:?}"
        );
        let space_rect = layout.rects(space..space + 1);
        assert!(space_rect.iter().all(|r| r.x0 >= word_rect.x1 - 0.01), "{space_rect:?}");
        // Hit-testing inside the word finds the word.
        let (x, y) = word_rect.center();
        assert!(word.contains(&layout.hit(x, y).char_offset));
    }
    // Right-to-left paragraph wrapping after a Latin word: its space goes to the left end.
    let text = "قال المتحدث إن اجتماع Tripoli Council انتهى بعد محادثات طويلة حول توحيد الجيش الليبي";
    let cases = wraps_after(text, "Tripoli", Direction::Auto);
    assert!(!cases.is_empty(), "some width wraps after the Latin word");
    for (width, mut layout, line) in cases {
        let space = line.chars.end - 1;
        let first = line.runs.first().expect("runs");
        assert!(
            first.rtl && first.chars == (space..space + 1),
            "space first at {width}: {line:?}"
        );
        let word = space - "Tripoli".len()..space;
        let word_rect = layout.rects(word)[0];
        let after = layout.rects(space - "Tripoli".len() - 1..space - "Tripoli".len())[0];
        assert!(
            (word_rect.x1 - after.x0).abs() < 0.01,
            "no gap at {width}: {word_rect:?} {after:?}"
        );
    }
}
