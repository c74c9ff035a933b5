//! The baseline for `wasm_size_search.rs`: the same corpus loading, no
//! search. Not a program to run.

#[cfg(target_arch = "wasm32")]
mod probe {
    use wasm_bindgen::prelude::*;

    /// The number of articles in `corpus_json`.
    #[wasm_bindgen]
    pub fn articles(corpus_json: &str) -> Result<usize, JsError> {
        let corpus = broadsheet::corpus::load(corpus_json).map_err(|error| JsError::new(&error.lines().join("; ")))?;
        Ok(corpus.editions.iter().map(|edition| edition.articles.len()).sum())
    }
}

fn main() {}
