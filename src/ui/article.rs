//! The article view: kicker, headline, deck, byline, then paragraphs,
//! subheads and figures, with its continuation lines.
//!
//! An article continued across pages is shown either as the fragment
//! printed on one page or, when the corpus holds its other fragments, as the
//! whole article stitched into one read with a quiet marker where the page
//! changes. Each has its own route, so either can be linked to.
//!
//! Opened from search results (its route carries the search), the article
//! marks the query's hits in every field (the reader's root then scrolls to
//! the first) and leads back to those results instead of to its page.

use yew::prelude::*;

use super::figure::FigureView;
use super::jump::{Direction, JumpLine};
use super::labels::page_name;
use super::link::Link;
use super::place::{article_route, page_route};
use super::route::{FoundBy, Read};
use super::search::marked::marked_by;
use super::shared::SharedCorpus;
use super::stitch::{pieces, thread, Piece};
use super::strings::Strings;
use crate::corpus::{Article, Block};
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub corpus: SharedCorpus,
    pub edition: usize,
    pub id: String,
    pub read: Read,
    pub corpus_url: AttrValue,
    pub strings: &'static Strings,
    /// The search the article was opened from: its hits are marked.
    #[prop_or_default]
    pub found_by: Option<FoundBy>,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let strings = props.strings;
    let corpus = &props.corpus;
    let Some(edition) = corpus.editions.get(props.edition) else { return Html::default() };
    let Some(article) = edition.article(&props.id) else { return Html::default() };
    let fragments = thread(edition, &article.id);
    let stitched = fragments.len() > 1;
    let shown: Vec<&Article> = if stitched && props.read == Read::Whole { fragments } else { vec![article] };
    let (Some(first), Some(last)) = (shown.first().copied(), shown.last().copied()) else { return Html::default() };
    let lang = corpus.publication_of(edition).lang.clone();
    let jump = |article: &Article, direction| {
        let jump = match direction {
            Direction::From => article.continued_from.clone(),
            Direction::On => article.continued_on.clone(),
        }?;
        Some(html! { <JumpLine corpus={corpus.clone()} edition={props.edition} {jump} {direction} {strings} /> })
    };
    let switch = stitched.then(|| {
        let (read, label) = match props.read {
            Read::Fragment => (Read::Whole, strings.read_whole),
            Read::Whole => (Read::Fragment, strings.read_fragment),
        };
        article_route(corpus, props.edition, &article.id, read)
            .map(|to| to.with_found_by(props.found_by.clone()))
            .map(|to| html! { <p class="bs-read-switch" lang={strings.lang}><Link {to} class="bs-button bs-read-link">{ label }</Link></p> })
    });
    let turn_label = |page: u32| Strings::fill(strings.page_turn, &page_name(strings, edition, page));
    let highlight = props.found_by.as_ref().map(|found_by| Query::parse(&found_by.query));
    let highlight = highlight.as_ref();
    let mark = |text: &str| marked_by(text, highlight);
    let body = pieces(&shown).into_iter().map(|piece| match piece {
        Piece::Paragraph { first, rest } => html! {
            <p class="bs-paragraph">
                { mark(first) }
                { for rest.into_iter().map(|(page, text)| html! {
                    <><span class="bs-page-turn-inline" lang={strings.lang}>{ turn_label(page) }</span>{ mark(text) }</>
                }) }
            </p>
        },
        Piece::Block(block) => block_view(block, &props.corpus_url, strings, highlight),
        Piece::Turn(page) => html! { <p class="bs-page-turn" lang={strings.lang}>{ turn_label(page) }</p> },
    });
    html! {
        <article class="bs-article" {lang} aria-labelledby="bs-article-title">
            <p class="bs-crumbs" lang={strings.lang}>
                if let Some(found_by) = &props.found_by {
                    <Link to={found_by.results()} class="bs-back-link">{ strings.back_to_results }</Link>
                } else {
                    <Link to={page_route(corpus, props.edition, article.page)} class="bs-back-link">
                        { page_name(strings, edition, article.page) }
                    </Link>
                }
            </p>
            <header class="bs-article-header">
                { jump(first, Direction::From) }
                if let Some(kicker) = &first.kicker { <p class="bs-kicker">{ mark(kicker) }</p> }
                <h2 class={classes!("bs-article-title", first.headline.is_none().then_some("bs-derived-title"))}
                    id="bs-article-title">
                    { mark(&first.display_title()) }
                </h2>
                if let Some(deck) = &first.deck { <p class="bs-deck">{ mark(deck) }</p> }
                if let Some(byline) = &first.byline { <p class="bs-byline">{ mark(byline) }</p> }
            </header>
            { switch.flatten() }
            <div class="bs-body">{ for body }</div>
            { jump(last, Direction::On) }
        </article>
    }
}

