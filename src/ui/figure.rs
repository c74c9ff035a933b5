//! A photo or drawing of an article: `<figure>` with a `<figcaption>`
//! holding the caption and credit, a placeholder where the corpus has no
//! image, and tap-to-zoom where it has one.
//!
//! Zoom opens the image in a modal `<dialog>`: the browser traps focus,
//! closes it on Escape and returns focus to the button, and pinch-zoom works
//! on the full-size image. Closing needs no script (`<form method="dialog">`).

use yew::prelude::*;

use super::image_url::image_url;
use super::isolated::filled;
use super::search::marked::marked_by;
use super::strings::Strings;
use crate::corpus::Figure;
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct FigureViewProps {
    pub figure: Figure,
    /// The corpus URL, which relative image URLs are resolved against.
    pub corpus_url: AttrValue,
    pub strings: &'static Strings,
    /// The search whose hits the caption and credit mark.
    #[prop_or_default]
    pub highlight: Option<Query>,
}

#[component]
pub fn FigureView(props: &FigureViewProps) -> Html {
    let strings = props.strings;
    let figure = &props.figure;
    let dialog = use_node_ref();
    let src = figure.src.as_deref().and_then(|src| image_url(&props.corpus_url, src));
    let alt = figure.caption.clone().unwrap_or_default();
    // The zoomed view is named by its caption, or by what it is.
    let label = if alt.trim().is_empty() { strings.enlarge_image.to_owned() } else { alt.clone() };
    let picture = match src {
        Some(src) => {
            let open = {
                let dialog = dialog.clone();
                Callback::from(move |_: MouseEvent| show_modal(&dialog))
            };
            html! {
                <>
                    <button type="button" class="bs-zoom" aria-haspopup="dialog" onclick={open}>
                        <img class="bs-image" src={src.clone()} alt="" loading="lazy" decoding="async" />
                        <span class="bs-sr">{ strings.enlarge_image }</span>
                    </button>
                    <dialog class="bs-lightbox" ref={dialog} aria-label={label}>
                        <form method="dialog" class="bs-lightbox-bar">
                            <button type="submit" class="bs-button">{ strings.close }</button>
                        </form>
                        <img class="bs-lightbox-image" {src} {alt} />
                    </dialog>
                </>
            }
        }
        None => html! {
            <div class="bs-image-missing" lang={strings.lang}><span>{ strings.no_image }</span></div>
        },
    };
    let highlight = props.highlight.as_ref();
    let caption = figure.caption.as_deref().filter(|c| !c.trim().is_empty());
    let credit = figure.credit.as_deref().filter(|c| !c.trim().is_empty());
    html! {
        <figure class="bs-figure">
            { picture }
            if caption.is_some() || credit.is_some() {
                <figcaption class="bs-caption">
                    if let Some(caption) = caption { <span class="bs-caption-text">{ marked_by(caption, highlight) }</span>{ " " } }
                    if let Some(credit) = credit {
                        <span class="bs-credit" lang={strings.lang}>{ credit_line(strings, credit, highlight) }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}

/// `刘栋 摄` / `Photo: Tom Ng`, the name marked where the search found it.
fn credit_line(strings: &Strings, name: &str, highlight: Option<&Query>) -> Html {
    filled(strings.credit, marked_by(name, highlight))
}

#[cfg(target_arch = "wasm32")]
fn show_modal(dialog: &NodeRef) {
    if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
        let _ = dialog.show_modal();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn show_modal(_dialog: &NodeRef) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::{EN, ZH};

    async fn render(src: Option<&str>, strings: &'static Strings) -> String {
        let figure = Figure {
            src: src.map(str::to_owned),
            caption: Some("国际友人参访青岛。".to_owned()),
            credit: Some("刘栋".to_owned()),
            placement: None,
        };
        let props = FigureViewProps { figure, corpus_url: "https://example.com/data/corpus.json".into(), strings, highlight: None };
        yew::LocalServerRenderer::<FigureView>::with_props(props).render().await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_figure_without_image_has_a_placeholder_and_its_caption() {
        let html = render(None, &ZH).await;
        assert!(html.contains("图片未收录") && !html.contains("<img"), "{html}");
        assert!(html.contains("<figcaption class=\"bs-caption\">"), "{html}");
        assert!(html.contains("<bdi>刘栋</bdi> 摄"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_image_is_resolved_next_to_the_corpus_and_zooms() {
        let html = render(Some("img/1.jpg"), &EN).await;
        assert!(html.contains(r#"src="https://example.com/data/img/1.jpg""#), "{html}");
        assert!(html.contains("Enlarge image") && html.contains("<dialog"), "{html}");
        assert!(html.contains("Photo: <bdi>刘栋</bdi>"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_unsafe_image_is_never_rendered() {
        let html = render(Some("javascript:alert(1)"), &EN).await;
        assert!(!html.contains("javascript:") && !html.contains("<img"), "{html}");
        assert!(html.contains("Image not in this archive"), "{html}");
    }
}
