//! The edition view: publication, date, and each page with its headlines.

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::{Corpus, Edition, Page};

#[derive(Properties, PartialEq)]
pub struct EditionViewProps {
    pub corpus: Rc<Corpus>,
    /// Index into `corpus.editions`.
    pub edition: usize,
}

#[component]
pub fn EditionView(props: &EditionViewProps) -> Html {
    let Some(edition) = props.corpus.editions.get(props.edition) else {
        return html! { <p class="bs-empty">{ "This corpus holds no editions." }</p> };
    };
    let publication = props.corpus.publication_of(edition);
    html! {
        <article class="bs-edition" lang={publication.lang.clone()}>
            <header class="bs-masthead">
                <h1 class="bs-title">{ &publication.title }</h1>
                <p class="bs-date"><time datetime={edition.date.clone()}>{ &edition.date }</time></p>
            </header>
            <ol class="bs-pages">
                { for edition.pages.iter().map(|page| page_entry(edition, page)) }
            </ol>
        </article>
    }
}

fn page_entry(edition: &Edition, page: &Page) -> Html {
    let label = page.label.clone().unwrap_or_else(|| format!("Page {}", page.number));
    html! {
        <li class="bs-page">
            <h2 class="bs-page-label">{ label }</h2>
            <ul class="bs-headlines">
                { for edition.articles_on(page.number).map(|article| html! {
                    <li class="bs-headline">{ article.headline.clone().unwrap_or_default() }</li>
                }) }
            </ul>
        </li>
    }
}
