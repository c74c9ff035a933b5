//! `broadsheet publish SITE CORPUS.json…`: add corpora's editions to the
//! static archive in the folder SITE, creating it when missing.
//!
//! Every corpus is read and validated first, one at a time, and nothing is
//! written unless all of them pass. Then each edition is cut into its
//! outline, page texts ([`crate::archive::split`]) and story texts
//! ([`crate::archive::stories`]) and written as new
//! content-addressed files, the calendars of the years that changed are
//! written anew, and the root last, atomically: a publish killed at any
//! moment leaves the old root or the new one, each naming only files that
//! are whole. The root carries the newest edition's outline as well, so
//! that a reader's front page is one file. An edition of the same
//! publication and date as one in the
//! archive replaces it. Two publishes into one SITE take turns (the lock
//! `SITE/.broadsheet.lock`).
//!
//! Memory holds one corpus at a time, and the calendars of the years the
//! publish touches: never the archive.
//!
//! Files no root names any more stay (a reader that opened an older root
//! still finds them) until `--prune DAYS` removes those that no root
//! published in the last DAYS days names ([`prune`]).

mod index;
mod prune;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::atomic::write_atomically;
use super::failure::Failure;
use super::site::Site;
use super::terminal::eprintln_inert;
use crate::archive::format::{CALENDAR_FORMAT, EDITION_FORMAT};
use crate::archive::{
    content_name, split_edition, story_texts, Calendar, CalendarDay, EditionFile, OutlinePage, PublicationEntry, Root, YearEntry,
    ROOT_FILE, VERSION,
};
use crate::corpus::{self, Corpus, Edition, Publication};
use crate::units::size;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The archive folder; created when missing.
    pub site: PathBuf,
    /// Corpus files whose editions to add (or replace, by publication and date).
    pub corpora: Vec<PathBuf>,
    /// Then remove the files that neither the new root nor any root
    /// published in the last DAYS days names (0: only the new root's).
    #[arg(long, value_name = "DAYS")]
    pub prune: Option<u32>,
}

pub fn run(args: &Args) -> u8 {
    if args.corpora.is_empty() && args.prune.is_none() {
        eprintln_inert!("nothing to do: name corpus files to publish, or --prune DAYS");
        return super::EXIT_INVALID;
    }
    super::failure::report(publish(args), || format!("{}: not changed", args.site.display()))
}

fn publish(args: &Args) -> Result<Vec<String>, Failure> {
    std::fs::create_dir_all(&args.site)
        .map_err(|error| Failure::io(format!("{}: cannot create the folder: {error}", args.site.display())))?;
    let site = Site::new(&args.site);
    let waiting = format!("{}: another publish is writing this archive; waiting for it to finish", args.site.display());
    let _lock = super::lock::CorpusLock::acquire_file(&site.path(".broadsheet.lock"), &waiting).map_err(Failure::io)?;
    let root = site.root().map_err(|lines| Failure { code: super::EXIT_INVALID, lines })?;
    let mut lines = Vec::new();
    if !args.corpora.is_empty() {
        let mut publishing = Publishing::new(&site, root.unwrap_or_else(Root::empty));
        for file in &args.corpora {
            publishing.check(&read_corpus(file)?, file)?;
        }
        for file in &args.corpora {
            publishing.add(&read_corpus(file)?)?;
        }
        lines = publishing.finish()?;
    }
    if let Some(days) = args.prune {
        lines.push(prune::prune(&site, days)?);
    }
    Ok(lines)
}

fn read_corpus(file: &Path) -> Result<Corpus, Failure> {
    let name = file.display();
    let text = super::corpus_file::read(file)
        .map_err(|error| Failure { code: error.exit_code(), lines: vec![format!("{name}{error}")] })?;
    corpus::load(&text).map_err(|error| {
        let mut failure = Failure::invalid(format!("{name}: not a valid corpus; nothing was published:"));
        let separator = if matches!(error, corpus::DecodeError::Syntax { .. }) { ":" } else { ": " };
        failure.lines.extend(error.lines().into_iter().map(|line| format!("{name}{separator}{line}")));
        failure
    })
}

