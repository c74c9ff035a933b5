//! Fetching an archive's files (wasm only): the root, then each file a
//! view needs, checked against the hash its name carries before it is
//! decoded, so that a file cut short, stale or from another archive is
//! named as such instead of being read as something else.
//!
//! A file kept for offline reading ([`super::store`]) is read from there,
//! without the network: its name promises its content. The root is asked
//! of the network first, kept each time it arrives, and read from the kept
//! copy when the network fails. Offline, a file that was not kept is
//! [`LoadError::NotSaved`]. The first view's root and edition may have
//! been fetched by the loader already ([`super::preload`]).

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::location::ArchiveLocation;
use super::state::{ArchiveState, Need};
use crate::archive::{address::matches_name, ArchiveError, Calendar, EditionFile, Root};
use crate::ui::fetch::js_message;
use crate::ui::load_error::LoadError;

/// The archive's root, for a new [`ArchiveState`].
pub async fn open(location: &ArchiveLocation) -> Result<ArchiveState, LoadError> {
    let url = &location.root;
    let fetched = match super::preload::root(url).await {
        Some(response) => body(url, response).await,
        None => network(url).await,
    };
    let bytes = match fetched {
        Ok(bytes) => {
            // Kept for offline reading, without holding up the first view.
            let (url, kept) = (url.clone(), bytes.clone());
            wasm_bindgen_futures::spawn_local(async move {
                super::store::write(&url, &kept).await;
            });
            bytes
        }
        Err(error @ LoadError::Network { .. }) => super::store::read(url).await.ok_or(error)?,
        Err(error) => return Err(error),
    };
    let text = text(url, bytes)?;
    let root = Root::decode(&text).map_err(|error| LoadError::Archive { url: url.clone(), error })?;
    Ok(ArchiveState::new(root))
}

/// Fetches the file `need` names and takes it into `state`.
pub async fn take(state: &RefCell<ArchiveState>, location: &ArchiveLocation, need: &Need) -> Result<(), LoadError> {
    let name = match need {
        Need::Calendar(name) | Need::Edition(name) => name,
        Need::Page { text, .. } => text,
        Need::Nothing => return Ok(()),
    };
    let url = location.file(name);
    let bytes = named(location, name).await?;
    // The newest edition's files and calendar go into the offline store as they come,
    // so that keeping it whole does not fetch them a second time.
    let newest = match need {
        Need::Edition(edition) | Need::Page { edition, .. } => state.borrow().is_newest(edition),
        Need::Calendar(calendar) => state.borrow().is_newest_calendar(calendar),
        Need::Nothing => false,
    };
    if newest {
        let (url, bytes) = (url.clone(), bytes.clone());
        wasm_bindgen_futures::spawn_local(async move {
            super::store::write(&url, &bytes).await;
        });
    }
    let text = text(&url, bytes)?;
    let archive_error = |error: ArchiveError| LoadError::Archive { url: url.clone(), error };
    match need {
        Need::Calendar(name) => state.borrow_mut().add_calendar(name, Calendar::decode(&text).map_err(archive_error)?),
        Need::Edition(name) => state.borrow_mut().add_edition(name, EditionFile::decode(&text).map_err(archive_error)?),
        Need::Page { edition, number, .. } => {
            let corpus = crate::corpus::load(&text).map_err(|error| LoadError::Corpus { url: url.clone(), error })?;
            state.borrow_mut().add_page(edition, *number, corpus).map_err(|problems| archive_error(ArchiveError::Invalid(problems)))?;
        }
        Need::Nothing => {}
    }
    Ok(())
}

/// The bytes of the content-addressed file `name`: kept, or from the
/// network; checked against the hash in its name either way.
pub async fn named(location: &ArchiveLocation, name: &str) -> Result<Vec<u8>, LoadError> {
    let url = location.file(name);
    // The loader's head start first: it is on its way already.
    let preloaded = match super::preload::edition(&location.root, &url).await {
        Some(response) => body(&url, response).await.ok(),
        None => None,
    };
    let bytes = match preloaded {
        Some(bytes) => bytes,
        None => match super::store::read(&url).await {
            Some(bytes) => bytes,
            None => network_or_not_saved(&url).await?,
        },
    };
    if matches_name(name, &bytes) {
        Ok(bytes)
    } else {
        Err(LoadError::Damaged { url })
    }
}

/// The bytes of the search index's file `name`, from the network: files in
/// a partition's folder carry no hash in their names (the folder's name
/// does), and each checks its own bytes as it is decoded.
pub async fn index_file(location: &ArchiveLocation, name: &str) -> Result<Vec<u8>, LoadError> {
    network_or_not_saved(&location.file(name)).await
}

/// The bytes of `url` from the network; offline, a failure to reach it is
/// [`LoadError::NotSaved`].
async fn network_or_not_saved(url: &str) -> Result<Vec<u8>, LoadError> {
    network(url).await.map_err(|error| match error {
        LoadError::Network { url, .. } if !online() => LoadError::NotSaved { url },
        other => other,
    })
}

/// Whether the browser believes it has a network.
pub fn online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

thread_local! {
    /// Requests on their way, by URL: a second caller of the same file (date
    /// browsing and keeping a year's calendar at once) waits for the same
    /// response instead of asking again.
    static ON_THE_WAY: RefCell<HashMap<String, Promise>> = RefCell::new(HashMap::new());
}

/// Starts the request for `url` unless it is on its way already, so that
/// many files can be on their way at once (keeping an edition whole).
pub fn start(url: &str) -> Option<Promise> {
    let window = web_sys::window()?;
    Some(ON_THE_WAY.with(|on_the_way| on_the_way.borrow_mut().entry(url.to_owned()).or_insert_with(|| window.fetch_with_str(url)).clone()))
}

/// Drops the request for `url` that [`start`] began and nobody took, so
/// that a later read asks the network anew.
pub fn forget(url: &str) {
    ON_THE_WAY.with(|on_the_way| on_the_way.borrow_mut().remove(url));
}

async fn network(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    let promise = start(url).ok_or_else(|| network("no window".to_owned()))?;
    let response = JsFuture::from(promise).await;
    ON_THE_WAY.with(|on_the_way| on_the_way.borrow_mut().remove(url));
    let response: web_sys::Response = response.map_err(|e| network(js_message(&e)))?.dyn_into().map_err(|e| network(js_message(&e)))?;
    // Each caller reads a copy: another may hold the same response.
    body(url, response.clone().map_err(|e| network(js_message(&e)))?).await
}

/// The bytes of `response` to a request for `url`, unless it failed.
async fn body(url: &str, response: web_sys::Response) -> Result<Vec<u8>, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.to_owned(), detail };
    if !response.ok() {
        return Err(LoadError::Status { url: url.to_owned(), status: response.status(), status_text: response.status_text() });
    }
    let buffer = response.array_buffer().map_err(|e| network(js_message(&e)))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| network(format!("the download broke off: {}", js_message(&e))))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn text(url: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes)
        .map_err(|error| LoadError::Encoding { url: url.to_owned(), valid_up_to: error.utf8_error().valid_up_to() })
}
