//! Suggestion sources on the long-document workload (ANERcorp as one 820,000-char document
//! with ~11,000 spans when `HASHIYA_BENCH_CORPUS` names it): learning the string matcher,
//! the refresh the window runs after each new span (learn it, find every learned string again,
//! build the command), and the rules (`cargo bench --bench suggest`). The window runs the
//! first and the last on a background thread; the refresh runs in the frame.

#![allow(missing_docs, clippy::unwrap_used, clippy::missing_panics_doc)] // a benchmark binary

#[allow(dead_code)] // each benchmark uses only part of the shared support code
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::model::{SuggestionRules, SuggestionSource};
use hashiya::suggest::{Matcher, rules};
use support::workload::workload;

fn matcher(c: &mut Criterion) {
    let (document, what) = workload();
    eprintln!(
        "workload: {what}: {} chars, {} spans",
        document.char_len(),
        document.spans().len()
    );
    c.bench_function("matcher_learn_820k", |b| {
        b.iter(|| Matcher::learn(&[&document], &[]).len());
    });
    let mut learned = Matcher::learn(&[&document], &[]);
    let span = &document.spans()[document.spans().len() / 2];
    let text = document.span_text(span).to_owned();
    eprintln!("matcher: {} suggestions", learned.suggest(&document).spans.len());
    c.bench_function("matcher_refresh_820k", |b| {
        b.iter(|| {
            learned.add_span(&text, &span.label);
            let (proposals, links) = learned.suggest(&document).proposals();
            document
                .suggestion_command(&SuggestionSource::Matcher, &proposals, &links)
                .1
        });
    });
}

/// "Accept all" of the matcher's suggestions of the most suggested label, in one undo step,
/// on a document that has lost half its spans (the matcher suggests them back).
fn accept_all_820k(c: &mut Criterion) {
    use hashiya::app::DocumentSession;
    use hashiya::app::suggestion_walk::accept_all;
    let (document, _) = workload();
    let kept: Vec<hashiya::model::Span> = document.spans().iter().step_by(2).cloned().collect();
    let half = hashiya::model::Document::from_parts(
        document.text().to_owned(),
        document.schema().clone(),
        document.meta().clone(),
        kept,
        Vec::new(),
    );
    let matcher = Matcher::learn(&[&document], &[]);
    let (proposals, _) = matcher.suggest(&half).proposals();
    let (command, _) = half.suggestion_command(&SuggestionSource::Matcher, &proposals, &[]);
    let mut session = DocumentSession::in_memory("bench.txt".into(), half);
    session.edit(command).unwrap();
    let mut labels: Vec<&str> = proposals.iter().map(|p| p.label.as_str()).collect();
    labels.sort_unstable();
    let label = labels
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map(|run| run[0])
        .unwrap()
        .to_owned();
    let accept = accept_all(session.document(), &label, 0.0).unwrap();
    if let hashiya::model::Command::AcceptSuggestions { ids, .. } = &accept {
        eprintln!("accept all {label}: {} suggestions", ids.len());
    }
    c.bench_function("accept_all_820k", |b| {
        b.iter(|| {
            session.edit(accept.clone()).unwrap();
            session.undo().unwrap()
        });
    });
}

fn rules_820k(c: &mut Criterion) {
    let (document, _) = workload();
    let rules_words = SuggestionRules::default();
    c.bench_function("rules_820k", |b| {
        b.iter(|| rules::suggest(&document, &rules_words).spans.len());
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = config();
    targets = matcher, accept_all_820k, rules_820k
}
criterion_main!(benches);
