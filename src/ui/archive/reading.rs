//! The reader's side of an open archive (wasm only): on every route, fetch
//! what the route still needs, then hand the views the archive as a corpus
//! and a search engine over it.
//!
//! The root is fetched once per `src`: the reader keeps the root it opened,
//! so a publish while it reads never mixes old and new files. A retry
//! fetches again only the file that failed. Only the latest route's run
//! may change the view; an older run's files are still kept (each is taken
//! in once). While a file is on its way the reader shows the loading view;
//! a file that fails shows the error panel for that view, and other views
//! keep working. Once the first view is shown, the newest editions are kept
//! for offline reading ([`super::keep`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::UseStateHandle;

use super::location::ArchiveLocation;
use super::search::IndexedSearch;
use super::state::{ArchiveState, Need};
use crate::ui::app::Load;
use crate::ui::control::Command;
use crate::ui::dates::DateIndex;
use crate::ui::offline_panel::OfflineStatus;
use crate::ui::progress::Progress;
use crate::ui::route::Route;
use crate::ui::search::searcher::Searcher;
use crate::ui::search::service::SearchService;
use crate::ui::shared::SharedCorpus;

/// One reader's archive: what it holds and what it shows.
#[derive(Default)]
pub struct Reading {
    /// The root's URL the state belongs to.
    src: String,
    state: Option<Rc<RefCell<ArchiveState>>>,
    /// The state's version the views show; `None` while they show the
    /// loading view or an error.
    shown: Option<u64>,
    generation: u32,
    /// The years whose calendars date browsing asked for.
    asked: std::collections::HashSet<(String, u32)>,
    /// Whether the newest editions are being kept for offline reading.
    keeping: bool,
    /// The search of the whole archive by its index, once made.
    indexed: Option<Searcher>,
}

/// Shows `route` of the archive at `location`, fetching what it needs.
pub fn show(
    reading: Rc<RefCell<Reading>>,
    location: ArchiveLocation,
    route: Route,
    load: UseStateHandle<Load>,
    searcher: UseStateHandle<Option<Searcher>>,
    shown: Shown,
    keep: usize,
) {
    let this = {
        let mut reading = reading.borrow_mut();
        if reading.src != location.root {
            *reading = Reading { src: location.root.clone(), generation: reading.generation, ..Reading::default() };
        }
        reading.generation += 1;
        reading.generation
    };
    wasm_bindgen_futures::spawn_local(async move {
        let latest = || reading.borrow().generation == this;
        let failed = |error| {
            if latest() {
                reading.borrow_mut().shown = None;
                load.set(Load::Failed(error));
            }
        };
        let existing = reading.borrow().state.clone();
        let state = match existing {
            Some(state) => state,
            None => {
                load.set(Load::Loading(Progress::default()));
                match super::fetch::open(&location).await {
                    Ok(state) => {
                        let state = Rc::new(RefCell::new(state));
                        if latest() {
                            reading.borrow_mut().state = Some(state.clone());
                        }
                        state
                    }
                    Err(error) => return failed(error),
                }
            }
        };
        // Offline, search covers the editions kept for offline reading: all of them, whole.
        let kept: Vec<String> = if matches!(route, Route::Search { .. }) && !super::fetch::online() {
            super::keep::kept(&location).await.into_iter().map(|kept| kept.edition).collect()
        } else {
            Vec::new()
        };
        loop {
            let need = std::iter::once(state.borrow().need(&route))
                .chain(kept.iter().map(|edition| state.borrow().whole_edition(edition)))
                .find(|need| *need != Need::Nothing)
                .unwrap_or(Need::Nothing);
            if need == Need::Nothing {
                break;
            }
            if !latest() {
                return;
            }
            if reading.borrow_mut().shown.take().is_some() {
                load.set(Load::Loading(Progress::default()));
            }
            if let Err(error) = super::fetch::take(&state, &location, &need).await {
                return failed(error);
            }
        }
        let version = state.borrow().version();
        if !latest() || reading.borrow().shown == Some(version) {
            return;
        }
        let corpus = SharedCorpus::new(state.borrow().corpus());
        // Online, search covers the whole archive by its index; offline, or
        // without an index, the editions open (offline: all kept ones).
        let index = state.borrow().root().search.clone().filter(|_| super::fetch::online());
        match index {
            Some(index) => {
                let searcher_of = || indexed_search(&reading, &state, &location, index, &load);
                let indexed = reading.borrow().indexed.clone().unwrap_or_else(searcher_of);
                reading.borrow_mut().indexed = Some(indexed.clone());
                searcher.set(Some(indexed));
                let editions = state.borrow().root().publications.iter().flat_map(|entry| &entry.years).map(|year| year.editions).sum();
                shown.searched.set(Some(editions));
            }
            None => {
                searcher.set(Some(Searcher::new(SearchService::new(0, corpus.clone(), None))));
                shown.searched.set(None);
            }
        }
        load.set(Load::Ready(corpus));
        reading.borrow_mut().shown = Some(version);
        show_dates(&state, &location, &shown).await;
        // Once the first view is up: keep the newest editions for offline reading.
        let start_keeping = keep > 0 && super::fetch::online() && !std::mem::replace(&mut reading.borrow_mut().keeping, true);
        if start_keeping {
            if let Err(error) = super::keep::keep_newest(state.clone(), location.clone(), keep).await {
                web_sys::console::warn_1(&format!("Broadsheet: the newest editions are not kept for offline reading: {error}").into());
            }
            show_dates(&state, &location, &shown).await;
        }
    });
}

