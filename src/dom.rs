//! Browser glue several parts share.

/// The page's elements matching `selector`, in document order (none for a bad selector).
pub fn elements(selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Ok(list) = leptos::prelude::document().query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Sets the document title: "Post · Site", or the site title alone. The build tool writes the
/// same title into each prerendered page.
pub fn set_title(page: Option<&str>, site: &str) {
    let title = quire_core::url::page_title(page, site);
    if !title.is_empty() {
        leptos::prelude::document().set_title(&title);
    }
}
