//! Text handling below the UI: char/byte offsets, word segmentation and the bidi layout
//! engine (parley). Byte offsets live only inside this module.

mod offsets;

pub use offsets::CharIndex;
