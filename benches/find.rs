//! Find budgets: every match of a query in the long-document workload (820,000 chars) in
//! ≤ 20 ms, and in a folder of 1,000 articles in ≤ 300 ms (`cargo bench --bench find`).

#![allow(missing_docs, clippy::unwrap_used, clippy::missing_panics_doc)] // a benchmark binary

#[allow(dead_code)] // each benchmark uses only part of the shared support code
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::io::search::search_articles;
use hashiya::text::find::{FindOptions, SearchText};
use support::workload::workload;

/// Queries of every kind: a frequent word with prefixes, a two-word name, a rare word.
const QUERIES: [&str; 3] = ["الليبي", "الأمم المتحدة", "طرابلس"];

fn find_in_long_document(c: &mut Criterion) {
    let (document, what) = workload();
    eprintln!("workload: {what}: {} chars", document.char_len());
    let options = FindOptions::default();
    c.bench_function("find_prepare_820k", |b| b.iter(|| SearchText::new(document.text())));
    let text = SearchText::new(document.text());
    for query in QUERIES {
        let count = text.find(query, &options).unwrap().len();
        eprintln!("{query}: {count} matches");
    }
    // What typing in the find bar costs: the document is prepared once, when the bar opens.
    c.bench_function("find_queries_prepared_820k", |b| {
        b.iter(|| QUERIES.map(|query| text.find(query, &options).unwrap().len()));
    });
    c.bench_function("find_all_820k", |b| {
        b.iter(|| {
            let text = SearchText::new(document.text());
            QUERIES.map(|query| text.find(query, &options).unwrap().len())
        });
    });
}

fn find_in_folder(c: &mut Criterion) {
    let (document, _) = workload();
    let dir = tempfile::tempdir().unwrap();
    // 1,000 articles of ~800 chars each, cut from the workload at spaces.
    let chars: Vec<char> = document.text().chars().collect();
    for (index, piece) in chars.chunks(chars.len() / 1000).take(1000).enumerate() {
        let text: String = piece.iter().collect();
        std::fs::write(dir.path().join(format!("article-{index:04}.txt")), text).unwrap();
    }
    let options = FindOptions::default();
    let inputs = [dir.path().to_path_buf()];
    c.bench_function("find_folder_1000", |b| {
        b.iter(|| search_articles(&inputs, "الأمم المتحدة", &options).unwrap().total());
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = find_in_long_document, find_in_folder
}
criterion_main!(benches);
