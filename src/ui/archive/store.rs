//! The archive files kept for offline reading, in the browser's Cache
//! Storage (wasm only), written and read by the reader itself.
//!
//! The reader, not the service worker, keeps them: it knows which files
//! make an edition whole, it can keep an archive served from another
//! origin, and it keeps nothing before the edition is complete. A
//! content-addressed file is the same forever, so a kept copy is read
//! without asking the network; the root is asked for first and its last
//! copy read only when the network fails. Each archive's list of kept
//! editions is stored beside its files (`SITE/.broadsheet-kept.json` as a
//! cache key, never fetched), so two archives on one page keep their own.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The cache every archive's kept files go in (their names carry their
/// hashes, so two archives cannot collide).
const CACHE: &str = "broadsheet-archive-files";

async fn cache() -> Option<web_sys::Cache> {
    let caches = web_sys::window()?.caches().ok()?;
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

async fn settle(promise: Promise) -> Option<JsValue> {
    JsFuture::from(promise).await.ok()
}

/// The kept bytes of `url`, if any.
pub async fn read(url: &str) -> Option<Vec<u8>> {
    let cache = cache().await?;
    let response: web_sys::Response = settle(cache.match_with_str(url)).await?.dyn_into().ok()?;
    let buffer = settle(response.array_buffer().ok()?).await?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Keeps `bytes` as `url`; says whether the browser took them (it refuses
/// past the origin's quota).
pub async fn write(url: &str, bytes: &[u8]) -> bool {
    let Some(cache) = cache().await else { return false };
    let mut copy = bytes.to_vec();
    let Ok(response) = web_sys::Response::new_with_opt_u8_array(Some(&mut copy)) else { return false };
    settle(cache.put_with_str(url, &response)).await.is_some()
}

/// Forgets `url`.
pub async fn remove(url: &str) {
    if let Some(cache) = cache().await {
        settle(cache.delete_with_str(url)).await;
    }
}
