//! The search filters: a date range where the corpus holds several dates,
//! and a page where its editions have several pages. Each change hands the
//! whole new filter up; the route keeps it.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::super::strings::Strings;
use crate::corpus::Corpus;
use crate::search::Filter;

/// What there is to filter by in a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    /// The first and last edition dates, when they differ.
    pub dates: Option<(String, String)>,
    /// Every page number some edition has, when there are several.
    pub pages: Vec<u32>,
}

impl Choices {
    pub fn of(corpus: &Corpus) -> Choices {
        let dates: BTreeSet<&str> = corpus.editions.iter().map(|edition| edition.date.as_str()).collect();
        let pages: BTreeSet<u32> = corpus.editions.iter().flat_map(|edition| edition.pages.iter().map(|page| page.number)).collect();
        let dates = match (dates.first(), dates.last()) {
            (Some(first), Some(last)) if first != last => Some(((*first).to_owned(), (*last).to_owned())),
            _ => None,
        };
        Choices { dates, pages: if pages.len() > 1 { pages.into_iter().collect() } else { Vec::new() } }
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_none() && self.pages.is_empty()
    }
}

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub choices: Choices,
    pub filter: Filter,
    pub strings: &'static Strings,
    pub on_change: Callback<Filter>,
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
    html! {
        <fieldset class="bs-filters">
            <legend class="bs-sr">{ strings.filters }</legend>
            { date_input(strings.filter_from, &props.filter.from, |filter, value| filter.from = non_empty(value)) }
            { date_input(strings.filter_to, &props.filter.to, |filter, value| filter.to = non_empty(value)) }
            if !props.choices.pages.is_empty() {
                <label class="bs-filter">
                    <span class="bs-filter-label">{ strings.filter_page }</span>
                    <select class="bs-select bs-filter-input"
                            onchange={changed(|filter, value| filter.page = value.parse().ok())}>
                        <option value="" selected={page.is_none()}>{ strings.all_pages }</option>
                        { for props.choices.pages.iter().map(|&number| html! {
                            <option value={number.to_string()} selected={page == Some(number)}>{ strings.page_name(number) }</option>
                        }) }
                    </select>
                </label>
            }
        </fieldset>
    }
}

fn non_empty(value: String) -> Option<String> {
    Some(value).filter(|value| !value.is_empty())
}

/// The value of the input or menu that fired `event`.
#[cfg(target_arch = "wasm32")]
fn control_value(event: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = event.target();
    if let Some(input) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>()) {
        return input.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|select| select.value()).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn control_value(_event: &Event) -> String {
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;
    use crate::ui::strings::ZH;

    #[test]
    fn a_single_edition_of_several_pages_offers_pages_only() {
        let corpus = corpus::load(include_str!("../../../tests/fixtures/two-pages.json")).expect("valid");
        assert_eq!(Choices::of(&corpus), Choices { dates: None, pages: vec![1, 2] });
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_filters_show_the_corpus_range_and_the_chosen_page() {
        let props = FiltersProps {
            choices: Choices { dates: Some(("1916-03-01".to_owned(), "1916-03-31".to_owned())), pages: vec![1, 2] },
            filter: Filter { from: Some("1916-03-04".to_owned()), to: None, page: Some(2) },
            strings: &ZH,
            on_change: Callback::noop(),
        };
        let html = yew::LocalServerRenderer::<Filters>::with_props(props).render().await;
        assert!(html.contains(r#"min="1916-03-01" max="1916-03-31""#), "{html}");
        assert!(html.contains(r#"value="1916-03-04""#) && html.contains("起始日期") && html.contains("截止日期"), "{html}");
        assert!(html.contains(r#"<option value="2" selected="selected">第二版</option>"#), "{html}");
    }
}