/// The search of the whole archive by its index file `index`: as its hits
/// open editions, the views are shown the archive anew.
fn indexed_search(
    reading: &Rc<RefCell<Reading>>,
    state: &Rc<RefCell<ArchiveState>>,
    location: &ArchiveLocation,
    index: String,
    load: &UseStateHandle<Load>,
) -> Searcher {
    // Weak: the reading holds the search, which must not keep it alive.
    let (reading, shown_state, load) = (Rc::downgrade(reading), Rc::downgrade(state), load.clone());
    let refresh = move || {
        let (Some(reading), Some(state)) = (reading.upgrade(), shown_state.upgrade()) else { return };
        let version = state.borrow().version();
        let mut reading = reading.borrow_mut();
        if reading.shown.is_some_and(|shown| shown != version) {
            reading.shown = Some(version);
            load.set(Load::Ready(SharedCorpus::new(state.borrow().corpus())));
        }
    };
    Searcher::new(IndexedSearch::new(state.clone(), location.clone(), index, refresh))
}

/// Fetches the calendar of `title`'s `year` for date browsing, unless the
/// reader has it or is fetching it, then shows the dates it adds.
pub fn want_year(
    reading: Rc<RefCell<Reading>>,
    location: ArchiveLocation,
    title: String,
    year: u32,
    shown: Shown,
) {
    let Some(state) = reading.borrow().state.clone() else { return };
    let Some(need) = state.borrow().calendar_needed(&title, year) else { return };
    if !reading.borrow_mut().asked.insert((title, year)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match super::fetch::take(&state, &location, &need).await {
            Ok(()) => show_dates(&state, &location, &shown).await,
            // Asked again when the calendar shows that year anew.
            Err(error) => {
                web_sys::console::warn_1(&format!("Broadsheet: {error}").into());
                reading.borrow_mut().asked.clear();
            }
        }
    });
}

/// Shows which dates have an edition, and which of them are saved.
async fn show_dates(state: &RefCell<ArchiveState>, location: &ArchiveLocation, shown: &Shown) {
    let status = super::keep::report(location).await;
    let saved = status.editions.iter().map(|kept| (kept.publication.clone(), kept.date.clone())).collect();
    shown.dates.set(Some(Rc::new(DateIndex { saved, ..state.borrow().dates() })));
    shown.offline.set(Some(Rc::new(status)));
}

/// Where the reader shows the dates with an edition (and those saved),
/// what is saved for offline reading, and how many editions search covers
/// when it searches the whole archive by its index.
#[derive(Clone)]
pub struct Shown {
    pub dates: UseStateHandle<Option<Rc<DateIndex>>>,
    pub offline: UseStateHandle<Option<Rc<OfflineStatus>>>,
    pub searched: UseStateHandle<Option<u32>>,
}

/// Answers the host's commands about saving editions for offline reading
/// (`saveOffline()`, `removeOffline()`, `offline()`), then shows the saved
/// days in the calendar.
pub fn offline_command(
    reading: Rc<RefCell<Reading>>,
    src: &str,
    shown: Shown,
    command: Command,
) {
    let Some(location) = super::archive_base(src) else {
        return command.refuse(
            "saving editions for offline reading is for archives (src=\"SITE/\"); the service worker keeps a corpus file whole",
        );
    };
    let Some(state) = reading.borrow().state.clone() else { return command.refuse("the archive is not open yet") };
    wasm_bindgen_futures::spawn_local(async move {
        match command {
            Command::SaveOffline { range, answer } => {
                let saved = super::keep::save(state.clone(), location.clone(), range).await;
                show_dates(&state, &location, &shown).await;
                answer(saved.map(|bytes| bytes as f64));
            }
            Command::RemoveOffline { range, answer } => {
                let freed = super::keep::remove(state.clone(), location.clone(), range).await;
                show_dates(&state, &location, &shown).await;
                answer(Ok(freed as f64));
            }
            Command::Offline { answer } => {
                let status = super::keep::report(&location).await;
                answer(serde_json::to_string(&status).map_err(|error| error.to_string()));
            }
            other => other.refuse("not a command about offline reading"),
        }
    });
}
