//! `/` and `/page/:page`: published posts, newest first, one page at a time.

use crate::components::post_meta::PostMeta;
use crate::components::status::{ErrorPanel, Loading};
use crate::href::{page_href, post_href};
use crate::load::{use_data, Load};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use quire_core::manifest::ListPage;
use quire_core::url;

#[component]
pub fn Index() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let page = Memo::new(move |_| {
        params
            .read()
            .get("page")
            .and_then(|p| p.trim_end_matches('/').parse::<usize>().ok())
            .unwrap_or(1)
    });
    let (list, retry) = use_data::<ListPage>(move || url::list_data_path(page.get()));

    move || match list.state.get() {
        Load::Loading => view! { <Loading what="posts" /> }.into_any(),
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        // A list page is never missing: a failure says so instead.
        Load::Ready(None) => view! { <Loading what="posts" /> }.into_any(),
        Load::Ready(Some(list)) => {
            let description = app.site_description();
            let (n, pages) = (list.page, list.pages);
            view! {
                <section class="index">
                    <h1 class="visually-hidden">
                        {if n > 1 { format!("Posts, page {n} of {pages}") } else { "Posts".to_string() }}
                    </h1>
                    {(n == 1 && !description.is_empty())
                        .then(|| view! { <p class="site-description">{description}</p> })}
                    {if list.posts.is_empty() {
                        view! { <p class="empty">"No posts yet. Add a Markdown file to public/posts/."</p> }
                            .into_any()
                    } else {
                        view! {
                            <ol class="post-list">
                                {list
                                    .posts
                                    .into_iter()
                                    .map(|p| {
                                        let href = post_href(&p.slug);
                                        let title = p.title.clone();
                                        let summary = p.summary.clone();
                                        view! {
                                            <li class="post-item">
                                                <h2 class="post-item-title">
                                                    <A href=href>{title}</A>
                                                </h2>
                                                <PostMeta entry=p />
                                                {(!summary.is_empty())
                                                    .then(|| view! { <p class="summary">{summary}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                            .into_any()
                    }}
                    <Pager page=n pages />
                </section>
            }
                .into_any()
        }
    }
}

#[component]
fn Pager(page: usize, pages: usize) -> impl IntoView {
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {(page > 1)
                    .then(|| view! { <A href=page_href(page - 1) attr:rel="prev" attr:class="pager-newer">"← Newer posts"</A> })}
                <span class="pager-position">{format!("Page {page} of {pages}")}</span>
                {(page < pages)
                    .then(|| view! { <A href=page_href(page + 1) attr:rel="next" attr:class="pager-older">"Older posts →"</A> })}
            </nav>
        }
    })
}
