//! Re-anchoring: when the article changed, find where each span's stored text is now, using
//! the spans around it as context, and leave a span orphaned rather than put it in a wrong
//! place.
//!
//! The file keeps, per span, its old offsets and its text (the old article itself is gone).
//! An edit moves every span after it by the same displacement ("shift"), so spans that keep
//! their relative positions confirm each other. The rule:
//!
//! 1. Every occurrence of every stored text is found in one pass over the article (an
//!    Aho–Corasick automaton), so the work is linear in the article and the number of
//!    occurrences, whatever the number of spans that moved or vanished.
//! 2. Blocks: an occurrence is *supported* by each of the span's neighbours (up to
//!    [`NEIGHBOURS`] before and after it in the old reading order) whose own text occurs at the
//!    same shift, where that place is still free. Occurrences are taken best supported first
//!    (a tie goes to the shift nearer to that of the article's start, 0, or end, the change
//!    in length); support is counted again when an occurrence comes up,
//!    since neighbours placed elsewhere meanwhile no longer count. This places unchanged,
//!    moved and swapped stretches of text, and a span of a deleted sentence cannot take the
//!    place of the span whose words it repeats: that place is taken, with more support.
//! 3. Single spans (no neighbour confirms any occurrence): in reading order, an occurrence is
//!    accepted only between the places of the nearest placed spans before and after it, and
//!    only when its shift is within [`SHIFT_TOLERANCE`] chars of the shift of one of them
//!    (text inserted or removed around the span), the nearest such one winning. Where a side
//!    has no placed span, the start of the article (shift 0) or its end stands in.
//! 4. No two spans are put on one range unless they shared their old range too; whatever is
//!    not placed by these rules is an orphan.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use aho_corasick::AhoCorasick;

use crate::text::CharIndex;

/// Where a span ended up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Its text is still at its offsets.
    InPlace,
    /// Its text was found starting at this char offset.
    Moved(usize),
    /// Its text is not in the article, or not where its context says it should be.
    Orphan,
}

/// A span as stored: old char offsets and text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stored<'s> {
    /// Old start (chars).
    pub start: usize,
    /// Old end (chars).
    pub end: usize,
    /// The text it covered.
    pub text: &'s str,
    /// An orphan of an earlier load: its offsets refer to an older text, so it never
    /// supports or is supported by the others; it is tried as a single span.
    pub orphan: bool,
}

/// Neighbours on each side (in the old reading order) whose shift can confirm a span's.
const NEIGHBOURS: usize = 4;

/// How far (in chars) a single span's shift may be from a placed neighbour's.
const SHIFT_TOLERANCE: i128 = 64;

/// Occurrences kept per text; a text occurring more often than this is not a useful anchor.
const MAX_OCCURRENCES: usize = 1 << 20;

/// Places every stored span in `text`; the answer is in the order of `spans`. `old_len` is
/// the old article's length in chars (the file's `char_len`), for the end of the article as a
/// reference point.
pub(crate) fn place_all(text: &str, index: &CharIndex, spans: &[Stored<'_>], old_len: usize) -> Vec<Placement> {
    let in_place =
        |s: &Stored<'_>| s.start < s.end && s.end <= index.char_len() && index.slice(text, s.start..s.end) == s.text;
    if spans.iter().all(|s| !s.orphan && in_place(s)) {
        return vec![Placement::InPlace; spans.len()];
    }
    let mut anchoring = Anchoring::new(text, index, spans, old_len);
    anchoring.place_blocks();
    anchoring.place_singles();
    spans
        .iter()
        .map(|span| {
            let group = anchoring.group_of[&(span.start, span.end, span.text, span.orphan)];
            match anchoring.placed[group] {
                Some(start) if start == span.start => Placement::InPlace,
                Some(start) => Placement::Moved(start),
                None => Placement::Orphan,
            }
        })
        .collect()
}

/// Spans with the same old range and text move together: a group.
struct Group<'s> {
    start: usize,
    len: usize,
    text: &'s str,
    orphan: bool,
    /// Index of its text among the automaton's patterns.
    pattern: usize,
}

