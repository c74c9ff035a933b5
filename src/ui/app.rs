//! The widget's root: the one place that holds state (the corpus load, the
//! route, the reading settings, the search engine and its results) and
//! picks what to show. Every other component takes plain props and only
//! lays them out. The host's commands arrive here through the
//! [`Control`], and the root tells the host where the reader is.

use std::rc::Rc;

use yew::prelude::*;

use super::archive::archive_base;
use super::dates::DateIndex;
use super::control::{Command, Control, Navigation, Notice};
use super::error_panel::ErrorPanel;
use super::landmark::{host_landmark, Landmark, ViewArea};
use super::load_error::LoadError;
use super::not_saved::NotSavedView;
use super::offline_panel::{OfflineAction, OfflineStatus};
use super::options::{Routing, Theme};
use super::place::{article_route, resolve, Place};
use super::prefs::use_prefs;
use super::progress::{LoadingView, Progress};
use super::reader::Reader;
use super::route::{Read, Route};
use super::router::{use_router, Navigator};
use super::search::engine::{hits_json, Request};
use super::search::found::use_found;
use super::search::filters::Choices;
use super::search::results_view::SearchView;
use super::search::search_box::SearchBox;
use super::search::searcher::{Reply, Searcher};
use super::shared::SharedCorpus;
use super::strings::Strings;
use crate::search::{Filter, Order};

/// How many results the search view shows at first, and adds on "show more".
const RESULTS_PER_PAGE: usize = 20;
/// The same for an archive, whose every result fetches its edition's outline
/// and page texts: ten fill a desktop screen, and twice a phone's.
const ARCHIVE_RESULTS_PER_PAGE: usize = 10;

/// The host's choices for one reader (the element's attributes).
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The corpus URL, already resolved against the host page.
    pub src: AttrValue,
    #[prop_or_default]
    pub routing: Routing,
    #[prop_or_default]
    pub theme: Theme,
    /// Overrides the UI language otherwise chosen from the publication's `lang`.
    #[prop_or_default]
    pub ui_lang: Option<AttrValue>,
    /// The host's line to this reader.
    #[prop_or_default]
    pub control: Control,
    /// How many of an archive's newest editions to keep whole for offline
    /// reading (`offline-editions`); 0 with `offline="off"`.
    #[prop_or(1)]
    pub offline_editions: u32,
}

