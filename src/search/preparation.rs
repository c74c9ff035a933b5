//! An index made ready a slice of work at a time, for a caller that must
//! not block for the whole of a large corpus: the widget, which searches in
//! the page, derives the text index between frames instead of in one
//! task of hundreds of milliseconds. The index is the one [`Index::build`]
//! or [`Index::decode`] and [`Index::prepare`] give; only the pace differs.
//!
//! It answers before it is done: once every unit is read (about half the
//! work) [`Preparation::search`] finds terms by reading the stream of ids
//! ([`super::unlisted`]) while the postings are still being listed, and
//! gives the results the finished index will. So a reader's first query
//! waits for half the derivation, not all of it.

use super::index::{fitted, Index};
use super::layout::Layout;
use super::query::Query;
use super::results::SearchResults;
use super::text_index::TextIndexBuild;
use super::vocabulary::Vocabulary;
use crate::corpus::Corpus;

/// See the module documentation. [`Preparation::step`] until it says it is
/// done, then [`Preparation::finish`], with the same corpus throughout.
#[derive(Debug)]
pub struct Preparation {
    shape: Shape,
    text: TextIndexBuild,
    /// Whether the stream has had its room made ahead.
    reserved: bool,
}

/// The index but for its text index.
#[derive(Debug)]
enum Shape {
    /// Decoded from a stored index. Whether the corpus fits it (is the one
    /// it was built from) is known once every unit is read.
    Stored { index: Index, fits: Option<bool> },
    /// The layout of the corpus at hand, its units not yet placed in the
    /// stream: where they start is known once every unit is read.
    Building(Layout),
    /// That layout placed.
    Built(Index),
}

impl Shape {
    fn layout(&self) -> &Layout {
        match self {
            Shape::Stored { index, .. } | Shape::Built(index) => &index.layout,
            Shape::Building(layout) => layout,
        }
    }
}

impl Preparation {
    /// Makes ready an index decoded from a stored one ([`Index::decode`]).
    pub fn of_stored(index: Index) -> Preparation {
        Preparation::with(Shape::Stored { index, fits: None }, Vocabulary::default())
    }

    /// Builds the index of `corpus`.
    pub fn of_corpus(corpus: &Corpus) -> Preparation {
        Preparation::building(corpus, Vocabulary::default())
    }

    /// Builds the index of `corpus`, numbering its characters in
    /// `vocabulary` (empty).
    pub(super) fn building(corpus: &Corpus, vocabulary: Vocabulary) -> Preparation {
        Preparation::with(Shape::Building(Layout::of(corpus)), vocabulary)
    }

    fn with(shape: Shape, vocabulary: Vocabulary) -> Preparation {
        Preparation { shape, text: TextIndexBuild::new(vocabulary), reserved: false }
    }

    /// Does about `budget` characters' worth of the work, at least some;
    /// true once all of it is done.
    pub fn step(&mut self, corpus: &Corpus, budget: usize) -> bool {
        if !self.reserved {
            self.reserved = true;
            if let Shape::Stored { index, .. } = &self.shape {
                self.text.reserve(stream_bound(&index.layout, corpus));
            }
        }
        let done = self.text.step(self.shape.layout(), corpus, budget);
        self.settle();
        done
    }

    /// Once every unit is read: checks a stored layout against the text,
    /// or places a built one.
    fn settle(&mut self) {
        let Some(read) = self.text.read() else { return };
        match &mut self.shape {
            Shape::Stored { index, fits: fits @ None } => *fits = Some(index.layout.fits(&read.extent())),
            Shape::Building(layout) => {
                let mut layout = std::mem::take(layout);
                layout.place(&read.extent());
                self.shape = Shape::Built(Index::from_layout(layout));
            }
            Shape::Stored { .. } | Shape::Built(_) => {}
        }
    }

    /// Whether [`Preparation::search`] answers yet.
    pub fn answers(&self) -> bool {
        self.text.read().is_some()
    }

