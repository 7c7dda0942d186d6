//! Agreement over a folder of 1,000 articles × 3 annotators must take ≤ 2 s (issue "Review"):
//! `agree_folder_1000x3` reads the 3,000 annotation files with their articles and measures, as
//! `hashiya agree` does; `agree_measure_1000x3` is the measure alone. `cargo bench --bench agree`.

#![allow(missing_docs, clippy::unwrap_used, clippy::missing_panics_doc)] // a benchmark binary

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::io::{AnnotatorFile, load_annotator_file};
use hashiya::model::{Document, DocumentMeta, SpanId};
use hashiya::review::{Agreement, Version};

const ARTICLES: usize = 1_000;
const SAMPLE: &str = "libya-army-leaders-meeting.ar";

/// The sample's annotation as a second annotator might differ from it: `omar` leaves out every
/// seventh span (and its links), `lina` ends every fifth span one char sooner.
fn annotator_version(sample: &Document, annotator: &str) -> Document {
    let mut spans = sample.spans().to_vec();
    let mut links = sample.links().to_vec();
    match annotator {
        "omar" => {
            let dropped: Vec<SpanId> = spans.iter().step_by(7).map(|s| s.id).collect();
            spans.retain(|s| !dropped.contains(&s.id));
            links.retain(|l| !dropped.contains(&l.from) && !dropped.contains(&l.to));
        }
        "lina" => {
            for span in spans.iter_mut().step_by(5).filter(|s| s.char_len() > 1) {
                span.char_end -= 1;
            }
        }
        _ => {}
    }
    let meta = DocumentMeta {
        annotator: annotator.to_owned(),
        ..sample.meta().clone()
    };
    Document::from_parts(sample.text().to_owned(), sample.schema().clone(), meta, spans, links)
}

/// A folder of `ARTICLES` copies of the sample, each with three annotators' files.
fn folder(dir: &Path) -> Vec<PathBuf> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let sample = hashiya::io::load_document(&samples.join(format!("{SAMPLE}.txt")))
        .unwrap()
        .document;
    let text = std::fs::read(samples.join(format!("{SAMPLE}.txt"))).unwrap();
    let versions: Vec<(&str, Document)> = ["sara", "omar", "lina"]
        .into_iter()
        .map(|who| (who, annotator_version(&sample, who)))
        .collect();
    let mut files = Vec::new();
    for n in 0..ARTICLES {
        std::fs::write(dir.join(format!("news-{n}.txt")), &text).unwrap();
        for (who, document) in &versions {
            let meta = DocumentMeta {
                source_name: format!("news-{n}.txt"),
                ..document.meta().clone()
            };
            let document = Document::from_parts(
                document.text().to_owned(),
                document.schema().clone(),
                meta,
                document.spans().to_vec(),
                document.links().to_vec(),
            );
            let path = dir.join(format!("news-{n}.{who}.hashiya.ron"));
            std::fs::write(&path, hashiya::io::to_ron_string(&document)).unwrap();
            files.push(path);
        }
    }
    files
}

fn measure(files: &[AnnotatorFile]) -> Agreement {
    let versions: Vec<Version<'_>> = files
        .iter()
        .map(|f| Version {
            annotator: &f.annotator,
            article: &f.article,
            document: &f.document,
        })
        .collect();
    Agreement::measure(&versions)
}

fn agree(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let paths = folder(dir.path());
    c.bench_function("agree_folder_1000x3", |b| {
        b.iter(|| {
            let files: Vec<AnnotatorFile> = paths.iter().map(|p| load_annotator_file(p).unwrap()).collect();
            let agreement = measure(&files);
            assert_eq!(agreement.documents.len(), ARTICLES);
            agreement
        });
    });
    let files: Vec<AnnotatorFile> = paths.iter().map(|p| load_annotator_file(p).unwrap()).collect();
    c.bench_function("agree_measure_1000x3", |b| b.iter(|| measure(&files)));
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(15))
}

criterion_group! {
    name = benches;
    config = config();
    targets = agree
}
criterion_main!(benches);
