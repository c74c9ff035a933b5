//! Offline, a view whose files were not saved for offline reading: said as
//! what it is, with the way to what was saved, not as an error.

use yew::prelude::*;

use super::link::Link;
use super::route::Route;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct NotSavedProps {
    pub strings: &'static Strings,
}

#[component]
pub fn NotSavedView(props: &NotSavedProps) -> Html {
    let strings = props.strings;
    html! {
        <section class="bs-not-found bs-not-saved" aria-labelledby="bs-not-saved-title">
            <h2 class="bs-view-title" id="bs-not-saved-title">{ strings.not_saved }</h2>
            <p>{ strings.not_saved_hint }</p>
            <p><Link to={Route::Home} class="bs-button">{ strings.to_front }</Link></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::ZH;

    #[tokio::test(flavor = "current_thread")]
    async fn it_says_the_edition_is_not_saved_and_leads_to_the_newest() {
        let html = yew::LocalServerRenderer::<NotSavedView>::with_props(NotSavedProps { strings: &ZH }).render().await;
        assert!(html.contains("这一期未保存，离线时无法阅读") && html.contains(r##"href="#/""##), "{html}");
        assert!(!html.contains("role=\"alert\""), "not an error: {html}");
    }
}
