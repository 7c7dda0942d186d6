//! A glyph atlas of our own: swash rasterizes glyphs (on first use) into CPU-side pixels, and
//! the changed region is uploaded once per frame into a single egui texture.
//!
//! Glyphs are cached by (font, glyph id, size in physical pixels, quarter-pixel x offset). When
//! the atlas is full it grows (up to [`MAX_SIDE`]); past that it starts over on the next frame.

use egui::{Color32, ColorImage, Context, Pos2, Rect, TextureHandle, TextureId, TextureOptions, pos2, vec2};
use swash::FontRef;
use swash::scale::{Render, ScaleContext, Source, StrikeWith};
use swash::zeno::{Format, Vector};

use crate::text::FontHandle;

/// Side of a new atlas, in pixels.
const INITIAL_SIDE: usize = 512;
/// The atlas never grows beyond this side.
const MAX_SIDE: usize = 4096;
/// Horizontal sub-pixel positions a glyph is rasterized at.
const SUBPIXEL_STEPS: f32 = 4.0;
/// Blank pixels around each glyph so neighbours never bleed into each other.
const PADDING: usize = 1;

/// What identifies one rasterized glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: (u64, u32),
    glyph: u32,
    /// Font size in physical pixels, as f32 bits.
    size_bits: u32,
    subpixel: u8,
}

/// Where a glyph lies in the atlas, and how it sits against its pen position.
#[derive(Clone, Copy, Debug)]
struct AtlasEntry {
    /// Top-left pixel in the atlas.
    atlas_pos: [usize; 2],
    size: [usize; 2],
    /// Offset of the bitmap's top-left from the (floored x, rounded baseline y) pen position.
    left: i32,
    top: i32,
}

/// A glyph quad to draw: a screen rectangle (points) and its atlas rectangle (pixels, to be
/// divided by [`GlyphAtlas::size`] once the frame's glyphs are all known).
#[derive(Clone, Copy, Debug)]
pub struct GlyphQuad {
    /// Where to draw, in points.
    pub rect: Rect,
    /// Atlas pixels it samples.
    pub atlas_rect: Rect,
}

/// Rasterized glyphs in one texture.
pub struct GlyphAtlas {
    side: [usize; 2],
    pixels: Vec<Color32>,
    /// Looked up for every painted glyph: a fast hash (`SipHash` took ~4% of a scroll frame).
    entries: ahash::HashMap<GlyphKey, Option<AtlasEntry>>,
    /// Shelf packing: next free x, the current shelf's top and height.
    cursor: [usize; 2],
    shelf_height: usize,
    /// Pixel region changed since the last upload: min x, min y, max x, max y (exclusive).
    dirty: Option<[usize; 4]>,
    /// Whether the whole image must be uploaded (it grew or was created).
    resized: bool,
    full: bool,
    texture: Option<TextureHandle>,
    scaler: ScaleContext,
    /// Coverage is stored bolder for light text on dark backgrounds.
    dark: bool,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self::new()
    }
}

impl GlyphAtlas {
    /// An empty atlas; the texture is created on first use.
    #[must_use]
    pub fn new() -> Self {
        Self {
            side: [INITIAL_SIDE, INITIAL_SIDE],
            pixels: vec![Color32::TRANSPARENT; INITIAL_SIDE * INITIAL_SIDE],
            entries: ahash::HashMap::default(),
            cursor: [PADDING, PADDING],
            shelf_height: 0,
            dirty: None,
            resized: true,
            full: false,
            texture: None,
            scaler: ScaleContext::new(),
            dark: false,
        }
    }

    /// Starts a frame: drops everything if the atlas overflowed or the theme changed.
    pub fn begin_frame(&mut self, dark: bool) {
        if self.full || dark != self.dark {
            let texture = self.texture.take();
            *self = Self::new();
            self.texture = texture;
            self.dark = dark;
        }
    }

    /// Size of the atlas image in pixels (divide atlas rectangles by it to get UVs).
    #[must_use]
    pub fn size(&self) -> [usize; 2] {
        self.side
    }

    /// Number of glyphs cached (including empty ones such as spaces).
    #[must_use]
    pub fn glyph_count(&self) -> usize {
        self.entries.len()
    }

