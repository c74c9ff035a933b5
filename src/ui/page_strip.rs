//! The row of page names under the masthead (`第一版 第二版 …`): every page
//! of the edition one tap away, the current one marked.

use yew::prelude::*;

use super::labels::page_name;
use super::link::Link;
use super::page::page_numbers;
use super::place::page_route;
use super::shared::SharedCorpus;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct PageStripProps {
    pub corpus: SharedCorpus,
    pub edition: usize,
    /// The page being read, if any.
    pub current: Option<u32>,
    pub strings: &'static Strings,
}

#[component]
pub fn PageStrip(props: &PageStripProps) -> Html {
    let strings = props.strings;
    let Some(edition) = props.corpus.editions.get(props.edition) else { return Html::default() };
    let numbers = page_numbers(edition);
    let tab = |number: u32| {
        html! {
            <li>
                <Link to={page_route(&props.corpus, props.edition, number)} class="bs-strip-link"
                      current={props.current == Some(number)}>
                    { page_name(strings, edition, number) }
                </Link>
            </li>
        }
    };
    html! {
        <nav class="bs-page-strip" aria-label={strings.pages}>
            <ol class="bs-strip">{ for numbers.into_iter().map(tab) }</ol>
        </nav>
    }
}
