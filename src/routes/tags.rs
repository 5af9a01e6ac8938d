//! `/tags/` (every tag with its number of posts) and `/tags/:tag/` (the posts of one tag).

use crate::api;
use crate::app::{home, post_href, set_title, tag_href, use_app};
use crate::components::post_meta::PostMeta;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::{Load, Loader};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use quire_core::manifest::{TagList, TagPage};

#[component]
pub fn Tags() -> impl IntoView {
    let app = use_app();
    let list: Loader<TagList> = Loader::new();
    let load = move || match app.cached_tag_list() {
        Some(l) => list.set(Load::Ready(l)),
        None => list.run(async move {
            let l = api::tag_list(app.base).await?;
            app.remember_tag_list(&l);
            Ok(l)
        }),
    };
    load();
    Effect::new(move |_| set_title(Some("Tags"), &app.site_title()));
    move || {
        match list.state.get() {
        Load::Loading => view! { <Loading what="tags" /> }.into_any(),
        Load::Failed(error) => view! { <ErrorPanel error on_retry=load /> }.into_any(),
        Load::Ready(list) => view! {
            <section class="tags-page">
                <h1>"Tags"</h1>
                {if list.tags.is_empty() {
                    view! { <p class="empty">"No post has tags yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="tag-cloud">
                            {list
                                .tags
                                .into_iter()
                                .map(|t| {
                                    view! {
                                        <li class="tag">
                                            <A href=tag_href(&t.slug)>{t.name}</A>
                                            <span class="tag-count">{format!(" ({})", t.count)}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        }
            .into_any(),
    }
    }
}

#[component]
pub fn Tag() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let slug = Memo::new(move |_| {
        params
            .read()
            .get("tag")
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string()
    });
    // `Ready(None)`: no post has this tag.
    let page: Loader<Option<TagPage>> = Loader::new();
    let load = move |s: String| match app.cached_tag_page(&s) {
        Some(p) => page.set(Load::Ready(Some(p))),
        None => page.run(async move {
            let p = api::tag_page(app.base, &s).await?;
            if let Some(p) = &p {
                app.remember_tag_page(p);
            }
            Ok(p)
        }),
    };
    load(slug.get_untracked());
    let shown = StoredValue::new(slug.get_untracked());
    Effect::new(move |_| {
        let s = slug.get();
        if shown.get_value() != s {
            shown.set_value(s.clone());
            load(s);
        }
    });
    Effect::new(move |_| {
        if let Load::Ready(p) = page.state.get() {
            let name = p.map(|p| format!("Posts tagged “{}”", p.tag.name));
            set_title(
                Some(name.as_deref().unwrap_or("Tag not found")),
                &app.site_title(),
            );
        }
    });
    move || match page.state.get() {
        Load::Loading => view! { <Loading what="posts" /> }.into_any(),
        Load::Failed(error) => {
            view! { <ErrorPanel error on_retry=move || load(slug.get_untracked()) /> }.into_any()
        }
        Load::Ready(None) => view! {
            <section class="not-found">
                <h1>"Tag not found"</h1>
                <p>{format!("No post is tagged “{}”.", slug.get_untracked())}</p>
                <p>
                    <A href=home() exact=true>"← Back to all posts"</A>
                </p>
            </section>
        }
        .into_any(),
        Load::Ready(Some(p)) => {
            let count = p.tag.count;
            view! {
                <section class="index">
                    <h1 class="tag-title">
                        {format!("Posts tagged “{}”", p.tag.name)}
                    </h1>
                    <p class="tag-summary">
                        {format!("{count} post{}", if count == 1 { "" } else { "s" })} " · "
                        <A href=crate::app::tags_href() exact=true>"All tags"</A>
                    </p>
                    <ol class="post-list">
                        {p
                            .posts
                            .into_iter()
                            .map(|e| {
                                let title = e.title.clone();
                                view! {
                                    <li class="post-item">
                                        <h2 class="post-item-title">
                                            <A href=post_href(&e.slug)>{title}</A>
                                        </h2>
                                        <PostMeta entry=e />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </section>
            }
            .into_any()
        }
    }
}
