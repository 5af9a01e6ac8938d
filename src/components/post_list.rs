//! A list of posts as index-like pages show them (tags, categories, an author's posts): each
//! title linked, with its byline, date and tags; the home and section indexes add summaries.

use crate::components::offline::OfflineMark;
use crate::components::post_meta::PostMeta;
use crate::href::post_href;
use leptos::prelude::*;
use leptos_router::components::A;
use quire_core::manifest::PostEntry;

#[component]
pub fn PostList(posts: Vec<PostEntry>, #[prop(optional)] summaries: bool) -> impl IntoView {
    // Which of them open offline: the reader may have opened more since the last list.
    if let Some(offline) = crate::offline::use_offline() {
        Effect::new(move |_| offline.refresh());
    }
    view! {
        <ol class="post-list">
            {posts
                .into_iter()
                .map(|p| {
                    let href = post_href(&p.slug);
                    let slug = p.slug.clone();
                    let title = p.title.clone();
                    let summary = summaries.then(|| p.summary.clone()).filter(|s| !s.is_empty());
                    view! {
                        <li class="post-item">
                            <h2 class="post-item-title">
                                <A href=href>{title}</A>
                                <OfflineMark slug />
                            </h2>
                            <PostMeta entry=p />
                            {summary.map(|s| view! { <p class="summary">{s}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
