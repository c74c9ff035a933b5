//! Posting lists, one per character id: every stream position where the
//! character occurs, grouped by the id of the character after it (the
//! separator at the end of a unit) and ascending within each group; and
//! every document it occurs in, ascending, with the summed field boosts of
//! its occurrences.
//!
//! So the positions of a character pair `a b` are one run of `a`'s list,
//! found in a directory of the ids that follow `a`, where each run ends:
//! one list per character serves single characters and pairs. The next id
//! of each position is kept only while the lists are made: the directory
//! takes a few entries a character, where the next ids took two bytes a
//! character of the corpus. The lists are filled by a counting sort
//! over the text with as many write streams as the corpus has characters (a
//! few thousand), then each is grouped by next id in place, where sorting
//! straight into lists per pair would scatter into hundreds of thousands of
//! write streams and wait on memory. This module builds and looks up lists;
//! it knows nothing of text or scoring.

use std::ops::Range;

use super::query::insertion_sort;
use super::vocabulary::OVERFLOW;

/// One document's entry in a character's list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharHit {
    pub doc: u32,
    /// The sum of the field boosts of the character's occurrences.
    pub weight: u32,
}

/// The lists of every character id, one after the other. See the module
/// documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Postings {
    /// The occurrences of id `i` are `position_starts[i]..position_starts[i + 1]`,
    /// ordered by the id after each, then by position.
    position_starts: Vec<u32>,
    positions: Vec<u32>,
    /// The pairs of id `i` are entries `pair_starts[i]..pair_starts[i + 1]`
    /// of `pair_next` and `pair_ends`: each id that follows it, ascending,
    /// and where that pair's positions end in `positions`. They start where
    /// the pair before ends, or where the list does.
    pair_starts: Vec<u32>,
    pair_next: Vec<u16>,
    pair_ends: Vec<u32>,
    /// The documents of id `i` are `doc_starts[i]..doc_starts[i + 1]`.
    doc_starts: Vec<u32>,
    docs: Vec<CharHit>,
}

/// The range of list `id` given list starts, empty for an id without one.
#[inline]
fn list(starts: &[u32], id: u16) -> Range<usize> {
    let id = usize::from(id);
    match (starts.get(id), starts.get(id + 1)) {
        (Some(&start), Some(&end)) => start as usize..end as usize,
        _ => 0..0,
    }
}

impl Postings {
    /// The documents of character `id`; empty when it occurs nowhere.
    pub fn docs(&self, id: u16) -> &[CharHit] {
        &self.docs[list(&self.doc_starts, id)]
    }

    /// The positions where `first` is followed by `second`, ascending.
    pub fn pair(&self, first: u16, second: u16) -> &[u32] {
        let pairs = list(&self.pair_starts, first);
        let found = self.pair_next[pairs.clone()].partition_point(|&id| id < second);
        let at = pairs.start + found;
        if at >= pairs.end || self.pair_next[at] != second {
            return &[];
        }
        let start = if found == 0 { self.position_starts[usize::from(first)] } else { self.pair_ends[at - 1] };
        &self.positions[start as usize..self.pair_ends[at] as usize]
    }

    /// The memory the lists take, in bytes.
    pub fn heap_bytes(&self) -> usize {
        (self.position_starts.len() + self.positions.len() + self.doc_starts.len() + self.pair_starts.len() + self.pair_ends.len())
            * size_of::<u32>()
            + self.pair_next.len() * size_of::<u16>()
            + self.docs.len() * size_of::<CharHit>()
    }
}

/// Fills [`Postings`]: counts the occurrences and documents of every id,
/// unit by unit, then places them from the whole stream.
#[derive(Debug, Default)]
pub struct PostingsBuilder {
    /// Per id: its occurrences.
    occurrences: Vec<u32>,
    /// Per id: its documents.
    documents: Vec<u32>,
    /// Per id: one more than the last document counted, 0 for none.
    last_doc: Vec<u32>,
}

/// One unit of the stream as [`Placing::unit`] reads it.
#[derive(Clone, Debug)]
pub struct UnitSpan {
    /// Its positions, separator excluded: the stream holds the separator
    /// (or the next unit's first id) at `positions.end`.
    pub positions: Range<usize>,
    pub doc: u32,
    pub boost: u32,
}

