//! The archive: a newspaper's editions as static files that any host or CDN
//! serves, fetched by the reader an edition (and a page) at a time.
//!
//! One small root (`archive.json`) names, per publication, the newest
//! edition and one calendar per year; a calendar names each edition's
//! file; an edition file holds the edition's outline (pages, and every
//! article's heads and jumps, without text) and names one text file per
//! page, itself a corpus of one page ([`crate::corpus`], version 1), and a
//! folder with one text file per story, for search hits ([`stories`]). Every
//! file but the root is immutable and named after a hash of its bytes
//! ([`address`]). The format is documented in `docs/archive-format.md`.
//!
//! The root may name a search index ([`index_files`]): partitions of
//! editions, each a folder of files a query fetches a few of
//! ([`crate::search::archive`]).
//!
//! [`format`] holds the file types and their decoding, [`split`] cuts an
//! edition into its outline and page texts and puts them back together,
//! checking that they agree; [`stories`] does the same for story texts. This module does no I/O: `broadsheet publish`
//! and `broadsheet validate` read and write the files, the reader fetches
//! them.

pub mod address;
pub mod format;
pub mod index_files;
pub mod split;
pub mod stories;

pub use address::{content_name, hash_of_name, is_archive_path};
pub use format::{ArchiveError, Calendar, CalendarDay, EditionFile, OutlinePage, PublicationEntry, Root, YearEntry};
pub use split::{assemble_outline, attach_page, split_edition, PageText, SplitEdition};
pub use stories::{check_story, story_file, story_texts, StoryTexts};

/// The name of the root file inside the archive folder.
pub const ROOT_FILE: &str = "archive.json";
/// The archive format version this build reads and writes.
pub const VERSION: u64 = 1;
