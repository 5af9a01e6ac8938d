//! The app's side of search: starts the search worker (`crates/quire-search`, its own WASM) on
//! the first query, hands it the index, and shows the answer to the latest query only. The
//! worker matches, ranks, makes the snippets and writes the results' HTML; this side only
//! carries messages, so search adds little to the app's WASM.
//!
//! Nothing here runs before the reader searches: no worker, no index request, so the first
//! paint and the first load are the same with or without search.

use crate::state::AppContext;
use leptos::prelude::*;
use quire_core::search::{Query, Wanted};

/// Where the search stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// No search yet: nothing loaded.
    Idle,
    /// The worker or the index is on its way.
    Loading,
    /// Ready to answer: how many posts the index holds, and the filters' `<option>`s.
    Ready {
        posts: usize,
        tags: String,
        years: String,
    },
    /// The worker or the index could not be loaded; the reader can retry.
    Failed(String),
}

/// The answer on screen: for which query, how many posts matched, the results' HTML (made
/// and escaped by the worker).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub query: Query,
    pub total: usize,
    pub html: String,
}

/// Shared through context, so search keeps its worker, its index and its last answer while
/// the reader opens a result and comes back.
#[derive(Clone, Copy)]
pub struct Search {
    /// For the posts' Markdown (snippets), fetched where the article will find it.
    app: AppContext,
    pub status: RwSignal<Status>,
    pub shown: RwSignal<Option<Shown>>,
    /// The query asked last (the one whose answer counts), and its id.
    asked: StoredValue<(u32, Query)>,
    /// The page the reader came from, so Escape can take them back.
    pub came_from: StoredValue<Option<String>>,
    /// Posts the results on screen want text from for their snippets (slug, hash, title),
    /// fetched once typing pauses; and the hashes being fetched.
    wanted: StoredValue<(u32, Vec<Wanted>)>,
    fetching: StoredValue<std::collections::HashSet<String>>,
    /// The index the worker has: every language's (`Query::all`) or this one's.
    all: StoredValue<bool>,
}

/// How long results stay on screen before their snippets' text is fetched: while the reader
/// types, the main thread is left to the keystrokes.
const SNIPPET_DELAY_MS: u64 = 150;

impl Search {
    pub fn new(app: AppContext) -> Self {
        Search {
            app,
            status: RwSignal::new(Status::Idle),
            shown: RwSignal::new(None),
            asked: StoredValue::new((0, Query::default())),
            came_from: StoredValue::new(None),
            wanted: StoredValue::new((0, Vec::new())),
            fetching: StoredValue::new(Default::default()),
            all: StoredValue::new(false),
        }
    }

    /// Asks for `query`'s results; the first call starts the worker and loads the index.
    pub fn ask(&self, base: &'static str, query: Query) {
        let (id, asked) = self.asked.get_value();
        // Asked already (typing asks at once, the page's effect again): its answer counts.
        if asked == query {
            return;
        }
        self.asked.set_value((id + 1, query.clone()));
        // The other index: a new worker for it (the one running knows only its own).
        if query.all != self.all.get_value() {
            self.all.set_value(query.all);
            if self.status.get_untracked() != Status::Idle {
                worker::stop();
                self.status.set(Status::Idle);
            }
        }
        // Snippets wait until typing pauses.
        self.wanted.update_value(|w| w.0 += 1);
        if query.is_empty() {
            self.shown.set(None);
            return;
        }
        worker::send(*self, base);
    }

    /// Starts the worker and the index without a query (the reader opened a filter).
    pub fn warm(&self, base: &'static str) {
        if self.status.get_untracked() == Status::Idle {
            worker::start(*self, base);
        }
    }

    /// After a failure: a new worker, the index fetched again, the last query asked again.
    pub fn retry(&self, base: &'static str) {
        worker::stop();
        self.status.set(Status::Idle);
        self.shown.set(None);
        worker::send(*self, base);
    }
}

pub fn use_search() -> Search {
    expect_context::<Search>()
}

mod worker {
    use super::*;
    use quire_core::search::{js, FromWorker, Request, ToWorker, RESULTS_SHOWN};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{Event, MessageEvent, Worker};

    /// The running worker. Browser objects are not `Send`, so they live here rather than in
    /// a signal.
    struct Client {
        worker: Worker,
        /// The worker said `ready`: messages posted now are not lost.
        ready: bool,
        /// The index text, held until the worker is ready.
        index: Option<String>,
        /// The index is read: queries can go.
        loaded: bool,
        on_message: Closure<dyn FnMut(MessageEvent)>,
        on_error: Closure<dyn FnMut(Event)>,
    }

    thread_local! {
        static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    }

    fn script(base: &str) -> String {
        crate::dom::worker_script(
            base,
            quire_core::url::SEARCH_WORKER_META,
            quire_core::url::SEARCH_WORKER,
        )
    }

    pub fn stop() {
        if let Some(c) = CLIENT.with(|c| c.borrow_mut().take()) {
            c.worker.set_onmessage(None);
            c.worker.set_onerror(None);
            c.worker.terminate();
            // `stop` may run inside one of these handlers, which must not be dropped while
            // running: they are leaked instead (two small closures per failure).
            std::mem::forget(c.on_message);
            std::mem::forget(c.on_error);
        }
    }

