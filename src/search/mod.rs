//! Offline full-text search over a corpus, Chinese first: exact, ranked,
//! with highlighted snippets. Pure Rust: the same code runs in the CLI and
//! in the widget's wasm.
//!
//! # The exactness rule
//!
//! A query is split on whitespace into terms; a double-quoted part is one
//! term with its spaces kept ([`query`]). Queries and text are normalized
//! the same way, character by character: compatibility forms (NFKC where
//! news text needs it), lowercase, Traditional to Simplified Chinese,
//! whitespace runs collapsed to one space ([`normalize`]). A story matches when **every term occurs as a contiguous
//! substring of the normalized text of one field** of one of its fragments:
//! the headline, kicker, deck or byline, one paragraph or subhead, one
//! caption or one credit ([`fields`]). The fragments of an article
//! continued across pages (`continued_on` / `continued_from`) are one story
//! and one result ([`groups`]). Filters then keep stories by edition date
//! range and by page (a story passes when one of its fragments is on it).
//!
//! So whatever Ctrl-F finds in a field is found: `段简` in `这是一段简单的`,
//! `ongres` in `Congress`, `２０２４` in `2024`, `組織` in `组织`. Nothing
//! else is: stemming and word boundaries only rank.
//!
//! # Layers
//!
//! [`normalize`] (with [`compat`] and [`t2s`]) → [`analyzer`] (pairs, word
//! marks) → [`text_index`] (character ids from [`vocabulary`], [`postings`])
//! → [`matcher`] (one term, exactly, its occurrences placed by
//! [`places`]; [`scan`] for characters the vocabulary had no room for;
//! [`unlisted`] before the postings are listed) → [`scorer`] (BM25F,
//! adjacency) → [`collector`] (all terms, filters, top k) → [`snippets`].
//! [`index`] ties them together over
//! the [`layout`]; [`format`](mod@format) stores the layout as bytes, and
//! the text index is derived from the corpus again when an index is opened.
//!
//! # Use
//!
//! ```
//! use broadsheet::search::{Index, Query};
//! # let corpus = broadsheet::corpus::load(include_str!("../../tests/fixtures/two-pages.json")).unwrap();
//! let index = Index::build(&corpus);
//! let results = index.search(&corpus, &Query::parse("上合組織"), 10);
//! assert_eq!(results.total, 1);
//! let bytes = index.encode(broadsheet::search::corpus_hash(b"the corpus JSON"));
//! let again = Index::decode(&bytes, broadsheet::search::corpus_hash(b"the corpus JSON")).unwrap();
//! assert_eq!(again.search(&corpus, &Query::parse("上合組織"), 10), results);
//! ```

mod analyzer;
pub mod archive;
mod bits;
mod collector;
mod compat;
mod fields;
mod fold_table;
mod format;
mod groups;
mod index;
mod layout;
mod matcher;
mod normalize;
mod places;
mod postings;
mod preparation;
mod query;
mod results;
mod scan;
mod scorer;
mod snippets;
mod stem;
mod t2s;
mod t2s_table;
#[cfg(test)]
mod test_corpus;
mod text_index;
mod unlisted;
mod vocabulary;

pub use analyzer::{is_ideograph, is_word_char};
pub use compat::COMPATIBILITY_BLOCKS;
pub use fields::units;
pub use format::{corpus_hash, CorpusHasher, IndexError};
pub use groups::fragment_groups;
pub use normalize::normalize;
pub use index::Index;
pub use preparation::Preparation;
pub use query::{Filter, Order, Query};
pub use results::{Hit, SearchResults, Snippet};
