//! The index file: how an [`Index`] is stored next to its corpus, and read
//! back only when it belongs to that very corpus.
//!
//! # Layout (version 3)
//!
//! All fixed-width integers are little-endian; `v` is an unsigned LEB128
//! varint; lists are a `v` count followed by their items.
//!
//! | bytes | content |
//! | --- | --- |
//! | 8 | magic `BRDSIDX\0` |
//! | 4 | format version, `3` |
//! | 8 | corpus hash: xxh3-64 of the corpus JSON file's bytes |
//! | 8 | payload length in bytes |
//! | 8 | payload checksum: xxh3-64 of the payload |
//! | … | payload |
//!
//! The payload is the index's [`Layout`], in order:
//! 1. groups: list of `v` fragment counts (stories, in index order);
//! 2. documents (as many as the counts add up to), each `v` edition index,
//!    `v` article index, and a list of units, each `v` field code
//!    ([`Field::code`]), `v` block index, `v` normalized length. Unit start
//!    positions follow: each unit takes its length plus one separator.
//!
//! Postings and word marks are not stored: they are derived from the corpus
//! text when the index is first searched ([`super::text_index`]), and the
//! normalized lengths stored here must match what that derivation finds, or
//! the index finds nothing. Stored, the character pairs' positions took 3.7
//! times the gzipped corpus (they say as much as the text itself); derived,
//! they cost one pass over the text: on 10,000 Chinese articles about 150 ms
//! natively, twice what decoding them took.
//!
//! The version changes whenever this layout or the analyzer changes (the
//! normalization, the Traditional table, the fields and their boosts), since
//! an index is only valid for the analyzer that built it. Version 1 stored
//! character and pair postings and word marks after the layout; version 2
//! brought the compatibility fold table ([`super::compat`]) instead of NFKC
//! on every character; version 3 stores the layout alone.
//!
//! The hash is xxh3 (`xxhash-rust`): tens of GB/s natively and fast in wasm,
//! stable across platforms, no dependencies. It detects a changed corpus and
//! a damaged file, not an attacker; decoding still checks every invariant, so
//! no input makes it panic or index out of bounds.

use std::fmt;

use super::fields::{Field, UnitRef};
use super::index::Index;
use super::layout::{Doc, Layout, Unit};

const MAGIC: &[u8; 8] = b"BRDSIDX\0";
/// The format version this build reads and writes.
pub const VERSION: u32 = 3;
const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 8;

/// The content hash an index records for its corpus: xxh3-64 of the corpus
/// file's bytes.
pub fn corpus_hash(corpus_json: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(corpus_json)
}

/// [`corpus_hash`] of bytes fed a piece at a time, for a caller that must
/// not stop for the whole of a large corpus (hashing 100 MB takes the
/// widget's wasm a few hundred milliseconds), or whose bytes are not all in
/// one place.
#[derive(Clone, Default)]
pub struct CorpusHasher(xxhash_rust::xxh3::Xxh3Default);

impl CorpusHasher {
    /// Hashes the next piece of the corpus's bytes.
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }

    /// The hash of all the pieces, in order.
    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// Why stored bytes are not a usable index. Every case is cured by
/// rebuilding the index from the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// Fewer bytes than the header or the payload needs.
    Truncated { expected: usize, found: usize },
    /// The bytes do not start with the index magic.
    NotAnIndex,
    /// Written by a build with another format version.
    Version { found: u32, supported: u32 },
    /// Built from another corpus (or another version of this one).
    Stale { index: u64, corpus: u64 },
    /// Damaged: the checksum or an internal invariant does not hold.
    Corrupt { what: &'static str },
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Truncated { expected, found } => {
                write!(f, "the index is truncated ({found} bytes, expected {expected}); rebuild it")
            }
            IndexError::NotAnIndex => write!(f, "not a Broadsheet index (wrong magic bytes); rebuild it"),
            IndexError::Version { found, supported } => {
                write!(f, "index format version {found} is not supported (this build reads {supported}); rebuild it")
            }
            IndexError::Stale { index, corpus } => write!(
                f,
                "the index was built from another corpus (hash {index:016x}, corpus has {corpus:016x}); rebuild it"
            ),
            IndexError::Corrupt { what } => write!(f, "the index is corrupt ({what}); rebuild it"),
        }
    }
}

impl std::error::Error for IndexError {}

