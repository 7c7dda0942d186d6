//! `hashiya suggest --eval`: trains a suggestion source on some documents and measures its
//! spans against the annotations of others (exact span match, per label and micro total).

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use crate::cli::args::{SuggestArgs, SuggestSource};
use crate::cli::output::Output;
use crate::export::ImportOptions;
use crate::export::files::{ImportFormat, read_import};
use crate::model::{Document, SuggestionRules};
use crate::suggest::eval::{Counts, Evaluation, given_document, split_by_position};
use crate::suggest::{Candidates, Matcher, Tagger, parse_gazetteer, rules};

/// Runs `hashiya suggest …`; returns the exit code.
#[must_use]
pub fn run(args: &SuggestArgs) -> i32 {
    if !args.eval {
        if args.inputs.is_empty() || !args.test.is_empty() || args.split_at.is_some() || args.json {
            eprintln!(
                "hashiya: error: without --eval, suggest writes suggestions into INPUT... (--test, --split-at and --json go with --eval) (see 'hashiya suggest --help')"
            );
            return 2;
        }
        return crate::cli::suggest_apply::run(args.source, &args.train, args.gazetteer.as_deref(), &args.inputs);
    }
    match measure(args) {
        Ok(report) => {
            let mut out = Output::stdout("suggest");
            out.print(&if args.json { report.json() } else { report.table() });
            out.finish(0)
        }
        Err((code, message)) => {
            eprintln!("hashiya suggest: {message}");
            code
        }
    }
}

/// What was measured.
struct Report {
    source: SuggestSource,
    train_documents: usize,
    test_documents: usize,
    train_seconds: f64,
    suggest_seconds: f64,
    evaluation: Evaluation,
}

fn source_name(source: SuggestSource) -> &'static str {
    match source {
        SuggestSource::Matcher => "matcher",
        SuggestSource::Rules => "rules",
        SuggestSource::Tagger => "tagger",
    }
}

fn measure(args: &SuggestArgs) -> Result<Report, (i32, String)> {
    let (train, test) = if let Some(fraction) = args.split_at {
        split_by_position(&read_all(&args.inputs)?, fraction)
    } else {
        (read_all(&args.train)?, read_all(&args.test)?)
    };
    if test.is_empty() {
        return Err((
            1,
            "no annotated document to test on (give --test INPUT... or --split-at F INPUT...)".to_owned(),
        ));
    }
    if train.is_empty() && args.source != SuggestSource::Rules {
        return Err((
            1,
            "no annotated document to train on (give --train INPUT...)".to_owned(),
        ));
    }
    let gazetteer = match &args.gazetteer {
        Some(path) => {
            let lines = crate::export::files::read_text(path).map_err(|e| (2, e.to_string()))?;
            parse_gazetteer(&lines).map_err(|e| (2, format!("{e}: {}", path.display())))?
        }
        None => Vec::new(),
    };
    let train_refs: Vec<&Document> = train.iter().collect();
    let started = Instant::now();
    let source = match args.source {
        SuggestSource::Matcher => Source::Matcher(Matcher::learn(&train_refs, &gazetteer)),
        SuggestSource::Rules => Source::Rules(SuggestionRules::default()),
        SuggestSource::Tagger => {
            let cancel = AtomicBool::new(false);
            let tagger = Tagger::train(&train_refs, &|_| {}, &cancel).map_err(|e| (1, e.to_string()))?;
            Source::Tagger(Box::new(tagger))
        }
    };
    let train_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut evaluation = Evaluation {
        given_labels: args.given.clone(),
        ..Evaluation::default()
    };
    for document in &test {
        let candidates = source.suggest(&given_document(document, &args.given));
        evaluation.add(document, &candidates);
    }
    Ok(Report {
        source: args.source,
        train_documents: train.len(),
        test_documents: test.len(),
        train_seconds,
        suggest_seconds: started.elapsed().as_secs_f64(),
        evaluation,
    })
}

enum Source {
    Matcher(Matcher),
    Rules(SuggestionRules),
    Tagger(Box<Tagger>),
}

impl Source {
    fn suggest(&self, document: &Document) -> Candidates {
        match self {
            Self::Matcher(matcher) => matcher.suggest(document),
            Self::Rules(word_lists) => rules::suggest(document, word_lists),
            Self::Tagger(tagger) => tagger.suggest(document),
        }
    }
}

/// The annotated documents of `inputs`: datasets (by extension) imported, the rest loaded as
/// articles and annotation files.
fn read_all(inputs: &[impl AsRef<Path>]) -> Result<Vec<Document>, (i32, String)> {
    let mut documents = Vec::new();
    for input in inputs {
        let path = input.as_ref();
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let format = match extension.as_str() {
            "conll" | "bio" | "iob" => Some(ImportFormat::Conll),
            "jsonl" => Some(ImportFormat::Jsonl),
            _ => None,
        };
        if let Some(format) = format {
            let imported = read_import(format, path, &ImportOptions::new("")).map_err(|e| (2, e.to_string()))?;
            documents.extend(imported.documents);
        } else {
            let loaded = crate::io::load_inputs(&[path]);
            if let Some(error) = loaded.errors.first() {
                return Err((2, error.to_string()));
            }
            documents.extend(loaded.documents);
        }
    }
    Ok(documents)
}

impl Report {
    fn table(&self) -> String {
        let mut text = String::new();
        let _ = writeln!(
            text,
            "{}: trained on {} in {:.1} s, suggested for {} in {:.1} s",
            source_name(self.source),
            crate::text::plural::counted(self.train_documents, "document", "documents"),
            self.train_seconds,
            crate::text::plural::counted(self.test_documents, "document", "documents"),
            self.suggest_seconds
        );
        let _ = writeln!(
            text,
            "{:<16} {:>9} {:>6} {:>6} {:>7} {:>8} {:>9}",
            "label", "precision", "recall", "F1", "correct", "proposed", "annotated"
        );
        let row = |text: &mut String, label: &str, counts: &Counts| {
            let _ = writeln!(
                text,
                "{label:<16} {:>9.3} {:>6.3} {:>6.3} {:>7} {:>8} {:>9}",
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.correct,
                counts.proposed,
                counts.annotated
            );
        };
        for (label, counts) in &self.evaluation.labels {
            row(&mut text, label, counts);
        }
        row(&mut text, "total (micro)", &self.evaluation.total);
        for (kind, counts) in &self.evaluation.links {
            row(&mut text, &format!("link {kind}"), counts);
        }
        text
    }

    fn json(&self) -> String {
        let counts = |c: &Counts| {
            serde_json::json!({
                "precision": c.precision(),
                "recall": c.recall(),
                "f1": c.f1(),
                "correct": c.correct,
                "proposed": c.proposed,
                "annotated": c.annotated,
            })
        };
        let labels: serde_json::Map<String, serde_json::Value> = self
            .evaluation
            .labels
            .iter()
            .map(|(label, c)| (label.clone(), counts(c)))
            .collect();
        let links: serde_json::Map<String, serde_json::Value> = self
            .evaluation
            .links
            .iter()
            .map(|(kind, c)| (kind.clone(), counts(c)))
            .collect();
        let value = serde_json::json!({
            "source": source_name(self.source),
            "train_documents": self.train_documents,
            "test_documents": self.test_documents,
            "train_seconds": self.train_seconds,
            "suggest_seconds": self.suggest_seconds,
            "labels": labels,
            "total": counts(&self.evaluation.total),
            "links": links,
        });
        format!("{value}\n")
    }
}
