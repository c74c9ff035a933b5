//! The results of the search being shown: asked of the engine whenever the
//! request changes, and kept only when they answer the latest request (an
//! earlier, slower answer never replaces a later one).

use std::rc::Rc;

use yew::prelude::*;

use super::engine::Request;
use super::searcher::Searcher;
use crate::search::{Hit, Query, SearchResults};

/// What the results view shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The query is empty: nothing was asked.
    Nothing,
    /// Asked, and nothing answered yet.
    Searching,
    /// How many stories match in all, and the best of them.
    Hits { total: usize, hits: Rc<Vec<Hit>> },
    Failed(String),
}

/// The results of `request` from `searcher` (none yet while it is `None`),
/// and whether they answer it: until the answer comes the previous results
/// stay on screen, so typing on does not make the list flicker.
#[hook]
pub fn use_found(searcher: Option<Searcher>, request: Request) -> (Found, bool) {
    let answered = use_state(|| None::<(Request, Found)>);
    let latest = use_mut_ref(|| 0u64);
    {
        let answered = answered.clone();
        use_effect_with((searcher, request.clone()), move |(searcher, request)| {
            let this = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            if let Some(searcher) = searcher.as_ref().filter(|_| !Query::parse(&request.query).is_empty()) {
                let asked = request.clone();
                searcher.search(
                    request.clone(),
                    Box::new(move |outcome| {
                        if *latest.borrow() != this {
                            return;
                        }
                        let found = match outcome {
                            Ok(SearchResults { total, hits }) => Found::Hits { total, hits: Rc::new(hits) },
                            Err(reason) => Found::Failed(reason),
                        };
                        answered.set(Some((asked, found)));
                    }),
                );
            }
        });
    }
    if Query::parse(&request.query).is_empty() {
        return (Found::Nothing, true);
    }
    match &*answered {
        Some((asked, found)) => (found.clone(), *asked == request),
        None => (Found::Searching, false),
    }
}
