//! Loading and error states: never a blank page, always a way forward.

use crate::api::ApiError;
use crate::app::home;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <div class="status loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
        </div>
    }
}

#[component]
pub fn ErrorPanel(error: ApiError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="status error" role="alert">
            <p class="error-message">{error.message()}</p>
            <p class="error-actions">
                <button type="button" class="retry" on:click=move |_| on_retry()>
                    "Retry"
                </button>
                " or "
                <A href=home() exact=true>"go to the home page"</A>
            </p>
        </div>
    }
}
