//! The reader widget's Yew components.
//!
//! State lives in one place, [`app::App`], which loads the corpus and picks
//! the view; every other component takes plain props and only lays them out,
//! so each one renders natively under Yew's server renderer in tests. Fetching
//! and other browser work is in modules compiled for wasm only.

pub mod app;
pub mod edition;
pub mod error_panel;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod load_error;
pub mod options;
