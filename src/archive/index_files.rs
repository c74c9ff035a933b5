//! The search index's JSON files: the index file the root names, and one
//! head per partition. Their binary files (pair and character shards,
//! chunks of stories) are [`crate::search::archive::files`]'s.
//!
//! A *partition* is a run of editions indexed together: every edition of
//! a past year, of a past month of the newest year, or of one day of the
//! newest month ([`partition_key`]). So a new day's publish indexes that
//! day alone, and a day, month or year is indexed again only when its
//! editions change or it is merged into a longer one. Its files live in a
//! folder named after a hash of their bytes: immutable, like every
//! archive file but the root.
//!
//! Nothing here reads a binary file or searches: see [`crate::search::archive`].

use serde::{Deserialize, Serialize};

use super::format::{check_date, check_path, decode, ArchiveError, Versioned};
use crate::corpus::problem::{field, index};
use crate::corpus::Problem;

pub const INDEX_FORMAT: &str = "broadsheet-search-index";
pub const PARTITION_FORMAT: &str = "broadsheet-search-partition";
/// How many stories a chunk file of a partition holds (the last one fewer).
pub const GROUPS_PER_CHUNK: u32 = 256;

/// The name, in its partition's folder, of the file of a list too long to
/// share a shard: `pair-A-B.bin` for the pair of characters A and B,
/// `char-C.bin` for the character C, in lowercase hex.
pub fn list_file(pair: bool, key: (u32, u32)) -> String {
    if pair {
        format!("pair-{:x}-{:x}.bin", key.0, key.1)
    } else {
        format!("char-{:x}.bin", key.0)
    }
}

/// The search index of an archive, named by the root's `search`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub format: String,
    pub version: u64,
    /// Oldest first; their dates do not overlap.
    pub partitions: Vec<PartitionEntry>,
}

/// One partition: what a query needs to know before fetching from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartitionEntry {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the span it covers.
    pub key: String,
    /// The dates of its first and last editions.
    pub from: String,
    pub to: String,
    /// Where its files are: `FOLDER/head.json`, `FOLDER/lengths.bin`,
    /// `FOLDER/pairs-K.bin`, `FOLDER/chars-K.bin`, `FOLDER/groups-K.bin`,
    /// and the lists too long
    /// to share a shard ([`list_file`]), which the shards name.
    pub folder: String,
    /// xxh3-64 (16 hex digits) of its editions' file names, in order: the
    /// same editions give the same partition, which a publish keeps.
    pub sources: String,
    pub editions: u32,
    /// Its stories (continued fragments count once) and their normalized
    /// characters, summed: the ranking's collection statistics.
    pub groups: u32,
    pub length: u64,
    /// How many files of each kind: a pair or character is in the shard
    /// [`crate::search::archive::shard_of`] says.
    pub pair_shards: u32,
    pub char_shards: u32,
}

/// A partition's editions, for dates and hits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartitionHead {
    pub format: String,
    pub version: u64,
    pub editions: Vec<HeadEdition>,
}

/// One edition of a partition, its stories numbered after those before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadEdition {
    pub date: String,
    /// The publication's title.
    pub publication: String,
    /// The edition file ([`super::EditionFile`]).
    pub edition: String,
    pub groups: u32,
    /// The folder of its story texts, as its outline names it
    /// ([`super::stories`]): a hit's snippets are cut from its story's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stories: Option<String>,
}

/// The partition an edition of `date` belongs to when the archive's newest
/// edition is of `newest`: its year before the newest year, its month
/// before the newest month, its day otherwise.
pub fn partition_key(date: &str, newest: &str) -> String {
    if date.get(..4) < newest.get(..4) {
        date[..4].to_owned()
    } else if date.get(..7) < newest.get(..7) {
        date[..7].to_owned()
    } else {
        date.to_owned()
    }
}