impl PostingsBuilder {
    /// Counts the unit of ids `ids` in document `doc` (documents never
    /// decrease).
    pub fn count_unit(&mut self, ids: &[u16], doc: u32) {
        if let Some(&highest) = ids.iter().max() {
            if usize::from(highest) >= self.occurrences.len() {
                let len = usize::from(highest) + 1;
                self.occurrences.resize(len, 0);
                self.documents.resize(len, 0);
                self.last_doc.resize(len, 0);
            }
        }
        let (occurrences, documents, last_doc) = (&mut self.occurrences[..], &mut self.documents[..], &mut self.last_doc[..]);
        // Branch-free: whether an id is new to the document is as good as
        // random, and a mispredicted branch per character costs more than
        // the rest of the loop.
        for &id in ids {
            let id = usize::from(id);
            occurrences[id] += 1;
            documents[id] += u32::from(last_doc[id] != doc + 1);
            last_doc[id] = doc + 1;
        }
    }

    /// Starts listing the ids of the stream whose units were all counted:
    /// [`Placing::make_room`] until it is done, [`Placing::unit`] for each
    /// unit in order, then [`Placing::group`] until it is done, then
    /// [`Placing::finish`]. [`OVERFLOW`] ids are not listed: terms with such
    /// characters are found by reading the text.
    pub fn placing(mut self) -> Placing {
        if let Some(overflow) = self.occurrences.get_mut(usize::from(OVERFLOW)) {
            *overflow = 0;
            self.documents[usize::from(OVERFLOW)] = 0;
        }
        let (position_starts, next_position) = starts(&self.occurrences);
        let (doc_starts, next_doc) = starts(&self.documents);
        // Reused: every id's weight starts at 0.
        let mut weights = std::mem::take(&mut self.last_doc);
        weights.iter_mut().for_each(|weight| *weight = 0);
        let (positions, docs) = (total(&position_starts), total(&doc_starts));
        Placing {
            postings: Postings {
                positions: Vec::with_capacity(positions),
                docs: Vec::with_capacity(docs),
                position_starts,
                doc_starts,
                ..Postings::default()
            },
            next: Vec::with_capacity(positions),
            next_position,
            next_doc,
            weights,
            touched: vec![0; self.occurrences.len() + 1],
            touched_len: 0,
            doc: None,
            grouping: Grouping::default(),
            grouped: 0,
        }
    }
}

/// The lists as [`PostingsBuilder::placing`] fills them, a unit or a few
/// lists at a time, so that a caller can pause in between (the widget does,
/// to keep the page responsive while it derives an index).
#[derive(Debug)]
pub struct Placing {
    postings: Postings,
    /// `next[j]` is the id after `postings.positions[j]`, until the lists
    /// are grouped by it and the pair directory is written.
    next: Vec<u16>,
    /// Per id: the slot of its next position, of its next document.
    next_position: Vec<u32>,
    next_doc: Vec<u32>,
    /// Per id: the summed boosts of its occurrences in the document at
    /// hand, written once per id when the document ends.
    weights: Vec<u32>,
    /// The ids met in the document at hand, each once: room for them all,
    /// filled branch-free (whether an id is new to the document is as good
    /// as random), `touched_len` of them in use.
    touched: Vec<u16>,
    touched_len: usize,
    /// The document at hand.
    doc: Option<u32>,
    grouping: Grouping,
    /// How many lists are grouped.
    grouped: usize,
}

/// How many entries [`Placing::make_room`] zeroes for one unit of its
/// budget, a character listed: writing a zero is that much cheaper.
const ZEROED_PER_UNIT_OF_WORK: usize = 16;

impl Placing {
    /// Makes room for the lists, zeroed, about `budget` characters' worth
    /// at a time; true once there is room for all of them. In pieces:
    /// tens of megabytes zeroed in one go would hold the page up for
    /// frames (up to 180 ms measured on the 36 MB corpus in Chromium).
    pub fn make_room(&mut self, budget: usize) -> bool {
        let mut left = budget.max(1).saturating_mul(ZEROED_PER_UNIT_OF_WORK);
        let (positions, docs) = (total(&self.postings.position_starts), total(&self.postings.doc_starts));
        let grow = (positions - self.postings.positions.len()).min(left);
        self.postings.positions.resize(self.postings.positions.len() + grow, 0);
        self.next.resize(self.next.len() + grow, 0);
        left -= grow;
        let grow = (docs - self.postings.docs.len()).min(left);
        self.postings.docs.resize(self.postings.docs.len() + grow, CharHit::default());
        self.postings.positions.len() == positions && self.postings.docs.len() == docs
    }

