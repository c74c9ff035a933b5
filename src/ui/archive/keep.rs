//! Keeping the newest editions of an archive whole for offline reading
//! (`offline-editions="N"`, 1 unless the host says otherwise; none with
//! `offline="off"`), in the background once the first view is shown
//! (wasm only).
//!
//! An edition is kept all or nothing: its outline and every page's text,
//! each checked against its name, or none of them; with the calendar of
//! its year, through which an older date is found. When a newer edition
//! comes, the oldest kept one goes (its files, unless a kept edition
//! shares them). The list of what is kept is stored last, so that it only
//! ever names whole editions.
//!
//! The editions saved by choice are also remembered in localStorage: when
//! the browser takes Cache Storage back but leaves localStorage (a cleared
//! cache; storage pressure in some browsers), the reader can say which
//! editions are no longer saved, until they are saved again or let go. When
//! the browser clears both (Safari's seven-day rule, a user clearing the
//! site's data), nothing remembers them and the reader starts as new.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::fetch::named;
use super::location::ArchiveLocation;
use super::state::ArchiveState;
use super::store;
use crate::archive::address::matches_name;
use crate::archive::{CalendarDay, EditionFile};
use crate::ui::control::EditionRange;
use crate::ui::dates::year_of;
use crate::ui::offline_panel::{LostEdition, OfflineStatus, SavedEdition};
use crate::ui::remembered::{store, stored};
use crate::ui::load_error::LoadError;

/// The list of kept editions, stored under this name in the archive's folder.
const KEPT: &str = ".broadsheet-kept.json";

