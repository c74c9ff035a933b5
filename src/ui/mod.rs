//! The reader widget's Yew components.
//!
//! State lives in one place, [`app::App`], which loads the corpus, keeps the
//! route ([`router`]) and the reading settings ([`prefs`]) and picks the
//! view; every other component takes plain props and only lays them out, so
//! each one renders natively under Yew's server renderer in tests. The
//! rules behind the views (routes, lookups, stitching, names) are plain
//! functions in their own modules. Fetching is compiled for wasm only.

pub mod app;
pub mod archive;
pub mod article;
pub mod control;
pub mod date_nav;
pub mod dates;
pub mod edition;
pub mod error_panel;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod figure;
pub mod form;
pub mod history;
pub mod image_url;
pub mod isolated;
pub mod jump;
pub mod labels;
pub mod landmark;
pub mod link;
pub mod load_error;
pub mod masthead;
pub mod not_saved;
pub mod offline_panel;
pub mod options;
pub mod page;
pub mod page_strip;
pub mod page_turn;
pub mod place;
pub mod prefs;
pub mod progress;
pub mod reader;
pub mod remembered;
pub mod route;
pub mod router;
pub mod search;
pub mod shared;
#[cfg(target_arch = "wasm32")]
pub mod slices;
pub mod stitch;
pub mod strings;
pub mod toolbar;
pub mod utf8;

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::Callback;

    use super::article::{ArticleView, ArticleViewProps};
    use super::edition::{EditionView, EditionViewProps};
    use super::page::{PageView, PageViewProps};
    use super::dates::DateIndex;
    use super::route::Read;
    use super::search::filters::Choices;
    use super::search::found::Found;
    use super::search::results_view::{SearchView, SearchViewProps};
    use super::shared::SharedCorpus;
    use super::strings::EN;
    use crate::corpus::{self, list_title, Block};
    use crate::search::{Filter, Index, Order, Query};

    const READER: &str = include_str!("../../tests/fixtures/reader.json");
    /// Where the second paper's one article sits in the reader fixture.
    const EDITION: usize = 1;
    const ID: &str = "a1-harbour";

    /// The reader fixture with a megabyte headline on the second paper's
    /// front page, and that headline.
    fn corpus_with_a_huge_headline() -> (SharedCorpus, String) {
        let headline = format!("Harbour Trade Doubles {}as the ships come in", "and the cranes work day and night ".repeat(31_000));
        let mut corpus = corpus::load(READER).expect("the reader fixture is valid");
        let article = corpus.editions[EDITION].articles.iter_mut().find(|article| article.id == ID).expect("in the fixture");
        article.headline = Some(headline.clone());
        // And everything else a card shows as big: it must be cut there too.
        article.kicker = Some(headline.clone());
        article.deck = Some(headline.clone());
        article.blocks.insert(0, Block::Paragraph { text: headline.clone() });
        (SharedCorpus::new(corpus), headline)
    }

    /// Asserts that `html` shows the headline cut, as a link, and none of what follows the cut.
    fn assert_cut(html: &str, headline: &str, view: &str) {
        let cut = list_title(headline);
        let shown = cut.replace("Harbour", r#"<mark class="bs-hit">Harbour</mark>"#);
        assert!(html.contains(&format!(">{cut}</a>")) || html.contains(&format!(">{shown}</a>")), "{view}: {html}");
        assert!(!html.contains("ships come in"), "{view} shows more than the cut title");
        assert!(html.len() < 20_000, "{view} is {} bytes", html.len());
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_huge_headline_is_cut_in_every_list_and_whole_in_its_article() {
        let (corpus, headline) = corpus_with_a_huge_headline();
        assert!(headline.len() > 1_000_000);

        let props = EditionViewProps { corpus: corpus.clone(), edition: EDITION, strings: &EN };
        let html = yew::LocalServerRenderer::<EditionView>::with_props(props).render().await;
        assert_cut(&html, &headline, "the edition's contents");

        let corpus_url = "https://example.com/reader.json";
        let props = PageViewProps { corpus: corpus.clone(), edition: EDITION, page: 1, corpus_url: corpus_url.into(), strings: &EN };
        let html = yew::LocalServerRenderer::<PageView>::with_props(props).render().await;
        assert_cut(&html, &headline, "the page's cards");

        let results = Index::build(&corpus).search(&corpus, &Query::parse("Harbour"), 10);
        let props = SearchViewProps {
            corpus: corpus.clone(),
            query: "Harbour".to_owned(),
            filter: Filter::default(),
            order: Order::Relevance,
            choices: Choices::of(&DateIndex::of_corpus(&corpus), &corpus),
            found: Found::Hits { total: results.total, hits: Rc::new(results.hits), complete: true },
            settled: true,
            strings: &EN,
            on_filter: Callback::noop(),
            on_order: Callback::noop(),
            on_more: Callback::noop(),
            scope: None,
        };
        let html = yew::LocalServerRenderer::<SearchView>::with_props(props).render().await;
        assert_cut(&html, &headline, "the search results");

        let props = ArticleViewProps {
            corpus,
            edition: EDITION,
            id: ID.to_owned(),
            read: Read::Fragment,
            corpus_url: corpus_url.into(),
            strings: &EN,
            found_by: None,
        };
        let html = yew::LocalServerRenderer::<ArticleView>::with_props(props).render().await;
        assert!(html.contains(&format!(">{headline}</h2>")), "the article shows its headline whole");
    }
}
