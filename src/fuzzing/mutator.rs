//! A structure-aware mutator for annotation files: the edits that hand editing, git merges and
//! broken tools make (lines duplicated, deleted, moved or inserted, numbers changed, strings
//! given odd characters, line ends changed, files cut short), on top of the byte-level
//! mutations libFuzzer makes itself.

/// A small deterministic random source (splitmix64): the same seed gives the same mutations,
/// so a corpus test can replay them without a fuzzer.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One of `items` (`None` when empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Lines that change the structure when inserted somewhere in a file.
const LINES: &[&str] = &[
    "    ],",
    "    ),",
    "    spans: [",
    "    links: [",
    "    orphans: [",
    "    spans: [],",
    "    links: [],",
    "    orphans: [],",
    "// a comment",
    "/* a comment",
    "*/",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "#![enable(explicit_struct_names)]",
    "        (id: 1, label: \"Actor\", start: 0, end: 1, text: \"x\"),",
    "        (id: 1, kind: \"speaker\", from: 1, to: 1),",
    "        (id: 2, label: \"Quote\", start: 1, end: 3, text: \"\\\"\\\\\", note: Some(\"\"), needs_review: true),",
    "        (id: 3, label: \"Actor\", start: 0, end: 1, text: \"x\", entity: Some(\"E1\")),",
    "    annotator: r#\"",
    "\"#,",
    "    annotator: \"",
    "\",",
    "",
    "\r",
    "    format_version: 2,",
    "    format_version: 3,",
    ")",
];

/// Replacements for a number.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "007",
    "-1",
    "+1",
    "1_0",
    "0x1F",
    "0b1",
    "0o7",
    "1e3",
    "1.0",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
    "",
];

/// Text inserted inside or around strings.
const SNIPPETS: &[&str] = &[
    "\\\"",
    "\\\\",
    "\\",
    "\"",
    "'",
    "\\n",
    "\\u{0}",
    "\\u{d800}",
    "\\u{110000}",
    "\\u{}",
    "\\u{1F600}",
    "\\u{0000041}",
    "\\x41",
    "\\'",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\u{2028}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{651}\u{651}\u{651}",
    "😀",
    "ش",
    ", ",
    ",",
    ")",
    "(",
    "]",
    "[",
    "{",
    "}",
    ": ",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "Some(",
    "None",
    "true",
    "false",
    ", needs_review: true",
    ", entity: Some(\"E1\")",
    ", entity: Some(\"E01\")",
    ", entity: None",
    ", note: Some(\"n\")",
    ", attributes: {\"type\": \"person\"}",
    ", attributes: {\"type\": \"person\", \"type\": \"group\"}",
    ", attributes: {}",
];

/// Applies one to four random edits to `data`, keeping it at most `max_size` bytes.
pub fn mutate_annotation_file(data: &mut Vec<u8>, max_size: usize, rng: &mut Rng) {
    for _ in 0..=rng.below(4) {
        mutate_once(data, rng);
    }
    data.truncate(max_size);
}

fn mutate_once(data: &mut Vec<u8>, rng: &mut Rng) {
    match rng.below(12) {
        0 => flip_byte(data, rng),
        1 => {
            let at = rng.below(data.len() + 1);
            data.truncate(at);
        }
        2 | 3 => line_edit(data, rng),
        4 => {
            let line = rng.pick(LINES).copied().unwrap_or_default();
            let at = line_start(data, rng);
            splice(data, at, at, format!("{line}\n").as_bytes());
        }
        5 | 6 => number_edit(data, rng),
        7 | 8 => {
            let snippet = rng.pick(SNIPPETS).copied().unwrap_or_default();
            let at = near_quote(data, rng);
            splice(data, at, at, snippet.as_bytes());
        }
        9 => line_ends(data, rng),
        10 => {
            // Cut a piece out (a field, half a line).
            let start = rng.below(data.len() + 1);
            let end = (start + rng.below(64)).min(data.len());
            splice(data, start, end, b"");
        }
        _ => {
            // Copy a piece of the file elsewhere.
            let start = rng.below(data.len() + 1);
            let end = (start + rng.below(128)).min(data.len());
            let piece = data[start..end].to_vec();
            let at = rng.below(data.len() + 1);
            splice(data, at, at, &piece);
        }
    }
}

