//! Search over a whole archive with its index (wasm only): the reader's
//! search box and the host's `search()` ask it when the archive has an
//! index and the reader is online.
//!
//! A query fetches the index file once (the root names it: the reader
//! keeps the root it opened, so a publish while it reads never mixes old
//! and new files), then the few shards and chunks its terms need
//! ([`crate::search::archive`]), all of a step at once; the ranked stories
//! of the last query are kept, so "show more" fetches only the new hits'
//! files, and the partitions' heads and lengths serve the next query too.
//! A hit needs its edition's outline, opened in the [`ArchiveState`] as a
//! view would open it (so the hit links to an edition the views hold, and
//! `refresh` shows the views the editions opened), and its story's text,
//! fetched beside the outline and checked against it (both on their way
//! with the chunk that says the story's fragments, when the story's text
//! is sure to be read whatever they say); a story whose pages
//! the reader holds, or whose edition has no story texts, or which is one
//! of many hits on few pages (a page then costs less than their texts), is
//! cut from its pages instead. A file missing or damaged fails that query with a
//! message naming it; reading goes on.

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::future::{try_join, try_join3, try_join_all};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use rustc_hash::FxHashMap;

use super::fetch;
use super::location::ArchiveLocation;
use super::recent::{RecentFiles, RECENT_BYTES};
use super::state::{ArchiveState, Need};
use crate::archive::check_story;
use crate::archive::index_files::SearchIndex;
use crate::corpus::Corpus;
use crate::search::archive::files::GroupEntry;
use crate::search::archive::{hit, story_hit, ArchiveSearch, Story};
use crate::search::{Hit, Query, SearchResults};
use crate::ui::search::engine::Request;
use crate::ui::search::searcher::{Reply, SearchBackend};

/// See the module documentation.
pub struct IndexedSearch {
    shared: Rc<Shared>,
}

struct Shared {
    state: Rc<RefCell<ArchiveState>>,
    location: ArchiveLocation,
    /// The index file, as the root names it.
    index_name: String,
    index: RefCell<Option<Rc<SearchIndex>>>,
    /// The last query (with its filter and order), and its search, ranked.
    last: RefCell<Option<(Query, Rc<RefCell<ArchiveSearch>>)>>,
    /// The index files read lately, for the next queries.
    recent: RefCell<RecentFiles>,
    /// Shows the views the editions that hits opened.
    refresh: Box<dyn Fn()>,
}

impl IndexedSearch {
    /// The search of the archive whose state is `state`, by the index file
    /// `index_name`; `refresh` shows the views the editions hits open.
    pub fn new(state: Rc<RefCell<ArchiveState>>, location: ArchiveLocation, index_name: String, refresh: impl Fn() + 'static) -> IndexedSearch {
        let shared = Shared {
            state,
            location,
            index_name,
            index: RefCell::new(None),
            last: RefCell::new(None),
            recent: RefCell::new(RecentFiles::default()),
            refresh: Box::new(refresh),
        };
        IndexedSearch { shared: Rc::new(shared) }
    }
}

impl SearchBackend for IndexedSearch {
    fn prepare(&self) {
        let shared = self.shared.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = index(&shared).await;
        });
    }

    fn search(&self, request: Request, mut reply: Reply) {
        let shared = self.shared.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = run(&shared, &request, &mut reply).await;
            reply.answer(answer);
        });
    }
}

/// The index, fetched once.
async fn index(shared: &Shared) -> Result<Rc<SearchIndex>, String> {
    if let Some(index) = shared.index.borrow().clone() {
        return Ok(index);
    }
    let bytes = fetch::named(&shared.location, &shared.index_name).await.map_err(|error| error.to_string())?;
    let url = shared.location.file(&shared.index_name);
    let text = String::from_utf8(bytes).map_err(|_| format!("{url}: not UTF-8"))?;
    let index = Rc::new(SearchIndex::decode(&text).map_err(|error| format!("{url}: {}", error.lines().join("; ")))?);
    *shared.index.borrow_mut() = Some(index.clone());
    Ok(index)
}

async fn run(shared: &Shared, request: &Request, reply: &mut Reply) -> Result<SearchResults, String> {
    let search = ranked(shared, request, reply).await?;
    results(shared, &search, request.limit).await
}

