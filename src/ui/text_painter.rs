//! Turns positioned glyph runs into one textured egui mesh through the glyph atlas.

use egui::{Color32, Context, Mesh, Vec2, pos2, vec2};

use crate::text::GlyphRun;
use crate::ui::glyph_atlas::GlyphAtlas;

/// One mesh for all `runs`, offset by `origin` (points), tinted `color`. The atlas uploads
/// what it rasterized once, at the end.
pub fn glyph_mesh(ctx: &Context, atlas: &mut GlyphAtlas, runs: &[GlyphRun], origin: Vec2, color: Color32) -> Mesh {
    let pixels_per_point = ctx.pixels_per_point();
    let mut mesh = Mesh::default();
    let glyph_count: usize = runs.iter().map(|run| run.glyphs.len()).sum();
    mesh.reserve_triangles(glyph_count * 2);
    mesh.reserve_vertices(glyph_count * 4);
    for run in runs {
        for glyph in &run.glyphs {
            let pen = pos2(glyph.x, glyph.y) + origin;
            if let Some(quad) = atlas.quad(&run.font, glyph.id, run.font_size, pen, pixels_per_point) {
                mesh.add_rect_with_uv(quad.rect, quad.atlas_rect, color);
            }
        }
    }
    // Atlas rectangles are in pixels until every glyph is placed (the atlas may have grown).
    let [width, height] = atlas.size();
    let scale = vec2(1.0 / width as f32, 1.0 / height as f32);
    for vertex in &mut mesh.vertices {
        vertex.uv = pos2(vertex.uv.x * scale.x, vertex.uv.y * scale.y);
    }
    mesh.texture_id = atlas.upload(ctx);
    mesh
}
