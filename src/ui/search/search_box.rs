//! The search box in the reader's header: always in reach, and reached from
//! anywhere on the page with the `/` key.
//!
//! Typing searches as it goes: the text is handed up once the reader pauses
//! ([`PAUSE_MS`]), or at once on Enter. The down arrow moves into the
//! results. The box keeps what was typed while the reader opens a result,
//! and takes the query of the route when it changes from elsewhere (back,
//! a deep link).

use yew::prelude::*;

use super::super::strings::Strings;

/// How long typing must pause before the text is searched, in milliseconds.
pub const PAUSE_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query of the route shown, when it is a search.
    pub query: Option<String>,
    /// The text to search, once typing pauses or on Enter.
    pub on_query: Callback<String>,
    /// The box got focus: a search is likely, the engine may start opening.
    pub on_focus: Callback<()>,
    pub strings: &'static Strings,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let strings = props.strings;
    let text = use_state(|| props.query.clone().unwrap_or_default());
    // The last text handed up: the route echoing it back changes nothing.
    let sent = use_mut_ref(|| props.query.clone());
    let pause = use_mut_ref(|| None::<Pause>);
    let input = use_node_ref();
    {
        let (text, sent) = (text.clone(), sent.clone());
        use_effect_with(props.query.clone(), move |query| {
            if let Some(query) = query.as_ref().filter(|query| sent.borrow().as_ref() != Some(*query)) {
                *sent.borrow_mut() = Some(query.clone());
                text.set(query.clone());
            }
        });
    }
    use_slash_key(&input);
    let hand_up = {
        let (sent, on_query) = (sent.clone(), props.on_query.clone());
        move |value: String| {
            *sent.borrow_mut() = Some(value.clone());
            on_query.emit(value);
        }
    };
    let oninput = {
        let (text, pause, hand_up) = (text.clone(), pause.clone(), hand_up.clone());
        Callback::from(move |event: InputEvent| {
            let value = input_value(&event);
            text.set(value.clone());
            let hand_up = hand_up.clone();
            *pause.borrow_mut() = Some(Pause::new(PAUSE_MS, move || hand_up(value)));
        })
    };
    let onsubmit = {
        let (text, pause) = (text.clone(), pause.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            pause.borrow_mut().take();
            hand_up((*text).clone());
        })
    };
    let onkeydown = Callback::from(|event: KeyboardEvent| {
        if event.key() == "ArrowDown" && focus_first_result(&event) {
            event.prevent_default();
        }
    });
    let onfocus = props.on_focus.reform(|_: FocusEvent| ());
    html! {
        <form class="bs-search" role="search" {onsubmit}>
            <label class="bs-sr" for="bs-search-input">{ strings.search_label }</label>
            <input ref={input} id="bs-search-input" class="bs-search-input" type="search" value={(*text).clone()}
                   placeholder={strings.search_placeholder} enterkeyhint="search" autocomplete="off"
                   spellcheck="false" aria-keyshortcuts="/" {oninput} {onkeydown} {onfocus} />
        </form>
    }
}

/// A pending hand-up, cancelled when dropped (by the next keystroke).
#[cfg(target_arch = "wasm32")]
type Pause = gloo_timers::callback::Timeout;

#[cfg(not(target_arch = "wasm32"))]
struct Pause;

#[cfg(not(target_arch = "wasm32"))]
impl Pause {
    fn new(_ms: u32, _then: impl FnOnce() + 'static) -> Pause {
        Pause
    }
}

/// The `/` key focuses the box, unless the reader is typing elsewhere. With
/// several readers on a page, the one holding focus answers, else the first.
#[hook]
fn use_slash_key(input: &NodeRef) {
    #[cfg(target_arch = "wasm32")]
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|window| window.document());
            let listener = document.map(|document| {
                let options = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(&document, "keydown", options, move |event| {
                    use wasm_bindgen::JsCast;
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    if event.key() != "/" || event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
                        return;
                    }
                    let Some(input) = input.cast::<web_sys::HtmlElement>() else { return };
                    if typing_in(event) || !answers_slash(&input) {
                        return;
                    }
                    event.prevent_default();
                    let _ = input.focus();
                })
            });
            move || drop(listener)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = input;
}

/// Whether a key event comes from a text field (in any shadow root).
#[cfg(target_arch = "wasm32")]
fn typing_in(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let origin = event.composed_path().get(0).dyn_into::<web_sys::HtmlElement>().ok();
    origin.is_some_and(|element| {
        element.is_content_editable() || matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    })
}

/// Whether the reader holding `input` is the one the `/` key is for.
#[cfg(target_arch = "wasm32")]
fn answers_slash(input: &web_sys::HtmlElement) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return false };
    let Some(host) = input.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|root| root.host()) else { return true };
    let focused = document.active_element().filter(|element| element.tag_name().eq_ignore_ascii_case("broadsheet-reader"));
    let chosen = focused.or_else(|| document.query_selector("broadsheet-reader").ok().flatten());
    chosen.is_none_or(|chosen| chosen == host)
}

#[cfg(target_arch = "wasm32")]
fn input_value(event: &InputEvent) -> String {
    event.target_dyn_into::<web_sys::HtmlInputElement>().map(|input| input.value()).unwrap_or_default()
}

/// Moves focus to the first result, if there is one.
#[cfg(target_arch = "wasm32")]
fn focus_first_result(event: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let root = event.target_dyn_into::<web_sys::HtmlElement>().map(|input| input.get_root_node());
    let first = root
        .and_then(|root| root.dyn_into::<web_sys::ShadowRoot>().ok())
        .and_then(|root| root.query_selector(".bs-result-link").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    first.is_some_and(|link| link.focus().is_ok())
}

// Outside the browser (server rendering in tests) nothing is typed or focused.
#[cfg(not(target_arch = "wasm32"))]
fn input_value(_event: &InputEvent) -> String {
    String::new()
}

#[cfg(not(target_arch = "wasm32"))]
fn focus_first_result(_event: &KeyboardEvent) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::EN;

    #[tokio::test(flavor = "current_thread")]
    async fn the_box_is_a_labelled_search_field_holding_the_query() {
        let props = SearchBoxProps { query: Some("harbour".to_owned()), on_query: Callback::noop(), on_focus: Callback::noop(), strings: &EN };
        let html = yew::LocalServerRenderer::<SearchBox>::with_props(props).render().await;
        assert!(html.contains(r#"role="search""#) && html.contains(r#"<label for="bs-search-input" class="bs-sr">Search this archive</label>"#), "{html}");
        assert!(html.contains(r#"type="search""#) && html.contains(r#"value="harbour""#) && html.contains(r#"aria-keyshortcuts="/""#), "{html}");
    }
}