    /// The quad of one glyph whose pen position is `pen` (points), rasterizing it if new;
    /// `None` for a glyph without pixels (a space) or when the atlas is full.
    pub fn quad(
        &mut self,
        font: &FontHandle,
        glyph: u32,
        font_size: f32,
        pen: Pos2,
        pixels_per_point: f32,
    ) -> Option<GlyphQuad> {
        let physical_x = pen.x * pixels_per_point;
        let floor_x = physical_x.floor();
        let subpixel = ((physical_x - floor_x) * SUBPIXEL_STEPS).floor() as u8;
        let size_px = font_size * pixels_per_point;
        let key = GlyphKey {
            font: font.key(),
            glyph,
            size_bits: size_px.to_bits(),
            subpixel,
        };
        let entry = if let Some(entry) = self.entries.get(&key) {
            *entry
        } else {
            let entry = self.rasterize(font, key, size_px);
            if !self.full {
                self.entries.insert(key, entry);
            }
            entry
        }?;
        let left = floor_x + entry.left as f32;
        let top = (pen.y * pixels_per_point).round() - entry.top as f32;
        let (w, h) = (entry.size[0] as f32, entry.size[1] as f32);
        let rect = Rect::from_min_size(pos2(left, top) / pixels_per_point, vec2(w, h) / pixels_per_point);
        let [ax, ay] = entry.atlas_pos;
        let atlas_rect = Rect::from_min_size(pos2(ax as f32, ay as f32), vec2(w, h));
        Some(GlyphQuad { rect, atlas_rect })
    }

    /// The texture, created on first call; uploads what changed since the last call (once
    /// per frame, one region, never per glyph).
    pub fn upload(&mut self, ctx: &Context) -> TextureId {
        let image = || ColorImage::new(self.side, self.pixels.clone());
        match &mut self.texture {
            None => {
                let texture = ctx.load_texture("hashiya-glyphs", image(), TextureOptions::NEAREST);
                self.texture = Some(texture);
            }
            Some(texture) if self.resized => texture.set(image(), TextureOptions::NEAREST),
            Some(texture) => {
                if let Some([x0, y0, x1, y1]) = self.dirty {
                    let region = region_pixels(&self.pixels, self.side[0], [x0, y0, x1, y1]);
                    texture.set_partial(
                        [x0, y0],
                        ColorImage::new([x1 - x0, y1 - y0], region),
                        TextureOptions::NEAREST,
                    );
                }
            }
        }
        self.resized = false;
        self.dirty = None;
        self.texture.as_ref().map_or(TextureId::default(), TextureHandle::id)
    }

    fn rasterize(&mut self, font: &FontHandle, key: GlyphKey, size_px: f32) -> Option<AtlasEntry> {
        let font_ref = FontRef::from_index(font.bytes(), font.index() as usize)?;
        let glyph_id = u16::try_from(key.glyph).ok()?;
        let mut scaler = self.scaler.builder(font_ref).size(size_px).hint(false).build();
        let offset = Vector::new(f32::from(key.subpixel) / SUBPIXEL_STEPS, 0.0);
        let image = Render::new(&[Source::Outline, Source::Bitmap(StrikeWith::BestFit)])
            .format(Format::Alpha)
            .offset(offset)
            .render(&mut scaler, glyph_id)?;
        let (w, h) = (image.placement.width as usize, image.placement.height as usize);
        if w == 0 || h == 0 || image.data.len() < w * h {
            return None;
        }
        let atlas_pos = self.allocate(w, h)?;
        self.blit(atlas_pos, [w, h], &image.data);
        Some(AtlasEntry {
            atlas_pos,
            size: [w, h],
            left: image.placement.left,
            top: image.placement.top,
        })
    }

    /// Finds room for a w×h glyph (shelf packing), growing the atlas when needed.
    fn allocate(&mut self, w: usize, h: usize) -> Option<[usize; 2]> {
        loop {
            if self.cursor[0] + w + PADDING > self.side[0] {
                self.cursor = [PADDING, self.cursor[1] + self.shelf_height + PADDING];
                self.shelf_height = 0;
            }
            if self.cursor[1] + h + PADDING <= self.side[1] && w + 2 * PADDING <= self.side[0] {
                let pos = self.cursor;
                self.cursor[0] += w + PADDING;
                self.shelf_height = self.shelf_height.max(h);
                return Some(pos);
            }
            if !self.grow() {
                self.full = true;
                return None;
            }
        }
    }

