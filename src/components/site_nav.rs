//! The site's own links: the menu in the header (from `[[menu]]` in `quire.toml`, the current
//! entry marked by the router with `aria-current`) and the footer (author, copyright, feed).

use crate::components::offline::SaveOffline;
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Menu() -> impl IntoView {
    let app = use_app();
    move || {
        let menu = app.site().map(|s| s.menu).unwrap_or_default();
        menu.into_iter()
            .map(|item| {
                let href = item.href(app.base);
                if item.is_external() {
                    view! {
                        <a href=href class="site-nav-link external" rel="external noopener">
                            {item.name}
                            <span class="visually-hidden">" (another site)"</span>
                            <span class="external-mark" aria-hidden="true">"↗"</span>
                        </a>
                    }
                    .into_any()
                } else {
                    let exact = href == format!("{}/", app.base);
                    // The preview is a page of its own, not one of the app's: loaded in full.
                    let own =
                        (href == quire_core::url::preview_route(app.base)).then_some("external");
                    view! {
                        <A href=href exact attr:class="site-nav-link" attr:rel=own>
                            {item.name}
                        </A>
                    }
                    .into_any()
                }
            })
            .collect_view()
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let app = use_app();
    move || {
        let site = app.site().unwrap_or_default();
        let feed = site
            .base_url
            .is_some()
            .then(|| format!("{}/feed.xml", app.base));
        view! {
            <footer class="site-footer">
                {(site.author.is_some() || site.copyright.is_some() || feed.is_some())
                    .then(|| {
                        view! {
                            <p class="site-credits">
                                {site.author.map(|a| view! { <span class="site-author">{format!("{} {a}", crate::state::words().by)}</span> })}
                                {site.copyright.map(|c| view! { <span class="site-copyright">{c}</span> })}
                                {feed.map(|f| view! { <a class="site-feed" href=f type="application/atom+xml">{crate::state::words().feed.as_str()}</a> })}
                            </p>
                        }
                    })}
                {(!site.social.is_empty())
                    .then(|| {
                        view! {
                            <ul class="social" aria-label="Elsewhere">
                                {site
                                    .social
                                    .into_iter()
                                    .map(|l| {
                                        let rel = if l.me { "me noopener" } else { "noopener" };
                                        view! {
                                            <li>
                                                <a href=l.url rel=rel>{l.name}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <p>{crate::state::words().footer.as_str()}</p>
                <SaveOffline />
            </footer>
        }
    }
}
