//! The wasm entry of the widget: `www/broadsheet.js` loads this module,
//! installs the panic hook ([`set_panic_handler`]) and calls [`mount`] for
//! every `<broadsheet-reader>` element. What the reader does is in the
//! library (`broadsheet::ui`); this file only hands it to JavaScript.

#[cfg(target_arch = "wasm32")]
mod widget {
    use std::cell::RefCell;

    use broadsheet::search::{Filter, Order};
    use broadsheet::ui::app::{App, AppProps};
    use broadsheet::ui::control::{Command, Control, EditionRange};
    use broadsheet::ui::options::{Routing, Theme};
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::prelude::*;

    /// The number of hits `search()` returns when the host names no limit,
    /// as `broadsheet search` prints.
    const DEFAULT_LIMIT: usize = 10;

    /// A mounted reader, held by its `<broadsheet-reader>` element.
    #[wasm_bindgen]
    pub struct ReaderHandle {
        app: Option<yew::AppHandle<App>>,
        control: Control,
    }

    #[wasm_bindgen]
    impl ReaderHandle {
        /// Unmounts the reader: the element was removed or its corpus changed.
        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
        }

        /// Shows the stitched article `article` (of an edition of `date` and
        /// of the publication titled `publication`, each when given, else
        /// the newest that has it) once the corpus is loaded. Resolves to
        /// whether the corpus has it; rejects when the corpus failed to load.
        pub fn open(&self, article: String, date: Option<String>, publication: Option<String>) -> Promise {
            let control = self.control.clone();
            Promise::new(&mut |resolve, reject| {
                let answer = Box::new(move |outcome: Result<bool, String>| settle(&resolve, &reject, outcome.map(JsValue::from)));
                let (article, date, publication) = (article.clone(), date.clone(), publication.clone());
                control.send(Command::Open { article, date, publication, answer });
            })
        }

