//! The bundled fonts (SIL OFL, see `assets/fonts/OFL.txt`) and the font context that knows
//! only them: no system fonts, so the layout is the same on every machine.

use parley::fontique::{Blob, Collection, CollectionOptions, SourceCache};
use parley::{FontContext, FontData};

/// Arabic text face.
pub const NOTO_NASKH_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Latin, digits and the punctuation Naskh lacks (`( ) +`).
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// The font family list of article text: Naskh first, Noto Sans as fallback.
pub const FAMILY: &str = "Noto Naskh Arabic, Noto Sans";

/// A parley font context holding only the bundled fonts.
#[must_use]
pub fn font_context() -> FontContext {
    let mut collection = Collection::new(CollectionOptions {
        shared: false,
        system_fonts: false,
    });
    for bytes in [NOTO_NASKH_ARABIC, NOTO_SANS] {
        collection.register_fonts(Blob::new(std::sync::Arc::new(bytes)), None);
    }
    FontContext {
        collection,
        source_cache: SourceCache::default(),
    }
}

/// A font used by a glyph run: its bytes (for the rasterizer) and a stable key for caches.
#[derive(Clone, Debug)]
pub struct FontHandle {
    data: FontData,
}

impl FontHandle {
    pub(crate) fn new(data: FontData) -> Self {
        Self { data }
    }

    /// The whole font file (or collection).
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        self.data.data.data()
    }

    /// Index of the face inside a font collection (0 for a plain font file).
    #[must_use]
    pub fn index(&self) -> u32 {
        self.data.index
    }

    /// A key that identifies this face for as long as the process runs.
    #[must_use]
    pub fn key(&self) -> (u64, u32) {
        (self.data.data.id(), self.data.index)
    }
}

impl PartialEq for FontHandle {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for FontHandle {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_families_are_registered() {
        let mut fonts = font_context();
        assert!(fonts.collection.family_id("Noto Naskh Arabic").is_some());
        assert!(fonts.collection.family_id("Noto Sans").is_some());
    }
}
