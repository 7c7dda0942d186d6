//! The sequence tagger: a linear-chain CRF (the pure-Rust `CRFsuite` port `crfs`, trained by
//! the averaged perceptron) over the `CoNLL` tokens of [`crate::export::tokens`], BIO tags,
//! trained on the annotated spans of documents (the outermost span where spans nest, as a
//! one-column `CoNLL` export keeps them). Features: [`super::features`].
//!
//! Why the averaged perceptron and not L-BFGS: on `ANERcorp`'s 120k training tokens, `crfs`'s
//! L-BFGS costs about a second per iteration and was still far from converged after the 42
//! iterations that fit in a minute (F1 0.657); ten perceptron epochs take about 7 s and, with
//! the document-level steps below, reach F1 0.69 (README, "Suggestion sources").
//!
//! Training runs in one call meant for a background thread: `progress` is called with the
//! share done (0–1) and `cancel` is checked between steps. The CRF's own training is one
//! call of the library, which reports nothing and cannot be interrupted: progress jumps over
//! it and a cancel during it takes effect when it returns.
//!
//! Sentences are given to the CRF joined into sequences of at least [`CHUNK_TOKENS`] tokens
//! (each sentence keeps its own features, `BOS`/`EOS` included): for every sequence `crfs`
//! copies and updates dense vectors as long as the whole feature set, so thousands of short
//! sentences made an epoch cost seconds; much longer sequences make fewer, coarser updates
//! and lose accuracy (1000 tokens: F1 0.667). The only other thing lost is that a tag
//! transition is also learned across a sentence end, where the tags are nearly always `O`.
//!
//! Tagging a document reads it whole, twice ([`super::consistency`]): what the first pass
//! tagged is added to the gazetteer features, as annotations of other texts are in training,
//! and the second pass tags again with them; then a phrase tagged somewhere is tagged where it
//! recurs untagged. A new name tagged in one sentence is so found in the others.
//!
//! Scores: `crfs` gives the best tag sequence but neither its probability nor the marginals,
//! so every span the tagger proposes has score 1.0.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crfs::Attribute;
use crfs::train::Trainer;

use crate::export::ExportReport;
use crate::export::conll::tag_outermost;
use crate::export::tokens::{SentenceSplit, tokenize};
use crate::model::Document;
use crate::suggest::candidate::{Candidates, SpanCandidate};
use crate::suggest::consistency;
use crate::suggest::features::{Clusters, FeatureContext, GAZETTEER_FOLDS, Gazetteer, TokenInfo, sentence_features};
use crate::text::clitics::Lexicon;

/// Why training failed.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    /// The documents have no annotated span.
    #[error("no annotated span to learn from")]
    NothingToLearn,
    /// `cancel` was set.
    #[error("training cancelled")]
    Cancelled,
    /// The CRF library or its model file failed.
    #[error("CRF training failed: {0}")]
    Crf(String),
}

/// Fewest tokens of a training sequence (sentences are joined up to it; see the module
/// comment).
pub const CHUNK_TOKENS: usize = 200;

/// How the CRF is trained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaggerOptions {
    /// Passes of the averaged perceptron over the training sequences.
    pub epochs: usize,
    /// Least count of a feature (attribute and label seen together) to keep it.
    pub min_feature_count: f64,
    /// Seed of the order the sequences are visited in (a fixed seed: the same documents
    /// always train the same model).
    pub seed: u64,
    /// Whether the CRF library prints its epochs on stdout (for tuning).
    pub verbose: bool,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        Self {
            // Measured on ANERcorp's split: 8–12 epochs give F1 0.687–0.694; more overfit
            // (15: 0.685, 20: 0.680) and cost more.
            epochs: 10,
            // Features seen once are mostly noise; dropping them halves the model.
            min_feature_count: 2.0,
            seed: 7,
            verbose: false,
        }
    }
}

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// The model as `crfs` writes it.
    model: Vec<u8>,
    context: FeatureContext,
    gazetteer: Gazetteer,
}

/// One sentence of training data: its tokens and BIO tags.
struct TaggedSentence {
    tokens: Vec<TokenInfo>,
    tags: Vec<String>,
}

/// A temporary file name for the model (`crfs` writes models to a path).
fn model_path() -> std::path::PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "hashiya-crf-{}-{nanos}-{}.model",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

fn crf_error(error: &impl std::fmt::Display) -> TaggerError {
    TaggerError::Crf(error.to_string())
}

impl Tagger {
    /// Trains on the annotated spans of `documents` (documents without spans are left out:
    /// unannotated is not "nothing here") with the default options.
    pub fn train(documents: &[&Document], progress: &dyn Fn(f32), cancel: &AtomicBool) -> Result<Self, TaggerError> {
        Self::train_with(documents, TaggerOptions::default(), progress, cancel)
    }

