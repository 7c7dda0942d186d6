//! Long paragraphs are laid out lazily in blocks, yet show no seam where a block ends: the
//! lines of the block-wise layout break where those of the paragraph laid out in one piece
//! break and sit at the same heights, whatever order the blocks were laid out in. (The bidi
//! runs of a block's first line can differ where the bidi rules look back past the block
//! start, e.g. digits after an Arabic word on the line before; they are not compared.)

use hashiya::text::{Direction, DocumentLayout, LayoutParams, VisualLine};
use proptest::prelude::*;

/// Words of a news text: Arabic, Latin, numbers, with sentence ends (where blocks are cut).
const WORDS: &[&str] = &[
    "وأكد",
    "قادة",
    "الجيش",
    "الليبي",
    "في",
    "البيان",
    "رفضهم",
    "التام.",
    "اللجنة",
    "العسكرية",
    "المشتركة",
    "(5+5)",
    "2020",
    "«طرابلس»",
    "الحداد،",
    "Tripoli",
    "meeting.",
    "the",
    "UN",
    "said:",
    "18-19",
    "مُحَمَّد",
    "سرت؟",
    "a",
];

/// A paragraph of `words` words picked by `picks`.
fn paragraph(picks: &[usize]) -> String {
    picks
        .iter()
        .map(|&i| WORDS[i % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a line breaks and sits (without its block-relative id), for comparing layouts cut
/// into different blocks.
#[derive(Debug)]
struct Line {
    chars: std::ops::Range<usize>,
    y0: f32,
    y1: f32,
    baseline: f32,
    rtl: bool,
    /// Left and right ends of the line's ink.
    extent: (f32, f32),
}

fn plain(lines: Vec<VisualLine>) -> Vec<Line> {
    lines
        .into_iter()
        .map(|line| Line {
            chars: line.chars,
            y0: line.y0,
            y1: line.y1,
            baseline: line.baseline,
            rtl: line.rtl,
            extent: (
                line.runs.first().map_or(0.0, |run| run.x0),
                line.runs.last().map_or(0.0, |run| run.x1),
            ),
        })
        .collect()
}

/// Equal, but for rounding in the sums of advances.
fn same(a: &Line, b: &Line) -> bool {
    let close = |x: f32, y: f32| (x - y).abs() < 0.01;
    a.chars == b.chars
        && (a.y0, a.y1, a.baseline, a.rtl) == (b.y0, b.y1, b.baseline, b.rtl)
        && close(a.extent.0, b.extent.0)
        && close(a.extent.1, b.extent.1)
}

fn params(width: f32, direction: Direction) -> LayoutParams {
    LayoutParams {
        width,
        font_size: 20.0,
        direction,
    }
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::Auto), Just(Direction::Rtl), Just(Direction::Ltr)]
}

/// Lays `text` out in one piece and lazily in blocks of `max_block_chars` (first visiting the
/// places `probes` point at, as a reader jumping around does) and compares every line.
fn check_lines(
    text: &str,
    width: f32,
    direction: Direction,
    max_block_chars: usize,
    probes: &[f32],
) -> Result<(), TestCaseError> {
    let mut whole = DocumentLayout::with_max_block_chars(text, params(width, direction), usize::MAX);
    let mut lazy = DocumentLayout::with_max_block_chars(text, params(width, direction), max_block_chars);
    let height = lazy.height();
    for probe in probes {
        let y = probe * height;
        lazy.prepare(y, y + 600.0);
        let hit = lazy.hit(width / 2.0, y + 300.0);
        let _ = lazy.rects(hit.char_offset..hit.char_offset + 50);
    }
    let expected = plain(whole.lines());
    let got = plain(lazy.lines());
    prop_assert_eq!(got.len(), expected.len(), "line count");
    for (got, expected) in got.iter().zip(&expected) {
        prop_assert!(same(got, expected), "{:?} vs {:?}", got, expected);
    }
    Ok(())
}

/// Each case lays out up to 50,000 chars twice: few cases keep the test fast;
/// `PROPTEST_CASES=500` runs more by hand.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(12);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    /// Reading from the top (the order a reader scrolls) with the window's block size: no
    /// seam, line for line (also where a line starts inside a word wider than the line, or
    /// with digits or a bracket: their font and bidi class come from the text before them).
    #[test]
    fn block_wise_lines_equal_the_whole_paragraph(
        picks in prop::collection::vec(0usize..1000, 1..7000),
        width in 80.0_f32..900.0,
        direction in direction(),
    ) {
        check_lines(&paragraph(&picks), width, direction, 2000, &[])?;
    }

    /// Blocks of a few lines, or shorter than a line: the lines they cannot break for good are
    /// passed on to the next block.
    #[test]
    fn short_blocks_equal_the_whole_paragraph(
        picks in prop::collection::vec(0usize..1000, 1..7000),
        width in 80.0_f32..900.0,
        direction in direction(),
        max_block_chars in 150_usize..1200,
    ) {
        check_lines(&paragraph(&picks), width, direction, max_block_chars, &[])?;
    }

    /// After jumps into the middle (the scroll bar), then back: blocks first laid out from
    /// their nominal start are laid out again once the block above them is.
    #[test]
    fn block_wise_lines_equal_the_whole_paragraph_after_jumps(
        picks in prop::collection::vec(0usize..1000, 1..7000),
        width in 80.0_f32..900.0,
        direction in direction(),
        max_block_chars in prop_oneof![Just(2000_usize), 150_usize..1200],
        probes in prop::collection::vec(0.0_f32..1.0, 1..4),
    ) {
        check_lines(&paragraph(&picks), width, direction, max_block_chars, &probes)?;
    }
}

#[test]
fn joints_are_invisible_in_a_long_paragraph_of_prose() {
    let sentence = "وأكد قادة الجيش الليبي في البيان رفضهم التام لأي تدخل أجنبي في شؤون البلاد. ";
    let text = sentence.repeat(600);
    let params = params(610.0, Direction::Auto);
    let lines = DocumentLayout::new(&text, params).lines();
    assert!(lines.len() > 100);
    let short: Vec<_> = lines[..lines.len() - 1]
        .iter()
        .filter(|line| line.chars.len() < 40)
        .collect();
    assert!(short.is_empty(), "short lines inside the paragraph: {short:?}");
    let whole = DocumentLayout::with_max_block_chars(&text, params, usize::MAX).lines();
    assert_eq!(lines.len(), whole.len());
    for (got, expected) in plain(lines).iter().zip(&plain(whole)) {
        assert!(same(got, expected), "{got:?} vs {expected:?}");
    }
}