/// A subhead or figure (paragraphs come as [`Piece::Paragraph`]).
fn block_view(block: &Block, corpus_url: &AttrValue, strings: &'static Strings, highlight: Option<&Query>) -> Html {
    match block {
        Block::Paragraph { text } => html! { <p class="bs-paragraph">{ marked_by(text, highlight) }</p> },
        Block::Subhead { text } => html! { <h3 class="bs-subhead">{ marked_by(text, highlight) }</h3> },
        Block::Figure(figure) => html! {
            <FigureView figure={figure.clone()} corpus_url={corpus_url.clone()} highlight={highlight.cloned()} {strings} />
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::strings::{EN, ZH};

    async fn render(edition: usize, id: &str, read: Read, strings: &'static Strings) -> String {
        render_found(edition, id, read, None, strings).await
    }

    async fn render_found(edition: usize, id: &str, read: Read, found_by: Option<FoundBy>, strings: &'static Strings) -> String {
        let text = include_str!("../../tests/fixtures/reader.json");
        let props = ArticleViewProps {
            corpus: SharedCorpus::new(corpus::load(text).expect("the reader fixture is valid")),
            edition,
            id: id.to_owned(),
            read,
            corpus_url: "https://example.com/reader.json".into(),
            strings,
            found_by,
        };
        yew::LocalServerRenderer::<ArticleView>::with_props(props).render().await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_fragment_links_both_ways_and_offers_the_whole_article() {
        let html = render(0, "p2-from-p1", Read::Fragment, &ZH).await;
        assert!(html.contains(r##"href="#/2024-09-12/1/p1-lead""##) && html.contains("上接第一版"), "{html}");
        assert!(html.contains(r##"href="#/2024-09-12/3/p3-end""##) && html.contains("下转第三版"), "{html}");
        assert!(html.contains(r##"href="#/2024-09-12/2/p2-from-p1/whole""##) && html.contains("阅读全文"), "{html}");
        assert!(!html.contains("bs-page-turn"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn opened_from_search_it_marks_the_hits_and_leads_back_to_the_results() {
        let found_by = FoundBy { query: "改革".to_owned(), filter: crate::search::Filter { page: Some(2), ..Default::default() }, order: crate::search::Order::Relevance };
        let html = render_found(0, "p2-from-p1", Read::Fragment, Some(found_by), &ZH).await;
        assert!(html.contains(r#"<mark class="bs-hit">改革</mark>"#), "{html}");
        assert!(html.contains(r##"href="#/search/%E6%94%B9%E9%9D%A9?page=2" class="bs-back-link">返回搜索结果"##), "{html}");
        assert!(html.contains(r##"href="#/2024-09-12/2/p2-from-p1/whole?q=%E6%94%B9%E9%9D%A9&amp;page=2""##), "reading on keeps the marks: {html}");
        let plain = render(0, "p2-from-p1", Read::Fragment, &ZH).await;
        assert!(!plain.contains("bs-hit") && plain.contains(r##"href="#/2024-09-12/2" class="bs-back-link""##), "{plain}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_whole_article_reads_on_across_pages_with_quiet_markers() {
        let html = render(0, "p2-from-p1", Read::Whole, &ZH).await;
        let order = ["当好全面深化改革的促进派实干家", "发展永无止境", "根本利益和<span lang=\"zh-CN\" class=\"bs-page-turn-inline\">以下刊于第二版</span>长远利益出发",
            "做到群众心坎上，<span lang=\"zh-CN\" class=\"bs-page-turn-inline\">以下刊于第三版</span>前进道路上"];
        let positions: Vec<usize> = order.iter().map(|text| html.find(text).unwrap_or_else(|| panic!("{text}: {html}"))).collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{positions:?}");
        assert!(!html.contains("上接") && !html.contains("下转"), "inner jumps give way to markers: {html}");
        assert!(html.contains("只看本版部分"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_jump_to_a_page_outside_the_archive_says_so_instead_of_linking() {
        let html = render(0, "p3-culture", Read::Fragment, &ZH).await;
        assert!(html.contains("下转第四版") && html.contains("<bdi>第四版</bdi>未收入本数据库"), "{html}");
        assert!(!html.contains("#/2024-09-12/4"), "{html}");
        let english = render(1, "a1-harbour", Read::Fragment, &EN).await;
        assert!(english.contains("Continued on Page A6") && english.contains("<bdi>Page A6</bdi> is not in this archive"), "{english}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_fragment_without_headline_is_titled_from_its_first_sentence() {
        let html = render(0, "p2-headless", Read::Fragment, &ZH).await;
        assert!(html.contains(r#"bs-derived-title">为国家能源安全贡献青岛力量</h2>"#), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_article_carries_the_publication_language() {
        let html = render(1, "a1-harbour", Read::Fragment, &ZH).await;
        assert!(html.contains(r#"<article lang="en""#), "{html}");
        assert!(html.contains(r#"<p lang="zh-CN" class="bs-crumbs">"#), "{html}");
    }
}
