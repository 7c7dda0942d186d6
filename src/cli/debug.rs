//! `hashiya debug layout|rects|hit`: the layout engine's answers as JSON lines, for tests and
//! external verification. The output format (field names and order) is stable: outside tools
//! parse it.

use std::collections::HashMap;

use serde_json::json;

use crate::cli::args::{DebugArgs, DebugQuery, LayoutArgs, UsageError};
use crate::cli::output::Output;
use crate::text::{DocumentLayout, LayoutParams, LineId, VisualLine};

/// Runs `hashiya debug …` and returns the exit code: 0, or 2 for bad arguments or an
/// unreadable file (one line on stderr).
#[must_use]
pub fn run(args: &DebugArgs) -> i32 {
    match run_inner(&args.query) {
        Ok(output) => {
            let mut out = Output::stdout("debug");
            out.print(&output);
            out.finish(0)
        }
        Err(error) => {
            eprintln!("hashiya debug: {error}");
            2
        }
    }
}

fn run_inner(query: &DebugQuery) -> Result<String, UsageError> {
    let (DebugQuery::Layout { layout, file }
    | DebugQuery::Rects { layout, file, .. }
    | DebugQuery::Hit { layout, file, .. }) = query;
    let params = params(layout)?;
    let text = crate::io::load_article(file)
        .map_err(|error| UsageError(error.to_string()))?
        .text;
    let mut layout = DocumentLayout::new(&text, params);
    match query {
        &DebugQuery::Rects { start, end, .. } => Ok(rects(&mut layout, start, end)),
        &DebugQuery::Hit { x, y, .. } => Ok(hit(&mut layout, x, y)),
        DebugQuery::Layout { .. } => Ok(lines(&mut layout)),
    }
}

fn params(args: &LayoutArgs) -> Result<LayoutParams, UsageError> {
    let defaults = LayoutParams::default();
    let width = args.width.unwrap_or(defaults.width);
    let font_size = args.font_size.unwrap_or(defaults.font_size);
    if !(width.is_finite() && width > 0.0) {
        return Err(UsageError(format!("--width must be a positive number, not {width}")));
    }
    if !(font_size.is_finite() && (1.0..=500.0).contains(&font_size)) {
        return Err(UsageError(format!(
            "--font-size must be between 1 and 500, not {font_size}"
        )));
    }
    Ok(LayoutParams {
        width,
        font_size,
        direction: args.direction.unwrap_or(defaults.direction),
    })
}

/// Rounds to 1/100 px so the JSON shows `120.5`, not `120.49999237060547`.
fn px(value: f32) -> f64 {
    (f64::from(value) * 100.0).round() / 100.0
}

/// One visual line of `debug layout`; fields in the documented order.
#[derive(serde::Serialize)]
struct LineJson {
    line: usize,
    start: usize,
    end: usize,
    y0: f64,
    y1: f64,
    runs: Vec<RunJson>,
}

#[derive(serde::Serialize)]
struct RunJson {
    start: usize,
    end: usize,
    rtl: bool,
    x0: f64,
    x1: f64,
}

#[derive(serde::Serialize)]
struct RectJson {
    line: usize,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn lines(layout: &mut DocumentLayout) -> String {
    let mut out = String::new();
    for (number, line) in layout.lines().iter().enumerate() {
        out.push_str(&serde_json::to_string(&line_json(number, line)).unwrap_or_default());
        out.push('\n');
    }
    out
}

fn line_json(number: usize, line: &VisualLine) -> LineJson {
    let runs = line
        .runs
        .iter()
        .map(|run| RunJson {
            start: run.chars.start,
            end: run.chars.end,
            rtl: run.rtl,
            x0: px(run.x0),
            x1: px(run.x1),
        })
        .collect();
    LineJson {
        line: number,
        start: line.chars.start,
        end: line.chars.end,
        y0: px(line.y0),
        y1: px(line.y1),
        runs,
    }
}

fn rects(layout: &mut DocumentLayout, start: usize, end: usize) -> String {
    let numbers: HashMap<LineId, usize> = layout
        .lines()
        .iter()
        .enumerate()
        .map(|(number, line)| (line.id, number))
        .collect();
    let rects: Vec<RectJson> = layout
        .rects(start..end)
        .iter()
        .map(|rect| RectJson {
            line: numbers.get(&rect.line).copied().unwrap_or_default(),
            x0: px(rect.x0),
            x1: px(rect.x1),
            y0: px(rect.y0),
            y1: px(rect.y1),
        })
        .collect();
    format!("{}\n", json!({ "rects": rects }))
}

fn hit(layout: &mut DocumentLayout, x: f32, y: f32) -> String {
    layout.layout_all();
    let hit = layout.hit(x, y);
    format!("{}\n", json!({ "offset": hit.char_offset }))
}
