//! Text with its search hits in `<mark>`: snippets in the results, and the
//! fields of an article opened from them.
//!
//! Built from Yew text nodes and elements, never from HTML source, so corpus
//! text stays inert whatever it holds. Ranges count chars, as the engine's
//! highlights do; ranges out of order, overlapping or past the end (which
//! the engine never gives) are skipped rather than trusted.

use yew::prelude::*;

use crate::search::Query;

/// `text` cut at `ranges`: each part with whether it is a hit.
pub fn parts<'t>(text: &'t str, ranges: &[[usize; 2]]) -> Vec<(&'t str, bool)> {
    // Byte offset of every char boundary, the end included.
    let bounds: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let mut parts = Vec::new();
    let mut done = 0;
    for &[start, end] in ranges {
        if start < done || start >= end || end > chars {
            continue;
        }
        if start > done {
            parts.push((&text[bounds[done]..bounds[start]], false));
        }
        parts.push((&text[bounds[start]..bounds[end]], true));
        done = end;
    }
    if done < chars || parts.is_empty() {
        parts.push((&text[bounds[done]..], false));
    }
    parts
}

/// `text` with the char ranges `ranges` marked.
pub fn marked(text: &str, ranges: &[[usize; 2]]) -> Html {
    parts(text, ranges)
        .into_iter()
        .map(|(part, hit)| if hit { html! { <mark class="bs-hit">{ part }</mark> } } else { html! { { part } } })
        .collect()
}

/// `text` with the occurrences of `query`'s terms marked; plain without a query.
pub fn marked_by(text: &str, query: Option<&Query>) -> Html {
    match query {
        Some(query) => marked(text, &query.highlights(text)),
        None => html! { { text } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_cut_out_by_chars_not_bytes() {
        assert_eq!(parts("上海合作组织峰会", &[[2, 4], [6, 8]]), [("上海", false), ("合作", true), ("组织", false), ("峰会", true)]);
        assert_eq!(parts("abc", &[]), [("abc", false)]);
        assert_eq!(parts("", &[]), [("", false)]);
    }

    #[test]
    fn ranges_that_do_not_fit_the_text_are_skipped() {
        assert_eq!(parts("abcdef", &[[1, 3], [2, 4], [5, 99], [4, 4], [4, 5]]), [("a", false), ("bc", true), ("d", false), ("e", true), ("f", false)]);
    }

    #[derive(Properties, PartialEq)]
    struct Props {
        text: String,
        ranges: Vec<[usize; 2]>,
    }

    #[component]
    fn Marked(props: &Props) -> Html {
        html! { <p>{ marked(&props.text, &props.ranges) }</p> }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn markup_in_the_text_stays_text() {
        let props = Props { text: "<img src=x onerror=alert(1)>上合".to_owned(), ranges: vec![[28, 30]] };
        let html = yew::LocalServerRenderer::<Marked>::with_props(props).hydratable(false).render().await;
        assert_eq!(html, r#"<p>&lt;img src=x onerror=alert(1)&gt;<mark class="bs-hit">上合</mark></p>"#);
    }
}
