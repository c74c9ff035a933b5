//! What the reader holds of an archive, and what it must fetch next to show
//! a route.
//!
//! The reader opens an archive with its root and fetches the rest as views
//! ask for it: an edition's outline for the edition view (every headline,
//! no text), a page's text for that page's view or one of its articles,
//! every page of a continued article for the stitched read, and a
//! calendar only to find an edition the root does not name. [`ArchiveState::need`]
//! says which one file the route still lacks, one at a time, so the
//! caller fetches it, hands it back, and asks again until nothing is
//! missing; then [`ArchiveState::corpus`] is what the views read, as they
//! read a corpus file. Plain data, no fetching: tested natively.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::archive::{assemble_outline, attach_page, Calendar, CalendarDay, EditionFile, Root};
use crate::corpus::{Corpus, Edition, Problem, Publication};
use crate::ui::dates::DateIndex;
use crate::ui::route::{EditionKey, Read, Route};
use crate::ui::stitch::thread;

/// The archive as far as the reader has fetched it.
pub struct ArchiveState {
    root: Root,
    /// By file name.
    calendars: HashMap<String, Calendar>,
    /// In the order they were opened: the corpus's order.
    editions: Vec<OpenEdition>,
    /// Grows with every file taken in.
    version: u64,
}

struct OpenEdition {
    /// The edition file's name.
    name: String,
    edition: Edition,
    /// The text file of each page.
    texts: BTreeMap<u32, String>,
    /// The pages whose text is in `edition`.
    held: BTreeSet<u32>,
}

/// The one file a route still needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    Calendar(String),
    Edition(String),
    /// The text of page `number` of the edition file `edition`.
    Page { edition: String, number: u32, text: String },
    /// Everything is there (or the route names nothing the archive holds).
    Nothing,
}

impl ArchiveState {
    /// The archive of `root`, with the newest edition already open when the
    /// root carries its outline (`front`).
    pub fn new(root: Root) -> Self {
        let front = root.front.clone().zip(root.newest().map(|entry| entry.newest.edition.clone()));
        let mut state = ArchiveState { root, calendars: HashMap::new(), editions: Vec::new(), version: 0 };
        if let Some((outline, name)) = front {
            state.add_edition(&name, outline);
        }
        state
    }

    pub fn root(&self) -> &Root {
        &self.root
    }

    /// Changes with every file taken in.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The next file that opening the edition file `edition` whole needs:
    /// the edition, then each page's text.
    pub fn whole_edition(&self, edition: &str) -> Need {
        self.pages_needed(edition, None)
    }

    /// The next file that the text of `pages` (all, when `None`) of the
    /// edition file `edition` needs: the edition, then each page's text.
    pub fn pages_needed(&self, edition: &str, pages: Option<&[u32]>) -> Need {
        let Some(open) = self.editions.iter().find(|open| open.name == edition) else {
            return Need::Edition(edition.to_owned());
        };
        let wanted = |number: &u32| pages.is_none_or(|pages| pages.contains(number));
        let missing = open.texts.iter().find(|(number, _)| wanted(number) && !open.held.contains(number));
        match missing {
            Some((number, text)) => Need::Page { edition: edition.to_owned(), number: *number, text: text.clone() },
            None => Need::Nothing,
        }
    }

    /// The open edition of the edition file `edition`, and its place in
    /// [`ArchiveState::corpus`] (editions are only ever added after).
    pub fn open_edition(&self, edition: &str) -> Option<(usize, &Edition)> {
        self.editions.iter().enumerate().find(|(_, open)| open.name == edition).map(|(at, open)| (at, &open.edition))
    }

    /// The calendar of `title`'s `year`, unless it is fetched already or
    /// the archive has no such year.
    pub fn calendar_needed(&self, title: &str, year: u32) -> Option<Need> {
        let entry = self.root.publication(title)?.years.iter().find(|entry| entry.year == year)?;
        (!self.calendars.contains_key(&entry.calendar)).then(|| Need::Calendar(entry.calendar.clone()))
    }

    /// Whether the edition file `edition` is the archive's newest edition.
    pub fn is_newest(&self, edition: &str) -> bool {
        self.root.newest().is_some_and(|publication| publication.newest.edition == edition)
    }