#[derive(Default, Serialize, Deserialize)]
struct Kept {
    editions: Vec<KeptEdition>,
    /// The calendars of the kept editions' years, to find them offline.
    #[serde(default)]
    calendars: Vec<String>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct KeptEdition {
    /// The title of its publication.
    #[serde(default)]
    pub publication: String,
    pub date: String,
    /// The edition file's name.
    pub edition: String,
    /// Every file of it, the edition file first.
    files: Vec<String>,
    /// The bytes of its files.
    #[serde(default)]
    pub bytes: u64,
    /// Kept as one of the newest editions (and let go when newer ones
    /// come), rather than saved by the reader or the host.
    #[serde(default = "automatic")]
    pub auto: bool,
}

fn automatic() -> bool {
    true
}

/// Whether `range` covers `kept`.
fn holds(range: &EditionRange, kept: &KeptEdition) -> bool {
    covers(range, &kept.publication, &kept.date)
}

/// Whether `range` covers the edition of `publication` on `date`.
fn covers(range: &EditionRange, publication: &str, date: &str) -> bool {
    range.publication.as_ref().is_none_or(|title| title == publication)
        && range.from.as_ref().is_none_or(|from| date >= from.as_str())
        && range.to.as_ref().is_none_or(|to| date <= to.as_str())
}

/// The editions saved by choice, as remembered in localStorage.
type Ledger = BTreeSet<LostEdition>;

fn ledger_key(location: &ArchiveLocation) -> String {
    format!("broadsheet-saved:{}", location.file(KEPT))
}

fn read_ledger(location: &ArchiveLocation) -> Ledger {
    stored(&ledger_key(location)).and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default()
}

fn write_ledger(location: &ArchiveLocation, ledger: &Ledger) {
    store(&ledger_key(location), &serde_json::to_string(ledger).expect("the ledger serializes"));
}

fn by_choice(kept: &Kept) -> Ledger {
    kept.editions
        .iter()
        .filter(|kept| !kept.auto)
        .map(|kept| LostEdition { publication: kept.publication.clone(), date: kept.date.clone() })
        .collect()
}

async fn read_list(location: &ArchiveLocation) -> Kept {
    store::read(&location.file(KEPT)).await.and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default()
}

/// Stores the list, then lets go of the files that `before` kept and it
/// does not. The ledger keeps what the browser took (remembered, not in
/// `before`), forgets what was let go, and adds what is saved now.
async fn write_list(location: &ArchiveLocation, before: &Kept, now: &Kept) {
    let list = serde_json::to_vec(now).expect("the kept list serializes");
    store::write(&location.file(KEPT), &list).await;
    let was_saved = by_choice(before);
    let mut ledger: Ledger = read_ledger(location).into_iter().filter(|entry| !was_saved.contains(entry)).collect();
    ledger.extend(by_choice(now));
    write_ledger(location, &ledger);
    let still: BTreeSet<&String> = now.editions.iter().flat_map(|kept| &kept.files).chain(&now.calendars).collect();
    let before_files = before.editions.iter().flat_map(|kept| &kept.files).chain(&before.calendars);
    for gone in before_files.filter(|file| !still.contains(file)) {
        store::remove(&location.file(gone)).await;
    }
}

/// The editions kept for offline reading.
pub async fn kept(location: &ArchiveLocation) -> Vec<KeptEdition> {
    read_list(location).await.editions
}

/// Keeps the newest `count` editions whole, and lets older kept ones go.
pub async fn keep_newest(state: Rc<RefCell<ArchiveState>>, location: ArchiveLocation, count: usize) -> Result<(), LoadError> {
    let publication = state.borrow().root().newest().map(|entry| entry.title.clone()).unwrap_or_default();
    let days = loop {
        let needed = state.borrow().newest_days(count);
        match needed {
            Ok(days) => break days,
            Err(need) => super::fetch::take(&state, &location, &need).await?,
        }
    };
    let before = read_list(&location).await;
    // What the reader or the host saved stays; the automatic ones are the newest `count`.
    let mut now = Kept { editions: before.editions.iter().filter(|kept| !kept.auto).cloned().collect(), calendars: Vec::new() };
    for day in &days {
        if now.editions.iter().any(|kept| kept.edition == day.edition) {
            continue;
        }
        match before.editions.iter().find(|kept| kept.edition == day.edition) {
            Some(kept) => now.editions.push(kept.clone()),
            None => match keep_day(&location, &publication, day, true).await {
                Ok(kept) => now.editions.push(kept),
                // Stop at the first edition that cannot be kept whole
                // (offline, quota): the newer ones are kept.
                Err(error) => {
                    web_sys::console::warn_1(&format!("Broadsheet: edition {} not kept for offline reading: {error}", day.date).into());
                    break;
                }
            },
        }
    }
    keep_calendars(&state, &location, &mut now).await;
    write_list(&location, &before, &now).await;
    Ok(())
}

/// Keeps the calendars of the kept editions' years, through which they are found offline.
async fn keep_calendars(state: &RefCell<ArchiveState>, location: &ArchiveLocation, kept: &mut Kept) {
    let wanted: Vec<String> = {
        let state = state.borrow();
        let root = state.root();
        let years: BTreeSet<(&str, u32)> =
            kept.editions.iter().filter_map(|edition| Some((edition.publication.as_str(), year_of(&edition.date)?))).collect();
        root.publications
            .iter()
            .flat_map(|publication| publication.years.iter().map(move |year| (publication.title.as_str(), year)))
            .filter(|(title, year)| years.contains(&(*title, year.year)))
            .map(|(_, year)| year.calendar.clone())
            .collect()
    };
    kept.calendars.clear();
    for calendar in wanted {
        if let Ok(bytes) = named(location, &calendar).await {
            if store::write(&location.file(&calendar), &bytes).await {
                kept.calendars.push(calendar);
            }
        }
    }
}

/// Saves the editions of `range` for offline reading, each whole (the
/// newest edition when the range names no date); resolves to the bytes
/// they take. A save that cannot finish (offline, the browser's quota)
/// keeps the editions it completed and says how far it came and why.
pub async fn save(state: Rc<RefCell<ArchiveState>>, location: ArchiveLocation, range: EditionRange) -> Result<u64, String> {
    let newest = state.borrow().root().newest().cloned();
    let title = match (&range.publication, &newest) {
        (Some(title), _) => title.clone(),
        (None, Some(newest)) => newest.title.clone(),
        (None, None) => return Err("the archive holds no edition".to_owned()),
    };
    let (from, to) = match (&range.from, &range.to, &newest) {
        (None, None, Some(newest)) if range.publication.is_none() => (Some(newest.newest.date.clone()), Some(newest.newest.date.clone())),
        _ => (range.from.clone(), range.to.clone()),
    };
    let days = loop {
        let needed = state.borrow().days_between(&title, from.as_deref(), to.as_deref());
        match needed {
            None => return Err(format!("this archive has no publication titled \"{title}\"")),
            Some(Ok(days)) => break days,
            Some(Err(need)) => super::fetch::take(&state, &location, &need).await.map_err(|error| error.to_string())?,
        }
    };
    ask_to_persist().await;
    let before = read_list(&location).await;
    let mut now = Kept { editions: before.editions.clone(), calendars: Vec::new() };
    let mut saved = 0u64;
    let mut stopped = None;
    // Newest first: a save the quota stops keeps the newest of the range.
    for day in days.iter().rev() {
        if let Some(kept) = now.editions.iter_mut().find(|kept| kept.edition == day.edition) {
            kept.auto = false;
            saved += kept.bytes;
            continue;
        }
        match keep_day(&location, &title, day, false).await {
            Ok(kept) => {
                saved += kept.bytes;
                now.editions.push(kept);
            }
            Err(error) => {
                stopped = Some(format!("edition {}: {error}", day.date));
                break;
            }
        }
    }
    keep_calendars(&state, &location, &mut now).await;
    write_list(&location, &before, &now).await;
    let count = now.editions.iter().filter(|kept| !kept.auto && days.iter().any(|day| day.edition == kept.edition)).count();
    match stopped {
        None => Ok(saved),
        Some(reason) => Err(format!(
            "saved {count} of {} editions ({saved} bytes), then stopped at {reason} (offline, or the browser's storage is full)",
            days.len()
        )),
    }
}

/// Lets go of the kept editions in `range`; resolves to the bytes freed.
pub async fn remove(state: Rc<RefCell<ArchiveState>>, location: ArchiveLocation, range: EditionRange) -> u64 {
    let before = read_list(&location).await;
    let (gone, editions): (Vec<KeptEdition>, Vec<KeptEdition>) = before.editions.iter().cloned().partition(|kept| holds(&range, kept));
    let mut now = Kept { editions, calendars: Vec::new() };
    keep_calendars(&state, &location, &mut now).await;
    write_list(&location, &before, &now).await;
    // What the browser took and the reader lets go of is no longer missed.
    let ledger: Ledger = read_ledger(&location).into_iter().filter(|lost| !covers(&range, &lost.publication, &lost.date)).collect();
    write_ledger(&location, &ledger);
    gone.iter().map(|kept| kept.bytes).sum()
}

/// What is kept, what the browser took back, and what it allows:
/// `reader.offline()`'s answer.
pub async fn report(location: &ArchiveLocation) -> OfflineStatus {
    let kept = read_list(location).await;
    let saved = by_choice(&kept);
    let lost: Vec<LostEdition> = read_ledger(location).into_iter().filter(|entry| !saved.contains(entry)).collect();
    let editions: Vec<SavedEdition> = kept
        .editions
        .into_iter()
        .map(|kept| SavedEdition { date: kept.date, publication: kept.publication, bytes: kept.bytes, automatic: kept.auto })
        .collect();
    let (quota, usage) = estimate().await;
    OfflineStatus { bytes: editions.iter().map(|edition| edition.bytes).sum(), editions, lost, quota, usage, persisted: persisted().await }
}

fn storage() -> Option<web_sys::StorageManager> {
    Some(web_sys::window()?.navigator().storage())
}

async fn estimate() -> (Option<f64>, Option<f64>) {
    let Some(promise) = storage().and_then(|storage| storage.estimate().ok()) else { return (None, None) };
    let Ok(estimate) = wasm_bindgen_futures::JsFuture::from(promise).await else { return (None, None) };
    let number = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok().and_then(|value| value.as_f64());
    (number("quota"), number("usage"))
}

async fn persisted() -> bool {
    let Some(promise) = storage().and_then(|storage| storage.persisted().ok()) else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|value| value.as_bool()).unwrap_or(false)
}

