//! The corpus decoder and validator: any text is refused with at least one
//! located problem, or loads into a corpus that writes back to the same
//! corpus, titles every article, and indexes and searches without breaking
//! a promise of the search API.

#![no_main]

use broadsheet::corpus;
use broadsheet::search::{Index, Query};
use broadsheet_fuzz::check_results;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let corpus = match corpus::load(text) {
        Ok(corpus) => corpus,
        Err(error) => {
            assert!(!error.lines().is_empty() && !error.to_string().is_empty());
            return;
        }
    };
    let again = corpus::load(&corpus::to_json(&corpus)).expect("a loaded corpus writes back valid");
    assert_eq!(again, corpus);
    let index = Index::build(&corpus);
    for edition in &corpus.editions {
        for article in &edition.articles {
            let title = article.display_title();
            // A query made of the article's own words reaches the
            // snippet code, which a query made of random bytes rarely does.
            let words: String = title.chars().filter(|c| !c.is_whitespace() && *c != '"').take(3).collect();
            let query = Query::parse(&words);
            let results = index.search(&corpus, &query, 5);
            check_results(&corpus, &results, 5);
        }
    }
});