    /// [`Tagger::train`] with other options.
    // One pass from documents to model, step by step with progress and cancel checks between.
    #[allow(clippy::too_many_lines)]
    pub fn train_with(
        documents: &[&Document],
        options: TaggerOptions,
        progress: &dyn Fn(f32),
        cancel: &AtomicBool,
    ) -> Result<Self, TaggerError> {
        let check = || {
            if cancel.load(Ordering::Relaxed) {
                Err(TaggerError::Cancelled)
            } else {
                Ok(())
            }
        };
        let annotated: Vec<&Document> = documents.iter().copied().filter(|d| !d.spans().is_empty()).collect();
        if annotated.is_empty() {
            return Err(TaggerError::NothingToLearn);
        }
        progress(0.0);
        let mut lexicon = Lexicon::default();
        for document in &annotated {
            lexicon.add_text(document.text());
        }
        let mut sentences = Vec::new();
        for document in &annotated {
            let tagged = tag_outermost(document, SentenceSplit::Unicode, &mut ExportReport::default());
            for range in tagged.sentences() {
                let mut sentence = TaggedSentence {
                    tokens: Vec::with_capacity(range.len()),
                    tags: Vec::with_capacity(range.len()),
                };
                for index in range {
                    sentence
                        .tokens
                        .push(TokenInfo::new(tagged.tokens[index].text, &lexicon));
                    sentence
                        .tags
                        .push(match tagged.tags_of(index).first().copied().flatten() {
                            Some((true, label)) => format!("B-{label}"),
                            Some((false, label)) => format!("I-{label}"),
                            None => "O".to_owned(),
                        });
                }
                sentences.push(sentence);
            }
            check()?;
        }
        progress(0.05);
        let normal_sentences: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.normal.clone()).collect())
            .collect();
        let context = FeatureContext {
            lexicon,
            clusters: Clusters::learn(&normal_sentences),
        };
        check()?;
        progress(0.1);
        // Cross-validated gazetteers: fold k's sentences see what the other folds annotated.
        let mut folds = vec![Gazetteer::default(); GAZETTEER_FOLDS];
        let mut full = Gazetteer::default();
        for (index, sentence) in sentences.iter().enumerate() {
            let pairs = || {
                sentence
                    .tokens
                    .iter()
                    .map(|t| t.stem.as_str())
                    .zip(sentence.tags.iter().map(String::as_str))
            };
            for (fold, gazetteer) in folds.iter_mut().enumerate() {
                if fold != index % GAZETTEER_FOLDS {
                    gazetteer.add(pairs());
                }
            }
            full.add(pairs());
            let stems: Vec<&str> = sentence.tokens.iter().map(|t| t.stem.as_str()).collect();
            let tags: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
            for (fold, gazetteer) in folds.iter_mut().enumerate() {
                if fold != index % GAZETTEER_FOLDS {
                    gazetteer.phrases.add(&stems, &tags);
                }
            }
            full.phrases.add(&stems, &tags);
        }
        for (index, sentence) in sentences.iter().enumerate() {
            let stems: Vec<&str> = sentence.tokens.iter().map(|t| t.stem.as_str()).collect();
            for (fold, gazetteer) in folds.iter_mut().enumerate() {
                if fold != index % GAZETTEER_FOLDS {
                    gazetteer.phrases.count(&stems);
                }
            }
            full.phrases.count(&stems);
        }
        let mut trainer = Trainer::averaged_perceptron();
        trainer.verbose(options.verbose);
        trainer
            .set_feature_minfreq(options.min_feature_count)
            .map_err(|e| crf_error(&e))?;
        let params = trainer.params_mut();
        params
            .set_max_iterations(options.epochs.max(1))
            .map_err(|e| crf_error(&e))?;
        params.set_shuffle_seed(Some(options.seed));
        let count = sentences.len().max(1);
        let mut items: Vec<Vec<Attribute>> = Vec::new();
        let mut tags: Vec<&str> = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            let features = sentence_features(&sentence.tokens, &context, &folds[index % GAZETTEER_FOLDS]);
            items.extend(features.into_iter().map(attributes));
            tags.extend(sentence.tags.iter().map(String::as_str));
            if items.len() >= CHUNK_TOKENS || index + 1 == sentences.len() {
                if !items.is_empty() {
                    trainer.append(&items, &tags).map_err(|e| crf_error(&e))?;
                }
                items.clear();
                tags.clear();
                check()?;
                progress(0.1 + 0.2 * index as f32 / count as f32);
            }
        }
        progress(0.3);
        let path = model_path();
        let model = trainer.train(&path).and_then(|()| std::fs::read(&path));
        // The model is in memory (or training failed); a leftover temporary file is harmless.
        let _ = std::fs::remove_file(&path);
        let model = model.map_err(|e| crf_error(&e))?;
        check()?;
        crfs::Model::new(&model).map_err(|e| crf_error(&e))?;
        progress(1.0);
        Ok(Self {
            model,
            context,
            gazetteer: full,
        })
    }

    /// The spans the tagger finds in `document` (never one it already has, nor a label its
    /// schema lacks); each has score 1.0 (see the module comment).
    #[must_use]
    pub fn suggest(&self, document: &Document) -> Candidates {
        let mut candidates = Candidates::default();
        let Ok(model) = crfs::Model::new(&self.model) else {
            return candidates;
        };
        let Ok(tagger) = model.tagger() else {
            return candidates;
        };
        let existing: HashSet<(usize, usize, &str)> = document
            .spans()
            .iter()
            .map(|s| (s.char_start, s.char_end, s.label.as_str()))
            .collect();
        let tokens = tokenize(document.text(), &[], &[], SentenceSplit::Unicode);
        let mut starts: Vec<usize> = (0..tokens.len())
            .filter(|&i| i == 0 || tokens[i].starts_sentence)
            .collect();
        starts.push(tokens.len());
        let infos: Vec<TokenInfo> = tokens
            .iter()
            .map(|t| TokenInfo::new(t.text, &self.context.lexicon))
            .collect();
        let stems: Vec<String> = infos.iter().map(|t| t.stem.clone()).collect();
        let tag_all = |gazetteer: &Gazetteer| {
            let mut tags: Vec<String> = Vec::with_capacity(tokens.len());
            for window in starts.windows(2) {
                let items: Vec<Vec<Attribute>> =
                    sentence_features(&infos[window[0]..window[1]], &self.context, gazetteer)
                        .into_iter()
                        .map(attributes)
                        .collect();
                let sentence_tags = tagger.tag(&items).unwrap_or_default();
                tags.extend(sentence_tags.into_iter().map(str::to_owned));
                tags.resize(window[1], "O".to_owned());
            }
            tags
        };
        // See the module comment: a second pass with what the first found, then one sense
        // per document.
        let first = tag_all(&self.gazetteer);
        let mut tags = tag_all(&consistency::with_document(&self.gazetteer, &stems, &first, &starts));
        consistency::propagate(&stems, &mut tags, &starts);
        let mut open: Option<(usize, usize, &str)> = None;
        let mut close = |open: &mut Option<(usize, usize, &str)>| {
            if let Some((start, end, label)) = open.take()
                && !existing.contains(&(start, end, label))
                && document.schema().label(label).is_some()
            {
                candidates.spans.push(SpanCandidate {
                    char_start: start,
                    char_end: end,
                    label: label.to_owned(),
                    score: 1.0,
                });
            }
        };
        for (index, (token, tag)) in tokens.iter().zip(&tags).enumerate() {
            let (begins, label) = match tag.split_once('-') {
                Some(("B", label)) => (true, label),
                Some(("I", label)) => (false, label),
                _ => {
                    close(&mut open);
                    continue;
                }
            };
            let begins = begins || index == 0 || token.starts_sentence;
            match &mut open {
                Some((_, end, open_label)) if !begins && *open_label == label => *end = token.char_end,
                _ => {
                    close(&mut open);
                    open = Some((token.char_start, token.char_end, label));
                }
            }
        }
        close(&mut open);
        candidates
    }
}

