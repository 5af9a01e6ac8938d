//! Taking over a prerendered page. The build tool rendered the same `App` to HTML inside
//! `#quire-root` and embedded the manifest as JSON. The app starts from that state, renders its
//! first view synchronously into a new element, and swaps it in within the same task: the
//! browser never paints in between, so there is no flash, no shift and no scroll jump.

use crate::app::App;
use crate::state::Initial;
use leptos::prelude::*;
use quire_core::url::ROOT_ID;
use wasm_bindgen::JsCast;

/// The initial state the page holds.
pub fn read_initial() -> Initial {
    Initial::read(&document())
}

thread_local! {
    /// The state [`prepare`] read, waiting for [`mount`].
    static PREPARED: std::cell::RefCell<Option<Initial>> = const { std::cell::RefCell::new(None) };
}

/// Reads the page's state ahead of [`mount`], in a task of its own: the browser compiles the
/// WASM's functions as they first run, on the main thread, so reading the state and rendering
/// are each a shorter task than both together (Total Blocking Time, BENCHMARKS.md). Nothing
/// changes on the page in between.
pub fn prepare() {
    let initial = read_initial();
    PREPARED.with(|p| *p.borrow_mut() = Some(initial));
}

pub fn mount() {
    let initial = PREPARED
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(read_initial);
    let doc = document();
    let body = doc.body().expect("a <body>");
    let old = doc.get_element_by_id(ROOT_ID);
    let host = doc.create_element("div").expect("create a div");
    match &old {
        Some(old) => {
            let _ = old.before_with_node_1(&host);
        }
        None => {
            let _ = body.append_child(&host);
        }
    }
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <App initial=initial.clone() /> }
    });
    handle.forget();
    if let Some(old) = old {
        old.remove();
    }
    host.set_id(ROOT_ID);
    crate::components::copy_code::install_handler();
}
