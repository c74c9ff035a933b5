//! The query parser and analyzer: any text parses into non-empty terms,
//! searches the fixture corpus (unfiltered and filtered) without breaking a
//! promise of the search API, and highlights within the corpus's texts.

#![no_main]

use std::sync::OnceLock;

use broadsheet::corpus::Corpus;
use broadsheet::search::{Filter, Index, Query};
use broadsheet_fuzz::{check_ranges, check_results, fixture};
use libfuzzer_sys::fuzz_target;

fn searched() -> &'static (Corpus, Index) {
    static FIXTURE: OnceLock<(Corpus, Index)> = OnceLock::new();
    FIXTURE.get_or_init(fixture)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (corpus, index) = searched();
    let query = Query::parse(text);
    assert!(query.terms().iter().all(|term| !term.chars().is_empty()));
    let results = index.search(corpus, &query, 10);
    check_results(corpus, &results, 10);
    assert!(!query.is_empty() || results.total == 0, "an empty query finds nothing");
    let filter = Filter { from: Some("2024-09-12".to_owned()), page: Some(2), ..Filter::default() };
    let filtered = index.search(corpus, &query.clone().with_filter(filter), 3);
    check_results(corpus, &filtered, 3);
    assert!(filtered.total <= results.total, "a filter only removes hits");
    for article in corpus.editions.iter().flat_map(|edition| &edition.articles) {
        for field in article.headline.iter().map(String::as_str).chain(article.texts()) {
            check_ranges(&query.highlights(field), field.chars().count());
        }
    }
});
