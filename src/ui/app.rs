//! The widget's root: loads the corpus, holds the state, picks the view.

use std::rc::Rc;

use yew::prelude::*;

use super::edition::EditionView;
use super::error_panel::ErrorPanel;
use super::load_error::LoadError;
use super::options::{Routing, Theme};
use crate::corpus::Corpus;

/// The host's choices for one reader (the element's attributes).
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The corpus URL, already resolved against the host page.
    pub src: AttrValue,
    #[prop_or_default]
    pub routing: Routing,
    #[prop_or_default]
    pub theme: Theme,
    /// Overrides the UI language otherwise chosen from the publication's `lang`.
    #[prop_or_default]
    pub ui_lang: Option<AttrValue>,
}

/// Where the corpus load stands.
#[derive(Clone, PartialEq)]
pub enum Load {
    Loading,
    Ready(Rc<Corpus>),
    Failed(LoadError),
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0u32);
    #[cfg(target_arch = "wasm32")]
    {
        let load = load.clone();
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            load.set(Load::Loading);
            let src = src.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match super::fetch::fetch_corpus(&src).await {
                    Ok(corpus) => Load::Ready(Rc::new(corpus)),
                    Err(error) => Load::Failed(error),
                });
            });
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = &props.src;
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    html! {
        <div class="bs-app">
            <LoadView load={(*load).clone()} {on_retry} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LoadViewProps {
    pub load: Load,
    pub on_retry: Callback<()>,
}

/// Lays out one load state; kept apart from [`App`] so it renders in tests.
#[component]
pub fn LoadView(props: &LoadViewProps) -> Html {
    match &props.load {
        Load::Loading => html! { <p class="bs-loading" role="status">{ "Loading…" }</p> },
        Load::Failed(error) => html! { <ErrorPanel error={error.clone()} on_retry={props.on_retry.clone()} /> },
        Load::Ready(corpus) => html! { <EditionView corpus={corpus.clone()} edition={0} /> },
    }
}
