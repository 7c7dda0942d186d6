//! Dataset splits by document (`train=0.8,dev=0.1,test=0.1`), deterministic for a seed: each
//! document's place comes from a hash of its id and the seed, not from the input order, and
//! the part sizes are exact (largest remainder rounding).

use std::fmt;
use std::str::FromStr;

/// How to split documents: named parts with the fraction of documents each gets.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitSpec {
    parts: Vec<(String, f64)>,
}

/// Why a split specification is unusable.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("bad split \"{spec}\": {reason}")]
pub struct SplitError {
    /// The specification as given.
    pub spec: String,
    /// What is wrong with it.
    pub reason: SplitProblem,
}

/// What is wrong with a split specification (the window words it through its catalogue).
#[derive(Clone, Debug, thiserror::Error, PartialEq)]
pub enum SplitProblem {
    /// A part is not `NAME=FRACTION`.
    #[error("\"{0}\" is not NAME=FRACTION")]
    NotNameFraction(String),
    /// A part's name has other characters than letters, digits, `-` and `_`.
    #[error("part name \"{0}\" must be letters, digits, - or _")]
    BadName(String),
    /// Two parts have the same name.
    #[error("part \"{0}\" is given twice")]
    Twice(String),
    /// A fraction is not a non-negative number.
    #[error("\"{0}\" is not a fraction")]
    NotFraction(String),
    /// The fractions do not add up to 1.
    #[error("the fractions add up to {0}, not 1")]
    Sum(f64),
}

impl SplitSpec {
    /// The parts, in the order given: name and fraction.
    #[must_use]
    pub fn parts(&self) -> &[(String, f64)] {
        &self.parts
    }

    /// Assigns documents (by id) to parts: for each part, the indices into `ids` of its
    /// documents, in input order. The same ids and seed always give the same assignment,
    /// whatever their order.
    #[must_use]
    pub fn assign(&self, ids: &[&str], seed: u64) -> Vec<Vec<usize>> {
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by_cached_key(|&i| (mix(seed, ids[i]), ids[i], i));
        let mut assigned = Vec::with_capacity(self.parts.len());
        let mut taken = 0;
        for count in self.counts(ids.len()) {
            let mut part = order[taken..taken + count].to_vec();
            part.sort_unstable();
            assigned.push(part);
            taken += count;
        }
        assigned
    }

    /// Part sizes for `total` documents: floors of the exact shares, then one more for the
    /// parts with the largest remainders (earlier parts first on ties).
    fn counts(&self, total: usize) -> Vec<usize> {
        let exact: Vec<f64> = self.parts.iter().map(|(_, f)| f * total as f64).collect();
        let mut counts: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
        let mut left = total.saturating_sub(counts.iter().sum());
        let mut by_remainder: Vec<usize> = (0..counts.len()).collect();
        by_remainder.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
        for &i in by_remainder.iter().cycle() {
            if left == 0 {
                break;
            }
            counts[i] += 1;
            left -= 1;
        }
        counts
    }
}

impl FromStr for SplitSpec {
    type Err = SplitError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let error = |reason: SplitProblem| SplitError {
            spec: spec.to_owned(),
            reason,
        };
        let mut parts: Vec<(String, f64)> = Vec::new();
        for part in spec.split(',').map(str::trim) {
            let (name, fraction) = part
                .split_once('=')
                .ok_or_else(|| error(SplitProblem::NotNameFraction(part.to_owned())))?;
            let name = name.trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(error(SplitProblem::BadName(name.to_owned())));
            }
            if parts.iter().any(|(n, _)| n == name) {
                return Err(error(SplitProblem::Twice(name.to_owned())));
            }
            let fraction: f64 = fraction
                .trim()
                .parse()
                .ok()
                .filter(|f: &f64| f.is_finite() && *f >= 0.0)
                .ok_or_else(|| error(SplitProblem::NotFraction(fraction.trim().to_owned())))?;
            parts.push((name.to_owned(), fraction));
        }
        let sum: f64 = parts.iter().map(|(_, f)| f).sum();
        if (sum - 1.0).abs() > 1e-6 {
            return Err(error(SplitProblem::Sum(sum)));
        }
        Ok(Self { parts })
    }
}

impl fmt::Display for SplitSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.parts.iter().map(|(n, x)| format!("{n}={x}")).collect();
        f.write_str(&parts.join(","))
    }
}

/// A 64-bit hash of an id under a seed: FNV-1a over the bytes, then the `SplitMix64`
/// finalizer, so that similar ids land far apart.
fn mix(seed: u64, id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut z = hash.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("article-{i:03}")).collect()
    }

    #[test]
    fn exact_sizes_and_deterministic() {
        let spec: SplitSpec = "train=0.8,dev=0.1,test=0.1".parse().expect("spec");
        let names = ids(25);
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let parts = spec.assign(&refs, 7);
        let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
        assert_eq!(sizes, [20, 3, 2]);
        assert_eq!(parts, spec.assign(&refs, 7));
        assert_ne!(parts, spec.assign(&refs, 8));
        let mut all: Vec<usize> = parts.concat();
        all.sort_unstable();
        assert_eq!(all, (0..25).collect::<Vec<_>>());
        // Input order does not matter: the same ids land in the same parts.
        let reversed: Vec<&str> = refs.iter().rev().copied().collect();
        let by_name = |parts: Vec<Vec<usize>>, ids: &[&str]| -> Vec<Vec<String>> {
            parts
                .into_iter()
                .map(|p| {
                    let mut names: Vec<String> = p.into_iter().map(|i| ids[i].to_owned()).collect();
                    names.sort();
                    names
                })
                .collect()
        };
        assert_eq!(by_name(parts, &refs), by_name(spec.assign(&reversed, 7), &reversed));
    }

    #[test]
    fn small_and_empty_inputs() {
        let spec: SplitSpec = "train=0.8,dev=0.1,test=0.1".parse().expect("spec");
        assert_eq!(spec.assign(&[], 1), [Vec::<usize>::new(), Vec::new(), Vec::new()]);
        let sizes: Vec<usize> = spec.assign(&["a", "b", "c"], 1).iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 0, 0]);
        let spec: SplitSpec = "a=0.5,b=0.5".parse().expect("spec");
        let sizes: Vec<usize> = spec.assign(&["x", "y", "z"], 1).iter().map(Vec::len).collect();
        assert_eq!(sizes, [2, 1]);
    }

    #[test]
    fn bad_specs() {
        for bad in [
            "train=0.8,dev=0.1",
            "train",
            "train=x,dev=1",
            "a b=1",
            "a=0.5,a=0.5",
            "a=-1,b=2",
            "a=NaN",
        ] {
            assert!(bad.parse::<SplitSpec>().is_err(), "{bad}");
        }
        let spec: SplitSpec = "train=0.7, test=0.3".parse().expect("spec");
        assert_eq!(spec.to_string(), "train=0.7,test=0.3");
    }
}
