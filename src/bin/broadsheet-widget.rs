//! The wasm entry of the widget: `www/broadsheet.js` loads this module and
//! calls [`mount`] for every `<broadsheet-reader>` element.

#[cfg(target_arch = "wasm32")]
mod widget {
    use broadsheet::ui::app::{App, AppProps};
    use wasm_bindgen::prelude::*;

    /// Renders a reader into `root` (a node inside the element's shadow root),
    /// loading the corpus from `src`, an absolute URL.
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, src: String) {
        yew::Renderer::<App>::with_root_and_props(root, AppProps { src: src.into() }).render();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet-widget is the widget's wasm entry: build it with `make build`");
}
