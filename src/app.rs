//! The app shell: router, layout, and the state every route shares.
//!
//! The same `App` runs in two places: in the browser (CSR), and in the build tool, which renders
//! it to HTML for every route (`ssr` feature). Both start from an [`Initial`] state, so the page
//! the build wrote and the app's first view are the same DOM, and the takeover shows no change.
//! The app never needs the whole manifest: an index page loads its page of entries
//! (`index/<n>.json`), an article its own data (`posts/<slug>.json`), each once.

use crate::routes::{
    article::Article,
    index::Index,
    not_found::NotFound,
    search::SearchPage,
    tags::{Tag, Tags},
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use quire_core::manifest::{ListPage, PostData, PostEntry, Site, TagList, TagPage};
use std::collections::HashMap;

/// What the app starts with.
#[derive(Clone, Default)]
pub struct Initial {
    /// `""` or `"/blog"`: trunk's public URL without its trailing slash.
    pub base: String,
    /// The site's settings, when the page carries them.
    pub site: Option<Site>,
    /// Index pages the page carries (by number).
    pub lists: Vec<ListPage>,
    /// Articles' data the page carries.
    pub posts: Vec<PostData>,
    /// Rendered article HTML by content hash.
    pub articles: HashMap<String, String>,
    /// The tag list, on `/tags/`.
    pub tags: Option<TagList>,
    /// Tag pages the page carries.
    pub tag_pages: Vec<TagPage>,
}

/// Shared by all routes through context: what has been loaded so far, so nothing is fetched
/// twice and going back costs nothing.
#[derive(Clone, Copy)]
pub struct AppContext {
    pub base: &'static str,
    site: RwSignal<Option<Site>>,
    lists: StoredValue<HashMap<usize, ListPage>>,
    posts: StoredValue<HashMap<String, PostData>>,
    /// Entries seen in index pages, so an article's header shows before its data arrives.
    entries: StoredValue<HashMap<String, PostEntry>>,
    /// Rendered article HTML by content hash.
    articles: StoredValue<HashMap<String, String>>,
    /// Article Markdown being fetched, by content hash, so one request serves whoever asks.
    bodies: StoredValue<HashMap<String, crate::api::Body>, LocalStorage>,
    tag_list: StoredValue<Option<TagList>>,
    tag_pages: StoredValue<HashMap<String, TagPage>>,
}

impl AppContext {
    pub fn site_title(&self) -> String {
        self.site
            .with(|s| s.as_ref().map(|s| s.title.clone()))
            .unwrap_or_default()
    }

    pub fn site_description(&self) -> String {
        self.site
            .with(|s| s.as_ref().map(|s| s.description.clone()))
            .unwrap_or_default()
    }

    fn learn_site(&self, site: &Site) {
        if self.site.with_untracked(|s| s.as_ref() != Some(site)) {
            self.site.set(Some(site.clone()));
        }
    }

    pub fn cached_list(&self, page: usize) -> Option<ListPage> {
        self.lists.with_value(|l| l.get(&page).cloned())
    }

    pub fn remember_list(&self, list: &ListPage) {
        self.learn_site(&list.site);
        self.entries.update_value(|e| {
            for p in &list.posts {
                e.insert(p.slug.clone(), p.clone());
            }
        });
        self.lists
            .update_value(|l| _ = l.insert(list.page, list.clone()));
    }

    pub fn cached_post(&self, slug: &str) -> Option<PostData> {
        self.posts.with_value(|p| p.get(slug).cloned())
    }

    pub fn remember_post(&self, data: &PostData) {
        self.learn_site(&data.site);
        self.posts
            .update_value(|p| _ = p.insert(data.entry.slug.clone(), data.clone()));
    }

    /// A post's entry, if an index page or the post's data has shown it.
    pub fn known_entry(&self, slug: &str) -> Option<PostEntry> {
        self.cached_post(slug)
            .map(|d| d.entry)
            .or_else(|| self.entries.with_value(|e| e.get(slug).cloned()))
    }

    pub fn cached_tag_list(&self) -> Option<TagList> {
        self.tag_list.get_value()
    }

    pub fn remember_tag_list(&self, list: &TagList) {
        self.learn_site(&list.site);
        self.tag_list.set_value(Some(list.clone()));
    }

    pub fn cached_tag_page(&self, slug: &str) -> Option<TagPage> {
        self.tag_pages.with_value(|t| t.get(slug).cloned())
    }

    pub fn remember_tag_page(&self, page: &TagPage) {
        self.learn_site(&page.site);
        self.tag_pages
            .update_value(|t| _ = t.insert(page.tag.slug.clone(), page.clone()));
    }

    pub fn cached_article(&self, hash: &str) -> Option<String> {
        self.articles.with_value(|c| c.get(hash).cloned())
    }

    pub fn remember_article(&self, hash: &str, html: &str) {
        self.articles
            .update_value(|c| _ = c.insert(hash.to_string(), html.to_string()));
    }

    /// The post's Markdown body: the request already in flight for it, or a new one.
    pub fn body(&self, entry: &PostEntry) -> crate::api::Body {
        self.markdown(&entry.slug, &entry.hash, &entry.title)
    }

    /// [`Self::body`] by the post's slug, content hash and title (what search results know).
    pub fn markdown(&self, slug: &str, hash: &str, title: &str) -> crate::api::Body {
        let base = self.base;
        let key = hash.to_string();
        if let Some(b) = self.bodies.with_value(|m| m.get(&key).cloned()) {
            return b;
        }
        let body = crate::api::body(base, slug.into(), key.clone(), title.into());
        self.bodies
            .update_value(|m| _ = m.insert(key, body.clone()));
        body
    }

    /// Drops a finished request, so the next [`Self::body`] asks the network again (Retry).
    pub fn forget_body(&self, hash: &str) {
        self.bodies.update_value(|m| _ = m.remove(hash));
    }
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// The base path, `""` outside the app (a component rendered on its own).
fn base() -> &'static str {
    use_context::<AppContext>().map_or("", |a| a.base)
}

/// leptos_router's `<A>` leaves root-relative hrefs alone (it does not prepend the router's
/// base), so every in-app link is built with the base included.
pub fn home() -> String {
    quire_core::url::home(base())
}

pub fn post_href(slug: &str) -> String {
    quire_core::url::post_route(base(), slug)
}

pub fn tags_href() -> String {
    quire_core::url::tags_route(base())
}

pub fn tag_href(slug: &str) -> String {
    quire_core::url::tag_route(base(), slug)
}

pub fn search_href() -> String {
    quire_core::url::search_route(base())
}

pub fn page_href(page: usize) -> String {
    quire_core::url::index_route(base(), page)
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
        site: RwSignal::new(initial.site),
        lists: StoredValue::new(HashMap::new()),
        posts: StoredValue::new(HashMap::new()),
        entries: StoredValue::new(HashMap::new()),
        articles: StoredValue::new(initial.articles),
        bodies: StoredValue::new_local(HashMap::new()),
        tag_list: StoredValue::new(None),
        tag_pages: StoredValue::new(HashMap::new()),
    };
    if let Some(t) = &initial.tags {
        app.remember_tag_list(t);
    }
    for t in &initial.tag_pages {
        app.remember_tag_page(t);
    }
    for list in &initial.lists {
        app.remember_list(list);
    }
    for post in &initial.posts {
        app.remember_post(post);
    }
    provide_context(app);
    let search = crate::search::Search::new(app);
    provide_context(search);

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
                    <A href=tags_href() exact=true attr:class="site-nav-link">
                        "Tags"
                    </A>
                    <A href=search_href() attr:class="site-nav-link search-link" attr:aria-keyshortcuts="/" on:click=move |_| remember_page(search)>
                        "Search"
                        <kbd class="search-key" aria-hidden="true">"/"</kbd>
                    </A>
                    <SearchShortcut />
                    <crate::components::theme_toggle::ThemeToggle />
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Index />
                    <Route path=path!("/page/:page") view=Index />
                    <Route path=path!("/posts/:slug") view=Article />
                    <Route path=path!("/tags") view=Tags />
                    <Route path=path!("/tags/:tag") view=Tag />
                    <Route path=path!("/search") view=SearchPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Written in Markdown, rendered in WebAssembly by quire."</p>
            </footer>
        </Router>
    }
}

