//! The archive's files as types, and their decoding from untrusted text.
//!
//! Three kinds of file besides the page texts (which are corpora): the
//! [`Root`], one [`Calendar`] per publication and year, one [`EditionFile`]
//! per edition. Each carries `format` and `version`; a reader refuses
//! another format, or a higher version, and says which it reads. Decoding
//! checks types with serde, then the rules serde cannot express (dates,
//! paths that stay inside the archive, counts that agree), each problem
//! with its JSON path, as the corpus's own decoder reports them.
//!
//! Nothing here fetches a file or checks one file against another: the
//! edition's agreement with its page texts is [`super::split`]'s.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::address::is_archive_path;
use super::VERSION;
use crate::corpus::decode::is_iso_date;
use crate::corpus::problem::{field, index};
use crate::corpus::{Jump, Page, Problem, Publication};

/// `archive.json`: the one file rewritten in place, small whatever the
/// archive's size (a few lines per publication and year).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Root {
    pub format: String,
    pub version: u64,
    pub publications: Vec<PublicationEntry>,
    /// The outline of the newest edition ([`Root::newest`]'s), carried
    /// here so that a reader's front page needs this one file: about 15 KB
    /// gzipped for a 24-page daily, whatever the archive's size. Optional:
    /// a root without it is read as well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front: Option<EditionFile>,
    /// The search index's file ([`super::index_files::SearchIndex`]).
    /// Optional: an archive without one is read, and searched by no index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// One publication of the archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicationEntry {
    pub title: String,
    pub lang: String,
    /// The newest edition, named here so that a reader's first view needs
    /// the root and that edition only.
    pub newest: CalendarDay,
    /// Oldest first.
    pub years: Vec<YearEntry>,
}

/// One year of a publication: how much it holds and its calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearEntry {
    pub year: u32,
    pub editions: u32,
    pub articles: u64,
    /// The bytes of every file of the year's editions (outlines and page
    /// texts), as written.
    pub bytes: u64,
    pub calendar: String,
}

/// The editions of one publication in one year, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    pub format: String,
    pub version: u64,
    pub publication: Publication,
    pub year: u32,
    pub editions: Vec<CalendarDay>,
}

/// One edition in a calendar: its date, its file and its size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: String,
    pub edition: String,
    pub articles: u32,
    /// The bytes of the edition file and of its page texts.
    pub bytes: u64,
}

/// An edition's outline: its pages, each naming its text file, and every
/// article's heads and jumps, without the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionFile {
    pub format: String,
    pub version: u64,
    pub publication: Publication,
    pub date: String,
    pub pages: Vec<OutlinePage>,
    pub articles: Vec<OutlineArticle>,
    /// The folder of the edition's story texts ([`super::stories`]);
    /// absent in editions published before story texts were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stories: Option<String>,
}

/// A page of an outline, and the file holding its articles' text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlinePage {
    #[serde(flatten)]
    pub page: Page,
    pub text: String,
    pub bytes: u64,
}

/// An article as an outline holds it: everything but the blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutlineArticle {
    pub id: String,
    pub page: u32,
    pub kicker: Option<String>,
    pub headline: Option<String>,
    pub deck: Option<String>,
    pub byline: Option<String>,
    pub continued_from: Option<Jump>,
    pub continued_on: Option<Jump>,
}

/// The `format` of each kind of file.
pub const ROOT_FORMAT: &str = "broadsheet-archive";
pub const CALENDAR_FORMAT: &str = "broadsheet-calendar";
pub const EDITION_FORMAT: &str = "broadsheet-edition";

/// Why an archive file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not JSON of the file's shape; `line` and `column` count from 1.
    Syntax { line: usize, column: usize, message: String },
    /// Another kind of file.
    Format { expected: &'static str, found: String },
    /// A version this build does not read.
    UnsupportedVersion { found: u64 },
    /// Rules broken, each with its JSON path.
    Invalid(Vec<Problem>),
}

impl ArchiveError {
    /// The problems as lines a person can act on.
    pub fn lines(&self) -> Vec<String> {
        match self {
            ArchiveError::Invalid(problems) => problems.iter().map(Problem::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::Syntax { line, column, message } => write!(f, "{line}:{column}: {message}"),
            ArchiveError::Format { expected, found } => {
                write!(f, "format: expected \"{expected}\", found \"{found}\"")
            }
            ArchiveError::UnsupportedVersion { found } => write!(
                f,
                "version: this archive file is format version {found}, but this build of Broadsheet reads version {VERSION}; \
                 update Broadsheet"
            ),
            ArchiveError::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
                write!(f, "{}", lines.join("; "))
            }
        }
    }
}

