//! What a search returns, shaped for the reader and for `--json`.
//!
//! The JSON of a [`Hit`] is exactly
//! `{article, page, date, publication, headline, score, snippets: [{text, highlights: [[start, end], …]}]}`.
//! An article id is unique only within its edition, and an archive of
//! several papers has several editions of one date: `date`, `publication`
//! and `article` together name one story.
//! Highlight offsets count Unicode scalar values (Rust `char`s) of the
//! snippet's `text`, `start` inclusive, `end` exclusive: the reader slices
//! text in Rust, where chars are the natural unit, and a scalar value never
//! splits a character the way a UTF-16 code unit can.

use serde::{Deserialize, Serialize};

/// The outcome of one query.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// How many stories match, all of them, not only the ones in `hits`.
    pub total: usize,
    /// The best stories, best first.
    pub hits: Vec<Hit>,
}

/// One matching story: an article, with its continuations merged in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The index of the edition in the corpus's `editions` (article ids are
    /// unique only within an edition). Not part of the JSON: read back, a
    /// hit has edition 0 until its reader sets it (the widget's engine
    /// keeps the editions beside the JSON).
    #[serde(skip)]
    pub edition: usize,
    /// The id of the story's first fragment.
    pub article: String,
    /// The page of the story's first fragment.
    pub page: u32,
    /// The edition's date, `YYYY-MM-DD`.
    pub date: String,
    /// The title of the edition's publication (its own, or the corpus's).
    pub publication: String,
    /// The story's headline: its first fragment's that has one.
    pub headline: Option<String>,
    pub score: f32,
    /// One to three passages, each containing at least one hit.
    pub snippets: Vec<Snippet>,
}

/// A passage of an article's text with the hits in it marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// Sorted, non-overlapping `[start, end)` ranges in chars of `text`.
    pub highlights: Vec<[usize; 2]>,
}
