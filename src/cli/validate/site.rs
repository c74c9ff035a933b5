//! `broadsheet validate SITE`: check an archive folder as thoroughly as a
//! corpus.
//!
//! Every file the root names, through the calendars and edition files, must
//! be there and hold what the hash in its name promises; each must decode;
//! each page text must be a valid corpus and the very page its edition's
//! outline describes; each edition, put back together, must pass every
//! rule of the corpus format (jumps between its page files included); its
//! story texts must be exactly those of the edition put together; the
//! counts and sizes the root and calendars give must be right; the search
//! index must index exactly these editions ([`search_index`]). Each
//! problem is one line, `SITE/FILE: json.path: what is wrong`. One edition
//! is in memory at a time.

mod search_index;

use std::collections::HashMap;

use super::super::site::Site;
use crate::archive::{attach_page, story_texts, CalendarDay, EditionFile, Root, ROOT_FILE};
use crate::archive::{assemble_outline, Calendar};
use crate::corpus::{self, Corpus, Edition, Publication};
use crate::search::archive::EditionRef;

/// What a good archive holds.
pub struct Totals {
    pub publications: usize,
    pub editions: u64,
    pub articles: u64,
    pub bytes: u64,
}

/// Checks the archive in `site`: its totals, or every problem as a line.
pub fn check(site: &Site) -> Result<Totals, Vec<String>> {
    let mut check = Check { site, problems: Vec::new(), story_folders: HashMap::new() };
    let root = match site.root() {
        Ok(Some(root)) => root,
        Ok(None) => return Err(vec![format!("{}: missing: not an archive folder (no {ROOT_FILE})", site.shown(ROOT_FILE))]),
        Err(lines) => return Err(lines),
    };
    let totals = check.root(&root);
    if check.problems.is_empty() {
        Ok(totals)
    } else {
        Err(check.problems)
    }
}

struct Check<'a> {
    site: &'a Site,
    problems: Vec<String>,
    /// The story folder each edition file names, for the index's heads.
    story_folders: HashMap<String, Option<String>>,
}

