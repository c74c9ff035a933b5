//! Opens and runs the reader's [`Engine`] in the page without freezing it
//! (wasm only). It neither renders nor knows the search box.
//!
//! Nothing starts until the reader is about to search (the box has focus,
//! a search route or the host asks): then the stored index is fetched from
//! beside the corpus, and the engine opens on the reader's corpus as
//! already loaded, never read a second time. The stored index is used
//! only when it was built from exactly the bytes the reader received, whose
//! hash the download took as they arrived. Opening is deriving the text
//! index from the corpus with the stored index's layout, or building one:
//! hundreds of milliseconds for a corpus of tens of megabytes
//! (`node bench/search-browser.mjs`). It runs once the
//! reader has rendered, in slices of `SLICE_MS`, the page drawn and
//! answered in between, so it stays responsive while the engine opens.
//! Searches asked for meanwhile wait, and are answered in order once it is
//! open. Each query is then one task of its own: a few milliseconds, more
//! for the commonest terms of a large corpus.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::super::shared::SharedCorpus;
use super::super::slices::Slices;
use super::engine::{Engine, Opening, Request};
use super::searcher::{Reply, SearchBackend};

/// The work of one step of opening the engine in the page, in characters:
/// about a millisecond's.
const SLICE_STEP: usize = 20_000;

/// The search engine of one loaded corpus. Dropping it stops its opening.
pub struct SearchService {
    shared: Rc<RefCell<Shared>>,
}

struct Shared {
    /// What the engine will open, until something asks for it.
    idle: Option<Idle>,
    stage: Stage,
    /// `performance.now()` when the engine started opening.
    started: f64,
    /// The reader is gone: start nothing more.
    stopped: bool,
}

/// How far the engine has come.
enum Stage {
    /// Requests made while the stored index downloads or the engine opens.
    Opening(Vec<(Request, Reply)>),
    /// The engine, answering each request as it comes.
    Open(Box<Engine>),
}

/// The engine's inputs before it starts: the hash of the corpus bytes as
/// received, the corpus as the reader loaded them, and where the stored
/// index may be.
struct Idle {
    hash: u64,
    loaded: SharedCorpus,
    index_url: Option<String>,
}

impl SearchService {
    /// The engine of the corpus the reader loaded as `loaded` from bytes
    /// whose [`corpus_hash`](crate::search::corpus_hash) is `hash`, to open
    /// with the stored index at `index_url` when it was built from them.
    pub fn new(hash: u64, loaded: SharedCorpus, index_url: Option<String>) -> SearchService {
        let shared = Rc::new(RefCell::new(Shared {
            idle: Some(Idle { hash, loaded, index_url }),
            stage: Stage::Opening(Vec::new()),
            started: 0.0,
            stopped: false,
        }));
        SearchService { shared }
    }
}

impl SearchBackend for SearchService {
    fn prepare(&self) {
        let Some(idle) = self.shared.borrow_mut().idle.take() else { return };
        self.shared.borrow_mut().started = now();
        let shared = self.shared.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let index = match idle.index_url.as_deref().and_then(start_fetch) {
                Some(response) => stored_index(response).await,
                None => None,
            };
            if shared.borrow().stopped {
                return;
            }
            open(&shared, idle, index);
        });
    }

    fn search(&self, request: Request, reply: Reply) {
        self.prepare();
        submit(&self.shared, request, reply);
    }
}

impl Drop for SearchService {
    fn drop(&mut self) {
        self.shared.borrow_mut().stopped = true;
    }
}

fn submit(shared: &Rc<RefCell<Shared>>, request: Request, reply: Reply) {
    let mut shared = shared.borrow_mut();
    let outcome = match &mut shared.stage {
        Stage::Opening(waiting) => {
            waiting.push((request, reply));
            return;
        }
        Stage::Open(engine) => Ok(engine.answer(&request)),
    };
    drop(shared);
    reply.answer(outcome);
}

