//! Unicode conformance of the visual order: every case of `BidiCharacterTest.txt` (Unicode 15)
//! is laid out without wrapping through the public layout API, and the order of chars on
//! screen (runs left to right; a right-to-left run shows its chars in reverse) is compared with
//! the expected visual order (field 4), along with the resolved paragraph direction (field 2).
//!
//! Measured with parley 0.12: all 91,707 cases pass, so no failure class is accepted and
//! `MIN_PASSED` is the whole file. (Parley applies rule L1 to the end of a paragraph; Hashiya
//! applies it at the end of each wrapped line too, which this file cannot test: see the golden
//! case in `layout_golden.rs`.)

use hashiya::text::{Direction, DocumentLayout, LayoutParams, first_strong_is_rtl};

/// Cases in the file.
const TOTAL: usize = 91_707;
/// Passed cases measured with parley 0.12 when the test was written; fewer is a regression.
const MIN_PASSED: usize = TOTAL;

struct Case {
    text: String,
    direction: Direction,
    paragraph_rtl: bool,
    removed: Vec<bool>,
    expected_order: Vec<usize>,
}

fn parse(line: &str) -> Option<Case> {
    let fields: Vec<&str> = line.split(';').collect();
    let [chars, direction, level, levels, order] = fields.as_slice() else {
        return None;
    };
    let text: String = chars
        .split_whitespace()
        .map(|hex| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32))
        .collect::<Option<_>>()?;
    let direction = match *direction {
        "0" => Direction::Ltr,
        "1" => Direction::Rtl,
        _ => Direction::Auto,
    };
    Some(Case {
        text,
        direction,
        paragraph_rtl: *level == "1",
        removed: levels.split_whitespace().map(|level| level == "x").collect(),
        expected_order: order
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?,
    })
}

/// The chars' logical indices in screen order, left to right, without X9-removed chars.
fn visual_order(layout: &mut DocumentLayout, removed: &[bool]) -> Vec<usize> {
    let mut order = Vec::new();
    for line in layout.lines() {
        for run in &line.runs {
            if run.rtl {
                order.extend(run.chars.clone().rev());
            } else {
                order.extend(run.chars.clone());
            }
        }
    }
    order.retain(|&i| !removed.get(i).copied().unwrap_or(true));
    order
}

#[test]
fn visual_order_matches_bidi_character_test() {
    let data = include_str!("data/BidiCharacterTest.txt");
    let params = LayoutParams {
        width: f32::INFINITY,
        ..LayoutParams::default()
    };
    let mut layout = DocumentLayout::new("", params);
    let (mut total, mut passed) = (0_usize, 0_usize);
    let mut failures: Vec<&str> = Vec::new();
    for line in data
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    {
        let case = parse(line).unwrap_or_else(|| panic!("malformed test line: {line}"));
        total += 1;
        layout.set_params(LayoutParams {
            direction: case.direction,
            ..params
        });
        layout.set_text(&case.text);
        let rtl = layout.lines().first().is_some_and(|line| line.rtl);
        if visual_order(&mut layout, &case.removed) == case.expected_order && rtl == case.paragraph_rtl {
            passed += 1;
        } else {
            failures.push(line);
        }
    }
    eprintln!(
        "BidiCharacterTest: {passed} of {total} passed ({:.2}%)",
        100.0 * passed as f64 / total as f64
    );
    for line in failures.iter().take(10) {
        eprintln!("  failed: {line}");
    }
    assert_eq!(total, TOTAL, "the whole file was read");
    assert!(passed >= MIN_PASSED, "{passed} passed, at least {MIN_PASSED} expected");
}

#[test]
fn paragraph_direction_follows_p2_p3() {
    assert_eq!(first_strong_is_rtl("\u{2067}abc\u{2069}"), None);
    assert_eq!(first_strong_is_rtl("123 \u{05d0}"), Some(true));
}
