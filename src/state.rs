//! What the app knows: where it is deployed, the site, and every piece of route data it has
//! loaded, kept so nothing is fetched twice and going back costs nothing.
//!
//! The same state starts the app in the browser and in the build tool's prerenderer: both
//! build an [`Initial`] from the [`PageData`] a page embeds, so the page the build wrote and the
//! app's first view are the same DOM.

use crate::api::Body;
use leptos::prelude::*;
use quire_core::manifest::{
    Archive, AuthorPage, CategoryPage, ListPage, PageData, PostData, PostEntry, RedirectMap,
    RouteData, SeriesPage, Site, StandalonePage, TagList, TagPage,
};
use quire_core::strings::Words;
use quire_core::url::{BASE_META, DATA_ID, ROOT_ID};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

/// What the app starts with: the base path and what the page carries.
#[derive(Clone, Default)]
pub struct Initial {
    /// `""` or `"/blog"`: trunk's public URL without its trailing slash.
    pub base: String,
    /// The data the page embeds, if any.
    pub page: Option<PageData>,
    /// Rendered article HTML by content hash.
    pub articles: HashMap<String, String>,
}

/// Reading the state a page holds: the page the app starts on (`takeover`), or, with the
/// network down, one the service worker kept (`load::use_data`).
impl Initial {
    /// The page the service worker kept for the current address, read as the page the app starts
    /// on is. With the network down it holds what a route's data file would (the reader loaded
    /// that page in full, so its data file was never fetched). `None` when it was not kept.
    pub async fn kept() -> Option<Initial> {
        let href = leptos::prelude::window().location().href().ok()?;
        Initial::fetched(&href).await
    }

    /// The state of the page at `url`, fetched.
    pub async fn fetched(url: &str) -> Option<Initial> {
        let html = crate::api::page_html(url).await?;
        let doc = web_sys::DomParser::new()
            .ok()?
            .parse_from_string(&html, web_sys::SupportedType::TextHtml)
            .ok()?;
        Some(Initial::read(&doc))
    }

    /// The base path, the embedded page data and the prerendered article of `doc`.
    pub fn read(doc: &web_sys::Document) -> Initial {
        let base = doc
            .query_selector(&format!("meta[name={BASE_META}]"))
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
        let data = doc
            .get_element_by_id(DATA_ID)
            .and_then(|s| s.text_content())
            .and_then(|json| crate::api::parse_page_data(&json).ok());
        // The article the page shows, as the build rendered it: reused, not fetched again.
        let mut articles = HashMap::new();
        if let Some(prose) = doc
            .query_selector(&format!("#{ROOT_ID} .prose[data-hash]"))
            .ok()
            .flatten()
        {
            if let Some(hash) = prose.get_attribute("data-hash") {
                articles.insert(hash, prose.inner_html());
            }
        }
        Initial {
            base: quire_core::url::normalize_base(&base),
            articles,
            ..data.map(Initial::from).unwrap_or_default()
        }
    }
}

impl From<PageData> for Initial {
    fn from(page: PageData) -> Self {
        Initial {
            page: Some(page),
            ..Initial::default()
        }
    }
}

/// What a route's data is called. An enum rather than words in [`Data`], so each route's
/// loading code (generic over its data) holds one number, not its own copy of the lookup.
#[derive(Clone, Copy)]
pub enum Noun {
    Posts,
    Post,
    Tags,
    Category,
    Series,
    Archive,
    Author,
    Page,
    Moved,
    Tag,
}

impl Noun {
    /// "the list of posts" (what a failure message names), and the title when the file does
    /// not exist (an unknown post or tag; `None`: a missing file is a failure, not an answer).
    pub fn words(self, w: &Words) -> (&str, Option<&str>) {
        let (what, missing) = match self {
            Noun::Posts => (&w.the_posts, None),
            Noun::Post => (&w.the_post, Some(&w.post_not_found)),
            Noun::Tags => (&w.the_tags, None),
            Noun::Category => (&w.the_category, Some(&w.category_not_found)),
            Noun::Series => (&w.the_series, Some(&w.series_not_found)),
            Noun::Archive => (&w.the_archive, None),
            Noun::Author => (&w.the_author, Some(&w.author_not_found)),
            Noun::Page => (&w.the_page, Some(&w.page_not_found)),
            Noun::Moved => (&w.the_moved, Some(&w.page_not_found)),
            Noun::Tag => (&w.the_tag, Some(&w.tag_not_found)),
        };
        (what, missing.map(|m| m.as_str()))
    }
}

