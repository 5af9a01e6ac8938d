//! One file per route; `app.rs` holds the table.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route's path parameter (`:slug`, `*path`), without the trailing slash the prerendered
/// addresses end with.
pub fn param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get(name)
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string()
    })
}

/// A route whose code a split build (the `split` feature) loads on demand: `$route()` is its
/// view for the route table, and `$view` the function split off with it (`#[lazy]`), whose
/// module [`preload`] fetches. Without the feature (prerendering, tests) it is the component.
macro_rules! lazy_route {
    ($(#[$doc:meta])* $route:ident, $view:ident => $component:ident) => {
        #[cfg(feature = "split")]
        #[leptos::lazy]
        pub fn $view() -> leptos::prelude::AnyView {
            leptos::prelude::IntoAny::into_any($component())
        }

        $(#[$doc])*
        pub fn $route() -> impl leptos::prelude::IntoView {
            #[cfg(feature = "split")]
            return super::later($view());
            #[cfg(not(feature = "split"))]
            $component()
        }
    };
}
pub(crate) use lazy_route;

/// A view from a module still loading: nothing until it is there (the takeover loads the
/// current route's first, links prefetch theirs on hover, so a reader seldom waits).
#[cfg(feature = "split")]
pub fn later(view: impl std::future::Future<Output = AnyView> + Send + 'static) -> impl IntoView {
    Suspend::new(view)
}

/// Loads the module of the route at `path` (an address as links and the location spell it,
/// base included: `/blog/search/`, `/blog/tags/rust/`) when it has one of its own; at once
/// otherwise, and for an address outside the base.
pub async fn preload(base: &str, path: &str) {
    let Some(route) = path.strip_prefix(base) else {
        return;
    };
    #[cfg(feature = "split")]
    match route
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
    {
        "search" => search::__preload_search_view().await,
        "archive" => archive::__preload_archive_view().await,
        "tags" | "categories" | "series" => tags::__preload_tags_view().await,
        "authors" => author::__preload_author_view().await,
        _ => {}
    }
    #[cfg(not(feature = "split"))]
    let _ = route;
}

pub mod archive;
pub mod article;
pub mod author;
pub mod index;
pub mod page;
pub mod search;
pub mod tags;
