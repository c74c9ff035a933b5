//! The archive index's binary files: pair shards, character shards and
//! group chunks, how they are written and read back from untrusted bytes.
//!
//! # A file
//!
//! | bytes | content |
//! | --- | --- |
//! | 8 | magic `BRDSSHRD` |
//! | 4 | format version ([`VERSION`]), little-endian |
//! | 1 | kind: 1 pairs, 2 characters, 3 groups, 4 lengths |
//! | 8 | checksum: xxh3-64 of the payload, little-endian |
//! | … | payload, of `v` unsigned LEB128 varints |
//!
//! **Pairs** and **characters** (shards): a directory, `v` count then per
//! key, in ascending order, `v` first character, `v` second character
//! (pairs only; Unicode scalar values of normalized text) and `v`
//! `length << 1`, or `1` for a list in a file of its own; then the lists
//! held here, one after the other. A list is read only when a query needs
//! it. A **list file** (kind pairs or characters) holds one list too long
//! to share a shard, its payload the list itself, so that a query for a
//! rare pair never fetches a common one's list.
//!
//! A pair's list holds every occurrence in the partition, ascending by
//! story (group), fragment and position, in blocks of one fragment: `v`
//! `group_delta << 1 | has_fragment` (the story's distance from the
//! previous block's; `v` fragment follows when set), then per occurrence
//! `v` `position_delta << 2 | more << 1 | meta_changed`. Positions count
//! in the fragment's stream (each unit's characters then a separator), the
//! first from 0, the next from the one before; `more` says another
//! occurrence of the block follows; `meta_changed` that one byte of
//! [`Meta`] follows, which holds for the rest of the list (it starts as
//! body text between word boundaries).
//!
//! A character's list holds every fragment that contains it, ascending:
//! `v` `group_delta << 1 | has_fragment`, `v` fragment when set, and `v`
//! the summed field boosts of its occurrences there.
//!
//! **Lengths**: `v` count, then `v` each story's normalized length, in
//! order: what ranking needs of every story a common query finds.
//!
//! **Groups**: `v` count, then per story, in order: `v` edition (its index
//! in the partition's head), `v` normalized length, `v` fragment count and
//! per fragment `v` article index in its edition and `v` page.
//!
//! Nothing here knows which shard a key is in ([`super::build::shard_of`])
//! or what a query does with a list ([`super::search`]).

use crate::search::format::{corrupt, IndexError, Reader, Writer};

const MAGIC: &[u8; 8] = b"BRDSSHRD";
/// The version of these files; the JSON files ([`crate::archive::index_files`]) have the archive's.
pub const VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 1 + 8;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Pairs = 1,
    Chars = 2,
    Groups = 3,
    Lengths = 4,
}

/// What an occurrence of a pair at position `q` says of its place, for
/// ranking: its field, and word boundaries at both ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Meta(pub u8);

impl Meta {
    pub fn new(field: u8, boundary_before: bool, word_end_after: bool, ends_unit: bool) -> Meta {
        Meta(field & 7 | u8::from(boundary_before) << 3 | u8::from(word_end_after) << 4 | u8::from(ends_unit) << 5)
    }
    /// The field's code ([`crate::search::fields::Field::code`]).
    pub fn field(self) -> u8 {
        self.0 & 7
    }
    /// A word boundary lies just before `q`.
    pub fn boundary_before(self) -> bool {
        self.0 & 8 != 0
    }
    /// A word boundary, or an English stem's end, lies just before `q + 2`.
    pub fn word_end_after(self) -> bool {
        self.0 & 16 != 0
    }
    /// `q + 2` is the end of the unit.
    pub fn ends_unit(self) -> bool {
        self.0 & 32 != 0
    }
}

/// One occurrence of a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    pub group: u32,
    pub fragment: u32,
    pub position: u32,
    pub meta: Meta,
}

/// One fragment's entry in a character's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharEntry {
    pub group: u32,
    pub fragment: u32,
    /// The summed field boosts of the character's occurrences.
    pub weight: u32,
}

/// One story of a partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupEntry {
    /// Its edition's index in the partition's head.
    pub edition: u32,
    /// Its normalized characters, all fragments together.
    pub len: u32,
    /// Its fragments in reading order: article index in the edition, page.
    pub fragments: Vec<(u32, u32)>,
}

impl GroupEntry {
    /// Its fragments' article indices in the edition, in reading order.
    pub fn articles(&self) -> Vec<u32> {
        self.fragments.iter().map(|&(article, _)| article).collect()
    }

    /// The pages of its fragments, in reading order.
    pub fn pages(&self) -> Vec<u32> {
        self.fragments.iter().map(|&(_, page)| page).collect()
    }
}