/// Route data the app loads: what it is called in a failure message, and what else the app
/// learns from it. Every route's data goes through [`crate::load::use_data`] with this.
pub trait Data: RouteData + Clone + DeserializeOwned + Send + Sync + 'static {
    /// What it is called.
    const NOUN: Noun;
    /// Anything else remembering it teaches the app.
    fn learn(&self, _app: &AppContext) {}
}

impl Data for ListPage {
    const NOUN: Noun = Noun::Posts;
    /// An article reached from an index page shows its header before its data arrives.
    fn learn(&self, app: &AppContext) {
        for p in &self.posts {
            app.entries.put(p.slug.clone(), p.clone());
        }
    }
}

impl Data for PostData {
    const NOUN: Noun = Noun::Post;
}

impl Data for TagList {
    const NOUN: Noun = Noun::Tags;
}

impl Data for CategoryPage {
    const NOUN: Noun = Noun::Category;
}

impl Data for SeriesPage {
    const NOUN: Noun = Noun::Series;
}

impl Data for Archive {
    const NOUN: Noun = Noun::Archive;
}

impl Data for AuthorPage {
    const NOUN: Noun = Noun::Author;
}

impl Data for StandalonePage {
    const NOUN: Noun = Noun::Page;
}

impl Data for RedirectMap {
    const NOUN: Noun = Noun::Moved;
}

impl Data for TagPage {
    const NOUN: Noun = Noun::Tag;
}

/// A keyed store that lives as long as the app.
pub struct Cache<V: Send + Sync + 'static>(StoredValue<HashMap<String, V>>);

impl<V: Send + Sync + 'static> Clone for Cache<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V: Send + Sync + 'static> Copy for Cache<V> {}

impl<V: Clone + Send + Sync + 'static> Cache<V> {
    fn new() -> Self {
        Cache(StoredValue::new(HashMap::new()))
    }

    pub fn get(&self, key: &str) -> Option<V> {
        self.0.with_value(|m| m.get(key).cloned())
    }

    pub fn put(&self, key: String, value: V) {
        self.0.update_value(|m| _ = m.insert(key, value));
    }
}

type AnyData = Arc<dyn Any + Send + Sync>;

/// Shared by all routes through context.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// Where the site's addresses and data start: its language's (`/blog/fr`).
    pub base: &'static str,
    /// Where the site's files are (the app's, the workers', `public/`'s): the base of the
    /// default language (`/blog`), which is `base` in a site in one language.
    pub root: &'static str,
    site: RwSignal<Option<Site>>,
    /// The interface's words in the site's language: a page's language is its site's, for
    /// as long as the app runs.
    words: &'static quire_core::strings::Strings,
    /// Changes whenever route data is remembered, for views that read the cache.
    learned: RwSignal<u32>,
    /// Route data by its file's path (`posts/a.json`), whatever its type.
    data: Cache<AnyData>,
    /// Entries seen in index pages, by slug.
    entries: Cache<PostEntry>,
    /// Rendered article HTML by content hash.
    articles: Cache<String>,
    /// Article Markdown being fetched, by content hash, so one request serves whoever asks.
    bodies: StoredValue<HashMap<String, Body>, LocalStorage>,
}

impl AppContext {
    pub fn new(initial: Initial) -> Self {
        let base: &'static str = Box::leak(initial.base.clone().into_boxed_str());
        let app = AppContext {
            base,
            root: initial.page.as_ref().map_or(base, |p| p.site.root(base)),
            site: RwSignal::new(None),
            words: Box::leak(Box::new(
                initial
                    .page
                    .as_ref()
                    .map(|p| p.strings.clone())
                    .unwrap_or_default(),
            )),
            learned: RwSignal::new(0),
            data: Cache::new(),
            entries: Cache::new(),
            articles: Cache::new(),
            bodies: StoredValue::new_local(HashMap::new()),
        };
        app.learn(initial);
        app
    }

