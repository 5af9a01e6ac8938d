//! "Save the whole blog for offline reading", in the footer once a service worker keeps the
//! blog: the size first, then the worker keeps every post's data and Markdown, the pictures
//! and the search index, with progress; and the mark on posts that open offline.

use crate::offline::{use_offline, Offline, Saving};
use leptos::prelude::*;
use quire_core::offline::size_label;

#[component]
pub fn SaveOffline() -> impl IntoView {
    move || {
        use_offline()
            .filter(|o| o.available.get())
            .map(|o| view! { <Control offline=o /> })
    }
}

/// One view whose text and buttons follow the step: cheaper in the app's WASM than a view
/// per step.
#[component]
fn Control(offline: Offline) -> impl IntoView {
    let step = offline.saving;
    let status = move || {
        match step.get() {
        Saving::Idle => String::new(),
        Saving::Sizing => "Checking the size…".into(),
        Saving::Confirm(bytes, posts) => format!(
            "Every post ({posts}), its pictures and the search index: {}.",
            size_label(bytes)
        ),
        Saving::Saving(done, total) => format!("Saving… {done} of {total} files"),
        Saving::Saved(bytes) => format!(
            "Saved ({}): every post and search now work without a network.",
            size_label(bytes)
        ),
        Saving::Failed(0, _) => "Could not reach the blog to save it. Check your connection.".into(),
        Saving::Failed(failed, total) => format!(
            "{failed} of {total} files could not be saved (the network or the host failed); the rest is saved."
        ),
    }
    };
    // The main button: start, confirm the size, or try again; hidden while the worker works.
    let action = move || match step.get() {
        Saving::Idle => Some((crate::state::words().save_offline.clone(), "size")),
        Saving::Confirm(bytes, _) => Some((format!("Save {}", size_label(bytes)), "save")),
        Saving::Failed(..) => Some(("Retry".to_string(), "size")),
        _ => None,
    };
    view! {
        <div class="offline-save">
            <p role="status" hidden=move || step.get() == Saving::Idle>
                {status}
            </p>
            <button
                type="button"
                hidden=move || action().is_none()
                on:click=move |_| {
                    if let Some((_, what)) = action() {
                        offline.ask(what);
                    }
                }
            >
                {move || action().map(|(label, _)| label).unwrap_or_default()}
            </button>
            <button
                type="button"
                hidden=move || !matches!(step.get(), Saving::Confirm(..))
                on:click=move |_| step.set(Saving::Idle)
            >
                "Cancel"
            </button>
        </div>
    }
}

/// "Saved offline", beside a listed post that opens with the network down.
#[component]
pub fn OfflineMark(slug: String) -> impl IntoView {
    let offline = use_offline();
    move || {
        offline.filter(|o| o.saved.with(|s| s.contains(&slug))).map(
            |_| view! { <span class="offline-mark">{crate::state::words().saved_offline.as_str()}</span> },
        )
    }
}