/// Where the corpus load stands.
#[derive(Clone, PartialEq)]
pub enum Load {
    Loading(Progress),
    Ready(SharedCorpus),
    Failed(LoadError),
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading(Progress::default()));
    let attempt = use_state(|| 0u32);
    let router = use_router(props.routing);
    let prefs = use_prefs(props.theme);
    let landmark = use_state(host_landmark);
    let searcher = use_state(|| None::<Searcher>);
    // How many results to show of a query, once the reader asked for more.
    let more = use_state(|| None::<(String, Filter, Order, usize)>);
    let root = use_node_ref();
    let place = match &*load {
        Load::Ready(corpus) => Some(router.current.as_ref().map_or(Place::NotFound, |route| resolve(corpus, route))),
        _ => None,
    };
    let (query, filter, order) = match &place {
        Some(Place::Search { query, filter, order }) => (Some(query.clone()), filter.clone(), *order),
        _ => (None, Filter::default(), Order::default()),
    };
    let per_page = if archive_base(&props.src).is_some() { ARCHIVE_RESULTS_PER_PAGE } else { RESULTS_PER_PAGE };
    let limit = match &*more {
        Some((asked, asked_filter, asked_order, limit)) if query.as_ref() == Some(asked) && *asked_filter == filter && *asked_order == order => *limit,
        _ => per_page,
    };
    let request = Request { query: query.clone().unwrap_or_default(), filter: filter.clone(), order, limit };
    let (found, settled) = use_found((*searcher).clone(), request);
    // Which dates have an edition: a corpus knows them all, an archive the
    // years whose calendars it has fetched.
    let archive_dates = use_state(|| None::<Rc<DateIndex>>);
    let ready_corpus = match &*load {
        Load::Ready(corpus) => Some(corpus.clone()),
        _ => None,
    };
    let corpus_dates = use_memo(ready_corpus, |corpus| corpus.as_ref().map(|corpus| Rc::new(DateIndex::of_corpus(corpus))));
    let dates = if archive_base(&props.src).is_some() { (*archive_dates).clone() } else { (*corpus_dates).clone() };
    // An archive's editions saved for offline reading, and what the last
    // save or removal the reader asked for came to when it failed.
    let offline_status = use_state(|| None::<Rc<OfflineStatus>>);
    let offline_message = use_state(|| None::<AttrValue>);
    // How many editions an archive's search covers, when it searches all by its index.
    let archive_searched = use_state(|| None::<u32>);
    #[cfg(target_arch = "wasm32")]
    let reading = use_mut_ref(super::archive::reading::Reading::default);
    #[cfg(target_arch = "wasm32")]
    let shown_by_archive =
        super::archive::reading::Shown { dates: archive_dates.clone(), offline: offline_status.clone(), searched: archive_searched.clone() };
    let on_need_year = {
        #[cfg(target_arch = "wasm32")]
        {
            let (reading, src, shown) = (reading.clone(), props.src.clone(), shown_by_archive.clone());
            Callback::from(move |(title, year): (String, u32)| {
                if let Some(location) = archive_base(&src) {
                    super::archive::reading::want_year(reading.clone(), location, title, year, shown.clone());
                }
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Callback::noop()
        }
    };
    #[cfg(target_arch = "wasm32")]
    {
        let shown = matches!(*load, Load::Ready(_)).then(|| router.current.clone());
        // An archive: on every route, what the route needs, then the view.
        let (load_handle, searcher_handle, shown_handles) = (load.clone(), searcher.clone(), shown_by_archive.clone());
        let keep = props.offline_editions as usize;
        let reading = reading.clone();
        use_effect_with((props.src.clone(), *attempt, router.current.clone()), move |(src, _, route)| {
            if let Some(location) = archive_base(src) {
                let route = route.clone().unwrap_or_default();
                let (load, searcher, shown) = (load_handle.clone(), searcher_handle.clone(), shown_handles.clone());
                super::archive::reading::show(reading.clone(), location, route, load, searcher, shown, keep);
            }
        });
        let load = load.clone();
        let searcher = searcher.clone();
        let generation = use_mut_ref(|| 0u32);
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            if archive_base(src).is_some() {
                return;
            }
            let this = {
                let mut generation = generation.borrow_mut();
                *generation += 1;
                *generation
            };
            load.set(Load::Loading(Progress::default()));
            searcher.set(None);
            let src = src.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                // A retry may start a new load before this one ends: only
                // the latest may update the view.
                let latest = || *generation.borrow() == this;
                let on_progress = |progress| {
                    if latest() {
                        load.set(Load::Loading(progress));
                    }
                };
                let loaded = super::fetch::load_corpus(&src, &on_progress).await;
                if !latest() {
                    return;
                }
                match loaded {
                    Ok(super::fetch::Loaded { corpus, hash }) => {
                        let corpus = SharedCorpus::new(corpus);
                        let service = super::search::service::SearchService::new(
                            hash,
                            corpus.clone(),
                            super::search::index_url::index_url(&src),
                        );
                        // The searcher first: the host's waiting commands
                        // are answered as soon as the corpus is ready.
                        searcher.set(Some(Searcher::new(service)));
                        load.set(Load::Ready(corpus));
                    }
                    Err(error) => load.set(Load::Failed(error)),
                }
            });
        });
        let first_view = use_mut_ref(|| true);
        let root = root.clone();
        use_effect_with(shown, move |shown| {
            if shown.is_none() {
                return;
            }
            // The first view is where the reader opens: leave focus and
            // scrolling to the host page, unless its URL asks for an article's
            // search hits. Later views follow a reader's action.
            if std::mem::replace(&mut *first_view.borrow_mut(), false) {
                scroll_to_first_hit(&root);
            } else {
                bring_into_view(&root);
            }
        });
    }
    // The host's commands about saving an archive's editions for offline reading.
    let offline_commands = {
        #[cfg(target_arch = "wasm32")]
        {
            let (reading, src, shown) = (reading.clone(), props.src.clone(), shown_by_archive.clone());
            Callback::from(move |command| super::archive::reading::offline_command(reading.clone(), &src, shown.clone(), command))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Callback::from(|command: Command| command.refuse("saving for offline reading needs a browser"))
        }
    };
    // The reader's own save and removal go the host's way.
    let on_offline = {
        let (offline_commands, message) = (offline_commands.clone(), offline_message.clone());
        Callback::from(move |action: OfflineAction| {
            let message = message.clone();
            let answer = Box::new(move |outcome: Result<f64, String>| message.set(outcome.err().map(AttrValue::from)));
            offline_commands.emit(match action {
                OfflineAction::Save(range) => Command::SaveOffline { range, answer },
                OfflineAction::Remove(range) => Command::RemoveOffline { range, answer },
            });
        })
    };
    use_host_line(&props.control, &load, &searcher, &router.navigator, &offline_commands);
    {
        // Where the reader is, for the host: each new view once the corpus is there.
        let control = props.control.clone();
        let place = match &*load {
            Load::Ready(corpus) => router.current.as_ref().map(|route| (corpus.clone(), route.clone())),
            _ => None,
        };
        use_effect_with(place, move |place| {
            if let Some((corpus, route)) = place {
                control.notify(&Notice::Navigate(Navigation::new(corpus, route, &resolve(corpus, route))));
            }
        });
    }
    {
        // What failed, for the host.
        let control = props.control.clone();
        let failure = match &*load {
            Load::Failed(error) => Some(error.to_string()),
            _ => None,
        };
        use_effect_with(failure, move |failure| {
            if let Some(message) = failure {
                control.notify(&Notice::Error { message: message.clone() });
            }
        });
    }
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let ui_lang = props.ui_lang.as_deref();
    let (content, strings, label) = match &*load {
        Load::Loading(progress) => {
            let strings = Strings::choose(ui_lang, &host_lang());
            let view = html! { <ViewArea landmark={*landmark}><LoadingView progress={*progress} {strings} /></ViewArea> };
            (view, strings, None)
        }
        Load::Failed(LoadError::NotSaved { .. }) => {
            let strings = Strings::choose(ui_lang, &host_lang());
            let view = html! { <ViewArea landmark={*landmark}><NotSavedView {strings} /></ViewArea> };
            (view, strings, None)
        }
        Load::Failed(error) => {
            let strings = Strings::choose(ui_lang, &host_lang());
            let view = html! { <ViewArea landmark={*landmark}><ErrorPanel error={error.clone()} {strings} {on_retry} /></ViewArea> };
            (view, strings, None)
        }
        Load::Ready(corpus) => {
            let place = place.unwrap_or(Place::NotFound);
            let edition = place.edition().and_then(|index| corpus.editions.get(index));
            let publication = edition.map_or(&corpus.publication, |edition| corpus.publication_of(edition));
            let strings = Strings::choose(ui_lang, &publication.lang);
            let navigator = &router.navigator;
            let on_query = {
                let (navigator, searching, filter) = (navigator.clone(), query.is_some(), filter.clone());
                // The first search leaves a history entry to come back to;
                // refining it as the reader types replaces that entry.
                Callback::from(move |query: String| {
                    let route = Route::Search { query, filter: filter.clone(), order };
                    if searching { navigator.replace.emit(route) } else { navigator.go.emit(route) }
                })
            };
            let on_focus = {
                let searcher = searcher.clone();
                Callback::from(move |()| {
                    if let Some(searcher) = &*searcher {
                        searcher.prepare();
                    }
                })
            };
            let search_box = html! {
                <SearchBox query={query.clone()} {on_query} {on_focus} {strings} />
            };
            let search_view = match &query {
                Some(query) => {
                    let on_filter = {
                        let (navigator, query) = (navigator.clone(), query.clone());
                        Callback::from(move |filter| navigator.replace.emit(Route::Search { query: query.clone(), filter, order }))
                    };
                    let on_order = {
                        let (navigator, query, filter) = (navigator.clone(), query.clone(), filter.clone());
                        Callback::from(move |order| navigator.replace.emit(Route::Search { query: query.clone(), filter: filter.clone(), order }))
                    };
                    let on_more = {
                        let (more, key) = (more.clone(), (query.clone(), filter.clone()));
                        Callback::from(move |()| more.set(Some((key.0.clone(), key.1.clone(), order, limit + per_page))))
                    };
                    // An archive searches all its editions by its index, or
                    // those opened so far (offline: saved), and says so.
                    let scope = archive_base(&props.src).map(|_| match *archive_searched {
                        Some(editions) if online() => Strings::fill(strings.searching_archive, &editions.to_string()),
                        _ => {
                            let template = if online() { strings.searching_open_editions } else { strings.searching_saved_editions };
                            Strings::fill(template, &corpus.editions.len().to_string())
                        }
                    });
                    let choices = match &dates {
                        Some(dates) => Choices::of(dates, corpus),
                        None => Choices::of(&DateIndex::of_corpus(corpus), corpus),
                    };
                    html! {
                        <SearchView corpus={corpus.clone()} query={query.clone()} filter={filter.clone()} {order} {choices} found={found.clone()}
                                    {settled} {strings} {on_filter} {on_order} {on_more} {scope} />
                    }
                }
                None => Html::default(),
            };
            let found_by = match &router.current {
                Some(Route::Article { found_by, .. }) => found_by.clone(),
                _ => None,
            };
            let reader = html! {
                <Reader corpus={corpus.clone()} {place} corpus_url={props.src.clone()}
                        prefs={prefs.clone()} back={router.back.clone()} landmark={*landmark} {strings}
                        {search_box} {search_view} {found_by} {dates} {on_need_year}
                        offline={(*offline_status).clone()} offline_message={(*offline_message).clone()} {on_offline} />
            };
            (reader, strings, Some(publication.title.clone()))
        }
    };
    let label = label.unwrap_or_else(|| "Broadsheet".to_owned());
    let class = classes!("bs-app", prefs.text_size.class(), prefs.theme.class());
    html! {
        <ContextProvider<Navigator> context={router.navigator.clone()}>
            <div ref={root} {class} lang={strings.lang}>
                if *landmark == Landmark::Page {
                    <div class="bs-reader">{ content }</div>
                } else {
                    <section class="bs-reader" aria-label={label}>{ content }</section>
                }
            </div>
        </ContextProvider<Navigator>>
    }
}

