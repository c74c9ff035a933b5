//! Whether the reader's `src` is an archive, and where its files are.

/// An archive's root file and the folder its other files are named in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveLocation {
    /// The root's URL (`…/archive.json`).
    pub root: String,
    /// The folder's URL, ending in `/`: file names are relative to it.
    pub base: String,
}

impl ArchiveLocation {
    /// The URL of the archive's file `name` (a plain relative path, as
    /// [`crate::archive::is_archive_path`] admits).
    pub fn file(&self, name: &str) -> String {
        format!("{}{name}", self.base)
    }
}

/// The archive at `src` (already resolved against the host page), when
/// `src` names a folder (ends in `/`) or an `archive.json`; `None` for a
/// corpus file. A query string stays on the root's URL only.
pub fn archive_base(src: &str) -> Option<ArchiveLocation> {
    let end = src.find(['?', '#']).unwrap_or(src.len());
    let (path, query) = src.split_at(end);
    let query = query.split('#').next().unwrap_or_default();
    let root_file = crate::archive::ROOT_FILE;
    if let Some(base) = path.strip_suffix(root_file).filter(|base| base.is_empty() || base.ends_with('/')) {
        return Some(ArchiveLocation { root: format!("{path}{query}"), base: base.to_owned() });
    }
    path.ends_with('/').then(|| ArchiveLocation { root: format!("{path}{root_file}{query}"), base: path.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_or_its_root_file_is_an_archive_and_a_corpus_file_is_not() {
        let folder = archive_base("https://news.example/site/").unwrap();
        assert_eq!(folder.root, "https://news.example/site/archive.json");
        assert_eq!(folder.file("editions/2024/x.json"), "https://news.example/site/editions/2024/x.json");
        let root = archive_base("https://news.example/site/archive.json?v=2").unwrap();
        assert_eq!((root.root.as_str(), root.base.as_str()), ("https://news.example/site/archive.json?v=2", "https://news.example/site/"));
        assert_eq!(archive_base("https://news.example/corpus.json"), None);
        assert_eq!(archive_base("https://news.example/my-archive.json"), None);
    }
}
