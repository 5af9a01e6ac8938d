//! Reading offline, the app's side: whether a service worker keeps this blog (release builds:
//! `boot.js` starts the build's `sw.js`), which posts open with the network down, and the
//! worker's answers while it saves the whole blog (`components::offline` asks). What the
//! worker and the app agree on is `quire_core::offline`.

use leptos::prelude::*;
use quire_core::offline::{path_of, saved_posts, PAGES_CACHE};
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where saving the whole blog is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Saving {
    Idle,
    /// Asked the worker what it costs.
    Sizing,
    /// The cost, waiting for the reader: bytes and posts of the page's language, and the bytes
    /// of every language (0 in a blog in one).
    Confirm(u64, usize, u64),
    /// Files done of total.
    Saving(u64, u64),
    /// Everything kept: bytes.
    Saved(u64),
    /// Files that failed of total; 0 of 0 when the list itself could not be read.
    Failed(u64, u64),
}

#[derive(Clone, Copy)]
pub struct Offline {
    /// A service worker keeps this blog: never while prerendering, under `make serve`, or in a
    /// browser without service workers.
    pub available: RwSignal<bool>,
    /// The slugs of the posts that open offline.
    pub saved: RwSignal<HashSet<String>>,
    pub saving: RwSignal<Saving>,
    base: &'static str,
}

impl Offline {
    pub fn new(base: &'static str) -> Self {
        Offline {
            available: RwSignal::new(false),
            saved: RwSignal::new(HashSet::new()),
            saving: RwSignal::new(Saving::Idle),
            base,
        }
    }

    /// Learns when a worker is active and listens to it (browser only: call it from an
    /// effect). `ready` never settles where there is none.
    pub fn watch(self) {
        let Some(workers) = workers() else {
            return;
        };
        let Ok(ready) = workers.ready() else {
            return;
        };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let n = |k: &str| {
                    js_sys::Reflect::get(&data, &k.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                };
                let next = match (n("bytes"), n("saved"), n("failed"), n("done")) {
                    (Some(b), ..) => Saving::Confirm(
                        b as u64,
                        n("posts").unwrap_or(0.0) as usize,
                        n("all").unwrap_or(0.0) as u64,
                    ),
                    (_, Some(b), ..) => Saving::Saved(b as u64),
                    (_, _, Some(f), _) => {
                        Saving::Failed(f.max(0.0) as u64, n("total").unwrap_or(0.0) as u64)
                    }
                    (_, _, _, Some(d)) => {
                        Saving::Saving(d as u64, n("total").unwrap_or(0.0) as u64)
                    }
                    _ => return,
                };
                if matches!(next, Saving::Saved(_) | Saving::Failed(..)) {
                    self.refresh();
                }
                self.saving.set(next);
            });
        workers.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        leptos::task::spawn_local(async move {
            if JsFuture::from(ready).await.is_ok() {
                self.available.set(true);
                self.refresh();
            }
        });
    }

    /// Asks the worker what saving the whole blog costs (`"size"`), or to do it: the page's
    /// language (`"save"`) or every language (`"save-all"`).
    pub fn ask(self, what: &'static str) {
        let worker = workers().and_then(|w| w.controller());
        match worker.map(|w| w.post_message(&what.into())) {
            Some(Ok(())) => self.saving.set(if what != "size" {
                Saving::Saving(0, 0)
            } else {
                Saving::Sizing
            }),
            _ => self.saving.set(Saving::Failed(0, 0)),
        }
    }

    /// Reads again which posts the cache holds (the reader opens more as they go).
    pub fn refresh(self) {
        leptos::task::spawn_local(async move {
            if let Some(paths) = cached_paths().await {
                let saved = saved_posts(self.base, paths.iter().map(String::as_str));
                self.saved.set(saved);
            }
        });
    }
}

pub fn use_offline() -> Option<Offline> {
    use_context()
}

/// `navigator.serviceWorker`, where the browser has it (not on plain http from elsewhere).
fn workers() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// The paths of everything the worker keeps for pages and data; `None` without a cache.
async fn cached_paths() -> Option<Vec<String>> {
    let caches = window().caches().ok()?;
    let cache: web_sys::Cache = JsFuture::from(caches.open(PAGES_CACHE)).await.ok()?.into();
    let keys: js_sys::Array = JsFuture::from(cache.keys()).await.ok()?.into();
    Some(
        keys.iter()
            .filter_map(|r| r.dyn_into::<web_sys::Request>().ok())
            .map(|r| path_of(&r.url()).to_string())
            .collect(),
    )
}