    /// Whether `calendar` is the calendar of the newest edition's year.
    pub fn is_newest_calendar(&self, calendar: &str) -> bool {
        let newest = self.root.newest().and_then(|publication| publication.years.last());
        newest.is_some_and(|year| year.calendar == calendar)
    }

    /// The newest `count` editions of the newest publication, newest first;
    /// or the calendar that must be fetched to tell.
    pub fn newest_days(&self, count: usize) -> Result<Vec<CalendarDay>, Need> {
        let Some(publication) = self.root.newest() else { return Ok(Vec::new()) };
        let mut days = vec![publication.newest.clone()];
        for year in publication.years.iter().rev() {
            if days.len() >= count {
                break;
            }
            let Some(calendar) = self.calendars.get(&year.calendar) else { return Err(Need::Calendar(year.calendar.clone())) };
            let oldest = days.last().map(|day| day.date.clone()).unwrap_or_default();
            let older = calendar.editions.iter().rev().filter(|day| day.date < oldest);
            days.extend(older.take(count - days.len()).cloned());
        }
        days.truncate(count);
        Ok(days)
    }

    /// The editions of `title` from `from` to `to` (dates, inclusive; open
    /// when absent), oldest first; or the calendar that must be fetched to
    /// tell. `None` when the archive has no such publication.
    pub fn days_between(&self, title: &str, from: Option<&str>, to: Option<&str>) -> Option<Result<Vec<CalendarDay>, Need>> {
        let publication = self.root.publication(title)?;
        let within = |date: &str| from.is_none_or(|from| date >= from) && to.is_none_or(|to| date <= to);
        let years = publication.years.iter().filter(|year| {
            let (first, last) = (format!("{:04}-01-01", year.year), format!("{:04}-12-31", year.year));
            from.is_none_or(|from| last.as_str() >= from) && to.is_none_or(|to| first.as_str() <= to)
        });
        let mut days = Vec::new();
        for year in years {
            let Some(calendar) = self.calendars.get(&year.calendar) else { return Some(Err(Need::Calendar(year.calendar.clone()))) };
            days.extend(calendar.editions.iter().filter(|day| within(&day.date)).cloned());
        }
        Some(Ok(days))
    }

    /// Which dates have an edition, as far as the fetched calendars tell.
    pub fn dates(&self) -> DateIndex {
        DateIndex::of_archive(&self.root, |name| self.calendars.get(name))
    }

    /// The next file `route` needs.
    pub fn need(&self, route: &Route) -> Need {
        let key = match route {
            Route::Home | Route::Search { .. } => None,
            Route::Edition(key) | Route::Page { edition: key, .. } | Route::Article { edition: key, .. } => Some(key),
        };
        let name = match key {
            None => match self.root.newest() {
                Some(publication) => publication.newest.edition.clone(),
                None => return Need::Nothing,
            },
            Some(key) => match self.find(key) {
                Found::Edition(name) => name,
                Found::Calendar(name) => return Need::Calendar(name),
                Found::Nowhere => return Need::Nothing,
            },
        };
        let Some(open) = self.editions.iter().find(|open| open.name == name) else {
            return Need::Edition(name);
        };
        let pages: Vec<u32> = match route {
            Route::Page { page, .. } => vec![*page],
            Route::Article { id, read: Read::Fragment, .. } => open.edition.article(id).map(|article| article.page).into_iter().collect(),
            Route::Article { id, read: Read::Whole, .. } => thread(&open.edition, id).iter().map(|article| article.page).collect(),
            _ => Vec::new(),
        };
        let missing = pages.into_iter().find(|page| !open.held.contains(page) && open.texts.contains_key(page));
        match missing {
            Some(number) => Need::Page { edition: name, number, text: open.texts[&number].clone() },
            None => Need::Nothing,
        }
    }

    /// The edition file `key` names, or the calendar that would tell.
    fn find(&self, key: &EditionKey) -> Found {
        let year: Option<u32> = key.date.get(..4).and_then(|year| year.parse().ok());
        let candidates =
            self.root.publications.iter().filter(|publication| key.publication.as_ref().is_none_or(|title| publication.title == *title));
        for publication in candidates {
            if publication.newest.date == key.date {
                return Found::Edition(publication.newest.edition.clone());
            }
            let Some(year) = publication.years.iter().find(|entry| Some(entry.year) == year) else { continue };
            let Some(calendar) = self.calendars.get(&year.calendar) else {
                return Found::Calendar(year.calendar.clone());
            };
            if let Some(day) = calendar.editions.iter().find(|day| day.date == key.date) {
                return Found::Edition(day.edition.clone());
            }
        }
        Found::Nowhere
    }