/// Asks the browser to keep the saved editions under storage pressure;
/// it decides (Chromium grants it to sites in use, asks nobody).
async fn ask_to_persist() {
    if let Some(promise) = storage().and_then(|storage| storage.persist().ok()) {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Keeps the edition of `day`, of the publication titled `publication`,
/// whole; `auto` when it is kept as one of the newest, not by choice.
async fn keep_day(location: &ArchiveLocation, publication: &str, day: &CalendarDay, auto: bool) -> Result<KeptEdition, String> {
    let (files, bytes) = keep_edition(location, &day.edition).await?;
    Ok(KeptEdition { publication: publication.to_owned(), date: day.date.clone(), edition: day.edition.clone(), files, bytes, auto })
}

/// Keeps the edition file `edition` and all its page texts; their names,
/// or, having removed what it kept of them, why not.
async fn keep_edition(location: &ArchiveLocation, edition: &str) -> Result<(Vec<String>, u64), String> {
    let outline = named(location, edition).await.map_err(|error| error.to_string())?;
    let file = std::str::from_utf8(&outline).ok().and_then(|text| EditionFile::decode(text).ok());
    let Some(file) = file else { return Err(format!("{edition} cannot be read")) };
    let mut files = vec![edition.to_owned()];
    files.extend(file.pages.into_iter().map(|page| page.text));
    // A file kept already (the newest edition's, as its views fetched
    // them) stays as it is; the others are all on their way at once, not
    // one round trip after another.
    let mut already = Vec::with_capacity(files.len());
    for name in &files {
        let url = location.file(name);
        let kept = store::read(&url).await.filter(|bytes| matches_name(name, bytes)).map(|bytes| bytes.len());
        if kept.is_none() && name != edition {
            super::fetch::start(&url);
        }
        already.push(kept);
    }
    let mut done = Vec::new();
    let mut total = 0u64;
    for (name, kept) in files.iter().zip(already) {
        let size = match kept {
            Some(size) => Some(size),
            None => {
                let bytes = if name == edition { Ok(outline.clone()) } else { named(location, name).await };
                match bytes {
                    Ok(bytes) if store::write(&location.file(name), &bytes).await => Some(bytes.len()),
                    _ => None,
                }
            }
        };
        let Some(size) = size else {
            for name in &files {
                super::fetch::forget(&location.file(name));
            }
            for name in done {
                store::remove(&location.file(name)).await;
            }
            return Err(format!("{name} could not be fetched or stored"));
        };
        total += size as u64;
        done.push(name);
    }
    Ok((files, total))
}
