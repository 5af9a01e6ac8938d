//! The post's discussion from the comments service `quire.toml` names (giscus, utterances): the
//! service's own page in a frame, none of its script in the blog. Lazy, so the service is
//! asked only when the reader scrolls near it; a new frame for each post the reader opens in
//! the app. The frame is the browser's (its address names the page's own origin); the page the
//! build wrote holds only the section, its space reserved.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Comments(title: String) -> Option<impl IntoView> {
    let app = use_app();
    let location = leptos_router::hooks::use_location();
    let in_browser = RwSignal::new(false);
    let height = RwSignal::new(None::<u32>);
    let settings = app.site().and_then(|s| Some((s.comments?, s.language)));
    let listener = StoredValue::new_local(None::<WindowListenerHandle>);
    // Effects run in the browser only, after the first view.
    let host = settings
        .as_ref()
        .map(|(c, _)| (c.host.clone(), c.height_key()));
    Effect::new(move |_| {
        in_browser.set(true);
        let Some((host, (outer, inner))) = host.clone() else {
            return;
        };
        // The frame asks for the height of its content in a message; only its origin is heard.
        let handle = window_event_listener(leptos::ev::message, move |e| {
            if e.origin() != host {
                return;
            }
            let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
            let data = e.data();
            let inner_obj = if outer.is_empty() {
                Some(data)
            } else {
                get(&data, outer)
            };
            if let Some(h) = inner_obj
                .and_then(|o| get(&o, inner))
                .and_then(|h| h.as_f64())
            {
                height.set(Some(h.clamp(0.0, 100_000.0) as u32));
            }
        });
        listener.set_value(Some(handle));
    });
    on_cleanup(move || {
        if let Some(Some(h)) = listener.try_update_value(Option::take) {
            h.remove();
        }
    });
    let (c, language) = settings?;
    // The section is in the prerendered page, its space reserved (style/main.css), and the
    // frame is laid into it in the browser: nothing below it moves.
    let frame = move || {
        if !in_browser.get() {
            return None;
        }
        let path = location.pathname.get();
        let url = format!("{}{path}", window().location().origin().ok()?);
        let src = c.frame(&url, &path, &title, &language);
        // Built, not written in `view!`: `loading` is not one of its typed attributes.
        Some(
            leptos::html::iframe()
                .attr("loading", "lazy")
                .src(src)
                .title("Comments")
                .allow("clipboard-write")
                .height(move || height.get().unwrap_or(FRAME_HEIGHT)),
        )
    };
    Some(view! {
        <section class="comments" aria-label=crate::state::words().comments.as_str()>
            {frame}
        </section>
    })
}

/// The frame's height until the service says how tall its content is; the section reserves
/// it (`.comments` in style/main.css).
const FRAME_HEIGHT: u32 = 300;
