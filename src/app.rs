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

/// The base path trunk wrote into `<base href>` (from `--public-url`).
fn detect_base() -> String {
    let href = document()
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_default();
    quire_core::url::normalize_base(&href)
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
                    <A href="/" attr:class="site-title">
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
                <p>"Made with " <a href="https://github.com/">"quire"</a></p>
            </footer>
        </Router>
    }
}
