//! "Save the whole blog for offline reading", in the footer once a service worker keeps the
//! blog: the size first, then the worker keeps every post's data and Markdown, the pictures
//! and the search index, with progress; and the mark on posts that open offline.

use crate::offline::{use_offline, Offline, Saving};
use leptos::prelude::*;
use quire_core::offline::size_label;
use quire_core::strings::Strings;

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
    let say = crate::state::words();
    let status = move || status(say, step.get());
    // The main button: start, confirm the size, or try again; hidden while the worker works.
    let action = move || match step.get() {
        Saving::Idle => Some((say.save_offline.clone(), "size")),
        Saving::Confirm(bytes, ..) => {
            Some((say.save_size.replace("{size}", &size_label(bytes)), "save"))
        }
        Saving::Failed(..) => Some((say.retry.clone(), "size")),
        _ => None,
    };
    // A blog in several languages: the reader's language, or every one.
    let all = move || match step.get() {
        Saving::Confirm(_, _, all) if all > 0 => {
            Some(say.save_all.replace("{size}", &size_label(all)))
        }
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
            <button type="button" hidden=move || all().is_none() on:click=move |_| offline.ask("save-all")>
                {all}
            </button>
            <button
                type="button"
                hidden=move || !matches!(step.get(), Saving::Confirm(..))
                on:click=move |_| step.set(Saving::Idle)
            >
                {say.cancel.as_str()}
            </button>
        </div>
    }
}

/// The line above the buttons, for each step.
fn status(say: &Strings, step: Saving) -> String {
    let n = |t: &str, k: &str, v: u64| t.replace(k, &v.to_string());
    match step {
        Saving::Idle => String::new(),
        Saving::Sizing => say.save_checking.clone(),
        Saving::Confirm(bytes, posts, all) => {
            let text = if all > 0 {
                &say.save_confirm_language
            } else {
                &say.save_confirm
            };
            n(text, "{posts}", posts as u64).replace("{size}", &size_label(bytes))
        }
        Saving::Saving(done, total) => n(&n(&say.save_progress, "{done}", done), "{total}", total),
        Saving::Saved(bytes) => say.save_done.replace("{size}", &size_label(bytes)),
        Saving::Failed(0, _) => say.save_unreachable.clone(),
        Saving::Failed(failed, total) => {
            n(&n(&say.save_failed, "{failed}", failed), "{total}", total)
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_says_where_saving_is_in_the_page_language() {
        let en = Strings::default();
        assert_eq!(
            status(&en, Saving::Confirm(1_200_000, 3, 0)),
            "Every post (3), its pictures and the search index: 1.2 MB."
        );
        assert_eq!(
            status(&en, Saving::Confirm(1_200_000, 3, 2_400_000)),
            "Every post in this language (3), its pictures and the search index: 1.2 MB."
        );
        assert_eq!(
            status(&en, Saving::Saving(20, 41)),
            "Saving… 20 of 41 files"
        );
        let fr = Strings::builtin("fr");
        assert_eq!(
            status(&fr, Saving::Failed(2, 41)),
            "2 fichiers sur 41 n’ont pas pu être enregistrés (réseau ou hébergeur) ; le reste est enregistré."
        );
        assert_eq!(
            status(&fr, Saving::Saved(512)),
            "Enregistré (512 B) : tous les articles et la recherche fonctionnent sans réseau."
        );
    }
}
