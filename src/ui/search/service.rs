//! Runs the reader's [`Engine`] without freezing the page (wasm only).
//!
//! Nothing starts until the reader is about to search (the box has focus,
//! a search route or the host asks): then the stored index is fetched from
//! beside the corpus and the engine opens.
//!
//! Opening an engine means deriving its text index from the corpus (with
//! the stored index's layout, or building one): about 10 ms per MB of
//! corpus in Chromium, 0.4 s for the 36 MB Chinese benchmark corpus
//! (`node tools/bench-search.mjs`). A corpus over [`IN_PAGE_LIMIT`] is
//! searched in a Web Worker started from the loader `broadsheet.js` itself
//! (in a worker it runs `www/broadsheet-search.js`), which loads this same
//! wasm, reads the corpus again and answers searches in order; the page
//! only posts messages (about 0.2 ms more per query). A smaller corpus
//! opens in the page, on the reader's corpus as loaded, and spares the
//! worker's start (about 40 ms) and second copy of the corpus. Where no
//! worker can start (the widget served from another origin, a host policy
//! that refuses workers) the engine runs in the page whatever the size,
//! opened after the reader has rendered and in slices of `SLICE_MS`, so
//! the page stays responsive while it opens; each query is then one task
//! (a few milliseconds, more for the commonest terms of a large corpus).
//!
//! The worker's messages (see `www/broadsheet-search.js`):
//! `{type: 'open', corpus, index}` → `{type: 'opened', source, reason, ms}`;
//! `{type: 'search', id, query, from, to, page, limit}` →
//! `{type: 'answer', id, total, editions, hits}`; failures come back as
//! `{type: 'failed', id?, message}` and panics as `{type: 'panic', message}`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::super::shared::SharedCorpus;
use super::super::slices::Slices;
use super::engine::{Answer, Engine, Opening, Request};
use crate::search::CorpusHasher;
use super::searcher::{Reply, SearchBackend};
use super::status::SearchStatus;

/// The largest corpus, in bytes, whose engine opens in the page rather than
/// in a worker: built there in well under 50 ms.
pub const IN_PAGE_LIMIT: u32 = 1_000_000;

/// The work of one step of opening the engine in the page, in characters:
/// about a millisecond's.
const SLICE_STEP: usize = 20_000;
/// The bytes of the corpus hashed in one step: a few milliseconds' worth.
const HASH_STEP: u32 = 1 << 20;
/// The bytes of the corpus copied in one step, for the worker.
const COPY_STEP: u32 = 8 << 20;

/// The search engine of one loaded corpus. Dropping it stops its worker.
pub struct SearchService {
    shared: Rc<RefCell<Shared>>,
}

struct Shared {
    /// What the engine will open, until something asks for it.
    idle: Option<Idle>,
    backend: Backend,
    next_id: u32,
    on_status: Callback<SearchStatus>,
    /// `performance.now()` when the engine started opening.
    started: f64,
    /// The worker, and its listeners, which must live as long as it does.
    worker: Option<(Worker, Listeners)>,
    /// The reader is gone: start nothing more.
    stopped: bool,
}

