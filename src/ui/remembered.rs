//! What the reader remembers in the browser's localStorage: the reading
//! preferences, and which editions were saved for offline reading (so that
//! the reader can tell what the browser took back). Storage can be switched
//! off or throw (private modes, sandboxed frames): the reader then simply
//! does not remember. Outside the browser (server rendering in tests)
//! nothing is stored.

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value stored under `key`, if any.
#[cfg(target_arch = "wasm32")]
pub fn stored(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`, when the browser lets it.
#[cfg(target_arch = "wasm32")]
pub fn store(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn stored(_key: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn store(_key: &str, _value: &str) {}
