//! What the tagger looks at: the attributes of each token of a sentence, given to the CRF
//! ([`super::tagger`]) as named binary features. Per token:
//!
//! - `w` the word as written (Latin lowercased) and `n` its normal form
//!   ([`crate::text::arabic::normalize`]: no diacritics, one alef, ي/ه for ى/ة, ASCII digits);
//! - `s` the stem: the normal form without attached proclitics (و/ف then ب/ك/ل, by the rule of
//!   [`crate::text::clitics`] with a lexicon of the training texts), `a` the stem without its
//!   article «ال», and flags for a stripped conjunction, preposition and article;
//! - `p1..p3` / `x1..x3`: the stem's first and last one to three letters;
//! - `sh` the shape (Arabic letters, Latin, capitalised, digits, punctuation; short or long);
//! - `c3`, `c4`: the character 3- and 4-grams of the stem with word edges marked (names share
//!   pieces: «-ستان», «-يان», «أبو-»);
//! - `gz`: gazetteer membership: the tag the stem had most often in annotated spans
//!   (`B-LABEL`, `I-LABEL` or `O` when it is annotated in under half its uses) and whether it was
//!   ever in a span. While training it is learned cross-validated: a sentence of fold k sees
//!   only what the other folds annotated, so the CRF learns how far to trust it on new text;
//!   when tagging it is learned from all the training documents;
//! - `pg`: the tag of the token inside a whole annotated phrase found again
//!   ([`super::phrases`]; `B-ORG`, `I-ORG` for «الامم المتحده»), for the token and ±1, learned
//!   cross-validated like `gz`;
//! - `k1`, `k2`: word clusters learned from the training texts themselves (no labels): each
//!   frequent word is described by its left and right neighbours among the most frequent
//!   words, and k-means groups words used alike (coarse 64 and fine 256 clusters), so a name
//!   never annotated still shares a cluster with annotated ones;
//! - for the neighbours at −2…+2: their normal form, and for ±1 their stem, cluster and
//!   gazetteer tag; `BOS`/`EOS` at the sentence's edges.

use std::collections::HashMap;

use crate::suggest::phrases::PhraseGazetteer;
use crate::text::arabic;
use crate::text::clitics::{Lexicon, proclitic_len};

/// Folds of the cross-validated gazetteer features.
pub const GAZETTEER_FOLDS: usize = 5;

/// Most frequent words whose neighbour counts describe a word for clustering.
const CONTEXT_WORDS: usize = 300;
/// Fewest occurrences for a word to be clustered.
const MIN_CLUSTER_COUNT: u32 = 3;
/// Clusters of the two granularities.
const CLUSTERS: [usize; 2] = [64, 256];
/// Rounds of k-means.
const KMEANS_ROUNDS: usize = 8;

/// The analysis of one token that features are built from.
#[derive(Clone, Debug, Default)]
pub struct TokenInfo {
    /// As written, Latin lowercased.
    pub word: String,
    /// Normal form.
    pub normal: String,
    /// Normal form without proclitics.
    pub stem: String,
    /// Whether a conjunction (و/ف) was stripped.
    pub conjunction: bool,
    /// Whether a preposition (ب/ك/ل) was stripped.
    pub preposition: bool,
}

impl TokenInfo {
    /// Analyses one token.
    #[must_use]
    pub fn new(token: &str, lexicon: &Lexicon) -> Self {
        let normal = arabic::normalize(token);
        let stripped = proclitic_len(token, lexicon);
        let prefix: String = token.chars().take(stripped).filter_map(arabic::fold).collect();
        let mut stem: String = token.chars().skip(stripped).filter_map(arabic::fold).collect();
        let preposition = prefix.chars().last().is_some_and(arabic::is_preposition);
        if prefix.ends_with('ل') && stem.starts_with('ل') && !stem.starts_with("ال") {
            // «للحداد»: the article's alef dropped after ل.
            stem.insert(0, 'ا');
        }
        Self {
            word: token.to_lowercase(),
            normal,
            stem,
            conjunction: prefix.starts_with(arabic::is_conjunction),
            preposition,
        }
    }
}

/// Word clusters: word (normal form) → cluster id, per granularity.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    ids: HashMap<String, [u16; 2]>,
}

