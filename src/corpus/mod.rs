//! The corpus: the versioned JSON document that the CLI writes and the widget
//! reads.
//!
//! [`model`] holds the types, [`decode`](mod@decode) turns JSON text into them while
//! collecting every structural problem with its JSON path, and [`validate`]
//! checks the rules that span several fields (unique ids, jumps that point
//! back, pages that exist); [`stepwise`] does both a piece at a time, for
//! the browser, with the help of [`outline`]. The format itself is documented in
//! `docs/corpus-format.md` and shipped as a JSON Schema in
//! `www/corpus.schema.json`.
//!
//! This module does not read files or talk to the network: callers hand it
//! text, so the same code serves the CLI and the browser.

pub mod decode;
mod fast;
pub mod model;
pub mod outline;
pub mod problem;
pub mod stepwise;
pub mod surrogates;
pub mod url;
pub mod validate;

pub use decode::{decode, DecodeError};
pub use model::*;
pub use problem::Problem;

/// The value of the top-level `format` field.
pub const FORMAT: &str = "broadsheet-corpus";
/// The corpus format version this build reads and writes.
pub const VERSION: u64 = 1;

/// Decodes `text` and checks every rule of the format: the one call a reader
/// of untrusted corpus text needs.
///
/// On failure the error lists every problem found, each with its JSON path.
pub fn load(text: &str) -> Result<Corpus, DecodeError> {
    let corpus = decode(text)?;
    let problems = validate::validate(&corpus);
    if problems.is_empty() {
        Ok(corpus)
    } else {
        Err(DecodeError::Invalid(problems))
    }
}

/// Serializes a corpus as the pretty-printed JSON the CLI writes.
pub fn to_json(corpus: &Corpus) -> String {
    let mut text = serde_json::to_string_pretty(corpus).expect("the corpus model always serializes");
    text.push('\n');
    text
}