    /// Everything a page holds: its route's data and its rendered article. The page the app
    /// starts on, or one the service worker kept (`Initial::kept`).
    pub fn learn(&self, initial: Initial) {
        let app = *self;
        for (hash, html) in initial.articles {
            app.articles.put(hash, html);
        }
        if let Some(page) = initial.page {
            app.learn_site(&page.site);
            let PageData {
                list,
                post,
                tags,
                tag,
                standalone,
                author,
                category,
                series,
                archive,
                ..
            } = page;
            if let Some(d) = series {
                app.remember(&d);
            }
            if let Some(d) = archive {
                app.remember(&d);
            }
            if let Some(d) = category {
                app.remember(&d);
            }
            if let Some(d) = author {
                app.remember(&d);
            }
            if let Some(d) = standalone {
                app.remember(&d);
            }
            if let Some(d) = list {
                app.remember(&d);
            }
            if let Some(d) = post {
                app.remember(&d);
            }
            if let Some(d) = tags {
                app.remember(&d);
            }
            if let Some(d) = tag {
                app.remember(&d);
            }
        }
    }

    pub fn site_title(&self) -> String {
        self.site
            .with(|s| s.as_ref().map(|s| s.title.clone()))
            .unwrap_or_default()
    }

    /// Whether the site has a standalone page at this address (`about`, `projects/x`).
    pub fn has_page(&self, slug: &str) -> bool {
        self.site.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.pages.iter().any(|p| p == slug))
        })
    }

    /// Whether an address under `/posts/` is a section's index (`rust`, `rust/advanced`).
    pub fn has_section(&self, path: &str) -> bool {
        self.site.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.sections.iter().any(|p| p == path))
        })
    }

    /// The site's settings as far as the app knows them.
    pub fn site(&self) -> Option<Site> {
        self.site.get()
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

    /// Route data already loaded from `path`.
    pub fn cached<T: Data>(&self, path: &str) -> Option<T> {
        self.data.get(path)?.downcast_ref::<T>().cloned()
    }

    pub fn remember<T: Data>(&self, data: &T) {
        self.learn_site(data.site());
        data.learn(self);
        self.data.put(data.data_path(), Arc::new(data.clone()));
        self.learned.update(|n| *n = n.wrapping_add(1));
    }

    /// Subscribes the current view to [`Self::remember`].
    pub fn track_data(&self) {
        self.learned.track();
    }

    /// The interface's words in the site's language.
    pub fn strings(&self) -> &'static quire_core::strings::Strings {
        self.words
    }

    /// A post's entry, if an index page or the post's data has shown it.
    pub fn known_entry(&self, slug: &str) -> Option<PostEntry> {
        self.cached::<PostData>(&quire_core::url::post_data_path(slug))
            .map(|d| d.entry)
            .or_else(|| self.entries.get(slug))
    }

    pub fn cached_article(&self, hash: &str) -> Option<String> {
        self.articles.get(hash)
    }

    pub fn remember_article(&self, hash: &str, html: &str) {
        self.articles.put(hash.to_string(), html.to_string());
    }

    /// The post's Markdown body: the request already in flight for it, or a new one.
    pub fn body(&self, entry: &PostEntry) -> Body {
        self.markdown(self.base, &entry.markdown_path(), &entry.hash, &entry.title)
    }

    /// [`Self::body`] by where the Markdown is (under `base`: this site's, or another
    /// language's), its content hash and the title (what search results know).
    pub fn markdown(&self, base: &str, path: &str, hash: &str, title: &str) -> Body {
        let key = hash.to_string();
        if let Some(b) = self.bodies.with_value(|m| m.get(&key).cloned()) {
            return b;
        }
        let w = self.strings();
        let noun = if path.starts_with("pages/") {
            &w.the_page
        } else {
            &w.the_post
        };
        let what = format!("{noun} {}", w.query_text.replace("{text}", title));
        let body = crate::api::body(base.into(), path.into(), key.clone(), what);
        self.bodies
            .update_value(|m| _ = m.insert(key, body.clone()));
        body
    }

    /// Drops a finished request, so the next [`Self::body`] asks the network again (Retry).
    pub fn forget_body(&self, hash: &str) {
        self.bodies.update_value(|m| _ = m.remove(hash));
    }
}

/// The interface's words in the site's language (English outside the app).
pub fn words() -> &'static quire_core::strings::Strings {
    // Outside the app (a component rendered on its own, in tests) English, leaked like the
    // app's own words: a `static` would cost the WASM a lazy cell for a path it never takes.
    use_context::<AppContext>().map_or_else(|| &*Box::leak(Box::default()), |a| a.strings())
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}
