//! Building one partition of the archive index from its editions.
//!
//! Editions are read in order, each one's stories
//! ([`crate::search::groups`]) and each story's fragments in reading order,
//! as the single-corpus index lays them out. Every unit is normalized and
//! its word boundaries marked exactly as [`crate::search::text_index`]
//! does; each character pair's occurrence is written to its list with its
//! field and boundaries ([`Meta`]), each character's to its list with its
//! field boost. Lists are written as they grow, so memory holds the
//! encoded lists (about the size of the index) and one edition.
//!
//! This module does not read or write files: `broadsheet publish` gives it
//! the editions and writes what it returns.

use rustc_hash::FxHashMap;

use super::files::{encode_groups, encode_lengths, encode_list, encode_shard, CharListWriter, GroupEntry, Kind, Meta, Occurrence, PairListWriter, Stored};
use crate::archive::address::folder_hash;
use crate::archive::index_files::{list_file, partition_key, HeadEdition, PartitionEntry, PartitionHead, GROUPS_PER_CHUNK, PARTITION_FORMAT};
use crate::corpus::Edition;
use crate::search::analyzer::{is_word_char, WordMarks};
use crate::search::fields;
use crate::search::groups::fragment_groups;
use crate::search::normalize::normalize;

/// About how many bytes of lists a shard holds: a rare pair's query
/// fetches one shard of about this size per partition.
const SHARD_BYTES: usize = 4 * 1024;
/// A list longer than this has a file of its own, so that a shard stays
/// small whatever its keys: a common pair costs the queries that ask for
/// it, not those that ask for its shard's rare pairs.
const OWN_FILE_BYTES: usize = 1024;

/// The shard of `shards` that holds the list of `key` (a pair, or a
/// character and 0).
pub fn shard_of(key: (u32, u32), shards: u32) -> u32 {
    let mut bytes = [0u8; 8];
    bytes[..4].copy_from_slice(&key.0.to_le_bytes());
    bytes[4..].copy_from_slice(&key.1.to_le_bytes());
    (xxhash_rust::xxh3::xxh3_64(&bytes) % u64::from(shards.max(1))) as u32
}

/// An edition as the index knows it: its date, its publication's title and
/// its file in the archive.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EditionRef {
    pub date: String,
    pub publication: String,
    pub file: String,
}

/// A partition to be: its key, the hash of its editions' files
/// ([`PartitionEntry::sources`]) and its editions, a range of those planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub key: String,
    pub sources: String,
    pub editions: std::ops::Range<usize>,
}

/// The partitions of an archive whose editions are `editions`, in the
/// index's order: by date, then publication title.
pub fn plan(editions: &[EditionRef]) -> Vec<Planned> {
    debug_assert!(editions.windows(2).all(|pair| pair[0] <= pair[1]), "editions are planned in order");
    let Some(newest) = editions.last().map(|edition| edition.date.clone()) else { return Vec::new() };
    let mut planned: Vec<Planned> = Vec::new();
    for (e, edition) in editions.iter().enumerate() {
        let key = partition_key(&edition.date, &newest);
        match planned.last_mut() {
            Some(last) if last.key == key => last.editions.end = e + 1,
            _ => planned.push(Planned { key, sources: String::new(), editions: e..e + 1 }),
        }
    }
    for partition in &mut planned {
        let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
        for edition in &editions[partition.editions.clone()] {
            hasher.update(edition.file.as_bytes());
            hasher.update(b"\n");
        }
        partition.sources = format!("{:016x}", hasher.digest());
    }
    planned
}

/// A partition being built: [`PartitionBuild::add`] each edition, in
/// order, then [`PartitionBuild::finish`].
#[derive(Default)]
pub struct PartitionBuild {
    pairs: FxHashMap<(u32, u32), PairListWriter>,
    chars: FxHashMap<u32, CharListWriter>,
    groups: Vec<GroupEntry>,
    editions: Vec<HeadEdition>,
    length: u64,
    /// Reused from unit to unit.
    chars_of_unit: Vec<char>,
}

/// A built partition: its entry in the index file, and its files (names
/// relative to the entry's folder) with their bytes.
pub struct BuiltPartition {
    pub entry: PartitionEntry,
    pub files: Vec<(String, Vec<u8>)>,
}

impl PartitionBuild {
    /// Adds `edition`, of the publication titled `publication`, kept in
    /// the archive's file `file` with its story texts in `stories`.
    pub fn add(&mut self, edition: &Edition, publication: &str, file: &str, stories: Option<String>) {
        let first_group = self.groups.len();
        let edition_index = self.editions.len() as u32;
        for fragments in fragment_groups(edition) {
            let group = self.groups.len() as u32;
            let mut entry = GroupEntry { edition: edition_index, len: 0, fragments: Vec::with_capacity(fragments.len()) };
            for (fragment, &a) in fragments.iter().enumerate() {
                let article = &edition.articles[a];
                entry.fragments.push((a as u32, article.page));
                let mut position = 0u32;
                for (source, text) in fields::units(article) {
                    let len = self.unit(text, group, fragment as u32, position, source.field.code(), u32::from(source.field.boost()));
                    entry.len += len;
                    position += len + 1;
                }
            }
            self.length += u64::from(entry.len);
            self.groups.push(entry);
        }
        self.editions.push(HeadEdition {
            date: edition.date.clone(),
            publication: publication.to_owned(),
            edition: file.to_owned(),
            groups: (self.groups.len() - first_group) as u32,
            stories,
        });
    }

