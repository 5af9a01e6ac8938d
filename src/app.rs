//! The app shell: router, layout, and the state every route shares (base path, manifest).

use crate::api;
use crate::load::{Load, Loader};
use crate::routes::{article::Article, index::Index, not_found::NotFound};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use quire_core::manifest::Manifest;
use std::collections::HashMap;
use std::sync::Arc;

/// Shared by all routes through context.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// `""` or `"/blog"`: trunk's public URL without its trailing slash.
    pub base: &'static str,
    pub manifest: Loader<Arc<Manifest>>,
    /// Rendered article HTML by content hash, so going back to a post costs no fetch.
    pub articles: StoredValue<HashMap<String, String>>,
}

impl AppContext {
    pub fn load_manifest(&self) {
        let base = self.base;
        self.manifest
            .run(async move { api::manifest(base).await.map(Arc::new) });
    }

    pub fn site_title(&self) -> String {
        match self.manifest.state.get() {
            Load::Ready(m) => m.site.title.clone(),
            _ => String::new(),
        }
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// leptos_router's `<A>` leaves root-relative hrefs alone (it does not prepend the router's
/// base), so every in-app link is built with the base included.
pub fn home() -> String {
    quire_core::url::home(use_app().base)
}

pub fn post_href(slug: &str) -> String {
    quire_core::url::post_route(use_app().base, slug)
}

/// Sets the document title: "Post · Site", or the site title alone.
pub fn set_title(page: Option<&str>, site: &str) {
    let title = match (page, site.is_empty()) {
        (Some(p), false) => format!("{p} · {site}"),
        (Some(p), true) => p.to_string(),
        (None, _) => site.to_string(),
    };
    if !title.is_empty() {
        document().set_title(&title);
    }
}

/// The base path the build tool wrote into the page (trunk's `--public-url`). Not a `<base>`
/// element: that would make every `#fragment` link in a post point at the home page.
fn detect_base() -> String {
    let content = document()
        .query_selector(&format!("meta[name={}]", quire_core::url::BASE_META))
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("content"))
        .unwrap_or_default();
    quire_core::url::normalize_base(&content)
}

#[component]
pub fn App() -> impl IntoView {
    let base: &'static str = Box::leak(detect_base().into_boxed_str());
    let app = AppContext {
        base,
        manifest: Loader::new(),
        articles: StoredValue::new(HashMap::new()),
    };
    provide_context(app);
    app.load_manifest();

    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <nav aria-label="Site">
                    <A href=home() attr:class="site-title">
                        {move || {
                            let t = app.site_title();
                            if t.is_empty() { "quire".to_string() } else { t }
                        }}
                    </A>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Index />
                    <Route path=path!("/posts/:slug") view=Article />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Written in Markdown, rendered in WebAssembly by quire."</p>
            </footer>
        </Router>
    }
}
