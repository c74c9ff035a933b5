//! Offline reading of an archive, for the reader: save the edition shown
//! (or let it go), and a storage panel that lists what is saved, what the
//! browser allows and whether it agreed to keep it, each saved edition
//! removable, and saves the editions of a range of dates; and which saved
//! editions the browser took back, each to save again or let go.
//!
//! It shows [`OfflineStatus`] and asks for [`OfflineAction`]s; saving and
//! removing are the archive's ([`super::archive`]), as for the host's
//! `saveOffline()` and `removeOffline()`, whose answer the status is too.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use super::control::EditionRange;
use super::labels::long_date;
use super::form::control_value;
use super::strings::Strings;
use crate::units::size;

/// What is saved for offline reading, and what the browser allows:
/// `reader.offline()`'s answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OfflineStatus {
    pub editions: Vec<SavedEdition>,
    /// Editions saved by choice that the browser has since taken back.
    pub lost: Vec<LostEdition>,
    /// The bytes of all saved editions.
    pub bytes: u64,
    /// The origin's quota and usage as the browser estimates them.
    pub quota: Option<f64>,
    pub usage: Option<f64>,
    /// Whether the browser agreed not to evict the storage under pressure.
    pub persisted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavedEdition {
    pub date: String,
    pub publication: String,
    pub bytes: u64,
    /// Kept as one of the newest editions, not saved by choice.
    pub automatic: bool,
}

/// An edition saved for offline reading that the browser took back.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LostEdition {
    pub publication: String,
    pub date: String,
}

impl OfflineStatus {
    fn saved(&self, title: &str, date: &str) -> Option<&SavedEdition> {
        self.editions.iter().find(|edition| edition.publication == title && edition.date == date)
    }
}

/// What the reader asks of offline storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfflineAction {
    Save(EditionRange),
    Remove(EditionRange),
}

#[derive(Properties, PartialEq)]
pub struct OfflinePanelProps {
    pub status: Rc<OfflineStatus>,
    /// The publication and date of the edition shown.
    pub title: AttrValue,
    pub date: AttrValue,
    /// What the last action came to, when it failed.
    #[prop_or_default]
    pub message: Option<AttrValue>,
    pub strings: &'static Strings,
    pub on_action: Callback<OfflineAction>,
}

