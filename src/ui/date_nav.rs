//! Date browsing (往期回顾): the previous and next edition, and a calendar
//! of a month with each day that has an edition a link (marked when it is
//! saved for offline reading), the year and the paper selectable. It scales to decades of a daily, where a list of
//! editions would not.
//!
//! Native links, buttons, selects and a table with a caption and column
//! heads: keyboard and screen-reader use need nothing more. It asks
//! (`on_need_year`) for the dates of a year it must show and does not
//! know yet (an archive fetches that year's calendar); it fetches nothing
//! itself.

use std::rc::Rc;

use yew::prelude::*;

use super::control::EditionRange;
use super::dates::{year_of, DateIndex, PaperDates};
use super::labels::{days_in_month, first_weekday, long_date, month_title};
use super::link::Link;
use super::route::{EditionKey, Route};
use super::strings::Strings;

#[derive(Properties, PartialEq)]
pub struct DateNavProps {
    pub dates: Rc<DateIndex>,
    /// The publication and date of the edition shown.
    pub title: AttrValue,
    pub date: AttrValue,
    pub strings: &'static Strings,
    /// Asks for the dates of (publication title, year).
    pub on_need_year: Callback<(String, u32)>,
    /// Saves a month's editions for offline reading (an archive's); no
    /// button without it.
    #[prop_or_default]
    pub on_save_month: Option<Callback<EditionRange>>,
}

/// The month the calendar shows, of which paper.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    title: String,
    year: u32,
    /// 1–12; 0 until the year's dates tell which ([`Shown::resolved`]).
    month: u32,
}

impl Shown {
    fn of(title: &str, date: &str) -> Shown {
        let month = date.get(5..7).and_then(|month| month.parse().ok()).unwrap_or(1);
        Shown { title: title.to_owned(), year: year_of(date).unwrap_or_default(), month }
    }

    /// A year chosen without its month (`month` 0) shows the month of its
    /// newest edition, once its dates are known.
    fn resolved(&self, paper: &PaperDates) -> Shown {
        if self.month != 0 {
            return self.clone();
        }
        let newest = paper.year(self.year).and_then(|year| year.dates.as_ref()?.last().cloned());
        newest.map_or_else(|| self.clone(), |date| Shown::of(&self.title, &date))
    }

    /// The month `step` (±1) months away.
    fn step(&self, step: i32) -> Shown {
        let index = (self.year as i32) * 12 + self.month as i32 - 1 + step;
        Shown { title: self.title.clone(), year: index.div_euclid(12) as u32, month: index.rem_euclid(12) as u32 + 1 }
    }
}