    /// Lists the positions of `unit` of `stream`; units come in order,
    /// once [`Placing::make_room`] has made room for all of them.
    ///
    /// Never inlined: a browser first runs wasm in a quickly compiled form
    /// and swaps in the optimized one only at a function's next call, so
    /// the work must come as a call per unit, not one long loop.
    #[inline(never)]
    pub fn unit(&mut self, stream: &[u16], unit: &UnitSpan) {
        if self.doc != Some(unit.doc) {
            self.end_doc();
            self.doc = Some(unit.doc);
        }
        let (first, last) = (unit.positions.start, unit.positions.end);
        // Locals, not fields, in the loop: the widget's wasm is built for
        // size, and reloads a field through `self` at every use.
        let Placing { postings, next, next_position, weights, touched, touched_len, .. } = self;
        let (positions, next) = (&mut postings.positions[..], &mut next[..]);
        let (next_position, weights, touched) = (&mut next_position[..], &mut weights[..], &mut touched[..]);
        let mut in_use = *touched_len;
        for (position, (&id, &following)) in (first as u32..).zip(stream[first..last].iter().zip(&stream[first + 1..=last])) {
            let id = usize::from(id);
            if id == usize::from(OVERFLOW) {
                continue;
            }
            let slot = next_position[id] as usize;
            next_position[id] += 1;
            positions[slot] = position;
            next[slot] = following;
            touched[in_use] = id as u16;
            in_use += usize::from(weights[id] == 0);
            weights[id] += unit.boost;
        }
        *touched_len = in_use;
    }

    /// Writes the entries of the document at hand, whose units are all
    /// listed.
    fn end_doc(&mut self) {
        let Some(doc) = self.doc.take() else { return };
        for &id in &self.touched[..self.touched_len] {
            let id = usize::from(id);
            self.postings.docs[self.next_doc[id] as usize] = CharHit { doc, weight: std::mem::take(&mut self.weights[id]) };
            self.next_doc[id] += 1;
        }
        self.touched_len = 0;
    }

    /// Once every unit is listed: groups lists by next id until about
    /// `budget` entries are done; true when every list is.
    pub fn group(&mut self, budget: usize) -> bool {
        self.end_doc();
        let lists = self.postings.position_starts.len().saturating_sub(1);
        let mut done = 0;
        let postings = &mut self.postings;
        while self.grouped < lists && done < budget {
            let range = list(&postings.position_starts, self.grouped as u16);
            done += range.len() + 1;
            postings.pair_starts.push(postings.pair_next.len() as u32);
            let (positions, next) = (&mut postings.positions[range.clone()], &self.next[range.clone()]);
            for (id, end) in self.grouping.group(positions, next) {
                postings.pair_next.push(id);
                postings.pair_ends.push(range.start as u32 + end);
            }
            self.grouped += 1;
        }
        self.grouped == lists
    }

    /// The lists, once [`Placing::group`] has said it is done.
    pub fn finish(self) -> Postings {
        let mut postings = self.postings;
        postings.pair_starts.push(postings.pair_next.len() as u32);
        postings
    }
}

/// Groups one list's entries by next id, keeping each group in position
/// order: a counting sort of the positions over the next ids the list has.
#[derive(Debug)]
struct Grouping {
    /// Per next id: its count, then the slot of its next entry; all 0
    /// between lists.
    slots: Box<[u32]>,
    /// The next ids the list has, then where each one's group ends.
    present: Vec<u16>,
    ends: Vec<u32>,
    positions: Vec<u32>,
}

impl Default for Grouping {
    fn default() -> Grouping {
        Grouping { slots: vec![0; 0x1_0000].into_boxed_slice(), present: Vec::new(), ends: Vec::new(), positions: Vec::new() }
    }
}

impl Grouping {
    /// Groups `positions`, whose next ids are `next`, and tells each next
    /// id the list has, ascending, with where its group ends in the list.
    /// Never inlined, for the reason [`Placing::unit`] gives.
    #[inline(never)]
    fn group(&mut self, positions: &mut [u32], next: &[u16]) -> impl Iterator<Item = (u16, u32)> + '_ {
        let slots = &mut self.slots[..];
        self.present.clear();
        self.ends.clear();
        for &id in next.iter() {
            let count = &mut slots[usize::from(id)];
            if *count == 0 {
                self.present.push(id);
            }
            *count += 1;
        }
        if self.present.len() < 2 {
            if let Some(&id) = next.first() {
                slots[usize::from(id)] = 0;
                self.ends.push(next.len() as u32);
            }
            return self.present.iter().copied().zip(self.ends.iter().copied());
        }
        // A list has few distinct next ids, met mostly in order of first
        // occurrence: an insertion sort, far less wasm than the standard one.
        insertion_sort(&mut self.present);
        let mut total = 0;
        for &id in &self.present {
            let slot = &mut slots[usize::from(id)];
            total += std::mem::replace(slot, total);
        }
        self.positions.clear();
        self.positions.resize(positions.len(), 0);
        let grouped = &mut self.positions[..];
        for (&position, &id) in positions.iter().zip(next.iter()) {
            let slot = &mut slots[usize::from(id)];
            grouped[*slot as usize] = position;
            *slot += 1;
        }
        positions.copy_from_slice(grouped);
        // Each slot now holds where its group ends.
        self.ends.extend(self.present.iter().map(|&id| std::mem::take(&mut slots[usize::from(id)])));
        self.present.iter().copied().zip(self.ends.iter().copied())
    }
}

