//! The page view: one printed page's articles, lead article first, each with
//! its kicker, headline, deck, opening lines and a thumbnail of its first
//! image; previous and next page by buttons, arrow keys and swipes.

use yew::prelude::*;

use super::image_url::image_url;
use super::labels::{continued_from, page_name};
use super::link::Link;
use super::place::{article_route, page_route};
use super::route::{Read, Route};
use super::shared::SharedCorpus;
use super::strings::Strings;
use super::page_turn::{use_page_turns, TurnHandlers};
use crate::corpus::{list_passage, list_title, Article, Block, Edition};

/// The articles of a page in the order a reader meets them: the lead (the
/// first one that starts on this page under its own headline) first, the
/// rest in corpus order, continued fragments included.
pub fn reading_order(edition: &Edition, page: u32) -> Vec<&Article> {
    let mut articles: Vec<&Article> = edition.articles_on(page).collect();
    let is_lead = |a: &&Article| a.continued_from.is_none() && a.headline.as_deref().is_some_and(|h| !h.trim().is_empty());
    if let Some(lead) = articles.iter().position(is_lead) {
        let lead = articles.remove(lead);
        articles.insert(0, lead);
    }
    articles
}

/// The edition's page numbers in print order (the corpus may list them in any order).
pub fn page_numbers(edition: &Edition) -> Vec<u32> {
    let mut numbers: Vec<u32> = edition.pages.iter().map(|page| page.number).collect();
    numbers.sort_unstable();
    numbers
}

/// The pages before and after `page` in the edition's page order.
pub fn neighbours(edition: &Edition, page: u32) -> (Option<u32>, Option<u32>) {
    let numbers = page_numbers(edition);
    let Some(at) = numbers.iter().position(|&n| n == page) else { return (None, None) };
    (at.checked_sub(1).map(|i| numbers[i]), numbers.get(at + 1).copied())
}

#[derive(Properties, PartialEq)]
pub struct PageViewProps {
    pub corpus: SharedCorpus,
    pub edition: usize,
    pub page: u32,
    pub corpus_url: AttrValue,
    pub strings: &'static Strings,
}

