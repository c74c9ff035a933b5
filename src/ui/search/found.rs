//! The results of the search being shown: asked of the engine whenever the
//! request changes, and kept only when they answer the latest request (an
//! earlier, slower answer never replaces a later one).

use std::rc::Rc;

use yew::prelude::*;

use super::engine::Request;
use super::searcher::{Reply, Searcher};
use crate::search::{Hit, Query, SearchResults};

/// What the results view shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The query is empty: nothing was asked.
    Nothing,
    /// Asked, and nothing answered yet.
    Searching,
    /// How many stories match in all, and the best of them; or, while
    /// `complete` is false, a first screen: how many match in the newest
    /// editions, and the best of those, before the exact total.
    Hits { total: usize, hits: Rc<Vec<Hit>>, complete: bool },
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
                // Sets what answers this request, unless a later one was made meanwhile.
                let settle = {
                    let (latest, answered, asked) = (latest.clone(), answered.clone(), request.clone());
                    move |found: Found| {
                        if *latest.borrow() == this {
                            answered.set(Some((asked.clone(), found)));
                        }
                    }
                };
                let first_screen = settle.clone();
                let reply = Reply::with_first_screen(
                    move |outcome| {
                        settle(match outcome {
                            Ok(SearchResults { total, hits }) => Found::Hits { total, hits: Rc::new(hits), complete: true },
                            Err(reason) => Found::Failed(reason),
                        })
                    },
                    move |SearchResults { total, hits }| first_screen(Found::Hits { total, hits: Rc::new(hits), complete: false }),
                );
                searcher.search(request.clone(), reply);
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
