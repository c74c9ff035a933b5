//! What Broadsheet's tests, benchmarks, examples and fuzz targets share;
//! nothing here is part of the product.
//!
//! - [`zh_corpus`]: a deterministic Chinese corpus learnt from the seed
//!   page (a Markov model: every pair in every story, the worst case), and
//!   the random numbers every generator here uses;
//! - [`zh_words`]: news-like Chinese text from jieba's dictionary, as Zipf-like
//!   as the language (the generated daily of `examples/daily_archive.rs`);
//! - [`queries`]: the benchmark query sets, drawn from a corpus's own text;
//! - [`random_corpus`]: proptest strategies for corpora with every field
//!   (`random_corpus` and `zh_words` only with the default feature
//!   `native`: the wasm benchmark takes the rest);
//! - [`search_promises`] and [`index_header`]: the promises every search
//!   result keeps, and an index file damaged as the fuzz target damages it,
//!   so that a crashing fuzz input replays as a test.

pub mod index_header;
pub mod queries;
#[cfg(feature = "native")]
pub mod random_corpus;
pub mod search_promises;
pub mod zh_corpus;
#[cfg(feature = "native")]
pub mod zh_words;
