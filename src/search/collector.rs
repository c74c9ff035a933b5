//! Collecting results: the stories that contain every term and pass the
//! filters, scored, and the best few of them.
//!
//! Term matches are already per story (the fragments of a continued article
//! are one group), so a story is counted once however many fragments hit.
//! This module neither finds terms nor builds snippets.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::matcher::TermMatch;
use super::postings::gallop_by;
use super::scorer::Bm25;

/// A story that matched, with its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub group: u32,
    pub score: f32,
}

/// Every group found by all `terms` for which `accept` holds, scored:
/// the sum of each term's BM25 score plus `bonus(group)`, `len(group)`
/// its length. `accept` and `bonus` are asked about groups in ascending
/// order.
pub fn collect(
    terms: &[TermMatch],
    bm25: &Bm25,
    len: impl Fn(u32) -> u32,
    accept: impl Fn(u32) -> bool,
    mut bonus: impl FnMut(u32) -> f32,
) -> Vec<Candidate> {
    let Some(rarest) = terms.iter().min_by_key(|term| term.groups.len()) else { return Vec::new() };
    let idfs: Vec<f32> = terms.iter().map(|term| bm25.idf(term.groups.len())).collect();
    let mut cursors = vec![0usize; terms.len()];
    let mut candidates = Vec::with_capacity(rarest.groups.len());
    for &(group, _) in &rarest.groups {
        let mut score = 0.0;
        let mut everywhere = true;
        for ((term, cursor), idf) in terms.iter().zip(cursors.iter_mut()).zip(&idfs) {
            *cursor = gallop_by(&term.groups, *cursor, |&(other, _)| other < group);
            match term.groups.get(*cursor) {
                Some(&(other, frequency)) if other == group => {
                    score += bm25.term_score(*idf, frequency, len(group));
                }
                _ => {
                    everywhere = false;
                    break;
                }
            }
        }
        if everywhere && accept(group) {
            candidates.push(Candidate { group, score: score + bonus(group) });
        }
    }
    candidates
}

/// A candidate ordered best first: higher score, then earlier in the
/// corpus.
#[derive(Clone, Copy, Debug)]
pub struct Ranked(pub Candidate);

impl Ord for Ranked {
    fn cmp(&self, other: &Ranked) -> Ordering {
        other.0.score.total_cmp(&self.0.score).then(self.0.group.cmp(&other.0.group))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// The `limit` best candidates, best first; equal scores keep corpus order.
/// A heap of the best so far, whose top is the worst of them: O(n log
/// limit), and less wasm than selecting and sorting.
pub fn top(mut candidates: Vec<Candidate>, limit: usize) -> Vec<Candidate> {
    // All of them (an archive ranks every match, possibly a million):
    // sorted where they are, without a heap of as many beside them.
    if limit >= candidates.len() {
        candidates.sort_unstable_by_key(|&candidate| Ranked(candidate));
        return candidates;
    }
    let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit.min(candidates.len()));
    // A plain loop and a score check first: every matching story passes
    // here, and the size-optimized wasm calls iterator adapters and
    // comparisons out of line.
    for candidate in candidates {
        if best.len() < limit {
            best.push(Ranked(candidate));
        } else if let Some(worst) = best.peek() {
            if candidate.score.total_cmp(&worst.0.score).is_ge() && Ranked(candidate) < *worst {
                best.pop();
                best.push(Ranked(candidate));
            }
        }
    }
    best.into_sorted_vec().into_iter().map(|Ranked(candidate)| candidate).collect()
}

/// The first `limit` candidates by `edition` (of a story's group) from the
/// greatest, best first within an edition ([`Ranked`]'s order). Each
/// story's edition is looked up once.
pub fn newest_first<K: Ord>(candidates: Vec<Candidate>, limit: usize, edition: impl Fn(u32) -> K) -> Vec<Candidate> {
    let mut keyed: Vec<(K, Candidate)> = candidates.into_iter().map(|candidate| (edition(candidate.group), candidate)).collect();
    keyed.sort_by(|(a_edition, a), (b_edition, b)| b_edition.cmp(a_edition).then(Ranked(*a).cmp(&Ranked(*b))));
    keyed.into_iter().take(limit).map(|(_, candidate)| candidate).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(groups: &[(u32, f32)]) -> TermMatch {
        TermMatch { groups: groups.to_vec(), starts: Vec::new() }
    }

    #[test]
    fn keeps_groups_found_by_every_term_that_pass_the_filter() {
        let terms = [term(&[(1, 1.0), (2, 1.0), (5, 1.0), (7, 1.0)]), term(&[(2, 1.0), (5, 3.0), (6, 1.0), (7, 1.0)])];
        let bm25 = Bm25::new(&[10; 8]);
        let found = collect(&terms, &bm25, |_| 10, |group| group != 7, |_| 0.0);
        let groups: Vec<u32> = found.iter().map(|c| c.group).collect();
        assert_eq!(groups, vec![2, 5]);
        assert!(found[1].score > found[0].score, "more occurrences score higher");
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// The best few are those a full sort puts first, ties included.
        #[test]
        fn top_is_the_head_of_a_full_sort(
            scored in proptest::collection::vec(0u8..6, 0..60).prop_map(|scores| scores.into_iter().enumerate().collect::<Vec<_>>()).prop_shuffle(),
            limit in 0usize..12,
        ) {
            let candidates: Vec<Candidate> =
                scored.iter().map(|&(group, score)| Candidate { group: group as u32, score: f32::from(score) }).collect();
            let mut sorted = candidates.clone();
            sorted.sort_by_key(|&candidate| Ranked(candidate));
            sorted.truncate(limit);
            proptest::prop_assert_eq!(top(candidates, limit), sorted);
        }
    }

    #[test]
    fn top_orders_by_score_then_corpus_order() {
        let candidates = [(4, 1.0), (1, 3.0), (2, 1.0), (3, 2.0)].map(|(group, score)| Candidate { group, score });
        let best: Vec<u32> = top(candidates.to_vec(), 3).iter().map(|c| c.group).collect();
        assert_eq!(best, vec![1, 3, 2]);
        assert!(top(candidates.to_vec(), 0).is_empty());
    }
}
