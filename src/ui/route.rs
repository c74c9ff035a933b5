//! The reader's routes: which view is shown, as a value and as a URL hash.
//!
//! ```text
//! #/                                   the newest edition
//! #/2024-09-12                         an edition
//! #/2024-09-12/2                       a page
//! #/2024-09-12/2/<article-id>          an article (the fragment on that page)
//! #/2024-09-12/2/<article-id>/whole    the article stitched across its pages
//! #/2024-09-12/2/<article-id>/whole?q=<query>&from=…&to=…&publication=…&page=…&order=newest
//!                                      … opened from search results: the
//!                                      query's hits marked, its results the
//!                                      way back
//! #/search/<query>                     search results
//! #/search/<query>?from=1916-03-01&to=1916-03-31&publication=The%20Sun&page=1&order=newest
//!                                      … filtered by edition date, paper and
//!                                      page; newest edition first
//! ```
//!
//! A date names an edition. When the corpus holds several editions of one
//! date (two papers of the same day), the second and later ones also carry
//! the publication title: `#/1916-03-04~The%20Sun/1`. Segments
//! are percent-encoded, so any title, article id or query survives the URL.
//!
//! This module knows the grammar only; [`super::place`] looks routes up in a
//! corpus, and [`super::app`] keeps the current route in the URL or in memory.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::search::{Filter, Order};

/// Which edition: its date, and its publication when the date alone is ambiguous.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EditionKey {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The publication title; `None` picks the first edition of the date.
    pub publication: Option<String>,
}

/// How much of a continued article to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Read {
    /// The fragment printed on one page.
    #[default]
    Fragment,
    /// Every fragment of the article, stitched into one read.
    Whole,
}

/// One view of the reader.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// The newest edition of the corpus.
    #[default]
    Home,
    Edition(EditionKey),
    Page { edition: EditionKey, page: u32 },
    Article { edition: EditionKey, page: u32, id: String, read: Read, found_by: Option<FoundBy> },
    /// Search results: the query as typed, the filters and the order.
    Search { query: String, filter: Filter, order: Order },
}

/// The search an article was opened from: its hits are marked in the
/// article, and its results are where the article leads back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundBy {
    /// The query as typed; never empty (an empty query finds nothing).
    pub query: String,
    pub filter: Filter,
    pub order: Order,
}

impl FoundBy {
    /// The results this search shows.
    pub fn results(&self) -> Route {
        Route::Search { query: self.query.clone(), filter: self.filter.clone(), order: self.order }
    }
}