impl PartitionEntry {
    pub fn head(&self) -> String {
        format!("{}/head.json", self.folder)
    }
    pub fn pairs(&self, shard: u32) -> String {
        format!("{}/pairs-{shard}.bin", self.folder)
    }
    pub fn chars(&self, shard: u32) -> String {
        format!("{}/chars-{shard}.bin", self.folder)
    }
    pub fn chunks(&self) -> u32 {
        self.groups.div_ceil(GROUPS_PER_CHUNK)
    }
    pub fn lengths(&self) -> String {
        format!("{}/lengths.bin", self.folder)
    }
    pub fn groups_file(&self, chunk: u32) -> String {
        format!("{}/groups-{chunk}.bin", self.folder)
    }
    /// The file of the list of `key` that a shard says has a file of its own.
    pub fn list(&self, pair: bool, key: (u32, u32)) -> String {
        format!("{}/{}", self.folder, list_file(pair, key))
    }
    /// Every file of the partition but its lists' own files, which its shards name.
    pub fn files(&self) -> Vec<String> {
        let mut files = vec![self.head(), self.lengths()];
        files.extend((0..self.pair_shards).map(|k| self.pairs(k)));
        files.extend((0..self.char_shards).map(|k| self.chars(k)));
        files.extend((0..self.chunks()).map(|k| self.groups_file(k)));
        files
    }
}

impl SearchIndex {
    pub fn decode(text: &str) -> Result<SearchIndex, ArchiveError> {
        decode(text)
    }

    /// The stories of the whole index.
    pub fn groups(&self) -> u64 {
        self.partitions.iter().map(|partition| u64::from(partition.groups)).sum()
    }
}

impl Versioned for SearchIndex {
    const FORMAT: &'static str = INDEX_FORMAT;

    fn head(&self) -> (&str, u64) {
        (&self.format, self.version)
    }

    fn check(&self, problems: &mut Vec<Problem>) {
        for (p, partition) in self.partitions.iter().enumerate() {
            let path = index("partitions", p);
            check_date(&partition.from, &field(&path, "from"), problems);
            check_date(&partition.to, &field(&path, "to"), problems);
            if partition.from > partition.to || !partition.from.starts_with(&partition.key) || !partition.to.starts_with(&partition.key) {
                problems.push(Problem::new(field(&path, "key"), "its editions' dates are not within its key"));
            }
            if p > 0 && self.partitions[p - 1].to >= partition.from {
                problems.push(Problem::new(field(&path, "from"), "partitions are listed oldest first and do not overlap"));
            }
            check_path(&partition.folder, &field(&path, "folder"), problems);
            if partition.pair_shards == 0 || partition.char_shards == 0 {
                problems.push(Problem::new(path.clone(), "a partition has at least one shard of each kind"));
            }
        }
        let stories: u64 = self.groups();
        if u32::try_from(stories).is_err() {
            problems.push(Problem::new("partitions", "more than 4,294,967,295 stories"));
        }
    }
}

impl PartitionHead {
    pub fn decode(text: &str) -> Result<PartitionHead, ArchiveError> {
        decode(text)
    }
}

impl Versioned for PartitionHead {
    const FORMAT: &'static str = PARTITION_FORMAT;

    fn head(&self) -> (&str, u64) {
        (&self.format, self.version)
    }

    fn check(&self, problems: &mut Vec<Problem>) {
        for (e, edition) in self.editions.iter().enumerate() {
            let path = index("editions", e);
            check_date(&edition.date, &field(&path, "date"), problems);
            if e > 0 && self.editions[e - 1].date > edition.date {
                problems.push(Problem::new(field(&path, "date"), "editions are listed oldest first"));
            }
            check_path(&edition.edition, &field(&path, "edition"), problems);
            if let Some(stories) = &edition.stories {
                check_path(stories, &field(&path, "stories"), problems);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_years_and_months_are_merged_the_newest_month_is_by_day() {
        assert_eq!(partition_key("2023-05-06", "2025-03-04"), "2023");
        assert_eq!(partition_key("2025-02-28", "2025-03-04"), "2025-02");
        assert_eq!(partition_key("2025-03-01", "2025-03-04"), "2025-03-01");
        assert_eq!(partition_key("2025-03-04", "2025-03-04"), "2025-03-04");
    }
}
