//! Damaged index files are detected and never trusted: the decoder refuses
//! them or, when damage happens to leave a consistent index, what it finds
//! still keeps every promise of the search API; `broadsheet search` says so
//! and searches with an index it builds from the corpus, with the same
//! results as a fresh index; `broadsheet index` writes a good one again.


use std::path::Path;
use std::process::{Command, Output};

use broadsheet::corpus::{self, Corpus};
use broadsheet::search::{corpus_hash, Index, Query};
use broadsheet_dev::index_header::{damaged, reseal, HEADER_LEN};
use broadsheet_dev::search_promises::check_results;

const FIXTURE: &str = "tests/fixtures/two-pages.json";
const QUERIES: [&str; 4] = ["青岛", "上合組織", "国之重任 合作", "\"新型 能源\""];

fn fixture() -> (Corpus, u64, Vec<u8>) {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let corpus = corpus::load(&text).unwrap();
    let hash = corpus_hash(text.as_bytes());
    let bytes = Index::build(&corpus).encode(hash);
    (corpus, hash, bytes)
}

/// Decodes `bytes`; when they decode, searches them and checks the results.
/// True when the index was refused.
fn refused_or_safe(corpus: &Corpus, bytes: &[u8], hash: u64) -> bool {
    match Index::decode(bytes, hash) {
        Err(_) => true,
        Ok(index) => {
            for query in QUERIES {
                check_results(corpus, &index.search(corpus, &Query::parse(query), 10), 10);
            }
            false
        }
    }
}

#[test]
fn every_cut_and_every_damaged_byte_of_an_unsealed_index_is_refused() {
    let (corpus, hash, bytes) = fixture();
    for len in 0..bytes.len() {
        assert!(refused_or_safe(&corpus, &bytes[..len], hash), "cut to {len} bytes and accepted");
    }
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        assert!(refused_or_safe(&corpus, &damaged, hash), "byte {at} damaged and accepted");
    }
}

#[test]
fn every_damaged_byte_of_a_resealed_index_is_refused_or_searched_safely() {
    let (corpus, hash, bytes) = fixture();
    for at in HEADER_LEN..bytes.len() {
        for flip in [0x01, 0x80, 0xFF] {
            let mut damaged = bytes.clone();
            damaged[at] ^= flip;
            reseal(&mut damaged);
            refused_or_safe(&corpus, &damaged, hash);
        }
    }
}

/// Inputs of the fuzz target `index_decode` that once crashed the decoder,
/// with what they did. Replayed on the fixture's index as the target reads
/// them ([`damaged`]), whatever the index format has become since.
const FUZZ_CRASHES: [(&str, &[u8]); 1] = [(
    "a character list naming a document of an index left with none: one taken from zero documents overflowed",
    &[111, 111, 7, 110, 109, 228, 111, 0, 111, 1, 38, 111, 0],
)];

#[test]
fn inputs_that_crashed_the_fuzzed_decoder_are_refused_or_searched_safely() {
    let (corpus, hash, bytes) = fixture();
    for (what, input) in FUZZ_CRASHES {
        let damaged = damaged(&bytes, input);
        assert!(damaged != bytes, "{what}: the input still damages the index");
        refused_or_safe(&corpus, &damaged, hash);
    }
}

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet")).args(args).output().unwrap()
}

/// `broadsheet search CORPUS 青岛 --json`: the hits and stderr.
fn search(corpus: &Path) -> (String, String) {
    let output = broadsheet(&["search", corpus.to_str().unwrap(), "青岛", "--json"]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

#[test]
fn the_cli_searches_past_a_damaged_index_and_index_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.json");
    std::fs::copy(FIXTURE, &corpus).unwrap();
    let (expected, _) = search(&corpus);
    assert_eq!(broadsheet(&["index", corpus.to_str().unwrap()]).status.code(), Some(0));
    let index_file = corpus.with_extension("index");
    let good = std::fs::read(&index_file).unwrap();
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    let mut other_version = good.clone();
    other_version[8] = 99;
    let mut resealed = good.clone();
    resealed.truncate(HEADER_LEN + (good.len() - HEADER_LEN) / 2);
    reseal(&mut resealed);
    let damages: [(&str, Vec<u8>, &str); 6] = [
        ("empty", Vec::new(), "the index is truncated (0 bytes"),
        ("cut", good[..good.len() / 2].to_vec(), "the index is truncated"),
        ("flipped", flipped, "the index is corrupt (checksum mismatch)"),
        ("resealed", resealed, "the index is corrupt"),
        ("not an index", b"<html>404 Not Found</html>\n <!-- a web server's error page -->".to_vec(), "wrong magic"),
        ("another version", other_version, "index format version 99 is not supported"),
    ];
    for (name, bytes, message) in damages {
        std::fs::write(&index_file, bytes).unwrap();
        let (hits, stderr) = search(&corpus);
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert!(stderr.contains("rebuild it; searching with an index built in memory"), "{name}: {stderr}");
        assert_eq!(hits, expected, "{name}: the results of a fresh index");
    }
    assert_eq!(broadsheet(&["index", corpus.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read(&index_file).unwrap(), good);
    let (hits, stderr) = search(&corpus);
    assert_eq!(hits, expected);
    assert!(!stderr.contains("in memory"), "the repaired index is used: {stderr}");
}
