//! The real window (`HashiyaApp`) driven frame by frame through an `egui::Context`, without a
//! display or GPU: each frame runs the app's ui code and tessellates its shapes, which is the
//! CPU side of a real frame.

use egui::{Event, Pos2, RawInput, Rect, Vec2, pos2, vec2};
use hashiya::app::DocumentSession;
use hashiya::ui::{AppOptions, HashiyaApp};

/// A window of the app, with its own egui context.
pub struct AppDriver {
    pub ctx: egui::Context,
    pub app: HashiyaApp,
    frame: eframe::Frame,
    pub size: Vec2,
    time: f64,
}

impl AppDriver {
    /// The app on `session`, in a window of `size` points (no frame run yet).
    pub fn new(session: DocumentSession, size: Vec2) -> Self {
        let ctx = egui::Context::default();
        // A wheel step moves the view at once (no scroll animation), so one frame is one screen.
        ctx.all_styles_mut(|style| style.scroll_animation = egui::style::ScrollAnimation::none());
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let options = AppOptions {
            session: Some(session),
            ..AppOptions::default()
        };
        let app = HashiyaApp::new(&cc, options);
        Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            size,
            time: 0.0,
        }
    }

    /// Runs one frame with `events`, tessellates it, and returns the number of primitives
    /// (so the work cannot be optimized away).
    pub fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, self.size)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let app = &mut self.app;
        let frame = &mut self.frame;
        let output = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }

    /// The pointer over the article (the left part of the window, beside the side panel).
    pub fn article_point(&self) -> Pos2 {
        pos2(self.size.x * 0.3, self.size.y * 0.5)
    }

    /// A frame that scrolls the article by one screen (a mouse wheel over it).
    pub fn scroll_frame(&mut self) -> usize {
        let pointer = self.article_point();
        let events = vec![
            Event::PointerMoved(pointer),
            Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, -(self.size.y - 120.0)),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            },
        ];
        self.frame(events)
    }

    /// Whether the view shows the end of the text.
    pub fn at_end(&mut self) -> bool {
        let len = self.app.session().document().char_len();
        self.app.article_view_mut().visible_chars().end >= len
    }
}
