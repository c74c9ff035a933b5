//! The page files of a folder: every `.txt` file (a page's text) or `.xml`
//! file (its ALTO layout) whose name carries its page number (`01.txt`,
//! `page-12.txt`, `A-3.txt`, `1858-12-07_01-00002.xml`), in page order.

use std::path::{Path, PathBuf};

/// A page file and the page number its name gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageFile {
    pub path: PathBuf,
    pub page: u32,
}

/// The page files of `folder` in page order, and the page files skipped
/// because their names carry no page number. Two files naming the same page
/// are an error: which one is meant cannot be guessed.
pub fn page_files(folder: &Path) -> Result<(Vec<PageFile>, Vec<PathBuf>), String> {
    let entries =
        std::fs::read_dir(folder).map_err(|error| format!("{}: cannot list the folder: {error}", folder.display()))?;
    let mut pages: Vec<PageFile> = Vec::new();
    let mut skipped = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| format!("{}: cannot list the folder: {error}", folder.display()))?.path();
        let is_page = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("txt") || extension.eq_ignore_ascii_case("xml"));
        if !is_page || !path.is_file() {
            continue;
        }
        match path.file_stem().and_then(|stem| page_number(&stem.to_string_lossy())) {
            Some(page) => pages.push(PageFile { path, page }),
            None => skipped.push(path),
        }
    }
    pages.sort_by(|a, b| (a.page, &a.path).cmp(&(b.page, &b.path)));
    if let Some(pair) = pages.windows(2).find(|pair| pair[0].page == pair[1].page) {
        return Err(format!(
            "{} and {} both name page {}; rename or move one of them",
            pair[0].path.display(),
            pair[1].path.display(),
            pair[0].page
        ));
    }
    skipped.sort();
    Ok((pages, skipped))
}

/// The last run of digits in a file name, when it is a page number (from 1).
fn page_number(stem: &str) -> Option<u32> {
    let through_digits = &stem[..stem.rfind(|c: char| c.is_ascii_digit())? + 1];
    let digits = &through_digits[through_digits.trim_end_matches(|c: char| c.is_ascii_digit()).len()..];
    digits.parse().ok().filter(|&page| page >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_number_in_a_name_is_its_page() {
        assert_eq!(page_number("01"), Some(1));
        assert_eq!(page_number("page-12"), Some(12));
        assert_eq!(page_number("2024-09-12-p3"), Some(3));
        assert_eq!(page_number("第3版"), Some(3), "a wide character before the digits");
        assert_eq!(page_number("第十二版"), None);
        assert_eq!(page_number("notes"), None);
        assert_eq!(page_number("page-0"), None);
        assert_eq!(page_number("99999999999"), None);
    }
}
