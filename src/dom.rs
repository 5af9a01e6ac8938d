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

/// The `content` of the page's `<meta name="…">`: what the build tells the app (the base
/// path, the workers' versioned addresses).
pub fn meta(name: &str) -> Option<String> {
    leptos::prelude::document()
        .query_selector(&format!("meta[name={name}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// A worker's script: the versioned address the build put in the page's `<meta name>`, or
/// trunk's own name for it (a build the tool did not finish).
pub fn worker_script(base: &str, meta_name: &str, trunk_name: &str) -> String {
    let src = meta(meta_name).unwrap_or_else(|| trunk_name.to_string());
    format!("{base}/{src}")
}

/// Sets the document title: "Post · Site", or the site title alone. The build tool writes the
/// same title into each prerendered page.
pub fn set_title(page: Option<&str>, site: &str) {
    let title = quire_core::url::page_title(page, site);
    if !title.is_empty() {
        leptos::prelude::document().set_title(&title);
    }
}
