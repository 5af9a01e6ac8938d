//! The `/` key: opens search from any page, unless the reader is typing somewhere; and the
//! header's Search link, which remembers the page for Escape to return to.

use crate::href::search_href;
use crate::search::Search;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header's Search link.
#[component]
pub fn SearchLink() -> impl IntoView {
    let search = crate::search::use_search();
    view! {
        <A href=search_href() attr:class="site-nav-link search-link" attr:aria-keyshortcuts="/" on:click=move |_| remember_page(search)>
            {crate::state::words().search.as_str()}
            <kbd class="search-key" aria-hidden="true">"/"</kbd>
        </A>
    }
}

/// Remembers the page search is opened from, for Escape to return to.
fn remember_page(search: Search) {
    let l = window().location();
    let here = format!(
        "{}{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
        l.hash().unwrap_or_default()
    );
    if !here.trim_end_matches('/').ends_with("/search") {
        search.came_from.set_value(Some(here));
    }
}

/// The `/` key opens search from any page, unless the reader is typing somewhere.
#[component]
pub fn SearchShortcut() -> impl IntoView {
    let search_route = search_href();
    let navigate = leptos_router::hooks::use_navigate();
    let search = crate::search::use_search();
    // In an effect: effects never run while prerendering, where there is no window.
    Effect::new(move |_| {
        let navigate = navigate.clone();
        let search_route = search_route.clone();
        let handle = window_event_listener(leptos::ev::keydown, move |e| {
            if e.key() != "/"
                || e.ctrl_key()
                || e.meta_key()
                || e.alt_key()
                || e.default_prevented()
            {
                return;
            }
            let typing = document().active_element().is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
            if typing {
                return;
            }
            e.prevent_default();
            if let Some(input) = document().get_element_by_id("search-input") {
                use wasm_bindgen::JsCast;
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            } else {
                remember_page(search);
                navigate(&search_route, crate::href::go());
            }
        });
        on_cleanup(move || handle.remove());
    });
}
