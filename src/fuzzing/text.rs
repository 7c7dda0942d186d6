//! Checks of article decoding and of the layout (`hashiya debug layout`'s code path) on
//! arbitrary bytes and Unicode.

use crate::io;
use crate::text::{Direction, DocumentLayout, LayoutParams};

/// Most chars a layout input is given: the property is about odd text, not long text, and
/// each input must stay fast (long documents have their own benchmarks).
pub const MAX_LAYOUT_CHARS: usize = 4096;

/// Decodes `data` as an article: no panic; an accepted article has no CR, no NUL, and reads
/// back the same from its UTF-8 (less a leading byte order mark, which is not text).
///
/// # Panics
///
/// When a decoded article breaks those rules.
pub fn check_article(data: &[u8]) {
    let Ok(article) = io::decode_article(data) else {
        return;
    };
    let text = &article.text;
    assert!(!text.contains(['\r', '\0']), "a decoded article holds CR or NUL");
    match io::decode_article(text.as_bytes()) {
        Ok(again) => assert_eq!(
            again.text,
            text.strip_prefix('\u{FEFF}').unwrap_or(text),
            "an article reads back differently from its UTF-8"
        ),
        Err(error) => panic!("a decoded article does not decode again: {error}"),
    }
}

/// Chars that stress shaping, bidi and line breaking; each input byte of the Unicode mode
/// picks one.
const CHARS: &[char] = &[
    'ب',
    'ا',
    'ل',
    'ق',
    'ع',
    'ة',
    'ى',
    '\u{651}',
    '\u{64E}',
    '\u{650}',
    '\u{652}',
    '\u{670}',
    '\u{300}',
    '\u{301}',
    '\u{20DD}',
    '\u{200C}',
    '\u{200D}',
    '\u{200E}',
    '\u{200F}',
    '\u{202A}',
    '\u{202B}',
    '\u{202C}',
    '\u{202D}',
    '\u{202E}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{61C}',
    '\u{FEFF}',
    '\u{AD}',
    'א',
    'ש',
    'a',
    'Z',
    '5',
    '٣',
    '۴',
    ' ',
    '\u{A0}',
    '\u{3000}',
    '\t',
    '\n',
    '\n',
    '.',
    '«',
    '»',
    '(',
    ')',
    '-',
    '😀',
    '👍',
    '\u{1F3FD}',
    '🇱',
    '🇾',
    '中',
    '\u{E000}',
    '\u{FFFD}',
    '\u{10FFFF}',
    '\u{2028}',
    '\u{85}',
    '\u{7}',
    '\u{1}',
    'ﷺ',
    '\u{FDFD}',
];

/// Lays `data` out as `hashiya debug layout` does and checks the answer: lines in order,
/// inside the text, runs inside their line, finite coordinates; rectangles and hit tests
/// answer without panicking. `data`: a byte choosing the mode (even: the rest is an article
/// file, decoded as one; odd: each further byte picks a stress char, and a byte ≥ 0xC0
/// repeats the previous char up to 64 times), then width, font size and direction bytes.
///
/// # Panics
///
/// When the layout's answer breaks those rules.
pub fn check_layout(data: &[u8]) {
    let [mode, width, size, direction, rest @ ..] = data else {
        return;
    };
    let text = if mode % 2 == 0 {
        match io::decode_article(rest) {
            Ok(article) => article.text.chars().take(MAX_LAYOUT_CHARS).collect(),
            Err(_) => return,
        }
    } else {
        stress_text(rest)
    };
    let params = LayoutParams {
        width: match width {
            0 => f32::INFINITY,
            w => f32::from(*w) * 8.0,
        },
        font_size: f32::from(*size % 64) + 1.0,
        direction: [Direction::Auto, Direction::Rtl, Direction::Ltr][usize::from(*direction % 3)],
    };
    let mut layout = DocumentLayout::new(&text, params);
    let char_len = layout.char_len();
    let lines = layout.lines();
    let mut previous_end = 0;
    for line in &lines {
        let chars = &line.chars;
        assert!(
            chars.start <= chars.end && chars.end <= char_len,
            "line {chars:?} outside 0..{char_len}"
        );
        assert!(
            chars.start >= previous_end,
            "line {chars:?} starts before the previous line ends"
        );
        previous_end = chars.end;
        assert!(
            line.y0.is_finite() && line.y1.is_finite() && line.y0 <= line.y1,
            "line {chars:?} at y {}..{}",
            line.y0,
            line.y1
        );
        for run in &line.runs {
            assert!(
                chars.start <= run.chars.start && run.chars.end <= chars.end,
                "run {:?} outside its line {chars:?}",
                run.chars
            );
            assert!(
                run.x0.is_finite() && run.x1.is_finite(),
                "run {:?} at x {}..{}",
                run.chars,
                run.x0,
                run.x1
            );
        }
    }
    for rect in layout.rects(0..char_len) {
        assert!(
            [rect.x0, rect.x1, rect.y0, rect.y1].iter().all(|v| v.is_finite()),
            "a rectangle with a non-finite edge"
        );
    }
    let height = layout.height();
    for (x, y) in [
        (0.0, 0.0),
        (params.width.min(1e4) / 2.0, height / 2.0),
        (-5.0, height + 5.0),
        (1e6, -1e6),
    ] {
        let hit = layout.hit(x, y);
        assert!(
            hit.char_offset <= char_len,
            "hit at {} past the end {char_len}",
            hit.char_offset
        );
    }
}

fn stress_text(bytes: &[u8]) -> String {
    let mut text = String::new();
    let mut chars = 0;
    let mut last = 'ب';
    for &byte in bytes {
        let (c, times) = if byte >= 0xC0 {
            (last, usize::from(byte - 0xC0) + 1)
        } else {
            (CHARS[usize::from(byte) % CHARS.len()], 1)
        };
        let times = times.min(MAX_LAYOUT_CHARS - chars);
        text.extend(std::iter::repeat_n(c, times));
        chars += times;
        last = c;
        if chars >= MAX_LAYOUT_CHARS {
            break;
        }
    }
    text
}
