//! The app's side of the renderer worker (`crates/quire-render`, its own WASM): the Markdown
//! pipeline is not in the app's module, so a first view downloads and compiles no parser.
//! The worker is started once the page is idle ([`warm`]); an article the app has no HTML for
//! (in-app navigation to a post not yet shown) and search snippets' text are rendered there,
//! off the main thread. A worker that cannot start fails the article with the usual message
//! and Retry, and the next request starts a new one.

use crate::api::ApiError;
use quire_core::article::{FromRenderer, Job, ToRenderer};

/// Renders `job` in the worker, starting it if need be. `what` names the thing for an error
/// message ("Golang vs Python"), as the fetches do.
pub async fn run(base: &'static str, job: Job, what: String) -> Result<String, ApiError> {
    let (send, answer) = futures::channel::oneshot::channel();
    client::ask(base, job, send);
    match answer.await {
        Ok(Some(out)) => Ok(out),
        _ => Err(ApiError::Network { what }),
    }
}

/// Starts the worker ahead of need, once the page has nothing else to do (so the first
/// navigation to an article does not wait for it, and the first view never does).
pub fn warm_when_idle(base: &'static str) {
    use wasm_bindgen::prelude::*;
    let start = Closure::once_into_js(move || client::start(base));
    // Safari has no requestIdleCallback: a second later instead.
    if leptos::prelude::window()
        .request_idle_callback(start.unchecked_ref())
        .is_err()
    {
        leptos::prelude::set_timeout(
            move || client::start(base),
            std::time::Duration::from_secs(1),
        );
    }
}

mod client {
    use super::*;
    use futures::channel::oneshot::Sender;
    use leptos::prelude::set_timeout;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::prelude::*;
    use web_sys::{Event, MessageEvent, Worker};

    /// How long the worker may take to start before its waiting jobs fail.
    const START_MS: u64 = crate::api::TIMEOUT_MS as u64;

    /// The running worker. Browser objects are not `Send`, so they live here rather than in a
    /// signal.
    struct Client {
        worker: Worker,
        /// The worker said it listens: messages posted now are not lost.
        ready: bool,
        /// Jobs waiting for it to listen, as JSON.
        queued: Vec<String>,
        /// Who waits for each job's answer (`None` when it failed).
        waiting: HashMap<u32, Sender<Option<String>>>,
        next: u32,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(Event)>,
    }

    thread_local! {
        static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    }

    fn script(base: &str) -> String {
        crate::dom::worker_script(
            base,
            quire_core::url::RENDER_WORKER_META,
            quire_core::url::RENDER_WORKER,
        )
    }

    pub fn ask(base: &'static str, job: Job, send: Sender<Option<String>>) {
        start(base);
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let Some(c) = c.as_mut() else {
                let _ = send.send(None);
                return;
            };
            c.next += 1;
            let id = c.next;
            c.waiting.insert(id, send);
            let Ok(message) = serde_json::to_string(&ToRenderer { id, job }) else {
                return;
            };
            if c.ready {
                let _ = c.worker.post_message(&JsValue::from_str(&message));
            } else {
                c.queued.push(message);
            }
        });
    }

    /// Ends the worker: every job waiting fails, and the next one starts a new worker.
    fn fail() {
        if let Some(c) = CLIENT.with(|c| c.borrow_mut().take()) {
            c.worker.set_onmessage(None);
            c.worker.set_onerror(None);
            c.worker.terminate();
            for (_, send) in c.waiting {
                let _ = send.send(None);
            }
            // This may run inside one of the handlers, which must not be dropped while
            // running: they are leaked instead (two small closures per failure).
            std::mem::forget(c._on_message);
            std::mem::forget(c._on_error);
        }
    }

    fn receive(text: &str) {
        let Ok(answer) = serde_json::from_str::<FromRenderer>(text) else {
            return;
        };
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            let Some(c) = c.as_mut() else { return };
            if answer.id == 0 {
                c.ready = true;
                for message in c.queued.drain(..) {
                    let _ = c.worker.post_message(&JsValue::from_str(&message));
                }
            } else if let Some(send) = c.waiting.remove(&answer.id) {
                let _ = send.send(Some(answer.out));
            }
        });
    }

    pub fn start(base: &'static str) {
        if CLIENT.with(|c| c.borrow().is_some()) {
            return;
        }
        let Ok(worker) = Worker::new(&script(base)) else {
            return;
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(text) = e.data().as_string() {
                receive(&text);
            }
        });
        let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| fail());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let started = worker.clone();
        CLIENT.with(|c| {
            *c.borrow_mut() = Some(Client {
                worker,
                ready: false,
                queued: Vec::new(),
                waiting: HashMap::new(),
                next: 0,
                _on_message: on_message,
                _on_error: on_error,
            })
        });
        // A module that never arrives raises no error event in every browser: give up on
        // this worker after a while, so an article shows Retry rather than loading forever.
        set_timeout(
            move || {
                let stuck = CLIENT.with(|c| {
                    c.borrow()
                        .as_ref()
                        .is_some_and(|c| !c.ready && c.worker == started)
                });
                if stuck {
                    fail();
                }
            },
            std::time::Duration::from_millis(START_MS),
        );
    }
}