impl Check<'_> {
    fn problem(&mut self, name: &str, line: impl std::fmt::Display) {
        self.problems.push(format!("{}: {line}", self.site.shown(name)));
    }

    /// The text of a content-addressed file, or `None` with its problem noted.
    fn text(&mut self, name: &str) -> Option<String> {
        match self.site.read_named(name) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(_) => {
                    self.problem(name, "not UTF-8");
                    None
                }
            },
            Err(error) => {
                self.problem(name, error);
                None
            }
        }
    }

    fn root(&mut self, root: &Root) -> Totals {
        let mut totals = Totals { publications: root.publications.len(), editions: 0, articles: 0, bytes: 0 };
        let mut editions = Vec::new();
        for (p, entry) in root.publications.iter().enumerate() {
            let publication = Publication { title: entry.title.clone(), lang: entry.lang.clone() };
            let mut last_day = None;
            for (y, year) in entry.years.iter().enumerate() {
                let path = format!("publications[{p}].years[{y}]");
                let Some(calendar) = self.calendar(&year.calendar, &publication, year.year) else { continue };
                let days = calendar.editions.len() as u64;
                let articles: u64 = calendar.editions.iter().map(|day| u64::from(day.articles)).sum();
                let bytes: u64 = calendar.editions.iter().map(|day| day.bytes).sum();
                if (u64::from(year.editions), year.articles, year.bytes) != (days, articles, bytes) {
                    self.problem(
                        ROOT_FILE,
                        format!(
                            "{path}: says {} editions, {} articles, {} bytes; its calendar holds {days}, {articles}, {bytes}",
                            year.editions, year.articles, year.bytes
                        ),
                    );
                }
                for day in &calendar.editions {
                    self.edition(day, &publication);
                    editions.push(EditionRef { date: day.date.clone(), publication: entry.title.clone(), file: day.edition.clone() });
                }
                totals.editions += days;
                totals.articles += articles;
                totals.bytes += bytes;
                last_day = calendar.editions.last().cloned().or(last_day);
            }
            if last_day.as_ref() != Some(&entry.newest) {
                self.problem(ROOT_FILE, format!("publications[{p}].newest: not the last edition of its last calendar"));
            }
        }
        if let Some(search) = &root.search {
            self.search_index(search, editions);
        }
        if let (Some(front), Some(newest)) = (&root.front, root.newest()) {
            let file = self.text(&newest.newest.edition).and_then(|text| EditionFile::decode(&text).ok());
            if file.as_ref() != Some(front) {
                self.problem(ROOT_FILE, format!("front: not the outline in {}", newest.newest.edition));
            }
        }
        totals
    }

    fn calendar(&mut self, name: &str, publication: &Publication, year: u32) -> Option<Calendar> {
        let text = self.text(name)?;
        let calendar = match Calendar::decode(&text) {
            Ok(calendar) => calendar,
            Err(error) => {
                for line in error.lines() {
                    self.problem(name, line);
                }
                return None;
            }
        };
        if calendar.publication != *publication || calendar.year != year {
            self.problem(name, format!("the root lists it as {} of {year}, but it is {} of {}", publication.title, calendar.publication.title, calendar.year));
        }
        Some(calendar)
    }

    /// Checks one edition and its page texts, put back together.
    fn edition(&mut self, day: &CalendarDay, publication: &Publication) {
        let name = day.edition.as_str();
        let Some(text) = self.text(name) else { return };
        let file = match EditionFile::decode(&text) {
            Ok(file) => file,
            Err(error) => {
                for line in error.lines() {
                    self.problem(name, line);
                }
                return;
            }
        };
        if file.date != day.date || file.publication != *publication {
            self.problem(name, format!("the calendar lists it as {} of {}, but it is {} of {}", publication.title, day.date, file.publication.title, file.date));
        }
        if file.articles.len() as u64 != u64::from(day.articles) {
            self.problem(name, format!("its calendar says {} articles; it holds {}", day.articles, file.articles.len()));
        }
        self.story_folders.insert(name.to_owned(), file.stories.clone());
        let mut edition = assemble_outline(&file);
        let mut bytes = text.len() as u64;
        let mut attached = 0;
        let mut all_read = true;
        for (p, page) in file.pages.iter().enumerate() {
            let Some(page_text) = self.text(&page.text) else {
                all_read = false;
                continue;
            };
            bytes += page_text.len() as u64;
            if page_text.len() as u64 != page.bytes {
                self.problem(name, format!("pages[{p}].bytes: says {}; the file has {}", page.bytes, page_text.len()));
            }
            let corpus = match corpus::load(&page_text) {
                Ok(corpus) => corpus,
                Err(error) => {
                    let separator = if matches!(error, corpus::DecodeError::Syntax { .. }) { ":" } else { ": " };
                    for line in error.lines() {
                        self.problems.push(format!("{}{separator}{line}", self.site.shown(&page.text)));
                    }
                    continue;
                }
            };
            match attach_page(&mut edition, page.page.number, corpus) {
                Ok(()) => attached += 1,
                Err(problems) => {
                    for problem in problems {
                        self.problem(&page.text, problem);
                    }
                }
            }
        }
        if all_read && bytes != day.bytes {
            self.problem(name, format!("its calendar says {} bytes with its pages; they have {bytes}", day.bytes));
        }
        if attached < file.pages.len() {
            return;
        }
        let whole = Corpus { editions: vec![edition], ..Corpus::new(publication.clone()) };
        let problems = corpus::validate::validate(&whole);
        for problem in &problems {
            self.problem(name, format!("put together with its pages: {problem}"));
        }
        if let (Some(folder), true) = (&file.stories, problems.is_empty()) {
            self.stories(name, folder, &whole.editions[0], publication);
        }
    }

    /// Checks that the story folder `folder`, which the outline `name`
    /// names, holds exactly the story texts of `edition`.
    fn stories(&mut self, name: &str, folder: &str, edition: &Edition, publication: &Publication) {
        let expected = story_texts(edition, publication);
        if expected.folder != folder {
            self.problem(name, format!("stories: the story texts of this edition are {}, not {folder}; publish it again", expected.folder));
            return;
        }
        for (file, bytes) in &expected.files {
            let file = format!("{folder}/{file}");
            match std::fs::read(self.site.path(&file)) {
                Ok(found) if found == *bytes => {}
                Ok(_) => self.problem(&file, "not the story text of its edition (cut short or changed)"),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => self.problem(&file, "missing"),
                Err(error) => self.problem(&file, format!("cannot read: {error}")),
            }
        }
    }
}
