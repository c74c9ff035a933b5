//! A sentence of the reader's own words with a value from outside in it
//! (`{} is not in this archive`, `{} 摄`, `No story contains “{}”.`): the
//! value is set in a `<bdi>`, so the bidi controls it may hold (a
//! right-to-left override, U+202E, has no end until its paragraph ends)
//! reorder only the value, never the reader's words after it.
//!
//! Text shown in an element of its own needs none of this: the element's
//! block ends the override. This is for values inside a line of other text.

use yew::prelude::*;

/// `template` with its `{}` replaced by `value`, isolated in a `<bdi>`.
pub fn filled(template: &str, value: Html) -> Html {
    let (before, after) = template.split_once("{}").unwrap_or((template, ""));
    html! { <>{ before }<bdi>{ value }</bdi>{ after }</> }
}

/// `parts` joined by `separator`, each isolated in a `<bdi>`.
pub fn joined(parts: impl IntoIterator<Item = String>, separator: &'static str) -> Html {
    parts
        .into_iter()
        .enumerate()
        .map(|(at, part)| html! { <>if at > 0 { { separator } }<bdi>{ part }</bdi></> })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Properties, PartialEq)]
    struct Props {
        template: &'static str,
        parts: Vec<String>,
    }

    #[component]
    fn Sentence(props: &Props) -> Html {
        html! {
            <p>
                { filled(props.template, html! { { props.parts[0].clone() } }) }
                { "|" }
                { joined(props.parts.clone(), " · ") }
            </p>
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_value_with_a_right_to_left_override_is_isolated_from_the_words_around_it() {
        let props = Props { template: "{} is not in this archive", parts: vec!["A\u{202E}6".to_owned(), "<b>".to_owned()] };
        let html = yew::LocalServerRenderer::<Sentence>::with_props(props).hydratable(false).render().await;
        assert_eq!(
            html,
            "<p><bdi>A\u{202E}6</bdi> is not in this archive|<bdi>A\u{202E}6</bdi> · <bdi>&lt;b&gt;</bdi></p>"
        );
    }
}
