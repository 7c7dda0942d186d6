//! Which underline lane each span is drawn in, so that overlapping and nested spans all stay
//! visible: an interval colouring where a span takes the lowest lane free at its start. Outer
//! spans come first (ties at a start go to the longer span), so they sit in the lower lanes.

use crate::model::{Span, SpanId};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Lane of every span (0 = the lane nearest the text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanLanes {
    lanes: HashMap<SpanId, u8>,
    max_lane: u8,
}

impl SpanLanes {
    /// Assigns lanes to `spans` in O(n log n).
    #[must_use]
    pub fn new(spans: &[Span]) -> Self {
        let mut order: Vec<&Span> = spans.iter().collect();
        order.sort_by_key(|s| (s.char_start, Reverse(s.char_end), s.id));
        let mut active: BinaryHeap<Reverse<(usize, u8)>> = BinaryHeap::new();
        let mut free: BinaryHeap<Reverse<u8>> = BinaryHeap::new();
        let mut next_lane: u8 = 0;
        let mut lanes = HashMap::with_capacity(spans.len());
        for span in order {
            while let Some(&Reverse((end, lane))) = active.peek() {
                if end > span.char_start {
                    break;
                }
                active.pop();
                free.push(Reverse(lane));
            }
            let lane = if let Some(Reverse(lane)) = free.pop() {
                lane
            } else {
                let lane = next_lane;
                next_lane = next_lane.saturating_add(1);
                lane
            };
            active.push(Reverse((span.char_end, lane)));
            lanes.insert(span.id, lane);
        }
        Self {
            lanes,
            max_lane: next_lane.saturating_sub(1),
        }
    }

    /// The lane of a span (0 for unknown ids).
    #[must_use]
    pub fn lane(&self, id: SpanId) -> u8 {
        self.lanes.get(&id).copied().unwrap_or(0)
    }

    /// The highest lane in use.
    #[must_use]
    pub fn max_lane(&self) -> u8 {
        self.max_lane
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(id: u64, start: usize, end: usize) -> Span {
        Span::new(SpanId(id), "Actor", start, end)
    }

    #[test]
    fn nested_and_overlapping_spans_get_distinct_lanes() {
        // A quote (0..20) holding an actor (5..10), a second actor overlapping the quote's end,
        // and a span after everything, which reuses lane 0.
        let spans = [span(1, 0, 20), span(2, 5, 10), span(3, 15, 25), span(4, 30, 35)];
        let lanes = SpanLanes::new(&spans);
        assert_eq!(lanes.lane(SpanId(1)), 0);
        assert_eq!(lanes.lane(SpanId(2)), 1);
        assert_eq!(
            lanes.lane(SpanId(3)),
            1,
            "lane 1 is free again after the actor ends at 10"
        );
        assert_eq!(lanes.lane(SpanId(4)), 0);
        assert_eq!(lanes.max_lane(), 1);
    }

    #[test]
    fn overlapping_spans_never_share_a_lane() {
        let spans: Vec<Span> = (0..200)
            .map(|i| span(i, (i as usize * 7) % 97, (i as usize * 7) % 97 + 1 + i as usize % 13))
            .collect();
        let lanes = SpanLanes::new(&spans);
        for a in &spans {
            for b in &spans {
                let overlap = a.char_start < b.char_end && b.char_start < a.char_end;
                if a.id != b.id && overlap {
                    assert_ne!(lanes.lane(a.id), lanes.lane(b.id), "{a:?} and {b:?}");
                }
            }
        }
    }
}
