//! The wasm entry of the widget: `www/broadsheet.js` loads this module and
//! calls [`mount`] for every `<broadsheet-reader>` element.

#[cfg(target_arch = "wasm32")]
mod widget {
    use broadsheet::ui::app::{App, AppProps};
    use broadsheet::ui::options::{Routing, Theme};
    use wasm_bindgen::prelude::*;

    /// A mounted reader, held by its `<broadsheet-reader>` element.
    #[wasm_bindgen]
    pub struct ReaderHandle {
        app: Option<yew::AppHandle<App>>,
    }

    #[wasm_bindgen]
    impl ReaderHandle {
        /// Unmounts the reader: the element was removed or its corpus changed.
        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
        }
    }

    /// Renders a reader into `root` (a node inside the element's shadow root).
    ///
    /// `src` is the corpus URL, already resolved against the host page;
    /// `routing`, `theme` and `lang` are the element's attributes as given
    /// (null when absent).
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        src: String,
        routing: Option<String>,
        theme: Option<String>,
        lang: Option<String>,
    ) -> ReaderHandle {
        let props = AppProps {
            src: src.into(),
            routing: Routing::from_attribute(routing.as_deref()),
            theme: Theme::from_attribute(theme.as_deref()),
            ui_lang: lang.filter(|lang| !lang.trim().is_empty()).map(Into::into),
        };
        ReaderHandle { app: Some(yew::Renderer::<App>::with_root_and_props(root, props).render()) }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet-widget is the widget's wasm entry: build it with `make build`");
}