    pub fn add_calendar(&mut self, name: &str, calendar: Calendar) {
        if self.calendars.insert(name.to_owned(), calendar).is_none() {
            self.version += 1;
        }
    }

    pub fn add_edition(&mut self, name: &str, file: EditionFile) {
        if self.editions.iter().any(|open| open.name == name) {
            return;
        }
        let texts = file.pages.iter().map(|page| (page.page.number, page.text.clone())).collect();
        self.editions.push(OpenEdition { name: name.to_owned(), edition: assemble_outline(&file), texts, held: BTreeSet::new() });
        self.version += 1;
    }

    /// Puts page `number`'s text into the open edition `edition`, once it
    /// is checked to be the page its outline describes.
    pub fn add_page(&mut self, edition: &str, number: u32, text: Corpus) -> Result<(), Vec<Problem>> {
        let Some(open) = self.editions.iter_mut().find(|open| open.name == edition) else { return Ok(()) };
        if open.held.contains(&number) {
            return Ok(());
        }
        attach_page(&mut open.edition, number, text)?;
        open.held.insert(number);
        self.version += 1;
        Ok(())
    }

    /// The open editions as one corpus, for the views.
    pub fn corpus(&self) -> Corpus {
        let publication = self
            .root
            .publications
            .first()
            .map(|entry| Publication { title: entry.title.clone(), lang: entry.lang.clone() })
            .unwrap_or_else(|| Publication { title: String::new(), lang: String::new() });
        Corpus { editions: self.editions.iter().map(|open| open.edition.clone()).collect(), ..Corpus::new(publication) }
    }
}

enum Found {
    Edition(String),
    Calendar(String),
    Nowhere,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{content_name, split_edition, OutlinePage, PublicationEntry, YearEntry};
    use crate::archive::format::{CALENDAR_FORMAT, EDITION_FORMAT, ROOT_FORMAT};
    use crate::ui::route::Route;

    const TWO_PAGES: &str = include_str!("../../../tests/fixtures/two-pages.json");

    /// An archive of the fixture's edition as 2024-09-12 and again as
    /// 2024-09-13 (the newest), the files as publish would name them.
    struct Fixture {
        state: ArchiveState,
        files: HashMap<String, String>,
    }

    fn fixture() -> Fixture {
        let corpus = crate::corpus::load(TWO_PAGES).unwrap();
        let publication = corpus.publication.clone();
        let mut files = HashMap::new();
        let mut days = Vec::new();
        for date in ["2024-09-12", "2024-09-13"] {
            let edition = Edition { date: date.to_owned(), ..corpus.editions[0].clone() };
            let split = split_edition(&edition, &publication);
            let mut pages = Vec::new();
            for (page, text) in split.pages.into_iter().zip(split.texts) {
                let json = crate::corpus::to_json(&text.corpus);
                let name = content_name("pages", &format!("{date}-{}", text.number), json.as_bytes());
                files.insert(name.clone(), json);
                pages.push(OutlinePage { page, text: name, bytes: 0 });
            }
            let file = EditionFile {
                format: EDITION_FORMAT.to_owned(),
                version: 1,
                publication: publication.clone(),
                date: date.to_owned(),
                pages,
                articles: split.articles,
                stories: None,
            };
            let json = serde_json::to_string(&file).unwrap();
            let name = content_name("editions", date, json.as_bytes());
            files.insert(name.clone(), json);
            days.push(CalendarDay { date: date.to_owned(), edition: name, articles: 3, bytes: 0 });
        }
        let calendar = Calendar { format: CALENDAR_FORMAT.to_owned(), version: 1, publication: publication.clone(), year: 2024, editions: days.clone() };
        let json = serde_json::to_string(&calendar).unwrap();
        let calendar_name = content_name("calendars", "2024", json.as_bytes());
        files.insert(calendar_name.clone(), json);
        let root = Root {
            format: ROOT_FORMAT.to_owned(),
            version: 1,
            publications: vec![PublicationEntry {
                title: publication.title,
                lang: publication.lang,
                newest: days[1].clone(),
                years: vec![YearEntry { year: 2024, editions: 2, articles: 6, bytes: 0, calendar: calendar_name }],
            }],
            front: None,
            search: None,
        };
        Fixture { state: ArchiveState::new(root), files }
    }

