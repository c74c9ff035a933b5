//! Search over an archive whose index files are damaged: one file of the
//! index of the fixture's archive, chosen and edited by the fuzz input
//! (bytes flipped, inserted, removed, the file cut short), then queries run
//! over it. A query either fails, naming a file, or answers stories of the
//! archive whose hits are cut without panicking.
//!
//! The input's first byte chooses the file; the rest is read as
//! [`damaged`] reads it, except that an odd mode reseals the file with the
//! archive index's own header (its checksum recomputed), so that damage
//! reaches the list decoders as a file damaged before it was sealed would.

#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use broadsheet::archive::index_files::{SearchIndex, INDEX_FORMAT};
use broadsheet::corpus::{self, Corpus};
use broadsheet::search::archive::{hit, search_files, EditionRef, PartitionBuild};
use broadsheet::search::{Order, Query};
use broadsheet_fuzz::{damaged, FIXTURE};
use libfuzzer_sys::fuzz_target;

const QUERIES: [&str; 5] = ["青岛", "能", "上合組織", "国之重任 合作", "\"新型 能源\""];
/// Where a shard file's checksum is, and where its payload starts.
const CHECKSUM: std::ops::Range<usize> = 13..21;

struct Built {
    corpus: Corpus,
    index: SearchIndex,
    files: Vec<(String, Vec<u8>)>,
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let corpus = corpus::load(FIXTURE).expect("the test fixture is a valid corpus");
        let edition = &corpus.editions[0];
        let reference = EditionRef { date: edition.date.clone(), publication: corpus.publication.title.clone(), file: "editions/e.json".to_owned() };
        let mut build = PartitionBuild::default();
        build.add(edition, &reference.publication, &reference.file, None);
        let partition = build.finish(&edition.date, "0000000000000000");
        let files = partition.files.into_iter().map(|(name, bytes)| (format!("{}/{name}", partition.entry.folder), bytes)).collect();
        let index = SearchIndex { format: INDEX_FORMAT.to_owned(), version: 1, partitions: vec![partition.entry] };
        Built { corpus, index, files }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, input)) = data.split_first() else { return };
    let built = built();
    let (damaged_name, valid) = &built.files[usize::from(choice) % built.files.len()];
    let mode = input.first().copied().unwrap_or(0);
    let mut edits = vec![0u8];
    edits.extend(input.iter().skip(1));
    let mut bytes = damaged(valid, &edits);
    if mode & 1 == 1 && bytes.len() > CHECKSUM.end {
        let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[CHECKSUM.end..]);
        bytes[CHECKSUM].copy_from_slice(&checksum.to_le_bytes());
    }
    let files: HashMap<&str, &[u8]> = built.files.iter().map(|(name, valid)| (name.as_str(), valid.as_slice())).collect();
    let groups = built.index.groups();
    for (n, text) in QUERIES.iter().enumerate() {
        let order = if n % 2 == 0 { Order::Relevance } else { Order::Newest };
        let read = |name: &str| match name == damaged_name {
            true => Ok(bytes.clone()),
            false => files.get(name).map(|bytes| bytes.to_vec()).ok_or_else(|| "missing".to_owned()),
        };
        let mut read = read;
        let Ok(mut search) = search_files(&built.index, Query::parse(text).with_order(order), &mut read) else { continue };
        let stories = search.ranked().map_or(Vec::new(), |ranked| ranked.stories.clone());
        let wanted = search.wanted_for(&stories);
        if search.read_files(&wanted, &mut read).is_err() {
            continue;
        }
        for story in &stories {
            assert!(u64::from(story.group) < groups, "a story beyond the archive");
            if let (Some(edition), Some(fragments)) = (search.edition_of(story), search.fragments(story)) {
                let _ = hit(fragments, story.score, &built.corpus.editions[0], &edition.publication, search.query());
            }
        }
    }
});
