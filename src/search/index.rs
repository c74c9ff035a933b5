//! The search index of one corpus: build it, query it.
//!
//! It holds the [`Layout`] (which fragment and field every stream position
//! belongs to), which is what an index file stores ([`super::format`]), and
//! the [`TextIndex`] (character ids, postings, word marks), which is derived
//! from the corpus text: at once by [`Index::build`], at the first search
//! (or [`Index::prepare`]) for a decoded index. It does not hold the text:
//! [`Index::search`] takes the corpus it was built from, to derive the text
//! index and cut snippets.

use std::sync::OnceLock;

use super::collector::{collect, newest_first, top, Candidate};
use super::layout::{Extent, Layout};
use super::matcher::{match_term, TermMatch};
use super::places::Places;
use super::query::{Filter, Order, Query};
use super::results::{Hit, SearchResults};
use super::scorer::{adjacent_groups, Bm25, Bonuses};
use super::snippets::{snippets, Scratch};
use super::preparation::Preparation;
use super::text_index::TextIndex;
use super::vocabulary::Vocabulary;
use crate::corpus::Corpus;

/// An index over one corpus. See the module documentation. Two indexes are
/// equal when they store the same layout: the rest follows from the corpus.
#[derive(Clone, Debug)]
pub struct Index {
    pub(super) layout: Layout,
    /// The length of each group, derived from the layout.
    pub(super) group_lens: Vec<u32>,
    pub(super) bm25: Bm25,
    places: Places,
    text: OnceLock<TextIndex>,
}

impl PartialEq for Index {
    fn eq(&self, other: &Index) -> bool {
        self.layout == other.layout
    }
}

/// The text index `derived` from `corpus` for a stored `layout`, when the
/// corpus fits the layout; when it does not (it is not the corpus the index
/// was built from), an empty text index, so that nothing is found.
pub(super) fn fitted(layout: &Layout, derived: (TextIndex, Extent), corpus: &Corpus) -> TextIndex {
    let (text, extent) = derived;
    if layout.fits(&extent) {
        text
    } else {
        TextIndex::build(&Layout::default(), corpus, Vocabulary::default()).0
    }
}

impl Index {
    /// Indexes `corpus`.
    pub fn build(corpus: &Corpus) -> Index {
        Index::build_with(corpus, Vocabulary::default())
    }

    /// Indexes `corpus`, numbering its characters in `vocabulary` (empty).
    pub(super) fn build_with(corpus: &Corpus, vocabulary: Vocabulary) -> Index {
        let mut preparation = Preparation::building(corpus, vocabulary);
        preparation.step(corpus, usize::MAX);
        preparation.finish(corpus)
    }

    /// An index of a stored layout, its text index not yet derived.
    pub(super) fn from_layout(layout: Layout) -> Index {
        let group_lens: Vec<u32> = (0..layout.group_starts.len()).map(|g| layout.group_len(g)).collect();
        let bm25 = Bm25::new(&group_lens);
        let places = Places::of(&layout);
        Index { layout, group_lens, bm25, places, text: OnceLock::new() }
    }

    /// This index with the text index `text`, which replaces any it had.
    pub(super) fn with_text(mut self, text: TextIndex) -> Index {
        self.text = OnceLock::from(text);
        self
    }

    /// Derives the text index from `corpus` now, if it is not yet: a
    /// decoded index does it at its first search otherwise. Takes about as
    /// long as [`Index::build`]; [`Preparation`] does it in slices.
    pub fn prepare(&self, corpus: &Corpus) {
        self.text(corpus);
    }

    /// The text index, derived from `corpus` on first use.
    fn text(&self, corpus: &Corpus) -> &TextIndex {
        self.text.get_or_init(|| fitted(&self.layout, TextIndex::build(&self.layout, corpus, Vocabulary::default()), corpus))
    }

    /// The number of stories (continued articles count once) indexed.
    pub fn story_count(&self) -> usize {
        self.layout.group_starts.len()
    }

