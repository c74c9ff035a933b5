//! The widget's search engine for one corpus: the corpus as the reader
//! received it, and its index, either the stored one or one built here.
//!
//! `super::service` opens it in the page, a slice at a time ([`Opening`]).
//! It takes a [`Request`] and answers with the engine's [`SearchResults`],
//! the hits as values; [`hits_json`] gives the host's `search()` exactly
//! what `broadsheet search --json` prints. This module neither fetches nor
//! renders.

use super::super::shared::SharedCorpus;
use crate::search::{Filter, Hit, Index, IndexError, Order, Preparation, Query, SearchResults};

/// One search: the text as typed, the filters, the order, how many hits
/// to return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub query: String,
    pub filter: Filter,
    pub order: Order,
    pub limit: usize,
}

impl Request {
    /// The query this asks for, parsed.
    pub fn parsed(&self) -> Query {
        Query::parse(&self.query).with_filter(self.filter.clone()).with_order(self.order)
    }
}

/// The hits as the JSON array `broadsheet search --json` prints (without
/// their editions): what the host's `search()` resolves to.
pub fn hits_json(hits: &[Hit]) -> Result<String, String> {
    serde_json::to_string(hits).map_err(|error| format!("the hits cannot be written as JSON: {error}"))
}

/// Where the engine's index came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexSource {
    /// The stored index, built from these very corpus bytes.
    Stored,
    /// Built here, because no index was stored beside the corpus.
    BuiltForLack,
    /// Built here, because the stored index was refused (stale, of another
    /// format version, damaged).
    BuiltOverRefused(IndexError),
}

impl IndexSource {
    /// A short name for measurements and logs: `stored` or `built`.
    pub fn name(&self) -> &'static str {
        match self {
            IndexSource::Stored => "stored",
            IndexSource::BuiltForLack | IndexSource::BuiltOverRefused(_) => "built",
        }
    }

    /// Why the index was built, when it was.
    pub fn reason(&self) -> Option<String> {
        match self {
            IndexSource::Stored => None,
            IndexSource::BuiltForLack => Some("no index beside the corpus".to_owned()),
            IndexSource::BuiltOverRefused(error) => Some(error.to_string()),
        }
    }
}

/// A corpus and its index, ready to answer.
pub struct Engine {
    corpus: SharedCorpus,
    index: Index,
    source: IndexSource,
}

/// An engine on its way, its index made ready a slice at a time
/// ([`Preparation`]), so that the page can stay responsive meanwhile.
pub struct Opening {
    corpus: SharedCorpus,
    preparation: Preparation,
    source: IndexSource,
}

impl Opening {
    /// Starts opening the engine of `corpus`, loaded from bytes whose
    /// [`corpus_hash`](crate::search::corpus_hash) is `hash`, on the
    /// `stored` index when it is one of those bytes, else on one built from
    /// the corpus.
    pub fn new(corpus: SharedCorpus, hash: u64, stored: Option<&[u8]>) -> Opening {
        let decoded = stored.map(|bytes| Index::decode(bytes, hash));
        let (preparation, source) = match decoded {
            Some(Ok(index)) => (Preparation::of_stored(index), IndexSource::Stored),
            Some(Err(refused)) => (Preparation::of_corpus(&corpus), IndexSource::BuiltOverRefused(refused)),
            None => (Preparation::of_corpus(&corpus), IndexSource::BuiltForLack),
        };
        Opening { corpus, preparation, source }
    }

    /// Does about `budget` characters' worth of the work, at least some;
    /// true once all of it is done.
    pub fn step(&mut self, budget: usize) -> bool {
        self.preparation.step(&self.corpus, budget)
    }

    /// Whether [`Opening::answer`] answers yet.
    pub fn answers(&self) -> bool {
        self.preparation.answers()
    }

    /// Runs `request` as the finished engine will, once the index can
    /// answer ([`Preparation::search`]: about halfway); `None` before.
    pub fn answer(&self, request: &Request) -> Option<SearchResults> {
        self.preparation.search(&self.corpus, &request.parsed(), request.limit)
    }

    /// The engine, once [`Opening::step`] has said it is done.
    pub fn finish(self) -> Engine {
        let index = self.preparation.finish(&self.corpus);
        Engine { corpus: self.corpus, index, source: self.source }
    }
}

impl Engine {
    pub fn source(&self) -> &IndexSource {
        &self.source
    }