impl Clusters {
    /// Learns clusters from sentences of normalised words.
    #[must_use]
    pub fn learn(sentences: &[Vec<String>]) -> Self {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for word in sentences.iter().flatten() {
            *counts.entry(word.as_str()).or_insert(0) += 1;
        }
        let mut by_count: Vec<(&str, u32)> = counts.iter().map(|(w, c)| (*w, *c)).collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let context: HashMap<&str, usize> = by_count
            .iter()
            .take(CONTEXT_WORDS)
            .enumerate()
            .map(|(i, (w, _))| (*w, i))
            .collect();
        let clustered: Vec<&str> = by_count
            .iter()
            .filter(|(_, c)| *c >= MIN_CLUSTER_COUNT)
            .map(|(w, _)| *w)
            .collect();
        let index: HashMap<&str, usize> = clustered.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        // Sparse vectors: left neighbours in 0..CONTEXT_WORDS, right ones after.
        let mut vectors: Vec<HashMap<u32, f32>> = vec![HashMap::new(); clustered.len()];
        for sentence in sentences {
            for (i, word) in sentence.iter().enumerate() {
                let Some(&row) = index.get(word.as_str()) else {
                    continue;
                };
                if let Some(&left) = i.checked_sub(1).and_then(|j| context.get(sentence[j].as_str())) {
                    *vectors[row].entry(left as u32).or_insert(0.0) += 1.0;
                }
                if let Some(&right) = sentence.get(i + 1).and_then(|w| context.get(w.as_str())) {
                    *vectors[row].entry((CONTEXT_WORDS + right) as u32).or_insert(0.0) += 1.0;
                }
            }
        }
        let vectors: Vec<Vec<(u32, f32)>> = vectors.into_iter().map(unit).collect();
        let assignments = CLUSTERS.map(|k| kmeans(&vectors, k));
        let ids = clustered
            .iter()
            .enumerate()
            .map(|(i, w)| ((*w).to_owned(), [assignments[0][i], assignments[1][i]]))
            .collect();
        Self { ids }
    }

    /// The clusters of a word (normal form), if it was clustered.
    #[must_use]
    pub fn of(&self, normal: &str) -> Option<[u16; 2]> {
        self.ids.get(normal).copied()
    }
}

/// A sparse count vector scaled to length 1, sorted by dimension.
fn unit(counts: HashMap<u32, f32>) -> Vec<(u32, f32)> {
    let norm = counts.values().map(|v| v * v).sum::<f32>().sqrt().max(f32::EPSILON);
    let mut vector: Vec<(u32, f32)> = counts.into_iter().map(|(d, v)| (d, v / norm)).collect();
    vector.sort_unstable_by_key(|&(d, _)| d);
    vector
}

/// Spherical k-means (cosine) with deterministic seeds (words spread over the frequency order).
fn kmeans(vectors: &[Vec<(u32, f32)>], k: usize) -> Vec<u16> {
    let dims = 2 * CONTEXT_WORDS;
    // A small corpus gets fewer clusters, so that words still share them.
    let k = k.min(vectors.len() / 3).max(1);
    if vectors.is_empty() {
        return Vec::new();
    }
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut dense = vec![0.0; dims];
            for &(d, v) in &vectors[c * vectors.len() / k] {
                dense[d as usize] = v;
            }
            dense
        })
        .collect();
    let mut assignment = vec![0u16; vectors.len()];
    for _ in 0..KMEANS_ROUNDS {
        for (vector, slot) in vectors.iter().zip(assignment.iter_mut()) {
            let mut best = (f32::MIN, 0);
            for (c, centroid) in centroids.iter().enumerate() {
                let dot: f32 = vector.iter().map(|&(d, v)| centroid[d as usize] * v).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *slot = best.1 as u16;
        }
        for centroid in &mut centroids {
            centroid.fill(0.0);
        }
        for (vector, &c) in vectors.iter().zip(&assignment) {
            for &(d, v) in vector {
                centroids[usize::from(c)][d as usize] += v;
            }
        }
        for centroid in &mut centroids {
            let norm = centroid.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                for v in centroid.iter_mut() {
                    *v /= norm;
                }
            }
        }
    }
    assignment
}

