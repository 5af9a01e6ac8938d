//! Every address the app links to, with the base path included: leptos_router's `<A>` leaves
//! root-relative hrefs alone (it does not prepend the router's base). The paths themselves come
//! from `quire_core::url`, which the build tool uses too.

use crate::state::AppContext;
use leptos::prelude::use_context;
use leptos_router::NavigateOptions;
use quire_core::url;

/// The base path, `""` outside the app (a component rendered on its own).
fn base() -> &'static str {
    use_context::<AppContext>().map_or("", |a| a.base)
}

pub fn home() -> String {
    url::home(base())
}

pub fn post_href(slug: &str) -> String {
    url::post_route(base(), slug)
}

pub fn tags_href() -> String {
    url::tags_route(base())
}

pub fn tag_href(slug: &str) -> String {
    url::tag_route(base(), slug)
}

pub fn category_href(slug: &str) -> String {
    url::category_route(base(), slug)
}

pub fn series_href(slug: &str) -> String {
    url::series_route(base(), slug)
}

pub fn archive_href() -> String {
    url::archive_route(base())
}

pub fn author_href(id: &str) -> String {
    url::author_route(base(), id)
}

pub fn search_href() -> String {
    url::search_route(base())
}

pub fn page_href(page: usize) -> String {
    url::index_route(base(), page)
}

/// Navigation to an address that already holds the base path (leptos_router would add it
/// again).
pub fn go() -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        ..NavigateOptions::default()
    }
}
