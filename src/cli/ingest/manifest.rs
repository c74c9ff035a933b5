//! The manifest of a bulk ingest: a TSV file listing page files with their
//! edition, so that many papers load in one process.
//!
//! The first line names the columns `file date page publication lang` (in any
//! order; other columns are ignored). `file` is relative to the manifest;
//! an empty `publication` means the corpus's own, an empty `lang` means
//! detect it from the text. Blank lines are skipped.

use std::path::{Path, PathBuf};

/// One page to ingest, and where the manifest named it (`pages.tsv:7`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub origin: String,
    pub file: PathBuf,
    pub date: String,
    pub page: u32,
    pub publication: Option<String>,
    pub lang: Option<String>,
}

const COLUMNS: [&str; 5] = ["file", "date", "page", "publication", "lang"];

/// The entries of the manifest text read from `path`; errors name the line.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Entry>, String> {
    let name = path.display();
    let base = path.parent().unwrap_or(Path::new(""));
    let mut lines = text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err(format!("{name}: empty manifest; its first line names the columns {}", COLUMNS.join(" ")));
    };
    let header: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut at = [0usize; 5];
    for (slot, column) in at.iter_mut().zip(COLUMNS) {
        *slot = header.iter().position(|&name| name == column).ok_or_else(|| {
            let line = header_line + 1;
            format!(
                "{name}:{line}: no `{column}` column; the first line names the columns {} (tab-separated)",
                COLUMNS.join(" ")
            )
        })?;
    }
    let mut entries = Vec::new();
    for (index, line) in lines {
        let origin = format!("{name}:{}", index + 1);
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |column: usize| cells.get(at[column]).copied().unwrap_or_default();
        if cells.len() < header.len() {
            return Err(format!("{origin}: {} columns, but the header names {}", cells.len(), header.len()));
        }
        let page = cell(2)
            .parse::<u32>()
            .ok()
            .filter(|&page| page >= 1)
            .ok_or_else(|| format!("{origin}: page \"{}\" is not a page number (from 1)", cell(2)))?;
        if cell(0).is_empty() {
            return Err(format!("{origin}: no file named"));
        }
        let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        entries.push(Entry {
            file: base.join(cell(0)),
            date: cell(1).to_owned(),
            page,
            publication: optional(cell(3)),
            lang: optional(cell(4)),
            origin,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_entries_relative_to_the_manifest() {
        let text =
            "file\tdate\tpage\tpublication\tlang\n\nsn1.txt\t1916-01-04\t1\tThe Sun.\ten\np2.txt\t1916-01-04\t2\t\t\n";
        let entries = parse(Path::new("build/pages.tsv"), text).unwrap();
        assert_eq!(entries[0].file, Path::new("build/sn1.txt"));
        assert_eq!(
            (entries[0].page, entries[0].publication.as_deref(), entries[0].lang.as_deref()),
            (1, Some("The Sun."), Some("en"))
        );
        assert_eq!(
            (entries[1].origin.as_str(), entries[1].publication.as_deref(), entries[1].lang.as_deref()),
            ("build/pages.tsv:4", None, None)
        );
    }

    #[test]
    fn bad_rows_are_named_by_line() {
        let header = "file\tdate\tpage\tpublication\tlang\n";
        let error = parse(Path::new("m.tsv"), &format!("{header}a.txt\t1916-01-04\tone\tX\ten\n")).unwrap_err();
        assert_eq!(error, "m.tsv:2: page \"one\" is not a page number (from 1)");
        let error = parse(Path::new("m.tsv"), &format!("{header}a.txt\t1916-01-04\n")).unwrap_err();
        assert_eq!(error, "m.tsv:2: 2 columns, but the header names 5");
        let error = parse(Path::new("m.tsv"), "file\tdate\tpage\n").unwrap_err();
        assert!(error.starts_with("m.tsv:1: no `publication` column"), "{error}");
    }
}