/// Gazetteer tags learned from tagged sentences: stem → counts of each BIO tag.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    tags: HashMap<String, HashMap<String, u32>>,
    /// The whole annotated phrases.
    pub phrases: PhraseGazetteer,
}

impl Gazetteer {
    /// Counts the tags of stems in tagged sentences.
    pub fn add<'a>(&mut self, stems: impl IntoIterator<Item = (&'a str, &'a str)>) {
        for (stem, tag) in stems {
            *self
                .tags
                .entry(stem.to_owned())
                .or_default()
                .entry(tag.to_owned())
                .or_insert(0) += 1;
        }
    }

    /// The feature value of a stem: its most frequent tag when an entity tag covers at least
    /// half of its uses, else `O`, plus whether it was ever in a span; `None` when never seen
    /// in a span.
    #[must_use]
    pub fn tag_of(&self, stem: &str) -> Option<&str> {
        let tags = self.tags.get(stem)?;
        let total: u32 = tags.values().sum();
        let (best, count) = tags
            .iter()
            .filter(|(tag, _)| tag.as_str() != "O")
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
        Some(if 2 * count >= total { best.as_str() } else { "O" })
    }
}

/// What features need beyond the sentence: the lexicon (for stems), the clusters and the
/// gazetteer.
#[derive(Clone, Debug, Default)]
pub struct FeatureContext {
    /// Words of the training texts, for stripping proclitics.
    pub lexicon: Lexicon,
    /// Word clusters of the training texts.
    pub clusters: Clusters,
}

/// The shape of a token.
fn shape(word: &str) -> String {
    let mut classes = String::new();
    for ch in word.chars() {
        let class = if arabic::is_arabic_letter(ch) {
            'a'
        } else if ch.is_uppercase() {
            'X'
        } else if ch.is_alphabetic() {
            'x'
        } else if ch.is_numeric() {
            'd'
        } else if arabic::is_mark(ch) {
            continue;
        } else {
            'p'
        };
        if !classes.ends_with(class) {
            classes.push(class);
        }
    }
    let length = match word.chars().count() {
        0..=2 => "s",
        3..=5 => "m",
        _ => "l",
    };
    format!("{classes}{length}")
}

fn prefix(text: &str, n: usize) -> Option<&str> {
    let end = text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
    (text.chars().count() >= n).then(|| &text[..end])
}

fn suffix(text: &str, n: usize) -> Option<&str> {
    let count = text.chars().count();
    (count >= n).then(|| {
        let start = text.char_indices().nth(count - n).map_or(0, |(b, _)| b);
        &text[start..]
    })
}

