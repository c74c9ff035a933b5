//! The search filters: a date range where there are several dates, a
//! publication where there are several papers, and a page where editions
//! have several pages; and, where there are several dates, the order (best
//! or newest first). Each change hands the whole new filter or order up;
//! the route keeps it.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::super::dates::DateIndex;
use super::super::form::control_value;
use super::super::strings::Strings;
use crate::corpus::Corpus;
use crate::search::{Filter, Order};

/// What there is to filter by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    /// The first and last edition dates, when they differ.
    pub dates: Option<(String, String)>,
    /// The publications' titles, when there are several.
    pub publications: Vec<String>,
    /// Every page number some edition has, when there are several.
    pub pages: Vec<u32>,
}

impl Choices {
    /// Dates and papers from `dates` (a corpus's, or an archive's root:
    /// every edition, opened or not; a year whose calendar is not read yet
    /// counts from its first to its last day), pages from the editions
    /// `corpus` holds.
    pub fn of(dates: &DateIndex, corpus: &Corpus) -> Choices {
        let first = dates.publications.iter().filter_map(|paper| {
            let year = paper.years.first()?;
            Some(year.dates.as_ref().and_then(|dates| dates.first().cloned()).unwrap_or_else(|| format!("{:04}-01-01", year.year)))
        });
        let last = dates.publications.iter().filter_map(|paper| {
            let year = paper.years.last()?;
            Some(year.dates.as_ref().and_then(|dates| dates.last().cloned()).unwrap_or_else(|| format!("{:04}-12-31", year.year)))
        });
        let dates_range = match (first.min(), last.max()) {
            (Some(first), Some(last)) if first != last => Some((first, last)),
            _ => None,
        };
        let publications: Vec<String> = dates.publications.iter().map(|paper| paper.title.clone()).collect();
        let pages: BTreeSet<u32> = corpus.editions.iter().flat_map(|edition| edition.pages.iter().map(|page| page.number)).collect();
        Choices {
            dates: dates_range,
            publications: if publications.len() > 1 { publications } else { Vec::new() },
            pages: if pages.len() > 1 { pages.into_iter().collect() } else { Vec::new() },
        }
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_none() && self.publications.is_empty() && self.pages.is_empty()
    }
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub choices: Choices,
    pub filter: Filter,
    pub order: Order,
    pub strings: &'static Strings,
    pub on_change: Callback<Filter>,
    pub on_order: Callback<Order>,
}

/// Native date inputs and a page menu: compact on a phone, and usable by
/// keyboard and screen readers as they are.
#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let strings = props.strings;
    let changed = |set: fn(&mut Filter, String)| {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |event: Event| {
            let mut filter = filter.clone();
            set(&mut filter, control_value(&event));
            on_change.emit(filter);
        })
    };
    let date_input = |label: &'static str, value: &Option<String>, set: fn(&mut Filter, String)| match &props.choices.dates {
        Some((first, last)) => html! {
            <label class="bs-filter">
                <span class="bs-filter-label">{ label }</span>
                <input type="date" class="bs-filter-input" min={first.clone()} max={last.clone()}
                       value={value.clone().unwrap_or_default()} onchange={changed(set)} />
            </label>
        },
        None => Html::default(),
    };
    let page = props.filter.page;
    let publication = props.filter.publication.as_deref();
    let on_order = props.on_order.reform(|event: Event| if control_value(&event) == "newest" { Order::Newest } else { Order::Relevance });
    let newest = props.order == Order::Newest;
    html! {
        <fieldset class="bs-filters">
            <legend class="bs-sr">{ strings.filters }</legend>
            { date_input(strings.filter_from, &props.filter.from, |filter, value| filter.from = non_empty(value)) }
            { date_input(strings.filter_to, &props.filter.to, |filter, value| filter.to = non_empty(value)) }
            if !props.choices.publications.is_empty() {
                <label class="bs-filter">
                    <span class="bs-filter-label">{ strings.filter_publication }</span>
                    <select class="bs-select bs-filter-input bs-filter-publication"
                            onchange={changed(|filter, value| filter.publication = non_empty(value))}>
                        <option value="" selected={publication.is_none()}>{ strings.all_publications }</option>
                        { for props.choices.publications.iter().map(|title| html! {
                            <option value={title.clone()} selected={publication == Some(title.as_str())}>{ title }</option>
                        }) }
                    </select>
                </label>
            }
            if !props.choices.pages.is_empty() {
                <label class="bs-filter">
                    <span class="bs-filter-label">{ strings.filter_page }</span>
                    <select class="bs-select bs-filter-input bs-filter-page"
                            onchange={changed(|filter, value| filter.page = value.parse().ok())}>
                        <option value="" selected={page.is_none()}>{ strings.all_pages }</option>
                        { for props.choices.pages.iter().map(|&number| html! {
                            <option value={number.to_string()} selected={page == Some(number)}>{ strings.page_name(number) }</option>
                        }) }
                    </select>
                </label>
            }
            if props.choices.dates.is_some() {
                <label class="bs-filter">
                    <span class="bs-filter-label">{ strings.order }</span>
                    <select class="bs-select bs-filter-input bs-filter-order" onchange={on_order}>
                        <option value="relevance" selected={!newest}>{ strings.order_relevance }</option>
                        <option value="newest" selected={newest}>{ strings.order_newest }</option>
                    </select>
                </label>
            }
        </fieldset>
    }
}

