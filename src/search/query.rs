//! What the reader typed: terms that must all be found, filters, and the
//! order of the results.
//!
//! The query text is split on whitespace into terms; a double-quoted part
//! (ASCII `"`) is one term with its inner spaces kept, and a quote always ends
//! the term before it (`ab"c d"` is `ab` and `c d`; an unclosed quote runs to
//! the end). Each term is then normalized ([`super::normalize`]), trimmed, and
//! dropped when empty; repeated terms count once. This module does not match
//! anything: see [`super::index`].

use super::normalize::{normalize, Folded};

/// A parsed query: terms, filters and order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
    filter: Filter,
    order: Order,
}

/// How results are ordered. Either way the same stories are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Best first (BM25F), ties in corpus (archive) order.
    #[default]
    Relevance,
    /// Newest edition first (editions of one date by publication title, the
    /// last first), best first within an edition.
    Newest,
}

/// One normalized, non-empty term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    chars: Vec<char>,
}

impl Term {
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// Restricts results by edition date, publication and page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First date included, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last date included, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only editions of the publication of this title (exactly).
    pub publication: Option<String>,
    /// Only articles with a fragment printed on this page.
    pub page: Option<u32>,
}

impl Filter {
    pub fn accepts_date(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| date >= from) && self.to.as_deref().is_none_or(|to| date <= to)
    }

    /// Whether an edition of this date and publication title is kept.
    pub fn accepts_edition(&self, date: &str, publication: &str) -> bool {
        self.accepts_date(date) && self.publication.as_deref().is_none_or(|title| title == publication)
    }
}

impl Query {
    /// Parses the query text; see the module documentation for the rules.
    pub fn parse(text: &str) -> Query {
        let mut terms: Vec<Term> = Vec::new();
        for raw in split_terms(text) {
            let normalized = normalize(&raw);
            let chars: Vec<char> = normalized.trim_matches(' ').chars().collect();
            if !chars.is_empty() && !terms.iter().any(|term| term.chars == chars) {
                terms.push(Term { chars });
            }
        }
        Query { terms, filter: Filter::default(), order: Order::default() }
    }

    pub fn with_filter(mut self, filter: Filter) -> Query {
        self.filter = filter;
        self
    }

    pub fn with_order(mut self, order: Order) -> Query {
        self.order = order;
        self
    }

    pub fn order(&self) -> Order {
        self.order
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// True when nothing is left to search for; such a query finds nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Where the terms occur in `text`, as sorted, non-overlapping
    /// `[start, end)` ranges in Unicode scalar values (chars) of `text`.
    /// This is how the reader highlights hits in an opened article.
    pub fn highlights(&self, text: &str) -> Vec<[usize; 2]> {
        let folded = Folded::new(text);
        let mut ranges: Vec<[usize; 2]> = Vec::new();
        for term in &self.terms {
            for start in find_all(&folded.chars, &term.chars) {
                ranges.push(folded.source_range(start, start + term.chars.len()));
            }
        }
        merge_ranges(ranges)
    }
}

/// Every start index of `needle` in `haystack`, overlapping ones included.
pub fn find_all<'a>(haystack: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let last_start = (haystack.len() + 1).saturating_sub(needle.len());
    let first = needle.first().copied();
    (0..last_start).filter(move |&start| Some(haystack[start]) == first && haystack[start..start + needle.len()] == *needle)
}

/// Sorts ranges and merges those that overlap or touch.
pub fn merge_ranges(mut ranges: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    insertion_sort(&mut ranges);
    let mut merged: Vec<[usize; 2]> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range[0] <= last[1] => last[1] = last[1].max(range[1]),
            _ => merged.push(range),
        }
    }
    merged
}

/// Sorts `items` by insertion, for what search sorts: few items or nearly
/// sorted ones (a unit's hits, highlight ranges, the next ids one
/// character's list has). Far smaller in the wasm than the standard sorts,
/// which every item type instantiates again.
pub fn insertion_sort<T: Ord>(items: &mut [T]) {
    for sorted in 1..items.len() {
        let at = items[..sorted].partition_point(|item| *item <= items[sorted]);
        items[at..=sorted].rotate_right(1);
    }
}

/// The raw terms of a query text, before normalization.
fn split_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            terms.push(std::mem::take(&mut current));
            quoted = !quoted;
        } else if c.is_whitespace() && !quoted {
            terms.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    terms.push(current);
    terms.retain(|term| !term.is_empty());
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &str) -> Vec<String> {
        Query::parse(query).terms().iter().map(Term::text).collect()
    }

    #[test]
    fn whitespace_separates_terms_and_quotes_keep_spaces() {
        assert_eq!(texts("上合  组织\u{3000}\"New  York\" times"), ["上合", "组织", "new york", "times"]);
    }

    #[test]
    fn quotes_end_terms_and_unclosed_quotes_run_to_the_end() {
        assert_eq!(texts("ab\"c d\"e \"f g"), ["ab", "c d", "e", "f g"]);
    }

    #[test]
    fn terms_are_normalized_deduplicated_and_never_empty() {
        assert_eq!(texts("組織 组织 ＯＫ ok \"  \" \"\""), ["组织", "ok"]);
        assert!(Query::parse(" \" \" ").is_empty());
    }

    #[test]
    fn highlights_map_back_to_original_characters() {
        let query = Query::parse("合作 congress");
        assert_eq!(query.highlights("上海合作組織與ＣＯＮＧＲＥＳＳ"), vec![[2, 4], [7, 15]]);
    }

    #[test]
    fn overlapping_highlights_merge() {
        let query = Query::parse("abc bcd");
        assert_eq!(query.highlights("xabcdx abc"), vec![[1, 5], [7, 10]]);
    }

    proptest::proptest! {
        #[test]
        fn insertion_sort_sorts(mut items in proptest::collection::vec(0u8..20, 0..40)) {
            let mut expected = items.clone();
            expected.sort();
            insertion_sort(&mut items);
            proptest::prop_assert_eq!(items, expected);
        }
    }

    #[test]
    fn dates_filter_inclusively() {
        let filter = Filter { from: Some("2024-09-01".into()), to: Some("2024-09-12".into()), ..Filter::default() };
        assert!(filter.accepts_date("2024-09-01") && filter.accepts_date("2024-09-12"));
        assert!(!filter.accepts_date("2024-08-31") && !filter.accepts_date("2024-09-13"));
    }

    #[test]
    fn a_publication_filter_keeps_that_title_alone() {
        let filter = Filter { publication: Some("The Evening Star".into()), ..Filter::default() };
        assert!(filter.accepts_edition("1916-03-04", "The Evening Star"));
        assert!(!filter.accepts_edition("1916-03-04", "The Evening Star Extra") && !filter.accepts_edition("1916-03-04", "the evening star"));
        assert!(Filter::default().accepts_edition("1916-03-04", "any"));
    }
}
