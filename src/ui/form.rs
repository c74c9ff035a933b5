//! What a form control holds, read from the event it fired: the search
//! filters' menus and date inputs, the offline panel's range of dates.

use yew::prelude::*;

/// The value of the input or menu that fired `event`.
#[cfg(target_arch = "wasm32")]
pub fn control_value(event: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = event.target();
    if let Some(input) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>()) {
        return input.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|select| select.value()).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
pub fn control_value(_event: &Event) -> String {
    String::new()
}