/// Answers the host's commands once the corpus is loaded (they wait until
/// then), and refuses them with the reason when it failed.
#[hook]
fn use_host_line(control: &Control, load: &Load, searcher: &Option<Searcher>, navigator: &Navigator, offline: &Callback<Command>) {
    let ready = match load {
        Load::Ready(corpus) => Ok(Some(corpus.clone())),
        Load::Loading(_) => Ok(None),
        Load::Failed(error) => Err(error.to_string()),
    };
    let control = control.clone();
    use_effect_with((ready, searcher.clone(), navigator.clone(), offline.clone()), move |(ready, searcher, navigator, offline)| match ready {
        Ok(Some(corpus)) => {
            let (corpus, searcher, navigator, offline) = (corpus.clone(), searcher.clone(), navigator.clone(), offline.clone());
            control.attach(Callback::from(move |command| answer(command, &corpus, searcher.as_ref(), &navigator, &offline)));
        }
        Ok(None) => control.hold(),
        Err(reason) => control.close(reason.clone()),
    });
}

/// One command of the host, answered against the loaded corpus.
fn answer(command: Command, corpus: &SharedCorpus, searcher: Option<&Searcher>, navigator: &Navigator, offline: &Callback<Command>) {
    match command {
        Command::SaveOffline { .. } | Command::RemoveOffline { .. } | Command::Offline { .. } => offline.emit(command),
        Command::Open { article, date, publication, answer } => {
            let route = find_article(corpus, &article, date.as_deref(), publication.as_deref())
                .and_then(|edition| article_route(corpus, edition, &article, Read::Whole));
            let found = route.is_some();
            if let Some(route) = route {
                navigator.go.emit(route);
            }
            answer(Ok(found));
        }
        Command::Search { query, filter, order, limit, answer } => match searcher {
            Some(searcher) => searcher.search(
                Request { query, filter, order, limit },
                Reply::exact(move |outcome| answer(outcome.and_then(|found| hits_json(&found.hits)))),
            ),
            None => answer(Err("search is not available before the corpus has loaded".to_owned())),
        },
    }
}

