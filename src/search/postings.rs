//! Posting lists: for every key (a character, a character pair), the sorted
//! list of where it occurs, all lists in one flat array.
//!
//! Two instances make the index: characters → documents with a weighted
//! frequency, and character pairs → stream positions. This module builds,
//! looks up and walks lists; it knows nothing of text or scoring.

use std::hash::Hash;

use rustc_hash::FxHashMap;

/// Sorted keys, and for key `i` the values `values[ends[i-1]..ends[i]]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Postings<K, V> {
    keys: Vec<K>,
    ends: Vec<u32>,
    values: Vec<V>,
}

impl<K: Ord + Copy + Hash, V: Copy + Default> Postings<K, V> {
    /// Builds the lists from `(key, value)` items; each list keeps its values
    /// in the order the items came.
    pub fn build(items: impl Iterator<Item = (K, V)>) -> Postings<K, V> {
        let mut ids: FxHashMap<K, u32> = FxHashMap::default();
        let mut keys: Vec<K> = Vec::new();
        let mut item_ids: Vec<u32> = Vec::new();
        let mut item_values: Vec<V> = Vec::new();
        for (key, value) in items {
            let id = *ids.entry(key).or_insert_with(|| {
                keys.push(key);
                (keys.len() - 1) as u32
            });
            item_ids.push(id);
            item_values.push(value);
        }
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by_key(|&id| keys[id as usize]);
        let mut rank = vec![0u32; keys.len()];
        for (position, &id) in order.iter().enumerate() {
            rank[id as usize] = position as u32;
        }
        let mut counts = vec![0u32; keys.len()];
        for &id in &item_ids {
            counts[rank[id as usize] as usize] += 1;
        }
        let mut ends = Vec::with_capacity(keys.len());
        let mut next = Vec::with_capacity(keys.len());
        let mut total = 0u32;
        for count in counts {
            next.push(total);
            total += count;
            ends.push(total);
        }
        let mut values = vec![V::default(); item_values.len()];
        for (id, value) in item_ids.into_iter().zip(item_values) {
            let slot = &mut next[rank[id as usize] as usize];
            values[*slot as usize] = value;
            *slot += 1;
        }
        let keys = order.into_iter().map(|id| keys[id as usize]).collect();
        Postings { keys, ends, values }
    }

    /// Lists from their parts; `None` unless keys strictly increase and the
    /// ends are non-decreasing and finish at the number of values.
    pub fn from_parts(keys: Vec<K>, ends: Vec<u32>, values: Vec<V>) -> Option<Postings<K, V>> {
        let sorted = keys.windows(2).all(|pair| pair[0] < pair[1]) && ends.windows(2).all(|pair| pair[0] <= pair[1]);
        let complete = keys.len() == ends.len() && ends.last().map_or(0, |&end| end as usize) == values.len();
        (sorted && complete).then_some(Postings { keys, ends, values })
    }

    /// The list of `key`; empty when it never occurs.
    pub fn get(&self, key: K) -> &[V] {
        match self.keys.binary_search(&key) {
            Ok(index) => self.list(index),
            Err(_) => &[],
        }
    }

    fn list(&self, index: usize) -> &[V] {
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        &self.values[start..self.ends[index] as usize]
    }

    /// Every key with its list, in key order.
    pub fn lists(&self) -> impl Iterator<Item = (K, &[V])> {
        self.keys.iter().enumerate().map(|(index, &key)| (key, self.list(index)))
    }

    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// The memory the lists take, in bytes.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.keys.len() * size_of::<K>() + self.ends.len() * size_of::<u32>() + self.values.len() * size_of::<V>()
    }
}

/// The first index at or after `from` whose value is `>= target`, found by
/// galloping: cheap when successive targets are close, as when walking two
/// sorted lists together.
pub fn gallop(list: &[u32], from: usize, target: u32) -> usize {
    gallop_by(list, from, |&value| value < target)
}

/// The first index at or after `from` where `before` turns false, for a
/// `before` that is true on a prefix of `items` and false after it.
pub fn gallop_by<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut low = from;
    let mut step = 1;
    let mut high = from;
    while high < items.len() && before(&items[high]) {
        low = high + 1;
        high += step;
        step *= 2;
    }
    let high = high.min(items.len());
    low + items[low.min(high)..high].partition_point(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lists_keep_item_order_and_keys_sort() {
        let postings = Postings::build([(3u32, 10u32), (1, 11), (3, 12), (2, 13), (1, 14)].into_iter());
        assert_eq!(postings.get(1), &[11, 14]);
        assert_eq!(postings.get(3), &[10, 12]);
        assert_eq!(postings.get(4), &[] as &[u32]);
        let keys: Vec<u32> = postings.lists().map(|(key, _)| key).collect();
        assert_eq!(keys, vec![1, 2, 3]);
    }

    #[test]
    fn parts_that_break_the_invariants_are_refused() {
        assert!(Postings::<u32, u32>::from_parts(vec![1, 2], vec![1, 2], vec![5, 6]).is_some());
        assert!(Postings::<u32, u32>::from_parts(vec![2, 1], vec![1, 2], vec![5, 6]).is_none());
        assert!(Postings::<u32, u32>::from_parts(vec![1, 2], vec![2, 1], vec![5, 6]).is_none());
        assert!(Postings::<u32, u32>::from_parts(vec![1, 2], vec![1, 3], vec![5, 6]).is_none());
    }

    proptest! {
        #[test]
        fn gallop_finds_the_lower_bound(mut list in proptest::collection::vec(0u32..1000, 0..100), from in 0usize..100, target in 0u32..1100) {
            list.sort_unstable();
            let from = from.min(list.len());
            let expected = from + list[from..].partition_point(|&value| value < target);
            prop_assert_eq!(gallop(&list, from, target), expected);
        }
    }
}
