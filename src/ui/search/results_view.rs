//! The search view: the filters, the result count (announced to screen
//! readers), and each story found with its date, page and snippets, hits
//! marked; or what to do when there is nothing to show.
//!
//! A result opens its story whole (stitched across pages), where the hits
//! are marked and the first is scrolled to: its route carries the search, so
//! a reload or a shared link shows the same. The up and down arrows walk the
//! results; up from the first returns to the search box.

use std::rc::Rc;

use yew::prelude::*;

use super::super::isolated::{filled, joined};
use super::super::labels::{long_date, page_name};
use super::super::link::Link;
use super::super::place::article_route;
use super::super::route::{FoundBy, Read};
use super::super::shared::SharedCorpus;
use super::super::strings::Strings;
use super::filters::{Choices, Filters};
use super::found::Found;
use super::marked::{marked, marked_by};
use crate::corpus::list_title;
use crate::search::{Filter, Hit, Order, Query};

#[derive(Properties, PartialEq)]
pub struct SearchViewProps {
    pub corpus: SharedCorpus,
    /// The query as typed.
    pub query: String,
    pub filter: Filter,
    pub order: Order,
    /// What the filters offer.
    pub choices: Choices,
    pub found: Found,
    /// Whether `found` answers this very query (else it is the previous one's, kept while searching).
    pub settled: bool,
    pub strings: &'static Strings,
    pub on_filter: Callback<Filter>,
    pub on_order: Callback<Order>,
    pub on_more: Callback<()>,
    /// What the search covers, when it is not the whole corpus (an archive
    /// searched over the editions opened so far).
    #[prop_or_default]
    pub scope: Option<String>,
}

#[component]
pub fn SearchView(props: &SearchViewProps) -> Html {
    let strings = props.strings;
    // Until the exact answer to this very query is in.
    let busy = !props.settled || matches!(props.found, Found::Hits { complete: false, .. });
    let (count, body) = match &props.found {
        Found::Nothing => (String::new(), html! { <p class="bs-notice">{ strings.search_prompt }</p> }),
        Found::Failed(reason) => {
            let body = html! {
                <div class="bs-notice">
                    <p>{ strings.search_failed }</p>
                    <p class="bs-error-url" lang="en">{ reason }</p>
                </div>
            };
            (strings.search_failed.to_owned(), body)
        }
        Found::Searching => (strings.searching.to_owned(), Html::default()),
        Found::Hits { total: 0, complete: true, .. } if props.settled => {
            let body = html! {
                <div class="bs-no-results">
                    <p>{ filled(strings.no_results, html! { { props.query.trim() } }) }</p>
                    <p class="bs-notice">{ strings.no_results_hint }</p>
                </div>
            };
            (Strings::fill(strings.results_many, "0"), body)
        }
        Found::Hits { total, hits, complete } => {
            let count = if !props.settled {
                strings.searching.to_owned()
            } else if !complete {
                Strings::fill(strings.results_so_far, &total.to_string())
            } else if *total == 1 {
                strings.results_one.to_owned()
            } else {
                Strings::fill(strings.results_many, &total.to_string())
            };
            // A first screen offers no more: its total is not the exact one.
            let total = if *complete { *total } else { hits.len() };
            (count, results(props, hits, total, busy))
        }
    };
    html! {
        <section class="bs-search-view" aria-labelledby="bs-search-title" aria-busy={busy.to_string()}>
            <h2 class="bs-view-title" id="bs-search-title">{ strings.search_title }</h2>
            if !props.choices.is_empty() {
                <Filters choices={props.choices.clone()} filter={props.filter.clone()} order={props.order} {strings}
                         on_change={props.on_filter.clone()} on_order={props.on_order.clone()} />
            }
            if let Some(scope) = &props.scope {
                <p class="bs-notice bs-search-scope">{ scope }</p>
            }
            <p class="bs-result-count" role="status">{ count }</p>
            { body }
        </section>
    }
}

/// The list of results and, when more match, the button that shows them.
fn results(props: &SearchViewProps, hits: &Rc<Vec<Hit>>, total: usize, busy: bool) -> Html {
    let query = Query::parse(&props.query);
    let onkeydown = Callback::from(|event: KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        if move_focus(&event, step) {
            event.prevent_default();
        }
    });
    let more = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <ol class="bs-results" aria-busy={busy.to_string()} {onkeydown}>
                { for hits.iter().filter_map(|hit| result(props, hit, &query)) }
            </ol>
            if hits.len() < total {
                <p class="bs-more"><button type="button" class="bs-button" onclick={more}>{ props.strings.show_more }</button></p>
            }
        </>
    }
}