/// One publish under way: the root it started from, and the calendars of
/// the years it has touched so far.
struct Publishing<'a> {
    site: &'a Site,
    root: Root,
    /// The editions of each touched (publication title, year), by date.
    years: BTreeMap<(String, u32), BTreeMap<String, CalendarDay>>,
    /// The language of each publication, as the archive or the first
    /// corpus that brings it says.
    langs: BTreeMap<String, String>,
    /// The publications as the archive, then the corpora, list them.
    order: Vec<String>,
    added: BTreeMap<String, BTreeSet<String>>,
    replaced: BTreeMap<String, BTreeSet<String>>,
    /// Published again as they were.
    unchanged: BTreeMap<String, BTreeSet<String>>,
    written: Written,
    indexed: index::Indexed,
}

#[derive(Default)]
struct Written {
    files: usize,
    bytes: u64,
    already_there: usize,
}

impl Written {
    /// Counts a file of `len` bytes, written or found already there.
    fn record(&mut self, wrote: bool, len: usize) {
        if wrote {
            self.files += 1;
            self.bytes += len as u64;
        } else {
            self.already_there += 1;
        }
    }
}

impl<'a> Publishing<'a> {
    fn new(site: &'a Site, root: Root) -> Self {
        let langs = root.publications.iter().map(|entry| (entry.title.clone(), entry.lang.clone())).collect();
        let order = root.publications.iter().map(|entry| entry.title.clone()).collect();
        Publishing {
            site,
            root,
            years: BTreeMap::new(),
            langs,
            order,
            added: BTreeMap::new(),
            replaced: BTreeMap::new(),
            unchanged: BTreeMap::new(),
            written: Written::default(),
            indexed: index::Indexed::default(),
        }
    }

    /// Refuses a corpus whose publication the archive holds in another
    /// language (before anything is written).
    fn check(&mut self, corpus: &Corpus, file: &Path) -> Result<(), Failure> {
        for edition in &corpus.editions {
            let publication = corpus.publication_of(edition);
            if !self.order.contains(&publication.title) {
                self.order.push(publication.title.clone());
            }
            let lang = self.langs.entry(publication.title.clone()).or_insert_with(|| publication.lang.clone());
            if *lang != publication.lang {
                return Err(Failure::invalid(format!(
                    "{}: edition {} of \"{}\" is in \"{}\", but the archive holds that publication in \"{lang}\"; nothing was published",
                    file.display(),
                    edition.date,
                    publication.title,
                    publication.lang
                )));
            }
        }
        Ok(())
    }

    fn add(&mut self, corpus: &Corpus) -> Result<(), Failure> {
        for edition in &corpus.editions {
            let publication = corpus.publication_of(edition);
            let day = self.write_edition(edition, publication)?;
            let year: u32 = edition.date[..4].parse().unwrap_or_default();
            let days = self.calendar(&publication.title, year)?;
            let date = day.date.clone();
            let title = publication.title.clone();
            let outcome = match days.insert(date.clone(), day.clone()) {
                None => &mut self.added,
                Some(old) if old == day => &mut self.unchanged,
                Some(_) => &mut self.replaced,
            };
            outcome.entry(title).or_default().insert(date);
        }
        Ok(())
    }

    /// The editions of `title` in `year`: the archive's calendar, read once.
    fn calendar(&mut self, title: &str, year: u32) -> Result<&mut BTreeMap<String, CalendarDay>, Failure> {
        let key = (title.to_owned(), year);
        if !self.years.contains_key(&key) {
            let listed = self.root.publication(title).and_then(|entry| entry.years.iter().find(|y| y.year == year));
            let days = match listed {
                Some(entry) => self.site.read_decoded(&entry.calendar, Calendar::decode)?.editions.into_iter().map(|day| (day.date.clone(), day)).collect(),
                None => BTreeMap::new(),
            };
            self.years.insert(key.clone(), days);
        }
        Ok(self.years.get_mut(&key).expect("inserted above"))
    }

