//! Search in the reader: the box in the header, the results view, the hits
//! marked in the opened article, and the engine behind them.
//!
//! The engine ([`engine`]) is the crate's search over the corpus exactly as
//! the reader received it, with the stored index only when it was built
//! from those very bytes ([`index_url`] says where it is). It opens in the
//! page a slice at a time and answers each query as one task (`service`,
//! wasm only); the root holds it as a [`searcher::Searcher`] and keeps the
//! results, so the components here only lay out what they are given.

pub mod engine;
pub mod filters;
pub mod found;
pub mod index_url;
pub mod marked;
pub mod results_view;
pub mod search_box;
pub mod searcher;
#[cfg(target_arch = "wasm32")]
pub mod service;
