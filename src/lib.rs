//! Broadsheet: an embeddable, offline-capable newspaper reader.
//!
//! This library holds everything that does not need a browser: the corpus
//! model and its JSON format ([`corpus`]), reading plain-text pages into it
//! ([`ingest`]), offline full-text search
//! ([`search`]), and the reader's components
//! ([`ui`]), which compile natively so that their markup can be tested with
//! Yew's server renderer. The native command-line tool lives in
//! `src/bin/broadsheet.rs`, the wasm entry of the widget in
//! `src/bin/broadsheet-widget.rs`.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod archive;
pub mod corpus;
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub mod heap;
pub mod ingest;
pub mod search;
pub mod ui;
pub mod units;