    /// Doubles the height (then the width) keeping the pixels in place.
    fn grow(&mut self) -> bool {
        let [w, h] = self.side;
        if h < MAX_SIDE {
            self.pixels.resize(w * h * 2, Color32::TRANSPARENT);
            self.side = [w, h * 2];
        } else if w < MAX_SIDE {
            let mut pixels = vec![Color32::TRANSPARENT; w * 2 * h];
            for (row, chunk) in self.pixels.chunks_exact(w).enumerate() {
                pixels[row * w * 2..row * w * 2 + w].copy_from_slice(chunk);
            }
            self.pixels = pixels;
            self.side = [w * 2, h];
        } else {
            return false;
        }
        self.resized = true;
        true
    }

    fn blit(&mut self, [x, y]: [usize; 2], [w, h]: [usize; 2], coverage: &[u8]) {
        let (width, dark) = (self.side[0], self.dark);
        for (row, line) in coverage.chunks_exact(w).take(h).enumerate() {
            let start = (y + row) * width + x;
            for (pixel, &alpha) in self.pixels[start..start + w].iter_mut().zip(line) {
                *pixel = Color32::from_white_alpha(atlas_alpha(alpha, dark));
            }
        }
        let [x0, y0, x1, y1] = self.dirty.unwrap_or([x, y, x + w, y + h]);
        self.dirty = Some([x0.min(x), y0.min(y), x1.max(x + w), y1.max(y + h)]);
    }
}

/// Light text on a dark background looks thin with linear coverage; thicken it a little.
fn atlas_alpha(coverage: u8, dark: bool) -> u8 {
    if dark {
        let c = f32::from(coverage) / 255.0;
        ((2.0 * c - c * c) * 255.0).round() as u8
    } else {
        coverage
    }
}

fn region_pixels(pixels: &[Color32], width: usize, [x0, y0, x1, y1]: [usize; 4]) -> Vec<Color32> {
    let mut region = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for row in y0..y1 {
        region.extend_from_slice(&pixels[row * width + x0..row * width + x1]);
    }
    region
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{DocumentLayout, LayoutParams};

    fn sample_glyphs() -> Vec<crate::text::GlyphRun> {
        let mut layout = DocumentLayout::new("علقت المستشارة (5+5) 2020", LayoutParams::default());
        layout.glyph_runs(0.0, 100.0)
    }

    #[test]
    fn glyphs_are_cached_and_uploaded_once_per_frame() {
        let ctx = Context::default();
        let mut atlas = GlyphAtlas::new();
        atlas.begin_frame(false);
        let runs = sample_glyphs();
        let mut quads = 0;
        for run in &runs {
            for glyph in &run.glyphs {
                if let Some(quad) = atlas.quad(&run.font, glyph.id, run.font_size, pos2(glyph.x, glyph.y), 1.0) {
                    assert!(quad.rect.width() > 0.0 && quad.atlas_rect.max.x <= atlas.size()[0] as f32);
                    quads += 1;
                }
            }
        }
        assert!(quads > 10);
        let cached = atlas.glyph_count();
        let id = atlas.upload(&ctx);
        assert!(atlas.dirty.is_none());
        // Same glyphs again: nothing new to rasterize or upload.
        for run in &runs {
            for glyph in &run.glyphs {
                let _ = atlas.quad(&run.font, glyph.id, run.font_size, pos2(glyph.x, glyph.y), 1.0);
            }
        }
        assert_eq!(atlas.glyph_count(), cached);
        assert!(atlas.dirty.is_none());
        assert_eq!(atlas.upload(&ctx), id);
    }

    #[test]
    fn the_atlas_grows_then_starts_over() {
        let mut atlas = GlyphAtlas::new();
        let runs = sample_glyphs();
        let run = &runs[0];
        // Many sizes fill the atlas; it grows to the maximum and then reports full.
        let mut size = 8.0;
        while !atlas.full && size < 2000.0 {
            for glyph in &run.glyphs {
                let _ = atlas.quad(&run.font, glyph.id, size, pos2(0.0, 0.0), 1.0);
            }
            size += 7.0;
        }
        assert!(atlas.size()[1] > INITIAL_SIDE);
        atlas.begin_frame(false);
        if size < 2000.0 {
            assert_eq!(atlas.glyph_count(), 0, "a full atlas starts over");
            assert_eq!(atlas.size(), [INITIAL_SIDE, INITIAL_SIDE]);
        }
    }
}
