//! Agreement between annotators over the same articles (the measures are defined in the
//! README): span F1 exact and with overlap, token-level Cohen's κ and Krippendorff's α per
//! label, link F1 under overlap matching, and the places where they disagree.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::export::tokens::{SentenceSplit, tokenize};
use crate::model::{Document, SpanId};
use crate::review::coefficients::{cohen_kappa, krippendorff_alpha_nominal};
use crate::review::matching::overlap_matches;

/// One annotator's version of an article.
#[derive(Clone, Copy, Debug)]
pub struct Version<'d> {
    /// Who annotated it.
    pub annotator: &'d str,
    /// Which article (its file name): versions of one article share it.
    pub article: &'d str,
    /// The annotations.
    pub document: &'d Document,
}

/// F1 over all pairs of annotators, overall and per label (or link kind). `None`: nothing to
/// compare (no span on either side).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct F1Table {
    /// Mean over pairs of the F1 pooled over the articles both annotated.
    pub f1: Option<f64>,
    /// The same per label (spans) or per kind (links).
    pub by_label: BTreeMap<String, Option<f64>>,
}

/// A range where the annotators' labels differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// The article.
    pub article: String,
    /// Unicode scalar offsets of the range.
    pub char_start: usize,
    /// Exclusive end.
    pub char_end: usize,
    /// Each annotator's label at exactly that range (`None`: no span there).
    pub labels: BTreeMap<String, Option<String>>,
}

/// Agreement of every annotator with every other, over their versions of the same articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agreement {
    /// Annotators, sorted.
    pub annotators: Vec<String>,
    /// Articles with at least two versions.
    pub documents: Vec<String>,
    /// Spans matched on (start, end, label).
    pub spans_exact: F1Table,
    /// Spans of a label matched one to one when they share a char.
    pub spans_overlap: F1Table,
    /// Cohen's κ per label on tokens (mean over pairs with more than two annotators).
    pub kappa: BTreeMap<String, Option<f64>>,
    /// Krippendorff's α (nominal) per label on tokens, all annotators at once.
    pub alpha: BTreeMap<String, Option<f64>>,
    /// Links matched on kind and overlap-matched ends.
    pub links: F1Table,
    /// Exact span F1 for each pair of annotators (in `annotators` order).
    pub pairwise: BTreeMap<(String, String), Option<f64>>,
    /// Exact span F1 per article (mean over its pairs).
    pub per_document: BTreeMap<String, Option<f64>>,
    /// The ranges where labels differ, in article and text order.
    pub disagreements: Vec<Disagreement>,
}

/// Matched count and the two sides' totals, summed over articles.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    matched: usize,
    left: usize,
    right: usize,
}

impl Counts {
    fn add(&mut self, matched: usize, left: usize, right: usize) {
        self.matched += matched;
        self.left += left;
        self.right += right;
    }

    fn f1(self) -> Option<f64> {
        let total = self.left + self.right;
        (total > 0).then(|| 2.0 * self.matched as f64 / total as f64)
    }
}

/// F1 counts per pair of annotators, overall and per label.
#[derive(Default)]
struct PairCounts {
    all: BTreeMap<(String, String), Counts>,
    by_label: BTreeMap<String, BTreeMap<(String, String), Counts>>,
}

impl PairCounts {
    fn add(&mut self, pair: &(String, String), label: &str, matched: usize, left: usize, right: usize) {
        self.all.entry(pair.clone()).or_default().add(matched, left, right);
        self.by_label
            .entry(label.to_owned())
            .or_default()
            .entry(pair.clone())
            .or_default()
            .add(matched, left, right);
    }

    fn table(&self) -> F1Table {
        F1Table {
            f1: mean(self.all.values().map(|c| c.f1())),
            by_label: self
                .by_label
                .iter()
                .map(|(label, pairs)| (label.clone(), mean(pairs.values().map(|c| c.f1()))))
                .collect(),
        }
    }
}

/// The mean of the defined values; `None` when there is none.
fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = values.flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