#[component]
pub fn OfflinePanel(props: &OfflinePanelProps) -> Html {
    let strings = props.strings;
    let status = &props.status;
    let this_edition = EditionRange {
        from: Some(props.date.to_string()),
        to: Some(props.date.to_string()),
        publication: Some(props.title.to_string()),
    };
    let action = |action: OfflineAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let toggle = match status.saved(&props.title, &props.date) {
        Some(saved) if !saved.automatic => html! {
            <button type="button" class="bs-button bs-save-offline" aria-pressed="true"
                    onclick={action(OfflineAction::Remove(this_edition.clone()))}>{ strings.saved_offline }</button>
        },
        _ => html! {
            <button type="button" class="bs-button bs-save-offline" aria-pressed="false"
                    onclick={action(OfflineAction::Save(this_edition.clone()))}>{ strings.save_offline }</button>
        },
    };
    // The range of dates to save, as the reader picks it.
    let range = use_state(|| (String::new(), String::new()));
    let pick = |set: fn(&mut (String, String), String)| {
        let range = range.clone();
        Callback::from(move |event: Event| {
            let mut picked = (*range).clone();
            set(&mut picked, control_value(&event));
            range.set(picked);
        })
    };
    let save_range = {
        let (range, on_action, title) = (range.clone(), props.on_action.clone(), props.title.to_string());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (from, to) = (*range).clone();
            let (from, to) = match (from.is_empty(), to.is_empty()) {
                (true, true) => return,
                (false, true) => (from.clone(), from),
                (true, false) => (to.clone(), to),
                (false, false) if from > to => (to, from),
                (false, false) => (from, to),
            };
            on_action.emit(OfflineAction::Save(EditionRange { from: Some(from), to: Some(to), publication: Some(title.clone()) }));
        })
    };
    let summary = Strings::fill(strings.offline_summary, &status.editions.len().to_string());
    let allowed = match (status.usage, status.quota) {
        (Some(usage), Some(quota)) => Some(format!("{}{}{}", size(usage as u64), strings.of, size(quota as u64))),
        _ => None,
    };
    let lost = (!status.lost.is_empty()).then(|| {
        let one = |lost: &LostEdition| EditionRange {
            from: Some(lost.date.clone()),
            to: Some(lost.date.clone()),
            publication: Some(lost.publication.clone()),
        };
        html! {
            <div class="bs-offline-lost" role="status">
                <p class="bs-notice">{ Strings::fill(strings.offline_lost, &status.lost.len().to_string()) }</p>
                <ul class="bs-offline-list">
                    { for status.lost.iter().map(|lost| {
                        let date = long_date(strings, &lost.date);
                        html! {
                            <li class="bs-offline-item">
                                <span>{ date.clone() }</span>
                                <button type="button" class="bs-button" aria-label={format!("{} {date}", strings.save_again)}
                                        onclick={action(OfflineAction::Save(one(lost)))}>{ strings.save_again }</button>
                                <button type="button" class="bs-button" aria-label={format!("{} {date}", strings.dismiss)}
                                        onclick={action(OfflineAction::Remove(one(lost)))}>{ strings.dismiss }</button>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    });
    html! {
        <div class="bs-offline">
            { toggle }
            if let Some(message) = &props.message {
                <p class="bs-notice bs-offline-message" role="status">{ message }</p>
            }
            { lost.unwrap_or_default() }
            <details class="bs-offline-panel">
                <summary>{ format!("{summary} · {}", size(status.bytes)) }</summary>
                <ul class="bs-offline-list">
                    { for status.editions.iter().map(|edition| {
                        let range = EditionRange {
                            from: Some(edition.date.clone()),
                            to: Some(edition.date.clone()),
                            publication: Some(edition.publication.clone()),
                        };
                        let label = format!("{} · {}", long_date(strings, &edition.date), size(edition.bytes));
                        html! {
                            <li class="bs-offline-item">
                                <span>{ label }{ edition.automatic.then_some(strings.kept_automatically) }</span>
                                <button type="button" class="bs-button" aria-label={format!("{} {}", strings.remove_offline, long_date(strings, &edition.date))}
                                        onclick={action(OfflineAction::Remove(range))}>{ strings.remove_offline }</button>
                            </li>
                        }
                    }) }
                </ul>
                <form class="bs-offline-range" onsubmit={save_range}>
                    <label class="bs-filter">
                        <span class="bs-filter-label">{ strings.filter_from }</span>
                        <input type="date" class="bs-filter-input" value={range.0.clone()} onchange={pick(|range, value| range.0 = value)} />
                    </label>
                    <label class="bs-filter">
                        <span class="bs-filter-label">{ strings.filter_to }</span>
                        <input type="date" class="bs-filter-input" value={range.1.clone()} onchange={pick(|range, value| range.1 = value)} />
                    </label>
                    <button type="submit" class="bs-button">{ strings.save_range }</button>
                </form>
                if let Some(allowed) = allowed {
                    <p class="bs-offline-quota">{ Strings::fill(strings.storage_used, &allowed) }</p>
                }
                <p class="bs-offline-persisted">{ if status.persisted { strings.storage_persisted } else { strings.storage_not_persisted } }</p>
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::strings::ZH;

    fn status() -> Rc<OfflineStatus> {
        Rc::new(OfflineStatus {
            editions: vec![
                SavedEdition { date: "2024-09-12".to_owned(), publication: "青岛日报".to_owned(), bytes: 1_200_000, automatic: true },
                SavedEdition { date: "2024-09-10".to_owned(), publication: "青岛日报".to_owned(), bytes: 900_000, automatic: false },
            ],
            lost: Vec::new(),
            bytes: 2_100_000,
            quota: Some(1e9),
            usage: Some(2.5e6),
            persisted: true,
        })
    }

    async fn render(date: &str) -> String {
        let props = OfflinePanelProps {
            status: status(),
            title: "青岛日报".into(),
            date: date.to_owned().into(),
            message: None,
            strings: &ZH,
            on_action: Callback::noop(),
        };
        yew::LocalServerRenderer::<OfflinePanel>::with_props(props).render().await
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_edition_saved_by_choice_can_be_let_go_and_one_kept_automatically_can_be_saved() {
        let saved = render("2024-09-10").await;
        assert!(saved.contains(r#"aria-pressed="true""#) && saved.contains("已离线保存"), "{saved}");
        let automatic = render("2024-09-12").await;
        assert!(automatic.contains(r#"aria-pressed="false""#) && automatic.contains("离线保存本期"), "{automatic}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_panel_lists_what_is_saved_and_what_the_browser_allows() {
        let html = render("2024-09-12").await;
        assert!(html.contains("已保存 2 期 · 2.1 MB"), "{html}");
        assert!(html.contains("2024年9月10日 星期二 · 900.0 KB"), "{html}");
        assert_eq!(html.matches("bs-offline-item").count(), 2, "{html}");
        assert!(html.contains("2.5 MB / 1.0 GB"), "{html}");
        assert!(html.contains("浏览器已同意长期保留"), "{html}");
        assert!(html.contains(r#"<button type="submit" class="bs-button">离线保存所选日期</button>"#), "a range of dates can be saved: {html}");
    }

    #[tokio::test(flavor = "current_thread")]
    async fn editions_the_browser_took_back_can_be_saved_again_or_let_go() {
        let mut taken = (*status()).clone();
        taken.lost = vec![LostEdition { publication: "青岛日报".to_owned(), date: "2024-09-01".to_owned() }];
        let props = OfflinePanelProps {
            status: Rc::new(taken),
            title: "青岛日报".into(),
            date: "2024-09-12".into(),
            message: None,
            strings: &ZH,
            on_action: Callback::noop(),
        };
        let html = yew::LocalServerRenderer::<OfflinePanel>::with_props(props).render().await;
        assert!(html.contains("浏览器已清除 1 期离线保存的报纸"), "{html}");
        assert!(html.contains(r#"aria-label="重新保存 2024年9月1日 星期日""#) && html.contains(r#"aria-label="忽略 2024年9月1日 星期日""#), "{html}");
        assert!(!render("2024-09-12").await.contains("bs-offline-lost"), "nothing taken, nothing said");
    }
}
