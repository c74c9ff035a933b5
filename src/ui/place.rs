//! Routes looked up in a corpus: what a route shows, and the route of each
//! thing the reader links to.
//!
//! A [`Place`] holds indices and ids, not references, so components take it
//! as a plain prop next to the shared corpus. A route that names something
//! the corpus does not hold resolves to [`Place::NotFound`]; nothing here
//! panics on a hand-typed URL.

use super::route::{EditionKey, Read, Route};
use crate::corpus::Corpus;
use crate::search::{Filter, Order};

/// What the reader shows, resolved against the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// An edition, by index into `corpus.editions`.
    Edition { edition: usize },
    Page { edition: usize, page: u32 },
    /// An article of an edition, by id.
    Article { edition: usize, id: String, read: Read },
    Search { query: String, filter: Filter, order: Order },
    /// The route names an edition, page or article the corpus does not hold.
    NotFound,
}

impl Place {
    /// The edition the place belongs to, if any.
    pub fn edition(&self) -> Option<usize> {
        match self {
            Place::Edition { edition } | Place::Page { edition, .. } | Place::Article { edition, .. } => Some(*edition),
            Place::Search { .. } | Place::NotFound => None,
        }
    }
}

/// Looks `route` up in `corpus`.
pub fn resolve(corpus: &Corpus, route: &Route) -> Place {
    let found = match route {
        Route::Home => newest_edition(corpus).map(|edition| Place::Edition { edition }),
        Route::Edition(key) => find_edition(corpus, key).map(|edition| Place::Edition { edition }),
        Route::Page { edition, page } => find_edition(corpus, edition)
            .filter(|&e| corpus.editions[e].page(*page).is_some())
            .map(|edition| Place::Page { edition, page: *page }),
        // The page in an article route only makes the URL readable: the id
        // alone names the article, so a route with a stale page still works.
        Route::Article { edition, id, read, .. } => find_edition(corpus, edition)
            .filter(|&e| corpus.editions[e].article(id).is_some())
            .map(|edition| Place::Article { edition, id: id.clone(), read: *read }),
        Route::Search { query, filter, order } => Some(Place::Search { query: query.clone(), filter: filter.clone(), order: *order }),
    };
    found.unwrap_or(Place::NotFound)
}

/// The edition with the latest date; the first of them in corpus order on a tie.
pub fn newest_edition(corpus: &Corpus) -> Option<usize> {
    let mut newest: Option<usize> = None;
    for (index, edition) in corpus.editions.iter().enumerate() {
        if newest.is_none_or(|best| edition.date > corpus.editions[best].date) {
            newest = Some(index);
        }
    }
    newest
}

fn find_edition(corpus: &Corpus, key: &EditionKey) -> Option<usize> {
    corpus.editions.iter().position(|edition| {
        edition.date == key.date
            && key.publication.as_ref().is_none_or(|title| &corpus.publication_of(edition).title == title)
    })
}

/// The key that names edition `index`: its date, and its publication title
/// when an earlier edition has the same date (a bare date names the first).
pub fn edition_key(corpus: &Corpus, index: usize) -> EditionKey {
    let edition = &corpus.editions[index];
    let shared = corpus.editions[..index].iter().any(|earlier| earlier.date == edition.date);
    EditionKey {
        date: edition.date.clone(),
        publication: shared.then(|| corpus.publication_of(edition).title.clone()),
    }
}

/// The route of an edition.
pub fn edition_route(corpus: &Corpus, edition: usize) -> Route {
    Route::Edition(edition_key(corpus, edition))
}

/// The route of a page of an edition.
pub fn page_route(corpus: &Corpus, edition: usize, page: u32) -> Route {
    Route::Page { edition: edition_key(corpus, edition), page }
}

/// The route of an article; `None` when the edition holds no such article.
pub fn article_route(corpus: &Corpus, edition: usize, id: &str, read: Read) -> Option<Route> {
    let article = corpus.editions.get(edition)?.article(id)?;
    Some(Route::Article { edition: edition_key(corpus, edition), page: article.page, id: id.to_owned(), read, found_by: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    /// Two papers on one date, and an older edition.
    fn archive() -> Corpus {
        corpus::load(
            r#"{ "format": "broadsheet-corpus", "version": 1,
                 "publication": { "title": "The Sun", "lang": "en" },
                 "editions": [
                   { "date": "1916-03-03", "pages": [ { "number": 1, "label": null } ],
                     "articles": [ { "id": "a", "page": 1, "headline": "Old news", "blocks": [] } ] },
                   { "date": "1916-03-04", "pages": [ { "number": 1, "label": null }, { "number": 2, "label": null } ],
                     "articles": [ { "id": "a", "page": 2, "headline": "Sun story", "blocks": [] } ] },
                   { "date": "1916-03-04", "publication": { "title": "The Evening Star", "lang": "en" },
                     "pages": [ { "number": 1, "label": null } ],
                     "articles": [ { "id": "a", "page": 1, "headline": "Star story", "blocks": [] } ] } ] }"#,
        )
        .expect("the test corpus is valid")
    }

    #[test]
    fn home_is_the_newest_edition_first_in_corpus_order() {
        assert_eq!(resolve(&archive(), &Route::Home), Place::Edition { edition: 1 });
    }

    #[test]
    fn a_shared_date_is_told_apart_by_the_publication() {
        let corpus = archive();
        assert_eq!(edition_key(&corpus, 0).publication, None, "a date of its own needs no title");
        assert_eq!(edition_route(&corpus, 1).to_hash(), "#/1916-03-04", "the first of a date needs none either");
        let star = edition_route(&corpus, 2);
        assert_eq!(star.to_hash(), "#/1916-03-04~The%20Evening%20Star");
        assert_eq!(resolve(&corpus, &star), Place::Edition { edition: 2 });
        let bare = Route::parse("#/1916-03-04/1").expect("a route");
        assert_eq!(resolve(&corpus, &bare), Place::Page { edition: 1, page: 1 }, "a bare date picks the first");
    }

    /// The routes the views link to lead back to what they show.
    #[test]
    fn every_place_survives_its_route() {
        let corpus = archive();
        for (edition, contents) in corpus.editions.iter().enumerate() {
            let mut routes = vec![(edition_route(&corpus, edition), Place::Edition { edition })];
            routes.extend(contents.pages.iter().map(|page| (page_route(&corpus, edition, page.number), Place::Page { edition, page: page.number })));
            for read in [Read::Fragment, Read::Whole] {
                for article in &contents.articles {
                    let route = article_route(&corpus, edition, &article.id, read).expect("the article is there");
                    routes.push((route, Place::Article { edition, id: article.id.clone(), read }));
                }
            }
            for (route, place) in routes {
                assert_eq!(resolve(&corpus, &Route::parse(&route.to_hash()).expect("parses")), place, "{route:?}");
            }
        }
    }

    #[test]
    fn what_the_corpus_does_not_hold_is_not_found() {
        let corpus = archive();
        for hash in ["#/1999-01-01", "#/1916-03-04/3", "#/1916-03-04/1/nope", "#/1916-03-04~The%20Moon/1"] {
            assert_eq!(resolve(&corpus, &Route::parse(hash).expect("a route")), Place::NotFound, "{hash}");
        }
        let empty = Corpus::new(corpus.publication.clone());
        assert_eq!(resolve(&empty, &Route::Home), Place::NotFound);
    }
}
