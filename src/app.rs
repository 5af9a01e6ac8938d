//! The app shell and its route table. The same `App` runs in the browser (CSR) and in the build
//! tool, which renders it to HTML for every route (`ssr`); both start from an [`Initial`] state
//! (see [`crate::state`]), so the takeover shows no change.

use crate::components::search_shortcut::{SearchLink, SearchShortcut};
use crate::components::site_nav::{Footer, Menu};
use crate::components::theme_toggle::ThemeToggle;
use crate::href::{home, tags_href};
use crate::routes::{
    author::Author,
    index::Index,
    not_found::NotFound,
    page::Page,
    posts::PostsPath,
    search::SearchPage,
    tags::{Category, Tag, Tags},
};
use crate::state::{AppContext, Initial};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App(initial: Initial) -> impl IntoView {
    let app = AppContext::new(initial);
    provide_context(app);
    provide_context(crate::search::Search::new(app));

    view! {
        <Router base=app.base>
            <a class="skip-link" href="#main">"Skip to content"</a>
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
                        "Tags"
                    </A>
                    <SearchLink />
                    <SearchShortcut />
                    <ThemeToggle />
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Index />
                    <Route path=path!("/page/:page") view=Index />
                    <Route path=path!("/posts/*slug") view=PostsPath />
                    <Route path=path!("/tags") view=Tags />
                    <Route path=path!("/tags/:tag") view=Tag />
                    <Route path=path!("/categories/:tag") view=Category />
                    <Route path=path!("/authors/:id") view=Author />
                    <Route path=path!("/search") view=SearchPage />
                    // Last: any other address is a standalone page, or not found.
                    <Route path=path!("/*path") view=Page />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
