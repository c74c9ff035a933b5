//! A handle to one reader's search engine. The root holds it; nothing else
//! needs to know how the engine opens, and server-rendered tests need none.

use std::rc::Rc;

use super::engine::Request;
use crate::search::SearchResults;

/// Hears the answers to one request.
pub struct Reply {
    /// A first screen of true matches before the exact total, when the
    /// engine has one (an archive's newest editions searched first).
    first_screen: Option<Box<dyn FnOnce(SearchResults)>>,
    /// The exact answer, called once.
    exact: Box<dyn FnOnce(Result<SearchResults, String>)>,
}

impl Reply {
    /// A reply that hears the exact answer only.
    pub fn exact(exact: impl FnOnce(Result<SearchResults, String>) + 'static) -> Reply {
        Reply { first_screen: None, exact: Box::new(exact) }
    }

    /// A reply that also hears a first screen, if one comes.
    pub fn with_first_screen(exact: impl FnOnce(Result<SearchResults, String>) + 'static, first: impl FnOnce(SearchResults) + 'static) -> Reply {
        Reply { first_screen: Some(Box::new(first)), exact: Box::new(exact) }
    }

    /// Whether it hears a first screen: when not, the engine need not make one.
    pub fn wants_first_screen(&self) -> bool {
        self.first_screen.is_some()
    }

    /// Gives the first screen (once; later calls are not heard).
    pub fn first_screen(&mut self, results: SearchResults) {
        if let Some(first) = self.first_screen.take() {
            first(results);
        }
    }

    /// Gives the exact answer.
    pub fn answer(self, outcome: Result<SearchResults, String>) {
        (self.exact)(outcome)
    }
}

/// What runs the searches (in the browser, `super::service::SearchService`).
pub trait SearchBackend {
    /// Starts opening the engine ahead of the first search: the reader is
    /// about to search. Until then nothing is downloaded or built, so a
    /// reader who never searches never pays for the index.
    fn prepare(&self);

    /// Runs `request` (opening the engine first if need be); `reply` hears the answer.
    fn search(&self, request: Request, reply: Reply);
}

/// Sends requests to the engine. Dropping the last clone stops the engine.
#[derive(Clone)]
pub struct Searcher(Rc<dyn SearchBackend>);

impl Searcher {
    pub fn new(backend: impl SearchBackend + 'static) -> Searcher {
        Searcher(Rc::new(backend))
    }

    pub fn prepare(&self) {
        self.0.prepare()
    }

    pub fn search(&self, request: Request, reply: Reply) {
        self.0.search(request, reply)
    }
}

/// Two handles are equal when they reach the same engine.
impl PartialEq for Searcher {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
