//! The unit of the offsets a JSONL export writes: Unicode scalars (chars: Python, spaCy,
//! brat, Hashiya's files) or UTF-16 code units (JavaScript tools: doccano's and Label
//! Studio's annotation views count `String.length`). The two differ only after a char
//! outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph), which takes two
//! UTF-16 units.

use std::fmt;
use std::str::FromStr;

/// What an export's offsets count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode scalar values (Python's `str` indices).
    #[default]
    Char,
    /// UTF-16 code units (JavaScript's string indices).
    Utf16,
}

impl OffsetUnit {
    /// Every unit, with the name the command line uses.
    pub const ALL: [(Self, &'static str); 2] = [(Self::Char, "char"), (Self::Utf16, "utf16")];
}

impl fmt::Display for OffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::ALL.iter().find(|(u, _)| u == self).map_or("", |(_, name)| name))
    }
}

impl FromStr for OffsetUnit {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .find(|(_, name)| *name == text)
            .map(|(unit, _)| *unit)
            .ok_or_else(|| format!("unknown offset unit \"{text}\" (char, utf16)"))
    }
}

/// Converts the char offsets of one text to an [`OffsetUnit`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetConverter {
    /// Char offsets of the chars that take two units (sorted); empty for chars.
    wide: Vec<usize>,
}

impl OffsetConverter {
    /// A converter for offsets into `text`.
    #[must_use]
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let wide = match unit {
            OffsetUnit::Char => Vec::new(),
            OffsetUnit::Utf16 => text
                .chars()
                .enumerate()
                .filter(|(_, c)| c.len_utf16() == 2)
                .map(|(offset, _)| offset)
                .collect(),
        };
        Self { wide }
    }

    /// The offset in the unit of a char offset: one more for each wide char before it.
    #[must_use]
    pub fn convert(&self, char_offset: usize) -> usize {
        char_offset + self.wide.partition_point(|&wide| wide < char_offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_chars_count_twice_in_utf16() {
        let text = "a😀b𝕏c";
        let utf16 = OffsetConverter::new(text, OffsetUnit::Utf16);
        let chars = OffsetConverter::new(text, OffsetUnit::Char);
        assert_eq!(
            (0..=5).map(|o| utf16.convert(o)).collect::<Vec<_>>(),
            [0, 1, 3, 4, 6, 7]
        );
        assert_eq!(
            (0..=5).map(|o| chars.convert(o)).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4, 5]
        );
        assert_eq!(utf16.convert(5), text.encode_utf16().count());
        for (unit, name) in OffsetUnit::ALL {
            assert_eq!(name.parse::<OffsetUnit>(), Ok(unit));
            assert_eq!(unit.to_string(), name);
        }
        assert!("bytes".parse::<OffsetUnit>().is_err());
    }
}
