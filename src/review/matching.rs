//! One-to-one matching of two annotators' spans of a label that overlap.

use crate::model::{Span, SpanId};

/// Pairs of spans (one of `a`, one of `b`, same label) that share at least one char, matched
/// one to one: the largest overlap first, ties by the earlier start (of `a`'s span, then
/// `b`'s).
#[must_use]
pub fn overlap_matches(a: &[Span], b: &[Span]) -> Vec<(SpanId, SpanId)> {
    let mut candidates: Vec<(usize, usize, usize, SpanId, SpanId)> = Vec::new();
    for left in a {
        for right in b.iter().filter(|r| r.label == left.label) {
            let shared = left
                .char_end
                .min(right.char_end)
                .saturating_sub(left.char_start.max(right.char_start));
            if shared > 0 {
                candidates.push((shared, left.char_start, right.char_start, left.id, right.id));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_a = std::collections::HashSet::new();
    let mut used_b = std::collections::HashSet::new();
    candidates
        .into_iter()
        .filter(|&(_, _, _, left, right)| {
            let free = !used_a.contains(&left) && !used_b.contains(&right);
            if free {
                used_a.insert(left);
                used_b.insert(right);
            }
            free
        })
        .map(|(_, _, _, left, right)| (left, right))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_overlap_first_one_to_one_same_label_only() {
        let a = vec![
            Span::new(SpanId(1), "Actor", 0, 10),
            Span::new(SpanId(2), "Actor", 12, 14),
        ];
        let b = vec![
            Span::new(SpanId(7), "Actor", 2, 13),   // shares 8 with A1, 1 with A2
            Span::new(SpanId(8), "Actor", 9, 11),   // shares 1 with A1
            Span::new(SpanId(9), "Quote", 0, 10),   // another label
            Span::new(SpanId(10), "Actor", 13, 20), // shares 1 with A2
        ];
        assert_eq!(
            overlap_matches(&a, &b),
            [(SpanId(1), SpanId(7)), (SpanId(2), SpanId(10))]
        );
    }
}