    fn write_edition(&mut self, edition: &Edition, publication: &Publication) -> Result<CalendarDay, Failure> {
        let year = &edition.date[..4];
        let split = split_edition(edition, publication);
        let mut bytes = 0;
        let mut pages = Vec::with_capacity(split.pages.len());
        for (page, text) in split.pages.into_iter().zip(split.texts) {
            let json = compact(&text.corpus);
            let name = content_name(&format!("pages/{year}"), &format!("{}-p{:02}", edition.date, text.number), &json);
            self.write(&name, &json)?;
            bytes += json.len() as u64;
            pages.push(OutlinePage { page, text: name, bytes: json.len() as u64 });
        }
        // Story texts, for search hits; not counted in `bytes`, which is
        // what reading the edition whole (or keeping it offline) fetches.
        let stories = story_texts(edition, publication);
        for (name, bytes) in &stories.files {
            self.write(&format!("{}/{name}", stories.folder), bytes)?;
        }
        let outline = EditionFile {
            format: EDITION_FORMAT.to_owned(),
            version: VERSION,
            publication: publication.clone(),
            date: edition.date.clone(),
            pages,
            articles: split.articles,
            stories: Some(stories.folder),
        };
        let json = compact(&outline);
        let name = content_name(&format!("editions/{year}"), &edition.date, &json);
        self.write(&name, &json)?;
        bytes += json.len() as u64;
        Ok(CalendarDay {
            date: edition.date.clone(),
            edition: name,
            articles: u32::try_from(edition.articles.len()).unwrap_or(u32::MAX),
            bytes,
        })
    }

    fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        let wrote = self.site.write_named(name, bytes).map_err(Failure::io)?;
        self.written.record(wrote, bytes.len());
        Ok(())
    }

    /// Writes the calendars that changed, the search index, then the root;
    /// returns the summary.
    fn finish(mut self) -> Result<Vec<String>, Failure> {
        let mut years: Vec<_> = std::mem::take(&mut self.years).into_iter().collect();
        years.sort_by_key(|((title, year), _)| (self.order.iter().position(|known| known == title), *year));
        let mut editions = Vec::new();
        for publication in &self.root.publications {
            for year in &publication.years {
                if !years.iter().any(|((title, touched), _)| *title == publication.title && *touched == year.year) {
                    let calendar = self.site.read_decoded(&year.calendar, Calendar::decode)?;
                    editions.extend(calendar.editions.into_iter().map(|day| edition_ref(&publication.title, day)));
                }
            }
        }
        for ((title, _), days) in &years {
            editions.extend(days.values().map(|day| edition_ref(title, day.clone())));
        }
        for ((title, year), days) in years {
            let lang = self.langs[&title].clone();
            let calendar = Calendar {
                format: CALENDAR_FORMAT.to_owned(),
                version: VERSION,
                publication: Publication { title: title.clone(), lang: lang.clone() },
                year,
                editions: days.into_values().collect(),
            };
            let json = compact(&calendar);
            let name = content_name("calendars", &year.to_string(), &json);
            self.write(&name, &json)?;
            let entry = YearEntry {
                year,
                editions: u32::try_from(calendar.editions.len()).unwrap_or(u32::MAX),
                articles: calendar.editions.iter().map(|day| u64::from(day.articles)).sum(),
                bytes: calendar.editions.iter().map(|day| day.bytes).sum(),
                calendar: name,
            };
            let newest = calendar.editions.last().cloned().expect("a touched year has an edition");
            self.set_year(&title, &lang, entry, newest);
        }
        let (search, indexed) = index::index(self.site, editions, self.root.search.as_deref(), &mut self.written)?;
        self.root.search = Some(search);
        self.indexed = indexed;
        // The newest edition's outline rides in the root: a reader's front page is one file.
        self.root.front = None;
        let newest = self.root.newest().map(|entry| entry.newest.edition.clone());
        if let Some(name) = newest {
            self.root.front = Some(self.site.read_decoded(&name, EditionFile::decode)?);
        }
        let json = compact(&self.root);
        // A dated copy first, for `--prune` to know what recent roots named.
        let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs());
        self.write(&content_name("roots", &seconds.to_string(), &json), &json)?;
        let root_path = self.site.path(ROOT_FILE);
        write_atomically(&root_path, &json).map_err(|error| Failure::io(format!("{}: {error}", root_path.display())))?;
        Ok(self.summary())
    }

    fn set_year(&mut self, title: &str, lang: &str, entry: YearEntry, newest: CalendarDay) {
        let position = self.root.publications.iter().position(|publication| publication.title == title);
        let publication = match position {
            Some(position) => &mut self.root.publications[position],
            None => {
                self.root.publications.push(PublicationEntry {
                    title: title.to_owned(),
                    lang: lang.to_owned(),
                    newest: newest.clone(),
                    years: Vec::new(),
                });
                self.root.publications.last_mut().expect("just pushed")
            }
        };
        match publication.years.binary_search_by_key(&entry.year, |year| year.year) {
            Ok(at) => publication.years[at] = entry,
            Err(at) => publication.years.insert(at, entry),
        }
        if newest.date >= publication.newest.date {
            publication.newest = newest;
        }
    }

    fn summary(&self) -> Vec<String> {
        let site = self.site.shown("");
        let site = site.trim_end_matches('/');
        let mut lines = Vec::new();
        for (what, editions) in [("added", &self.added), ("replaced", &self.replaced), ("unchanged", &self.unchanged)] {
            for (title, dates) in editions {
                lines.push(format!("{site}: {title}: {what} {}", dates_shown(dates)));
            }
        }
        let editions: u32 = self.root.publications.iter().flat_map(|p| &p.years).map(|y| y.editions).sum();
        let articles: u64 = self.root.publications.iter().flat_map(|p| &p.years).map(|y| y.articles).sum();
        let bytes: u64 = self.root.publications.iter().flat_map(|p| &p.years).map(|y| y.bytes).sum();
        let built = &self.indexed.built;
        lines.push(match (built.first(), built.last()) {
            (Some(first), Some(last)) if first != last => {
                format!("{site}: search index: indexed {} partitions ({first} … {last}), kept {}", built.len(), self.indexed.kept)
            }
            (Some(only), _) => format!("{site}: search index: indexed {only}, kept {} partitions", self.indexed.kept),
            _ => format!("{site}: search index: unchanged ({} partitions)", self.indexed.kept),
        });
        lines.push(format!(
            "{site}: wrote {} files ({}) and the root; {} already there",
            self.written.files,
            size(self.written.bytes),
            self.written.already_there
        ));
        lines.push(format!(
            "{site}: the archive holds {} publication{}, {editions} editions, {articles} articles, {}",
            self.root.publications.len(),
            if self.root.publications.len() == 1 { "" } else { "s" },
            size(bytes)
        ));
        lines
    }
}

/// An edition of publication `title` as the search index plans it.
fn edition_ref(title: &str, day: CalendarDay) -> crate::search::archive::EditionRef {
    crate::search::archive::EditionRef { date: day.date, publication: title.to_owned(), file: day.edition }
}

/// The JSON of an archive file: compact, for the bytes a reader fetches.
fn compact(value: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec(value).expect("archive files always serialize")
}

/// `3 editions (2024-09-10 … 2024-09-12)`, or the one date.
fn dates_shown(dates: &BTreeSet<String>) -> String {
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first != last => format!("{} editions ({first} … {last})", dates.len()),
        (Some(only), _) => format!("1 edition ({only})"),
        _ => "no edition".to_owned(),
    }
}
