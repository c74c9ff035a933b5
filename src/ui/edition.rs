//! The edition view: each page of the day's paper with its headlines, lead
//! first, like the contents of a printed edition.

use yew::prelude::*;

use super::labels::{continued_from, page_name};
use super::link::Link;
use super::page::{page_numbers, reading_order};
use super::place::{article_route, page_route};
use super::route::Read;
use super::shared::SharedCorpus;
use super::strings::Strings;
use crate::corpus::{list_title, Article};

#[derive(Properties, PartialEq)]
pub struct EditionViewProps {
    pub corpus: SharedCorpus,
    /// Index into `corpus.editions`.
    pub edition: usize,
    pub strings: &'static Strings,
}

#[component]
pub fn EditionView(props: &EditionViewProps) -> Html {
    let strings = props.strings;
    let corpus = &props.corpus;
    let Some(edition) = corpus.editions.get(props.edition) else { return Html::default() };
    let numbers = page_numbers(edition);
    let lang = corpus.publication_of(edition).lang.clone();
    let headline = |article: &Article| {
        let to = article_route(corpus, props.edition, &article.id, Read::Fragment)?;
        let note = article.continued_from.as_ref().map(|jump| continued_from(strings, edition, jump));
        Some(html! {
            <li class="bs-contents-item">
                <Link {to} class={classes!("bs-headline", article.headline.is_none().then_some("bs-derived-title"))}>
                    { list_title(&article.display_title()) }
                </Link>
                if let Some(note) = note { <span class="bs-contents-note" lang={strings.lang}>{ note }</span> }
            </li>
        })
    };
    let section = |number: u32| {
        let articles = reading_order(edition, number);
        html! {
            <li class="bs-contents-page">
                <h2 class="bs-contents-title">
                    <Link to={page_route(corpus, props.edition, number)} class="bs-page-link">
                        { page_name(strings, edition, number) }
                    </Link>
                </h2>
                if articles.is_empty() {
                    <p class="bs-empty" lang={strings.lang}>{ strings.no_articles }</p>
                } else {
                    <ul class="bs-contents-list">{ for articles.into_iter().filter_map(headline) }</ul>
                }
            </li>
        }
    };
    html! {
        <section class="bs-edition-view" aria-label={strings.pages} {lang}>
            <ol class="bs-contents">{ for numbers.into_iter().map(section) }</ol>
        </section>
    }
}
