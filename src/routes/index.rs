//! `/`: every published post, newest first.

use crate::app::{post_href, set_title, use_app};
use crate::components::post_meta::PostMeta;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::Load;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Index() -> impl IntoView {
    let app = use_app();
    app.need_manifest();
    Effect::new(move |_| set_title(None, &app.site_title()));
    move || match app.manifest.state.get() {
        Load::Loading => view! { <Loading what="posts" /> }.into_any(),
        Load::Failed(error) => {
            view! { <ErrorPanel error on_retry=move || app.load_manifest() /> }.into_any()
        }
        Load::Ready(manifest) => {
            let description = manifest.site.description.clone();
            let posts = manifest.posts.clone();
            view! {
                <section class="index">
                    <h1 class="visually-hidden">"Posts"</h1>
                    {(!description.is_empty()).then(|| view! { <p class="site-description">{description}</p> })}
                    {if posts.is_empty() {
                        view! { <p class="empty">"No posts yet. Add a Markdown file to public/posts/."</p> }.into_any()
                    } else {
                        view! {
                            <ol class="post-list">
                                {posts
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
                                                {(!summary.is_empty()).then(|| view! { <p class="summary">{summary}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                        .into_any()
                    }}
                </section>
            }
            .into_any()
        }
    }
}
