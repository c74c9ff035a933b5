//! The first view's two requests, started by the loader while the wasm is
//! still downloading (wasm only): an archive's root and, on the front page,
//! its newest edition. The loader hands over the responses' promises at
//! mount; the fetch layer takes a response from here instead of asking
//! the network again, and checks it as any other.
//!
//! Only a head start: the loader decides nothing. A response whose URL is
//! not the one the reader asks for is dropped, and its bytes must still
//! match the name's hash.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// By the root's URL: its response's promise.
    static ROOTS: RefCell<HashMap<String, Promise>> = RefCell::new(HashMap::new());
    /// By the root's URL: a promise of `[url, response]` for the newest
    /// edition, or of `null`.
    static EDITIONS: RefCell<HashMap<String, Promise>> = RefCell::new(HashMap::new());
}

/// Takes the loader's `{ root, response, edition }` (or `null`).
pub fn register(preload: &JsValue) {
    let field = |name: &str| Reflect::get(preload, &name.into()).ok().filter(|value| !value.is_undefined() && !value.is_null());
    let Some(root) = field("root").and_then(|root| root.as_string()) else { return };
    if let Some(response) = field("response").and_then(|promise| promise.dyn_into::<Promise>().ok()) {
        ROOTS.with(|roots| roots.borrow_mut().insert(root.clone(), response));
    }
    if let Some(edition) = field("edition").and_then(|promise| promise.dyn_into::<Promise>().ok()) {
        EDITIONS.with(|editions| editions.borrow_mut().insert(root, edition));
    }
}

/// The loader's response for the root at `url`, once.
pub async fn root(url: &str) -> Option<web_sys::Response> {
    let promise = ROOTS.with(|roots| roots.borrow_mut().remove(url))?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The loader's response for the archive file at `url` of the archive
/// whose root is at `root`, once, if that is the file it fetched.
pub async fn edition(root: &str, url: &str) -> Option<web_sys::Response> {
    let promise = EDITIONS.with(|editions| editions.borrow_mut().remove(root))?;
    let pair: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    (pair.get(0).as_string().as_deref() == Some(url)).then(|| pair.get(1).dyn_into().ok()).flatten()
}
