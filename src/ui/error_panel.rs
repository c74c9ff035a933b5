//! The panel shown instead of the reader when the corpus cannot be shown.

use yew::prelude::*;

use super::load_error::LoadError;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: LoadError,
    pub strings: &'static Strings,
    pub on_retry: Callback<()>,
}

/// The reason, every detail line, and a retry button: never a blank widget.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let on_click = props.on_retry.reform(|_: MouseEvent| ());
    let details = props.error.details();
    html! {
        <section class="bs-error" role="alert" aria-labelledby="bs-error-title">
            // The reader's only heading while it has nothing else to show.
            <h1 class="bs-error-title" id="bs-error-title">{ props.error.summary(props.strings) }</h1>
            <p class="bs-error-url" lang="en">{ props.error.url() }</p>
            if !details.is_empty() {
                // Paths, positions and HTTP statuses are technical English.
                <ul class="bs-error-details" lang="en">
                    { for details.into_iter().map(|line| html! { <li><code>{ line }</code></li> }) }
                </ul>
            }
            <button type="button" class="bs-button bs-retry" onclick={on_click}>{ props.strings.retry }</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::EN;

    #[tokio::test(flavor = "current_thread")]
    async fn the_panel_shows_the_reason_the_details_and_a_retry_button() {
        let error = LoadError::Status { url: "corpus.json".to_owned(), status: 404, status_text: "Not Found".to_owned() };
        let html = yew::LocalServerRenderer::<ErrorPanel>::with_props(ErrorPanelProps {
            error,
            strings: &EN,
            on_retry: Callback::noop(),
        })
        .render()
        .await;
        assert!(html.contains("corpus.json answered with an error"), "{html}");
        assert!(html.contains("<code>HTTP 404 Not Found</code>"), "{html}");
        assert!(html.contains(r#"role="alert""#) && html.contains(">Retry</button>"), "{html}");
    }
}
