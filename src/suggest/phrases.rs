//! The phrase gazetteer of the tagger's features: the whole annotated spans of the training
//! sentences (as sequences of stems), found again in a sentence longest first, so every token
//! of a known multi-word name carries where it sits in it («الامم المتحده»: `B-ORG`, `I-ORG`).
//! The token gazetteer of [`super::features::Gazetteer`] sees one stem at a time and cannot
//! tell the first word of a name from the next.
//!
//! As the matcher does, a phrase annotated in under half of its occurrences in the learned
//! sentences is not proposed: common words that were once part of a span stay quiet.

use std::collections::HashMap;

/// Most tokens of a phrase (longer spans are rare and seldom repeat word for word).
pub const MAX_PHRASE_TOKENS: usize = 6;

/// What is known of one phrase.
#[derive(Clone, Debug, Default)]
struct PhraseCounts {
    /// How often it was annotated, per label.
    labels: HashMap<String, u32>,
    /// How often it occurs in the learned sentences, annotated or not.
    occurrences: u32,
}

/// Annotated phrases: key (stems joined by U+0001) → counts.
#[derive(Clone, Debug, Default)]
pub struct PhraseGazetteer {
    phrases: HashMap<String, PhraseCounts>,
}

/// The key of a run of stems.
fn key<'a>(stems: impl IntoIterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for (i, stem) in stems.into_iter().enumerate() {
        if i > 0 {
            key.push('\u{1}');
        }
        key.push_str(stem);
    }
    key
}

/// The spans of BIO `tags` (`B-L`, then `I-L` of the same label) of at most
/// [`MAX_PHRASE_TOKENS`] tokens, each with its label; a stray `I-` starts none.
pub(crate) fn tagged_runs<T: AsRef<str>>(tags: &[T]) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(label) = tags[i].as_ref().strip_prefix("B-") else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && tags[end].as_ref().strip_prefix("I-") == Some(label) {
            end += 1;
        }
        if end - i <= MAX_PHRASE_TOKENS {
            runs.push((i..end, label));
        }
        i = end;
    }
    runs
}

impl PhraseGazetteer {
    /// Learns the spans of one tagged sentence: `stems` and their BIO `tags` (`B-L`, `I-L`,
    /// `O`). Call [`PhraseGazetteer::count`] on every learned sentence after all are added.
    pub fn add(&mut self, stems: &[&str], tags: &[&str]) {
        for (range, label) in tagged_runs(tags) {
            let counts = self.phrases.entry(key(stems[range].iter().copied())).or_default();
            *counts.labels.entry(label.to_owned()).or_insert(0) += 1;
        }
    }

    /// Counts the occurrences of the learned phrases in one sentence, annotated or not.
    pub fn count(&mut self, stems: &[&str]) {
        for start in 0..stems.len() {
            let mut run = String::new();
            for (n, stem) in stems[start..].iter().take(MAX_PHRASE_TOKENS).enumerate() {
                if n > 0 {
                    run.push('\u{1}');
                }
                run.push_str(stem);
                if let Some(counts) = self.phrases.get_mut(&run) {
                    counts.occurrences += 1;
                }
            }
        }
    }

    /// The label of a phrase when it was annotated in at least half of its occurrences.
    fn label_of(&self, run: &str) -> Option<&str> {
        let counts = self.phrases.get(run)?;
        let (label, annotated) = counts.labels.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        let total: u32 = counts.labels.values().sum();
        (2 * total >= counts.occurrences)
            .then_some(label.as_str())
            .filter(|_| *annotated > 0)
    }

    /// The tag of every token of a sentence: from left to right the longest known phrase
    /// wins, its first token `B-L` and the others `I-L`; `None` outside known phrases.
    #[must_use]
    pub fn tags(&self, stems: &[&str]) -> Vec<Option<String>> {
        let mut tags = vec![None; stems.len()];
        let mut start = 0;
        while start < stems.len() {
            let mut run = String::new();
            let mut best: Option<(usize, &str)> = None;
            for (n, stem) in stems[start..].iter().take(MAX_PHRASE_TOKENS).enumerate() {
                if n > 0 {
                    run.push('\u{1}');
                }
                run.push_str(stem);
                if let Some(label) = self.label_of(&run) {
                    best = Some((n + 1, label));
                }
            }
            match best {
                Some((len, label)) => {
                    tags[start] = Some(format!("B-{label}"));
                    for tag in &mut tags[start + 1..start + len] {
                        *tag = Some(format!("I-{label}"));
                    }
                    start += len;
                }
                None => start += 1,
            }
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_first_and_common_words_quiet() {
        let mut gazetteer = PhraseGazetteer::default();
        let learned: [(&[&str], &[&str]); 3] = [
            (&["في", "الامم", "المتحده", "اليوم"], &["O", "B-ORG", "I-ORG", "O"]),
            (&["الامم", "تتحدث"], &["B-MISC", "O"]),
            (&["قال", "على", "ان"], &["O", "B-PERS", "O"]),
        ];
        for (stems, tags) in learned {
            gazetteer.add(stems, tags);
        }
        let unannotated: [&[&str]; 2] = [&["على", "الطاوله"], &["على", "الارض"]];
        for (stems, _) in learned {
            gazetteer.count(stems);
        }
        for stems in unannotated {
            gazetteer.count(stems);
        }
        let tags = gazetteer.tags(&["ان", "الامم", "المتحده", "على", "حق"]);
        assert_eq!(
            tags,
            [None, Some("B-ORG".to_owned()), Some("I-ORG".to_owned()), None, None]
        );
        // Alone, the one-word phrase is known too.
        assert_eq!(gazetteer.tags(&["الامم"]), [Some("B-MISC".to_owned())]);
    }
}
