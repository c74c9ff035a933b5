//! `publish --prune DAYS`: remove the archive files that no recent root
//! names.
//!
//! Every publish leaves a dated copy of its root in `roots/`
//! (`roots/SECONDS.HASH.json`, seconds since 1970). A file is kept when the
//! current root or a copy dated within the last DAYS days names it, directly
//! or through a calendar or edition file; so a reader that opened a root
//! up to DAYS days ago still finds every file it may ask for. The copies
//! older than that go too, and so do temporary files that a killed publish
//! left behind, the root's among them (the lock is held: no publish is
//! writing).

use std::collections::HashSet;
use std::path::Path;

use super::super::failure::Failure;
use super::super::site::Site;
use crate::archive::index_files::SearchIndex;
use crate::archive::{Calendar, EditionFile, Root, ROOT_FILE};

/// The folders that hold content-addressed files.
const FOLDERS: [&str; 6] = ["calendars", "editions", "pages", "roots", "search", "stories"];

/// Prunes `site`; returns the summary line.
pub fn prune(site: &Site, days: u32) -> Result<String, Failure> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs());
    // With 0 days, no dated copy is kept: only the current root counts.
    let oldest_kept = if days == 0 { u64::MAX } else { now.saturating_sub(u64::from(days) * 86_400) };
    let mut kept = HashSet::new();
    let mut roots = Vec::new();
    if let Some(text) = site.root_text().map_err(|error| Failure::io(format!("{}: {error}", site.shown(ROOT_FILE))))? {
        roots.push((ROOT_FILE.to_owned(), text));
    }
    for name in files_under(site, "roots")? {
        let dated = name.strip_prefix("roots/").and_then(|rest| rest.split('.').next()).and_then(|s| s.parse::<u64>().ok());
        if dated.is_some_and(|seconds| seconds >= oldest_kept) {
            let bytes = site.read_named(&name).map_err(|error| Failure::invalid(format!("{}: {error}", site.shown(&name))))?;
            kept.insert(name.clone());
            roots.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    for (name, text) in &roots {
        let root = Root::decode(text).map_err(|error| Failure::invalid(format!("{}: {error}", site.shown(name))))?;
        keep_named_by(site, &root, &mut kept)?;
    }
    let (mut files, mut bytes) = (0usize, 0u64);
    for folder in FOLDERS {
        for name in files_under(site, folder)? {
            let temporary = name.rsplit('/').next().is_some_and(|file| file.starts_with('.') && file.ends_with(".tmp"));
            let in_kept_folder = name.rfind('/').is_some_and(|slash| kept.contains(&name[..=slash]));
            if temporary || !(kept.contains(&name) || in_kept_folder) {
                let path = site.path(&name);
                bytes += std::fs::metadata(&path).map_or(0, |metadata| metadata.len());
                std::fs::remove_file(&path).map_err(|error| Failure::io(format!("{}: cannot remove: {error}", path.display())))?;
                files += 1;
            }
        }
    }
    // Partitions merged into longer ones, and editions replaced, leave
    // their folders empty.
    let years = std::fs::read_dir(site.path("stories")).into_iter().flatten().flatten().map(|year| year.path());
    for parent in std::iter::once(site.path("search")).chain(years) {
        for folder in std::fs::read_dir(parent).into_iter().flatten().flatten() {
            let _ = std::fs::remove_dir(folder.path()); // only an empty folder goes
        }
    }
    // A publish killed while it replaced the root leaves its temporary file beside it.
    let leftovers = std::fs::read_dir(site.path("")).map_err(|error| Failure::io(format!("{}: cannot list: {error}", site.shown(""))))?;
    for entry in leftovers.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!(".{ROOT_FILE}.")) && name.ends_with(".tmp") {
            let path = entry.path();
            bytes += entry.metadata().map_or(0, |metadata| metadata.len());
            std::fs::remove_file(&path).map_err(|error| Failure::io(format!("{}: cannot remove: {error}", path.display())))?;
            files += 1;
        }
    }
    Ok(format!(
        "{}: pruned {files} files ({}) that no root of the last {days} days names",
        site.shown("").trim_end_matches('/'),
        crate::units::size(bytes)
    ))
}

/// Adds every file that `root` names, through its calendars, editions
/// (their pages and story folders) and search index.
fn keep_named_by(site: &Site, root: &Root, kept: &mut HashSet<String>) -> Result<(), Failure> {
    if let Some(search) = root.search.as_ref().filter(|name| kept.insert((*name).clone())) {
        // A partition's folder is kept whole: its shards name its list files.
        for partition in site.read_decoded(search, SearchIndex::decode)?.partitions {
            kept.insert(format!("{}/", partition.folder));
        }
    }
    for year in root.publications.iter().flat_map(|publication| &publication.years) {
        if !kept.insert(year.calendar.clone()) {
            continue;
        }
        for day in site.read_decoded(&year.calendar, Calendar::decode)?.editions {
            if !kept.insert(day.edition.clone()) {
                continue;
            }
            let edition = site.read_decoded(&day.edition, EditionFile::decode)?;
            kept.extend(edition.pages.into_iter().map(|page| page.text));
            // A story folder is kept whole, as a partition's is.
            kept.extend(edition.stories.map(|folder| format!("{folder}/")));
        }
    }
    Ok(())
}

/// The files under `site/folder`, as archive names (`pages/2024/…`).
fn files_under(site: &Site, folder: &str) -> Result<Vec<String>, Failure> {
    let mut names = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(name) = pending.pop() {
        let path = site.path(&name);
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(Failure::io(format!("{}: cannot list: {error}", path.display()))),
        };
        for entry in entries {
            let entry = entry.map_err(|error| Failure::io(format!("{}: cannot list: {error}", path.display())))?;
            let child = format!("{name}/{}", entry.file_name().to_string_lossy());
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                pending.push(child);
            } else if Path::new(&child).extension().is_some() {
                names.push(child);
            }
        }
    }
    Ok(names)
}