/// Remembers the page search is opened from, for Escape to return to.
fn remember_page(search: crate::search::Search) {
    #[cfg(not(feature = "ssr"))]
    {
        let l = window().location();
        let here = format!(
            "{}{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default(),
            l.hash().unwrap_or_default()
        );
        if !here.trim_end_matches('/').ends_with("/search") {
            search.came_from.set_value(Some(here));
        }
    }
    #[cfg(feature = "ssr")]
    let _ = search;
}

/// The `/` key opens search from any page, unless the reader is typing somewhere.
#[component]
fn SearchShortcut() -> impl IntoView {
    #[cfg(not(feature = "ssr"))]
    {
        let search_route = search_href();
        let navigate = leptos_router::hooks::use_navigate();
        let search = crate::search::use_search();
        let handle = window_event_listener(leptos::ev::keydown, move |e| {
            if e.key() != "/"
                || e.ctrl_key()
                || e.meta_key()
                || e.alt_key()
                || e.default_prevented()
            {
                return;
            }
            let typing = document().active_element().is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
            if typing {
                return;
            }
            e.prevent_default();
            if let Some(input) = document().get_element_by_id("search-input") {
                use wasm_bindgen::JsCast;
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            } else {
                remember_page(search);
                navigate(&search_route, crate::routes::search::go());
            }
        });
        on_cleanup(move || handle.remove());
    }
}