/// The filters and order as a hash's parameters: `from=…`, `to=…`,
/// `publication=…`, `page=…`, `order=newest`, each only when set.
fn filter_params(filter: &Filter, order: Order) -> Vec<String> {
    [
        filter.from.as_ref().map(|date| format!("from={date}")),
        filter.to.as_ref().map(|date| format!("to={date}")),
        filter.publication.as_ref().map(|title| format!("publication={}", encode(title))),
        filter.page.map(|page| format!("page={page}")),
        (order == Order::Newest).then(|| "order=newest".to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `?a&b…`, or nothing without parameters.
fn query_string(params: Vec<String>) -> String {
    if params.is_empty() {
        String::new()
    } else {
        format!("?{}", params.join("&"))
    }
}

/// [`FoundBy`] as a hash's parameters: `q=…` first, then its filters.
fn found_by_params(found_by: &FoundBy) -> Vec<String> {
    let mut params = vec![format!("q={}", encode(&found_by.query))];
    params.extend(filter_params(&found_by.filter, found_by.order));
    params
}

/// Reads [`found_by_params`] back; `None` without a (non-empty) query, with
/// a repeated one, or when the filters do not parse.
fn parse_found_by(params: &str) -> Option<FoundBy> {
    let mut query = None;
    let mut filters = Vec::new();
    for param in params.split('&').filter(|param| !param.is_empty()) {
        match param.strip_prefix("q=") {
            Some(value) if query.is_none() => query = Some(decode(value).filter(|query| !query.is_empty())?),
            Some(_) => return None,
            None => filters.push(param),
        }
    }
    let (filter, order) = parse_filter(&filters.join("&"))?;
    Some(FoundBy { query: query?, filter, order })
}

/// Reads [`filter_params`] back; `None` on an unknown, repeated or
/// malformed parameter.
fn parse_filter(params: &str) -> Option<(Filter, Order)> {
    let mut filter = Filter::default();
    let mut order = None;
    for param in params.split('&').filter(|param| !param.is_empty()) {
        let (key, value) = param.split_once('=')?;
        let date = || is_date_shaped(value).then(|| value.to_owned());
        let slot_was_empty = match key {
            "from" => filter.from.replace(date()?).is_none(),
            "to" => filter.to.replace(date()?).is_none(),
            "publication" => filter.publication.replace(decode(value).filter(|title| !title.is_empty())?).is_none(),
            "page" => filter.page.replace(parse_page(value)?).is_none(),
            "order" if value == "newest" => order.replace(Order::Newest).is_none(),
            _ => return None,
        };
        if !slot_was_empty {
            return None;
        }
    }
    Some((filter, order.unwrap_or_default()))
}

/// Everything but letters, digits, `-`, `.` and `_` is escaped, so `/` and
/// the `~` separator never appear inside a segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_');

const SEARCH: &str = "search";
const WHOLE: &str = "whole";

impl Route {
    /// This route opened from the search `found_by`, when it is an article's
    /// (the hits are marked there); any other route stays as it is.
    pub fn with_found_by(self, found_by: Option<FoundBy>) -> Route {
        match self {
            Route::Article { edition, page, id, read, .. } => Route::Article { edition, page, id, read, found_by },
            other => other,
        }
    }

    /// The URL hash of this route, `#/…`.
    pub fn to_hash(&self) -> String {
        let (segments, params): (Vec<String>, Vec<String>) = match self {
            Route::Home => (Vec::new(), Vec::new()),
            Route::Edition(edition) => (vec![edition.segment()], Vec::new()),
            Route::Page { edition, page } => (vec![edition.segment(), page.to_string()], Vec::new()),
            Route::Article { edition, page, id, read, found_by } => {
                let mut segments = vec![edition.segment(), page.to_string(), encode(id)];
                if *read == Read::Whole {
                    segments.push(WHOLE.to_owned());
                }
                (segments, found_by.as_ref().map(found_by_params).unwrap_or_default())
            }
            Route::Search { query, filter, order } => (vec![SEARCH.to_owned(), encode(query)], filter_params(filter, *order)),
        };
        format!("#/{}{}", segments.join("/"), query_string(params))
    }

    /// Reads a URL hash (with or without its `#`). `None` when the hash is
    /// not one of the reader's routes.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash).strip_prefix('/')?;
        // Before a trailing slash is forgiven: `#/search/` is an empty query.
        if let Some(rest) = path.strip_prefix(SEARCH).and_then(|rest| rest.strip_prefix('/')) {
            let (query, params) = rest.split_once('?').unwrap_or((rest, ""));
            if query.contains('/') {
                return None;
            }
            let (filter, order) = parse_filter(params)?;
            return Some(Route::Search { query: decode(query)?, filter, order });
        }
        // Only an article takes parameters: the search it was opened from.
        let (path, params) = match path.split_once('?') {
            Some((path, params)) => (path, Some(params)),
            None => (path, None),
        };
        let path = path.strip_suffix('/').unwrap_or(path);
        if path.is_empty() {
            return params.is_none().then_some(Route::Home);
        }
        let segments: Vec<&str> = path.split('/').collect();
        let edition = EditionKey::parse(segments[0])?;
        let page = match segments.get(1) {
            None => return params.is_none().then_some(Route::Edition(edition)),
            Some(page) => parse_page(page)?,
        };
        let read = match segments.get(3..) {
            None | Some([]) => Read::Fragment,
            Some([WHOLE]) => Read::Whole,
            Some(_) => return None,
        };
        match segments.get(2) {
            None => params.is_none().then_some(Route::Page { edition, page }),
            Some(id) => {
                let id = decode(id).filter(|id| !id.is_empty())?;
                let found_by = match params {
                    None => None,
                    Some(params) => Some(parse_found_by(params)?),
                };
                Some(Route::Article { edition, page, id, read, found_by })
            }
        }
    }
}

impl EditionKey {
    fn segment(&self) -> String {
        match &self.publication {
            None => self.date.clone(),
            Some(title) => format!("{}~{}", self.date, encode(title)),
        }
    }

    fn parse(segment: &str) -> Option<EditionKey> {
        let (date, publication) = match segment.split_once('~') {
            None => (segment, None),
            Some((date, title)) => (date, Some(decode(title).filter(|title| !title.is_empty())?)),
        };
        is_date_shaped(date).then(|| EditionKey { date: date.to_owned(), publication })
    }
}

/// `NNNN-NN-NN`: the shape of an edition date (the corpus checks the values).
fn is_date_shaped(date: &str) -> bool {
    date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// A page number as printed in a route: digits only, from 1.
fn parse_page(segment: &str) -> Option<u32> {
    if !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    segment.parse().ok().filter(|&page| page > 0)
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

fn decode(segment: &str) -> Option<String> {
    percent_decode_str(segment).decode_utf8().ok().map(|text| text.into_owned())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn key(date: &str, publication: Option<&str>) -> EditionKey {
        EditionKey { date: date.to_owned(), publication: publication.map(str::to_owned) }
    }

    #[test]
    fn routes_have_the_documented_hashes() {
        let edition = key("2024-09-12", None);
        let article = |read| Route::Article { edition: edition.clone(), page: 2, id: "2024-09-12-p2-1".to_owned(), read, found_by: None };
        assert_eq!(Route::Home.to_hash(), "#/");
        assert_eq!(Route::Edition(edition.clone()).to_hash(), "#/2024-09-12");
        assert_eq!(Route::Page { edition: edition.clone(), page: 2 }.to_hash(), "#/2024-09-12/2");
        assert_eq!(article(Read::Fragment).to_hash(), "#/2024-09-12/2/2024-09-12-p2-1");
        assert_eq!(article(Read::Whole).to_hash(), "#/2024-09-12/2/2024-09-12-p2-1/whole");
        let search = |query: &str, filter| Route::Search { query: query.to_owned(), filter, order: Order::Relevance };
        assert_eq!(search("上合 示范区", Filter::default()).to_hash(), "#/search/%E4%B8%8A%E5%90%88%20%E7%A4%BA%E8%8C%83%E5%8C%BA");
        let filtered = Filter { from: Some("1916-03-01".to_owned()), page: Some(1), ..Filter::default() };
        assert_eq!(search("a?b&c", filtered).to_hash(), "#/search/a%3Fb%26c?from=1916-03-01&page=1");
        let of_a_paper = Filter { publication: Some("The Sun & N.Y.".to_owned()), ..Filter::default() };
        assert_eq!(search("a", of_a_paper).to_hash(), "#/search/a?publication=The%20Sun%20%26%20N.Y.");
        let newest = Route::Search { query: "a".to_owned(), filter: Filter::default(), order: Order::Newest };
        assert_eq!(newest.to_hash(), "#/search/a?order=newest");
        let found_by = FoundBy { query: "上合 a&b".to_owned(), filter: Filter { to: Some("2024-09-30".to_owned()), page: Some(2), ..Filter::default() }, order: Order::Newest };
        let from_search = Route::Article { edition: edition.clone(), page: 2, id: "p2-1".to_owned(), read: Read::Whole, found_by: Some(found_by) };
        assert_eq!(from_search.to_hash(), "#/2024-09-12/2/p2-1/whole?q=%E4%B8%8A%E5%90%88%20a%26b&to=2024-09-30&page=2&order=newest");
        let sun = Route::Page { edition: key("1916-03-04", Some("The Sun ~ N.Y.")), page: 1 };
        assert_eq!(sun.to_hash(), "#/1916-03-04~The%20Sun%20%7E%20N.Y./1");
    }

    #[test]
    fn hashes_as_browsers_hand_them_back_parse() {
        let edition = key("2024-09-12", None);
        assert_eq!(Route::parse(""), None);
        assert_eq!(Route::parse("#top"), None, "a host page's own anchor is not a route");
        assert_eq!(Route::parse("#/"), Some(Route::Home));
        assert_eq!(Route::parse("#/2024-09-12/2/"), Some(Route::Page { edition: edition.clone(), page: 2 }));
        assert_eq!(
            Route::parse("#/1916-03-04~The Sun/1"),
            Some(Route::Page { edition: key("1916-03-04", Some("The Sun")), page: 1 }),
            "an unescaped space as typed"
        );
        assert_eq!(
            Route::parse("#/2024-09-12~青岛日报"),
            Some(Route::Edition(key("2024-09-12", Some("青岛日报")))),
            "decoded Unicode as pasted from an address bar"
        );
        let opened = Route::parse("#/2024-09-12/2/p2-1/whole?q=上合 组织");
        let Some(Route::Article { found_by: Some(found_by), .. }) = opened else { panic!("{opened:?}") };
        assert_eq!(found_by.results(), Route::Search { query: "上合 组织".to_owned(), filter: Filter::default(), order: Order::Relevance });
    }

    #[test]
    fn malformed_hashes_are_not_routes() {
        for hash in [
            "#/12-09-2024", "#/2024-09-12/0", "#/2024-09-12/-2", "#/2024-09-12/two", "#/2024-09-12/2/a/half",
            "#/2024-09-12/2//", "#/2024-09-12~", "#/2024-09-12/2/%FF", "#/search", "#/search/a/b", "#/2024-09-12/99999999999",
            "#/search/a?page=0", "#/search/a?from=March", "#/search/a?sort=date", "#/search/a?page=1&page=2", "#/search/a?page",
            "#/search/a?order=oldest", "#/search/a?order=newest&order=newest", "#/search/a?publication=",
            "#/2024-09-12/2/a?from=2024-09-01", "#/2024-09-12/2/a?q=", "#/2024-09-12/2/a?q=x&q=y", "#/2024-09-12/2/a/whole?q=x&sort=date",
            "#/2024-09-12/2?q=x", "#/2024-09-12?q=x", "#/?q=x",
        ] {
            assert_eq!(Route::parse(hash), None, "{hash}");
        }
    }

    fn any_key() -> impl Strategy<Value = EditionKey> {
        ("[0-9]{4}-[0-9]{2}-[0-9]{2}", proptest::option::of("\\PC{1,12}"))
            .prop_map(|(date, publication)| EditionKey { date, publication })
    }

    fn any_filter() -> impl Strategy<Value = Filter> {
        let date = || proptest::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        (date(), date(), proptest::option::of("\\PC{1,12}"), proptest::option::of(1u32..))
            .prop_map(|(from, to, publication, page)| Filter { from, to, publication, page })
    }

    fn any_order() -> impl Strategy<Value = Order> {
        prop_oneof![Just(Order::Relevance), Just(Order::Newest)]
    }

    fn any_found_by() -> impl Strategy<Value = FoundBy> {
        ("\\PC{1,20}", any_filter(), any_order()).prop_map(|(query, filter, order)| FoundBy { query, filter, order })
    }

    fn any_route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Home),
            any_key().prop_map(Route::Edition),
            (any_key(), 1u32..).prop_map(|(edition, page)| Route::Page { edition, page }),
            (any_key(), 1u32.., "\\PC{1,20}", any::<bool>(), proptest::option::of(any_found_by())).prop_map(
                |(edition, page, id, whole, found_by)| Route::Article {
                    edition,
                    page,
                    id,
                    read: if whole { Read::Whole } else { Read::Fragment },
                    found_by,
                }
            ),
            ("\\PC{0,20}", any_filter(), any_order()).prop_map(|(query, filter, order)| Route::Search { query, filter, order }),
        ]
    }

    proptest! {
        #[test]
        fn every_route_survives_its_hash(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.to_hash()), Some(route));
        }

        #[test]
        fn parsing_never_panics(hash in "#?/?\\PC{0,40}") {
            let _ = Route::parse(&hash);
        }
    }
}
