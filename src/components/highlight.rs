//! Opening a search result: the article scrolls to the first word the search matched and
//! flashes it (`/posts/x/?highlight=python+backend`; the terms are the index's folded forms).

/// The terms a `highlight` query value holds.
pub fn terms(value: &str) -> Vec<String> {
    quire_core::search::terms(value).collect()
}

/// Marks the first match in the article's text (its body first, then its header) with
/// `<mark class="search-match">` and scrolls it to the middle of the screen. `false` when
/// the article does not contain any of the terms.
pub fn mark_first(terms: &[String]) -> bool {
    use leptos::prelude::document;
    for selector in [".article .prose", ".article .article-header"] {
        let Ok(Some(root)) = document().query_selector(selector) else {
            continue;
        };
        if let Some(mark) = mark_in(&root, terms) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&opts);
            return true;
        }
    }
    false
}

fn mark_in(root: &web_sys::Element, terms: &[String]) -> Option<web_sys::Element> {
    use leptos::prelude::document;
    // NodeFilter.SHOW_TEXT
    let walker = document()
        .create_tree_walker_with_what_to_show(root, 4)
        .ok()?;
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.text_content().unwrap_or_default();
        let Some(range) = quire_core::search::first_match(&text, terms) else {
            continue;
        };
        // DOM offsets count UTF-16 units.
        let start = text[..range.start].encode_utf16().count() as u32;
        let end = start + text[range].encode_utf16().count() as u32;
        let dom_range = document().create_range().ok()?;
        dom_range.set_start(&node, start).ok()?;
        dom_range.set_end(&node, end).ok()?;
        let mark = document().create_element("mark").ok()?;
        mark.set_class_name("search-match");
        dom_range.surround_contents(&mark).ok()?;
        return Some(mark);
    }
    None
}
