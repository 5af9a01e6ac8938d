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

pub mod archive;
pub mod article;
pub mod author;
pub mod index;
pub mod page;
pub mod search;
pub mod tags;
