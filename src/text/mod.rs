//! Text handling below the UI: char/byte offsets, word segmentation and the bidi layout
//! engine (parley). Byte offsets live only inside this module; everything it answers is in
//! char offsets and logical pixels. No egui here.

pub mod arabic;
mod block_layout;
pub mod blocks;
pub mod caret;
pub mod clitics;
mod direction;
pub mod field_editor;
pub mod find;
pub mod fonts;
mod geometry;
mod layout;
mod line_context;
mod line_order;
mod line_shaper;
mod marks;
mod offsets;
pub mod plural;
mod segmentation;
pub mod shaper_order;

pub use direction::{Direction, first_strong_is_rtl};
pub use fonts::{FAMILY, FontHandle, font_context};
pub use geometry::{Affinity, GlyphRun, Hit, LineId, LineRect, PositionedGlyph, VisualLine, VisualRun};
pub use layout::{DocumentLayout, LayoutParams, MAX_RESIDENT_CHARS};
pub use line_shaper::{LineShaper, ShapedLine};
pub use offsets::CharIndex;
pub use segmentation::{WordEdge, Words};
