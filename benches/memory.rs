//! Peak memory (budget in the README, Performance): the window (headless) with the long document open, after scrolling
//! it end to end. `cargo bench --bench memory` prints the peak resident set size (VmHWM).

#![allow(missing_docs, clippy::unwrap_used)] // a benchmark binary

#[allow(dead_code)] // each benchmark uses only part of the shared support code
mod support;

use hashiya::app::DocumentSession;
use hashiya::io;
use support::app_driver::AppDriver;
use support::pathological;
use support::workload::workload;

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
    if let Ok(name) = std::env::var("HASHIYA_MEMORY_CASE") {
        pathological_case(&name);
        return;
    }
    let (document, what) = workload();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    std::fs::write(&article, document.text()).unwrap();
    io::save_document(&document, &io::annotation_path_for(&article)).unwrap();
    let spans = document.spans().len();
    drop(document);
    let mut driver = AppDriver::new(DocumentSession::open(&article).unwrap(), egui::vec2(1280.0, 800.0));
    let mut frames = 0;
    driver.frame(Vec::new());
    while !driver.at_end() && frames < 20_000 {
        driver.scroll_frame();
        frames += 1;
    }
    println!(
        "memory: {what}, {spans} spans, scrolled end to end in {frames} frames: peak RSS (VmHWM) {}, RSS now {}",
        status_field("VmHWM:"),
        status_field("VmRSS:")
    );
}

/// `HASHIYA_MEMORY_CASE=NAME cargo bench --bench memory`: peak memory of the window with one of
/// the pathological articles open (first frame and ten screens of scrolling), against its size.
fn pathological_case(name: &str) {
    let Some(text) = pathological::text(name) else {
        eprintln!("unknown case {name}; cases: {:?}", pathological::CASES);
        std::process::exit(2);
    };
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join(format!("{name}.txt"));
    std::fs::write(&article, &text).unwrap();
    let bytes = text.len();
    drop(text);
    let before = status_field("VmRSS:");
    let start = std::time::Instant::now();
    let mut driver = AppDriver::new(DocumentSession::open(&article).unwrap(), egui::vec2(1280.0, 800.0));
    driver.frame(Vec::new());
    let first = start.elapsed();
    for _ in 0..10 {
        driver.scroll_frame();
    }
    println!(
        "memory: {name} ({bytes} bytes): first frame after {first:?}; RSS before opening {before}, peak RSS (VmHWM) {}",
        status_field("VmHWM:")
    );
}

/// A field of /proc/self/status, such as `VmHWM:`.
fn status_field(name: &str) -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(name))
        .map_or_else(|| "n/a".to_owned(), |l| l[name.len()..].trim().to_owned())
}
