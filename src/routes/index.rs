//! `/` and `/page/:page`: published posts, newest first, one page at a time; and a section's
//! index (`/posts/<section>/`, `/posts/<section>/page/<n>/`), with its title and introduction.

use crate::components::post_list::PostList;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::{use_data, Load, Loader};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use quire_core::manifest::ListPage;
use quire_core::url;

#[component]
pub fn Index() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| {
        params
            .read()
            .get("page")
            .and_then(|p| p.trim_end_matches('/').parse::<usize>().ok())
            .unwrap_or(1)
    });
    let (list, retry) = use_data::<ListPage>(move || url::list_data_path(page.get()));
    list_view(list, retry)
}

/// A section's index: `at` is its path and page number (from `/posts/*path`).
#[component]
pub fn SectionIndex(at: Memo<(String, usize)>) -> impl IntoView {
    let (list, retry) = use_data::<ListPage>(move || {
        let (section, page) = at.get();
        url::section_data_path(&section, page)
    });
    list_view(list, retry)
}

fn list_view(
    list: Loader<Option<ListPage>>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    move || match list.state.get() {
        Load::Loading => {
            view! { <Loading what={crate::state::words().the_posts.as_str()} /> }.into_any()
        }
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        // A list page is never missing: a failure says so instead.
        Load::Ready(None) => {
            view! { <Loading what={crate::state::words().the_posts.as_str()} /> }.into_any()
        }
        Load::Ready(Some(list)) => {
            let words = app.strings();
            let (n, pages) = (list.page, list.pages);
            let newer = (n > 1).then(|| list.route_of(app.base, n - 1));
            let older = (n < pages).then(|| list.route_of(app.base, n + 1));
            let section = list.section.clone().unwrap_or_default();
            // The introduction of the section's `_index.md` (or the home page's), rendered by
            // the build, on the first page only.
            let intro = (n == 1 && !section.intro.is_empty()).then(|| {
                view! { <div class="prose section-intro" inner_html=section.intro.clone()></div> }
            });
            let heading = if section.path.is_empty() {
                let description = app.site_description();
                view! {
                    <h1 class="visually-hidden">
                        {if n > 1 { words.posts_page(n, pages) } else { words.posts.clone() }}
                    </h1>
                    {(n == 1 && !description.is_empty())
                        .then(|| view! { <p class="site-description">{description}</p> })}
                }
                .into_any()
            } else {
                let feed = format!("{}/{}", app.base, url::section_feed_path(&section.path));
                view! {
                    <h1 class="section-title">{section.title.clone()}</h1>
                    <p class="tag-summary">
                        {format!("{} post{}", list.total, if list.total == 1 { "" } else { "s" })}
                        " · "
                        <a href=feed type="application/atom+xml">{words.feed.as_str()}</a>
                    </p>
                }
                .into_any()
            };
            view! {
                <section class="index">
                    {heading}
                    {intro}
                    {if list.posts.is_empty() {
                        view! { <p class="empty">{crate::state::words().no_posts_yet.as_str()}</p> }
                            .into_any()
                    } else {
                        view! { <PostList posts=list.posts summaries=true /> }
                            .into_any()
                    }}
                    <Pager page=n pages newer older />
                </section>
            }
            .into_any()
        }
    }
}

#[component]
fn Pager(page: usize, pages: usize, newer: Option<String>, older: Option<String>) -> impl IntoView {
    let words = use_app().strings();
    let (newer_label, older_label) = (words.newer_posts.as_str(), words.older_posts.as_str());
    let position = use_app().strings().page_of(page, pages);
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {newer
                    .map(|href| view! { <A href=href attr:rel="prev" attr:class="pager-newer">{newer_label}</A> })}
                <span class="pager-position">{position}</span>
                {older
                    .map(|href| view! { <A href=href attr:rel="next" attr:class="pager-older">{older_label}</A> })}
            </nav>
        }
    })
}