    /// Runs `query` as [`Index::search`] on the finished index will, once
    /// every unit is read ([`Preparation::answers`]); `None` before.
    pub fn search(&self, corpus: &Corpus, query: &Query, limit: usize) -> Option<SearchResults> {
        let read = self.text.read()?;
        match &self.shape {
            Shape::Stored { index, fits: Some(true) } | Shape::Built(index) => {
                Some(index.search_in(corpus, read.text, Some(read.stream), query, limit))
            }
            // The finished index of a corpus that does not fit finds nothing.
            Shape::Stored { fits: Some(false), .. } => Some(SearchResults::default()),
            Shape::Stored { fits: None, .. } | Shape::Building(_) => None,
        }
    }

    /// The index, once [`Preparation::step`] has said it is done.
    pub fn finish(self, corpus: &Corpus) -> Index {
        let derived = self.text.finish();
        match self.shape {
            Shape::Stored { index, .. } => {
                let text = fitted(&index.layout, derived, corpus);
                index.with_text(text)
            }
            Shape::Built(index) => index.with_text(derived.0),
            Shape::Building(mut layout) => {
                let (text, extent) = derived;
                layout.place(&extent);
                Index::from_layout(layout).with_text(text)
            }
        }
    }
}

/// The length a stored `layout` gives the stream, but no more than the
/// text of `corpus` fills as a rule (a byte or more a character, and a
/// separator a unit), so that a damaged layout cannot ask for gigabytes.
/// Only room made ahead: a stream that outgrows it still grows.
fn stream_bound(layout: &Layout, corpus: &Corpus) -> usize {
    let text_bytes: usize = (0..layout.docs.len())
        .filter_map(|d| Some((d, layout.article(corpus, d)?)))
        .flat_map(|(d, article)| layout.doc_units(d).filter_map(move |u| layout.units[u].source.text(article)))
        .map(str::len)
        .sum();
    (layout.end as usize).min(text_bytes + layout.units.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::{corpus_hash, Query};

    const READER: &str = include_str!("../../tests/fixtures/reader.json");

    const QUERIES: [&str; 7] = ["Harbour", "上合", "the", "上", "e", "上合 组", "\"the harbour\""];

    /// Makes `preparation` ready 5 characters' worth at a time; at every
    /// step where it answers early, its answers must be `built`'s.
    fn in_steps(mut preparation: Preparation, corpus: &Corpus, built: &Index) -> Index {
        let mut answered_early = false;
        loop {
            let done = preparation.step(corpus, 5);
            for query in QUERIES.map(Query::parse) {
                if let Some(early) = preparation.search(corpus, &query, 10) {
                    assert_eq!(early, built.search(corpus, &query, 10), "{query:?}");
                    answered_early = true;
                }
            }
            if done {
                break;
            }
        }
        assert!(answered_early, "it answers before its lists are done");
        preparation.finish(corpus)
    }

    #[test]
    fn an_index_made_ready_in_steps_answers_as_one_made_at_once() {
        let corpus = corpus::load(READER).expect("a valid fixture");
        let built = Index::build(&corpus);
        let stored = Index::decode(&built.encode(corpus_hash(READER.as_bytes())), corpus_hash(READER.as_bytes())).expect("reads back");
        for index in [in_steps(Preparation::of_corpus(&corpus), &corpus, &built), in_steps(Preparation::of_stored(stored), &corpus, &built)] {
            assert_eq!(index, built);
            for query in QUERIES.map(Query::parse) {
                assert_eq!(index.search(&corpus, &query, 10), built.search(&corpus, &query, 10), "{query:?}");
            }
        }
    }

    #[test]
    fn a_stored_index_of_another_corpus_finds_nothing() {
        let corpus = corpus::load(READER).expect("a valid fixture");
        let other = corpus::load(include_str!("../../www/corpus.json")).expect("the bundled corpus");
        let foreign = Index::build(&other);
        let nothing = Index::build(&corpus::Corpus::new(corpus.publication.clone()));
        let index = in_steps(Preparation::of_stored(foreign), &corpus, &nothing);
        assert_eq!(index.search(&corpus, &Query::parse("Harbour"), 10).total, 0);
    }
}
