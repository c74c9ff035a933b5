//! The reader's controls: back (with memory routing), text size and the
//! light/dark switch. Each is a real button with a spoken name, at least
//! 44 px square.

use yew::prelude::*;

use super::prefs::Prefs;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub prefs: Prefs,
    /// The reader's own back button; `None` hides it.
    #[prop_or_default]
    pub back: Option<Callback<()>>,
    pub strings: &'static Strings,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let strings = props.strings;
    let prefs = &props.prefs;
    let click = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    html! {
        <div class="bs-toolbar" role="group" aria-label={strings.reader_settings}>
            if let Some(back) = &props.back {
                <button type="button" class="bs-button bs-back" onclick={click(back)}>
                    <span aria-hidden="true">{ "‹ " }</span>{ strings.back }
                </button>
            }
            <span class="bs-toolbar-space"></span>
            <button type="button" class="bs-button bs-smaller" disabled={!prefs.text_size.can_shrink()}
                    onclick={click(&prefs.on_smaller)}>
                <span aria-hidden="true">{ "A−" }</span><span class="bs-sr">{ strings.smaller_text }</span>
            </button>
            <button type="button" class="bs-button bs-larger" disabled={!prefs.text_size.can_grow()}
                    onclick={click(&prefs.on_larger)}>
                <span aria-hidden="true">{ "A+" }</span><span class="bs-sr">{ strings.larger_text }</span>
            </button>
            <button type="button" class="bs-button bs-dark" aria-pressed={prefs.dark.to_string()}
                    onclick={click(&prefs.on_toggle_dark)}>
                <span aria-hidden="true">{ "◐" }</span><span class="bs-sr">{ strings.dark_mode }</span>
            </button>
        </div>
    }
}