impl Agreement {
    /// Measures the agreement of `versions` (several annotators' versions of the same
    /// articles, grouped by article name; an article with one version is not compared).
    #[must_use]
    pub fn measure(versions: &[Version<'_>]) -> Self {
        let mut by_article: BTreeMap<&str, Vec<Version<'_>>> = BTreeMap::new();
        for version in versions {
            by_article.entry(version.article).or_default().push(*version);
        }
        by_article.retain(|_, versions| versions.len() >= 2);
        for versions in by_article.values_mut() {
            versions.sort_by(|a, b| a.annotator.cmp(b.annotator));
        }
        let annotators: BTreeSet<String> = by_article.values().flatten().map(|v| v.annotator.to_owned()).collect();
        let mut exact = PairCounts::default();
        let mut overlap = PairCounts::default();
        let mut links = PairCounts::default();
        let mut per_document = BTreeMap::new();
        let mut disagreements = Vec::new();
        let mut kappa_pairs: BTreeMap<String, Vec<Option<f64>>> = BTreeMap::new();
        let mut alpha_units: BTreeMap<String, Vec<Vec<bool>>> = BTreeMap::new();
        for (article, versions) in &by_article {
            let mut document_exact = PairCounts::default();
            for (i, a) in versions.iter().enumerate() {
                for b in &versions[i + 1..] {
                    let pair = (a.annotator.to_owned(), b.annotator.to_owned());
                    exact_counts(a.document, b.document, &pair, &mut exact);
                    exact_counts(a.document, b.document, &pair, &mut document_exact);
                    overlap_and_link_counts(a.document, b.document, &pair, &mut overlap, &mut links);
                }
            }
            per_document.insert((*article).to_owned(), document_exact.table().f1);
            token_codings(versions, &mut kappa_pairs, &mut alpha_units);
            disagreements.extend(disagreements_of(article, versions));
        }
        let pairwise = exact
            .all
            .iter()
            .map(|(pair, counts)| (pair.clone(), counts.f1()))
            .collect();
        Self {
            annotators: annotators.into_iter().collect(),
            documents: by_article.keys().map(|&a| a.to_owned()).collect(),
            spans_exact: exact.table(),
            spans_overlap: overlap.table(),
            kappa: kappa_pairs
                .into_iter()
                .map(|(label, values)| (label, mean(values.into_iter())))
                .collect(),
            alpha: alpha_units
                .into_iter()
                .map(|(label, units)| (label, krippendorff_alpha_nominal(&units)))
                .collect(),
            links: links.table(),
            pairwise,
            per_document,
            disagreements,
        }
    }
}

fn labels_of(a: &Document, b: &Document) -> BTreeSet<String> {
    a.spans().iter().chain(b.spans()).map(|s| s.label.clone()).collect()
}

fn exact_counts(a: &Document, b: &Document, pair: &(String, String), counts: &mut PairCounts) {
    for label in labels_of(a, b) {
        let key = |d: &Document| -> HashSet<(usize, usize)> {
            d.spans()
                .iter()
                .filter(|s| s.label == label)
                .map(|s| (s.char_start, s.char_end))
                .collect()
        };
        let (left, right) = (key(a), key(b));
        let matched = left.intersection(&right).count();
        counts.add(pair, &label, matched, left.len(), right.len());
    }
}

fn overlap_and_link_counts(
    a: &Document,
    b: &Document,
    pair: &(String, String),
    overlap: &mut PairCounts,
    links: &mut PairCounts,
) {
    let pairs = overlap_matches(a.spans(), b.spans());
    for label in labels_of(a, b) {
        let count = |d: &Document| d.spans().iter().filter(|s| s.label == label).count();
        let matched = pairs
            .iter()
            .filter(|(left, _)| a.span(*left).is_some_and(|s| s.label == label))
            .count();
        overlap.add(pair, &label, matched, count(a), count(b));
    }
    let to_b: HashMap<SpanId, SpanId> = pairs.into_iter().collect();
    let b_links: HashSet<(&str, SpanId, SpanId)> = b.links().iter().map(|l| (l.kind.as_str(), l.from, l.to)).collect();
    let kinds: BTreeSet<&str> = a.links().iter().chain(b.links()).map(|l| l.kind.as_str()).collect();
    for kind in kinds {
        let count = |d: &Document| d.links().iter().filter(|l| l.kind == kind).count();
        let matched = a
            .links()
            .iter()
            .filter(|l| l.kind == kind)
            .filter(|l| match (to_b.get(&l.from), to_b.get(&l.to)) {
                (Some(&from), Some(&to)) => b_links.contains(&(kind, from, to)),
                _ => false,
            })
            .count();
        links.add(pair, kind, matched, count(a), count(b));
    }
}

/// Each annotator's coding of each token for each label (covered by a span of it or not):
/// Cohen's κ per pair, and the units of Krippendorff's α.
fn token_codings(
    versions: &[Version<'_>],
    kappa_pairs: &mut BTreeMap<String, Vec<Option<f64>>>,
    alpha_units: &mut BTreeMap<String, Vec<Vec<bool>>>,
) {
    let text = versions[0].document.text();
    let tokens = tokenize(text, &[], &[], SentenceSplit::Unicode);
    let labels: BTreeSet<&str> = versions
        .iter()
        .flat_map(|v| v.document.spans().iter().map(|s| s.label.as_str()))
        .collect();
    for label in labels {
        let codings: Vec<Vec<bool>> = versions
            .iter()
            .map(|version| {
                tokens
                    .iter()
                    .map(|token| {
                        version
                            .document
                            .spans_overlapping(token.char_start, token.char_end)
                            .any(|s| s.label == label)
                    })
                    .collect()
            })
            .collect();
        for (i, a) in codings.iter().enumerate() {
            for b in &codings[i + 1..] {
                kappa_pairs.entry(label.to_owned()).or_default().push(cohen_kappa(a, b));
            }
        }
        let units = alpha_units.entry(label.to_owned()).or_default();
        units.extend((0..tokens.len()).map(|t| codings.iter().map(|c| c[t]).collect()));
    }
}

/// The ranges where not every annotator has the same labels, one entry per range.
fn disagreements_of(article: &str, versions: &[Version<'_>]) -> Vec<Disagreement> {
    let mut ranges: BTreeMap<(usize, usize), BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for version in versions {
        for span in version.document.spans() {
            ranges
                .entry((span.char_start, span.char_end))
                .or_default()
                .entry(version.annotator)
                .or_default()
                .insert(span.label.as_str());
        }
    }
    ranges
        .into_iter()
        .filter(|(_, by_annotator)| {
            let first = by_annotator.values().next();
            by_annotator.len() < versions.len() || by_annotator.values().any(|labels| Some(labels) != first)
        })
        .map(|((char_start, char_end), by_annotator)| Disagreement {
            article: article.to_owned(),
            char_start,
            char_end,
            labels: versions
                .iter()
                .map(|v| {
                    let labels = by_annotator.get(v.annotator);
                    let joined = labels.map(|set| set.iter().copied().collect::<Vec<_>>().join("+"));
                    (v.annotator.to_owned(), joined)
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Link, LinkId, Schema, Span};

    const TEXT: &str = "قال الفريق محمد الحداد إن الجيش موحد وأكد الناظوري ذلك";

    fn span(id: u64, label: &str, needle: &str) -> Span {
        let byte = TEXT.find(needle).expect("in the text");
        let start = TEXT[..byte].chars().count();
        Span::new(SpanId(id), label, start, start + needle.chars().count())
    }

    fn speaker(from: u64, to: u64) -> Link {
        Link {
            id: LinkId(1),
            kind: "speaker".into(),
            from: SpanId(from),
            to: SpanId(to),
        }
    }

    fn document(spans: Vec<Span>, links: Vec<Link>) -> Document {
        Document::from_parts(
            TEXT.into(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            links,
        )
    }

    fn close(value: Option<f64>, expected: f64) -> bool {
        value.is_some_and(|v| (v - expected).abs() < 1e-9)
    }

    /// A: Actor «الفريق محمد الحداد», Quote «الجيش موحد» said by it, Actor «الناظوري».
    /// B: Actor «محمد الحداد» (overlaps A's), the same Quote said by B's actor, the same
    /// «الناظوري», and an Agreed action «ذلك» A does not have.
    #[test]
    fn every_measure_of_a_case_computed_by_hand() {
        let a = document(
            vec![
                span(1, "Actor", "الفريق محمد الحداد"),
                span(2, "Quote", "الجيش موحد"),
                span(3, "Actor", "الناظوري"),
            ],
            vec![speaker(2, 1)],
        );
        let b = document(
            vec![
                span(1, "Actor", "محمد الحداد"),
                span(2, "Quote", "الجيش موحد"),
                span(3, "Actor", "الناظوري"),
                span(4, "Agreed action", "ذلك"),
            ],
            vec![speaker(2, 1)],
        );
        let versions = [
            Version {
                annotator: "b",
                article: "x.txt",
                document: &b,
            },
            Version {
                annotator: "a",
                article: "x.txt",
                document: &a,
            },
        ];
        let agreement = Agreement::measure(&versions);
        assert_eq!(agreement.annotators, ["a", "b"]);
        assert_eq!(agreement.documents, ["x.txt"]);
        // Exact: Actor 1 of 2 + 2 → 0.5; Quote 1.0; Agreed action 0 of 0 + 1 → 0.0;
        // overall 2 matched of 3 + 4 → 4/7.
        let exact = &agreement.spans_exact;
        assert!(close(exact.f1, 4.0 / 7.0), "{exact:?}");
        assert!(close(exact.by_label["Actor"], 0.5));
        assert!(close(exact.by_label["Quote"], 1.0));
        assert!(close(exact.by_label["Agreed action"], 0.0));
        // Overlap: both actors match now → 3 of 3 + 4 → 6/7.
        assert!(close(agreement.spans_overlap.f1, 6.0 / 7.0));
        assert!(close(agreement.spans_overlap.by_label["Actor"], 1.0));
        // The speaker links join overlap-matched spans: they agree.
        assert!(close(agreement.links.f1, 1.0));
        assert!(close(agreement.links.by_label["speaker"], 1.0));
        // Tokens (10): Actor differs on «الفريق» only; A codes 4 tokens, B 3.
        // κ = (0.9 − 0.54) / 0.46; α = 1 − 2 · 19 / (2 · 13 · 7).
        assert!(close(agreement.kappa["Actor"], 0.36 / 0.46));
        assert!(close(agreement.alpha["Actor"], 1.0 - 38.0 / 182.0));
        assert!(close(agreement.kappa["Quote"], 1.0));
        assert!(close(agreement.alpha["Quote"], 1.0));
        assert!(close(agreement.kappa["Agreed action"], 0.0));
        assert!(close(agreement.alpha["Agreed action"], 0.0));
        // Three ranges differ: A's actor, B's actor, B's agreed action.
        let differing: Vec<(usize, usize, Vec<Option<String>>)> = agreement
            .disagreements
            .iter()
            .map(|d| (d.char_start, d.char_end, d.labels.values().cloned().collect()))
            .collect();
        let range = |needle: &str| {
            let s = span(0, "", needle);
            (s.char_start, s.char_end)
        };
        let actor = Some("Actor".to_owned());
        assert_eq!(
            differing,
            [
                (
                    range("الفريق محمد الحداد").0,
                    range("الفريق محمد الحداد").1,
                    vec![actor.clone(), None]
                ),
                (range("محمد الحداد").0, range("محمد الحداد").1, vec![None, actor]),
                (
                    range("ذلك").0,
                    range("ذلك").1,
                    vec![None, Some("Agreed action".to_owned())]
                ),
            ]
        );
        assert!(close(agreement.pairwise[&("a".to_owned(), "b".to_owned())], 4.0 / 7.0));
        assert!(close(agreement.per_document["x.txt"], 4.0 / 7.0));
    }

    #[test]
    fn an_article_with_one_version_is_not_compared_and_identical_versions_agree_fully() {
        let a = document(vec![span(1, "Actor", "الناظوري")], Vec::new());
        let lone = [Version {
            annotator: "a",
            article: "x.txt",
            document: &a,
        }];
        assert!(Agreement::measure(&lone).documents.is_empty());
        let same = [
            lone[0],
            Version {
                annotator: "b",
                ..lone[0]
            },
            Version {
                annotator: "c",
                ..lone[0]
            },
        ];
        let agreement = Agreement::measure(&same);
        assert!(close(agreement.spans_exact.f1, 1.0));
        assert!(close(agreement.alpha["Actor"], 1.0));
        assert_eq!(agreement.pairwise.len(), 3);
        assert!(agreement.disagreements.is_empty());
    }
}
