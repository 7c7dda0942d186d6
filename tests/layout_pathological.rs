//! Texts that once made the layout explode lay out, small versions of each: a letter with a
//! long run of combining marks, a long run of empty lines, one long line of mixed Arabic and
//! Latin. (Their full-size first frames are timed in `benches/performance.rs`.)

use hashiya::text::{Direction, DocumentLayout, LayoutParams, VisualLine};

fn params() -> LayoutParams {
    LayoutParams {
        width: 600.0,
        font_size: 20.0,
        direction: Direction::Auto,
    }
}

fn assert_tiles(lines: &[VisualLine], len: usize) {
    assert_eq!(lines.first().map(|l| l.chars.start), Some(0));
    assert_eq!(lines.last().map(|l| l.chars.end), Some(len));
    for pair in lines.windows(2) {
        assert_eq!(pair[0].chars.end, pair[1].chars.start, "lines tile the text");
        assert!(pair[0].y1 <= pair[1].y0);
    }
}

#[test]
fn a_letter_with_a_long_run_of_marks() {
    let text = format!("ب{} done", "\u{0651}".repeat(30_000));
    let mut layout = DocumentLayout::new(&text, params());
    layout.prepare(0.0, 800.0);
    let runs = layout.glyph_runs(0.0, 800.0);
    let glyphs: usize = runs.iter().map(|run| run.glyphs.len()).sum();
    assert!(glyphs > 0);
    let lines = layout.lines();
    assert_tiles(&lines, layout.char_len());
    // Offsets stay exact: the last word is where the text has it.
    let done = layout.char_len() - 4..layout.char_len();
    let rect = layout.rects(done.clone())[0];
    let (x, y) = rect.center();
    assert!(done.contains(&layout.hit(x, y).char_offset));
}

#[test]
fn a_long_run_of_empty_lines() {
    let text = format!("أول\n{}آخر", "\n".repeat(50_000));
    let mut layout = DocumentLayout::new(&text, params());
    let y = layout.prepare(0.0, 800.0);
    assert!(y.abs() < f32::EPSILON);
    let lines = layout.lines();
    assert_eq!(lines.len(), 50_002, "one line per paragraph");
    assert_tiles(&lines, layout.char_len());
    assert!(layout.shaped_chars() < 100, "empty lines are not shaped");
    let middle = &lines[25_000];
    assert!(middle.runs.is_empty());
    let hit = layout.hit(10.0, f32::midpoint(middle.y0, middle.y1));
    assert_eq!(hit.char_offset, middle.chars.start);
    assert_eq!(
        layout.line_of_char(middle.chars.start).map(|l| l.chars),
        Some(middle.chars.clone())
    );
    let last = lines.last().expect("lines");
    assert_eq!(layout.line_of_char(layout.char_len() - 1).map(|l| l.y0), Some(last.y0));
}

#[test]
fn one_long_line_of_mixed_arabic_and_latin() {
    let words = ["قادة", "Tripoli", "الجيش", "meeting", "(5+5)", "2020", "اللجنة"];
    let text: String = (0..40_000)
        .map(|i| words[i * 7 % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let mut layout = DocumentLayout::new(&text, params());
    let height = layout.height();
    // A jump into the middle lays out only what is there.
    let y = layout.prepare(height / 2.0, height / 2.0 + 800.0);
    assert!(layout.shaped_chars() < 20_000, "{} chars shaped", layout.shaped_chars());
    let hit = layout.hit(300.0, y + 400.0);
    assert!(hit.char_offset > 1000 && hit.char_offset < layout.char_len());
    let lines = layout.lines();
    assert_tiles(&lines, layout.char_len());
}