impl std::error::Error for ArchiveError {}

/// The fields every archive file starts with.
pub(super) trait Versioned: for<'de> Deserialize<'de> {
    const FORMAT: &'static str;
    /// The file's `format` and `version`.
    fn head(&self) -> (&str, u64);
    /// The rules beyond the types, each problem pushed with its path.
    fn check(&self, problems: &mut Vec<Problem>);
}

pub(super) fn decode<T: Versioned>(text: &str) -> Result<T, ArchiveError> {
    #[derive(Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let syntax = |error: serde_json::Error| ArchiveError::Syntax {
        line: error.line(),
        column: error.column(),
        message: error.to_string().rsplit_once(" at line ").map_or_else(|| error.to_string(), |(message, _)| message.to_owned()),
    };
    // Read once; the format and version are looked at apart only when the
    // file is not of this kind and version, so that another kind of file,
    // or a later version, is named as such rather than as a shape mismatch.
    let value = match serde_json::from_str::<T>(text) {
        Ok(value) if value.head() == (T::FORMAT, VERSION) => value,
        read => {
            let head: Head = serde_json::from_str(text).map_err(syntax)?;
            let format = head.format.as_ref().and_then(|f| f.as_str()).unwrap_or_default();
            if format != T::FORMAT {
                let found = head.format.map(|f| f.as_str().map_or_else(|| f.to_string(), str::to_owned)).unwrap_or_default();
                return Err(ArchiveError::Format { expected: T::FORMAT, found });
            }
            match head.version.as_ref().and_then(serde_json::Value::as_u64) {
                Some(VERSION) => {}
                Some(found) if found > VERSION => return Err(ArchiveError::UnsupportedVersion { found }),
                _ => return Err(ArchiveError::Invalid(vec![Problem::new("version", format!("expected {VERSION}"))])),
            }
            read.map_err(syntax)?
        }
    };
    let mut problems = Vec::new();
    value.check(&mut problems);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(ArchiveError::Invalid(problems))
    }
}

impl Root {
    pub fn decode(text: &str) -> Result<Root, ArchiveError> {
        decode(text)
    }

    /// An archive with no publication yet.
    pub fn empty() -> Root {
        Root { format: ROOT_FORMAT.to_owned(), version: VERSION, publications: Vec::new(), front: None, search: None }
    }

    /// The publication titled `title`.
    pub fn publication(&self, title: &str) -> Option<&PublicationEntry> {
        self.publications.iter().find(|entry| entry.title == title)
    }

    /// The newest edition of all publications (the first publication's on
    /// a tie): where a reader opens.
    pub fn newest(&self) -> Option<&PublicationEntry> {
        self.publications.iter().reduce(|best, entry| if entry.newest.date > best.newest.date { entry } else { best })
    }
}

impl Versioned for Root {
    const FORMAT: &'static str = ROOT_FORMAT;

    fn head(&self) -> (&str, u64) {
        (&self.format, self.version)
    }

    fn check(&self, problems: &mut Vec<Problem>) {
        for (p, entry) in self.publications.iter().enumerate() {
            let path = index("publications", p);
            if self.publications[..p].iter().any(|other| other.title == entry.title) {
                problems.push(Problem::new(field(&path, "title"), format!("publication \"{}\" is listed twice", entry.title)));
            }
            check_day(&entry.newest, &field(&path, "newest"), problems);
            if entry.years.is_empty() {
                problems.push(Problem::new(field(&path, "years"), "a publication has at least one year"));
            }
            for (y, year) in entry.years.iter().enumerate() {
                let year_path = index(&field(&path, "years"), y);
                if y > 0 && entry.years[y - 1].year >= year.year {
                    problems.push(Problem::new(field(&year_path, "year"), "years are listed oldest first, each once"));
                }
                check_path(&year.calendar, &field(&year_path, "calendar"), problems);
            }
            let newest_year = entry.newest.date.get(..4).and_then(|year| year.parse::<u32>().ok());
            if entry.years.last().map(|year| year.year) != newest_year {
                problems.push(Problem::new(field(&path, "newest"), "the newest edition is not of the last year listed"));
            }
        }
        if let Some(search) = &self.search {
            check_path(search, "search", problems);
        }
        if let Some(front) = &self.front {
            let newest = self.newest();
            if newest.is_none_or(|entry| entry.newest.date != front.date || entry.title != front.publication.title) {
                problems.push(Problem::new("front", "not the outline of the newest edition"));
            }
            let mut inner = Vec::new();
            front.check(&mut inner);
            problems.extend(inner.into_iter().map(|problem| Problem::new(field("front", &problem.path), problem.message)));
        }
    }
}

