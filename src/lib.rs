//! quire's WASM app: a Leptos client-side app that reads the manifest the build tool wrote,
//! fetches posts' Markdown and renders them with the core's pipeline.
//!
//! A library so its components can be tested in a browser by wasm-bindgen-test; `main.rs`
//! only mounts it.

pub mod api;
pub mod app;
pub mod components;
pub mod load;
pub mod routes;

/// Mounts the app into the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