/// Where a hit's text comes from.
enum Text {
    /// The story's text file, fetched beside its outline.
    Story(String),
    /// The pages of its fragments, opened in the state: the reader holds
    /// them already, the edition has no story texts, or its hits are many
    /// on few pages ([`pages_where_cheaper`]).
    Pages,
}

/// A story shown: its edition file, publication, fragments and text.
struct Shown {
    edition: String,
    publication: String,
    fragments: GroupEntry,
    text: Text,
}

/// The first `limit` stories `search` ranked, as hits: their editions'
/// outlines opened, their snippets cut from their story texts (or pages).
async fn results(shared: &Shared, search: &RefCell<ArchiveSearch>, limit: usize) -> Result<SearchResults, String> {
    let stories = {
        let search = search.borrow();
        let all = search.ranked().map_or(&[][..], |ranked| &ranked.stories[..]);
        all[..limit.min(all.len())].to_vec()
    };
    let total = search.borrow().ranked().map_or(0, |ranked| ranked.stories.len());
    let chunks = search.borrow().wanted_for(&stories);
    // The texts certain to be read, with their outlines, on their way with
    // the chunks (the stories' fragments) instead of after them.
    let early = texts_known_early(shared, &search.borrow(), &stories);
    let outlines: Vec<Need> = {
        let state = shared.state.borrow();
        early.iter().map(|(_, edition)| state.pages_needed(edition, Some(&[]))).filter(|need| *need != Need::Nothing).collect()
    };
    let files: Vec<&str> = early.iter().map(|(file, _)| file.as_str()).collect();
    let (early, (), ()) = try_join3(story_bytes(shared, &files), open_files(shared, &outlines), give(shared, search, &chunks)).await?;
    let early: FxHashMap<&str, Rc<[u8]>> = files.into_iter().zip(early).collect();
    let shown: Vec<Shown> = {
        let search = search.borrow();
        let state = shared.state.borrow();
        let place = |story: &Story| {
            let (edition, fragments) = (search.edition_of(story)?, search.fragments(story)?);
            let held = state.pages_needed(&edition.edition, Some(&fragments.pages())) == Need::Nothing;
            let text = match search.story_file(story) {
                Some(file) if !held => Text::Story(file),
                _ => Text::Pages,
            };
            Some(Shown { edition: edition.edition.clone(), publication: edition.publication.clone(), fragments: fragments.clone(), text })
        };
        let shown: Vec<Shown> =
            stories.iter().map(place).collect::<Option<_>>().ok_or_else(|| format!("{}: a story is not where it says", shared.location.file(&shared.index_name)))?;
        pages_where_cheaper(shown)
    };
    let (texts, ()) = try_join(story_texts(shared, &shown, early), open_editions(shared, &shown)).await?;
    let query = search.borrow().query().clone();
    let mut hits: Vec<Hit> = Vec::with_capacity(stories.len());
    for ((story, shown), text) in stories.iter().zip(&shown).zip(texts) {
        let state = shared.state.borrow();
        let (at, edition) = state.open_edition(&shown.edition).ok_or_else(|| format!("{}: not opened", shared.location.file(&shown.edition)))?;
        let found = match (&shown.text, text) {
            (Text::Story(file), Some((bytes, text))) => {
                check_story(edition, &shown.fragments.articles(), &text).map_err(|problems| describe_text(shared, file, &problems))?;
                // Kept once found to be its story: a wrong file is asked for again.
                shared.recent.borrow_mut().put(file, bytes, RECENT_BYTES);
                story_hit(&text, story.score, &query)
            }
            _ => hit(&shown.fragments, story.score, edition, &shown.publication, &query),
        };
        let mut found = found.ok_or_else(|| format!("{}: the search index does not match this edition", shared.location.file(&shown.edition)))?;
        found.edition = at;
        hits.push(found);
    }
    (shared.refresh)();
    Ok(SearchResults { total, hits })
}

/// A page text weighs about as much as this many story texts: an edition
/// with more hits than that per page they are on (`search()` asking for
/// every hit of a common query) has them cut from its pages instead.
const STORIES_PER_PAGE: usize = 6;