/// The number of items in lists that start at `starts`, followed by where
/// the last ends.
fn total(starts: &[u32]) -> usize {
    starts.last().copied().unwrap_or(0) as usize
}

/// For lists of `counts` items, one after the other: where each starts,
/// followed by where the last ends; and each start again, as the cursor to
/// place items at.
fn starts(counts: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    for &count in counts {
        starts.push(total);
        total += count;
    }
    let next = starts.clone();
    starts.push(total);
    (starts, next)
}

/// The first index at or after `from` whose value is `>= target`, found by
/// galloping: cheap when successive targets are close, as when walking two
/// sorted lists together.
#[inline]
pub fn gallop(list: &[u32], from: usize, target: u32) -> usize {
    gallop_by(list, from, |&value| value < target)
}

/// The first index at or after `from` whose value is `>= target`, like
/// [`gallop`], but cheaper when that is a few items ahead, as it is in the
/// lists of a frequent term (which occurs a few more times in a fragment
/// after the first [`super::matcher::PER_FRAGMENT`]): near items are
/// counted without a branch, where each step of a gallop is a branch the
/// processor cannot predict. Farther, it gallops.
#[inline]
pub fn skip_to(list: &[u32], from: usize, target: u32) -> usize {
    const NEAR: usize = 16;
    match list.get(from + NEAR - 1) {
        Some(&far) if far < target => gallop(list, from + NEAR, target),
        _ => {
            let near = list.get(from..).unwrap_or_default();
            from + near.iter().take(NEAR).filter(|&&value| value < target).count()
        }
    }
}

/// The first index at or after `from` where `before` turns false, for a
/// `before` that is true on a prefix of `items` and false after it.
#[inline]
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
    use crate::search::vocabulary::SEPARATOR_ID;
    use proptest::prelude::*;

    /// Postings of units given as `(doc, boost, ids)`, laid out one after
    /// the other with a separator after each, and that stream.
    fn postings(units: &[(u32, u32, Vec<u16>)]) -> (Postings, Vec<u16>) {
        let mut builder = PostingsBuilder::default();
        let mut stream = Vec::new();
        let mut spans = Vec::new();
        for (doc, boost, ids) in units {
            builder.count_unit(ids, *doc);
            spans.push(UnitSpan { positions: stream.len()..stream.len() + ids.len(), doc: *doc, boost: *boost });
            stream.extend(ids);
            stream.push(SEPARATOR_ID);
        }
        let mut placing = builder.placing();
        while !placing.make_room(3) {}
        for span in &spans {
            placing.unit(&stream, span);
        }
        while !placing.group(7) {}
        (placing.finish(), stream)
    }

    #[test]
    fn characters_list_their_documents_with_summed_boosts() {
        let (postings, _) = postings(&[(0, 8, vec![1, 2]), (0, 2, vec![1]), (3, 2, vec![1, OVERFLOW]), (5, 1, vec![2])]);
        assert_eq!(postings.docs(1), [CharHit { doc: 0, weight: 10 }, CharHit { doc: 3, weight: 2 }]);
        assert_eq!(postings.docs(2), [CharHit { doc: 0, weight: 8 }, CharHit { doc: 5, weight: 1 }]);
        assert_eq!(postings.docs(0), []);
        assert_eq!(postings.docs(OVERFLOW), []);
    }

    proptest! {
        /// Every pair's list is exactly where the pair occurs within a
        /// unit (a character and the separator, at a unit's end), in order.
        #[test]
        fn pair_lists_are_exact(units in prop::collection::vec(prop::collection::vec(1u16..5, 0..40), 1..8), probe in (1u16..6, 0u16..6)) {
            let units: Vec<(u32, u32, Vec<u16>)> = units.into_iter().enumerate().map(|(doc, ids)| (doc as u32, 2, ids)).collect();
            let (postings, stream) = postings(&units);
            let expected: Vec<u32> =
                stream.windows(2).enumerate().filter(|(_, pair)| (pair[0], pair[1]) == probe).map(|(p, _)| p as u32).collect();
            prop_assert_eq!(postings.pair(probe.0, probe.1), &expected[..]);
        }

        #[test]
        fn gallop_and_skip_to_find_the_lower_bound(mut list in proptest::collection::vec(0u32..1000, 0..100), from in 0usize..100, target in 0u32..1100) {
            list.sort_unstable();
            let from = from.min(list.len());
            let expected = from + list[from..].partition_point(|&value| value < target);
            prop_assert_eq!(gallop(&list, from, target), expected);
            prop_assert_eq!(skip_to(&list, from, target), expected);
        }
    }
}
