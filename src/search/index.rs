//! The search index of one corpus: build it, query it.
//!
//! It holds the [`Layout`] (which fragment and field every stream position
//! belongs to), character postings (character → documents with a weighted
//! frequency), pair postings (character pair → stream positions) and word
//! marks. It does not hold the text: [`Index::search`] takes the corpus it
//! was built from, to cut snippets. Storing it is [`super::format`]'s job.

use rustc_hash::FxHashMap;

use super::analyzer::{pair_key, WordMarks, SEPARATOR};
use super::collector::{collect, top, Candidate};
use super::layout::Layout;
use super::matcher::{match_term, TermMatch};
use super::postings::Postings;
use super::query::{Filter, Query};
use super::results::{Hit, SearchResults};
use super::scorer::{adjacent_groups, Bm25};
use super::snippets::snippets;
use crate::corpus::Corpus;

/// One document's entry in a character's list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CharHit {
    pub doc: u32,
    /// The sum of the field boosts of the character's occurrences.
    pub weight: u32,
}

/// An index over one corpus. See the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub(super) layout: Layout,
    pub(super) chars: Postings<u32, CharHit>,
    pub(super) pairs: Postings<u64, u32>,
    pub(super) marks: WordMarks,
    /// The length of each group, derived from the layout.
    pub(super) group_lens: Vec<u32>,
    pub(super) bm25: Bm25,
}

impl Index {
    /// Indexes `corpus`.
    pub fn build(corpus: &Corpus) -> Index {
        let (layout, stream) = Layout::build(corpus);
        let mut marks = WordMarks::new(stream.len() + 1);
        for u in 0..layout.units.len() {
            let range = layout.unit_range(u);
            marks.mark_unit(range.start, &stream[range]);
        }
        let pairs = Postings::build(
            stream
                .windows(2)
                .enumerate()
                .filter(|(_, pair)| pair[0] != SEPARATOR && pair[1] != SEPARATOR)
                .map(|(position, pair)| (pair_key(pair[0], pair[1]), position as u32)),
        );
        let chars = Postings::build(char_hits(&layout, &stream).into_iter());
        Index::assemble(layout, chars, pairs, marks)
    }

    /// Puts an index together from its stored parts, deriving the rest.
    pub(super) fn assemble(
        layout: Layout,
        chars: Postings<u32, CharHit>,
        pairs: Postings<u64, u32>,
        marks: WordMarks,
    ) -> Index {
        let group_lens: Vec<u32> = (0..layout.group_starts.len()).map(|g| layout.group_len(g)).collect();
        let bm25 = Bm25::new(&group_lens);
        Index { layout, chars, pairs, marks, group_lens, bm25 }
    }

    /// The number of stories (continued articles count once) indexed.
    pub fn story_count(&self) -> usize {
        self.layout.group_starts.len()
    }

    /// Roughly how much memory the index takes, in bytes.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let layout = &self.layout;
        let layout_bytes = layout.docs.len() * size_of::<super::layout::Doc>()
            + layout.units.len() * size_of::<super::layout::Unit>()
            + (layout.group_starts.len() + self.group_lens.len()) * size_of::<u32>();
        let marks = (self.marks.boundaries.words().len() + self.marks.stem_ends.words().len()) * size_of::<u64>();
        layout_bytes + self.chars.heap_bytes() + self.pairs.heap_bytes() + marks
    }

    /// Runs `query` against the index of `corpus` and returns the total
    /// number of matching stories and the best `limit` of them with
    /// snippets. Stories match when every term of the query occurs, as a
    /// substring after normalization, within one field of one of their
    /// fragments, and the story passes the query's filters.
    pub fn search(&self, corpus: &Corpus, query: &Query, limit: usize) -> SearchResults {
        if query.is_empty() {
            return SearchResults::default();
        }
        let terms: Vec<TermMatch> = query.terms().iter().map(|term| match_term(self, term.chars())).collect();
        let bonuses = self.adjacency_bonuses(query, &terms);
        let filter = query.filter();
        let unfiltered = *filter == Filter::default();
        let accept = |group: u32| {
            if unfiltered {
                return true;
            }
            let docs = self.layout.group_docs(group as usize);
            let mut articles = docs.clone().filter_map(|d| self.layout.article(corpus, d));
            let date_ok = self
                .layout
                .docs
                .get(docs.start)
                .and_then(|doc| corpus.editions.get(doc.edition as usize))
                .is_some_and(|edition| filter.accepts_date(&edition.date));
            date_ok && filter.page.is_none_or(|page| articles.any(|article| article.page == page))
        };
        let bonus = |group: u32| {
            bonuses.iter().filter(|(groups, _)| groups.binary_search(&group).is_ok()).map(|(_, bonus)| bonus).sum()
        };
        let candidates = collect(&terms, &self.bm25, &self.group_lens, accept, bonus);
        let total = candidates.len();
        let hits = top(candidates, limit)
            .into_iter()
            .filter_map(|candidate| self.hit(corpus, query, &terms, candidate))
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
                let groups = adjacent_groups(self, &first.starts, lens[i - 1], &second.starts, lens[i]);
                let bonus = self.bm25.adjacency_bonus(self.bm25.idf(first.groups.len()), self.bm25.idf(second.groups.len()));
                (groups, bonus)
            })
            .collect()
    }

    fn hit(&self, corpus: &Corpus, query: &Query, terms: &[TermMatch], candidate: Candidate) -> Option<Hit> {
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
            headline,
            score: candidate.score,
            snippets: snippets(&self.layout, corpus, group, query.terms(), terms),
        })
    }
}

/// Each document's characters with the summed boosts of their occurrences,
/// documents in order. Spaces are left out: no term starts or ends with one.
fn char_hits(layout: &Layout, stream: &[char]) -> Vec<(u32, CharHit)> {
    let mut hits = Vec::new();
    let mut weights: FxHashMap<char, u32> = FxHashMap::default();
    for d in 0..layout.docs.len() {
        weights.clear();
        for u in layout.doc_units(d) {
            let boost = layout.field(u).boost() as u32;
            for &c in &stream[layout.unit_range(u)] {
                if c != ' ' {
                    *weights.entry(c).or_insert(0) += boost;
                }
            }
        }
        hits.extend(weights.iter().map(|(&c, &weight)| (c as u32, CharHit { doc: d as u32, weight })));
    }
    hits
}
