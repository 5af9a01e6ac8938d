//! quire's WASM app: a Leptos client-side app that reads the manifest the build tool wrote,
//! fetches posts' Markdown and renders them with the core's pipeline.
//!
//! A library so its components can be tested in a browser by wasm-bindgen-test and rendered to
//! HTML by the build tool (`ssr` feature); `main.rs` only mounts it.

pub mod analytics;
pub mod api;
pub mod app;
pub mod components;
pub mod dom;
#[cfg(not(feature = "ssr"))]
pub mod focus;
pub mod href;
pub mod load;
pub mod offline;
#[cfg(not(feature = "ssr"))]
pub mod prefetch;
pub mod render;
pub mod routes;
pub mod search;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;
#[cfg(not(feature = "ssr"))]
pub mod takeover;

/// Reads the prerendered page's state, the first of the takeover's two tasks.
#[cfg(not(feature = "ssr"))]
pub fn prepare() {
    console_error_panic_hook::set_once();
    takeover::prepare();
}

/// Starts the app in the browser, taking over the page the build prerendered.
#[cfg(not(feature = "ssr"))]
pub fn mount() {
    console_error_panic_hook::set_once();
    takeover::mount();
}
