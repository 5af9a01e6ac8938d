//! The app shell: router, layout, and the state every route shares (base path, manifest).
//!
//! The same `App` runs in two places: in the browser (CSR), and in the build tool, which renders
//! it to HTML for every route (`ssr` feature). Both start from an [`Initial`] state, so the page
//! the build wrote and the app's first view are the same DOM, and the takeover shows no change.

use crate::api;
use crate::load::{Load, Loader};
use crate::routes::{article::Article, index::Index, not_found::NotFound};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use quire_core::manifest::{Manifest, PostEntry, Site};
use std::collections::HashMap;
use std::sync::Arc;

/// What the app starts with.
#[derive(Clone, Default)]
pub struct Initial {
    /// `""` or `"/blog"`: trunk's public URL without its trailing slash.
    pub base: String,
    /// The site's settings, when the page carries them.
    pub site: Option<Site>,
    /// The manifest, when the page carries it (the index does); else the app fetches it when a
    /// view needs it.
    pub manifest: Option<Arc<Manifest>>,
    /// Posts the page describes without the whole manifest (an article page: its own).
    pub posts: Vec<PostEntry>,
    /// Rendered article HTML by content hash.
    pub articles: HashMap<String, String>,
}

/// Shared by all routes through context.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub base: &'static str,
    site: StoredValue<Option<Site>>,
    pub manifest: Loader<Arc<Manifest>>,
    manifest_requested: StoredValue<bool>,
    /// Entries known before the manifest is (from the page).
    known: StoredValue<Vec<PostEntry>>,
    /// Rendered article HTML by content hash, so going back to a post costs no fetch.
    pub articles: StoredValue<HashMap<String, String>>,
}

impl AppContext {
    /// (Re)loads the manifest.
    pub fn load_manifest(&self) {
        self.manifest_requested.set_value(true);
        let base = self.base;
        self.manifest
            .run(async move { api::manifest(base).await.map(Arc::new) });
    }

    /// Loads the manifest unless it is loaded or on its way.
    pub fn need_manifest(&self) {
        if !self.manifest_requested.get_value() {
            self.load_manifest();
        }
    }

    pub fn site_title(&self) -> String {
        match self.manifest.state.get() {
            Load::Ready(m) => m.site.title.clone(),
            _ => self
                .site
                .with_value(|s| s.as_ref().map(|s| s.title.clone()))
                .unwrap_or_default(),
        }
    }

    /// A post's entry without waiting for the manifest, if the page described it.
    pub fn known_post(&self, slug: &str) -> Option<PostEntry> {
        self.known
            .with_value(|k| k.iter().find(|p| p.slug == slug).cloned())
    }

    pub fn cached_article(&self, hash: &str) -> Option<String> {
        self.articles.with_value(|c| c.get(hash).cloned())
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

/// Sets the document title: "Post · Site", or the site title alone. The build tool writes the
/// same title into each prerendered page.
pub fn set_title(page: Option<&str>, site: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        let title = quire_core::url::page_title(page, site);
        if !title.is_empty() {
            document().set_title(&title);
        }
    }
    #[cfg(feature = "ssr")]
    let _ = (page, site);
}

#[component]
pub fn App(initial: Initial) -> impl IntoView {
    let base: &'static str = Box::leak(initial.base.into_boxed_str());
    let app = AppContext {
        base,
        site: StoredValue::new(initial.site),
        manifest: Loader::new(),
        manifest_requested: StoredValue::new(false),
        known: StoredValue::new(initial.posts),
        articles: StoredValue::new(initial.articles),
    };
    provide_context(app);
    if let Some(m) = initial.manifest {
        app.manifest_requested.set_value(true);
        app.manifest.set(Load::Ready(m));
    }

    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <nav aria-label="Site">
                    <A href=home() exact=true attr:class="site-title">
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
