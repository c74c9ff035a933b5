//! The promises of the search API that a reader of results relies on,
//! checked on any result: the CLI slices snippet text by the highlight
//! ranges, the widget looks hits up by edition and id. Shared by the
//! hardening tests and the fuzz targets (`fuzz/src/lib.rs`).

use broadsheet::corpus::Corpus;
use broadsheet::search::SearchResults;

/// Panics when `results` break a promise of the search API for a search of
/// `corpus` with `limit`.
pub fn check_results(corpus: &Corpus, results: &SearchResults, limit: usize) {
    assert!(results.hits.len() <= limit, "{} hits for a limit of {limit}", results.hits.len());
    assert!(results.total >= results.hits.len(), "total {} below {} hits", results.total, results.hits.len());
    for hit in &results.hits {
        assert!(hit.score.is_finite(), "score {} of {}", hit.score, hit.article);
        let edition = corpus.editions.get(hit.edition).unwrap_or_else(|| panic!("no edition {}", hit.edition));
        assert_eq!(hit.date, edition.date);
        let article = edition.article(&hit.article).unwrap_or_else(|| panic!("no article {}", hit.article));
        assert_eq!(hit.page, article.page);
        for snippet in &hit.snippets {
            check_ranges(&snippet.highlights, snippet.text.chars().count());
        }
    }
}

/// Panics unless `ranges` are sorted, non-empty, non-overlapping `[start,
/// end)` ranges within `len` chars.
pub fn check_ranges(ranges: &[[usize; 2]], len: usize) {
    let mut previous_end = 0;
    for (i, &[start, end]) in ranges.iter().enumerate() {
        assert!(start < end && end <= len, "range {start}..{end} of {len} chars");
        assert!(i == 0 || start >= previous_end, "ranges out of order: {ranges:?}");
        previous_end = end;
    }
}
