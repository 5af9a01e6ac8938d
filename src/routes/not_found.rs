//! The 404 view for any address the router does not know.

use crate::dom::set_title;
use crate::href::home;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use quire_core::manifest::NOT_FOUND_TITLE;

#[component]
pub fn NotFound() -> impl IntoView {
    let app = use_app();
    Effect::new(move |_| set_title(Some(NOT_FOUND_TITLE), &app.site_title()));
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <A href=home() exact=true>"← Back to all posts"</A>
            </p>
        </section>
    }
}
