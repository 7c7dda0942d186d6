//! Articles that once made the layout explode: a letter with a million combining marks, a
//! megabyte of empty lines, a 5 MB line of mixed Arabic and Latin, and 20 MB of prose (the
//! largest article the window promises to open within its first-frame budget).

/// The cases by name, in benchmark order.
pub const CASES: [&str; 4] = ["marks_1m", "newlines_1mb", "mixed_line_5mb", "prose_20mb"];

const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

/// The text of case `name` (`None` for an unknown name).
#[must_use]
pub fn text(name: &str) -> Option<String> {
    match name {
        "marks_1m" => Some(format!("ب{}", "\u{0651}".repeat(1_000_000))),
        "newlines_1mb" => Some("\n".repeat(1 << 20)),
        "mixed_line_5mb" => Some(mixed_line(5 << 20)),
        "prose_20mb" => Some(repeat_to(SAMPLE, 20 << 20)),
        _ => None,
    }
}

/// One line of alternating Arabic and Latin words, `bytes` long.
fn mixed_line(bytes: usize) -> String {
    let words = [
        "قادة",
        "Tripoli",
        "الجيش",
        "meeting",
        "(5+5)",
        "2020",
        "اللجنة",
        "army",
        "«سرت»",
    ];
    let mut text = String::with_capacity(bytes + 16);
    let mut i = 0_usize;
    while text.len() < bytes {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i = i.wrapping_mul(7).wrapping_add(3) % 1009;
    }
    text
}

/// `piece` repeated until `bytes` long.
fn repeat_to(piece: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + piece.len());
    while text.len() < bytes {
        text.push_str(piece);
        text.push('\n');
    }
    text
}
