//! The panel shown instead of the reader when the corpus cannot be shown.

use yew::prelude::*;

use super::load_error::LoadError;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: LoadError,
    pub on_retry: Callback<()>,
}

/// The reason, every detail line, and a retry button: never a blank widget.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let on_click = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <section class="bs-error" role="alert">
            <h2 class="bs-error-title">{ props.error.summary() }</h2>
            <ul class="bs-error-details">
                { for props.error.details().into_iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
            <button type="button" class="bs-button" onclick={on_click}>{ "Retry" }</button>
        </section>
    }
}
