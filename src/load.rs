//! The one way a route loads its data, and a fetch's life as one signal the views match on:
//! loading, ready or failed (with Retry). Kept explicit rather than hidden in a resource so
//! Retry always shows "Loading" again and a late answer for a page the reader already left is
//! dropped.

use crate::api::ApiError;
use crate::state::{use_app, AppContext, Data};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use quire_core::manifest::PostData;
use std::future::Future;

/// A route's data: from what the app holds or fetched, loaded again when `path` (the data
/// file's, from `quire_core::url`) changes, with only the latest answer shown. `Ready(None)`:
/// the file does not exist (an unknown post or tag). It also keeps the document title.
/// Returns the state and a Retry for it.
pub fn use_data<T: Data>(
    path: impl Fn() -> String + Send + Sync + 'static,
) -> (Loader<Option<T>>, impl Fn() + Copy + Send + Sync + 'static) {
    let app = use_app();
    let path = Memo::new(move |_| path());
    let loader: Loader<Option<T>> = Loader::new();
    let load = move |p: String| match app.cached::<T>(&p) {
        Some(d) => loader.set(Load::Ready(Some(d))),
        None => loader.run(fetch_data(app, p)),
    };
    // The first pass uses what the page holds, so the takeover renders the same view.
    load(path.get_untracked());
    let shown = StoredValue::new(path.get_untracked());
    Effect::new(move |_| {
        let p = path.get();
        if shown.get_value() != p {
            shown.set_value(p.clone());
            load(p);
        }
    });
    Effect::new(move |_| match loader.state.get() {
        Load::Ready(Some(d)) => crate::dom::set_title(d.title().as_deref(), &app.site_title()),
        Load::Ready(None) => {
            crate::dom::set_title(T::NOUN.words(app.strings()).1, &app.site_title())
        }
        _ => {}
    });
    (loader, move || load(path.get_untracked()))
}

/// A route's data file, fetched and remembered. Only reading it is generic: the fetching is
/// one boxed copy for every route's type, not one inlined into each (1.5 KB of WASM).
async fn fetch_data<T: Data>(app: AppContext, path: String) -> Result<Option<T>, ApiError> {
    let (what, missing) = T::NOUN.words(app.strings());
    let fetched: LocalBoxFuture<'static, _> =
        Box::pin(fetch_text(app, path.clone(), what, missing.is_some()));
    let d = match fetched.await? {
        Fetched::Text(None) => None,
        Fetched::Text(Some(text)) => Some(crate::api::read::<T>(&text, what)?),
        Fetched::Kept(error) => return app.cached::<T>(&path).map(Some).ok_or(error),
    };
    if let Some(d) = &d {
        app.remember(d);
    }
    Ok(d)
}

/// What fetching a data file came to.
enum Fetched {
    /// Its text, or `None`: it does not exist.
    Text(Option<String>),
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    /// The network failed, and the page kept for the address was learned instead: it holds
    /// the data if the reader read the page in full earlier.
    Kept(ApiError),
}

/// With the network down, the page kept for the address (read in full earlier) holds the
/// same data: a reader who opened a page, then followed a link back to it offline, still gets
/// it.
async fn fetch_text(
    app: AppContext,
    path: String,
    what: &'static str,
    may_be_missing: bool,
) -> Result<Fetched, ApiError> {
    match crate::api::data_text(app.base, &path, what, may_be_missing).await {
        #[cfg(not(feature = "ssr"))]
        Err(e @ (ApiError::Network { .. } | ApiError::Timeout { .. })) => {
            let page = crate::state::Initial::kept().await.ok_or(e.clone())?;
            app.learn(page);
            Ok(Fetched::Kept(e))
        }
        result => result.map(Fetched::Text),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// A loadable value plus a generation counter so only the latest request's answer lands.
pub struct Loader<T: Send + Sync + 'static> {
    pub state: RwSignal<Load<T>>,
    generation: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Loader<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    pub fn new() -> Self {
        Loader {
            state: RwSignal::new(Load::Loading),
            generation: StoredValue::new(0),
        }
    }

    /// Starts `fut`, showing Loading until it answers; an older request still in flight is ignored.
    pub fn run<F>(&self, fut: F)
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.state.set(Load::Loading);
        let this = *self;
        // Prerendering starts from complete state and never fetches.
        #[cfg(feature = "ssr")]
        {
            let _ = (fut, this, generation);
        }
        #[cfg(not(feature = "ssr"))]
        leptos::task::spawn_local(async move {
            let result = fut.await;
            if this.generation.try_get_value() == Some(generation) {
                this.state.try_set(match result {
                    Ok(v) => Load::Ready(v),
                    Err(e) => Load::Failed(e),
                });
            }
        });
    }

    /// Shows a result that needs no fetch (e.g. "no such post"), cancelling any request in flight.
    pub fn set(&self, value: Load<T>) {
        self.generation.update_value(|g| *g += 1);
        self.state.set(value);
    }
}

/// The body of whichever article (a post's or a page's data) `data` holds: in the first pass
/// when the page already has its HTML (prerendered, or read before), so a takeover shows no
/// loading state; otherwise fetched and rendered once for each post shown.
pub fn use_article_body(
    data: impl Fn() -> Option<PostData> + Send + Sync + 'static,
) -> Loader<String> {
    let app = use_app();
    let body: Loader<String> = Loader::new();
    let shown = StoredValue::new(None::<String>);
    if let Some(d) = untrack(&data) {
        if let Some(html) = app.cached_article(&d.entry.hash) {
            body.set(Load::Ready(html));
            shown.set_value(Some(d.entry.hash));
        }
    }
    Effect::new(move |_| {
        if let Some(d) = data() {
            if shown.get_value().as_deref() != Some(d.entry.hash.as_str()) {
                shown.set_value(Some(d.entry.hash.clone()));
                load_article(app, body, d);
            }
        }
    });
    body
}

/// An article's body (a post's or a page's): the HTML already rendered, or its Markdown fetched
/// (the request already in flight if any) and rendered with the core's pipeline, in the
/// renderer worker.
pub fn load_article(app: AppContext, body: Loader<String>, data: PostData) {
    if let Some(html) = app.cached_article(&data.entry.hash) {
        body.set(Load::Ready(html));
        return;
    }
    let base = app.base;
    body.run(async move {
        let markdown = app.body(&data.entry).await;
        app.forget_body(&data.entry.hash);
        let job = quire_core::article::Job::Article {
            markdown: markdown?,
            source: data.entry.source.clone(),
            base: base.to_string(),
            files: (app.root != base).then(|| app.root.to_string()),
            links: data.links,
            code: data.code,
            images: data.images,
            math: data.math,
        };
        let what = app
            .strings()
            .query_text
            .replace("{text}", &data.entry.title);
        let html = crate::render::run(app.root, job, what).await?;
        app.remember_article(&data.entry.hash, &html);
        Ok::<_, ApiError>(html)
    });
}