impl Calendar {
    pub fn decode(text: &str) -> Result<Calendar, ArchiveError> {
        decode(text)
    }
}

impl Versioned for Calendar {
    const FORMAT: &'static str = CALENDAR_FORMAT;

    fn head(&self) -> (&str, u64) {
        (&self.format, self.version)
    }

    fn check(&self, problems: &mut Vec<Problem>) {
        for (d, day) in self.editions.iter().enumerate() {
            let path = index("editions", d);
            check_day(day, &path, problems);
            if !day.date.starts_with(&format!("{:04}-", self.year)) {
                problems.push(Problem::new(field(&path, "date"), format!("{} is not in {}", day.date, self.year)));
            }
            if d > 0 && self.editions[d - 1].date >= day.date {
                problems.push(Problem::new(field(&path, "date"), "editions are listed oldest first, each date once"));
            }
        }
    }
}

impl EditionFile {
    pub fn decode(text: &str) -> Result<EditionFile, ArchiveError> {
        decode(text)
    }
}

impl Versioned for EditionFile {
    const FORMAT: &'static str = EDITION_FORMAT;

    fn head(&self) -> (&str, u64) {
        (&self.format, self.version)
    }

    fn check(&self, problems: &mut Vec<Problem>) {
        check_date(&self.date, "date", problems);
        for (p, page) in self.pages.iter().enumerate() {
            check_path(&page.text, &field(&index("pages", p), "text"), problems);
        }
        if let Some(stories) = &self.stories {
            check_path(stories, "stories", problems);
        }
        // The rules of an edition (unique pages and ids, jumps that point
        // back) are the corpus's, checked on the outline as an edition.
        let edition = super::split::assemble_outline(self);
        let checked = crate::corpus::Corpus { editions: vec![edition], ..crate::corpus::Corpus::new(self.publication.clone()) };
        for problem in crate::corpus::validate::validate_structure(&checked) {
            let path = problem.path.strip_prefix("editions[0].").unwrap_or(&problem.path).to_owned();
            problems.push(Problem::new(path, problem.message));
        }
    }
}

fn check_day(day: &CalendarDay, path: &str, problems: &mut Vec<Problem>) {
    check_date(&day.date, &field(path, "date"), problems);
    check_path(&day.edition, &field(path, "edition"), problems);
}

/// A problem at `path` unless `date` is a date as `YYYY-MM-DD`.
pub(super) fn check_date(date: &str, path: &str, problems: &mut Vec<Problem>) {
    if !is_iso_date(date) {
        problems.push(Problem::new(path, format!("expected a date as YYYY-MM-DD, found \"{date}\"")));
    }
}

pub(super) fn check_path(path_value: &str, path: &str, problems: &mut Vec<Problem>) {
    if !is_archive_path(path_value) {
        problems.push(Problem::new(path, format!("\"{path_value}\" is not a relative path inside the archive")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_kind_of_file_or_a_later_version_is_named_as_such() {
        let corpus = r#"{ "format": "broadsheet-corpus", "version": 1 }"#;
        assert_eq!(
            Root::decode(corpus).unwrap_err().to_string(),
            r#"format: expected "broadsheet-archive", found "broadsheet-corpus""#
        );
        let later = r#"{ "format": "broadsheet-archive", "version": 2, "publications": "anything" }"#;
        assert_eq!(Root::decode(later).unwrap_err(), ArchiveError::UnsupportedVersion { found: 2 });
        assert_eq!(Root::decode("{ \"format\": ").unwrap_err().lines()[0].split(':').take(2).collect::<Vec<_>>(), ["1", "12"]);
    }

    #[test]
    fn paths_that_leave_the_archive_are_refused_with_their_json_path() {
        let root = r#"{ "format": "broadsheet-archive", "version": 1, "publications": [ { "title": "The Sun", "lang": "en",
            "newest": { "date": "1916-03-04", "edition": "https://evil.example/e.json", "articles": 1, "bytes": 10 },
            "years": [ { "year": 1916, "editions": 1, "articles": 1, "bytes": 10, "calendar": "../c.json" } ] } ] }"#;
        let lines = Root::decode(root).unwrap_err().lines();
        assert_eq!(
            lines,
            [
                "publications[0].newest.edition: \"https://evil.example/e.json\" is not a relative path inside the archive",
                "publications[0].years[0].calendar: \"../c.json\" is not a relative path inside the archive",
            ]
        );
    }
}
