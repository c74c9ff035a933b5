//! Search over an archive ([`crate::archive`]) from static files: exact,
//! ranked, and fetching only the few small files a query needs.
//!
//! `broadsheet publish` builds the index a partition of editions at a time
//! ([`build`]): for every character pair, every occurrence with its
//! position, field and word boundaries; for every character, every
//! fragment holding it with its weight; for every story, its length,
//! edition, fragments and pages. Lists are spread over shards by a hash of
//! their key ([`shard_of`]), so a query fetches one shard per pair and
//! partition ([`files`] has the bytes, [`crate::archive::index_files`] the
//! JSON that names them).
//!
//! A query ([`search`]) finds exactly what the single-corpus engine finds
//! in the same editions, by the same rule ([`crate::search`]), ranked the
//! same way; [`hits`] cuts the snippets from the story's text file.

pub mod build;
pub mod files;
pub mod hits;
pub mod search;

pub use build::{plan, shard_of, BuiltPartition, EditionRef, PartitionBuild, Planned};
pub use hits::{hit, story_hit};
pub use search::{search_files, ArchiveSearch, Ranked, SearchError, Story};