/// `shown`, each edition's hits cut from its pages when they are many on
/// few pages ([`STORIES_PER_PAGE`]), from their story texts otherwise.
fn pages_where_cheaper(mut shown: Vec<Shown>) -> Vec<Shown> {
    // Per edition: its hits to be cut from story texts, and their pages.
    let mut editions: FxHashMap<&str, (usize, Vec<u32>)> = FxHashMap::default();
    for hit in shown.iter().filter(|hit| matches!(hit.text, Text::Story(_))) {
        let (hits, pages) = editions.entry(hit.edition.as_str()).or_default();
        *hits += 1;
        pages.extend(hit.fragments.pages());
    }
    let by_pages: Vec<String> = editions
        .into_iter()
        .filter_map(|(edition, (hits, mut pages))| {
            pages.sort_unstable();
            pages.dedup();
            (hits > STORIES_PER_PAGE * pages.len()).then(|| edition.to_owned())
        })
        .collect();
    for hit in shown.iter_mut().filter(|hit| by_pages.contains(&hit.edition)) {
        hit.text = Text::Pages;
    }
    shown
}

/// How many story texts are on their way at once: a screen's worth
/// together, while `search()` asking for thousands of hits does not start
/// thousands of requests (the browser refuses so many).
const STORY_TEXTS_AT_ONCE: usize = 24;

/// The story texts of `shown` (`None` for those cut from pages), from
/// `early` or read lately or fetched: their bytes and corpora, in order.
async fn story_texts(shared: &Shared, shown: &[Shown], mut early: FxHashMap<&str, Rc<[u8]>>) -> Result<Vec<Option<(Rc<[u8]>, Corpus)>>, String> {
    let missing: Vec<&str> = shown
        .iter()
        .filter_map(|shown| match &shown.text {
            Text::Story(file) if !early.contains_key(file.as_str()) => Some(file.as_str()),
            _ => None,
        })
        .collect();
    let fetched = story_bytes(shared, &missing).await?;
    early.extend(missing.into_iter().zip(fetched));
    let parse = |shown: &Shown| {
        let Text::Story(file) = &shown.text else { return Ok(None) };
        let url = shared.location.file(file);
        let bytes = early.get(file.as_str()).cloned().ok_or_else(|| format!("{url}: not fetched"))?;
        let text = std::str::from_utf8(&bytes).map_err(|_| format!("{url}: not UTF-8"))?;
        let corpus = crate::corpus::load(text).map_err(|error| format!("{url}: {}", error.lines().join("; ")))?;
        Ok(Some((bytes, corpus)))
    };
    shown.iter().map(parse).collect()
}

/// The story text files `files`, read lately or fetched,
/// [`STORY_TEXTS_AT_ONCE`] on their way at a time: their bytes, in order.
async fn story_bytes(shared: &Shared, files: &[&str]) -> Result<Vec<Rc<[u8]>>, String> {
    let texts = stream::iter(files.iter().map(|file| async move { kept_or_fetched(shared, file).await.map(|(bytes, _)| bytes) }));
    texts.buffered(STORY_TEXTS_AT_ONCE).try_collect().await
}

/// The story texts of `stories` that will be read whatever their
/// fragments say, with their editions' files: known once their
/// partitions' heads are (ranking reads them), so fetched beside their
/// chunks, not after. Those are the stories of editions the reader has
/// not opened (so none of their pages is held) with at most
/// [`STORIES_PER_PAGE`] of them (so their pages cannot cost less).
fn texts_known_early(shared: &Shared, search: &ArchiveSearch, stories: &[Story]) -> Vec<(String, String)> {
    let state = shared.state.borrow();
    let placed: Vec<(&Story, &str)> = stories.iter().filter_map(|story| Some((story, search.edition_of(story)?.edition.as_str()))).collect();
    let mut per_edition: FxHashMap<&str, usize> = FxHashMap::default();
    for &(_, edition) in &placed {
        *per_edition.entry(edition).or_default() += 1;
    }
    let early = |&(story, edition): &(&Story, &str)| {
        if state.open_edition(edition).is_some() || per_edition[edition] > STORIES_PER_PAGE {
            return None;
        }
        Some((search.story_file(story)?, edition.to_owned()))
    };
    placed.iter().filter_map(early).collect()
}

/// Opens the outlines of `shown`'s editions in the state, and the pages of
/// the stories cut from pages. Each round opens, per edition, its outline
/// or the next page missing: as many rounds as a story has pages, at most.
async fn open_editions(shared: &Shared, shown: &[Shown]) -> Result<(), String> {
    loop {
        let needs: Vec<Need> = shown
            .iter()
            .map(|shown| {
                let pages: Vec<u32> = match shown.text {
                    Text::Story(_) => Vec::new(),
                    Text::Pages => shown.fragments.pages(),
                };
                shared.state.borrow().pages_needed(&shown.edition, Some(&pages))
            })
            .filter(|need| *need != Need::Nothing)
            .collect();
        if needs.is_empty() {
            return Ok(());
        }
        open_files(shared, &needs).await?;
    }
}

