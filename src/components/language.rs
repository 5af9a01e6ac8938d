//! The language switcher of a multilingual site: the page in each of the site's languages
//! (the post's or page's translation where it has one, else that language's home). Each
//! language is a site of its own, so the links are full page loads (`rel="external"` keeps
//! the router out of them).

use crate::state::{use_app, AppContext};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quire_core::manifest::{PostEntry, Site, StandalonePage};
use quire_core::url;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let location = use_location();
    move || {
        let site = app.site().filter(|s| !s.languages.is_empty())?;
        app.track_data();
        let path = location.pathname.get();
        let entry = entry_at(app, &site, &path);
        let versions = site.alternates(app.base, entry.as_ref());
        let links = site
            .languages
            .iter()
            .map(|l| {
                let current = l.code == site.language;
                let href = versions
                    .iter()
                    .find(|(code, _)| *code == l.code)
                    .map(|(_, href)| href.clone())
                    .unwrap_or_else(|| url::home(&site.language_base(app.base, &l.code)));
                view! {
                    <li>
                        <a
                            href=href
                            hreflang=l.code.clone()
                            lang=l.code.clone()
                            rel=(!current).then_some("alternate external")
                            aria-current=current.then_some("true")
                        >
                            {l.name.clone()}
                        </a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <nav class="language-switch" aria-label=site.strings.language.clone()>
                <ul>{links}</ul>
            </nav>
        })
    }
}

/// The post or standalone page at `path`, if the app has its entry.
fn entry_at(app: AppContext, site: &Site, path: &str) -> Option<PostEntry> {
    let rest = path.strip_prefix(app.base).unwrap_or(path);
    let rest = rest.trim_matches('/');
    if let Some(slug) = rest.strip_prefix("posts/") {
        return app.known_entry(slug);
    }
    site.pages
        .iter()
        .any(|p| p == rest)
        .then(|| app.cached::<StandalonePage>(&url::page_data_path(rest)))
        .flatten()
        .map(|p| p.0.entry)
}
