//! The reader's layout once the corpus is loaded: a header with the
//! controls, the masthead and the search slot; the page strip; and the view
//! the current place calls for.
//!
//! The search feature plugs in at two spots: its box goes in the header's
//! `.bs-search-slot` (the `search_box` prop), its results are the view of
//! [`Place::Search`].

use yew::prelude::*;

use super::article::ArticleView;
use super::edition::EditionView;
use super::link::Link;
use super::masthead::Masthead;
use super::page::PageView;
use super::page_strip::PageStrip;
use super::place::Place;
use super::prefs::Prefs;
use super::route::Route;
use super::shared::SharedCorpus;
use super::strings::Strings;
use super::toolbar::Toolbar;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub corpus: SharedCorpus,
    pub place: Place,
    /// The corpus URL, which relative image URLs are resolved against.
    pub corpus_url: AttrValue,
    pub prefs: Prefs,
    #[prop_or_default]
    pub back: Option<Callback<()>>,
    pub strings: &'static Strings,
    /// The search box, once search is built.
    #[prop_or_default]
    pub search_box: Html,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let strings = props.strings;
    let corpus = &props.corpus;
    let edition = props.place.edition();
    let current_page = match &props.place {
        Place::Page { page, .. } => Some(*page),
        Place::Article { edition, id, .. } => {
            corpus.editions.get(*edition).and_then(|e| e.article(id)).map(|article| article.page)
        }
        _ => None,
    };
    let compact = matches!(props.place, Place::Page { .. } | Place::Article { .. });
    let view = match &props.place {
        Place::Edition { edition } => html! { <EditionView corpus={corpus.clone()} edition={*edition} {strings} /> },
        Place::Page { edition, page } => html! {
            <PageView corpus={corpus.clone()} edition={*edition} page={*page}
                      corpus_url={props.corpus_url.clone()} {strings} />
        },
        Place::Article { edition, id, read } => html! {
            <ArticleView corpus={corpus.clone()} edition={*edition} id={id.clone()} read={*read}
                         corpus_url={props.corpus_url.clone()} {strings} />
        },
        Place::Search { .. } => html! { <p class="bs-notice">{ strings.search_reserved }</p> },
        Place::NotFound => html! { <NotFound {strings} has_editions={!corpus.editions.is_empty()} /> },
    };
    html! {
        <>
            <header class="bs-header">
                <Toolbar prefs={props.prefs.clone()} back={props.back.clone()} {strings} />
                <Masthead corpus={corpus.clone()} {edition} {compact} {strings} />
                <div class="bs-search-slot">{ props.search_box.clone() }</div>
            </header>
            if let Some(edition) = edition {
                <PageStrip corpus={corpus.clone()} {edition} current={current_page} {strings} />
            }
            // Focus moves here after a navigation (see app.rs), hence tabindex.
            <div class="bs-view" tabindex="-1">{ view }</div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NotFoundProps {
    strings: &'static Strings,
    has_editions: bool,
}

/// A route the corpus cannot answer: say so and offer the way back.
#[component]
fn NotFound(props: &NotFoundProps) -> Html {
    let strings = props.strings;
    if !props.has_editions {
        return html! { <p class="bs-notice">{ strings.no_editions }</p> };
    }
    html! {
        <section class="bs-not-found" aria-labelledby="bs-not-found-title">
            <h2 class="bs-view-title" id="bs-not-found-title">{ strings.not_found }</h2>
            <p>{ strings.not_found_hint }</p>
            <p><Link to={Route::Home} class="bs-button">{ strings.to_front }</Link></p>
        </section>
    }
}