/// The meta a pair's list starts from: body text between word boundaries,
/// which nearly every pair of Chinese text has.
const USUAL_META: Meta = Meta(4 | 8 | 16);

/// Writes a pair's list one occurrence at a time, in ascending order.
#[derive(Debug)]
pub struct PairListWriter {
    writer: Writer,
    /// The occurrence last pushed, written once the next shows whether it
    /// is the last of its block.
    pending: Option<Occurrence>,
    /// The block and position last written, and the meta in force.
    last: Option<(u32, u32, u32)>,
    meta: Meta,
}

impl Default for PairListWriter {
    fn default() -> PairListWriter {
        PairListWriter { writer: Writer::default(), pending: None, last: None, meta: USUAL_META }
    }
}

impl PairListWriter {
    pub fn push(&mut self, occurrence: Occurrence) {
        if let Some(pending) = self.pending.replace(occurrence) {
            self.write(pending, (pending.group, pending.fragment) == (occurrence.group, occurrence.fragment));
        }
    }

    fn write(&mut self, occurrence: Occurrence, more: bool) {
        let Occurrence { group, fragment, position, meta } = occurrence;
        let from = match self.last {
            Some((last_group, last_fragment, last_position)) if (last_group, last_fragment) == (group, fragment) => last_position,
            last => {
                let delta = group - last.map_or(0, |(last_group, _, _)| last_group);
                self.writer.int(u64::from(delta) << 1 | u64::from(fragment != 0));
                if fragment != 0 {
                    self.writer.int(u64::from(fragment));
                }
                0
            }
        };
        let changed = meta != self.meta;
        self.writer.int(u64::from(position - from) << 2 | u64::from(more) << 1 | u64::from(changed));
        if changed {
            self.writer.bytes.push(meta.0);
            self.meta = meta;
        }
        self.last = Some((group, fragment, position));
    }

    pub fn bytes(mut self) -> Vec<u8> {
        if let Some(pending) = self.pending.take() {
            self.write(pending, false);
        }
        self.writer.bytes
    }
}

/// Writes a character's list one occurrence at a time, in ascending order
/// of fragment: occurrences in one fragment add up to one entry.
#[derive(Debug, Default)]
pub struct CharListWriter {
    writer: Writer,
    last_group: u32,
    pending: Option<CharEntry>,
}

impl CharListWriter {
    pub fn push(&mut self, group: u32, fragment: u32, boost: u32) {
        match &mut self.pending {
            Some(entry) if (entry.group, entry.fragment) == (group, fragment) => entry.weight += boost,
            _ => {
                self.flush();
                self.pending = Some(CharEntry { group, fragment, weight: boost });
            }
        }
    }

    fn flush(&mut self) {
        if let Some(entry) = self.pending.take() {
            self.writer.int(u64::from(entry.group - self.last_group) << 1 | u64::from(entry.fragment != 0));
            if entry.fragment != 0 {
                self.writer.int(u64::from(entry.fragment));
            }
            self.writer.int(u64::from(entry.weight));
            self.last_group = entry.group;
        }
    }

    pub fn bytes(mut self) -> Vec<u8> {
        self.flush();
        self.writer.bytes
    }
}

/// Reads a list [`PairListWriter`] wrote one occurrence at a time,
/// checking that it ascends: a common pair's list holds millions of
/// occurrences, which a query reads through once and need not hold.
/// After an error it yields nothing more.
pub struct PairListReader<'a> {
    reader: Reader<'a>,
    /// The block being read (its story and fragment) and its last position.
    group: u32,
    fragment: u32,
    position: u32,
    /// Whether another occurrence of the block follows.
    in_block: bool,
    /// Whether a block was read: the next one must come after it.
    started: bool,
    meta: Meta,
    failed: bool,
}