fn non_empty(value: String) -> Option<String> {
    Some(value).filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::strings::ZH;

    use crate::ui::dates::{PaperDates, YearDates};

    #[test]
    fn a_single_edition_of_several_pages_offers_pages_only() {
        let corpus = corpus::load(include_str!("../../../tests/fixtures/two-pages.json")).expect("valid");
        let choices = Choices::of(&DateIndex::of_corpus(&corpus), &corpus);
        assert_eq!(choices, Choices { dates: None, publications: Vec::new(), pages: vec![1, 2] });
    }

    /// An archive's dates and papers are its root's, not only the editions open.
    #[test]
    fn an_archive_offers_every_year_and_paper_of_its_root() {
        let corpus = corpus::load(include_str!("../../../tests/fixtures/two-pages.json")).expect("valid");
        let year = |year, dates: Option<&[&str]>| YearDates { year, dates: dates.map(|dates| dates.iter().map(|d| (*d).to_owned()).collect()) };
        let dates = DateIndex {
            publications: vec![
                PaperDates { title: "青岛日报".to_owned(), years: vec![year(2019, None), year(2024, Some(&["2024-01-02", "2024-09-12"]))] },
                PaperDates { title: "青岛晚报".to_owned(), years: vec![year(2021, Some(&["2021-03-01"])), year(2025, None)] },
            ],
            ..DateIndex::default()
        };
        let choices = Choices::of(&dates, &corpus);
        assert_eq!(choices.dates, Some(("2019-01-01".to_owned(), "2025-12-31".to_owned())));
        assert_eq!(choices.publications, ["青岛日报", "青岛晚报"]);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_filters_show_the_corpus_range_and_the_chosen_page() {
        let props = FiltersProps {
            choices: Choices {
                dates: Some(("1916-03-01".to_owned(), "1916-03-31".to_owned())),
                publications: vec!["The Sun".to_owned(), "The Evening Star".to_owned()],
                pages: vec![1, 2],
            },
            filter: Filter { from: Some("1916-03-04".to_owned()), publication: Some("The Sun".to_owned()), page: Some(2), ..Filter::default() },
            order: Order::Newest,
            strings: &ZH,
            on_change: Callback::noop(),
            on_order: Callback::noop(),
        };
        let html = yew::LocalServerRenderer::<Filters>::with_props(props).render().await;
        assert!(html.contains(r#"min="1916-03-01" max="1916-03-31""#), "{html}");
        assert!(html.contains(r#"value="1916-03-04""#) && html.contains("起始日期") && html.contains("截止日期"), "{html}");
        assert!(html.contains(r#"<option value="2" selected="selected">第二版</option>"#), "{html}");
        assert!(html.contains(r#"<option value="The Sun" selected="selected">The Sun</option>"#) && html.contains("全部报纸"), "{html}");
        assert!(html.contains(r#"<option value="newest" selected="selected">最新在前</option>"#), "{html}");
    }
}