    /// Lists one unit of `text` starting at `position` of its fragment;
    /// returns its normalized length.
    fn unit(&mut self, text: &str, group: u32, fragment: u32, position: u32, field: u8, boost: u32) -> u32 {
        let chars = &mut self.chars_of_unit;
        chars.clear();
        chars.extend(normalize(text).chars());
        // Marked as the single-corpus index marks its stream, one position
        // later: a separator (no word) stands before the unit.
        let mut marks = WordMarks::new(chars.len() + 3);
        marks.mark_unit(1, chars, |index| is_word_char(chars[index]));
        for (i, &c) in chars.iter().enumerate() {
            self.chars.entry(c as u32).or_default().push(group, fragment, boost);
            let Some(&next) = chars.get(i + 1) else { continue };
            let meta = Meta::new(field, marks.boundary(1 + i), marks.word_end(1 + i + 2), i + 2 == chars.len());
            let occurrence = Occurrence { group, fragment, position: position + i as u32, meta };
            self.pairs.entry((c as u32, next as u32)).or_default().push(occurrence);
        }
        chars.len() as u32
    }

    /// The partition's entry (for the editions it was given, under `key`)
    /// and files; its folder is `search/KEY.HASH`, HASH that of the files.
    pub fn finish(self, key: &str, sources: &str) -> BuiltPartition {
        let mut files = Vec::new();
        let pairs: Lists = self.pairs.into_iter().map(|(key, list)| (key, list.bytes())).collect();
        let pair_shards = shards(pairs, "pairs", &mut files, Kind::Pairs);
        let chars: Lists = self.chars.into_iter().map(|(c, list)| ((c, 0), list.bytes())).collect();
        let char_shards = shards(chars, "chars", &mut files, Kind::Chars);
        for (k, chunk) in self.groups.chunks(GROUPS_PER_CHUNK as usize).enumerate() {
            files.push((format!("groups-{k}.bin"), encode_groups(chunk)));
        }
        let lengths: Vec<u32> = self.groups.iter().map(|story| story.len).collect();
        files.push(("lengths.bin".to_owned(), encode_lengths(&lengths)));
        let date = |edition: Option<&HeadEdition>| edition.map(|edition| edition.date.clone()).unwrap_or_default();
        let (from, to) = (date(self.editions.first()), date(self.editions.last()));
        let editions = self.editions.len() as u32;
        let head = PartitionHead { format: PARTITION_FORMAT.to_owned(), version: crate::archive::VERSION, editions: self.editions };
        files.push(("head.json".to_owned(), serde_json::to_vec(&head).expect("a head always serializes")));
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let hash = folder_hash(files.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())));
        let entry = PartitionEntry {
            key: key.to_owned(),
            from,
            to,
            folder: format!("search/{key}.{hash:016x}"),
            sources: sources.to_owned(),
            editions,
            groups: self.groups.len() as u32,
            length: self.length,
            pair_shards,
            char_shards,
        };
        BuiltPartition { entry, files }
    }
}

/// Encoded lists by key (a pair, or a character and 0).
type Lists = Vec<((u32, u32), Vec<u8>)>;

/// Spreads `lists` over enough shards of about [`SHARD_BYTES`], each list
/// longer than [`OWN_FILE_BYTES`] in a file of its own ([`list_file`]);
/// adds the files to `files`, shards as `STEM-K.bin`; returns how many shards.
fn shards(lists: Lists, stem: &str, files: &mut Vec<(String, Vec<u8>)>, kind: Kind) -> u32 {
    let bytes: usize = lists.iter().filter(|(_, list)| list.len() <= OWN_FILE_BYTES).map(|(_, list)| list.len() + 6).sum();
    let count = bytes.div_ceil(SHARD_BYTES).max(1) as u32;
    let mut spread: Vec<Vec<((u32, u32), Stored)>> = (0..count).map(|_| Vec::new()).collect();
    for (key, list) in lists {
        let stored = if list.len() > OWN_FILE_BYTES {
            files.push((list_file(kind == Kind::Pairs, key), encode_list(kind, &list)));
            Stored::OwnFile
        } else {
            Stored::Here(list)
        };
        spread[shard_of(key, count) as usize].push((key, stored));
    }
    for (k, mut shard) in spread.into_iter().enumerate() {
        shard.sort_unstable_by_key(|(key, _)| *key);
        files.push((format!("{stem}-{k}.bin"), encode_shard(kind, &shard)));
    }
    count
}