/// The search of `request`'s query, filter and order, ranked: the last
/// one's when it asked the same. Before it, when `reply` hears one, a
/// first screen: the newest editions searched and their best shown, when
/// they fill a screen.
async fn ranked(shared: &Shared, request: &Request, reply: &mut Reply) -> Result<Rc<RefCell<ArchiveSearch>>, String> {
    let query = request.parsed();
    if let Some((asked, search)) = shared.last.borrow().as_ref() {
        if *asked == query {
            return Ok(search.clone());
        }
    }
    // Let go before this search runs (a common query's ranking is
    // megabytes); its heads and lengths serve this one.
    let last = shared.last.borrow_mut().take();
    let index = index(shared).await?;
    let fresh = |search: ArchiveSearch| {
        let mut search = search;
        if let Some((_, earlier)) = &last {
            search.reuse(&earlier.borrow());
        }
        RefCell::new(search)
    };
    let search = fresh(ArchiveSearch::new(&index, query.clone()));
    let first = reply.wants_first_screen().then(|| ArchiveSearch::first_screen(&index, query.clone())).flatten().map(fresh);
    drop(last);
    if let Some(first) = first {
        complete(shared, &first).await?;
        let full = first.borrow().ranked().is_some_and(|ranked| ranked.stories.len() >= request.limit);
        if full {
            reply.first_screen(results(shared, &first, request.limit).await?);
        }
        search.borrow_mut().take_over(first.into_inner());
    }
    complete(shared, &search).await?;
    let search = Rc::new(search);
    *shared.last.borrow_mut() = Some((query, search.clone()));
    Ok(search)
}

/// Gives `search` every file it wants, step by step, until it has ranked.
async fn complete(shared: &Shared, search: &RefCell<ArchiveSearch>) -> Result<(), String> {
    loop {
        let wanted = search.borrow_mut().wanted().map_err(|error| describe(shared, &error.file, &error.reason))?;
        if wanted.is_empty() {
            return Ok(());
        }
        give(shared, search, &wanted).await?;
    }
}

/// Gives `search` the index files `names`: those read lately from memory,
/// the others fetched, all on their way at once.
async fn give(shared: &Shared, search: &RefCell<ArchiveSearch>, names: &[String]) -> Result<(), String> {
    let files = try_join_all(names.iter().map(|name| kept_or_fetched(shared, name))).await?;
    for (name, (bytes, fresh)) in names.iter().zip(files) {
        search.borrow_mut().give(name, &bytes).map_err(|error| describe(shared, &error.file, &error.reason))?;
        // Kept once read without fault: a damaged file is asked for again.
        if fresh {
            shared.recent.borrow_mut().put(name, bytes, RECENT_BYTES);
        }
    }
    Ok(())
}

/// The file `name` from those read lately, or fetched; and whether it was
/// fetched (the caller keeps it once it proved sound).
async fn kept_or_fetched(shared: &Shared, name: &str) -> Result<(Rc<[u8]>, bool), String> {
    let kept = shared.recent.borrow_mut().get(name);
    match kept {
        Some(bytes) => Ok((bytes, false)),
        None => Ok((fetch::index_file(&shared.location, name).await.map_err(|error| error.to_string())?.into(), true)),
    }
}

/// Opens the archive files `needs` name in the state, all on their way at once.
async fn open_files(shared: &Shared, needs: &[Need]) -> Result<(), String> {
    let mut distinct: Vec<&Need> = Vec::with_capacity(needs.len());
    for need in needs {
        if !distinct.contains(&need) {
            distinct.push(need);
        }
    }
    let needs = distinct;
    try_join_all(needs.into_iter().map(|need| fetch::take(&shared.state, &shared.location, need))).await.map_err(|error| error.to_string())?;
    Ok(())
}

/// Why the story text `file` is not its story.
fn describe_text(shared: &Shared, file: &str, problems: &[crate::corpus::Problem]) -> String {
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!("{}: not the story its edition holds: {}", shared.location.file(file), problems.join("; "))
}

fn describe(shared: &Shared, file: &str, reason: &str) -> String {
    format!("the search index file {} cannot be used: {reason}", shared.location.file(file))
}
