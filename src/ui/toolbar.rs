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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::options::Theme;
    use crate::ui::prefs::TextSize;
    use crate::ui::strings::EN;

    #[tokio::test(flavor = "current_thread")]
    async fn controls_say_what_they_do_and_stop_at_their_limits() {
        let largest = (0..10).fold(TextSize::default(), |size, _| size.larger());
        let prefs = Prefs {
            text_size: largest,
            theme: Theme::Dark,
            dark: true,
            on_smaller: Callback::noop(),
            on_larger: Callback::noop(),
            on_toggle_dark: Callback::noop(),
        };
        let props = ToolbarProps { prefs, back: Some(Callback::noop()), strings: &EN };
        let html = yew::LocalServerRenderer::<Toolbar>::with_props(props).render().await;
        assert!(html.contains(">Back</button>"), "{html}");
        assert!(html.contains(r#"disabled="disabled" class="bs-button bs-larger""#), "{html}");
        assert!(!html.contains(r#"disabled="disabled" class="bs-button bs-smaller""#), "{html}");
        assert!(html.contains(r#"aria-pressed="true""#) && html.contains("Dark mode"), "{html}");
    }
}