type Listeners = (Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

enum Backend {
    /// Requests made while the stored index downloads or the engine opens in the page.
    Opening(Vec<(Request, Reply)>),
    /// Requests sent to the worker, awaiting their answer. The inputs are
    /// kept until the worker has opened them, to start over in the page if
    /// the worker cannot run.
    Worker { pending: HashMap<u32, (Request, Reply)>, inputs: Option<Inputs> },
    Page(Box<Engine>),
    Failed(String),
}

/// The engine's inputs before it starts: the corpus bytes as received and
/// as the reader loaded them, where the stored index may be, and the
/// worker's script.
struct Idle {
    corpus: Uint8Array,
    loaded: SharedCorpus,
    index_url: Option<String>,
    worker_url: Option<String>,
}

/// What the engine opens: the corpus bytes as received (for a worker, and
/// to check the stored index against), the corpus as the reader loaded it
/// (in the page) and the stored index, if any.
struct Inputs {
    corpus: Uint8Array,
    loaded: SharedCorpus,
    index: Option<ArrayBuffer>,
}

impl SearchService {
    /// The engine of `corpus` (the bytes the reader received, which it
    /// loaded as `loaded`), to open with
    /// the stored index at `index_url` when it matches them, in a worker
    /// from `worker_url` when one is given and can start, else in the page.
    /// `on_status` hears when it is ready or has failed.
    pub fn new(
        corpus: Uint8Array,
        loaded: SharedCorpus,
        index_url: Option<String>,
        worker_url: Option<String>,
        on_status: Callback<SearchStatus>,
    ) -> SearchService {
        let shared = Rc::new(RefCell::new(Shared {
            idle: Some(Idle { corpus, loaded, index_url, worker_url }),
            backend: Backend::Opening(Vec::new()),
            next_id: 0,
            on_status,
            started: 0.0,
            worker: None,
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
            let worker_url = idle.worker_url.filter(|_| idle.corpus.length() > IN_PAGE_LIMIT);
            let inputs = Inputs { corpus: idle.corpus, loaded: idle.loaded, index };
            // Copied before the worker starts: its failure to start comes
            // as an event, which only a worker given its handlers at once
            // can hear.
            let copy = match worker_url {
                Some(_) => Some(copy_in_slices(&inputs.corpus).await),
                None => None,
            };
            if shared.borrow().stopped {
                return;
            }
            match (worker_url.and_then(|url| spawn_worker(&url).ok()), copy) {
                (Some(worker), Some(copy)) => open_in_worker(&shared, worker, inputs, copy),
                _ => open_in_page(&shared, inputs),
            }
        });
    }

    fn search(&self, request: Request, reply: Reply) {
        self.prepare();
        submit(&self.shared, request, reply);
    }
}

impl Drop for SearchService {
    fn drop(&mut self) {
        let mut shared = self.shared.borrow_mut();
        shared.stopped = true;
        if let Some((worker, _listeners)) = shared.worker.take() {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

fn submit(shared: &Rc<RefCell<Shared>>, request: Request, reply: Reply) {
    let mut guard = shared.borrow_mut();
    let state = &mut *guard;
    state.next_id += 1;
    let id = state.next_id;
    let outcome = match &mut state.backend {
        Backend::Opening(waiting) => {
            waiting.push((request, reply));
            return;
        }
        Backend::Worker { pending, .. } => {
            let posted = state.worker.as_ref().is_some_and(|(worker, _)| worker.post_message(&search_message(id, &request)).is_ok());
            if posted {
                pending.insert(id, (request, reply));
                return;
            }
            Err("the search worker cannot be reached".to_owned())
        }
        Backend::Page(engine) => engine.answer(&request),
        Backend::Failed(reason) => Err(reason.clone()),
    };
    drop(guard);
    reply(outcome);
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

fn spawn_worker(url: &str) -> Result<Worker, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options.set_name("broadsheet-search");
    Worker::new_with_options(url, &options)
}

/// A copy of `bytes` made a few megabytes at a time, the page drawn and
/// answered in between: posting a large corpus to the worker copied it in
/// one task (80 ms for 100 MB, at times 400 ms), where the copy, handed
/// over whole, costs nothing to post.
async fn copy_in_slices(bytes: &Uint8Array) -> Uint8Array {
    let copy = Uint8Array::new_with_length(bytes.length());
    let mut slices = Slices::new();
    let mut copied = 0;
    while copied < bytes.length() {
        let end = copied.saturating_add(COPY_STEP).min(bytes.length());
        copy.set(&bytes.subarray(copied, end), copied);
        copied = end;
        if slices.due() {
            slices.yield_to_page().await;
        }
    }
    copy
}

/// Hands the inputs to `worker`, the corpus as `copy`, which the worker
/// takes over; then the requests made meanwhile.
fn open_in_worker(shared: &Rc<RefCell<Shared>>, worker: Worker, inputs: Inputs, copy: Uint8Array) {
    let on_message = {
        let shared = shared.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| on_worker_message(&shared, &event.data()))
    };
    let on_error = {
        let shared = shared.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let message = Reflect::get(&event, &"message".into()).ok().and_then(|m| m.as_string());
            restart_in_page_or_fail(&shared, format!("the search worker failed: {}", message.unwrap_or_else(|| "an error".to_owned())));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let message = object(&[
        ("type", "open".into()),
        ("corpus", copy.clone().into()),
        ("index", inputs.index.clone().map_or(JsValue::NULL, Into::into)),
    ]);
    if worker.post_message_with_transfer(&message, &Array::of1(&copy.buffer())).is_err() {
        worker.terminate();
        return open_in_page(shared, inputs);
    }
    let waiting = {
        let mut shared = shared.borrow_mut();
        shared.worker = Some((worker, (on_message, on_error)));
        match std::mem::replace(&mut shared.backend, Backend::Worker { pending: HashMap::new(), inputs: Some(inputs) }) {
            Backend::Opening(waiting) => waiting,
            _ => Vec::new(),
        }
    };
    for (request, reply) in waiting {
        submit(shared, request, reply);
    }
}

fn search_message(id: u32, request: &Request) -> Object {
    let text = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    object(&[
        ("type", "search".into()),
        ("id", id.into()),
        ("query", request.query.as_str().into()),
        ("from", text(&request.filter.from)),
        ("to", text(&request.filter.to)),
        ("page", request.filter.page.map_or(JsValue::NULL, JsValue::from)),
        // Beyond 2^53 a limit is "all" anyway.
        ("limit", (request.limit as f64).into()),
    ])
}

fn on_worker_message(shared: &Rc<RefCell<Shared>>, data: &JsValue) {
    let field = |name: &str| Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let text = |name: &str| field(name).as_string().unwrap_or_default();
    let id = field("id").as_f64().map(|id| id as u32);
    match (text("type").as_str(), id) {
        ("opened", _) => {
            let started = {
                let mut shared = shared.borrow_mut();
                if let Backend::Worker { inputs, .. } = &mut shared.backend {
                    *inputs = None;
                }
                shared.started
            };
            measure_opening(started, "worker", &text("source"), field("reason"), field("ms"));
            set_status(shared, SearchStatus::Ready);
        }
        ("answer", Some(id)) => {
            let editions = Array::from(&field("editions")).iter().map(|edition| edition.as_f64().unwrap_or(0.0) as usize).collect();
            let answer = Answer { total: field("total").as_f64().unwrap_or(0.0) as usize, editions, hits_json: text("hits") };
            if let Some((_, reply)) = take_pending(shared, id) {
                reply(Ok(answer));
            }
        }
        ("failed", Some(id)) => {
            if let Some((_, reply)) = take_pending(shared, id) {
                reply(Err(text("message")));
            }
        }
        ("failed", None) => restart_in_page_or_fail(shared, text("message")),
        ("panic", _) => fail(shared, format!("the search worker stopped: {}", text("message"))),
        _ => {}
    }
}

fn take_pending(shared: &Rc<RefCell<Shared>>, id: u32) -> Option<(Request, Reply)> {
    match &mut shared.borrow_mut().backend {
        Backend::Worker { pending, .. } => pending.remove(&id),
        _ => None,
    }
}

/// Before the worker has opened the engine (its script could not load, a
/// policy refused it, it could not start the wasm), the engine starts over
/// in the page with the requests made meanwhile; after, search is out of order.
fn restart_in_page_or_fail(shared: &Rc<RefCell<Shared>>, reason: String) {
    let restart = {
        let mut shared = shared.borrow_mut();
        match std::mem::replace(&mut shared.backend, Backend::Opening(Vec::new())) {
            Backend::Worker { pending, inputs: Some(inputs) } => {
                let mut waiting: Vec<(u32, (Request, Reply))> = pending.into_iter().collect();
                waiting.sort_by_key(|(id, _)| *id);
                shared.backend = Backend::Opening(waiting.into_iter().map(|(_, request)| request).collect());
                // Stopped but kept: this may run inside one of its listeners,
                // which must not be dropped while they run.
                if let Some((worker, _)) = &shared.worker {
                    worker.terminate();
                }
                Some(inputs)
            }
            other => {
                shared.backend = other;
                None
            }
        }
    };
    match restart {
        Some(inputs) => {
            web_sys::console::warn_1(&format!("Broadsheet: searching in the page instead of a worker: {reason}").into());
            open_in_page(shared, inputs);
        }
        None => fail(shared, reason),
    }
}

/// Opens the engine in the page once the reader has rendered, then answers
/// the requests made meanwhile.
fn open_in_page(shared: &Rc<RefCell<Shared>>, inputs: Inputs) {
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if shared.borrow().stopped {
            return;
        }
        let started = now();
        let index = inputs.index.map(|index| Uint8Array::new(&index).to_vec());
        // In slices of a few frames' time, the page drawn and answered in
        // between: hashing a large corpus's bytes and deriving its index
        // take hundreds of milliseconds.
        let mut slices = Slices::new();
        let mut hasher = CorpusHasher::default();
        let mut hashed = 0;
        while hashed < inputs.corpus.length() {
            let end = hashed.saturating_add(HASH_STEP).min(inputs.corpus.length());
            hasher.update(&inputs.corpus.subarray(hashed, end).to_vec());
            hashed = end;
            if slices.due() && !yielded(&shared, &mut slices).await {
                return;
            }
        }
        let mut opening = Opening::new(inputs.loaded, hasher.finish(), index.as_deref());
        while !opening.step(SLICE_STEP) {
            // A query answered early reads the whole text: it gets a slice
            // of its own rather than the end of a full one.
            let answerable = opening.answers() && matches!(&shared.borrow().backend, Backend::Opening(waiting) if !waiting.is_empty());
            if (slices.due() || answerable) && !yielded(&shared, &mut slices).await {
                return;
            }
            answer_early(&shared, &opening);
        }
        let engine = opening.finish();
        let reason = engine.source().reason().map_or(JsValue::NULL, JsValue::from);
        measure_opening(shared.borrow().started, "page", engine.source().name(), reason, (now() - started).into());
        let waiting = match std::mem::replace(&mut shared.borrow_mut().backend, Backend::Page(Box::new(engine))) {
            Backend::Opening(waiting) => waiting,
            _ => Vec::new(),
        };
        set_status(&shared, SearchStatus::Ready);
        for (request, reply) in waiting {
            submit(&shared, request, reply);
        }
    });
}

/// Answers the requests made while the engine opens, once it can: about
/// halfway, so that the first query does not wait for the rest.
fn answer_early(shared: &Rc<RefCell<Shared>>, opening: &Opening) {
    loop {
        let first = match &shared.borrow().backend {
            Backend::Opening(waiting) => waiting.first().map(|(request, _)| request.clone()),
            _ => None,
        };
        let Some(answer) = first.and_then(|request| opening.answer(&request)) else { return };
        let reply = match &mut shared.borrow_mut().backend {
            Backend::Opening(waiting) => waiting.remove(0).1,
            _ => return,
        };
        // Not borrowed meanwhile: a reply may search again.
        reply(answer);
    }
}

/// Lets the page have its turn; false when the service stopped meanwhile.
async fn yielded(shared: &Rc<RefCell<Shared>>, slices: &mut Slices) -> bool {
    slices.yield_to_page().await;
    !shared.borrow().stopped
}

/// Search is out of order: every waiting request hears why, and so do later ones.
fn fail(shared: &Rc<RefCell<Shared>>, reason: String) {
    let waiting: Vec<Reply> = match std::mem::replace(&mut shared.borrow_mut().backend, Backend::Failed(reason.clone())) {
        Backend::Opening(waiting) => waiting.into_iter().map(|(_, reply)| reply).collect(),
        Backend::Worker { pending, .. } => pending.into_values().map(|(_, reply)| reply).collect(),
        Backend::Page(_) | Backend::Failed(_) => Vec::new(),
    };
    for reply in waiting {
        reply(Err(reason.clone()));
    }
    set_status(shared, SearchStatus::Failed(reason));
}

fn set_status(shared: &Rc<RefCell<Shared>>, status: SearchStatus) {
    let on_status = shared.borrow().on_status.clone();
    on_status.emit(status);
}

/// Records how long the engine took to open as the performance measure
/// `broadsheet:search-index`, from the first need of it to a usable index,
/// with where it runs (`detail.runs`: `worker` or `page`), where the index
/// came from (`detail.source`: `stored` or `built`, and `detail.reason`)
/// and `detail.engineMs`, the open itself. Hosts and benchmarks read it with
/// `performance.getEntriesByName`.
fn measure_opening(started: f64, runs: &str, source: &str, reason: JsValue, engine_ms: JsValue) {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else { return };
    let detail = object(&[("runs", runs.into()), ("source", source.into()), ("reason", reason), ("engineMs", engine_ms)]);
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
