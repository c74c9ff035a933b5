//! The search engine compiled to wasm, for `bench/search-wasm.mjs` to
//! time in V8, the engine of Chromium: opening a corpus's index (building
//! it, or decoding a stored one and deriving its text index), the first
//! query, and the benchmark query sets of `bench/search.rs`. Not a
//! program to run natively; see the `.mjs` file for the commands.

#[cfg(target_arch = "wasm32")]
use broadsheet_dev::queries;

#[cfg(target_arch = "wasm32")]
mod bench {
    use broadsheet::corpus::{self, Corpus};
    use broadsheet::search::{corpus_hash, Index, Query};
    use wasm_bindgen::prelude::*;

    /// One corpus, its index once opened, and its query sets.
    #[wasm_bindgen]
    pub struct SearchBench {
        corpus: Corpus,
        hash: u64,
        index: Option<Index>,
        sets: Vec<(String, Vec<Query>)>,
    }

    #[wasm_bindgen]
    impl SearchBench {
        /// Loads the corpus JSON; `english` picks the English query sets.
        #[wasm_bindgen(constructor)]
        pub fn new(corpus_json: &str, english: bool) -> Result<SearchBench, JsError> {
            let corpus = corpus::load(corpus_json).map_err(|error| JsError::new(&error.lines().join("; ")))?;
            let texts = if english { super::queries::english(&corpus) } else { super::queries::chinese(&corpus) };
            let sets = texts.into_iter().map(|(name, texts)| (name, texts.iter().map(|text| Query::parse(text)).collect())).collect();
            Ok(SearchBench { hash: corpus_hash(corpus_json.as_bytes()), corpus, index: None, sets })
        }

        /// Builds the index and returns it encoded, as `broadsheet index`
        /// writes it.
        pub fn build(&mut self) -> Vec<u8> {
            let index = Index::build(&self.corpus);
            let bytes = index.encode(self.hash);
            self.index = Some(index);
            bytes
        }

        /// Decodes a stored index and derives its text index; false when
        /// the bytes are refused.
        pub fn open(&mut self, stored: &[u8]) -> bool {
            self.index = Index::decode(stored, self.hash).ok();
            if let Some(index) = &self.index {
                index.prepare(&self.corpus);
            }
            self.index.is_some()
        }

        /// Opens the stored index as the widget does (decoded when it fits
        /// the corpus, else built) and runs `query` on it: a cold first
        /// query. Returns the number of matches.
        pub fn open_and_search(&mut self, stored: &[u8], query: &str) -> usize {
            let index = Index::decode(stored, self.hash).unwrap_or_else(|_| Index::build(&self.corpus));
            let total = index.search(&self.corpus, &Query::parse(query), 10).total;
            self.index = Some(index);
            total
        }

        /// Whether `stored` is an index of this corpus that this build reads.
        pub fn accepts(&self, stored: &[u8]) -> bool {
            Index::decode(stored, self.hash).is_ok()
        }

        pub fn set_names(&self) -> Vec<String> {
            self.sets.iter().map(|(name, _)| name.clone()).collect()
        }

        pub fn set_len(&self, set: usize) -> usize {
            self.sets.get(set).map_or(0, |(_, queries)| queries.len())
        }

        /// The text of query `i` of set `set`.
        pub fn query_text(&self, set: usize, i: usize) -> String {
            self.sets.get(set).and_then(|(_, queries)| queries.get(i)).map_or_else(String::new, |query| {
                query.terms().iter().map(|term| term.text()).collect::<Vec<_>>().join(" ")
            })
        }

        /// Runs query `i` of set `set` for the top 10 with snippets;
        /// returns the number of matches.
        pub fn search(&self, set: usize, i: usize) -> usize {
            let (Some(index), Some(query)) = (&self.index, self.sets.get(set).and_then(|(_, queries)| queries.get(i))) else {
                return 0;
            };
            index.search(&self.corpus, query, 10).total
        }

        /// The memory the open index takes, in bytes.
        pub fn heap_bytes(&self) -> usize {
            self.index.as_ref().map_or(0, Index::heap_bytes)
        }
    }
}

fn main() {}
