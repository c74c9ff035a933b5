//! Ranking: BM25F over stories, plus a bonus for terms found side by side.
//!
//! Field boosts are folded into each term's weighted frequency
//! ([`super::matcher`]): a headline hit counts four body hits, a kicker or
//! deck hit two and a half, a caption or subhead one and a half. The
//! frequency is then saturated BM25-style against the story's length (all
//! its fragments together) and weighted by the term's rarity across stories.
//! When consecutive query terms occur next to each other (at most one
//! character apart, in one unit), the story earns a bonus worth half of those
//! terms' weights. This module only computes numbers; it does not choose or
//! order results.

use super::layout::Layout;
use super::postings::{gallop, gallop_by};

/// BM25's frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalization: moderate, since a long story that mentions a
/// term in its headline is still about it.
const B: f32 = 0.5;
/// The bonus for an adjacent pair of terms, as a share of their weights.
const ADJACENCY: f32 = 0.5;

/// Collection statistics for scoring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bm25 {
    groups: f32,
    average_len: f32,
}

impl Bm25 {
    pub fn new(group_lens: &[u32]) -> Bm25 {
        Bm25::of_totals(group_lens.len(), group_lens.iter().map(|&len| u64::from(len)).sum())
    }

    /// The statistics of `groups` stories of `length` characters in all.
    pub fn of_totals(groups: usize, length: u64) -> Bm25 {
        let groups = groups.max(1) as f32;
        Bm25 { groups, average_len: (length as f64 as f32 / groups).max(1.0) }
    }

    /// The weight of a term found in `found` of the stories.
    pub fn idf(&self, found: usize) -> f32 {
        let found = found as f32;
        (1.0 + (self.groups - found + 0.5) / (found + 0.5)).ln()
    }

    /// The score of a term of weight `idf` with weighted frequency
    /// `frequency` in a story of `len` characters.
    pub fn term_score(&self, idf: f32, frequency: f32, len: u32) -> f32 {
        let norm = K1 * (1.0 - B + B * len as f32 / self.average_len);
        idf * frequency * (K1 + 1.0) / (frequency + norm)
    }

    /// The bonus for two adjacent terms of weights `first` and `second`.
    pub fn adjacency_bonus(&self, first: f32, second: f32) -> f32 {
        ADJACENCY * (first + second)
    }
}

/// The groups (ascending, without repeats) where an occurrence of the second
/// term starts at most one character after an occurrence of the first ends,
/// in the same unit.
pub fn adjacent_groups(layout: &Layout, first: &[u32], first_len: usize, second: &[u32], second_len: usize) -> Vec<u32> {
    let units = &layout.units;
    let mut groups: Vec<u32> = Vec::new();
    let (mut next, mut unit) = (0usize, 0usize);
    for &start in first {
        let end = start + first_len as u32;
        next = gallop(second, next, end);
        let Some(&follower) = second.get(next) else { break };
        if follower > end + 1 {
            continue;
        }
        unit = gallop_by(units, unit, |u| u.start <= start).saturating_sub(1);
        let unit_end = layout.unit_range(unit).end;
        let Some(doc) = units.get(unit).and_then(|u| layout.docs.get(u.doc as usize)) else { break };
        if follower as usize + second_len <= unit_end && groups.last() != Some(&doc.group) {
            groups.push(doc.group);
        }
    }
    groups
}

/// The adjacency bonuses of a query: for each pair of consecutive terms,
/// the groups (ascending, without repeats) where they stand side by side,
/// and the bonus those earn. Asked about groups in ascending order, as
/// results are collected, it walks each list forward once.
#[derive(Clone, Debug, Default)]
pub struct Bonuses {
    lists: Vec<(Vec<u32>, f32)>,
    cursors: Vec<usize>,
}

impl Bonuses {
    pub fn new(lists: Vec<(Vec<u32>, f32)>) -> Bonuses {
        let cursors = vec![0; lists.len()];
        Bonuses { lists, cursors }
    }

    /// The sum of the bonuses `group` earns, added in the order of the
    /// lists. `group` is above every group asked about before.
    pub fn earned_by(&mut self, group: u32) -> f32 {
        let earned = self.lists.iter().zip(self.cursors.iter_mut()).filter_map(|((groups, bonus), cursor)| {
            *cursor = gallop(groups, *cursor, group);
            (groups.get(*cursor) == Some(&group)).then_some(bonus)
        });
        earned.sum()
    }
}

#[cfg(test)]
mod tests {
    use super::{Bm25, Bonuses};
    use proptest::prelude::*;

    proptest! {
        /// Walked forward, the bonuses are those a lookup of each group in
        /// every list gives, to the bit.
        #[test]
        fn bonuses_walked_forward_are_those_looked_up(
            lists in prop::collection::vec((prop::collection::btree_set(0u32..60, 0..30), 0.0f32..4.0), 0..4),
            asked in prop::collection::btree_set(0u32..64, 0..40),
        ) {
            let lists: Vec<(Vec<u32>, f32)> = lists.into_iter().map(|(groups, bonus)| (groups.into_iter().collect(), bonus)).collect();
            let mut bonuses = Bonuses::new(lists.clone());
            for group in asked {
                let looked_up: f32 = lists.iter().filter(|(groups, _)| groups.binary_search(&group).is_ok()).map(|(_, bonus)| bonus).sum();
                prop_assert_eq!(bonuses.earned_by(group).to_bits(), looked_up.to_bits());
            }
        }
    }

    #[test]
    fn rarer_terms_weigh_more_and_frequency_saturates() {
        let bm25 = Bm25::new(&[100; 1000]);
        assert!(bm25.idf(1) > bm25.idf(10));
        assert!(bm25.idf(999) > 0.0);
        let idf = bm25.idf(10);
        let (one, two, many) = (bm25.term_score(idf, 1.0, 100), bm25.term_score(idf, 2.0, 100), bm25.term_score(idf, 50.0, 100));
        assert!(one < two && two < many && many < idf * 2.2);
    }

    #[test]
    fn longer_stories_score_lower_for_the_same_frequency() {
        let bm25 = Bm25::new(&[100, 300]);
        let idf = bm25.idf(1);
        assert!(bm25.term_score(idf, 1.0, 100) > bm25.term_score(idf, 1.0, 300));
    }
}
