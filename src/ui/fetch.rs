//! Downloading the corpus in the browser (wasm only), reporting the bytes
//! received as they arrive so the reader can show progress.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::load_error::LoadError;
use super::progress::Progress;
use crate::corpus::{self, Corpus};

/// Fetches the corpus file at `url`, calling `on_progress` after every
/// chunk of the body. The bytes are kept: the search engine checks its
/// stored index against exactly these.
pub async fn fetch_corpus_bytes(url: &str, on_progress: impl Fn(Progress)) -> Result<Vec<u8>, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    let window = web_sys::window().ok_or_else(|| network("no window".to_owned()))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| network(js_message(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| network(js_message(&e)))?;
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let total = response.headers().get("content-length").ok().flatten().and_then(|length| length.trim().parse().ok());
    let mut progress = Progress { received: 0, total };
    on_progress(progress);
    let mut bytes = Vec::new();
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
            progress.received = bytes.len() as u64;
            on_progress(progress);
        }
    }
    Ok(bytes)
}

/// Decodes and validates the corpus fetched from `url`.
pub fn read_corpus(url: &str, bytes: &[u8]) -> Result<Corpus, LoadError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| LoadError::Encoding { url: url.to_owned(), valid_up_to: e.valid_up_to() })?;
    corpus::load(text).map_err(|error| LoadError::Corpus { url: url.to_owned(), error })
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
