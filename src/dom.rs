//! Browser glue several parts share.

/// The page's elements matching `selector`, in document order (none for a bad selector).
#[cfg(not(feature = "ssr"))]
pub fn elements(selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Ok(list) = leptos::prelude::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}
