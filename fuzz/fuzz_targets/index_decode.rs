//! The index decoder on damaged files: a valid index of the fixture corpus,
//! edited by the fuzz input (bytes flipped, inserted, removed, the file cut
//! short), is either refused or, when it decodes, searched without
//! panicking and without breaking a promise of the search API.
//!
//! When the first byte is odd, the header's payload length and checksum
//! are recomputed after the edits ([`reseal`]), so that damage reaches the
//! payload decoder as a file damaged before it was sealed would.

#![no_main]

use std::sync::OnceLock;

use broadsheet::corpus::Corpus;
use broadsheet::search::{corpus_hash, Index, Query};
use broadsheet_fuzz::{check_results, fixture, reseal, FIXTURE};
use libfuzzer_sys::fuzz_target;

const QUERIES: [&str; 5] = ["青岛", "能源", "上合組織", "国之重任 合作", "\"新型 能源\""];

struct Valid {
    corpus: Corpus,
    hash: u64,
    bytes: Vec<u8>,
}

fn valid() -> &'static Valid {
    static VALID: OnceLock<Valid> = OnceLock::new();
    VALID.get_or_init(|| {
        let (corpus, index) = fixture();
        let hash = corpus_hash(FIXTURE.as_bytes());
        let bytes = index.encode(hash);
        Valid { corpus, hash, bytes }
    })
}

fuzz_target!(|data: &[u8]| {
    let valid = valid();
    let Some((&mode, edits)) = data.split_first() else { return };
    let mut bytes = valid.bytes.clone();
    for edit in edits.chunks_exact(4) {
        let at = usize::from(u16::from_le_bytes([edit[1], edit[2]]));
        let at = at % (bytes.len() + 1);
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
    let Ok(index) = Index::decode(&bytes, valid.hash) else { return };
    for text in QUERIES {
        let results = index.search(&valid.corpus, &Query::parse(text), 10);
        check_results(&valid.corpus, &results, 10);
    }
});
