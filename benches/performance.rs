//! The performance budgets (README, Performance) on the long-document workload (ANERcorp as one 820,000-char document
//! with ~11,000 spans when `HASHIYA_BENCH_CORPUS` names it, else generated text of that size):
//! `cargo bench --bench performance`. The frame benchmarks run the real window code headless.

#![allow(missing_docs, clippy::unwrap_used, clippy::missing_panics_doc)] // a benchmark binary

#[allow(dead_code)] // each benchmark uses only part of the shared support code
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::vec2;
use hashiya::app::DocumentSession;
use hashiya::export::conll::{self, ConllOptions};
use hashiya::export::jsonl::{self, JsonlFlavor};
use hashiya::io;
use hashiya::model::{Command, Document};
use hashiya::ui::AppAction;
use support::app_driver::AppDriver;
use support::pathological;
use support::workload::{anercorp_options, workload};

/// The window size of the frame benchmarks.
const WINDOW: egui::Vec2 = egui::Vec2::new(1280.0, 800.0);

/// The workload written to a temporary folder: `NAME.txt` and `NAME.hashiya.ron`.
struct Files {
    _dir: tempfile::TempDir,
    article: PathBuf,
    ron: PathBuf,
    document: Document,
}

fn files(with_spans: bool) -> Files {
    let (mut document, what) = workload();
    eprintln!(
        "workload: {what}: {} chars, {} spans",
        document.char_len(),
        document.spans().len()
    );
    if !with_spans {
        document = Document::new(
            document.text().to_owned(),
            document.schema().clone(),
            document.meta().clone(),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    std::fs::write(&article, document.text()).unwrap();
    let ron = io::annotation_path_for(&article);
    if with_spans {
        io::save_document(&document, &ron).unwrap();
    }
    Files {
        _dir: dir,
        article,
        ron,
        document,
    }
}

fn driver(files: &Files) -> AppDriver {
    let mut driver = AppDriver::new(DocumentSession::open(&files.article).unwrap(), WINDOW);
    // Let the first frames settle (layout of the first screen, glyph atlas warm-up).
    for _ in 0..3 {
        driver.frame(Vec::new());
    }
    driver
}

fn open_first_frame(c: &mut Criterion) {
    let files = files(true);
    c.bench_function("open_first_frame", |b| {
        b.iter(|| {
            let session = DocumentSession::open(&files.article).unwrap();
            let mut driver = AppDriver::new(session, WINDOW);
            driver.frame(Vec::new())
        });
    });
}

/// The first frame of articles that once made the layout explode (see `support::pathological`):
/// opening the file and drawing the window, as `open_first_frame`. Budget: 150 ms each.
fn open_pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("open_pathological");
    group.sample_size(10);
    for name in pathological::CASES {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join(format!("{name}.txt"));
        let text = pathological::text(name).unwrap();
        std::fs::write(&article, &text).unwrap();
        eprintln!("{name}: {} bytes, {} chars", text.len(), text.chars().count());
        drop(text);
        group.bench_function(name, |b| {
            b.iter(|| {
                let session = DocumentSession::open(&article).unwrap();
                let mut driver = AppDriver::new(session, WINDOW);
                driver.frame(Vec::new())
            });
        });
    }
    group.finish();
}

/// Scrolls a screen per frame; wraps to the top at the end.
fn scroll_bench(c: &mut Criterion, id: &str, with_spans: bool) {
    let files = files(with_spans);
    let mut driver = driver(&files);
    c.bench_function(id, |b| {
        b.iter(|| {
            if driver.at_end() {
                driver.app.article_view_mut().scroll_to_char(0);
                driver.frame(Vec::new());
            }
            driver.scroll_frame()
        });
    });
    report_percentiles(id, &mut driver);
}

/// Median and 99th percentile of single scroll frames, end to end through the document.
fn report_percentiles(id: &str, driver: &mut AppDriver) {
    driver.app.article_view_mut().scroll_to_char(0);
    driver.frame(Vec::new());
    let mut times = Vec::new();
    while !driver.at_end() && times.len() < 5_000 {
        let start = Instant::now();
        driver.scroll_frame();
        times.push(start.elapsed());
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    eprintln!(
        "{id}: {} frames end to end: median {:?}, p99 {:?}, max {:?}",
        times.len(),
        at(0.5),
        at(0.99),
        times.last().copied().unwrap_or_default()
    );
}

fn scroll_frame(c: &mut Criterion) {
    scroll_bench(c, "scroll_frame", true);
}

/// Adjudication on the long document: three annotators' files beside it (the workload; every
/// seventh span left out; every fifth span a char shorter), the gold file open and still empty,
/// so every proposal is open and outlined (the heaviest case). A screen per frame; budget 4 ms.
fn adjudication_frame(c: &mut Criterion) {
    let files = files(true);
    let document = &files.document;
    for (who, skip, shorten) in [
        ("sara", usize::MAX, usize::MAX),
        ("omar", 7, usize::MAX),
        ("lina", usize::MAX, 5),
    ] {
        let mut spans = Vec::new();
        for (i, span) in document.spans().iter().enumerate() {
            let mut span = span.clone();
            if i % skip == 0 {
                continue;
            }
            if i % shorten == 0 && span.char_len() > 1 {
                span.char_end -= 1;
            }
            spans.push(span);
        }
        let kept: std::collections::HashSet<_> = spans.iter().map(|s| s.id).collect();
        let links = document
            .links()
            .iter()
            .filter(|l| kept.contains(&l.from) && kept.contains(&l.to))
            .cloned()
            .collect();
        let meta = hashiya::model::DocumentMeta {
            annotator: who.into(),
            ..document.meta().clone()
        };
        let version = Document::from_parts(
            document.text().to_owned(),
            document.schema().clone(),
            meta,
            spans,
            links,
        );
        let path = io::project::annotator_file(&files.article, who);
        std::fs::write(path, io::to_ron_string(&version)).unwrap();
    }
    std::fs::remove_file(&files.ron).unwrap();
    let mut driver = driver(&files);
    let ctx = driver.ctx.clone();
    let started = Instant::now();
    driver.app.perform(&ctx, AppAction::Adjudicate);
    driver.frame(Vec::new());
    eprintln!(
        "adjudication_frame: starting (3 files read, proposals gathered) took {:?}",
        started.elapsed()
    );
    for _ in 0..3 {
        driver.frame(Vec::new());
    }
    c.bench_function("adjudication_frame", |b| {
        b.iter(|| {
            if driver.at_end() {
                driver.app.article_view_mut().scroll_to_char(0);
                driver.frame(Vec::new());
            }
            driver.scroll_frame()
        });
    });
    report_percentiles("adjudication_frame", &mut driver);
}

fn scroll_frame_no_spans(c: &mut Criterion) {
    scroll_bench(c, "scroll_frame_no_spans", false);
}

fn resize_frame(c: &mut Criterion) {
    let files = files(true);
    let mut driver = driver(&files);
    let mut narrow = false;
    c.bench_function("resize_frame", |b| {
        b.iter(|| {
            narrow = !narrow;
            driver.size = if narrow {
                vec2(WINDOW.x - 97.0, WINDOW.y)
            } else {
                WINDOW
            };
            driver.frame(Vec::new())
        });
    });
}

fn edit_frame(c: &mut Criterion) {
    let files = files(true);
    let mut driver = driver(&files);
    let visible = driver.app.article_view_mut().visible_chars();
    let ctx = driver.ctx.clone();
    let mut added = false;
    c.bench_function("edit_frame", |b| {
        b.iter(|| {
            // Alternately add a span in view and undo it: an edit each frame, bounded state.
            let action = if added {
                AppAction::Undo
            } else {
                AppAction::Edit(Command::AddSpan {
                    label: "Quote".into(),
                    char_start: visible.start + 3,
                    char_end: visible.start + 40,
                })
            };
            added = !added;
            driver.app.perform(&ctx, action);
            driver.frame(Vec::new())
        });
    });
}

/// Typing in the find bar with the matches highlighted: each frame adds or removes a letter
/// of a frequent query (every «ال…» word of the document matches), so each frame searches the
/// whole document again and paints the matches in view.
fn find_typing_frame(c: &mut Criterion) {
    let files = files(true);
    let mut driver = driver(&files);
    let ctx = driver.ctx.clone();
    driver.app.perform(&ctx, AppAction::Find);
    driver.frame(Vec::new());
    driver.frame(vec![egui::Event::Text("ال".into())]);
    let mut longer = false;
    c.bench_function("find_typing_frame", |b| {
        b.iter(|| {
            longer = !longer;
            let event = if longer {
                egui::Event::Text("ج".into())
            } else {
                egui::Event::Key {
                    key: egui::Key::Backspace,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                }
            };
            driver.frame(vec![event])
        });
    });
}

fn save_and_load_ron(c: &mut Criterion) {
    let files = files(true);
    c.bench_function("save_ron", |b| {
        b.iter(|| io::save_document(&files.document, &files.ron).unwrap());
    });
    c.bench_function("load_ron", |b| {
        b.iter(|| {
            io::load_annotations(&files.ron, files.document.text())
                .unwrap()
                .document
                .spans()
                .len()
        });
    });
}

fn formats(c: &mut Criterion) {
    let (document, _) = workload();
    let conll_text = conll::export_str(std::slice::from_ref(&document), &ConllOptions::default()).0;
    let options = anercorp_options();
    let corpus = std::env::var_os("HASHIYA_BENCH_CORPUS").and_then(|p| std::fs::read_to_string(p).ok());
    let input = corpus.as_deref().unwrap_or(&conll_text);
    c.bench_function("import_conll", |b| {
        b.iter(|| conll::import_str(input, &options).documents.len());
    });
    let documents = [document];
    c.bench_function("export_jsonl", |b| {
        b.iter(|| jsonl::export_str(&documents, JsonlFlavor::Hashiya).0.len());
    });
    c.bench_function("export_conll", |b| {
        b.iter(|| conll::export_str(&documents, &ConllOptions::default()).0.len());
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = open_first_frame, open_pathological, scroll_frame, scroll_frame_no_spans, adjudication_frame, resize_frame, edit_frame, find_typing_frame, save_and_load_ron, formats
}
criterion_main!(benches);
