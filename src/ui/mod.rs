//! The reader widget's Yew components.
//!
//! State lives in one place, [`app::App`], which loads the corpus, keeps the
//! route ([`router`]) and the reading settings ([`prefs`]) and picks the
//! view; every other component takes plain props and only lays them out, so
//! each one renders natively under Yew's server renderer in tests. The
//! rules behind the views (routes, lookups, stitching, names) are plain
//! functions in their own modules. Fetching is compiled for wasm only.

pub mod app;
pub mod article;
pub mod control;
pub mod edition;
pub mod error_panel;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod figure;
pub mod history;
pub mod image_url;
pub mod isolated;
pub mod jump;
pub mod labels;
pub mod landmark;
pub mod link;
pub mod load_error;
pub mod masthead;
pub mod options;
pub mod page;
pub mod page_strip;
pub mod page_turn;
pub mod place;
pub mod prefs;
pub mod progress;
pub mod reader;
pub mod route;
pub mod router;
pub mod search;
pub mod shared;
pub mod stitch;
pub mod strings;
pub mod toolbar;
pub mod utf8;