struct Anchoring<'s> {
    groups: Vec<Group<'s>>,
    group_of: HashMap<(usize, usize, &'s str, bool), usize>,
    /// Sorted char offsets of the occurrences of each pattern.
    occurrences: Vec<Vec<usize>>,
    /// New start of each group, once placed.
    placed: Vec<Option<usize>>,
    /// Ranges taken, with the group that took them.
    taken: HashMap<(usize, usize), usize>,
    /// Non-orphan groups in old reading order (indices into `groups`).
    reading: Vec<usize>,
    /// Position of each group in `reading` (orphans: none).
    rank: Vec<Option<usize>>,
    new_len: usize,
    old_len: usize,
}

impl<'s> Anchoring<'s> {
    fn new(text: &str, index: &CharIndex, spans: &[Stored<'s>], old_len: usize) -> Self {
        let mut sorted: Vec<&Stored<'s>> = spans.iter().collect();
        sorted.sort_by_key(|s| (s.start, s.end, s.orphan));
        let mut groups = Vec::new();
        let mut group_of = HashMap::new();
        let mut patterns: Vec<&'s str> = Vec::new();
        let mut pattern_of: HashMap<&'s str, usize> = HashMap::new();
        for span in sorted {
            let key = (span.start, span.end, span.text, span.orphan);
            if group_of.contains_key(&key) {
                continue;
            }
            let pattern = *pattern_of.entry(span.text).or_insert_with(|| {
                patterns.push(span.text);
                patterns.len() - 1
            });
            group_of.insert(key, groups.len());
            groups.push(Group {
                start: span.start,
                len: span.text.chars().count(),
                text: span.text,
                orphan: span.orphan,
                pattern,
            });
        }
        let occurrences = find_all(text, &patterns);
        let reading: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].orphan).collect();
        let mut rank = vec![None; groups.len()];
        for (position, &group) in reading.iter().enumerate() {
            rank[group] = Some(position);
        }
        Self {
            placed: vec![None; groups.len()],
            groups,
            group_of,
            occurrences,
            taken: HashMap::new(),
            reading,
            rank,
            new_len: index.char_len(),
            old_len,
        }
    }

    fn occurs_at(&self, group: usize, start: usize) -> bool {
        let group = &self.groups[group];
        !group.text.is_empty() && self.occurrences[group.pattern].binary_search(&start).is_ok()
    }

    fn is_free(&self, group: usize, start: usize) -> bool {
        let range = (start, start + self.groups[group].len);
        self.taken.get(&range).is_none_or(|&owner| owner == group)
    }

    fn place(&mut self, group: usize, start: usize) {
        self.placed[group] = Some(start);
        self.taken.insert((start, start + self.groups[group].len), group);
    }

    /// The neighbours of a non-orphan group in the old reading order.
    fn neighbours(&self, group: usize) -> impl Iterator<Item = usize> + '_ {
        let at = self.rank[group].unwrap_or(0);
        let from = at.saturating_sub(NEIGHBOURS);
        let to = (at + NEIGHBOURS + 1).min(self.reading.len());
        self.reading[from..to].iter().copied().filter(move |&g| g != group)
    }

    /// How many neighbours confirm `shift` for `group`: placed at that shift, or unplaced
    /// with their text free at that shift.
    fn support(&self, group: usize, shift: i128) -> usize {
        self.neighbours(group)
            .filter(|&neighbour| {
                let Some(start) = shifted(self.groups[neighbour].start, shift) else {
                    return false;
                };
                match self.placed[neighbour] {
                    Some(placed) => placed == start,
                    None => self.occurs_at(neighbour, start) && self.is_free(neighbour, start),
                }
            })
            .count()
    }

    /// How far a shift is from the shifts of the article's start (0) and end (the change in
    /// length): between equally supported places, the one an edit at either end explains.
    fn distance_to_ends(&self, shift: i128) -> u128 {
        let end_shift = self.new_len as i128 - self.old_len as i128;
        shift.unsigned_abs().min((shift - end_shift).unsigned_abs())
    }

    /// Step 2: occurrences confirmed by neighbours, best supported first.
    fn place_blocks(&mut self) {
        let mut queue = BinaryHeap::new();
        for &group in &self.reading {
            let old = self.groups[group].start;
            // Still in place and confirmed by every neighbour: no other place can do better
            // (most support, and shift 0 wins ties), so the others are not weighed.
            let neighbours = self.neighbours(group).count();
            let candidates: &[usize] = if self.occurs_at(group, old) && self.support(group, 0) == neighbours {
                std::slice::from_ref(&self.groups[group].start)
            } else {
                &self.occurrences[self.groups[group].pattern]
            };
            for &start in candidates {
                let shift = start as i128 - old as i128;
                let support = self.support(group, shift);
                if support > 0 {
                    queue.push((
                        support,
                        Reverse(self.distance_to_ends(shift)),
                        Reverse(group),
                        Reverse(start),
                    ));
                }
            }
        }
        while let Some((support, far, Reverse(group), Reverse(start))) = queue.pop() {
            if self.placed[group].is_some() || !self.is_free(group, start) {
                continue;
            }
            let shift = start as i128 - self.groups[group].start as i128;
            let now = self.support(group, shift);
            if now == support {
                self.place(group, start);
            } else if now > 0 {
                queue.push((now, far, Reverse(group), Reverse(start)));
            }
        }
    }

    /// Step 3: the spans no neighbour confirms, and the orphans of an earlier load.
    fn place_singles(&mut self) {
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by_key(|&g| (self.groups[g].start, self.groups[g].orphan));
        // The nearest placed group after each position of `order`, from the blocks.
        let mut next_placed = vec![None; order.len()];
        let mut next = None;
        for (position, &group) in order.iter().enumerate().rev() {
            next_placed[position] = next;
            if self.placed[group].is_some() {
                next = Some(group);
            }
        }
        let start_of_article = Reference {
            old: 0,
            new: 0,
            virtual_end: true,
        };
        let end_of_article = Reference {
            old: self.old_len,
            new: self.new_len,
            virtual_end: true,
        };
        let mut previous = start_of_article;
        for (position, &group) in order.iter().enumerate() {
            if let Some(start) = self.placed[group] {
                previous = Reference {
                    old: self.groups[group].start,
                    new: start,
                    virtual_end: false,
                };
                continue;
            }
            let following = next_placed[position].map_or(end_of_article, |g| Reference {
                old: self.groups[g].start,
                new: self.placed[g].unwrap_or(self.new_len),
                virtual_end: false,
            });
            if let Some(start) = self.single_place(group, previous, following) {
                self.place(group, start);
                previous = Reference {
                    old: self.groups[group].start,
                    new: start,
                    virtual_end: false,
                };
            }
        }
    }

    /// The free occurrence between `previous` and `following` whose shift is nearest to
    /// theirs, within the tolerance; a placed span is a better reference than an end of the
    /// article.
    fn single_place(&self, group: usize, previous: Reference, following: Reference) -> Option<usize> {
        let old = self.groups[group].start;
        let occurrences = &self.occurrences[self.groups[group].pattern];
        let (low, high) = (previous.new, following.new.max(previous.new));
        let mut best: Option<(bool, i128, usize)> = None;
        for reference in [previous, following] {
            let expected = old as i128 + reference.shift();
            let from = (expected - SHIFT_TOLERANCE).max(low as i128);
            let to = (expected + SHIFT_TOLERANCE).min(high as i128);
            if from > to {
                continue;
            }
            let first = occurrences.partition_point(|&o| (o as i128) < from);
            for &start in occurrences[first..].iter().take_while(|&&o| o as i128 <= to) {
                let key = (reference.virtual_end, (start as i128 - expected).abs(), start);
                if self.is_free(group, start) && best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, start)| start)
    }
}

