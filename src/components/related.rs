//! The posts the build found on the same subject (`quire_core::related`), under an article.

use crate::href::post_href;
use leptos::prelude::*;
use leptos_router::components::A;
use quire_core::manifest::PostLink;

#[component]
pub fn Related(posts: Vec<PostLink>) -> impl IntoView {
    (!posts.is_empty()).then(|| {
        view! {
            <nav class="related" aria-labelledby="related-title">
                <h2 id="related-title">{crate::state::words().related_posts.as_str()}</h2>
                <ul>
                    {posts
                        .into_iter()
                        .map(|p| view! { <li><A href=post_href(&p.slug)>{p.title}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}