#[component]
pub fn PageView(props: &PageViewProps) -> Html {
    let edition = props.corpus.editions.get(props.edition);
    let (previous, next) = edition.map_or((None, None), |edition| neighbours(edition, props.page));
    let turn_to = |page: Option<u32>| page.map(|page| page_route(&props.corpus, props.edition, page));
    let (previous, next) = (turn_to(previous), turn_to(next));
    // Hooks first: they must run on every render, whatever returns early.
    let TurnHandlers { onpointerdown, onpointerup, onpointercancel, onkeydown } =
        use_page_turns(previous.clone(), next.clone());
    let Some(edition) = edition else { return Html::default() };
    let strings = props.strings;
    let lang = props.corpus.publication_of(edition).lang.clone();
    let articles = reading_order(edition, props.page);
    let cards = articles.iter().enumerate().map(|(index, article)| {
        html! { <Card corpus={props.corpus.clone()} edition={props.edition} id={article.id.clone()}
                      lead={index == 0} corpus_url={props.corpus_url.clone()} {strings} /> }
    });
    let pager = |rel: &str, to: Option<Route>, label: &str| match to {
        Some(to) => html! {
            <Link {to} class={classes!("bs-turn", format!("bs-turn-{rel}"))} rel={AttrValue::from(rel.to_owned())}>
                { label.to_owned() }
            </Link>
        },
        None => html! { <span class={classes!("bs-turn", "bs-turn-none")} aria-hidden="true"></span> },
    };
    html! {
        <section class="bs-page-view" aria-labelledby="bs-page-title" {lang}
                 {onpointerdown} {onpointerup} {onpointercancel} {onkeydown}>
            <h2 class="bs-view-title" id="bs-page-title">{ page_name(strings, edition, props.page) }</h2>
            if articles.is_empty() {
                <p class="bs-empty" lang={strings.lang}>{ strings.no_articles }</p>
            } else {
                <ol class="bs-cards">{ for cards }</ol>
            }
            if previous.is_some() || next.is_some() {
                <div class="bs-pager" lang={strings.lang}>
                    { pager("prev", previous, strings.previous_page) }
                    { pager("next", next, strings.next_page) }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    corpus: SharedCorpus,
    edition: usize,
    id: String,
    lead: bool,
    corpus_url: AttrValue,
    strings: &'static Strings,
}

/// One article on the page view.
#[component]
fn Card(props: &CardProps) -> Html {
    let strings = props.strings;
    let Some(edition) = props.corpus.editions.get(props.edition) else { return Html::default() };
    let Some(article) = edition.article(&props.id) else { return Html::default() };
    let Some(to) = article_route(&props.corpus, props.edition, &article.id, Read::Fragment) else {
        return Html::default();
    };
    let thumbnail = article.blocks.iter().find_map(|block| match block {
        Block::Figure(figure) => image_url(&props.corpus_url, figure.src.as_deref()?),
        _ => None,
    });
    // A fragment titled from its first sentence would only repeat it.
    let excerpt = article.headline.as_ref().and_then(|_| {
        article.blocks.iter().find_map(|block| match block {
            Block::Paragraph { text } if !text.trim().is_empty() => Some(list_passage(text)),
            _ => None,
        })
    });
    let continued = article.continued_from.as_ref().map(|jump| continued_from(strings, edition, jump));
    html! {
        <li class={classes!("bs-card", props.lead.then_some("bs-card-lead"))}>
            <article class="bs-card-article">
                if let Some(note) = continued { <p class="bs-card-note" lang={strings.lang}>{ note }</p> }
                if let Some(kicker) = &article.kicker { <p class="bs-kicker">{ list_title(kicker) }</p> }
                <h3 class="bs-card-title">
                    <Link {to} class={classes!("bs-card-link", article.headline.is_none().then_some("bs-derived-title"))}>
                        { list_title(&article.display_title()) }
                    </Link>
                </h3>
                if let Some(deck) = &article.deck { <p class="bs-deck">{ list_passage(deck) }</p> }
                if let Some(src) = thumbnail { <img class="bs-thumb" {src} alt="" loading="lazy" decoding="async" /> }
                if let Some(excerpt) = excerpt { <p class="bs-excerpt">{ excerpt }</p> }
            </article>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::strings::ZH;

    fn corpus() -> SharedCorpus {
        let text = include_str!("../../tests/fixtures/reader.json");
        SharedCorpus::new(corpus::load(text).expect("the reader fixture is valid"))
    }

    #[test]
    fn the_lead_comes_first_and_continued_fragments_follow_in_order() {
        let corpus = corpus();
        let order: Vec<&str> = reading_order(&corpus.editions[0], 2).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(order, ["p2-lead", "p2-from-p1", "p2-headless"]);
    }

    #[test]
    fn neighbours_follow_page_numbers_not_corpus_order() {
        let corpus = corpus();
        let edition = &corpus.editions[0];
        assert_eq!(neighbours(edition, 1), (None, Some(2)));
        assert_eq!(neighbours(edition, 2), (Some(1), Some(3)));
        assert_eq!(neighbours(edition, 3), (Some(2), None));
        assert_eq!(neighbours(edition, 9), (None, None));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_page_lists_its_cards_with_titles_for_headless_fragments_and_turns() {
        let props = PageViewProps {
            corpus: corpus(),
            edition: 0,
            page: 2,
            corpus_url: "https://example.com/reader.json".into(),
            strings: &ZH,
        };
        let html = yew::LocalServerRenderer::<PageView>::with_props(props).render().await;
        assert!(html.contains(">第二版</h2>"), "{html}");
        assert!(html.contains("bs-card bs-card-lead"), "{html}");
        assert!(html.contains("上接第一版"), "{html}");
        assert!(html.contains(r##"href="#/2024-09-12/1" rel="prev""##), "{html}");
        assert!(html.contains(r##"href="#/2024-09-12/3" rel="next""##), "{html}");
        assert!(html.contains(r#"src="https://example.com/img/harbour.svg""#), "a thumbnail: {html}");
    }
}
