//! The app rendered to HTML outside a browser (`ssr`): the build's prerenderer writes every
//! route with it, and the preview renders a draft with it, so a page and its preview are the
//! same components' output.

use crate::app::App;
use crate::state::Initial;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

/// The app's markup for one URL (`/blog/posts/a/`), from the state the browser will start with.
pub fn render_route(initial: Initial, path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        view! { <App initial /> }.to_html()
    })
}
