//! The reader's layout once the corpus is loaded: a header with the
//! controls, the masthead and the search slot; the page strip; and the view
//! the current place calls for.
//!
//! Search plugs in at three spots: its box goes in the header's
//! `.bs-search-slot` (the `search_box` prop), its results are the view of
//! [`Place::Search`] (`search_view`), and an article opened from them marks
//! the query's hits and leads back to them (`found_by`).

use std::rc::Rc;

use yew::prelude::*;

use super::article::ArticleView;
use super::dates::DateIndex;
use super::offline_panel::{OfflineAction, OfflineStatus};
use super::edition::EditionView;
use super::landmark::{Landmark, ViewArea};
use super::link::Link;
use super::masthead::Masthead;
use super::page::PageView;
use super::page_strip::PageStrip;
use super::place::Place;
use super::prefs::Prefs;
use super::route::{FoundBy, Route};
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
    pub landmark: Landmark,
    /// The search box.
    #[prop_or_default]
    pub search_box: Html,
    /// The results, shown for [`Place::Search`].
    #[prop_or_default]
    pub search_view: Html,
    /// The search the article shown was opened from.
    #[prop_or_default]
    pub found_by: Option<FoundBy>,
    /// Which dates have an edition, for date browsing.
    #[prop_or_default]
    pub dates: Option<Rc<DateIndex>>,
    /// Asks for a year's dates that `dates` lacks.
    #[prop_or_default]
    pub on_need_year: Callback<(String, u32)>,
    /// An archive's editions saved for offline reading.
    #[prop_or_default]
    pub offline: Option<Rc<OfflineStatus>>,
    #[prop_or_default]
    pub offline_message: Option<AttrValue>,
    #[prop_or_default]
    pub on_offline: Callback<OfflineAction>,
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
                         corpus_url={props.corpus_url.clone()} found_by={props.found_by.clone()} {strings} />
        },
        Place::Search { .. } => props.search_view.clone(),
        Place::NotFound => html! { <NotFound {strings} has_editions={!corpus.editions.is_empty()} /> },
    };
    html! {
        <>
            <header class="bs-header">
                <Toolbar prefs={props.prefs.clone()} back={props.back.clone()} {strings} />
                <Masthead corpus={corpus.clone()} {edition} {compact} {strings}
                          dates={props.dates.clone()} on_need_year={props.on_need_year.clone()}
                          offline={props.offline.clone()} offline_message={props.offline_message.clone()}
                          on_offline={props.on_offline.clone()} />
                <div class="bs-search-slot">{ props.search_box.clone() }</div>
            </header>
            if let Some(edition) = edition {
                <PageStrip corpus={corpus.clone()} {edition} current={current_page} {strings} />
            }
            <ViewArea landmark={props.landmark}>{ view }</ViewArea>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::options::Theme;
    use crate::ui::prefs::TextSize;
    use crate::ui::route::Read;
    use crate::ui::strings::ZH;

    async fn render(place: Place) -> String {
        let text = include_str!("../../tests/fixtures/reader.json");
        let corpus = corpus::load(text).expect("the reader fixture is valid");
        let dates = Some(Rc::new(DateIndex::of_corpus(&corpus)));
        let props = ReaderProps {
            corpus: SharedCorpus::new(corpus),
            place,
            corpus_url: "https://example.com/reader.json".into(),
            prefs: Prefs {
                text_size: TextSize::default(),
                theme: Theme::Auto,
                dark: false,
                on_smaller: Callback::noop(),
                on_larger: Callback::noop(),
                on_toggle_dark: Callback::noop(),
            },
            back: None,
            strings: &ZH,
            landmark: Landmark::Page,
            search_box: Html::default(),
            search_view: Html::default(),
            found_by: None,
            dates,
            on_need_year: Callback::noop(),
            offline: None,
            offline_message: None,
            on_offline: Callback::noop(),
        };
        yew::LocalServerRenderer::<Reader>::with_props(props).render().await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_edition_view_has_the_full_masthead_and_date_browsing() {
        let html = render(Place::Edition { edition: 0 }).await;
        assert!(html.contains("2024年9月12日 星期四"), "{html}");
        assert!(html.contains(r#"<nav aria-label="往期回顾" class="bs-date-nav">"#), "two papers to choose from: {html}");
        assert!(html.contains(r#"<nav aria-label="版面" class="bs-page-strip">"#), "{html}");
        assert!(!html.contains("aria-current"), "no page is being read: {html}");
        assert!(!html.contains("bs-back"), "no back button with hash routing: {html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn inside_an_edition_the_masthead_is_compact_and_the_page_is_marked() {
        let html = render(Place::Article { edition: 0, id: "p2-lead".to_owned(), read: Read::Fragment }).await;
        assert!(html.contains("bs-masthead bs-masthead-compact") && !html.contains("<select"), "{html}");
        assert!(html.contains(r#"aria-current="page" class="bs-strip-link">第二版</a>"#), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_place_the_archive_lacks_offers_the_way_to_the_latest_edition() {
        let html = render(Place::NotFound).await;
        assert!(html.contains("找不到这一页") && html.contains(r##"href="#/""##), "{html}");
        assert!(!html.contains("bs-page-strip"), "{html}");
    }
}
