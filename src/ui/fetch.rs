//! Downloading the corpus in the browser (wasm only), reporting the bytes
//! received as they arrive so the reader can show progress, then reading
//! it in slices that leave the page free to paint and answer input.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::load_error::LoadError;
use super::progress::Progress;
use super::slices::Slices;
use super::utf8::{Checked, Utf8Check};
use crate::corpus::stepwise::{Step, StepwiseLoad};
use crate::corpus::Corpus;
use crate::search::CorpusHasher;

/// Bytes checked for UTF-8 between two looks at the clock.
const UTF8_STEP: usize = 1 << 20;

/// A corpus file as downloaded: its bytes, and their
/// [`corpus_hash`](crate::search::corpus_hash), against which the search
/// engine checks its stored index.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub hash: u64,
}

/// Fetches the corpus file at `url`, calling `on_progress` after every
/// chunk of the body. Each chunk is hashed as it arrives, while the next
/// one is on its way: the search engine checks its stored index against
/// exactly these bytes, and this way neither keeps them nor reads them
/// again.
pub async fn fetch_corpus_bytes(url: &str, on_progress: impl Fn(Progress)) -> Result<Fetched, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    let window = web_sys::window().ok_or_else(|| network("no window".to_owned()))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| network(js_message(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| network(js_message(&e)))?;
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let total = response.headers().get("content-length").ok().flatten().and_then(|length| length.trim().parse().ok());
    let mut progress = Progress { received: 0, total, read: None };
    on_progress(progress);
    let mut bytes = Vec::new();
    // Room for the announced length at once, when it can be had: growing
    // by doubling copies a large corpus several times over. (A compressed
    // response announces less, and the rest grows as usual.)
    if let Some(total) = total {
        let _ = bytes.try_reserve_exact(usize::try_from(total).unwrap_or(usize::MAX));
    }
    let mut hasher = CorpusHasher::default();
    // A body already at hand (from a cache, over loopback) arrives in one
    // task of many chunks unless the reader yields now and then.
    let mut slices = Slices::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let chunk = match JsFuture::from(reader.read()).await {
                Ok(chunk) => chunk,
                Err(e) => {
                    return Err(network(format!("the download broke off after {} bytes: {}", bytes.len(), js_message(&e))))
                }
            };
            if Reflect::get(&chunk, &"done".into()).ok().and_then(|done| done.as_bool()).unwrap_or(true) {
                break;
            }
            let Some(chunk) = Reflect::get(&chunk, &"value".into()).ok().and_then(|v| v.dyn_into::<Uint8Array>().ok()) else {
                break;
            };
            let start = bytes.len();
            bytes.resize(start + chunk.length() as usize, 0);
            chunk.copy_to(&mut bytes[start..]);
            hasher.update(&bytes[start..]);
            progress.received = bytes.len() as u64;
            on_progress(progress);
            if slices.due() {
                slices.yield_to_page().await;
            }
        }
    }
    Ok(Fetched { bytes, hash: hasher.finish() })
}

/// Decodes and validates the corpus fetched from `url` (as
/// [`crate::corpus::load`]) in slices of about [`SLICE_MS`](super::slices::SLICE_MS), yielding to the
/// page between them and calling `on_progress` with the bytes read so far.
pub async fn read_corpus(url: &str, bytes: &[u8], on_progress: impl Fn(Progress)) -> Result<Corpus, LoadError> {
    let received = bytes.len() as u64;
    let reading = |read: usize| on_progress(Progress { received, total: None, read: Some(read as u64) });
    let mut slices = Slices::new();
    let mut check = Utf8Check::new(bytes, UTF8_STEP);
    let text = loop {
        match check.step() {
            Checked::Partial if slices.due() => {
                reading(0);
                slices.yield_to_page().await;
            }
            Checked::Partial => {}
            Checked::Text(text) => break text,
            Checked::Invalid { valid_up_to } => return Err(LoadError::Encoding { url: url.to_owned(), valid_up_to }),
        }
    };
    let mut load = StepwiseLoad::new(text);
    loop {
        match load.step() {
            Step::Done(outcome) => return outcome.map_err(|error| LoadError::Corpus { url: url.to_owned(), error }),
            Step::Working { done, .. } if slices.due() => {
                reading(done);
                slices.yield_to_page().await;
            }
            Step::Working { .. } => {}
        }
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