/// A placed span (or an end of the article) used as a reference point.
#[derive(Clone, Copy, Debug)]
struct Reference {
    old: usize,
    new: usize,
    /// The start or end of the article rather than a placed span.
    virtual_end: bool,
}

impl Reference {
    fn shift(self) -> i128 {
        self.new as i128 - self.old as i128
    }
}

fn shifted(start: usize, shift: i128) -> Option<usize> {
    usize::try_from(start as i128 + shift).ok()
}

/// Char offsets of every occurrence (overlapping ones too) of every pattern, sorted.
fn find_all(text: &str, patterns: &[&str]) -> Vec<Vec<usize>> {
    let mut occurrences = vec![Vec::new(); patterns.len()];
    let lengths: Vec<usize> = patterns.iter().map(|p| p.chars().count()).collect();
    // An empty pattern would match everywhere; it stands for a text no span can have.
    let searchable: Vec<&str> = patterns.iter().map(|p| if p.is_empty() { "\0" } else { p }).collect();
    let Ok(automaton) = AhoCorasick::new(&searchable) else {
        return occurrences;
    };
    // Matches come in the order of their ends, so one cursor turns byte ends into char ends.
    let (mut byte, mut chars) = (0, 0);
    for found in automaton.find_overlapping_iter(text) {
        let pattern = found.pattern().as_usize();
        chars = match text.get(byte..found.end()) {
            Some(step) => chars + step.chars().count(),
            // Not expected from the automaton; counted from the start rather than trusted.
            None => text.get(..found.end()).map_or(0, |s| s.chars().count()),
        };
        byte = found.end();
        let list = &mut occurrences[pattern];
        if list.len() < MAX_OCCURRENCES && !patterns[pattern].is_empty() {
            list.push(chars - lengths[pattern]);
        }
    }
    for list in &mut occurrences {
        list.sort_unstable();
        list.dedup();
    }
    occurrences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, old_len: usize, spans: &[(usize, usize, &str)]) -> Vec<Placement> {
        let index = CharIndex::new(text);
        let stored: Vec<Stored<'_>> = spans
            .iter()
            .map(|&(start, end, text)| Stored {
                start,
                end,
                text,
                orphan: false,
            })
            .collect();
        place_all(text, &index, &stored, old_len)
    }

    #[test]
    fn in_place_moved_and_orphaned() {
        // "الحداد" was at 4..10 in "قال الحداد" before "اجتمع " was inserted before it.
        let text = "قال اجتمع الحداد والناظوري 😀 الحداد";
        let placements = place(text, 10, &[(0, 3, "قال"), (4, 10, "الحداد"), (0, 5, "ليبيا")]);
        assert_eq!(
            placements,
            [Placement::InPlace, Placement::Moved(10), Placement::Orphan]
        );
    }

    #[test]
    fn neighbours_carry_a_shifted_stretch() {
        // 100 chars inserted at the start: both names move by 100, although their first
        // mentions lie nearer their old offsets.
        let filler = "ـ".repeat(100);
        let old = "محمد ثم علي ثم محمد ثم علي";
        let text = format!("{filler}{old}");
        let placements = place(&text, 26, &[(15, 19, "محمد"), (23, 26, "علي")]);
        assert_eq!(placements, [Placement::Moved(115), Placement::Moved(123)]);
    }

    #[test]
    fn a_deleted_sentence_does_not_take_the_place_of_its_repeated_words() {
        // Old: "A. B C. D B C E." with spans on both mentions of B and C; the first sentence
        // with B and C is deleted. Its spans must not land on the second mention.
        let old = "قال الحداد والناظوري اليوم. ثم وصل الحداد والناظوري إلى سرت أمس.";
        let deleted = "قال الحداد والناظوري اليوم. ";
        let text = &old[deleted.len()..];
        let at = |needle: &str, nth: usize| {
            old.match_indices(needle)
                .nth(nth)
                .map(|(b, _)| old[..b].chars().count())
                .expect("in text")
        };
        let len = |s: &str| s.chars().count();
        let spans = [
            (at("الحداد", 0), at("الحداد", 0) + len("الحداد"), "الحداد"),
            (at("الناظوري", 0), at("الناظوري", 0) + len("الناظوري"), "الناظوري"),
            (at("الحداد", 1), at("الحداد", 1) + len("الحداد"), "الحداد"),
            (at("الناظوري", 1), at("الناظوري", 1) + len("الناظوري"), "الناظوري"),
            (at("سرت", 0), at("سرت", 0) + len("سرت"), "سرت"),
        ];
        let shift = len(deleted);
        let placements = place(text, len(old), &spans);
        assert_eq!(placements[0], Placement::Orphan, "{placements:?}");
        assert_eq!(placements[1], Placement::Orphan, "{placements:?}");
        assert_eq!(placements[2], Placement::Moved(spans[2].0 - shift));
        assert_eq!(placements[3], Placement::Moved(spans[3].0 - shift));
        assert_eq!(placements[4], Placement::Moved(spans[4].0 - shift));
    }

    #[test]
    fn swapped_paragraphs_keep_one_span_per_mention() {
        let first = "اجتمع الحداد مع الناظوري في سرت.\n";
        let second = "وقال الحداد إن اللواء الناظوري وافق.\n";
        let old = format!("{first}{second}");
        let new = format!("{second}{first}");
        let chars = |s: &str| s.chars().count();
        let mut spans = Vec::new();
        for (offset, paragraph) in [(0, first), (chars(first), second)] {
            for word in ["الحداد", "الناظوري"] {
                let at = offset + chars(&paragraph[..paragraph.find(word).expect("word")]);
                spans.push((at, at + chars(word), word));
            }
        }
        let placements = place(&new, chars(&old), &spans);
        let starts: Vec<usize> = placements
            .iter()
            .zip(&spans)
            .map(|(p, s)| match p {
                Placement::InPlace => s.0,
                Placement::Moved(at) => *at,
                Placement::Orphan => panic!("orphaned: {placements:?}"),
            })
            .collect();
        let expected: Vec<usize> = spans
            .iter()
            .map(|s| {
                if s.0 < chars(first) {
                    s.0 + chars(second)
                } else {
                    s.0 - chars(first)
                }
            })
            .collect();
        assert_eq!(starts, expected);
    }

    #[test]
    fn overlapping_and_far_occurrences_are_found() {
        assert_eq!(place("aaaa", 3, &[(0, 3, "aab")]), [Placement::Orphan]);
        let text = format!("{}هدف{}", "س".repeat(300_000), "ص".repeat(10));
        // Alone, far from where it was: the article's end stands in as a reference.
        assert_eq!(
            place(&text, 300_013, &[(300_010, 300_013, "هدف")]),
            [Placement::Moved(300_000)]
        );
        assert_eq!(place(&text, 300_013, &[(2, 5, "غائب")]), [Placement::Orphan]);
    }

    #[test]
    fn many_vanished_texts_cost_one_pass() {
        // Every span's text lost a letter: all are orphans, found without a search per span.
        let words: Vec<String> = (0..20_000).map(|i| format!("كلمة{i} ")).collect();
        let old: String = words.concat();
        let new = old.replace('ك', "ج");
        let mut spans = Vec::new();
        let mut at = 0;
        for word in &words {
            let len = word.chars().count() - 1;
            spans.push((at, at + len, &word[..word.len() - 1]));
            at += len + 1;
        }
        let placements = place(&new, at, &spans);
        assert!(placements.iter().all(|p| *p == Placement::Orphan));
    }
}
