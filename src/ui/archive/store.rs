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
//! Kept files are stored gzipped where the browser can compress: the room
//! a saved edition takes is about what it took over the network.

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

/// The header that marks a kept body as gzipped by [`write`].
const ENCODING: &str = "x-broadsheet-encoding";

/// The kept bytes of `url`, if any.
pub async fn read(url: &str) -> Option<Vec<u8>> {
    let cache = cache().await?;
    let response: web_sys::Response = settle(cache.match_with_str(url)).await?.dyn_into().ok()?;
    let gzipped = response.headers().get(ENCODING).ok().flatten().is_some_and(|encoding| encoding == "gzip");
    let response = if gzipped {
        let stream = through(&response.body()?, "DecompressionStream")?;
        web_sys::Response::new_with_opt_readable_stream(Some(&stream)).ok()?
    } else {
        response
    };
    let buffer = settle(response.array_buffer().ok()?).await?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Keeps `bytes` as `url`, gzipped where the browser can (JSON text takes
/// a third to a fifth of the room); says whether the browser took them (it
/// refuses past the origin's quota).
pub async fn write(url: &str, bytes: &[u8]) -> bool {
    let Some(cache) = cache().await else { return false };
    let Some(response) = gzipped(bytes).or_else(|| web_sys::Response::new_with_opt_u8_array(Some(&mut bytes.to_vec())).ok()) else {
        return false;
    };
    settle(cache.put_with_str(url, &response)).await.is_some()
}

/// A response whose body is `bytes` gzipped, marked so; `None` where the
/// browser has no CompressionStream.
fn gzipped(bytes: &[u8]) -> Option<web_sys::Response> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let stream = through(&blob.stream(), "CompressionStream")?;
    let init = web_sys::ResponseInit::new();
    let headers = web_sys::Headers::new().ok()?;
    headers.set(ENCODING, "gzip").ok()?;
    init.set_headers(&headers);
    web_sys::Response::new_with_opt_readable_stream_and_init(Some(&stream), &init).ok()
}

/// `stream` through the browser's `CompressionStream` or
/// `DecompressionStream` (named by `transform`) for gzip; `None` where the
/// browser has none. (Reached by name: web-sys keeps these behind its
/// unstable APIs.)
fn through(stream: &web_sys::ReadableStream, transform: &str) -> Option<web_sys::ReadableStream> {
    let constructor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &transform.into()).ok()?.dyn_into().ok()?;
    let gzip = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&"gzip".into())).ok()?;
    Some(stream.pipe_through(gzip.unchecked_ref::<web_sys::ReadableWritablePair>()))
}

/// Forgets `url`.
pub async fn remove(url: &str) {
    if let Some(cache) = cache().await {
        settle(cache.delete_with_str(url)).await;
    }
}