impl<'a> PairListReader<'a> {
    pub fn new(bytes: &'a [u8]) -> PairListReader<'a> {
        PairListReader { reader: Reader::new(bytes), group: 0, fragment: 0, position: 0, in_block: false, started: false, meta: USUAL_META, failed: false }
    }

    fn read(&mut self) -> Result<Option<Occurrence>, IndexError> {
        let reader = &mut self.reader;
        let first = !self.in_block;
        if first {
            if reader.is_done() {
                return Ok(None);
            }
            let key = reader.int()?;
            let delta = u32::try_from(key >> 1).map_err(|_| corrupt("a story beyond 32 bits"))?;
            let fragment = if key & 1 == 1 { reader.small("a fragment beyond 32 bits")? } else { 0 };
            let group = self.group.checked_add(delta).ok_or(corrupt("a story beyond 32 bits"))?;
            if self.started && (group, fragment) <= (self.group, self.fragment) {
                return Err(corrupt("a pair's list out of order"));
            }
            (self.group, self.fragment, self.position, self.started) = (group, fragment, 0, true);
        }
        let entry = reader.int()?;
        let step = u32::try_from(entry >> 2).map_err(|_| corrupt("a position beyond 32 bits"))?;
        if !first && step == 0 {
            return Err(corrupt("a pair's list out of order"));
        }
        self.position = self.position.checked_add(step).ok_or(corrupt("a position beyond 32 bits"))?;
        if entry & 1 == 1 {
            let byte = *reader.bytes.get(reader.at).ok_or(corrupt("unexpected end of a list"))?;
            reader.at += 1;
            self.meta = Meta(byte & 0x3f);
        }
        self.in_block = entry & 2 != 0;
        Ok(Some(Occurrence { group: self.group, fragment: self.fragment, position: self.position, meta: self.meta }))
    }
}

impl Iterator for PairListReader<'_> {
    type Item = Result<Occurrence, IndexError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let read = self.read();
        self.failed = read.is_err();
        read.transpose()
    }
}

/// Reads a list [`CharListWriter`] wrote, checking that it ascends.
pub fn decode_char_list(bytes: &[u8]) -> Result<Vec<CharEntry>, IndexError> {
    let mut reader = Reader::new(bytes);
    let mut found: Vec<CharEntry> = Vec::new();
    while !reader.is_done() {
        let key = reader.int()?;
        let delta = u32::try_from(key >> 1).map_err(|_| corrupt("a story beyond 32 bits"))?;
        let fragment = if key & 1 == 1 { reader.small("a fragment beyond 32 bits")? } else { 0 };
        let last = found.last().map(|entry| (entry.group, entry.fragment));
        let group = last.map_or(0, |(group, _)| group).checked_add(delta).ok_or(corrupt("a story beyond 32 bits"))?;
        if last.is_some_and(|last| (group, fragment) <= last) {
            return Err(corrupt("a character's list out of order"));
        }
        let weight = reader.small("a weight beyond 32 bits")?;
        found.push(CharEntry { group, fragment, weight });
    }
    Ok(found)
}

/// A list's key: a pair of characters, or a character and 0.
pub type Key = (u32, u32);

/// Where a shard says a key's list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListAt<'a> {
    /// In the shard: its bytes.
    Here(&'a [u8]),
    /// In a file of its own ([`encode_list`]), named after the key.
    OwnFile,
}

/// A shard of pair or character lists: its directory read, its lists not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Keys ascending, each with the byte range of its list in `lists`, or
    /// `None` when the list is in a file of its own.
    keys: Vec<(Key, Option<std::ops::Range<usize>>)>,
    lists: Vec<u8>,
}

impl Shard {
    /// Where the list of `key` (a pair, or a character and 0) is, or
    /// `None` when the partition has no such list.
    pub fn list(&self, key: (u32, u32)) -> Option<ListAt<'_>> {
        let at = self.keys.binary_search_by_key(&key, |(key, _)| *key).ok()?;
        Some(match &self.keys[at].1 {
            Some(range) => ListAt::Here(self.lists.get(range.clone())?),
            None => ListAt::OwnFile,
        })
    }

    /// Every key, ascending, and whether its list is in a file of its own.
    pub fn keys(&self) -> impl Iterator<Item = ((u32, u32), bool)> + '_ {
        self.keys.iter().map(|(key, range)| (*key, range.is_none()))
    }
}

/// A list for a shard: in it, or in a file of its own.
pub enum Stored {
    Here(Vec<u8>),
    OwnFile,
}

/// The file of a shard of `kind` (pairs or characters) holding `lists`,
/// ascending by key: each list's bytes, or a mark that it is in a file of
/// its own.
pub fn encode_shard(kind: Kind, lists: &[((u32, u32), Stored)]) -> Vec<u8> {
    let mut payload = Writer::default();
    payload.len(lists.len());
    for ((first, second), list) in lists {
        payload.int(u64::from(*first));
        if kind == Kind::Pairs {
            payload.int(u64::from(*second));
        }
        match list {
            Stored::Here(bytes) => payload.int((bytes.len() as u64) << 1),
            Stored::OwnFile => payload.int(1),
        }
    }
    for (_, list) in lists {
        if let Stored::Here(bytes) = list {
            payload.bytes.extend_from_slice(bytes);
        }
    }
    wrap(kind, &payload.bytes)
}

