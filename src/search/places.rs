//! Where a stream position falls, for placing a term's occurrences: its
//! document and the boost of its field. Derived from the [`Layout`] when an
//! index is made (one pass over the units, no text), never stored.
//!
//! The layout answers the same questions from its units, but a search
//! places tens of thousands of occurrences of a frequent term, and walking
//! the units to each one was most of the cost of a query. Here documents
//! start in one dense list, and consecutive units of equal boost are one
//! run (a story's byline and paragraphs, mostly), so that the occurrences
//! of a story usually fall in the run of the one before: walking forward
//! costs a comparison. This module knows nothing of terms or scoring.

use super::layout::Layout;
use super::postings::gallop_by;

/// See the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// Where each document's first unit starts (where the next one's
    /// starts, for a document without units), then the end of the stream.
    doc_starts: Vec<u32>,
    /// Where each run of consecutive units with the same field boost starts,
    /// with that boost; then the end of the stream, with none.
    runs: Vec<(u32, u16)>,
    /// Per document: the run its first unit is in.
    doc_runs: Vec<u32>,
}

/// A position's place: its document, where that ends, and the run of its
/// field boost and where that ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub doc_end: u32,
    pub run: usize,
    pub run_end: u32,
    pub boost: u16,
}

impl Places {
    pub fn of(layout: &Layout) -> Places {
        let unit_start = |u: u32| layout.units.get(u as usize).map_or(layout.end, |unit| unit.start);
        let mut doc_starts: Vec<u32> = layout.docs.iter().map(|doc| unit_start(doc.first_unit)).collect();
        doc_starts.push(layout.end);
        let mut runs: Vec<(u32, u16)> = Vec::new();
        for unit in &layout.units {
            let boost = unit.source.field.boost();
            if runs.last().is_none_or(|&(_, last)| last != boost) {
                runs.push((unit.start, boost));
            }
        }
        runs.push((layout.end, 0));
        let mut run = 0;
        let doc_runs = doc_starts[..layout.docs.len()]
            .iter()
            .map(|&start| {
                run = gallop_by(&runs, run, |&(run_start, _)| run_start <= start).saturating_sub(1);
                run as u32
            })
            .collect();
        Places { doc_starts, runs, doc_runs }
    }

    /// The memory the lists take, in bytes.
    pub fn heap_bytes(&self) -> usize {
        (self.doc_starts.len() + self.doc_runs.len()) * size_of::<u32>() + self.runs.len() * size_of::<(u32, u16)>()
    }

    /// The place of `position`, looked for forward from `from` (the place
    /// of an earlier position, or the default); `None` beyond the last unit.
    #[inline]
    pub fn find(&self, position: u32, from: Place) -> Option<Place> {
        let mut place = from;
        if position >= from.doc_end {
            place.doc = gallop_by(&self.doc_starts, from.doc, |&start| start <= position).checked_sub(1)?;
            place.doc_end = *self.doc_starts.get(place.doc + 1)?;
        }
        if position >= from.run_end {
            // In a document other than the last one's, its own runs come
            // first: walking from the last one's would pass the rest of
            // that document's.
            let doc_run = self.doc_runs.get(place.doc).map_or(0, |&run| run as usize);
            place.run = gallop_by(&self.runs, from.run.max(doc_run), |&(start, _)| start <= position).checked_sub(1)?;
            place.boost = self.runs[place.run].1;
            place.run_end = self.runs.get(place.run + 1)?.0;
        }
        Some(place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::test_corpus::FIXTURES;
    use crate::search::text_index::TextIndex;
    use crate::search::vocabulary::Vocabulary;
    use proptest::prelude::*;

    fn placed_layout(fixture: usize) -> Layout {
        let corpus = corpus::load(FIXTURES[fixture]).expect("a valid fixture");
        let mut layout = Layout::of(&corpus);
        let (_, extent) = TextIndex::build(&layout, &corpus, Vocabulary::default());
        layout.place(&extent);
        layout
    }

    proptest! {
        /// Walked to from any earlier position, a position is placed in
        /// the document of the unit that holds it, with that unit's boost,
        /// as reading the layout's units says.
        #[test]
        fn a_position_is_placed_where_the_layout_puts_it(fixture in 0..FIXTURES.len(), at in any::<prop::sample::Index>(), earlier in any::<prop::sample::Index>()) {
            let layout = placed_layout(fixture);
            let places = Places::of(&layout);
            let position = at.index(layout.end as usize) as u32;
            let before = earlier.index(position as usize + 1) as u32;
            let unit = layout.units.iter().rposition(|unit| unit.start <= position).expect("the first unit starts at 0");
            let doc = layout.units[unit].doc as usize;
            let from = places.find(before, Place::default()).expect("inside the layout");
            let place = places.find(position, from).expect("inside the layout");
            prop_assert_eq!((place.doc, place.doc_end), (doc, layout.doc_end(doc)));
            prop_assert_eq!(place.boost, layout.field(unit).boost());
            prop_assert!(place.run_end > position);
            prop_assert_eq!(places.find(layout.end, place), None);
        }
    }
}