#[component]
pub fn DateNav(props: &DateNavProps) -> Html {
    let strings = props.strings;
    let open = use_state(|| false);
    let shown = use_state(|| Shown::of(&props.title, &props.date));
    {
        // Another edition: the calendar closes, and opens on its month.
        let (open, shown) = (open.clone(), shown.clone());
        use_effect_with((props.title.clone(), props.date.clone()), move |(title, date)| {
            open.set(false);
            shown.set(Shown::of(title, date));
        });
    }
    let several = props.dates.publications.len() > 1;
    let route_of = |title: &str, date: &str| {
        Route::Edition(EditionKey { date: date.to_owned(), publication: several.then(|| title.to_owned()) })
    };
    let paper = props.dates.paper(&props.title);
    let neighbours = paper.map(|paper| paper.neighbours(&props.date)).unwrap_or_default();
    let shown_paper = props.dates.paper(&shown.title);
    let shown_year_unknown =
        *open && shown_paper.and_then(|paper| paper.year(shown.year)).is_some_and(|year| year.dates.is_none());
    {
        // Ask for what the view lacks: the neighbours' year, the shown month's year.
        let wanted: Vec<(String, u32)> = neighbours
            .unknown_year
            .map(|year| (props.title.to_string(), year))
            .into_iter()
            .chain(shown_year_unknown.then(|| (shown.title.clone(), shown.year)))
            .collect();
        let on_need = props.on_need_year.clone();
        use_effect_with(wanted, move |wanted| {
            for need in wanted {
                on_need.emit(need.clone());
            }
        });
    }
    let step = |date: &Option<String>, rel: &'static str, label: &'static str, arrow_first: bool| match date {
        Some(date) => {
            let text = if arrow_first { format!("‹ {label}") } else { format!("{label} ›") };
            html! {
                <Link to={route_of(&props.title, date)} rel={rel} class="bs-button bs-date-step">
                    <span aria-hidden="true">{ text }</span>
                    <span class="bs-sr">{ format!("{label}: {}", long_date(strings, date)) }</span>
                </Link>
            }
        }
        None => html! { <span class="bs-date-step bs-date-step-none" aria-hidden="true"></span> },
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <nav class="bs-date-nav" aria-label={strings.past_editions}>
            <div class="bs-date-steps">
                { step(&neighbours.previous, "prev", strings.previous_edition, true) }
                <button type="button" class="bs-button bs-calendar-toggle" aria-expanded={open.to_string()}
                        aria-controls="bs-calendar" onclick={toggle}>{ strings.past_editions }</button>
                { step(&neighbours.next, "next", strings.next_edition, false) }
            </div>
            if *open {
                <Calendar dates={props.dates.clone()} shown={(*shown).clone()} current={props.date.clone()}
                          on_show={Callback::from(move |next| shown.set(next))} {strings}
                          on_save_month={props.on_save_month.clone()} />
            }
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct CalendarProps {
    dates: Rc<DateIndex>,
    shown: Shown,
    current: AttrValue,
    on_save_month: Option<Callback<EditionRange>>,
    on_show: Callback<Shown>,
    strings: &'static Strings,
}

#[component]
fn Calendar(props: &CalendarProps) -> Html {
    let strings = props.strings;
    let Some(paper) = props.dates.paper(&props.shown.title) else { return Html::default() };
    let shown = &props.shown.resolved(paper);
    let several = props.dates.publications.len() > 1;
    let first = paper.years.first().map_or(shown.year, |year| year.year);
    let last = paper.years.last().map_or(shown.year, |year| year.year);
    let go = |target: Shown| {
        let on_show = props.on_show.clone();
        Callback::from(move |_: MouseEvent| on_show.emit(target.clone()))
    };
    let earlier = shown.step(-1);
    let later = shown.step(1);
    let on_year = {
        let (on_show, shown) = (props.on_show.clone(), shown.clone());
        Callback::from(move |event: Event| {
            if let Some(year) = selected_value(&event).and_then(|value| value.parse().ok()) {
                // The year's newest month with an edition, once its dates are known.
                on_show.emit(Shown { year, month: 0, ..shown.clone() });
            }
        })
    };
    let on_paper = {
        let (on_show, dates) = (props.on_show.clone(), props.dates.clone());
        Callback::from(move |event: Event| {
            let chosen = selected_value(&event).and_then(|title| dates.paper(&title).cloned());
            if let Some(paper) = chosen {
                // Its newest month, where a reader of another paper starts.
                let newest = paper.years.last().map_or(0, |year| year.year);
                let month = paper.year(newest).and_then(|year| year.dates.as_ref()?.last().cloned());
                on_show.emit(month.map_or(Shown { title: paper.title.clone(), year: newest, month: 1 }, |date| Shown::of(&paper.title, &date)));
            }
        })
    };
    html! {
        <div class="bs-calendar" id="bs-calendar">
            <div class="bs-calendar-head">
                if several {
                    <label class="bs-calendar-field">
                        <span class="bs-sr">{ strings.paper }</span>
                        <select class="bs-select" onchange={on_paper}>
                            { for props.dates.publications.iter().map(|other| html! {
                                <option value={other.title.clone()} selected={other.title == shown.title}>{ &other.title }</option>
                            }) }
                        </select>
                    </label>
                }
                <button type="button" class="bs-button" aria-label={strings.previous_month}
                        disabled={shown.month == 0 || earlier.year < first} onclick={go(earlier.clone())}>{ "‹" }</button>
                <label class="bs-calendar-field">
                    <span class="bs-sr">{ strings.year }</span>
                    <select class="bs-select" onchange={on_year}>
                        { for paper.years.iter().rev().map(|year| html! {
                            <option value={year.year.to_string()} selected={year.year == shown.year}>{ year.year }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="bs-button" aria-label={strings.next_month}
                        disabled={shown.month == 0 || later.year > last} onclick={go(later.clone())}>{ "›" }</button>
            </div>
            { month(&props.dates, paper, shown, &props.current, several, strings) }
            if let (Some(on_save), true) = (props.on_save_month.clone(), shown.month != 0) {
                <button type="button" class="bs-button bs-save-month" onclick={{
                    let range = EditionRange {
                        from: Some(format!("{:04}-{:02}-01", shown.year, shown.month)),
                        to: Some(format!("{:04}-{:02}-{:02}", shown.year, shown.month, days_in_month(shown.year, shown.month))),
                        publication: Some(shown.title.clone()),
                    };
                    Callback::from(move |_: MouseEvent| on_save.emit(range.clone()))
                }}>{ strings.save_month }</button>
            }
        </div>
    }
}

/// The month's grid: a week a row, each day with an edition a link.
fn month(index: &DateIndex, paper: &PaperDates, shown: &Shown, current: &str, several: bool, strings: &'static Strings) -> Html {
    let title = month_title(strings, shown.year, shown.month);
    let Some(dates) = paper.year(shown.year).map(|year| year.dates.as_ref()) else {
        return html! { <p class="bs-notice">{ title }</p> };
    };
    let Some(dates) = dates else {
        return html! { <p class="bs-notice" role="status">{ strings.loading_dates }</p> };
    };
    let prefix = format!("{:04}-{:02}-", shown.year, shown.month);
    let days = days_in_month(shown.year, shown.month);
    let blanks = first_weekday(shown.year, shown.month);
    let cells: Vec<Html> = (0..blanks)
        .map(|_| html! { <td></td> })
        .chain((1..=days).map(|day| {
            let date = format!("{prefix}{day:02}");
            if dates.binary_search(&date).is_ok() {
                let route = Route::Edition(EditionKey { date: date.clone(), publication: several.then(|| paper.title.clone()) });
                let saved = index.is_saved(&paper.title, &date);
                let class = classes!("bs-day", saved.then_some("bs-day-saved"));
                let label = if saved { format!("{} {}", long_date(strings, &date), strings.saved_mark) } else { long_date(strings, &date) };
                html! {
                    <td class="bs-day-with-edition">
                        <Link to={route} current={date == current} {class}>
                            <span aria-hidden="true">{ day }</span>
                            <span class="bs-sr">{ label }</span>
                        </Link>
                    </td>
                }
            } else {
                html! { <td><span class="bs-day bs-day-none">{ day }</span></td> }
            }
        }))
        .collect();
    let weeks = cells.chunks(7).map(|week| html! { <tr>{ for week.iter().cloned() }</tr> });
    html! {
        <table class="bs-month">
            <caption>{ title }</caption>
            <thead><tr>{ for strings.weekdays_short.iter().map(|day| html! { <th scope="col">{ *day }</th> }) }</tr></thead>
            <tbody>{ for weeks }</tbody>
        </table>
    }
}

#[cfg(target_arch = "wasm32")]
fn selected_value(event: &Event) -> Option<String> {
    use yew::TargetCast;
    Some(event.target_dyn_into::<web_sys::HtmlSelectElement>()?.value())
}

#[cfg(not(target_arch = "wasm32"))]
fn selected_value(_event: &Event) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::dates::{PaperDates, YearDates};
    use crate::ui::strings::ZH;

    fn dates(years: Vec<(u32, Option<Vec<&str>>)>) -> Rc<DateIndex> {
        let years = years
            .into_iter()
            .map(|(year, dates)| YearDates { year, dates: dates.map(|d| d.into_iter().map(str::to_owned).collect()) })
            .collect();
        Rc::new(DateIndex { publications: vec![PaperDates { title: "青岛日报".to_owned(), years }], ..DateIndex::default() })
    }

    async fn render(dates: Rc<DateIndex>, date: &str) -> String {
        let props = DateNavProps { dates, title: "青岛日报".into(), date: date.to_owned().into(), strings: &ZH, on_need_year: Callback::noop(), on_save_month: None };
        yew::LocalServerRenderer::<DateNav>::with_props(props).render().await
    }

    #[test]
    fn months_step_across_years() {
        let january = Shown { title: "T".to_owned(), year: 2024, month: 1 };
        assert_eq!((january.step(-1).year, january.step(-1).month), (2023, 12));
        assert_eq!((january.step(1).year, january.step(1).month), (2024, 2));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_neighbouring_editions_are_links_and_the_newest_has_no_next() {
        let html = render(dates(vec![(2024, Some(vec!["2024-09-10", "2024-09-12"]))]), "2024-09-12").await;
        assert!(html.contains(r##"href="#/2024-09-10""##) && html.contains(r#"rel="prev""#), "{html}");
        assert!(!html.contains(r#"rel="next""#), "{html}");
        assert!(html.contains(r#"aria-expanded="false""#) && html.contains("往期回顾"), "{html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_month_links_its_days_with_editions_and_marks_the_current_one() {
        let paper = PaperDates {
            title: "青岛日报".to_owned(),
            years: vec![YearDates { year: 2024, dates: Some(vec!["2024-09-10".to_owned(), "2024-09-12".to_owned()]) }],
        };
        let shown = Shown { title: paper.title.clone(), year: 2024, month: 9 };
        let html = yew::LocalServerRenderer::<MonthTable>::with_props(MonthTableProps { paper, shown, current: "2024-09-12".into() })
            .render()
            .await;
        assert!(html.contains("<caption>2024年9月</caption>"), "{html}");
        assert_eq!(html.matches("bs-day-with-edition").count(), 2, "{html}");
        assert!(html.contains(r#"aria-current="page""#), "{html}");
        assert_eq!(html.matches("bs-day-saved").count(), 1, "the saved day is marked: {html}");
        assert!(html.contains("2024年9月10日 星期二 已保存"), "and says so: {html}");
        assert_eq!(html.matches("<tr>").count(), 1 + 5, "the head and five weeks (1 September 2024 was a Sunday): {html}");
    }

    /// The month grid as a component, for the server renderer.
    #[derive(Properties, PartialEq)]
    struct MonthTableProps {
        paper: PaperDates,
        shown: Shown,
        current: AttrValue,
    }

    #[component]
    fn MonthTable(props: &MonthTableProps) -> Html {
        let index = DateIndex {
            publications: vec![props.paper.clone()],
            saved: [(props.paper.title.clone(), "2024-09-10".to_owned())].into_iter().collect(),
        };
        month(&index, &props.paper, &props.shown, &props.current, false, &ZH)
    }
}
