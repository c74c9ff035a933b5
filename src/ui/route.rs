//! The reader's routes: which view is shown, as a value and as a URL hash.
//!
//! ```text
//! #/                                   the newest edition
//! #/2024-09-12                         an edition
//! #/2024-09-12/2                       a page
//! #/2024-09-12/2/<article-id>          an article (the fragment on that page)
//! #/2024-09-12/2/<article-id>/whole    the article stitched across its pages
//! #/search/<query>                     search results
//! #/search/<query>?from=1916-03-01&to=1916-03-31&page=1
//!                                      … filtered by edition date and page
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

use crate::search::Filter;

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
    Article { edition: EditionKey, page: u32, id: String, read: Read },
    /// Search results: the query as typed, and the filters.
    Search { query: String, filter: Filter },
}

/// The filters as a hash's parameters: `?from=…&to=…&page=…`, each only
/// when set; empty when none is.
fn filter_params(filter: &Filter) -> String {
    let params: Vec<String> = [
        filter.from.as_ref().map(|date| format!("from={date}")),
        filter.to.as_ref().map(|date| format!("to={date}")),
        filter.page.map(|page| format!("page={page}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if params.is_empty() {
        String::new()
    } else {
        format!("?{}", params.join("&"))
    }
}

/// Reads [`filter_params`] back; `None` on an unknown, repeated or
/// malformed parameter.
fn parse_filter(params: &str) -> Option<Filter> {
    let mut filter = Filter::default();
    for param in params.split('&').filter(|param| !param.is_empty()) {
        let (key, value) = param.split_once('=')?;
        let date = || is_date_shaped(value).then(|| value.to_owned());
        let slot_was_empty = match key {
            "from" => filter.from.replace(date()?).is_none(),
            "to" => filter.to.replace(date()?).is_none(),
            "page" => filter.page.replace(parse_page(value)?).is_none(),
            _ => return None,
        };
        if !slot_was_empty {
            return None;
        }
    }
    Some(filter)
}

/// Everything but letters, digits, `-`, `.` and `_` is escaped, so `/` and
/// the `~` separator never appear inside a segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_');

const SEARCH: &str = "search";
const WHOLE: &str = "whole";

impl Route {
    /// The URL hash of this route, `#/…`.
    pub fn to_hash(&self) -> String {
        let segments: Vec<String> = match self {
            Route::Home => Vec::new(),
            Route::Edition(edition) => vec![edition.segment()],
            Route::Page { edition, page } => vec![edition.segment(), page.to_string()],
            Route::Article { edition, page, id, read } => {
                let mut segments = vec![edition.segment(), page.to_string(), encode(id)];
                if *read == Read::Whole {
                    segments.push(WHOLE.to_owned());
                }
                segments
            }
            Route::Search { query, filter } => vec![SEARCH.to_owned(), format!("{}{}", encode(query), filter_params(filter))],
        };
        format!("#/{}", segments.join("/"))
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
            return Some(Route::Search { query: decode(query)?, filter: parse_filter(params)? });
        }
        let path = path.strip_suffix('/').unwrap_or(path);
        if path.is_empty() {
            return Some(Route::Home);
        }
        let segments: Vec<&str> = path.split('/').collect();
        let edition = EditionKey::parse(segments[0])?;
        let page = match segments.get(1) {
            None => return Some(Route::Edition(edition)),
            Some(page) => parse_page(page)?,
        };
        let read = match segments.get(3..) {
            None | Some([]) => Read::Fragment,
            Some([WHOLE]) => Read::Whole,
            Some(_) => return None,
        };
        match segments.get(2) {
            None => Some(Route::Page { edition, page }),
            Some(id) => {
                let id = decode(id).filter(|id| !id.is_empty())?;
                Some(Route::Article { edition, page, id, read })
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
        let article = |read| Route::Article { edition: edition.clone(), page: 2, id: "2024-09-12-p2-1".to_owned(), read };
        assert_eq!(Route::Home.to_hash(), "#/");
        assert_eq!(Route::Edition(edition.clone()).to_hash(), "#/2024-09-12");
        assert_eq!(Route::Page { edition: edition.clone(), page: 2 }.to_hash(), "#/2024-09-12/2");
        assert_eq!(article(Read::Fragment).to_hash(), "#/2024-09-12/2/2024-09-12-p2-1");
        assert_eq!(article(Read::Whole).to_hash(), "#/2024-09-12/2/2024-09-12-p2-1/whole");
        let search = |query: &str, filter| Route::Search { query: query.to_owned(), filter };
        assert_eq!(search("上合 示范区", Filter::default()).to_hash(), "#/search/%E4%B8%8A%E5%90%88%20%E7%A4%BA%E8%8C%83%E5%8C%BA");
        let filtered = Filter { from: Some("1916-03-01".to_owned()), to: None, page: Some(1) };
        assert_eq!(search("a?b&c", filtered).to_hash(), "#/search/a%3Fb%26c?from=1916-03-01&page=1");
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
    }

    #[test]
    fn malformed_hashes_are_not_routes() {
        for hash in [
            "#/12-09-2024", "#/2024-09-12/0", "#/2024-09-12/-2", "#/2024-09-12/two", "#/2024-09-12/2/a/half",
            "#/2024-09-12/2//", "#/2024-09-12~", "#/2024-09-12/2/%FF", "#/search", "#/search/a/b", "#/2024-09-12/99999999999",
            "#/search/a?page=0", "#/search/a?from=March", "#/search/a?sort=date", "#/search/a?page=1&page=2", "#/search/a?page",
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
        (date(), date(), proptest::option::of(1u32..)).prop_map(|(from, to, page)| Filter { from, to, page })
    }

    fn any_route() -> impl Strategy<Value = Route> {
        prop_oneof![
            Just(Route::Home),
            any_key().prop_map(Route::Edition),
            (any_key(), 1u32..).prop_map(|(edition, page)| Route::Page { edition, page }),
            (any_key(), 1u32.., "\\PC{1,20}", any::<bool>()).prop_map(|(edition, page, id, whole)| Route::Article {
                edition,
                page,
                id,
                read: if whole { Read::Whole } else { Read::Fragment },
            }),
            ("\\PC{0,20}", any_filter()).prop_map(|(query, filter)| Route::Search { query, filter }),
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
