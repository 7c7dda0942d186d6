//! Importing many small documents: `hashiya import` of a 10,000-document JSONL dataset must
//! take under 10 s (every save used to list the whole output folder, which made an import
//! quadratic in the number of documents). `cargo bench --bench import_many`.

#![allow(missing_docs, clippy::unwrap_used, clippy::missing_panics_doc)] // a benchmark binary

use std::fmt::Write as _;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hashiya::export::ImportOptions;
use hashiya::export::dataset::{ImportRequest, import_dataset};
use hashiya::export::files::ImportFormat;

/// Documents in the dataset.
const DOCUMENTS: usize = 10_000;

/// A JSONL dataset of `DOCUMENTS` short articles, each with two spans and a speaker link.
fn dataset() -> String {
    let mut jsonl = String::new();
    for n in 0..DOCUMENTS {
        writeln!(
            jsonl,
            r#"{{"id":"news-{n}","text":"قال الفريق إن الاجتماع {n} مثمر","spans":[{{"id":1,"start":4,"end":10,"label":"Actor"}},{{"id":2,"start":11,"end":22,"label":"Quote"}}],"relations":[{{"id":1,"label":"speaker","head":2,"child":1}}]}}"#
        )
        .unwrap();
    }
    jsonl
}

fn import_many(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dataset.jsonl");
    std::fs::write(&input, dataset()).unwrap();
    let options = ImportOptions::new("");
    c.bench_function("import_10000_documents", |b| {
        b.iter_batched(
            || tempfile::tempdir_in(dir.path()).unwrap(),
            |out| {
                let request = ImportRequest {
                    format: ImportFormat::Jsonl,
                    input: &input,
                    options: &options,
                    out: out.path(),
                    force: false,
                };
                let outcome = import_dataset(&request, &mut |_, _| {}).unwrap();
                assert_eq!(outcome.articles.len(), DOCUMENTS);
                assert!(outcome.refused.is_empty());
                out
            },
            BatchSize::PerIteration,
        );
    });
}

fn config() -> Criterion {
    // Each iteration writes 20,000 files: the fewest samples criterion allows.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(20))
}

criterion_group! {
    name = benches;
    config = config();
    targets = import_many
}
criterion_main!(benches);