/// The features of every token of a sentence (see the module comment): one list of names
/// per token. `gazetteer` is the gazetteer this sentence may see.
#[must_use]
pub fn sentence_features(tokens: &[TokenInfo], context: &FeatureContext, gazetteer: &Gazetteer) -> Vec<Vec<String>> {
    let clusters: Vec<Option<[u16; 2]>> = tokens.iter().map(|t| context.clusters.of(&t.normal)).collect();
    let gazetteer_tags: Vec<Option<&str>> = tokens.iter().map(|t| gazetteer.tag_of(&t.stem)).collect();
    let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
    let phrase_tags = gazetteer.phrases.tags(&stems);
    let mut all = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let mut features = Vec::with_capacity(48);
        features.push("bias".to_owned());
        features.push(format!("w={}", token.word));
        features.push(format!("n={}", token.normal));
        features.push(format!("s={}", token.stem));
        let article = token.stem.strip_prefix("ال").filter(|rest| rest.chars().count() >= 2);
        if let Some(rest) = article {
            features.push(format!("a={rest}"));
            features.push("art".to_owned());
        }
        if token.conjunction {
            features.push("conj".to_owned());
        }
        if token.preposition {
            features.push("prep".to_owned());
        }
        let bare = article.unwrap_or(&token.stem);
        for n in 1..=3 {
            if let Some(p) = prefix(bare, n) {
                features.push(format!("p{n}={p}"));
            }
            if let Some(x) = suffix(bare, n) {
                features.push(format!("x{n}={x}"));
            }
        }
        features.push(format!("sh={}", shape(&token.word)));
        let padded: Vec<char> = std::iter::once('<')
            .chain(bare.chars())
            .chain(std::iter::once('>'))
            .collect();
        for n in [3, 4] {
            for gram in padded.windows(n) {
                features.push(format!("c{n}={}", gram.iter().collect::<String>()));
            }
        }
        if let Some([coarse, fine]) = clusters[i] {
            features.push(format!("k1={coarse}"));
            features.push(format!("k2={fine}"));
        }
        if let Some(tag) = gazetteer_tags[i] {
            features.push(format!("gz={tag}"));
            features.push("gz".to_owned());
        }
        if let Some(tag) = &phrase_tags[i] {
            features.push(format!("pg={tag}"));
        }
        for (offset, j) in [(-1, i.wrapping_sub(1)), (1, i + 1)] {
            if let Some(Some(tag)) = phrase_tags.get(j) {
                features.push(format!("pg[{offset}]={tag}"));
            }
        }
        for offset in [-2isize, -1, 1, 2] {
            let Some(j) = i.checked_add_signed(offset).filter(|&j| j < tokens.len()) else {
                features.push(format!("n[{offset}]={}", if offset < 0 { "BOS" } else { "EOS" }));
                continue;
            };
            let neighbour = &tokens[j];
            features.push(format!("n[{offset}]={}", neighbour.normal));
            if offset.abs() == 1 {
                features.push(format!("s[{offset}]={}", neighbour.stem));
                if let Some([coarse, _]) = clusters[j] {
                    features.push(format!("k1[{offset}]={coarse}"));
                }
                if let Some(tag) = gazetteer_tags[j] {
                    features.push(format!("gz[{offset}]={tag}"));
                }
            }
        }
        if i > 0 {
            features.push(format!("n[-1|0]={}|{}", tokens[i - 1].normal, token.normal));
        }
        all.push(features);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_lose_proclitics_and_keep_names() {
        let lexicon = Lexicon::from_text("الجيش قادة");
        let info = TokenInfo::new("والجيش", &lexicon);
        assert_eq!(info.stem, "الجيش");
        assert!(info.conjunction && !info.preposition);
        let name = TokenInfo::new("وليد", &lexicon);
        assert_eq!(name.stem, "وليد");
        let dropped = TokenInfo::new("للجيش", &lexicon);
        assert_eq!(dropped.stem, "الجيش");
        assert!(dropped.preposition);
    }

    #[test]
    fn features_name_the_parts() {
        let lexicon = Lexicon::default();
        let tokens: Vec<TokenInfo> = ["قال", "الرئيس", "أحمد"]
            .iter()
            .map(|w| TokenInfo::new(w, &lexicon))
            .collect();
        let mut gazetteer = Gazetteer::default();
        gazetteer.add([("احمد", "B-PERS"), ("احمد", "B-PERS"), ("احمد", "O")]);
        let features = sentence_features(&tokens, &FeatureContext::default(), &gazetteer);
        let of = |i: usize, name: &str| features[i].iter().any(|f| f == name);
        assert!(of(1, "a=رئيس") && of(1, "art") && of(1, "p1=ر") && of(1, "x2=يس") && of(1, "x3=ئيس"));
        assert!(of(2, "gz=B-PERS") && of(1, "gz[1]=B-PERS"));
        assert!(of(0, "n[-1]=BOS") && of(2, "n[1]=EOS") && of(0, "n[2]=احمد"));
        assert!(of(1, "c3=<رئ") && of(1, "sh=al"));
    }

    #[test]
    fn clusters_group_words_used_alike() {
        let mut sentences = Vec::new();
        for name in ["زيد", "عمرو", "خالد"] {
            for _ in 0..5 {
                sentences.push(vec!["قال".to_owned(), name.to_owned(), "ان".to_owned()]);
            }
        }
        for place in ["تونس", "مصر"] {
            for _ in 0..5 {
                sentences.push(vec!["في".to_owned(), place.to_owned(), ".".to_owned()]);
            }
        }
        let clusters = Clusters::learn(&sentences);
        let fine = |w: &str| clusters.of(w).map(|c| c[1]);
        assert_eq!(fine("زيد"), fine("خالد"));
        assert_eq!(fine("تونس"), fine("مصر"));
        assert_ne!(fine("زيد"), fine("تونس"));
        assert_eq!(clusters.of("غير"), None);
    }
}