    impl Fixture {
        /// Fetches what `route` needs until nothing is missing; the names fetched.
        fn open(&mut self, route: &Route) -> Vec<String> {
            let mut fetched = Vec::new();
            loop {
                match self.state.need(route) {
                    Need::Nothing => return fetched,
                    Need::Calendar(name) => {
                        self.state.add_calendar(&name, Calendar::decode(&self.files[&name]).unwrap());
                        fetched.push(name);
                    }
                    Need::Edition(name) => {
                        self.state.add_edition(&name, EditionFile::decode(&self.files[&name]).unwrap());
                        fetched.push(name);
                    }
                    Need::Page { edition, number, text } => {
                        let corpus = crate::corpus::load(&self.files[&text]).unwrap();
                        self.state.add_page(&edition, number, corpus).unwrap();
                        fetched.push(text);
                    }
                }
            }
        }
    }

    fn kinds(fetched: &[String]) -> Vec<&str> {
        fetched.iter().map(|name| name.split('/').next().unwrap()).collect()
    }

    fn route(hash: &str) -> Route {
        Route::parse(hash).unwrap()
    }

    #[test]
    fn the_front_page_needs_the_newest_outline_only() {
        let mut fixture = fixture();
        assert_eq!(fixture.state.dates().publications[0].years[0].dates, None, "no calendar yet");
        assert!(matches!(fixture.state.calendar_needed("青岛日报", 2024), Some(Need::Calendar(_))));
        assert_eq!(kinds(&fixture.open(&Route::Home)), ["editions"]);
        let corpus = fixture.state.corpus();
        assert_eq!(corpus.editions.len(), 1);
        assert_eq!(corpus.editions[0].date, "2024-09-13");
        assert!(corpus.editions[0].articles.iter().all(|article| article.blocks.is_empty()), "no text yet");
        assert_eq!(fixture.open(&Route::Home), Vec::<String>::new(), "nothing twice");
    }

    #[test]
    fn a_root_that_carries_the_newest_outline_needs_nothing_more_for_the_front_page() {
        let fixture = fixture();
        let mut root = fixture.state.root().clone();
        let newest = root.publications[0].newest.edition.clone();
        root.front = Some(EditionFile::decode(&fixture.files[&newest]).unwrap());
        let mut state = Fixture { state: ArchiveState::new(root), files: fixture.files };
        assert_eq!(state.open(&Route::Home), Vec::<String>::new());
        assert_eq!(kinds(&state.open(&route("#/2024-09-13/2"))), ["pages"], "only the page's text");
    }

    #[test]
    fn an_article_needs_its_page_and_the_whole_read_every_page_of_it() {
        let mut fixture = fixture();
        assert_eq!(kinds(&fixture.open(&route("#/2024-09-13/1/2024-09-12-p1-1"))), ["editions", "pages"]);
        let whole = fixture.open(&route("#/2024-09-13/1/2024-09-12-p1-1/whole"));
        assert_eq!(kinds(&whole), ["pages"], "the page the article continues on");
        let corpus = fixture.state.corpus();
        assert!(corpus.editions[0].articles.iter().all(|article| !article.blocks.is_empty()));
    }

    #[test]
    fn an_older_date_is_found_through_its_years_calendar() {
        let mut fixture = fixture();
        let fetched = fixture.open(&route("#/2024-09-12/2"));
        assert_eq!(kinds(&fetched), ["calendars", "editions", "pages"]);
        assert_eq!(kinds(&fixture.open(&route("#/2024-09-12"))), Vec::<&str>::new());
        assert_eq!(fixture.open(&route("#/2023-01-01")), Vec::<String>::new(), "a year the archive lacks needs nothing");
        assert_eq!(kinds(&fixture.open(&route("#/2024-01-01"))), Vec::<&str>::new(), "the calendar says there is none");
        let dates = fixture.state.dates();
        assert_eq!(dates.publications[0].years[0].dates.as_deref().map(<[String]>::len), Some(2));
        assert_eq!(fixture.state.calendar_needed("青岛日报", 2024), None, "fetched already");
        assert_eq!(fixture.state.calendar_needed("青岛日报", 2023), None, "no such year");
    }

