//! The app shell and its route table (with the one dispatch a path needs: post or section). The same `App` runs in the browser (CSR) and in the build
//! tool, which renders it to HTML for every route (`ssr`); both start from an [`Initial`] state
//! (see [`crate::state`]), so the takeover shows no change.

use crate::components::language::LanguageSwitch;
use crate::components::not_found::NotFound;
use crate::components::search_shortcut::{SearchLink, SearchShortcut};
use crate::components::site_nav::{Footer, Menu};
use crate::components::theme_toggle::ThemeToggle;
use crate::href::{archive_href, home, tags_href};
use crate::routes::{
    archive,
    article::Article,
    author,
    index::{Index, SectionIndex},
    page::Page,
    search, tags,
};
use crate::state::{AppContext, Initial};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
pub fn App(initial: Initial) -> impl IntoView {
    let app = AppContext::new(initial);
    provide_context(app);
    provide_context(crate::search::Search::new(app));
    let offline = crate::offline::Offline::new(app.base);
    provide_context(offline);
    // Effects never run while prerendering: in the browser only, after the first view.
    Effect::new(move |_| crate::render::warm_when_idle(app.root));
    Effect::new(move |_| offline.watch());
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| crate::prefetch::install(app));
    Effect::new(move |_| crate::components::copy_code::install_handler(app.strings()));

    let words = app.strings();
    view! {
        <Router base=app.base>
            <crate::analytics::PageViews />
            <a class="skip-link" href="#main">{words.skip_to_content.as_str()}</a>
            <header class="site-header">
                <nav aria-label="Site">
                    <A href=home() exact=true attr:class="site-title">
                        {move || {
                            let t = app.site_title();
                            if t.is_empty() { "quire".to_string() } else { t }
                        }}
                    </A>
                    <Menu />
                    <A href=tags_href() exact=true attr:class="site-nav-link">
                        {words.tags.as_str()}
                    </A>
                    <A href=archive_href() exact=true attr:class="site-nav-link">
                        {words.archive.as_str()}
                    </A>
                    <SearchLink />
                    <SearchShortcut />
                    <ThemeToggle />
                </nav>
                <LanguageSwitch />
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Index />
                    <Route path=path!("/page/:page") view=Index />
                    <Route path=path!("/posts/*slug") view=PostsPath />
                    <Route path=path!("/tags") view=tags::tags_route />
                    <Route path=path!("/tags/:tag") view=tags::tag_route />
                    <Route path=path!("/categories/:tag") view=tags::category_route />
                    <Route path=path!("/series/:tag") view=tags::series_route />
                    <Route path=path!("/archive") view=archive::route />
                    <Route path=path!("/authors/:id") view=author::route />
                    <Route path=path!("/search") view=search::route />
                    // Last: any other address is a standalone page, or not found.
                    <Route path=path!("/*path") view=Page />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

/// `/posts/*path`: a post (`/posts/a/`, `/posts/rust/intro/`), or a section's index
/// (`/posts/rust/`, `/posts/rust/page/2/`). The site lists its sections, so which one an
/// address is needs no request.
#[component]
pub fn PostsPath() -> impl IntoView {
    let app = crate::state::use_app();
    let params = use_params_map();
    let section = Memo::new(move |_| {
        let path = params.read().get("slug").unwrap_or_default();
        let path = path.trim_matches('/');
        let (section, page) = match path.rsplit_once("/page/") {
            Some((s, n)) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => (s, n),
                _ => (path, 1),
            },
            None => (path, 1),
        };
        app.has_section(section)
            .then(|| (section.to_string(), page))
    });
    // Only a change between a post and a section makes a new view: moving from post to post
    // keeps the article (and its state) as before.
    let is_section = Memo::new(move |_| section.get().is_some());
    move || {
        if is_section.get() {
            let at = Memo::new(move |_| section.get().unwrap_or_default());
            view! { <SectionIndex at /> }.into_any()
        } else {
            view! { <Article /> }.into_any()
        }
    }
}
