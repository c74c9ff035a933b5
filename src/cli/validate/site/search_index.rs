//! The archive's search index, as `validate SITE` checks it: the index file
//! the root names must cover exactly the archive's editions, partition by
//! partition; every file of every partition must be there, decode (every
//! list in every shard), agree with its entry (editions, dates, stories,
//! lengths) and hash to its folder's name. One partition's file is in
//! memory at a time.

use super::Check;
use crate::archive::index_files::{PartitionEntry, PartitionHead, SearchIndex};
use crate::search::archive::files::{decode_char_list, decode_groups, decode_pair_list, decode_shard, Kind};
use crate::search::archive::{plan, EditionRef};

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
        let mut hasher = xxhash_rust::xxh3::Xxh3Default::new();
        let (mut groups, mut length) = (0u64, 0u64);
        let mut files = entry.files();
        // Hashed in the order the build wrote them: the head last.
        files.rotate_left(1);
        for file in &files {
            let bytes = match std::fs::read(self.site.path(file)) {
                Ok(bytes) => bytes,
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    self.problem(file, "missing");
                    continue;
                }
                Err(error) => {
                    self.problem(file, format!("cannot read it: {error}"));
                    continue;
                }
            };
            let stem = file.rsplit('/').next().unwrap_or(file);
            hasher.update(stem.as_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
            let checked = if stem == "head.json" {
                self.head(file, entry, &bytes);
                Ok(())
            } else if stem.starts_with("groups-") {
                decode_groups(&bytes).map(|chunk| {
                    groups += chunk.len() as u64;
                    length += chunk.iter().map(|story| u64::from(story.len)).sum::<u64>();
                })
            } else {
                let pairs = stem.starts_with("pairs-");
                decode_shard(if pairs { Kind::Pairs } else { Kind::Chars }, &bytes).and_then(|shard| {
                    shard.keys().try_for_each(|key| {
                        let list = shard.list(key).unwrap_or_default();
                        if pairs { decode_pair_list(list).map(drop) } else { decode_char_list(list).map(drop) }
                    })
                })
            };
            if let Err(error) = checked {
                self.problem(file, error);
            }
        }
        let path = format!("partitions[{p}]");
        if (groups, length) != (u64::from(entry.groups), entry.length) {
            let says = format!("{path}: says {} stories of {} characters; its chunks hold {groups} of {length}", entry.groups, entry.length);
            self.problem(index, says);
        }
        if !entry.folder.ends_with(&format!(".{:016x}", hasher.digest())) {
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
    }
}
