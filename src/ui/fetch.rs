//! Downloading the corpus in the browser (wasm only).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::load_error::LoadError;
use crate::corpus::{self, Corpus};

/// Fetches, decodes and validates the corpus at `url`.
pub async fn fetch_corpus(url: &str) -> Result<Corpus, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    let window = web_sys::window().ok_or_else(|| network("no window".to_owned()))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| network(js_message(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| network(js_message(&e)))?;
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let text = JsFuture::from(response.text().map_err(|e| network(js_message(&e)))?)
        .await
        .map_err(|e| network(js_message(&e)))?;
    let text = text.as_string().unwrap_or_default();
    corpus::load(&text).map_err(|error| LoadError::Corpus { url: url.to_owned(), error })
}

fn js_message(value: &wasm_bindgen::JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the request failed".to_owned())
}
