//! The article view widget on its own: span decorations leave the painted glyphs in place,
//! the response reports the hovered char and clicks, `scroll_to_char` brings a far char into
//! view.

use egui::{Color32, Vec2};
use egui_kittest::Harness;
use hashiya::ui::{ArticleView, Decoration, SAMPLE_ARTICLE};

struct State {
    view: ArticleView,
    decorations: Vec<Decoration>,
    hovered: Option<usize>,
    clicked: Option<usize>,
}

fn harness(text: &str, decorations: Vec<Decoration>) -> Harness<'static, State> {
    let state = State {
        view: ArticleView::new(text),
        decorations,
        hovered: None,
        clicked: None,
    };
    let mut harness = Harness::new_ui_state(
        |ui, state: &mut State| {
            let response = state.view.show_ui(ui, &state.decorations);
            state.hovered = response.hovered_char;
            if let Some(click) = response.clicked {
                state.clicked = click.char_offset;
            }
        },
        state,
    );
    harness.set_size(Vec2::new(800.0, 600.0));
    harness.run();
    harness
}

fn decorations(count: usize) -> Vec<Decoration> {
    (0..count)
        .map(|i| Decoration {
            char_range: i * 37..i * 37 + 20,
            fill: Color32::from_rgba_unmultiplied(200, 120, 0, 60),
            underline: Some(Color32::from_rgb(200, 120, 0)),
            lane: (i % 3) as u8,
            emphasized: i % 7 == 0,
        })
        .collect()
}

/// The painted glyphs of the last frame: vertices of the meshes drawn with a texture other
/// than egui's font atlas (the article's glyph atlas), and the number of other shapes.
fn painted_glyphs(harness: &Harness<'static, State>) -> (Vec<(egui::Pos2, egui::Pos2)>, usize) {
    let mut glyphs = Vec::new();
    let mut others = 0;
    for clipped in &harness.output().shapes {
        match &clipped.shape {
            egui::Shape::Mesh(mesh) if mesh.texture_id != egui::TextureId::default() => {
                glyphs.extend(mesh.vertices.iter().map(|v| (v.pos, v.uv)));
            }
            _ => others += 1,
        }
    }
    (glyphs, others)
}

#[test]
fn span_decorations_leave_the_painted_glyphs_in_place() {
    let plain = harness(SAMPLE_ARTICLE, Vec::new());
    let decorated = harness(SAMPLE_ARTICLE, decorations(50));
    let (plain_glyphs, plain_others) = painted_glyphs(&plain);
    let (decorated_glyphs, decorated_others) = painted_glyphs(&decorated);
    assert!(
        plain_glyphs.len() > 400,
        "the glyphs are painted: {}",
        plain_glyphs.len()
    );
    assert!(
        decorated_others > plain_others + 50,
        "the decorations are painted: {decorated_others} shapes vs {plain_others}"
    );
    // Same glyphs at the same screen positions with the same atlas cells.
    assert_eq!(plain_glyphs, decorated_glyphs);
}

#[test]
fn hover_and_click_report_the_char() {
    let mut harness = harness(SAMPLE_ARTICLE, Vec::new());
    let rect = harness.state_mut().view.char_rects(0..1)[0];
    harness.hover_at(rect.center());
    harness.run();
    assert_eq!(harness.state().hovered, Some(0));
    harness.drag_at(rect.center());
    harness.drop_at(rect.center());
    harness.run();
    assert_eq!(harness.state().clicked, Some(0));
    // A margin is no char.
    harness.hover_at(egui::pos2(2.0, 2.0));
    harness.run();
    assert_eq!(harness.state().hovered, None);
}

#[test]
fn scroll_to_char_brings_the_end_of_a_long_text_into_view() {
    let text = SAMPLE_ARTICLE.repeat(30);
    let mut harness = harness(&text, decorations(500));
    let last = text.chars().count() - 1;
    harness.state_mut().view.scroll_to_char(last);
    // The scroll bar fades in over several frames.
    harness.run_steps(20);
    let rect = harness.state_mut().view.char_rects(last..last + 1)[0];
    assert!(
        rect.min.y >= 0.0 && rect.max.y <= 600.0,
        "the last char is on screen after scrolling: {rect:?}"
    );
    let visible = harness.state_mut().view.visible_chars();
    assert!(visible.contains(&last), "{visible:?}");
}