impl Index {
    /// The index as bytes, recording `corpus_hash` ([`corpus_hash`] of the
    /// corpus file it was built from).
    pub fn encode(&self, corpus_hash: u64) -> Vec<u8> {
        let payload = self.encode_payload();
        let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&corpus_hash.to_le_bytes());
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        bytes
    }

    /// Reads an index written by [`Index::encode`], accepting it only when
    /// it records `corpus_hash`, is of this format version and is intact.
    pub fn decode(bytes: &[u8], corpus_hash: u64) -> Result<Index, IndexError> {
        if bytes.len() < HEADER_LEN {
            return Err(IndexError::Truncated { expected: HEADER_LEN, found: bytes.len() });
        }
        let (header, payload) = bytes.split_at(HEADER_LEN);
        let u32_at = |at: usize| u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
        let u64_at = |at: usize| u64::from(u32_at(at)) | u64::from(u32_at(at + 4)) << 32;
        if &header[..8] != MAGIC {
            return Err(IndexError::NotAnIndex);
        }
        let version = u32_at(8);
        if version != VERSION {
            return Err(IndexError::Version { found: version, supported: VERSION });
        }
        let recorded = u64_at(12);
        if recorded != corpus_hash {
            return Err(IndexError::Stale { index: recorded, corpus: corpus_hash });
        }
        let expected = u64_at(20);
        if expected != payload.len() as u64 {
            let expected = HEADER_LEN.saturating_add(usize::try_from(expected).unwrap_or(usize::MAX));
            return Err(IndexError::Truncated { expected, found: bytes.len() });
        }
        if u64_at(28) != xxhash_rust::xxh3::xxh3_64(payload) {
            return Err(IndexError::Corrupt { what: "checksum mismatch" });
        }
        decode_payload(payload)
    }

    fn encode_payload(&self) -> Vec<u8> {
        let mut out = Writer::default();
        let layout = &self.layout;
        out.len(layout.group_starts.len());
        for g in 0..layout.group_starts.len() {
            out.len(layout.group_docs(g).len());
        }
        for (d, doc) in layout.docs.iter().enumerate() {
            out.int(doc.edition.into());
            out.int(doc.article.into());
            let units = layout.doc_units(d);
            out.len(units.len());
            for u in units {
                let source = layout.units[u].source;
                out.int(source.field.code().into());
                out.int(source.block.into());
                out.len(layout.unit_range(u).len());
            }
        }
        out.bytes
    }
}

fn decode_payload(payload: &[u8]) -> Result<Index, IndexError> {
    let mut input = Reader { bytes: payload, at: 0 };
    let layout = decode_layout(&mut input)?;
    if input.at != payload.len() {
        return Err(corrupt("bytes after the end"));
    }
    Ok(Index::from_layout(layout))
}

fn decode_layout(input: &mut Reader) -> Result<Layout, IndexError> {
    let mut layout = Layout::default();
    let group_count = input.count()?;
    let mut fragment_counts = Vec::with_capacity(group_count);
    for _ in 0..group_count {
        let count = input.count()?;
        if count == 0 {
            return Err(corrupt("empty story"));
        }
        fragment_counts.push(count);
    }
    let mut position = 0u64;
    for (group, count) in fragment_counts.into_iter().enumerate() {
        layout.group_starts.push(layout.docs.len() as u32);
        for _ in 0..count {
            let doc = layout.docs.len() as u32;
            let edition = input.small("edition index")?;
            let article = input.small("article index")?;
            layout.docs.push(Doc { edition, article, group: group as u32, first_unit: layout.units.len() as u32 });
            for _ in 0..input.count()? {
                let field = u8::try_from(input.int()?).ok().and_then(Field::from_code).ok_or(corrupt("field code"))?;
                let block = input.small("block index")?;
                let len = input.int()?;
                let start = u32::try_from(position).map_err(|_| corrupt("stream length"))?;
                layout.units.push(Unit { start, doc, source: UnitRef { field, block } });
                position = position.saturating_add(len).saturating_add(1);
            }
        }
    }
    layout.end = u32::try_from(position).map_err(|_| corrupt("stream length"))?;
    if layout.is_consistent() {
        Ok(layout)
    } else {
        Err(corrupt("layout"))
    }
}

pub(super) fn corrupt(what: &'static str) -> IndexError {
    IndexError::Corrupt { what }
}

/// Writes unsigned LEB128 varints; also used by the archive's index files.
#[derive(Debug, Default)]
pub(super) struct Writer {
    pub(super) bytes: Vec<u8>,
}

impl Writer {
    pub(super) fn int(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push(value as u8 | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    pub(super) fn len(&mut self, len: usize) {
        self.int(len as u64);
    }
}

/// Reads what a [`Writer`] wrote, refusing damaged input.
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl Reader<'_> {
    pub(super) fn new(bytes: &[u8]) -> Reader<'_> {
        Reader { bytes, at: 0 }
    }

    pub(super) fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub(super) fn int(&mut self) -> Result<u64, IndexError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or(corrupt("unexpected end of payload"))?;
            self.at += 1;
            value |= u64::from(byte & 0x7F).checked_shl(shift).ok_or(corrupt("varint"))?;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(corrupt("varint too long"))
    }

    /// A count of items that each take at least one byte, so that a damaged
    /// count cannot make the decoder reserve more than the input holds.
    pub(super) fn count(&mut self) -> Result<usize, IndexError> {
        let count = self.int()?;
        let left = (self.bytes.len() - self.at) as u64;
        if count > left {
            return Err(corrupt("a count larger than the payload"));
        }
        Ok(count as usize)
    }

    pub(super) fn small(&mut self, what: &'static str) -> Result<u32, IndexError> {
        u32::try_from(self.int()?).map_err(|_| corrupt(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_corpus_hashed_in_pieces_has_the_hash_of_the_whole(
            bytes in prop::collection::vec(any::<u8>(), 0..5000),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let mut cuts: Vec<usize> = cuts.iter().map(|cut| cut.index(bytes.len() + 1)).collect();
            cuts.sort_unstable();
            let mut hasher = CorpusHasher::default();
            let mut start = 0;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                hasher.update(&bytes[start..cut]);
                start = cut;
            }
            prop_assert_eq!(hasher.finish(), corpus_hash(&bytes));
        }
    }
}
