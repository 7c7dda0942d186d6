//! Finding where a span or link sits in an annotation file, to give integrity problems a
//! line and column. ron's parser keeps no positions for values, so this scans the text for
//! `spans:`, `links:`, `orphans:` and the `id: N` of each item. Used only when something is
//! wrong; a hand-written file with unusual layout may get no position, never a wrong crash.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::io::Position;

/// A top-level field of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Section {
    Document,
    Schema,
    Spans,
    Links,
    Orphans,
    Suggestions,
    SuggestedLinks,
}

impl Section {
    const ALL: [Self; 7] = [
        Self::Document,
        Self::Schema,
        Self::Spans,
        Self::Links,
        Self::Orphans,
        Self::Suggestions,
        Self::SuggestedLinks,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Schema => "schema",
            Self::Spans => "spans",
            Self::Links => "links",
            Self::Orphans => "orphans",
            Self::Suggestions => "suggestions",
            Self::SuggestedLinks => "suggested_links",
        }
    }
}

/// Positions of sections and item ids, computed once on first use.
pub(crate) struct Locator<'r> {
    ron: &'r str,
    index: OnceCell<Index>,
}

#[derive(Default)]
struct Index {
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
    sections: HashMap<Section, usize>,
    /// Every `id: N` in a section, in file order.
    items: HashMap<(Section, u64), Vec<usize>>,
}

impl<'r> Locator<'r> {
    pub fn new(ron: &'r str) -> Self {
        Self {
            ron,
            index: OnceCell::new(),
        }
    }

    /// Where a top-level field starts.
    pub fn section(&self, section: Section) -> Option<Position> {
        let index = self.index.get_or_init(|| Index::build(self.ron));
        index.sections.get(&section).map(|&b| index.position(self.ron, b))
    }

    /// Where the item with this id starts (its `id:` field) in a list section.
    pub fn item(&self, section: Section, id: u64) -> Option<Position> {
        self.nth_item(section, id, 0)
    }

    /// Where the `n`-th item (from 0) with this id starts, for ids defined more than once;
    /// the first one when there are fewer, the section when there is none.
    pub fn nth_item(&self, section: Section, id: u64, n: usize) -> Option<Position> {
        let index = self.index.get_or_init(|| Index::build(self.ron));
        index
            .items
            .get(&(section, id))
            .and_then(|all| all.get(n).or_else(|| all.first()))
            .map(|&b| index.position(self.ron, b))
            .or_else(|| self.section(section))
    }
}

impl Index {
    fn build(ron: &str) -> Self {
        let mut index = Self {
            line_starts: std::iter::once(0)
                .chain(ron.match_indices('\n').map(|(b, _)| b + 1))
                .collect(),
            ..Self::default()
        };
        for section in Section::ALL {
            if let Some(at) = find_field(ron, section.key(), 0) {
                index.sections.insert(section, at);
            }
        }
        let mut starts: Vec<(usize, Section)> = index.sections.iter().map(|(&s, &b)| (b, s)).collect();
        starts.sort_unstable_by_key(|&(b, _)| b);
        let mut from = 0;
        while let Some(at) = find_field(ron, "id", from) {
            from = at + 2;
            let Some(id) = number_after_colon(ron, at + 2) else {
                continue;
            };
            let section = starts.iter().rev().find(|(b, _)| *b < at).map(|&(_, s)| s);
            if let Some(section) = section {
                index.items.entry((section, id)).or_default().push(at);
            }
        }
        index
    }
}

impl Index {
    /// Line and column of a byte offset (a char boundary of a field name).
    fn position(&self, ron: &str, byte: usize) -> Position {
        let line = self.line_starts.partition_point(|&start| start <= byte);
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        Position {
            line,
            col: ron.get(start..byte).map_or(0, |prefix| prefix.chars().count()) + 1,
        }
    }
}

/// The byte offset of the next `key` that stands alone as a field name (followed by `:`).
fn find_field(ron: &str, key: &str, from: usize) -> Option<usize> {
    let mut offset = from;
    loop {
        let at = offset + ron.get(offset..)?.find(key)?;
        offset = at + key.len();
        let before_ok = ron[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = ron[offset..].trim_start();
        if before_ok && after.starts_with(':') {
            return Some(at);
        }
    }
}

fn number_after_colon(ron: &str, from: usize) -> Option<u64> {
    let rest = ron.get(from..)?.trim_start().strip_prefix(':')?.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.get(..digits)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sections_and_items() {
        let ron = "(\n    schema: (labels: []),\n    spans: [\n        (id: 4, label: \"grid: x\"),\n        (id: 12, label: \"A\"),\n    ],\n    links: [\n        (id: 4, kind: \"k\", from: 12, to: 4),\n    ],\n)";
        let locator = Locator::new(ron);
        assert_eq!(locator.section(Section::Schema), Some(Position { line: 2, col: 5 }));
        assert_eq!(locator.item(Section::Spans, 4), Some(Position { line: 4, col: 10 }));
        assert_eq!(locator.item(Section::Spans, 12), Some(Position { line: 5, col: 10 }));
        assert_eq!(locator.item(Section::Links, 4), Some(Position { line: 8, col: 10 }));
        // Unknown ids fall back to their section.
        assert_eq!(locator.item(Section::Links, 99), Some(Position { line: 7, col: 5 }));
        assert_eq!(locator.item(Section::Orphans, 1), None);
    }
}