fn attributes(names: Vec<String>) -> Vec<Attribute> {
    names.into_iter().map(|name| Attribute::new(name, 1.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::testing::document;

    #[test]
    fn learns_titled_names_and_finds_new_ones() {
        let mut text = String::new();
        let mut spans = Vec::new();
        let names = ["محمد", "علي", "سالم", "خالد", "عمر", "يوسف", "ابراهيم", "حسن"];
        for name in names {
            text += "وقال الرئيس ";
            text += name;
            text += " إن الوضع هادئ. ";
        }
        let surfaces: Vec<String> = names.iter().map(|n| format!("الرئيس {n}")).collect();
        for surface in &surfaces {
            spans.push((surface.as_str(), "Actor"));
        }
        let training = document(&text, &spans);
        let cancel = AtomicBool::new(false);
        let reported = std::cell::Cell::new(0.0f32);
        let tagger = Tagger::train(&[&training], &|p| reported.set(p), &cancel).expect("trains");
        assert!((reported.get() - 1.0).abs() < f32::EPSILON);
        let target = document("وقال الرئيس محمد إن الوضع هادئ.", &[]);
        let found = tagger.suggest(&target);
        let texts: Vec<&str> = found
            .spans
            .iter()
            .map(|c| target.text_of(c.char_start, c.char_end))
            .collect();
        assert_eq!(texts, ["الرئيس محمد"]);
        assert_eq!(found.spans[0].label, "Actor");
        // What the document already has is not proposed again.
        assert!(tagger.suggest(&training).spans.is_empty());
    }

    #[test]
    fn nothing_to_learn_and_cancel() {
        let cancel = AtomicBool::new(false);
        let empty = document("لا شيء هنا.", &[]);
        assert!(matches!(
            Tagger::train(&[&empty], &|_| {}, &cancel),
            Err(TaggerError::NothingToLearn)
        ));
        cancel.store(true, Ordering::Relaxed);
        let some = document("قال الرئيس.", &[("الرئيس", "Actor")]);
        assert!(matches!(
            Tagger::train(&[&some], &|_| {}, &cancel),
            Err(TaggerError::Cancelled)
        ));
    }
}
