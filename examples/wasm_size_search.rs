//! What search adds to the widget's wasm, measured against
//! `wasm_size_baseline.rs`: both load a corpus; this one also builds,
//! encodes and decodes an index, runs a filtered query, writes the hits as
//! JSON and highlights a text, so that every part of the public search API
//! is linked in. Not a program to run: build both for wasm and compare
//! (docs/search.md says how to measure it).

#[cfg(target_arch = "wasm32")]
mod probe {
    use broadsheet::search::{corpus_hash, Filter, Index, Query};
    use wasm_bindgen::prelude::*;

    /// Searches `corpus_json` for `query` with the stored `index` when it
    /// fits, and returns, as JSON, the total, the hits, the highlights of
    /// `text` and the size of the encoded index.
    #[wasm_bindgen]
    pub fn search(corpus_json: &str, index: &[u8], query: &str, page: Option<u32>, text: &str) -> Result<String, JsError> {
        let corpus = broadsheet::corpus::load(corpus_json).map_err(|error| JsError::new(&error.lines().join("; ")))?;
        let hash = corpus_hash(corpus_json.as_bytes());
        let index = Index::decode(index, hash).unwrap_or_else(|_| Index::build(&corpus));
        let query = Query::parse(query).with_filter(Filter { page, ..Filter::default() });
        let results = index.search(&corpus, &query, 10);
        let stored = index.encode(hash).len();
        Ok(serde_json::to_string(&(results.total, results.hits, query.highlights(text), stored))?)
    }
}

fn main() {}