/// One story found; `None` when the corpus no longer holds it.
fn result(props: &SearchViewProps, hit: &Hit, query: &Query) -> Option<Html> {
    let corpus = &props.corpus;
    let edition = corpus.editions.get(hit.edition)?;
    let article = edition.article(&hit.article)?;
    let found_by = FoundBy { query: props.query.clone(), filter: props.filter.clone(), order: props.order };
    let to = article_route(corpus, hit.edition, &hit.article, Read::Whole)?.with_found_by(Some(found_by));
    let title = match &hit.headline {
        Some(headline) => list_title(headline),
        None => list_title(&article.display_title()),
    };
    let lang = corpus.publication_of(edition).lang.clone();
    let several_papers = corpus.editions.iter().any(|other| corpus.publication_of(other).title != corpus.publication.title);
    let paper = several_papers.then(|| corpus.publication_of(edition).title.clone());
    let meta = [paper, Some(long_date(props.strings, &hit.date)), Some(page_name(props.strings, edition, hit.page))];
    Some(html! {
        <li class="bs-result" key={format!("{}/{}", hit.edition, hit.article)}>
            <h3 class="bs-result-title" lang={lang.clone()}>
                <Link {to} class="bs-result-link">{ marked_by(&title, Some(query)) }</Link>
            </h3>
            <p class="bs-result-meta">{ joined(meta.into_iter().flatten(), " · ") }</p>
            { for hit.snippets.iter().map(|snippet| html! {
                <p class="bs-snippet" lang={lang.clone()}>{ marked(&snippet.text, &snippet.highlights) }</p>
            }) }
        </li>
    })
}

/// Moves focus `step` results on from the focused one; up from the first
/// goes back to the search box.
#[cfg(target_arch = "wasm32")]
fn move_focus(event: &KeyboardEvent, step: isize) -> bool {
    use wasm_bindgen::JsCast;
    let Some(root) = event.target_dyn_into::<web_sys::Element>().map(|target| target.get_root_node()) else { return false };
    let Ok(root) = root.dyn_into::<web_sys::ShadowRoot>() else { return false };
    let Ok(links) = root.query_selector_all(".bs-result-link") else { return false };
    let links: Vec<web_sys::HtmlElement> = (0..links.length()).filter_map(|i| links.item(i)?.dyn_into().ok()).collect();
    let active = root.active_element();
    let Some(at) = links.iter().position(|link| active.as_ref() == Some(link.unchecked_ref::<web_sys::Element>())) else {
        return false;
    };
    let next = match at.checked_add_signed(step) {
        Some(next) if next < links.len() => links[next].clone(),
        Some(_) => return false,
        None => match root.query_selector(".bs-search-input").ok().flatten().and_then(|input| input.dyn_into().ok()) {
            Some(input) => input,
            None => return false,
        },
    };
    next.focus().is_ok()
}

// Outside the browser (server rendering in tests) nothing has focus.
#[cfg(not(target_arch = "wasm32"))]
fn move_focus(_event: &KeyboardEvent, _step: isize) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::search::Index;
    use crate::ui::dates::DateIndex;
    use crate::ui::strings::{EN, ZH};

    const READER: &str = include_str!("../../../tests/fixtures/reader.json");

    async fn render(query: &str, found: Option<Found>, strings: &'static Strings) -> String {
        let corpus = corpus::load(READER).expect("valid");
        let found = found.unwrap_or_else(|| {
            let results = Index::build(&corpus).search(&corpus, &Query::parse(query), 10);
            Found::Hits { total: results.total, hits: Rc::new(results.hits), complete: true }
        });
        let props = SearchViewProps {
            corpus: SharedCorpus::new(corpus.clone()),
            query: query.to_owned(),
            filter: Filter::default(),
            order: Order::Relevance,
            choices: Choices::of(&DateIndex::of_corpus(&corpus), &corpus),
            found,
            settled: true,
            strings,
            on_filter: Callback::noop(),
            on_order: Callback::noop(),
            on_more: Callback::noop(),
            scope: None,
        };
        yew::LocalServerRenderer::<SearchView>::with_props(props).render().await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn results_link_to_the_whole_story_with_hits_marked() {
        let html = render("改革", None, &ZH).await;
        assert!(html.contains(r#"role="status""#) && html.contains("找到 2 篇报道"), "{html}");
        assert!(
            html.contains(r##"href="#/2024-09-12/1/p1-lead/whole?q=%E6%94%B9%E9%9D%A9""##),
            "a continued story opens whole from its first page, with the query to mark: {html}"
        );
        assert!(html.contains(r#"<mark class="bs-hit">改革</mark>"#), "{html}");
        assert!(html.contains("<bdi>2024年9月12日 星期四</bdi> · <bdi>第一版</bdi>"), "{html}");
        assert!(!html.contains("bs-more"), "every hit is shown: {html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn nothing_found_says_so_with_the_query() {
        let html = render("无此内容", None, &ZH).await;
        assert!(html.contains("没有找到含有“<bdi>无此内容</bdi>”的报道。") && html.contains("找到 0 篇报道"), "{html}");
        assert!(!html.contains("bs-results"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_empty_box_explains_search_and_more_hits_offer_more() {
        let html = render("", Some(Found::Nothing), &EN).await;
        assert!(html.contains("press / to come back to the search box"), "{html}");
        let corpus = corpus::load(READER).expect("valid");
        let results = Index::build(&corpus).search(&corpus, &Query::parse("上合"), 1);
        let html = render("上合", Some(Found::Hits { total: results.total, hits: Rc::new(results.hits), complete: true }), &EN).await;
        assert!(html.contains(&format!("{} stories found", results.total)) && html.contains(">Show more</button>"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn results_of_a_second_paper_name_it() {
        let html = render("Harbour", None, &EN).await;
        assert!(html.contains("<bdi>The Evening Star</bdi> · <bdi>Thursday, 12 September 2024</bdi> · <bdi>Page A1</bdi>"), "{html}");
        assert!(html.contains(r#"<h3 lang="en" class="bs-result-title">"#), "{html}");
    }
}
