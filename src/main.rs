//! quire's WASM app: mounts the Leptos view tree into the page trunk built.

mod api;
mod app;
mod components;
mod load;
mod routes;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
