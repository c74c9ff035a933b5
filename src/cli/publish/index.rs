//! The search index of a publish: plan the archive's partitions, keep the
//! ones whose editions did not change, build the others from the editions'
//! files, and write the index file the root names.
//!
//! A partition is built from the files just written (or already there),
//! an edition at a time, so memory holds one edition and the partition's
//! lists. Its files go into a new folder named after their hash, and the
//! index file is content-addressed: a reader that opened the old root
//! keeps finding the old partitions (until `--prune`).

use super::super::failure::Failure;
use super::super::site::Site;
use super::{compact, Written};
use crate::archive::index_files::{PartitionEntry, SearchIndex, INDEX_FORMAT};
use crate::archive::{content_name, VERSION};
use crate::search::archive::{plan, EditionRef, PartitionBuild};

/// What indexing did, for the summary.
#[derive(Default)]
pub struct Indexed {
    pub built: Vec<String>,
    pub kept: usize,
}

/// Indexes `editions` (every edition of the archive, in any order), reusing
/// the partitions of `old` (the index the root named, if any) whose
/// editions are the same; returns the index file's name.
pub fn index(site: &Site, mut editions: Vec<EditionRef>, old: Option<&str>, written: &mut Written) -> Result<(String, Indexed), Failure> {
    editions.sort();
    // An unreadable old index is rebuilt whole: nothing is lost.
    let old: Vec<PartitionEntry> = old
        .and_then(|name| site.read_decoded(name, SearchIndex::decode).ok())
        .map(|index| index.partitions)
        .unwrap_or_default();
    let mut indexed = Indexed::default();
    let mut partitions = Vec::new();
    for planned in plan(&editions) {
        let same = old.iter().find(|entry| entry.key == planned.key && entry.sources == planned.sources);
        if let Some(entry) = same.filter(|entry| site.path(&entry.head()).exists()) {
            partitions.push(entry.clone());
            indexed.kept += 1;
            continue;
        }
        let mut build = PartitionBuild::default();
        for edition in &editions[planned.editions.clone()] {
            let (outline, text) = site.read_outline_and_edition(&edition.file)?;
            build.add(&text, &edition.publication, &edition.file, outline.stories);
        }
        let built = build.finish(&planned.key, &planned.sources);
        for (name, bytes) in &built.files {
            let name = format!("{}/{name}", built.entry.folder);
            written.record(site.write_named(&name, bytes).map_err(Failure::io)?, bytes.len());
        }
        indexed.built.push(planned.key);
        partitions.push(built.entry);
    }
    let index = SearchIndex { format: INDEX_FORMAT.to_owned(), version: VERSION, partitions };
    let json = compact(&index);
    let name = content_name("search", "index", &json);
    written.record(site.write_named(&name, &json).map_err(Failure::io)?, json.len());
    Ok((name, indexed))
}