        /// Searches the corpus once its index is ready. `options` may hold
        /// `limit` (default 10), `from` and `to` (dates, inclusive),
        /// `publication` (a title), `page`, and `order` (`"newest"` for
        /// newest edition first; best first otherwise). Resolves to the JSON text `broadsheet search --json`
        /// prints for the same query, which the loader parses.
        pub fn search(&self, query: String, options: JsValue) -> Promise {
            let option = |name: &str| Reflect::get(&options, &name.into()).ok().filter(|value| !value.is_undefined() && !value.is_null());
            let limit = option("limit").and_then(|limit| limit.as_f64()).map_or(DEFAULT_LIMIT, |limit| limit.max(0.0) as usize);
            let filter = Filter {
                from: option("from").and_then(|date| date.as_string()),
                to: option("to").and_then(|date| date.as_string()),
                publication: option("publication").and_then(|title| title.as_string()),
                page: option("page").and_then(|page| page.as_f64()).map(|page| page.max(0.0) as u32),
            };
            let order = match option("order").map(|order| order.as_string()) {
                None => Order::Relevance,
                Some(Some(order)) if order == "relevance" => Order::Relevance,
                Some(Some(order)) if order == "newest" => Order::Newest,
                Some(other) => {
                    let shown = other.unwrap_or_else(|| "a value that is not a string".to_owned());
                    return Promise::reject(&JsValue::from(format!("search: order must be \"relevance\" or \"newest\", not {shown:?}")));
                }
            };
            let control = self.control.clone();
            Promise::new(&mut |resolve, reject| {
                let answer = Box::new(move |outcome: Result<String, String>| settle(&resolve, &reject, outcome.map(JsValue::from)));
                control.send(Command::Search { query: query.clone(), filter: filter.clone(), order, limit, answer });
            })
        }
    }

    /// The editions an `options` object names: `from`, `to` (dates,
    /// inclusive) and `publication`, each optional.
    fn edition_range(options: &JsValue) -> EditionRange {
        let text = |name: &str| Reflect::get(options, &name.into()).ok().and_then(|value| value.as_string());
        EditionRange { from: text("from"), to: text("to"), publication: text("publication") }
    }

    #[wasm_bindgen]
    impl ReaderHandle {
        /// Saves an archive's editions for offline reading, each whole:
        /// `options` may hold `from`, `to` and `publication`; without dates,
        /// the newest edition. Resolves to the bytes they take; rejects
        /// with how far it came and why it stopped (offline, quota).
        #[wasm_bindgen(js_name = saveOffline)]
        pub fn save_offline(&self, options: JsValue) -> Promise {
            let (control, range) = (self.control.clone(), edition_range(&options));
            Promise::new(&mut |resolve, reject| {
                let answer = Box::new(move |outcome: Result<f64, String>| settle(&resolve, &reject, outcome.map(JsValue::from)));
                control.send(Command::SaveOffline { range: range.clone(), answer });
            })
        }

        /// Lets go of saved editions (`options` as for `saveOffline`; all
        /// of them without any); resolves to the bytes freed.
        #[wasm_bindgen(js_name = removeOffline)]
        pub fn remove_offline(&self, options: JsValue) -> Promise {
            let (control, range) = (self.control.clone(), edition_range(&options));
            Promise::new(&mut |resolve, reject| {
                let answer = Box::new(move |outcome: Result<f64, String>| settle(&resolve, &reject, outcome.map(JsValue::from)));
                control.send(Command::RemoveOffline { range: range.clone(), answer });
            })
        }

        /// What is saved and what the browser allows, as JSON text:
        /// `{ editions: [{ date, publication, bytes, automatic }], bytes,
        /// quota, usage, persisted }`.
        pub fn offline(&self) -> Promise {
            let control = self.control.clone();
            Promise::new(&mut |resolve, reject| {
                let answer = Box::new(move |outcome: Result<String, String>| settle(&resolve, &reject, outcome.map(JsValue::from)));
                control.send(Command::Offline { answer });
            })
        }
    }

    fn settle(resolve: &Function, reject: &Function, outcome: Result<JsValue, String>) {
        let _ = match outcome {
            Ok(value) => resolve.call1(&JsValue::NULL, &value),
            Err(reason) => reject.call1(&JsValue::NULL, &js_sys::Error::new(&reason)),
        };
    }

    /// Renders a reader into `root` (a node inside the element's shadow root).
    ///
    /// `src` is the corpus URL, already resolved against the host page;
    /// `routing`, `theme` and `lang` are the element's attributes as given
    /// (null when absent); `offline_editions` how many of an archive's
    /// newest editions to keep for offline reading (`"0"` for none, 1 when
    /// null or not a number); `preload` the loader's head start on an
    /// archive's first view (`{ root, response, edition }`, or null: see
    /// `broadsheet::ui::archive::preload`); `on_event(name, detailJson)`
    /// dispatches the reader's events on the element.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        src: String,
        routing: Option<String>,
        theme: Option<String>,
        lang: Option<String>,
        offline_editions: Option<String>,
        preload: JsValue,
        on_event: Function,
    ) -> ReaderHandle {
        broadsheet::ui::archive::preload::register(&preload);
        let control = Control::new(move |notice| {
            if let Ok(detail) = serde_json::to_string(notice) {
                let _ = on_event.call2(&JsValue::NULL, &notice.event_name().into(), &detail.into());
            }
        });
        let props = AppProps {
            src: src.into(),
            routing: Routing::from_attribute(routing.as_deref()),
            theme: Theme::from_attribute(theme.as_deref()),
            ui_lang: lang.filter(|lang| !lang.trim().is_empty()).map(Into::into),
            control: control.clone(),
            offline_editions: offline_editions.and_then(|count| count.trim().parse().ok()).unwrap_or(1),
        };
        ReaderHandle { app: Some(yew::Renderer::<App>::with_root_and_props(root, props).render()), control }
    }

    thread_local! {
        static PANIC_HANDLER: RefCell<Option<Function>> = const { RefCell::new(None) };
    }

    /// Installs the panic hook: a panic is logged to the console and its
    /// message handed to `handler` (the loader shows the error panel in
    /// every reader and dispatches `broadsheet:error`). Without it a panic
    /// would only trap, silently.
    #[wasm_bindgen]
    pub fn set_panic_handler(handler: Function) {
        let first = PANIC_HANDLER.with(|slot| slot.replace(Some(handler)).is_none());
        if first {
            std::panic::set_hook(Box::new(|info| {
                let message = info.to_string();
                web_sys::console::error_1(&format!("Broadsheet: {message}").into());
                let handler = PANIC_HANDLER.with(|slot| slot.try_borrow().ok().and_then(|slot| slot.clone()));
                if let Some(handler) = handler {
                    let _ = handler.call1(&JsValue::NULL, &message.into());
                }
            }));
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet-widget is the widget's wasm entry: build it with `make build`");
}
