//! Which landmarks the reader may claim on its host page.
//!
//! On a page that is only the reader, the reader is the page: its masthead
//! is the banner, the page strip the navigation, the view the main content.
//! Inside a host page that has its own `<main>` or banner (or a second
//! reader), those would be duplicated or nested, which confuses screen
//! readers: there the reader is one labelled region instead.

use yew::prelude::*;

/// The landmarks the reader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Landmark {
    /// Banner header, navigation and `<main>`: the reader is the page.
    Page,
    /// One `<section>` labelled with the publication's title.
    Region,
}

/// What the host page leaves free, looked at once when the reader mounts.
#[cfg(target_arch = "wasm32")]
pub fn host_landmark() -> Landmark {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return Landmark::Region };
    let all = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(list) = document.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    };
    let has_main = !all("main, [role=main]").is_empty();
    // A <header> is the page's banner unless it sits in sectioning content.
    let has_banner = !all("[role=banner]").is_empty()
        || all("header").iter().any(|header| header.closest("article, aside, main, nav, section").ok().flatten().is_none());
    let alone = all("broadsheet-reader").len() <= 1;
    if alone && !has_main && !has_banner {
        Landmark::Page
    } else {
        Landmark::Region
    }
}

/// Outside the browser (server rendering in tests) the reader is the page.
#[cfg(not(target_arch = "wasm32"))]
pub fn host_landmark() -> Landmark {
    Landmark::Page
}

#[derive(Properties, PartialEq)]
pub struct ViewAreaProps {
    pub landmark: Landmark,
    #[prop_or_default]
    pub children: Html,
}

/// Where the current view goes: `<main>` when the reader is the page.
/// Focus moves here after a navigation (see app.rs), hence the tabindex.
#[component]
pub fn ViewArea(props: &ViewAreaProps) -> Html {
    match props.landmark {
        Landmark::Page => html! { <main class="bs-view" tabindex="-1">{ props.children.clone() }</main> },
        Landmark::Region => html! { <div class="bs-view" tabindex="-1">{ props.children.clone() }</div> },
    }
}
