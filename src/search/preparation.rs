//! An index made ready a slice of work at a time, for a caller that must
//! not block for the whole of a large corpus: the widget, which searches in
//! the page, derives the text index between frames instead of in one task
//! of hundreds of milliseconds. The index is the one [`Index::build`] or
//! [`Index::decode`] and [`Index::prepare`] give; only the pace differs.

use super::index::{fitted, Index};
use super::layout::Layout;
use super::text_index::TextIndexBuild;
use super::vocabulary::Vocabulary;
use crate::corpus::Corpus;

/// See the module documentation. [`Preparation::step`] until it says it is
/// done, then [`Preparation::finish`], with the same corpus throughout.
#[derive(Debug)]
pub struct Preparation {
    layout: Layout,
    /// Whether the layout came from a stored index (the text must fit it)
    /// or is being built (the text says where its units start).
    stored: bool,
    text: TextIndexBuild,
}

impl Preparation {
    /// Makes ready an index decoded from a stored one ([`Index::decode`]).
    pub fn of_stored(index: Index) -> Preparation {
        Preparation { layout: index.into_layout(), stored: true, text: TextIndexBuild::new(Vocabulary::default()) }
    }

    /// Builds the index of `corpus`.
    pub fn of_corpus(corpus: &Corpus) -> Preparation {
        Preparation::building(corpus, Vocabulary::default())
    }

    /// Builds the index of `corpus`, numbering its characters in
    /// `vocabulary` (empty).
    pub(super) fn building(corpus: &Corpus, vocabulary: Vocabulary) -> Preparation {
        Preparation { layout: Layout::of(corpus), stored: false, text: TextIndexBuild::new(vocabulary) }
    }

    /// Does about `budget` characters' worth of the work, at least some;
    /// true once all of it is done.
    pub fn step(&mut self, corpus: &Corpus, budget: usize) -> bool {
        self.text.step(&self.layout, corpus, budget)
    }

    /// The index, once [`Preparation::step`] has said it is done.
    pub fn finish(self, corpus: &Corpus) -> Index {
        let derived = self.text.finish();
        if self.stored {
            let text = fitted(&self.layout, derived, corpus);
            Index::with_text(self.layout, text)
        } else {
            let (text, extent) = derived;
            let mut layout = self.layout;
            layout.place(&extent);
            Index::with_text(layout, text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::{corpus_hash, Query};

    const READER: &str = include_str!("../../tests/fixtures/reader.json");

    fn in_steps(mut preparation: Preparation, corpus: &Corpus) -> Index {
        while !preparation.step(corpus, 5) {}
        preparation.finish(corpus)
    }

    #[test]
    fn an_index_made_ready_in_steps_answers_as_one_made_at_once() {
        let corpus = corpus::load(READER).expect("a valid fixture");
        let built = Index::build(&corpus);
        let stored = Index::decode(&built.encode(corpus_hash(READER.as_bytes())), corpus_hash(READER.as_bytes())).expect("reads back");
        for index in [in_steps(Preparation::of_corpus(&corpus), &corpus), in_steps(Preparation::of_stored(stored), &corpus)] {
            assert_eq!(index, built);
            for query in ["Harbour", "上合", "the", "港"] {
                let query = Query::parse(query);
                assert_eq!(index.search(&corpus, &query, 10), built.search(&corpus, &query, 10), "{query:?}");
            }
        }
    }

    #[test]
    fn a_stored_index_of_another_corpus_finds_nothing() {
        let corpus = corpus::load(READER).expect("a valid fixture");
        let other = corpus::load(include_str!("../../www/corpus.json")).expect("the bundled corpus");
        let foreign = Index::build(&other);
        let index = in_steps(Preparation::of_stored(foreign), &corpus);
        assert_eq!(index.search(&corpus, &Query::parse("Harbour"), 10).total, 0);
    }
}
