//! The masthead: the paper's name, the edition's date, date browsing
//! ([`DateNav`]) when there is more than one edition, and an archive's
//! offline reading ([`OfflinePanel`]). Inside an edition
//! (page and article views) it is compact, so the reading starts high on a
//! phone's screen.

use std::rc::Rc;

use yew::prelude::*;

use super::date_nav::DateNav;
use super::dates::DateIndex;
use super::labels::long_date;
use super::link::Link;
use super::offline_panel::{OfflineAction, OfflinePanel, OfflineStatus};
use super::place::edition_route;
use super::shared::SharedCorpus;
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub corpus: SharedCorpus,
    /// The edition being read; `None` on views outside an edition.
    pub edition: Option<usize>,
    /// A one-line masthead without the edition picker.
    #[prop_or_default]
    pub compact: bool,
    pub strings: &'static Strings,
    /// Which dates have an edition, for date browsing.
    #[prop_or_default]
    pub dates: Option<Rc<DateIndex>>,
    /// Asks for a year's dates that `dates` lacks.
    #[prop_or_default]
    pub on_need_year: Callback<(String, u32)>,
    /// An archive's editions saved for offline reading: its panel is shown
    /// with the edition.
    #[prop_or_default]
    pub offline: Option<Rc<OfflineStatus>>,
    #[prop_or_default]
    pub offline_message: Option<AttrValue>,
    #[prop_or_default]
    pub on_offline: Callback<OfflineAction>,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let strings = props.strings;
    let corpus = &props.corpus;
    let edition = props.edition.and_then(|index| Some((index, corpus.editions.get(index)?)));
    let publication = edition.map_or(&corpus.publication, |(_, edition)| corpus.publication_of(edition));
    // An archive's month saved for offline reading, from its calendar.
    let on_save_month = props.offline.as_ref().map(|_| props.on_offline.reform(OfflineAction::Save));
    let title = match edition {
        Some((index, _)) => html! { <Link to={edition_route(corpus, index)} class="bs-title-link">{ &publication.title }</Link> },
        None => html! { { &publication.title } },
    };
    html! {
        <div class={classes!("bs-masthead", props.compact.then_some("bs-masthead-compact"))}>
            <h1 class="bs-title" lang={publication.lang.clone()}>{ title }</h1>
            if let Some((_, edition)) = edition {
                <p class="bs-date"><time datetime={edition.date.clone()}>{ long_date(strings, &edition.date) }</time></p>
            }
            if let (false, Some(dates), Some((_, edition))) = (props.compact, browsable(props.dates.as_ref()), edition) {
                <DateNav {dates} title={publication.title.clone()} date={edition.date.clone()} {strings}
                         on_need_year={props.on_need_year.clone()} {on_save_month} />
            }
            if let (false, Some(status), Some((_, edition))) = (props.compact, props.offline.clone(), edition) {
                <OfflinePanel {status} title={publication.title.clone()} date={edition.date.clone()} {strings}
                              message={props.offline_message.clone()} on_action={props.on_offline.clone()} />
            }
        </div>
    }
}

/// The dates, when there is more than one edition to browse.
fn browsable(dates: Option<&Rc<DateIndex>>) -> Option<Rc<DateIndex>> {
    let dates = dates?;
    let one = match dates.publications.as_slice() {
        [paper] => matches!(paper.years.as_slice(), [year] if year.dates.as_ref().is_some_and(|dates| dates.len() <= 1)),
        papers => papers.is_empty(),
    };
    (!one).then(|| dates.clone())
}
