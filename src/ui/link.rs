//! A link to a reader route: a real `<a href="#/…">` (so it can be focused,
//! opened in a new tab and read by assistive technology) whose plain click
//! goes through the [`Navigator`], which keeps memory routing off the URL.

use yew::prelude::*;

use super::route::Route;
use super::router::Navigator;

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    /// Marks the link to the view being shown (`aria-current="page"`).
    #[prop_or_default]
    pub current: bool,
    /// `prev` or `next` for page turns.
    #[prop_or_default]
    pub rel: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Link(props: &LinkProps) -> Html {
    let navigator = use_context::<Navigator>();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            // Modified clicks (new tab, new window) stay the browser's.
            let plain = event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
            if let Some(navigator) = navigator.as_ref().filter(|_| plain) {
                event.prevent_default();
                navigator.go.emit(to.clone());
            }
        })
    };
    html! {
        <a href={props.to.to_hash()}
           class={props.class.clone()}
           rel={props.rel.clone()}
           aria-current={props.current.then_some("page")}
           {onclick}>
            { props.children.clone() }
        </a>
    }
}