/// The edition holding article `id`, of `date` and of the publication
/// titled `publication`, each when given: the newest of them (the first in
/// corpus order on a tie).
fn find_article(corpus: &SharedCorpus, id: &str, date: Option<&str>, publication: Option<&str>) -> Option<usize> {
    let holds = |index: &usize| {
        let edition = &corpus.editions[*index];
        date.is_none_or(|date| edition.date == date)
            && publication.is_none_or(|title| corpus.publication_of(edition).title == title)
            && edition.article(id).is_some()
    };
    let mut candidates: Vec<usize> = (0..corpus.editions.len()).filter(holds).collect();
    candidates.sort_by(|a, b| corpus.editions[*b].date.cmp(&corpus.editions[*a].date).then(a.cmp(b)));
    candidates.first().copied()
}

/// The host page's language, for the words shown before the corpus (and
/// with it the publication's language) is known.
#[cfg(target_arch = "wasm32")]
fn host_lang() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|element| element.get_attribute("lang"))
        .unwrap_or_default()
}

/// After a navigation: scroll the reader's top into view if it is above the
/// viewport, and move focus to the new view so keyboard and screen-reader
/// users continue from there; an article opened from search scrolls to its
/// first hit. While the reader types in the search box (each pause shows
/// new results), focus stays in the box.
#[cfg(target_arch = "wasm32")]
fn bring_into_view(root_ref: &NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(root) = root_ref.cast::<web_sys::HtmlElement>() else { return };
    let shadow = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    let typing = shadow.and_then(|shadow| shadow.active_element()).is_some_and(|active| active.id() == "bs-search-input");
    if typing {
        return;
    }
    if root.get_bounding_client_rect().top() < 0.0 {
        root.scroll_into_view();
    }
    if let Some(view) = root.query_selector(".bs-view").ok().flatten().and_then(|v| v.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = view.focus();
    }
    scroll_to_first_hit(root_ref);
}