    /// Runs `request`.
    pub fn answer(&self, request: &Request) -> SearchResults {
        self.index.search(&self.corpus, &request.parsed(), request.limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::corpus_hash;

    const READER: &str = include_str!("../../../tests/fixtures/reader.json");
    const TWO_PAGES: &str = include_str!("../../../tests/fixtures/two-pages.json");

    fn request(query: &str) -> Request {
        Request { query: query.to_owned(), filter: Filter::default(), order: Order::Relevance, limit: 10 }
    }

    /// The engine of the corpus `text`, opened as the page opens it, in small steps.
    fn open(text: &str, stored: Option<&[u8]>) -> Engine {
        let loaded = SharedCorpus::new(corpus::load(text).expect("a valid fixture"));
        let mut opening = Opening::new(loaded, corpus_hash(text.as_bytes()), stored);
        while !opening.step(1_000) {}
        opening.finish()
    }

    /// What the CLI's search finds, as values with their editions.
    fn expected(corpus_text: &str, query: &str) -> Vec<Hit> {
        let corpus = corpus::load(corpus_text).expect("a valid fixture");
        Index::build(&corpus).search(&corpus, &Query::parse(query), 10).hits
    }

    #[test]
    fn a_matching_stored_index_is_used_and_answers_as_a_fresh_one() {
        let stored = Index::build(&corpus::load(READER).expect("valid")).encode(corpus_hash(READER.as_bytes()));
        let engine = open(READER, Some(&stored));
        assert_eq!(engine.source(), &IndexSource::Stored);
        let answer = engine.answer(&request("上合"));
        assert_eq!(answer.hits, expected(READER, "上合"));
        assert!(answer.total >= 2, "{answer:?}");
    }

    #[test]
    fn an_index_of_other_bytes_is_refused_and_rebuilt() {
        let other = Index::build(&corpus::load(TWO_PAGES).expect("valid")).encode(corpus_hash(TWO_PAGES.as_bytes()));
        let engine = open(READER, Some(&other));
        assert!(matches!(engine.source(), IndexSource::BuiltOverRefused(IndexError::Stale { .. })), "{:?}", engine.source());
        assert_eq!(engine.source().name(), "built");
        assert_eq!(engine.answer(&request("上合")).hits, expected(READER, "上合"));
        // The same corpus re-saved with other whitespace is other bytes: its old index is stale too.
        let reformatted = corpus::to_json(&corpus::load(READER).expect("valid"));
        let old = Index::build(&corpus::load(READER).expect("valid")).encode(corpus_hash(READER.as_bytes()));
        let engine = open(&reformatted, Some(&old));
        assert!(matches!(engine.source(), IndexSource::BuiltOverRefused(IndexError::Stale { .. })));
    }

    #[test]
    fn damaged_or_missing_indexes_are_rebuilt() {
        let mut damaged = Index::build(&corpus::load(READER).expect("valid")).encode(corpus_hash(READER.as_bytes()));
        let last = damaged.len() - 1;
        damaged[last] ^= 0xff;
        let engine = open(READER, Some(&damaged));
        assert!(matches!(engine.source(), IndexSource::BuiltOverRefused(IndexError::Corrupt { .. })), "{:?}", engine.source());
        let engine = open(READER, Some(b"<html>404</html>"));
        assert!(engine.source().reason().is_some_and(|reason| reason.contains("rebuild")), "{:?}", engine.source());
        let engine = open(READER, None);
        assert_eq!(engine.source(), &IndexSource::BuiltForLack);
    }

    #[test]
    fn hits_keep_their_editions_and_the_json_is_the_cli_s() {
        let engine = open(READER, None);
        let answer = engine.answer(&request("Harbour"));
        let hits = &answer.hits;
        assert_eq!(*hits, expected(READER, "Harbour"));
        assert!(hits.iter().any(|hit| hit.edition == 1), "the English paper is the second edition: {hits:?}");
        let cli: serde_json::Value = serde_json::from_str(&serde_json::to_string_pretty(hits).expect("json")).expect("json");
        let json = hits_json(hits).expect("json");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&json).expect("json"), cli);
        assert!(!json.contains("\"edition\""), "the JSON has no edition field: {json}");
    }

    #[test]
    fn filters_and_limits_reach_the_index() {
        let engine = open(READER, None);
        let all = engine.answer(&request("上合"));
        let on_page_three = Request { filter: Filter { page: Some(3), ..Filter::default() }, ..request("上合") };
        let filtered = engine.answer(&on_page_three).hits;
        assert!(!filtered.is_empty() && filtered.len() < all.total, "{filtered:?}");
        assert!(filtered.iter().all(|hit| hit.page == 3), "{filtered:?}");
        let one = engine.answer(&Request { limit: 1, ..request("上合") });
        assert_eq!((one.total, one.hits.len()), (all.total, 1));
    }

    #[test]
    fn an_opening_engine_answers_halfway_as_the_open_one() {
        let stored = Index::build(&corpus::load(READER).expect("valid")).encode(corpus_hash(READER.as_bytes()));
        let open = open(READER, Some(&stored));
        let loaded = SharedCorpus::new(corpus::load(READER).expect("valid"));
        let mut opening = Opening::new(loaded, corpus_hash(READER.as_bytes()), Some(&stored));
        assert_eq!(opening.answer(&request("上合")), None, "nothing is read yet");
        assert!(!opening.answers());
        let mut early = None;
        while !opening.step(50) {
            early = early.or_else(|| opening.answer(&request("上合")));
            assert_eq!(opening.answers(), early.is_some());
        }
        assert_eq!(early, Some(open.answer(&request("上合"))), "it answered before it was done, as it will after");
    }
}