fn flip_byte(data: &mut [u8], rng: &mut Rng) {
    if data.is_empty() {
        return;
    }
    let at = rng.below(data.len());
    data[at] ^= 1 << rng.below(8);
}

/// Duplicates, deletes, moves or swaps whole lines.
fn line_edit(data: &mut Vec<u8>, rng: &mut Rng) {
    let mut lines: Vec<Vec<u8>> = data.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    if lines.is_empty() {
        return;
    }
    let a = rng.below(lines.len());
    let b = rng.below(lines.len());
    match rng.below(4) {
        0 => {
            let copy = lines[a].clone();
            lines.insert(b, copy);
        }
        1 => {
            lines.remove(a);
        }
        2 => lines.swap(a, b),
        _ => {
            let line = lines.remove(a);
            lines.insert(b.min(lines.len()), line);
        }
    }
    *data = lines.concat();
}

/// Replaces a run of digits with another number (or a number written another way).
fn number_edit(data: &mut Vec<u8>, rng: &mut Rng) {
    let runs = digit_runs(data);
    let Some(&(start, end)) = rng.pick(&runs) else {
        return;
    };
    let replacement = match rng.below(3) {
        0 => {
            let value = std::str::from_utf8(&data[start..end])
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0);
            let delta = rng.below(5) as u64;
            if rng.below(2) == 0 {
                value.wrapping_add(delta).to_string()
            } else {
                value.wrapping_sub(delta).to_string()
            }
        }
        _ => rng.pick(NUMBERS).copied().unwrap_or_default().to_owned(),
    };
    splice(data, start, end, replacement.as_bytes());
}

fn digit_runs(data: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut at = 0;
    while at < data.len() {
        if data[at].is_ascii_digit() {
            let start = at;
            while at < data.len() && data[at].is_ascii_digit() {
                at += 1;
            }
            runs.push((start, at));
        } else {
            at += 1;
        }
    }
    runs
}

/// CRLF for some or all lines, a lone CR, or a BOM in front.
fn line_ends(data: &mut Vec<u8>, rng: &mut Rng) {
    match rng.below(3) {
        0 => {
            let mut out = Vec::with_capacity(data.len() + data.len() / 16);
            let every = rng.below(3) + 1;
            for (n, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
                match line.strip_suffix(b"\n") {
                    Some(bare) if n % every == 0 => {
                        out.extend_from_slice(bare);
                        out.extend_from_slice(b"\r\n");
                    }
                    _ => out.extend_from_slice(line),
                }
            }
            *data = out;
        }
        1 => {
            let at = rng.below(data.len() + 1);
            splice(data, at, at, b"\r");
        }
        _ => splice(data, 0, 0, "\u{FEFF}".as_bytes()),
    }
}

/// The start of a random line.
fn line_start(data: &[u8], rng: &mut Rng) -> usize {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            data.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    rng.pick(&starts).copied().unwrap_or(0)
}

/// Just inside or outside a random quote (strings are where parsers differ most).
fn near_quote(data: &[u8], rng: &mut Rng) -> usize {
    let quotes: Vec<usize> = data
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'"')
        .map(|(i, _)| i)
        .collect();
    match rng.pick(&quotes) {
        Some(&at) if rng.below(4) > 0 => at + rng.below(2),
        _ => rng.below(data.len() + 1),
    }
}

fn splice(data: &mut Vec<u8>, start: usize, end: usize, with: &[u8]) {
    data.splice(start..end, with.iter().copied());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mutations() {
        let seed = include_bytes!("../../tests/data/fixtures/format-v1.hashiya.ron").to_vec();
        let run = |n| {
            let mut rng = Rng::new(n);
            let mut data = seed.clone();
            mutate_annotation_file(&mut data, 1 << 16, &mut rng);
            data
        };
        assert_eq!(run(7), run(7));
        let distinct: std::collections::HashSet<Vec<u8>> = (0..50).map(run).collect();
        assert!(distinct.len() > 40, "{} distinct mutants of 50", distinct.len());
    }

    #[test]
    fn mutants_stay_within_the_size_limit() {
        let mut rng = Rng::new(1);
        let mut data = vec![b'7'; 100];
        for _ in 0..200 {
            mutate_annotation_file(&mut data, 120, &mut rng);
            assert!(data.len() <= 120);
        }
    }
}
