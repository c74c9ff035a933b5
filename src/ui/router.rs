//! Where the reader keeps its current route: in the URL hash (deep links,
//! reload, the browser's back and forward) or, when the host switches URL
//! routing off, in memory ([`MemoryHistory`]) so the host's URL never changes.
//!
//! Links go through [`Navigator`], provided as a Yew context by the root, so
//! every link works the same way in both modes.

use yew::prelude::*;

use super::history::MemoryHistory;
use super::options::Routing;
use super::route::Route;

/// The current route and the ways to move.
#[derive(Clone, PartialEq)]
pub struct Router {
    /// `None` when the URL holds a reader route that cannot be read
    /// (a mistyped deep link): the reader says so instead of guessing.
    pub current: Option<Route>,
    pub navigator: Navigator,
    /// The reader's own back button: memory routing only (with hash routing
    /// the browser's back button does this).
    pub back: Option<Callback<()>>,
}

/// Opens a route: the context every [`super::link::Link`] uses.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    /// Goes to a route, adding a history entry.
    pub go: Callback<Route>,
    /// Shows a route in place of the current entry (a search refined as
    /// the reader types), so back skips the intermediate ones.
    pub replace: Callback<Route>,
}

/// The route in a URL hash: the host's own anchors (`#top`) and an empty
/// hash open the front page; a `#/…` hash that does not parse is `None`.
pub fn route_from_hash(hash: &str) -> Option<Route> {
    match Route::parse(hash) {
        Some(route) => Some(route),
        None if hash.starts_with("#/") => None,
        None => Some(Route::Home),
    }
}

enum Step {
    To(Route),
    Replace(Route),
    Back,
}

#[derive(Clone, PartialEq)]
struct Memory(MemoryHistory);

impl Reducible for Memory {
    type Action = Step;

    fn reduce(self: std::rc::Rc<Self>, step: Step) -> std::rc::Rc<Self> {
        let mut history = self.0.clone();
        match step {
            Step::To(route) => history.push(route),
            Step::Replace(route) => history.replace(route),
            Step::Back => {
                history.back();
            }
        }
        Memory(history).into()
    }
}

#[hook]
pub fn use_router(routing: Routing) -> Router {
    let memory = use_reducer(|| Memory(MemoryHistory::new(Route::Home)));
    let from_url = use_state(|| route_from_hash(&location_hash()));
    #[cfg(target_arch = "wasm32")]
    {
        let from_url = from_url.clone();
        use_effect_with(routing, move |&routing| {
            let window = web_sys::window().filter(|_| routing == Routing::Hash);
            let listeners = window.map(|window| {
                ["hashchange", "popstate"].map(|event| {
                    let from_url = from_url.clone();
                    gloo_events::EventListener::new(&window, event, move |_| {
                        from_url.set(route_from_hash(&location_hash()));
                    })
                })
            });
            move || drop(listeners)
        });
    }
    // One navigator per routing mode, so the context (and every link that
    // reads it) does not change on each render.
    let navigator = {
        let memory = memory.dispatcher();
        use_memo(routing, move |&routing| match routing {
            Routing::Hash => Navigator {
                go: Callback::from(|route: Route| set_location_hash(&route.to_hash())),
                replace: Callback::from(|route: Route| replace_location_hash(&route.to_hash())),
            },
            Routing::Memory => {
                let replace = memory.clone();
                Navigator {
                    go: Callback::from(move |route| memory.dispatch(Step::To(route))),
                    replace: Callback::from(move |route| replace.dispatch(Step::Replace(route))),
                }
            }
        })
    };
    let navigator = (*navigator).clone();
    match routing {
        Routing::Hash => Router { current: (*from_url).clone(), navigator, back: None },
        Routing::Memory => {
            let back = memory.dispatcher();
            Router {
                current: Some(memory.0.current().clone()),
                navigator,
                back: memory.0.can_go_back().then(|| Callback::from(move |()| back.dispatch(Step::Back))),
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn location_hash() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// Pushes a history entry; the browser then fires `hashchange`, which
/// updates the view, so back and forward take the same path.
#[cfg(target_arch = "wasm32")]
fn set_location_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// Replaces the current history entry with the same page at `hash`; the
/// browser fires `hashchange` as for a new entry.
#[cfg(target_arch = "wasm32")]
fn replace_location_hash(hash: &str) {
    if let Some(location) = web_sys::window().map(|window| window.location()) {
        let Ok(href) = location.href() else { return };
        let page = href.split('#').next().unwrap_or(&href);
        let _ = location.replace(&format!("{page}{hash}"));
    }
}

// Outside the browser (server rendering in tests) there is no URL.
#[cfg(not(target_arch = "wasm32"))]
fn location_hash() -> String {
    String::new()
}

#[cfg(not(target_arch = "wasm32"))]
fn set_location_hash(_hash: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn replace_location_hash(_hash: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_anchors_open_the_front_page_and_broken_routes_do_not() {
        assert_eq!(route_from_hash(""), Some(Route::Home));
        assert_eq!(route_from_hash("#comments"), Some(Route::Home));
        assert_eq!(route_from_hash("#/2024-09-12/x"), None);
        assert!(matches!(route_from_hash("#/2024-09-12/2"), Some(Route::Page { page: 2, .. })));
    }
}
