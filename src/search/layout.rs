//! How a corpus maps onto the index's position space.
//!
//! Documents are article fragments, numbered so that the fragments of one
//! continued story ([`super::groups`]) are consecutive and in reading order;
//! a *group* is such a story, the unit of results. Every unit of text
//! ([`super::fields`]) occupies a range of stream positions: its normalized
//! characters, then one separator. So positions, units, documents and
//! groups all increase together, which lets every lookup walk forward.
//!
//! The layout does not hold text: it points into the corpus it was built
//! from. It is what an index file stores ([`super::format`]).

use super::fields::{self, Field, UnitRef};
use super::groups::fragment_groups;
use crate::corpus::{Article, Corpus};

/// An article fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Doc {
    pub edition: u32,
    /// Index into the edition's `articles`.
    pub article: u32,
    pub group: u32,
    /// Its units are `first_unit..` the next document's `first_unit`.
    pub first_unit: u32,
}

/// One unit of text and where it starts in the stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    pub start: u32,
    pub doc: u32,
    pub source: UnitRef,
}

/// Where the units of a corpus start in its stream, and where the stream
/// ends, as [`super::text_index::TextIndex::build`] found them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extent {
    pub unit_starts: Vec<u32>,
    pub end: u32,
}

/// Documents, units and groups of one corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub docs: Vec<Doc>,
    pub units: Vec<Unit>,
    /// `group_starts[g]` is the first document of group `g`.
    pub group_starts: Vec<u32>,
    /// The number of stream positions, separators included.
    pub end: u32,
}

impl Layout {
    /// The documents, groups and units of `corpus`, in index order. Where
    /// units start is known only once their text is normalized: until
    /// [`Layout::place`], every start is 0.
    pub fn of(corpus: &Corpus) -> Layout {
        let mut layout = Layout::default();
        for (e, edition) in corpus.editions.iter().enumerate() {
            for group in fragment_groups(edition) {
                layout.group_starts.push(layout.docs.len() as u32);
                for a in group {
                    let doc = layout.docs.len() as u32;
                    layout.docs.push(Doc {
                        edition: e as u32,
                        article: a as u32,
                        group: (layout.group_starts.len() - 1) as u32,
                        first_unit: layout.units.len() as u32,
                    });
                    let units = fields::units(&edition.articles[a]).into_iter();
                    layout.units.extend(units.map(|(source, _)| Unit { start: 0, doc, source }));
                }
            }
        }
        layout
    }

    /// Sets where the units start and the stream ends. Positions are `u32`:
    /// a corpus of more than four billion characters is beyond what this
    /// index addresses.
    pub fn place(&mut self, extent: &Extent) {
        for (unit, &start) in self.units.iter_mut().zip(&extent.unit_starts) {
            unit.start = start;
        }
        self.end = extent.end;
    }

    /// Whether `extent` is where this layout's units start and its stream
    /// ends: the text it was derived from is the text this layout was built
    /// from.
    pub fn fits(&self, extent: &Extent) -> bool {
        self.end == extent.end && self.units.iter().map(|unit| unit.start).eq(extent.unit_starts.iter().copied())
    }

    /// The stream positions of unit `u`, separator excluded.
    pub fn unit_range(&self, u: usize) -> std::ops::Range<usize> {
        let start = self.units[u].start as usize;
        let next = self.units.get(u + 1).map_or(self.end, |unit| unit.start) as usize;
        start..next.saturating_sub(1).max(start)
    }

    /// The units of document `d`.
    pub fn doc_units(&self, d: usize) -> std::ops::Range<usize> {
        let first = self.docs[d].first_unit as usize;
        let next = self.docs.get(d + 1).map_or(self.units.len(), |doc| doc.first_unit as usize);
        first..next
    }

    /// The stream position just after document `d`'s last unit (what
    /// [`super::places`] finds by walking, checked against it).
    #[cfg(test)]
    pub fn doc_end(&self, d: usize) -> u32 {
        let next_unit = self.doc_units(d).end;
        self.units.get(next_unit).map_or(self.end, |unit| unit.start)
    }

    /// The documents of group `g`, in reading order.
    pub fn group_docs(&self, g: usize) -> std::ops::Range<usize> {
        let first = self.group_starts[g] as usize;
        let next = self.group_starts.get(g + 1).map_or(self.docs.len(), |&start| start as usize);
        first..next
    }

    /// The number of normalized characters in group `g`, its length for
    /// ranking.
    pub fn group_len(&self, g: usize) -> u32 {
        let docs = self.group_docs(g);
        let units = self.doc_units(docs.start).start..self.doc_units(docs.end - 1).end;
        units.map(|u| self.unit_range(u).len() as u32).sum()
    }

    pub fn field(&self, u: usize) -> Field {
        self.units[u].source.field
    }

    /// The article of document `d` in `corpus`; `None` when the corpus is not
    /// the one the index was built from.
    pub fn article<'c>(&self, corpus: &'c Corpus, d: usize) -> Option<&'c Article> {
        let doc = self.docs.get(d)?;
        corpus.editions.get(doc.edition as usize)?.articles.get(doc.article as usize)
    }

    /// Checks the invariants the search relies on, for a decoded layout.
    pub fn is_consistent(&self) -> bool {
        let units_ordered = self.units.windows(2).all(|w| w[0].start < w[1].start && w[0].doc <= w[1].doc);
        let units_fit = self.units.last().is_none_or(|unit| unit.start < self.end && (unit.doc as usize) < self.docs.len());
        let docs_ordered = self.docs.windows(2).all(|w| w[0].first_unit <= w[1].first_unit && w[0].group <= w[1].group);
        let docs_fit = self.docs.iter().all(|doc| (doc.first_unit as usize) <= self.units.len() && (doc.group as usize) < self.group_starts.len());
        let docs_own_units = self.units.iter().enumerate().all(|(u, unit)| {
            self.docs.get(unit.doc as usize).is_some_and(|doc| doc.first_unit as usize <= u)
                && self.docs.get(unit.doc as usize + 1).is_none_or(|next| u < next.first_unit as usize)
        });
        let groups_ordered = self.group_starts.windows(2).all(|w| w[0] < w[1])
            && self.group_starts.first().is_none_or(|&first| first == 0)
            && self.group_starts.last().is_none_or(|&last| (last as usize) < self.docs.len())
            && self.docs.iter().enumerate().all(|(d, doc)| self.group_docs(doc.group as usize).contains(&d));
        units_ordered && units_fit && docs_ordered && docs_fit && docs_own_units && groups_ordered
    }
}