    /// Sends the latest query, starting the worker first if need be.
    pub fn send(search: Search, base: &'static str) {
        if CLIENT.with(|c| c.borrow().is_none()) {
            start(search, base);
        }
        CLIENT.with(|c| {
            if let Some(c) = c.borrow_mut().as_mut() {
                flush(c, search, base);
            }
        });
    }

    /// Sends what can be sent: the index once the worker listens, the query once the index
    /// is read.
    fn flush(c: &mut Client, search: Search, base: &str) {
        if !c.ready {
            return;
        }
        if let Some(index) = c.index.take() {
            let base = base.to_string();
            post(&c.worker, ToWorker::Load { base, index });
        }
        let (id, query) = search.asked.get_value();
        if !c.loaded || query.is_empty() {
            return;
        }
        let limit = RESULTS_SHOWN;
        post(&c.worker, ToWorker::Query(Request { id, query, limit }));
    }

    fn post(worker: &Worker, message: ToWorker) {
        let _ = worker.post_message(&js::to_js(&message.to_wire()));
    }

    pub fn start(search: Search, base: &'static str) {
        search.status.set(Status::Loading);
        let w = search.app.strings();
        let failed = move |message: &str| {
            stop();
            search.status.set(Status::Failed(message.into()));
        };
        let worker = match Worker::new(&script(search.app.root)) {
            Ok(w) => w,
            Err(_) => return failed(&w.search_no_worker),
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(message) = FromWorker::from_wire(js::from_js(&e.data())) {
                receive(search, base, message);
            }
        });
        let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            failed(&w.load_network.replace("{what}", &w.the_search));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        CLIENT.with(|c| {
            *c.borrow_mut() = Some(Client {
                worker,
                ready: false,
                index: None,
                loaded: false,
                on_message,
                on_error,
            })
        });
        // The index downloads while the worker starts.
        leptos::task::spawn_local(async move {
            let path = if search.all.get_value() {
                quire_core::url::SEARCH_ALL_PATH
            } else {
                quire_core::url::SEARCH_INDEX_PATH
            };
            match crate::api::search_index(base, path, &w.the_search_index).await {
                Ok(text) => CLIENT.with(|c| {
                    if let Some(c) = c.borrow_mut().as_mut() {
                        c.index = Some(text);
                        flush(c, search, base);
                    }
                }),
                Err(e) => failed(&e.message(w)),
            }
        });
    }

    /// Fetches the text the latest results want, unless the reader has typed since, and
    /// gives the worker their plain text in one message (one new list on screen, not ten).
    /// The requests are the ones the articles make (kept by [`AppContext`]), so opening a
    /// result then needs no second one.
    fn fetch_wanted(search: Search, generation: u32) {
        let (g, wanted) = search.wanted.get_value();
        if g != generation {
            return;
        }
        let app = search.app;
        let mut bodies = Vec::new();
        for Wanted {
            slug,
            hash,
            title,
            page,
            at,
        } in wanted
        {
            if search.fetching.with_value(|f| f.contains(&hash)) {
                continue;
            }
            search.fetching.update_value(|f| _ = f.insert(hash.clone()));
            let path = quire_core::url::markdown_path(&slug, page);
            let base = if at.is_empty() { app.base } else { &at };
            let body = app.markdown(base, &path, &hash, &title);
            bodies.push(async move { (body.await, hash) });
        }
        if bodies.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut texts = Vec::new();
            for (body, hash) in futures::future::join_all(bodies).await {
                search.fetching.update_value(|f| _ = f.remove(&hash));
                let text = match body {
                    Ok(markdown) => {
                        let job = quire_core::article::Job::Text { markdown };
                        crate::render::run(app.root, job, String::new()).await
                    }
                    Err(e) => Err(e),
                };
                match text {
                    Ok(text) => texts.push((hash, text)),
                    // No snippet; the article will ask again, and report the failure itself.
                    Err(_) => app.forget_body(&hash),
                }
            }
            CLIENT.with(|c| {
                if let Some(c) = c.borrow().as_ref() {
                    post(&c.worker, ToWorker::Texts(texts));
                }
            });
        });
    }

    /// A message from the worker (see `crates/quire-search`).
    fn receive(search: Search, base: &str, message: FromWorker) {
        let with_client = |f: &dyn Fn(&mut Client)| {
            CLIENT.with(|c| {
                if let Some(c) = c.borrow_mut().as_mut() {
                    f(c);
                    flush(c, search, base);
                }
            })
        };
        match message {
            FromWorker::Ready => with_client(&|c| c.ready = true),
            FromWorker::Loaded { posts, tags, years } => {
                search.status.set(Status::Ready { posts, tags, years });
                with_client(&|c| c.loaded = true);
            }
            FromWorker::Failed(reason) => {
                stop();
                let w = search.app.strings();
                let message = w.search_unavailable.replace("{reason}", &reason);
                search.status.set(Status::Failed(message));
            }
            FromWorker::Results {
                id: answered,
                total,
                html,
                wanted,
            } => {
                // An answer to a query the reader has typed past is dropped.
                let (id, query) = search.asked.get_value();
                if answered == id {
                    search.shown.set(Some(Shown { query, total, html }));
                }
                if !wanted.is_empty() {
                    let generation = search.wanted.get_value().0 + 1;
                    search.wanted.set_value((generation, wanted));
                    set_timeout(
                        move || fetch_wanted(search, generation),
                        std::time::Duration::from_millis(SNIPPET_DELAY_MS),
                    );
                }
            }
        }
    }
}
