//! Loading and error states: never a blank page, always a way forward.

use crate::api::ApiError;
use crate::href::home;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <div class="status loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {crate::state::words().loading.replace("{what}", &what)}
        </div>
    }
}

#[component]
pub fn ErrorPanel(error: ApiError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! { <FailurePanel message=error.message(crate::state::words()) on_retry /> }
}

/// A failure told in words, with Retry and a way home (also for failures that are not a
/// fetch, such as the search worker's).
#[component]
pub fn FailurePanel(#[prop(into)] message: String, on_retry: impl Fn() + 'static) -> impl IntoView {
    let w = crate::state::words();
    view! {
        <div class="status error" role="alert">
            <p class="error-message">{message}</p>
            <p class="error-actions">
                <button type="button" class="retry" on:click=move |_| on_retry()>
                    {w.retry.as_str()}
                </button>
                " " {w.or.as_str()} " "
                <A href=home() exact=true>{w.go_home.as_str()}</A>
            </p>
        </div>
    }
}
