//! The masthead: the paper's name, the edition's date, and an edition
//! picker when the corpus holds more than one edition. Inside an edition
//! (page and article views) it is compact, so the reading starts high on a
//! phone's screen.

use yew::prelude::*;

use super::labels::long_date;
use super::link::Link;
use super::place::edition_route;
use super::router::Navigator;
use super::shared::SharedCorpus;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub corpus: SharedCorpus,
    /// The edition being read; `None` on views outside an edition.
    pub edition: Option<usize>,
    /// A one-line masthead without the edition picker.
    #[prop_or_default]
    pub compact: bool,
    pub strings: &'static Strings,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let strings = props.strings;
    let corpus = &props.corpus;
    let edition = props.edition.and_then(|index| Some((index, corpus.editions.get(index)?)));
    let publication = edition.map_or(&corpus.publication, |(_, edition)| corpus.publication_of(edition));
    let title = match edition {
        Some((index, _)) => html! { <Link to={edition_route(corpus, index)} class="bs-title-link">{ &publication.title }</Link> },
        None => html! { { &publication.title } },
    };
    html! {
        <div class={classes!("bs-masthead", props.compact.then_some("bs-masthead-compact"))}>
            <h1 class="bs-title" lang={publication.lang.clone()}>{ title }</h1>
            if let Some((_, edition)) = edition {
                <p class="bs-date"><time datetime={edition.date.clone()}>{ long_date(strings, &edition.date) }</time></p>
            }
            if !props.compact && corpus.editions.len() > 1 {
                <EditionPicker corpus={corpus.clone()} current={props.edition} {strings} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EditionPickerProps {
    corpus: SharedCorpus,
    current: Option<usize>,
    strings: &'static Strings,
}

/// A native `<select>`: compact on a phone, and keyboard and screen-reader
/// friendly without any extra work.
#[component]
fn EditionPicker(props: &EditionPickerProps) -> Html {
    let navigator = use_context::<Navigator>();
    let corpus = &props.corpus;
    let onchange = {
        let corpus = corpus.clone();
        Callback::from(move |event: Event| {
            let chosen = selected_index(&event).and_then(|index| corpus.editions.get(index).map(|_| index));
            if let (Some(index), Some(navigator)) = (chosen, navigator.as_ref()) {
                navigator.go.emit(edition_route(&corpus, index));
            }
        })
    };
    let option = |(index, edition): (usize, &crate::corpus::Edition)| {
        let label = format!("{} · {}", long_date(props.strings, &edition.date), corpus.publication_of(edition).title);
        html! { <option value={index.to_string()} selected={props.current == Some(index)}>{ label }</option> }
    };
    html! {
        <label class="bs-edition-picker">
            <span class="bs-edition-picker-label">{ props.strings.edition }</span>
            <select class="bs-select" {onchange}>{ for corpus.editions.iter().enumerate().map(option) }</select>
        </label>
    }
}

#[cfg(target_arch = "wasm32")]
fn selected_index(event: &Event) -> Option<usize> {
    use yew::TargetCast;
    event.target_dyn_into::<web_sys::HtmlSelectElement>()?.value().parse().ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn selected_index(_event: &Event) -> Option<usize> {
    None
}
