//! A handle to one reader's search engine. The root holds it; nothing else
//! needs to know how the engine opens, and server-rendered tests need none.

use std::rc::Rc;

use super::engine::Request;
use crate::search::SearchResults;

/// Called once with the answer to one request.
pub type Reply = Box<dyn FnOnce(Result<SearchResults, String>)>;

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
