//! `/posts/*path`: a post (`/posts/a/`, `/posts/rust/intro/`), or a section's index
//! (`/posts/rust/`, `/posts/rust/page/2/`). The site lists its sections, so which one an address
//! is needs no request.

use crate::routes::{article::Article, index::SectionIndex};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PostsPath() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let section = Memo::new(move |_| {
        let path = params.read().get("slug").unwrap_or_default();
        let path = path.trim_matches('/');
        let (section, page) = match path.rsplit_once("/page/") {
            Some((s, n)) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => (s, n),
                _ => (path, 1),
            },
            None => (path, 1),
        };
        app.has_section(section)
            .then(|| (section.to_string(), page))
    });
    // Only a change between a post and a section makes a new view: moving from post to post
    // keeps the article (and its state) as before.
    let is_section = Memo::new(move |_| section.get().is_some());
    move || {
        if is_section.get() {
            let at = Memo::new(move |_| section.get().unwrap_or_default());
            view! { <SectionIndex at /> }.into_any()
        } else {
            view! { <Article /> }.into_any()
        }
    }
}
