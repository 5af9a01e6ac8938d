//! "Copy" buttons on code blocks. Added to the DOM by the app (a page without JavaScript has no
//! dead buttons), with one delegated click handler for the whole document.

use leptos::prelude::*;
use quire_core::strings::Strings;

/// Gives every code block in the article a Copy button (once).
pub fn add_buttons(say: &Strings) {
    for pre in crate::dom::elements(".prose pre:not([data-copy])") {
        let _ = pre.set_attribute("data-copy", "");
        if let Ok(button) = document().create_element("button") {
            let _ = button.set_attribute("type", "button");
            let _ = button.set_attribute("class", "copy-code");
            let _ = button.set_attribute("aria-label", &say.copy_code);
            button.set_text_content(Some(&say.copy));
            let _ = pre.prepend_with_node_1(&button);
        }
    }
}

/// One listener for every Copy button, present and future.
pub fn install_handler(say: &'static Strings) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".copy-code").ok().flatten())
        else {
            return;
        };
        let text = button
            .parent_element()
            .and_then(|pre| pre.query_selector("code").ok().flatten())
            .and_then(|code| code.text_content())
            .unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            button.set_text_content(Some(if done { &say.copied } else { &say.copy_failed }));
            let reset = Closure::once_into_js(move || button.set_text_content(Some(&say.copy)));
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(reset.unchecked_ref(), 1500);
        });
    });
    let _ = document().add_event_listener_with_callback("click", handler.as_ref().unchecked_ref());
    handler.forget();
}