    /// Roughly how much memory the index takes, in bytes, its text index
    /// included once derived.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let layout = &self.layout;
        let layout_bytes = layout.docs.len() * size_of::<super::layout::Doc>()
            + layout.units.len() * size_of::<super::layout::Unit>()
            + (layout.group_starts.len() + self.group_lens.len()) * size_of::<u32>();
        layout_bytes + self.places.heap_bytes() + self.text.get().map_or(0, TextIndex::heap_bytes)
    }

    /// Runs `query` against the index of `corpus` and returns the total
    /// number of matching stories and the best `limit` of them with
    /// snippets. Stories match when every term of the query occurs, as a
    /// substring after normalization, within one field of one of their
    /// fragments, and the story passes the query's filters.
    pub fn search(&self, corpus: &Corpus, query: &Query, limit: usize) -> SearchResults {
        self.search_in(corpus, self.text(corpus), None, query, limit)
    }

    /// [`Index::search`] with the text index `text`, whose postings, when
    /// `unlisted` is given, are not listed yet: terms are then found by
    /// reading that stream of ids ([`super::unlisted`]), with the same results.
    pub(super) fn search_in(
        &self,
        corpus: &Corpus,
        text: &TextIndex,
        unlisted: Option<&[u16]>,
        query: &Query,
        limit: usize,
    ) -> SearchResults {
        if query.is_empty() {
            return SearchResults::default();
        }
        let terms: Vec<TermMatch> =
            query.terms().iter().map(|term| match_term(&self.layout, &self.places, text, unlisted, corpus, term.chars())).collect();
        let mut bonuses = Bonuses::new(self.adjacency_bonuses(query, &terms));
        let filter = query.filter();
        let unfiltered = *filter == Filter::default();
        let accept = |group: u32| {
            if unfiltered {
                return true;
            }
            let docs = self.layout.group_docs(group as usize);
            let mut articles = docs.clone().filter_map(|d| self.layout.article(corpus, d));
            let edition_ok = self
                .layout
                .docs
                .get(docs.start)
                .and_then(|doc| corpus.editions.get(doc.edition as usize))
                .is_some_and(|edition| filter.accepts_edition(&edition.date, &corpus.publication_of(edition).title));
            edition_ok && filter.page.is_none_or(|page| articles.any(|article| article.page == page))
        };
        let len = |group: u32| self.group_lens.get(group as usize).copied().unwrap_or(0);
        let candidates = collect(&terms, &self.bm25, len, accept, |group| bonuses.earned_by(group));
        let total = candidates.len();
        let mut scratch = Scratch::default();
        let shown = match query.order() {
            Order::Relevance => top(candidates, limit),
            Order::Newest => newest_first(candidates, limit, |group| {
                let edition = self.layout.docs.get(self.layout.group_docs(group as usize).start).map_or(0, |doc| doc.edition as usize);
                let (date, title) = corpus.editions.get(edition).map_or(("", ""), |e| (e.date.as_str(), corpus.publication_of(e).title.as_str()));
                (date, title, edition)
            }),
        };
        let hits = shown
            .into_iter()
            .filter_map(|candidate| self.hit(corpus, query, &terms, candidate, &mut scratch))
            .collect();
        SearchResults { total, hits }
    }

    /// For each pair of consecutive terms that both have positions, the
    /// groups where they occur side by side and the bonus those earn.
    fn adjacency_bonuses(&self, query: &Query, terms: &[TermMatch]) -> Vec<(Vec<u32>, f32)> {
        let lens: Vec<usize> = query.terms().iter().map(|term| term.chars().len()).collect();
        (1..terms.len())
            .filter(|&i| !terms[i - 1].starts.is_empty() && !terms[i].starts.is_empty())
            .map(|i| {
                let (first, second) = (&terms[i - 1], &terms[i]);
                let groups = adjacent_groups(&self.layout, &first.starts, lens[i - 1], &second.starts, lens[i]);
                let bonus = self.bm25.adjacency_bonus(self.bm25.idf(first.groups.len()), self.bm25.idf(second.groups.len()));
                (groups, bonus)
            })
            .collect()
    }

    fn hit(&self, corpus: &Corpus, query: &Query, terms: &[TermMatch], candidate: Candidate, scratch: &mut Scratch) -> Option<Hit> {
        let group = candidate.group as usize;
        let docs = self.layout.group_docs(group);
        let head = self.layout.docs.get(docs.start)?;
        let edition = corpus.editions.get(head.edition as usize)?;
        let first = self.layout.article(corpus, docs.start)?;
        let headline = docs.filter_map(|d| self.layout.article(corpus, d)?.headline.clone()).next();
        Some(Hit {
            edition: head.edition as usize,
            article: first.id.clone(),
            page: first.page,
            date: edition.date.clone(),
            publication: corpus.publication_of(edition).title.clone(),
            headline,
            score: candidate.score,
            snippets: snippets(&self.layout, corpus, group, query.terms(), terms, scratch),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Block;
    use crate::search::test_corpus::{corpus_of, TEXT};
    use proptest::prelude::*;

    proptest! {
        /// With room for only a few characters, the others found by reading
        /// the text, an index finds and ranks exactly as one with room for
        /// all.
        #[test]
        fn an_index_whose_vocabulary_overflows_answers_the_same(
            articles in prop::collection::vec((TEXT, prop::collection::vec(TEXT, 1..4)), 1..6),
            at in (any::<usize>(), any::<usize>(), 1usize..5),
            capacity in 1usize..8,
        ) {
            let corpus = corpus_of(articles);
            let paragraphs: Vec<Vec<char>> = corpus.editions[0].articles.iter()
                .flat_map(|article| article.blocks.iter().filter_map(Block::text))
                .map(|text| text.chars().collect())
                .collect();
            let paragraph = &paragraphs[at.0 % paragraphs.len()];
            let start = at.1 % paragraph.len();
            let query: String = paragraph[start..(start + at.2).min(paragraph.len())].iter().collect();
            let query = Query::parse(&query);
            let full = Index::build(&corpus);
            let small = Index::build_with(&corpus, Vocabulary::with_capacity(capacity));
            prop_assert_eq!(small.search(&corpus, &query, 10), full.search(&corpus, &query, 10));
        }
    }
}