/// Starts fetching `url`: the pending `fetch` of a `Response`.
fn start_fetch(url: &str) -> Option<Promise> {
    Some(web_sys::window()?.fetch_with_str(url))
}

/// The stored index, when the server has one; `None` on any failure (the
/// engine then builds its own).
async fn stored_index(response: Promise) -> Option<ArrayBuffer> {
    let response: web_sys::Response = JsFuture::from(response).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.array_buffer().ok()?).await.ok()?.dyn_into().ok()
}

/// Opens the engine of `idle`, on the stored `index` if any, once the
/// reader has rendered, then answers the requests made meanwhile.
fn open(shared: &Rc<RefCell<Shared>>, idle: Idle, index: Option<ArrayBuffer>) {
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if shared.borrow().stopped {
            return;
        }
        let started = now();
        let Idle { hash, loaded, .. } = idle;
        // In slices of a few frames' time, the page drawn and answered in
        // between: deriving a large corpus's index takes hundreds of
        // milliseconds.
        let mut slices = Slices::new();
        let index = index.map(|index| Uint8Array::new(&index).to_vec());
        let mut opening = Opening::new(loaded, hash, index.as_deref());
        drop(index);
        while !opening.step(SLICE_STEP) {
            // A query answered early reads the whole text: it gets a slice
            // of its own rather than the end of a full one.
            let answerable = opening.answers() && matches!(&shared.borrow().stage, Stage::Opening(waiting) if !waiting.is_empty());
            if (slices.due() || answerable) && !yielded(&shared, &mut slices).await {
                return;
            }
            answer_early(&shared, &opening);
        }
        let engine = opening.finish();
        let reason = engine.source().reason().map_or(JsValue::NULL, JsValue::from);
        measure_opening(shared.borrow().started, engine.source().name(), reason, (now() - started).into());
        let waiting = match std::mem::replace(&mut shared.borrow_mut().stage, Stage::Open(Box::new(engine))) {
            Stage::Opening(waiting) => waiting,
            _ => Vec::new(),
        };
        for (request, reply) in waiting {
            submit(&shared, request, reply);
        }
    });
}

/// Answers the requests made while the engine opens, once it can: about
/// halfway, so that the first query does not wait for the rest.
fn answer_early(shared: &Rc<RefCell<Shared>>, opening: &Opening) {
    loop {
        let first = match &shared.borrow().stage {
            Stage::Opening(waiting) => waiting.first().map(|(request, _)| request.clone()),
            _ => None,
        };
        let Some(answer) = first.and_then(|request| opening.answer(&request)) else { return };
        let reply = match &mut shared.borrow_mut().stage {
            Stage::Opening(waiting) => waiting.remove(0).1,
            _ => return,
        };
        // Not borrowed meanwhile: a reply may search again.
        reply.answer(Ok(answer));
    }
}

/// Lets the page have its turn; false when the service stopped meanwhile.
async fn yielded(shared: &Rc<RefCell<Shared>>, slices: &mut Slices) -> bool {
    slices.yield_to_page().await;
    !shared.borrow().stopped
}

/// Records how long the engine took to open as the performance measure
/// `broadsheet:search-index`, from the first need of it to a usable index,
/// with where it runs (`detail.runs`: `page`, the page's main thread), where the index
/// came from (`detail.source`: `stored` or `built`, and `detail.reason`)
/// and `detail.engineMs`, the open itself. Hosts and benchmarks read it with
/// `performance.getEntriesByName`.
fn measure_opening(started: f64, source: &str, reason: JsValue, engine_ms: JsValue) {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else { return };
    let detail = object(&[("runs", "page".into()), ("source", source.into()), ("reason", reason), ("engineMs", engine_ms)]);
    let options = object(&[("start", started.into()), ("detail", detail.into())]);
    let measure = Reflect::get(&performance, &"measure".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(measure) = measure {
        let _ = measure.call2(&performance, &"broadsheet:search-index".into(), &options);
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}

fn object(entries: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}
