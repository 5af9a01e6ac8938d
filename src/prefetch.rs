//! A post's data and Markdown, fetched while the reader's pointer is on a link to it, so the
//! click that follows renders at once (the same requests the article would make, into the
//! app's one cache: `AppContext`). A link to a route whose code is a module of its own (a
//! split build) fetches that module.

use crate::state::{AppContext, Data};
use leptos::prelude::*;
use quire_core::manifest::PostData;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::{closure::Closure, JsCast};

thread_local! {
    /// Slugs already asked for: one prefetch per post per visit.
    static ASKED: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Listens for pointers over links, once the app runs.
pub fn install(app: AppContext) {
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let href = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|a| a.get_attribute("href"));
        let Some(href) = href else { return };
        if let Some(slug) = post_slug(app.base, &href) {
            if !app.has_section(slug) {
                prefetch(app, slug.to_string());
            }
        } else {
            // A route with a module of its own (a split build): its code, before the click.
            leptos::task::spawn_local(async move { crate::routes::preload(app.base, &href).await });
        }
    });
    let _ = document()
        .add_event_listener_with_callback("pointerover", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// The post a root-relative link leads to (`/blog/posts/a/` → `a`), if it leads to one.
fn post_slug<'a>(base: &str, href: &'a str) -> Option<&'a str> {
    let rest = href.strip_prefix(base)?.strip_prefix("/posts/")?;
    let slug = rest.strip_suffix('/').unwrap_or(rest);
    (!slug.is_empty() && !slug.contains(['#', '?']) && !slug.contains("/page/")).then_some(slug)
}

fn prefetch(app: AppContext, slug: String) {
    if !ASKED.with(|a| a.borrow_mut().insert(slug.clone())) {
        return;
    }
    if let Some(entry) = app.known_entry(&slug) {
        fetch_body(app, &entry);
    }
    let path = quire_core::url::post_data_path(&slug);
    if app.cached::<PostData>(&path).is_some() {
        return;
    }
    leptos::task::spawn_local(async move {
        let what = PostData::NOUN.words(app.strings()).0;
        let text = crate::api::data_text(app.base, &path, what, true).await;
        let read = |t: String| crate::api::read::<PostData>(&t, what);
        if let Ok(Some(data)) = text.and_then(|t| t.map(read).transpose()) {
            app.remember(&data);
            fetch_body(app, &data.entry);
        }
    });
}

/// Starts the body's request (a shared future does nothing until polled); the article later
/// awaits the same one from the app's cache.
fn fetch_body(app: AppContext, entry: &quire_core::manifest::PostEntry) {
    let body = app.body(entry);
    leptos::task::spawn_local(async move {
        let _ = body.await;
    });
}

#[cfg(test)]
mod tests {
    use super::post_slug;

    #[test]
    fn only_links_to_posts_are_prefetched() {
        assert_eq!(post_slug("/blog", "/blog/posts/a/"), Some("a"));
        assert_eq!(post_slug("", "/posts/rust/intro/"), Some("rust/intro"));
        assert_eq!(post_slug("", "/posts/a/#setup"), None);
        assert_eq!(post_slug("", "/posts/rust/page/2/"), None);
        assert_eq!(post_slug("", "/tags/"), None);
        assert_eq!(post_slug("/blog", "/posts/a/"), None);
    }
}
