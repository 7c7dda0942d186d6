//! Rough layout timings (run with `cargo run --release --example layout_timing`): the sample
//! article, and a generated 820,000-char single paragraph laid out lazily. Not a benchmark
//! suite (the budgets are checked in `benches/`); a quick check of the text engine's costs.

use std::time::Instant;

use hashiya::text::{DocumentLayout, LayoutParams};
use hashiya::ui::SAMPLE_ARTICLE;

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let params = LayoutParams::default();
    let mut layout = DocumentLayout::new(SAMPLE_ARTICLE, params);
    layout.layout_all();
    let runs = 50;
    let start = Instant::now();
    for _ in 0..runs {
        layout.set_text(SAMPLE_ARTICLE);
        layout.layout_all();
    }
    println!(
        "sample ({} chars): {:.2} ms per full layout",
        SAMPLE_ARTICLE.chars().count(),
        millis(start) / f64::from(runs)
    );

    let paragraph = SAMPLE_ARTICLE.replace('\n', " ");
    let mut long = String::new();
    while long.chars().count() < 820_000 {
        long.push_str(&paragraph);
        long.push(' ');
    }
    let start = Instant::now();
    let mut layout = DocumentLayout::new(&long, params);
    let created = millis(start);
    let start = Instant::now();
    layout.prepare(0.0, 800.0);
    let first_screen = millis(start);
    let middle = layout.height() / 2.0;
    let start = Instant::now();
    layout.prepare(middle, middle + 800.0);
    let jump = millis(start);
    let start = Instant::now();
    layout.set_params(LayoutParams { width: 500.0, ..params });
    layout.prepare(middle, middle + 800.0);
    let resize = millis(start);
    let start = Instant::now();
    layout.layout_all();
    let all = millis(start);
    println!(
        "820k-char paragraph: split {created:.1} ms, first screen {first_screen:.2} ms, jump to middle {jump:.2} ms, \
         resize + screen {resize:.2} ms, whole text {all:.0} ms ({} chars shaped at the end)",
        layout.shaped_chars()
    );
}