/// Reads a shard file of `kind`: its header, checksum and directory.
pub fn decode_shard(kind: Kind, bytes: &[u8]) -> Result<Shard, IndexError> {
    let payload = unwrap(kind, bytes)?;
    let mut reader = Reader::new(payload);
    let count = reader.count()?;
    let mut keys = Vec::with_capacity(count);
    let mut lengths = Vec::with_capacity(count);
    for _ in 0..count {
        let first = reader.small("a character beyond 32 bits")?;
        let second = if kind == Kind::Pairs { reader.small("a character beyond 32 bits")? } else { 0 };
        if keys.last().is_some_and(|&last| (first, second) <= last) {
            return Err(corrupt("a shard's directory out of order"));
        }
        keys.push((first, second));
        let stored = reader.int()?;
        let len = usize::try_from(stored >> 1).map_err(|_| corrupt("a list beyond the shard's end"))?;
        lengths.push((stored & 1 == 0).then_some(len));
    }
    let lists = payload[reader.at..].to_vec();
    let mut start = 0usize;
    let mut directory = Vec::with_capacity(count);
    for (key, len) in keys.into_iter().zip(lengths) {
        let range = match len {
            Some(len) => {
                let end = start.checked_add(len).filter(|&end| end <= lists.len()).ok_or(corrupt("a list beyond the shard's end"))?;
                let range = start..end;
                start = end;
                Some(range)
            }
            None => None,
        };
        directory.push((key, range));
    }
    if start != lists.len() {
        return Err(corrupt("bytes after the shard's last list"));
    }
    Ok(Shard { keys: directory, lists })
}

/// The file of one list of `kind` too long to share a shard.
pub fn encode_list(kind: Kind, list: &[u8]) -> Vec<u8> {
    wrap(kind, list)
}

/// The list in a file [`encode_list`] wrote.
pub fn decode_list(kind: Kind, bytes: &[u8]) -> Result<&[u8], IndexError> {
    unwrap(kind, bytes)
}

/// The file of a partition's story lengths, in story order.
pub fn encode_lengths(lengths: &[u32]) -> Vec<u8> {
    let mut payload = Writer::default();
    payload.len(lengths.len());
    for &len in lengths {
        payload.int(u64::from(len));
    }
    wrap(Kind::Lengths, &payload.bytes)
}

/// Reads a lengths file.
pub fn decode_lengths(bytes: &[u8]) -> Result<Vec<u32>, IndexError> {
    let payload = unwrap(Kind::Lengths, bytes)?;
    let mut reader = Reader::new(payload);
    let count = reader.count()?;
    let lengths = (0..count).map(|_| reader.small("a length beyond 32 bits")).collect::<Result<Vec<u32>, IndexError>>()?;
    if !reader.is_done() {
        return Err(corrupt("bytes after the last length"));
    }
    Ok(lengths)
}

/// The file of a chunk of stories.
pub fn encode_groups(groups: &[GroupEntry]) -> Vec<u8> {
    let mut payload = Writer::default();
    payload.len(groups.len());
    for group in groups {
        payload.int(u64::from(group.edition));
        payload.int(u64::from(group.len));
        payload.len(group.fragments.len());
        for &(article, page) in &group.fragments {
            payload.int(u64::from(article));
            payload.int(u64::from(page));
        }
    }
    wrap(Kind::Groups, &payload.bytes)
}

/// Reads a chunk of stories.
pub fn decode_groups(bytes: &[u8]) -> Result<Vec<GroupEntry>, IndexError> {
    let payload = unwrap(Kind::Groups, bytes)?;
    let mut reader = Reader::new(payload);
    let count = reader.count()?;
    let mut groups = Vec::with_capacity(count);
    for _ in 0..count {
        let edition = reader.small("an edition beyond 32 bits")?;
        let len = reader.small("a length beyond 32 bits")?;
        let fragments = reader.count()?;
        if fragments == 0 {
            return Err(corrupt("a story without fragments"));
        }
        let mut list = Vec::with_capacity(fragments);
        for _ in 0..fragments {
            list.push((reader.small("an article beyond 32 bits")?, reader.small("a page beyond 32 bits")?));
        }
        if groups.last().is_some_and(|last: &GroupEntry| edition < last.edition) {
            return Err(corrupt("stories out of edition order"));
        }
        groups.push(GroupEntry { edition, len, fragments: list });
    }
    if !reader.is_done() {
        return Err(corrupt("bytes after the last story"));
    }
    Ok(groups)
}

