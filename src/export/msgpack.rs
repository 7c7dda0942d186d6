//! The part of `MessagePack` that spaCy's `DocBin` is made of: maps, arrays, strings, binary
//! blobs, unsigned integers and booleans, each written in its shortest form (what Python's
//! `msgpack` with `use_bin_type=True`, spaCy's writer, produces). About fifty lines written
//! out, where `rmp` would add three crates to the build.

/// A length that `MessagePack` cannot hold (more than `u32::MAX` items or bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("more than 4 GiB in one MessagePack value")]
pub struct TooLarge;

/// Writes `MessagePack` values into a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The bytes written.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.out
    }

    /// A header with a length: the fix form (`fix`: its marker and the lengths below which it
    /// applies), else the 8-bit form (`short`, when the type has one), else the 16-bit or
    /// 32-bit form (`wide`).
    fn header(&mut self, len: usize, fix: (u8, usize), short: Option<u8>, wide: [u8; 2]) -> Result<(), TooLarge> {
        let (fix_marker, fix_limit) = fix;
        if len < fix_limit {
            // `len` is below the fix limit (at most 32), so it fits in the marker's low bits.
            self.out.push(fix_marker | len as u8);
        } else if let (Some(marker), Ok(len)) = (short, u8::try_from(len)) {
            self.out.extend([marker, len]);
        } else if let Ok(len) = u16::try_from(len) {
            self.out.push(wide[0]);
            self.out.extend(len.to_be_bytes());
        } else {
            let len = u32::try_from(len).map_err(|_| TooLarge)?;
            self.out.push(wide[1]);
            self.out.extend(len.to_be_bytes());
        }
        Ok(())
    }

    /// A map header; `len` key-value pairs follow.
    pub(crate) fn map(&mut self, len: usize) -> Result<(), TooLarge> {
        self.header(len, (0x80, 16), None, [0xde, 0xdf])
    }

    /// An array header; `len` values follow.
    pub(crate) fn array(&mut self, len: usize) -> Result<(), TooLarge> {
        self.header(len, (0x90, 16), None, [0xdc, 0xdd])
    }

    /// A UTF-8 string (Python `str`).
    pub(crate) fn str(&mut self, text: &str) -> Result<(), TooLarge> {
        self.header(text.len(), (0xa0, 32), Some(0xd9), [0xda, 0xdb])?;
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }

    /// A binary blob (Python `bytes`).
    pub(crate) fn bin(&mut self, bytes: &[u8]) -> Result<(), TooLarge> {
        // bin has no fix form: a fix limit of 0 never applies.
        self.header(bytes.len(), (0, 0), Some(0xc4), [0xc5, 0xc6])?;
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// An unsigned integer.
    pub(crate) fn uint(&mut self, value: u64) {
        if value < 0x80 {
            self.out.push(value as u8);
        } else if let Ok(value) = u8::try_from(value) {
            self.out.extend([0xcc, value]);
        } else if let Ok(value) = u16::try_from(value) {
            self.out.push(0xcd);
            self.out.extend(value.to_be_bytes());
        } else if let Ok(value) = u32::try_from(value) {
            self.out.push(0xce);
            self.out.extend(value.to_be_bytes());
        } else {
            self.out.push(0xcf);
            self.out.extend(value.to_be_bytes());
        }
    }

    /// A boolean.
    pub(crate) fn bool(&mut self, value: bool) {
        self.out.push(if value { 0xc3 } else { 0xc2 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut Writer) -> Result<(), TooLarge>) -> Vec<u8> {
        let mut writer = Writer::new();
        write(&mut writer).expect("fits");
        writer.finish()
    }

    #[test]
    fn each_value_in_its_shortest_form() {
        // The forms of the MessagePack specification, at each size limit.
        assert_eq!(written(|w| w.map(0)), [0x80]);
        assert_eq!(written(|w| w.map(15)), [0x8f]);
        assert_eq!(written(|w| w.map(16)), [0xde, 0, 16]);
        assert_eq!(written(|w| w.array(70_000)), [0xdd, 0, 1, 0x11, 0x70]);
        assert_eq!(written(|w| w.str("ab")), [0xa2, b'a', b'b']);
        let long = "x".repeat(32);
        assert_eq!(written(|w| w.str(&long))[..2], [0xd9, 32]);
        let longer = "x".repeat(256);
        assert_eq!(written(|w| w.str(&longer))[..3], [0xda, 1, 0]);
        assert_eq!(written(|w| w.bin(&[7])), [0xc4, 1, 7]);
        assert_eq!(written(|w| w.bin(&[])), [0xc4, 0]);
        let mut w = Writer::new();
        for value in [0, 127, 128, 255, 256, 65_536, u64::MAX] {
            w.uint(value);
        }
        w.bool(true);
        w.bool(false);
        assert_eq!(
            w.finish(),
            [
                0, 127, 0xcc, 128, 0xcc, 255, 0xcd, 1, 0, 0xce, 0, 1, 0, 0, 0xcf, 255, 255, 255, 255, 255, 255, 255,
                255, 0xc3, 0xc2
            ]
        );
    }
}