    #[test]
    fn the_newest_editions_to_keep_need_the_calendar_beyond_the_first() {
        let mut fixture = fixture();
        let one = fixture.state.newest_days(1).unwrap();
        assert!(fixture.state.is_newest(&one[0].edition));
        assert!(!fixture.state.is_newest("editions/2024-09-12.0000000000000000.json"));
        assert_eq!(one.iter().map(|day| day.date.as_str()).collect::<Vec<_>>(), ["2024-09-13"], "the root names it");
        let Err(Need::Calendar(name)) = fixture.state.newest_days(5) else { panic!("the calendar is needed") };
        assert!(fixture.state.is_newest_calendar(&name));
        fixture.state.add_calendar(&name, Calendar::decode(&fixture.files[&name]).unwrap());
        let all = fixture.state.newest_days(5).unwrap();
        assert_eq!(all.iter().map(|day| day.date.as_str()).collect::<Vec<_>>(), ["2024-09-13", "2024-09-12"], "all there are");
    }

    #[test]
    fn a_range_of_dates_needs_the_calendars_of_its_years() {
        let mut fixture = fixture();
        assert!(fixture.state.days_between("The Times", None, None).is_none(), "no such paper");
        let Some(Err(Need::Calendar(name))) = fixture.state.days_between("青岛日报", Some("2024-09-01"), None) else { panic!("a calendar") };
        fixture.state.add_calendar(&name, Calendar::decode(&fixture.files[&name]).unwrap());
        let dates = |from, to| -> Vec<String> {
            fixture.state.days_between("青岛日报", from, to).unwrap().unwrap().into_iter().map(|day| day.date).collect()
        };
        assert_eq!(dates(Some("2024-09-01"), None), ["2024-09-12", "2024-09-13"]);
        assert_eq!(dates(Some("2024-09-13"), Some("2024-09-13")), ["2024-09-13"]);
        assert_eq!(dates(None, Some("2024-09-12")), ["2024-09-12"]);
        assert_eq!(dates(Some("2025-01-01"), None), Vec::<String>::new(), "a year the archive lacks needs no calendar");
    }

    #[test]
    fn a_whole_edition_needs_its_outline_then_every_page() {
        let mut fixture = fixture();
        let name = fixture.state.root().publications[0].newest.edition.clone();
        let mut fetched = Vec::new();
        loop {
            match fixture.state.whole_edition(&name) {
                Need::Nothing => break,
                Need::Edition(name) => {
                    fixture.state.add_edition(&name, EditionFile::decode(&fixture.files[&name]).unwrap());
                    fetched.push(name);
                }
                Need::Page { edition, number, text } => {
                    fixture.state.add_page(&edition, number, crate::corpus::load(&fixture.files[&text]).unwrap()).unwrap();
                    fetched.push(text);
                }
                Need::Calendar(_) => panic!("no calendar needed"),
            }
        }
        assert_eq!(kinds(&fetched), ["editions", "pages", "pages"]);
        assert!(fixture.state.corpus().editions[0].articles.iter().all(|article| !article.blocks.is_empty()));
    }

    #[test]
    fn a_page_that_is_not_the_outlines_is_refused() {
        let mut fixture = fixture();
        fixture.open(&Route::Home);
        let Need::Page { edition, .. } = fixture.state.need(&route("#/2024-09-13/2")) else { panic!("page 2 is needed") };
        let page_one = fixture.files.iter().find(|(name, _)| name.starts_with("pages/2024-09-13-1.")).unwrap().1.clone();
        let problems = fixture.state.add_page(&edition, 2, crate::corpus::load(&page_one).unwrap()).unwrap_err();
        assert!(!problems.is_empty());
        assert!(matches!(fixture.state.need(&route("#/2024-09-13/2")), Need::Page { number: 2, .. }), "still needed");
    }
}