/// Centres the first search hit of the article shown, if it marks any.
#[cfg(target_arch = "wasm32")]
fn scroll_to_first_hit(root: &NodeRef) {
    let Some(hit) = root.cast::<web_sys::Element>().and_then(|root| root.query_selector(".bs-article .bs-hit").ok().flatten()) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    hit.scroll_into_view_with_scroll_into_view_options(&options);
}

// Outside the browser (server rendering in tests) there is no host page.
#[cfg(not(target_arch = "wasm32"))]
fn host_lang() -> String {
    String::new()
}

#[cfg(target_arch = "wasm32")]
use super::archive::fetch::online;

/// Outside the browser there is no network to lose.
#[cfg(not(target_arch = "wasm32"))]
fn online() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_opens_an_article_of_the_newest_edition_unless_it_names_a_date_or_paper() {
        let corpus = SharedCorpus::new(
            crate::corpus::load(
                r#"{ "format": "broadsheet-corpus", "version": 1, "publication": { "title": "The Sun", "lang": "en" },
                     "editions": [
                       { "date": "1916-03-03", "pages": [ { "number": 1, "label": null } ],
                         "articles": [ { "id": "a", "page": 1, "headline": "Old", "blocks": [] } ] },
                       { "date": "1916-03-05", "pages": [ { "number": 1, "label": null } ],
                         "articles": [ { "id": "a", "page": 1, "headline": "New", "blocks": [] },
                                      { "id": "b", "page": 1, "headline": "Only here", "blocks": [] } ] },
                       { "date": "1916-03-04", "pages": [ { "number": 1, "label": null } ],
                         "articles": [ { "id": "a", "page": 1, "headline": "Middle", "blocks": [] } ] },
                       { "date": "1916-03-04", "publication": { "title": "The Evening Star", "lang": "en" },
                         "pages": [ { "number": 1, "label": null } ],
                         "articles": [ { "id": "a", "page": 1, "headline": "Same id, other paper", "blocks": [] } ] } ] }"#,
            )
            .expect("the test corpus is valid"),
        );
        assert_eq!(find_article(&corpus, "a", None, None), Some(1));
        assert_eq!(find_article(&corpus, "a", Some("1916-03-04"), None), Some(2));
        assert_eq!(find_article(&corpus, "a", Some("1916-03-04"), Some("The Evening Star")), Some(3));
        assert_eq!(find_article(&corpus, "a", None, Some("The Sun")), Some(1));
        assert_eq!(find_article(&corpus, "b", Some("1916-03-05"), Some("The Evening Star")), None);
        assert_eq!(find_article(&corpus, "b", Some("1916-03-03"), None), None);
        assert_eq!(find_article(&corpus, "c", None, None), None);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_reader_opens_with_progress_in_the_host_language() {
        let props = AppProps {
            src: "corpus.json".into(),
            routing: Routing::Memory,
            theme: Theme::Dark,
            ui_lang: Some("zh".into()),
            control: Control::default(),
            offline_editions: 1,
        };
        let html = yew::LocalServerRenderer::<App>::with_props(props).render().await;
        assert!(html.contains(r#"<div lang="zh-CN" class="bs-app bs-size-3 bs-theme-dark">"#), "{html}");
        assert!(html.contains(r#"<div class="bs-reader">"#) && html.contains(r#"<main tabindex="-1" class="bs-view">"#), "{html}");
        assert!(html.contains(r#"role="status""#), "{html}");
        assert!(html.contains("正在载入…</h1>") && !html.contains("bs-loading-bytes"), "nothing received yet, so no sizes: {html}");
    }
}
