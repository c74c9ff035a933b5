//! The archive's search index, as `validate SITE` checks it: the index file
//! the root names must cover exactly the archive's editions, partition by
//! partition; every file of every partition must be there, decode (every
//! list in every shard and every list file the shards name), agree with its
//! entry (editions, dates, stories, lengths) and hash to its folder's name.
//! One partition's files are in memory at a time.

use super::Check;
use crate::archive::index_files::{PartitionEntry, PartitionHead, SearchIndex};
use crate::archive::address::folder_hash;
use crate::search::archive::files::{decode_char_list, decode_groups, decode_lengths, decode_list, decode_shard, Kind, ListAt, PairListReader};
use crate::search::archive::{plan, EditionRef};
use crate::search::IndexError;

/// Reads one list of `kind` whole, for its damage.
fn decode(kind: Kind, list: &[u8]) -> Result<(), IndexError> {
    match kind {
        Kind::Pairs => PairListReader::new(list).try_for_each(|occurrence| occurrence.map(drop)),
        _ => decode_char_list(list).map(drop),
    }
}

impl Check<'_> {
    /// Checks the index file `name` against `editions`, every edition of
    /// the archive.
    pub(super) fn search_index(&mut self, name: &str, mut editions: Vec<EditionRef>) {
        let Some(text) = self.text(name) else { return };
        let index = match SearchIndex::decode(&text) {
            Ok(index) => index,
            Err(error) => {
                error.lines().into_iter().for_each(|line| self.problem(name, line));
                return;
            }
        };
        editions.sort();
        let planned: Vec<(String, String)> = plan(&editions).into_iter().map(|planned| (planned.key, planned.sources)).collect();
        let indexed: Vec<(String, String)> = index.partitions.iter().map(|entry| (entry.key.clone(), entry.sources.clone())).collect();
        if planned != indexed {
            self.problem(name, "does not index the archive's editions as they are; publish again to index them");
        }
        for (p, entry) in index.partitions.iter().enumerate() {
            self.partition(name, p, entry);
        }
    }

    fn partition(&mut self, index: &str, p: usize, entry: &PartitionEntry) {
        let (mut groups, mut length) = (0u64, 0u64);
        let mut lengths: Option<Vec<u32>> = None;
        let mut chunked: Vec<u32> = Vec::new();
        let mut files = entry.files();
        let mut read: Vec<(String, Vec<u8>)> = Vec::new();
        let mut at = 0;
        while let Some(file) = files.get(at).cloned() {
            at += 1;
            let bytes = match std::fs::read(self.site.path(&file)) {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    self.problem(&file, "missing");
                    continue;
                }
                Err(error) => {
                    self.problem(&file, format!("cannot read it: {error}"));
                    continue;
                }
            };
            let stem = file.rsplit('/').next().unwrap_or(&file).to_owned();
            let kind = if stem.starts_with("pair") { Kind::Pairs } else { Kind::Chars };
            let checked = if stem == "head.json" {
                self.head(&file, entry, &bytes);
                Ok(())
            } else if stem.starts_with("groups-") {
                decode_groups(&bytes).map(|chunk| {
                    groups += chunk.len() as u64;
                    length += chunk.iter().map(|story| u64::from(story.len)).sum::<u64>();
                    chunked.extend(chunk.iter().map(|story| story.len));
                })
            } else if stem == "lengths.bin" {
                decode_lengths(&bytes).map(|read| lengths = Some(read))
            } else if stem.starts_with("pairs-") || stem.starts_with("chars-") {
                decode_shard(kind, &bytes).and_then(|shard| {
                    shard.keys().try_for_each(|(key, own)| {
                        if own {
                            files.push(entry.list(kind == Kind::Pairs, key));
                            return Ok(());
                        }
                        match shard.list(key) {
                            Some(ListAt::Here(list)) => decode(kind, list),
                            _ => Ok(()),
                        }
                    })
                })
            } else {
                decode_list(kind, &bytes).and_then(|list| decode(kind, list))
            };
            if let Err(error) = checked {
                self.problem(&file, error);
            }
            read.push((stem, bytes));
        }
        let path = format!("partitions[{p}]");
        if (groups, length) != (u64::from(entry.groups), entry.length) {
            let says = format!("{path}: says {} stories of {} characters; its chunks hold {groups} of {length}", entry.groups, entry.length);
            self.problem(index, says);
        }
        if lengths.as_ref().is_some_and(|lengths| *lengths != chunked) {
            self.problem(&entry.lengths(), "its lengths are not those of the stories in the partition's chunks");
        }
        read.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let hash = folder_hash(read.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())));
        if !entry.folder.ends_with(&format!(".{hash:016x}")) {
            self.problem(index, format!("{path}.folder: its files do not hash to its name"));
        }
    }

    fn head(&mut self, file: &str, entry: &PartitionEntry, bytes: &[u8]) {
        let head = match std::str::from_utf8(bytes).map_err(|_| vec!["not UTF-8".to_owned()]).and_then(|text| PartitionHead::decode(text).map_err(|error| error.lines())) {
            Ok(head) => head,
            Err(lines) => {
                lines.into_iter().for_each(|line| self.problem(file, line));
                return;
            }
        };
        let dates = (head.editions.first().map(|e| e.date.as_str()), head.editions.last().map(|e| e.date.as_str()));
        let stories: u64 = head.editions.iter().map(|edition| u64::from(edition.groups)).sum();
        if dates != (Some(entry.from.as_str()), Some(entry.to.as_str())) || head.editions.len() as u64 != u64::from(entry.editions) || stories != u64::from(entry.groups) {
            self.problem(file, "its editions are not those its partition's entry describes");
        }
        for (e, edition) in head.editions.iter().enumerate() {
            let outline_says = self.story_folders.get(&edition.edition);
            if outline_says.is_some_and(|folder| *folder != edition.stories) {
                self.problem(file, format!("editions[{e}].stories: not the story folder its edition file names"));
            }
        }
    }
}