fn wrap(kind: Kind, payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.push(kind as u8);
    bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

fn unwrap(kind: Kind, bytes: &[u8]) -> Result<&[u8], IndexError> {
    if bytes.len() < HEADER_LEN {
        return Err(IndexError::Truncated { expected: HEADER_LEN, found: bytes.len() });
    }
    if &bytes[..8] != MAGIC {
        return Err(IndexError::NotAnIndex);
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().expect("four bytes"));
    if version != VERSION {
        return Err(IndexError::Version { found: version, supported: VERSION });
    }
    if bytes[12] != kind as u8 {
        return Err(corrupt("another kind of index file"));
    }
    let checksum = u64::from_le_bytes(bytes[13..21].try_into().expect("eight bytes"));
    let payload = &bytes[HEADER_LEN..];
    if xxhash_rust::xxh3::xxh3_64(payload) != checksum {
        return Err(corrupt("checksum mismatch"));
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn occurrences() -> impl Strategy<Value = Vec<Occurrence>> {
        prop::collection::btree_set((0u32..50, 0u32..3, 0u32..3000, 0u8..64), 0..80).prop_map(|set| {
            set.into_iter().map(|(group, fragment, position, meta)| Occurrence { group, fragment, position, meta: Meta(meta) }).collect()
        })
    }

    proptest! {
        #[test]
        fn pair_lists_round_trip(list in occurrences()) {
            // One occurrence per position: the set may hold two metas for one.
            let mut list = list;
            list.dedup_by_key(|o| (o.group, o.fragment, o.position));
            let mut writer = PairListWriter::default();
            list.iter().for_each(|&occurrence| writer.push(occurrence));
            prop_assert_eq!(PairListReader::new(&writer.bytes()).collect::<Result<Vec<_>, _>>().unwrap(), list);
        }

        #[test]
        fn char_lists_round_trip(set in prop::collection::btree_map((0u32..50, 0u32..3), 1u32..99, 0..40)) {
            let list: Vec<CharEntry> = set.into_iter().map(|((group, fragment), weight)| CharEntry { group, fragment, weight }).collect();
            let mut writer = CharListWriter::default();
            for entry in &list {
                // A weight in two pushes adds up.
                writer.push(entry.group, entry.fragment, entry.weight - entry.weight / 2);
                writer.push(entry.group, entry.fragment, entry.weight / 2);
            }
            prop_assert_eq!(decode_char_list(&writer.bytes()).unwrap(), list);
        }

        /// Damaged bytes are refused or read as something: never a panic.
        #[test]
        fn any_bytes_decode_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..200), kind in 0usize..4) {
            let kind = [Kind::Pairs, Kind::Chars, Kind::Groups, Kind::Lengths][kind % 4];
            let mut file = MAGIC.to_vec();
            file.extend_from_slice(&VERSION.to_le_bytes());
            file.push(kind as u8);
            file.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&bytes).to_le_bytes());
            file.extend_from_slice(&bytes);
            match kind {
                Kind::Groups => { let _ = decode_groups(&file); }
                Kind::Lengths => { let _ = decode_lengths(&file); }
                _ => {
                    if let Ok(shard) = decode_shard(kind, &file) {
                        for (key, _) in shard.keys().collect::<Vec<_>>() {
                            if let Some(ListAt::Here(list)) = shard.list(key) {
                                let _ = PairListReader::new(list).count();
                                let _ = decode_char_list(list);
                            }
                        }
                    }
                }
            }
            let _ = PairListReader::new(&bytes).count();
            let _ = decode_char_list(&bytes);
        }
    }

    #[test]
    fn a_damaged_shard_is_refused_by_its_checksum() {
        let mut list = CharListWriter::default();
        list.push(3, 0, 2);
        let mut file = encode_shard(Kind::Chars, &[((0x4e2d, 0), Stored::Here(list.bytes())), ((0x4e2e, 0), Stored::OwnFile)]);
        let shard = decode_shard(Kind::Chars, &file).unwrap();
        assert!(matches!(shard.list((0x4e2d, 0)), Some(ListAt::Here(bytes)) if !bytes.is_empty()));
        assert_eq!(shard.list((0x4e2e, 0)), Some(ListAt::OwnFile));
        assert_eq!(shard.list((0x4e2f, 0)), None);
        assert!(decode_shard(Kind::Chars, &file).is_ok());
        let last = file.len() - 1;
        file[last] ^= 1;
        assert_eq!(decode_shard(Kind::Chars, &file), Err(IndexError::Corrupt { what: "checksum mismatch" }));
        assert_eq!(decode_shard(Kind::Pairs, &file[..5]), Err(IndexError::Truncated { expected: HEADER_LEN, found: 5 }));
    }
}
