//! Light/dark switch. The choice is kept in localStorage and applied before the first paint by
//! `src/theme.js`; without a choice the system preference applies. Both labels are rendered and
//! CSS shows the one that fits, so the prerendered button and the app's are the same.

use leptos::prelude::*;

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let words = crate::state::words();
    view! {
        <button type="button" class="theme-toggle" on:click=move |_| toggle()>
            <span class="theme-to-dark">{words.dark_mode.as_str()}</span>
            <span class="theme-to-light">{words.light_mode.as_str()}</span>
        </button>
    }
}

fn toggle() {
    let root = document().document_element().expect("<html>");
    let current = root.get_attribute("data-theme").unwrap_or_else(|| {
        let dark = window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if dark { "dark" } else { "light" }.to_string()
    });
    let next = if current == "dark" { "light" } else { "dark" };
    let _ = root.set_attribute("data-theme", next);
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item("quire-theme", next);
    }
}
