//! Peak memory (budget in the README, Performance): the window (headless) with the long document open, after scrolling
//! it end to end. `cargo bench --bench memory` prints the peak resident set size (VmHWM).

#![allow(missing_docs, clippy::unwrap_used)] // a benchmark binary

mod support;

use hashiya::app::DocumentSession;
use hashiya::io;
use support::app_driver::AppDriver;
use support::workload::workload;

fn main() {
    // `cargo bench` passes `--bench`; there is nothing to filter.
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
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map_or_else(|| "n/a".to_owned(), |l| l[name.len()..].trim().to_owned())
    };
    println!(
        "memory: {what}, {spans} spans, scrolled end to end in {frames} frames: peak RSS (VmHWM) {}, RSS now {}",
        field("VmHWM:"),
        field("VmRSS:")
    );
}
