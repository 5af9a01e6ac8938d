//! Page views for the analytics service `quire.toml` names (Plausible, GoatCounter, Umami):
//! exactly one for each page the reader sees, the first and every one reached in the app,
//! sent as the service's own script would send it (`quire_core::services`), without that
//! script.

use crate::state::use_app;
use leptos::prelude::*;
use quire_core::services::Visit;

/// Renders nothing: counts the router's addresses (a new path is a new page; a new query or
/// fragment on the same page is not).
#[component]
pub fn PageViews() -> impl IntoView {
    let app = use_app();
    let location = leptos_router::hooks::use_location();
    let previous = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let path = location.pathname.get();
        let Some(site) = app.site() else { return };
        let Some(analytics) = site.analytics else {
            return;
        };
        let Ok(origin) = window().location().origin() else {
            return;
        };
        let url = format!("{origin}{path}");
        if previous.get_value().as_deref() == Some(url.as_str()) {
            return;
        }
        let referrer = previous
            .get_value()
            .unwrap_or_else(|| document().referrer());
        let first = previous.get_value().is_none();
        previous.set_value(Some(url.clone()));
        // A page reached in the app gets its title once its data is in: wait for it (a
        // little), so the view is not sent under the previous page's title.
        let before = if first {
            None
        } else {
            Some(document().title())
        };
        when_titled(before, TITLE_TRIES, move |title| {
            crate::api::page_view(analytics.page_view(&Visit {
                url: &url,
                path: &path,
                title: &title,
                referrer: &referrer,
                language: &site.language,
            }));
        });
    });
}

/// 40 × 50 ms: a page whose title never changes (the same as the last one) waits 2 s.
const TITLE_TRIES: u32 = 40;

fn when_titled(before: Option<String>, tries: u32, send: impl FnOnce(String) + 'static) {
    let title = document().title();
    if tries == 0 || before.as_deref() != Some(title.as_str()) {
        send(title);
        return;
    }
    set_timeout(
        move || when_titled(before, tries - 1, send),
        std::time::Duration::from_millis(50),
    );
}
