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
    let strip = use_node_ref();
    #[cfg(target_arch = "wasm32")]
    {
        // On a narrow screen the row scrolls sideways: keep the page being
        // read in sight, as on a deep link to page 12.
        let strip = strip.clone();
        use_effect_with(props.current, move |_| reveal_current(&strip));
    }
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
            <ol class="bs-strip" ref={strip}>{ for numbers.into_iter().map(tab) }</ol>
        </nav>
    }
}

#[cfg(target_arch = "wasm32")]
fn reveal_current(strip: &NodeRef) {
    use wasm_bindgen::JsCast;
    let Some(strip) = strip.cast::<web_sys::HtmlElement>() else { return };
    let current = strip.query_selector("[aria-current]").ok().flatten().and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(current) = current {
        let centre = current.offset_left() + current.offset_width() / 2 - strip.client_width() / 2;
        strip.set_scroll_left(centre.max(0));
    }
}
