//! The index decoder on damaged files: a valid index of the fixture corpus,
//! edited by the fuzz input (bytes flipped, inserted, removed, the file cut
//! short), is either refused or, when it decodes, searched without
//! panicking and without breaking a promise of the search API.
//!
//! The input is read by [`damaged`]: when its first byte is odd, the
//! header's payload length and checksum are recomputed after the edits, so
//! that damage reaches the payload decoder as a file damaged before it was
//! sealed would. A crashing input replays in `tests/it/hardening_index.rs`.

#![no_main]

use std::sync::OnceLock;

use broadsheet::corpus::Corpus;
use broadsheet::search::{corpus_hash, Index, Query};
use broadsheet_fuzz::{check_results, damaged, fixture, FIXTURE};
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
    let bytes = damaged(&valid.bytes, data);
    let Ok(index) = Index::decode(&bytes, valid.hash) else { return };
    for text in QUERIES {
        let results = index.search(&valid.corpus, &Query::parse(text), 10);
        check_results(&valid.corpus, &results, 10);
    }
});
