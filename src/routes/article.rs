//! `/posts/:slug`: one post, its Markdown fetched and rendered in WASM by the core pipeline.

use crate::api::{self, ApiError};
use crate::app::{home, set_title, use_app, AppContext};
use crate::components::post_meta::PostMeta;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::{Load, Loader};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use quire_core::manifest::{Manifest, PostEntry};
use quire_core::markdown::{render, RenderOptions};

#[component]
pub fn Article() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // None while unknown (the manifest is loading); Some(None) for a slug that is no post.
    let entry = Memo::new(move |_| {
        let slug = slug.get();
        if let Some(e) = app.known_post(&slug) {
            return Some(Some(e));
        }
        app.need_manifest();
        match app.manifest.state.get() {
            Load::Ready(m) => Some(m.post(&slug).cloned()),
            _ => None,
        }
    });
    let body: Loader<String> = Loader::new();
    // A post the page already holds (prerendered, or read before) renders in the first pass, so
    // taking over a prerendered page shows no loading state.
    let shown_hash = StoredValue::new(None::<String>);
    if let Some(Some(e)) = entry.get_untracked() {
        if let Some(html) = app.cached_article(&e.hash) {
            body.set(Load::Ready(html));
            shown_hash.set_value(Some(e.hash));
        }
    }

    Effect::new(move |_| {
        if let Some(Some(e)) = entry.get() {
            if shown_hash.get_value().as_deref() != Some(e.hash.as_str()) {
                shown_hash.set_value(Some(e.hash.clone()));
                load_body(app, body, e);
            }
        }
    });
    Effect::new(move |_| match entry.get() {
        Some(Some(e)) => set_title(Some(&e.title), &app.site_title()),
        Some(None) => set_title(Some("Post not found"), &app.site_title()),
        None => {}
    });

    move || match (entry.get(), app.manifest.state.get()) {
        (None, Load::Failed(error)) => {
            view! { <ErrorPanel error on_retry=move || app.load_manifest() /> }.into_any()
        }
        (None, _) => view! { <Loading what="the post" /> }.into_any(),
        (Some(entry), _) => match entry {
            None => view! { <PostNotFound slug=slug.get() /> }.into_any(),
            Some(e) => {
                let retry_entry = e.clone();
                let hash = e.hash.clone();
                view! {
                    <article class="article">
                        <header class="article-header">
                            {e.draft.then(|| view! {
                                <p class="draft-banner" role="note">"Draft — visible in development only; a release build leaves it out."</p>
                            })}
                            <h1 class="article-title">{e.title.clone()}</h1>
                            <PostMeta entry=e.clone() />
                        </header>
                        {move || match body.state.get() {
                            Load::Loading => view! { <Loading what="the post" /> }.into_any(),
                            Load::Failed(error) => {
                                let retry_entry = retry_entry.clone();
                                view! { <ErrorPanel error on_retry=move || load_body(app, body, retry_entry.clone()) /> }.into_any()
                            }
                            Load::Ready(html) => {
                                view! { <div class="prose" data-hash=hash.clone() inner_html=html></div> }.into_any()
                            }
                        }}
                        <footer class="article-footer">
                            <A href=home() exact=true>"← All posts"</A>
                        </footer>
                    </article>
                }
                .into_any()
            }
        },
    }
}

fn load_body(app: AppContext, body: Loader<String>, entry: PostEntry) {
    if let Some(html) = app.cached_article(&entry.hash) {
        body.set(Load::Ready(html));
        return;
    }
    let manifest = match app.manifest.state.get_untracked() {
        Load::Ready(m) => Some(m),
        _ => None,
    };
    let base = app.base;
    body.run(async move {
        let markdown = api::post_body(base, &entry).await?;
        // Links to other posts' files need the manifest; without it they stay plain paths.
        let html = render_post(&markdown, &entry, base, manifest.as_deref());
        app.articles.update_value(|c| {
            c.insert(entry.hash.clone(), html.clone());
        });
        Ok::<_, ApiError>(html)
    });
}

/// The same render call the build tool makes, with links between posts resolved from the manifest.
pub fn render_post(
    markdown: &str,
    entry: &PostEntry,
    base: &str,
    manifest: Option<&Manifest>,
) -> String {
    let source_dir = entry.source.rsplit_once('/').map_or("", |(dir, _)| dir);
    let lookup = |path: &str| manifest.and_then(|m| m.slug_for_source(path));
    render(
        markdown,
        &RenderOptions {
            base,
            source_dir,
            post_slug: Some(&lookup),
        },
    )
    .html
}

#[component]
fn PostNotFound(slug: String) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1>"Post not found"</h1>
            <p>{format!("There is no post called “{slug}”. It may have been renamed or removed.")}</p>
            <p>
                <A href=home() exact=true>"← Back to all posts"</A>
            </p>
        </section>
    }
}
