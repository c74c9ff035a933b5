//! The index file's header as `broadsheet::search::format` documents it
//! (magic 8, version 4, corpus hash 8, payload length 8, payload checksum
//! 8), so that tests and fuzz targets can damage a payload and seal it again,
//! as a file damaged before it was written would be. Shared by the
//! hardening tests and the fuzz targets, which include this file by path.

/// The header's length in bytes.
pub const HEADER_LEN: usize = 36;
const PAYLOAD_LEN_AT: usize = 20;
const CHECKSUM_AT: usize = 28;

/// Rewrites the payload length and checksum of an index file to match its
/// payload; bytes shorter than a header are left alone.
pub fn reseal(bytes: &mut [u8]) {
    if bytes.len() < HEADER_LEN {
        return;
    }
    let (header, payload) = bytes.split_at_mut(HEADER_LEN);
    header[PAYLOAD_LEN_AT..CHECKSUM_AT].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    header[CHECKSUM_AT..HEADER_LEN].copy_from_slice(&xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes());
}
