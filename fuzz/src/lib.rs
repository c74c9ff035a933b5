//! What the fuzz targets share: the small corpus they search, the promises
//! every search result must keep whatever the input, and how an input
//! damages an index file (the last two from `broadsheet-dev`, which the
//! hardening tests use too, so that a crashing input replays as a test).
//!
//! This crate is not part of the product: it only feeds the targets in
//! `fuzz_targets/`.

use broadsheet::corpus::{self, Corpus};
use broadsheet::search::Index;

pub use broadsheet_dev::index_header::damaged;
pub use broadsheet_dev::search_promises::{check_ranges, check_results};

/// The two-page Chinese fixture of the test suite: continued articles,
/// figures, subheads, Traditional and Simplified forms.
pub const FIXTURE: &str = include_str!("../../tests/fixtures/two-pages.json");

/// The fixture corpus and its index.
pub fn fixture() -> (Corpus, Index) {
    let corpus = corpus::load(FIXTURE).expect("the test fixture is a valid corpus");
    let index = Index::build(&corpus);
    (corpus, index)
}
