//! Downloading the corpus in the browser (wasm only), reporting the bytes
//! received as they arrive so the reader can show progress, and reading
//! them into the corpus meanwhile: each edition is decoded as soon as it
//! has arrived, in slices that leave the page free to paint and answer
//! input, so that little is left to read once the last byte is in.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::load_error::LoadError;
use super::progress::Progress;
use super::slices::Slices;
use super::utf8::ArrivingText;
use crate::corpus::stepwise::{Step, StepwiseLoad};
use crate::corpus::Corpus;
use crate::search::CorpusHasher;

/// A corpus as loaded: the corpus, and the
/// [`corpus_hash`](crate::search::corpus_hash) of its file's bytes, against
/// which the search engine checks its stored index (so that it neither
/// keeps the bytes nor reads them again).
pub struct Loaded {
    pub corpus: Corpus,
    pub hash: u64,
}

/// Fetches the corpus file at `url` and decodes and validates it (as
/// [`crate::corpus::load`]) while it arrives, calling `on_progress` after
/// every chunk of the body and between slices of the reading that is left
/// once it is all in.
pub async fn load_corpus(url: &str, on_progress: impl Fn(Progress)) -> Result<Loaded, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    let encoding = |valid_up_to: usize| LoadError::Encoding { url: url.to_owned(), valid_up_to };
    let window = web_sys::window().ok_or_else(|| network("no window".to_owned()))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| network(js_message(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| network(js_message(&e)))?;
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let total = response.headers().get("content-length").ok().flatten().and_then(|length| length.trim().parse().ok());
    let mut progress = Progress { received: 0, total, read: None };
    on_progress(progress);
    let mut text = ArrivingText::default();
    // (A compressed response announces less, and the rest grows as usual.)
    if let Some(total) = total {
        text.reserve(usize::try_from(total).unwrap_or(usize::MAX));
    }
    let mut hasher = CorpusHasher::default();
    let mut load = StepwiseLoad::new();
    let mut piece = Vec::new();
    // A body already at hand (from a cache, over loopback) arrives in one
    // task of many chunks unless the reader yields now and then.
    let mut slices = Slices::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let chunk = match JsFuture::from(reader.read()).await {
                Ok(chunk) => chunk,
                Err(e) => {
                    return Err(network(format!("the download broke off after {} bytes: {}", progress.received, js_message(&e))))
                }
            };
            if Reflect::get(&chunk, &"done".into()).ok().and_then(|done| done.as_bool()).unwrap_or(true) {
                break;
            }
            let Some(chunk) = Reflect::get(&chunk, &"value".into()).ok().and_then(|v| v.dyn_into::<Uint8Array>().ok()) else {
                break;
            };
            piece.resize(chunk.length() as usize, 0);
            chunk.copy_to(&mut piece);
            hasher.update(&piece);
            text.push(&piece).map_err(encoding)?;
            progress.received += piece.len() as u64;
            // Shown now: the next chunk may be long in coming.
            on_progress(progress);
            // Read what has arrived while the rest is on its way. (Nothing
            // is concluded before the text is whole.)
            while !slices.due() && matches!(load.step(text.text(), false), Step::Working { .. }) {}
            if slices.due() {
                slices.yield_to_page().await;
            }
        }
    }
    let hash = hasher.finish();
    let text = text.finish().map_err(encoding)?;
    loop {
        match load.step(text, true) {
            Step::Done(outcome) => {
                return outcome.map(|corpus| Loaded { corpus, hash }).map_err(|error| LoadError::Corpus { url: url.to_owned(), error })
            }
            Step::Working { done, .. } if slices.due() => {
                on_progress(Progress { read: Some(done as u64), ..progress });
                slices.yield_to_page().await;
            }
            Step::Working { .. } | Step::Waiting => {}
        }
    }
}

pub fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
