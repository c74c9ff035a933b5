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

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::fetch::named;
use super::location::ArchiveLocation;
use super::state::ArchiveState;
use super::store;
use crate::archive::EditionFile;
use crate::ui::dates::year_of;
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
}

/// The editions kept for offline reading, newest first.
pub async fn kept(location: &ArchiveLocation) -> Vec<KeptEdition> {
    let kept: Kept = store::read(&location.file(KEPT)).await.and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default();
    kept.editions
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
    let kept_url = location.file(KEPT);
    let before: Kept = store::read(&kept_url).await.and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default();
    let mut now = Kept::default();
    for day in &days {
        match before.editions.iter().find(|kept| kept.edition == day.edition) {
            Some(kept) => now.editions.push(kept.clone()),
            None => match keep_edition(&location, &day.edition).await {
                Ok(files) => now.editions.push(KeptEdition {
                    publication: publication.clone(),
                    date: day.date.clone(),
                    edition: day.edition.clone(),
                    files,
                }),
                // Stop at the first edition that cannot be kept whole
                // (offline, quota): the newer ones are kept.
                Err(error) => {
                    web_sys::console::warn_1(&format!("Broadsheet: edition {} not kept for offline reading: {error}", day.date).into());
                    break;
                }
            },
        }
    }
    let years: BTreeSet<u32> = now.editions.iter().filter_map(|kept| year_of(&kept.date)).collect();
    let calendars: Vec<String> = {
        let state = state.borrow();
        let newest = state.root().newest();
        newest.map(|publication| publication.years.iter().filter(|year| years.contains(&year.year)).map(|year| year.calendar.clone()).collect())
            .unwrap_or_default()
    };
    for calendar in calendars {
        if let Ok(bytes) = named(&location, &calendar).await {
            if store::write(&location.file(&calendar), &bytes).await {
                now.calendars.push(calendar);
            }
        }
    }
    let still: BTreeSet<&String> = now.editions.iter().flat_map(|kept| &kept.files).chain(&now.calendars).collect();
    let before_files = before.editions.iter().flat_map(|kept| &kept.files).chain(&before.calendars);
    for gone in before_files.filter(|file| !still.contains(file)) {
        store::remove(&location.file(gone)).await;
    }
    let list = serde_json::to_vec(&now).expect("the kept list serializes");
    store::write(&kept_url, &list).await;
    Ok(())
}

/// Keeps the edition file `edition` and all its page texts; their names,
/// or, having removed what it kept of them, why not.
async fn keep_edition(location: &ArchiveLocation, edition: &str) -> Result<Vec<String>, String> {
    let outline = named(location, edition).await.map_err(|error| error.to_string())?;
    let file = std::str::from_utf8(&outline).ok().and_then(|text| EditionFile::decode(text).ok());
    let Some(file) = file else { return Err(format!("{edition} cannot be read")) };
    let mut files = vec![edition.to_owned()];
    files.extend(file.pages.into_iter().map(|page| page.text));
    let mut written = Vec::new();
    for name in &files {
        let bytes = if name == edition { Ok(outline.clone()) } else { named(location, name).await };
        let stored = match bytes {
            Ok(bytes) => store::write(&location.file(name), &bytes).await,
            Err(_) => false,
        };
        if !stored {
            for name in written {
                store::remove(&location.file(name)).await;
            }
            return Err(format!("{name} could not be fetched or stored"));
        }
        written.push(name);
    }
    Ok(files)
}
