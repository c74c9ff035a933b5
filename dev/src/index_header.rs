//! Damaging an index file the way the fuzz target `index_decode` does, so
//! that a crashing input it finds replays as a test. The header is read as
//! `broadsheet::search::format` documents it (magic 8, version 4, corpus
//! hash 8, payload length 8, payload checksum 8), to seal a damaged payload
//! again as a file damaged before it was written would be. Shared by the
//! hardening tests and the fuzz targets.

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

/// `valid` edited as `input` says: its first byte is odd to reseal the
/// result; then every four bytes are one edit, an operation (flip, insert,
/// remove, cut; the byte modulo 4), a little-endian offset (modulo the
/// length) and a value.
pub fn damaged(valid: &[u8], input: &[u8]) -> Vec<u8> {
    let mut bytes = valid.to_vec();
    let Some((&mode, edits)) = input.split_first() else { return bytes };
    for edit in edits.chunks_exact(4) {
        let at = usize::from(u16::from_le_bytes([edit[1], edit[2]])) % (bytes.len() + 1);
        match edit[0] % 4 {
            0 if at < bytes.len() => bytes[at] ^= edit[3],
            1 => bytes.insert(at, edit[3]),
            2 if at < bytes.len() => {
                bytes.remove(at);
            }
            3 => bytes.truncate(at),
            _ => {}
        }
    }
    if mode & 1 == 1 {
        reseal(&mut bytes);
    }
    bytes
}
