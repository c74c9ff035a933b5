//! A continuation line: `上接第一版` / `Continued from Page 1` at the top of
//! a fragment, `下转第三版` / `Continued on Page 3` at its end.
//!
//! It links to the other fragment when the corpus holds it, else to that
//! page when the corpus holds the page. Otherwise the label stays, but it is
//! no dead link: it says the page is not in this archive.

use yew::prelude::*;

use super::isolated::filled;
use super::labels::{continued_from, continued_on, jump_page_name};
use super::link::Link;
use super::place::{article_route, page_route};
use super::route::Read;
use super::shared::SharedCorpus;
use super::strings::Strings;
use crate::corpus::Jump;

/// Which end of a fragment the line stands at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    From,
    On,
}

#[derive(Properties, PartialEq)]
pub struct JumpLineProps {
    pub corpus: SharedCorpus,
    pub edition: usize,
    pub jump: Jump,
    pub direction: Direction,
    pub strings: &'static Strings,
}

#[component]
pub fn JumpLine(props: &JumpLineProps) -> Html {
    let strings = props.strings;
    let Some(edition) = props.corpus.editions.get(props.edition) else { return Html::default() };
    let page = jump_page_name(strings, edition, &props.jump);
    let (label, class) = match props.direction {
        Direction::From => (continued_from(strings, edition, &props.jump), "bs-jump-from"),
        Direction::On => (continued_on(strings, edition, &props.jump), "bs-jump-on"),
    };
    let to = props
        .jump
        .article
        .as_deref()
        .and_then(|id| article_route(&props.corpus, props.edition, id, Read::Fragment))
        .or_else(|| {
            let number = props.jump.page?;
            edition.page(number).map(|_| page_route(&props.corpus, props.edition, number))
        });
    html! {
        <p class={classes!("bs-jump", class)} lang={strings.lang}>
            if let Some(to) = to {
                <Link {to} class="bs-jump-link">{ label }</Link>
            } else {
                <span class="bs-jump-label">{ label }</span>
                <span class="bs-jump-note">{ filled(strings.not_in_archive, html! { { page } }) }</span>
            }
        </p>
    }
}
