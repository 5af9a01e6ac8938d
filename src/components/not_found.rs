//! The 404 view: the route table's fallback, and what a page or post address shows when there
//! is nothing there. An old address of a post (a link
//! inside the app to a Zola alias, a Jekyll permalink …) leads on to the post, as the static
//! host's redirect page would.

use crate::dom::set_title;
use crate::href::{go, home};
use crate::load::{use_data, Load};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use quire_core::manifest::RedirectMap;
use quire_core::url;

#[component]
pub fn NotFound() -> impl IntoView {
    let app = use_app();
    let words = app.strings();
    Effect::new(move |_| set_title(Some(&app.strings().page_not_found), &app.site_title()));
    let (moved, _) = use_data::<RedirectMap>(|| url::REDIRECTS_DATA_PATH.to_string());
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Load::Ready(Some(map)) = moved.state.get() {
            let path = location.pathname.get_untracked();
            let path = path.strip_prefix(app.base).unwrap_or(&path);
            if let Some(to) = map.find(path) {
                let options = NavigateOptions {
                    replace: true,
                    ..go()
                };
                navigate(&format!("{}/{to}", app.base), options);
            }
        }
    });
    view! { <Missing title=words.page_not_found.as_str() text=words.not_found_text.clone() /> }
}

/// What an address shows when there is nothing behind it: a heading, why, and the way home.
/// `missing`: a `*_missing` word, `{name}` the address's last part.
pub fn missing(title: &'static str, missing: &str, name: &str) -> impl IntoView {
    view! { <Missing title text=missing.replace("{name}", name) /> }
}

#[component]
fn Missing(title: &'static str, text: String) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>{title}</h1>
            <p>{text}</p>
            <p>
                <A href=home() exact=true>{crate::state::words().back_home.as_str()}</A>
            </p>
        </section>
    }
}
