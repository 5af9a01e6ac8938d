//! Taking over a prerendered page. The build tool rendered the same `App` to HTML inside
//! `#quire-root` and embedded the manifest as JSON. The app starts from that state, renders its
//! first view synchronously into a new element, and swaps it in within the same task: the
//! browser never paints in between, so there is no flash, no shift and no scroll jump.

use crate::app::App;
use crate::focus::Focus;
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
    // The route's own module first (a split build), so the app's first view is the page's.
    let path = window().location().pathname().unwrap_or_default();
    wasm_bindgen_futures::spawn_local(async move {
        crate::routes::preload(&initial.base, &path).await;
        start(initial);
    });
}

fn start(initial: Initial) {
    match other_language_page(&initial) {
        Some(page) => wasm_bindgen_futures::spawn_local(async move {
            match Initial::fetched(&page).await {
                Some(there) => {
                    speak(&there);
                    mount_initial(there)
                }
                None => mount_initial(initial),
            }
        }),
        None => mount_initial(initial),
    }
}

/// The not-found page of the language the address is under, when the page is another's: a
/// host with one `404.html` (GitHub Pages, Netlify) answers `/fr/posts/gone/` with the default
/// language's, and a French reader should be told in French, under the French header.
fn other_language_page(initial: &Initial) -> Option<String> {
    let site = &initial.page.as_ref()?.site;
    let path = window().location().pathname().ok()?;
    let code = site.language_at(&initial.base, &path)?;
    Some(quire_core::url::not_found_page(
        &site.language_base(&initial.base, code),
    ))
}

/// `<html lang>` as the page the app now starts from says: its words are that language's.
fn speak(initial: &Initial) {
    let lang = initial.page.as_ref().map(|p| p.site.language.as_str());
    if let (Some(lang), Some(html)) = (lang, document().document_element()) {
        let _ = html.set_attribute("lang", lang);
    }
}

fn mount_initial(initial: Initial) {
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
    let focus = old.as_ref().and_then(Focus::take);
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! { <App initial=initial.clone() /> }
    });
    handle.forget();
    match (old, focus) {
        (Some(old), Some(focus)) => swap_when_shown(old, host, focus, FOCUS_FRAMES),
        (old, _) => swap(old, &host),
    }
}

fn swap(old: Option<web_sys::Element>, host: &web_sys::Element) {
    if let Some(old) = old {
        old.remove();
    }
    host.set_id(ROOT_ID);
}

/// Swaps once the app's view shows the element the reader is in (a route may render a frame
/// later): until then the prerendered page stays, with the focus and whatever they type.
fn swap_when_shown(old: web_sys::Element, host: web_sys::Element, focus: Focus, frames: u32) {
    if focus.find(&host).is_none() && frames > 0 {
        let _ = host.set_attribute("hidden", "");
        request_animation_frame(move || swap_when_shown(old, host, focus, frames - 1));
        return;
    }
    let _ = host.remove_attribute("hidden");
    // What they typed while the app's view was not there yet.
    let focus = Focus::take(&old).unwrap_or(focus);
    swap(Some(old), &host);
    focus.give_back(&host);
}

/// How many frames the app's view may take to show the focused element (about 1 s).
const FOCUS_FRAMES: u32 = 60;
