//! `/posts/:slug`: one post, its Markdown fetched and rendered in WASM by the core pipeline.

use crate::components::comments::Comments;
use crate::components::not_found::missing;
use crate::components::post_meta::PostMeta;
use crate::components::related::Related;
use crate::components::series::SeriesBox;
use crate::components::status::{ErrorPanel, Loading};
use crate::components::toc::Toc;
use crate::dom::set_title;
use crate::href::{home, post_href};
use crate::load::{load_article, use_article_body, use_data, Load, Loader};
use crate::state::{use_app, AppContext};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use quire_core::manifest::{PostData, PostEntry};
use quire_core::url;

#[component]
pub fn Article() -> impl IntoView {
    let app = use_app();
    let slug = super::param("slug");
    start_body_early(app, slug);
    // `Ready(None)`: there is no such post.
    let (data, retry) = use_data::<PostData>(move || url::post_data_path(&slug.get()));
    let body = use_article_body(move || match data.state.get() {
        Load::Ready(Some(d)) => Some(d),
        _ => None,
    });
    when_shown(app, body);
    // The entry to show: from the post's data, or from an index page while that loads.
    let entry = Memo::new(move |_| match data.state.get() {
        Load::Ready(Some(d)) => Some(d.entry),
        Load::Ready(None) => None,
        _ => app.known_entry(&slug.get()),
    });
    // While the data loads, the title of the entry an index page showed.
    Effect::new(move |_| {
        if let (Some(e), Load::Loading) = (entry.get(), data.state.get()) {
            set_title(Some(&e.title), &app.site_title());
        }
    });
    move || match (entry.get(), data.state.get()) {
        (None, Load::Ready(None)) => {
            let w = crate::state::words();
            missing(&w.post_not_found, &w.post_missing, &slug.get()).into_any()
        }
        (None, Load::Failed(error)) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        (None, _) => loading().into_any(),
        (Some(e), state) => post(app, e, &state, data, body, retry).into_any(),
    }
}

/// Reached from an index page, the post's Markdown address is known already: start that
/// request beside the data's instead of after it (`load_article` awaits it).
fn start_body_early(app: AppContext, slug: Memo<String>) {
    Effect::new(move |_| {
        let s = slug.get();
        if app.cached::<PostData>(&url::post_data_path(&s)).is_some() {
            return;
        }
        if let Some(entry) = app
            .known_entry(&s)
            .filter(|e| app.cached_article(&e.hash).is_none())
        {
            let body = app.body(&entry);
            leptos::task::spawn_local(async move {
                let _ = body.await;
            });
        }
    });
}

/// Once the body is shown: its copy buttons, and where to look. Opened from a search result,
/// the first match is marked; `/posts/x/#section` reached inside the app is scrolled to. A
/// takeover keeps the reader's position (the browser scrolled the prerendered page).
fn when_shown(app: AppContext, body: Loader<String>) {
    let first_ready = StoredValue::new(matches!(body.state.get_untracked(), Load::Ready(_)));
    let query = use_query_map();
    Effect::new(move |_| {
        if let Load::Ready(_) = body.state.get() {
            request_animation_frame(move || {
                crate::components::copy_code::add_buttons(app.strings())
            });
            let terms = query.with_untracked(|q| {
                crate::components::highlight::terms(&q.get("highlight").unwrap_or_default())
            });
            if !terms.is_empty() {
                first_ready.set_value(false);
                request_animation_frame(move || {
                    crate::components::highlight::mark_first(&terms);
                });
            } else if first_ready.get_value() {
                first_ready.set_value(false);
            } else {
                scroll_to_hash();
            }
        }
    });
}

fn loading() -> impl IntoView {
    view! { <Loading what={crate::state::words().the_post.as_str()} /> }
}

/// The post: its header from the entry at once, the rest as its data and body arrive.
fn post(
    app: AppContext,
    e: PostEntry,
    state: &Load<Option<PostData>>,
    data: Loader<Option<PostData>>,
    body: Loader<String>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ready = match state {
        Load::Ready(Some(d)) => Some(d),
        _ => None,
    };
    let series = ready.and_then(|d| d.series.clone());
    let headings = ready.map(|d| d.headings.clone()).unwrap_or_default();
    let hash = e.hash.clone();
    view! {
        <article class="article">
            <header class="article-header">
                {e
                    .draft
                    .then(|| {
                        view! {
                            <p class="draft-banner" role="note">
                                {app.strings().draft.as_str()}
                            </p>
                        }
                    })}
                <h1 class="article-title">{e.title.clone()}</h1>
                <PostMeta entry=e.clone() />
                {cover(app, &e, ready)}
            </header>
            {series.map(|nav| view! { <SeriesBox nav /> })}
            <Toc headings />
            {move || article_body(app, &hash, data, body, retry)}
            <footer class="article-footer">
                <Related posts=ready.map(|d| d.related.clone()).unwrap_or_default() />
                {ready.and_then(|d| neighbours(app, d))}
                <A href=home() exact=true>{app.strings().all_posts.as_str()}</A>
            </footer>
            {ready.is_some().then(|| view! { <Comments title=e.title.clone() /> })}
        </article>
    }
}

/// The post's image, with the size the build read so nothing moves when it loads.
fn cover(app: AppContext, e: &PostEntry, ready: Option<&PostData>) -> Option<impl IntoView> {
    let src = e.image_url(app.root)?;
    let size = match (ready, &e.image) {
        (Some(d), Some(path)) => d
            .images
            .iter()
            .find(|(p, _, _)| p == path)
            .map(|(_, w, h)| (*w, *h)),
        _ => None,
    };
    Some(view! {
        <img class="cover" src=src alt="" width=size.map(|s| s.0) height=size.map(|s| s.1) />
    })
}

/// The rendered body, or why it is not there with a Retry.
fn article_body(
    app: AppContext,
    hash: &str,
    data: Loader<Option<PostData>>,
    body: Loader<String>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> AnyView {
    match (data.state.get(), body.state.get()) {
        (Load::Failed(error), _) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        (_, Load::Ready(html)) => {
            view! { <div class="prose" data-hash=hash.to_string() inner_html=html></div> }
                .into_any()
        }
        (_, Load::Failed(error)) => {
            let retry = move || {
                if let Load::Ready(Some(d)) = data.state.get_untracked() {
                    load_article(app, body, d);
                }
            };
            view! { <ErrorPanel error on_retry=retry /> }.into_any()
        }
        _ => loading().into_any(),
    }
}

/// "Newer" and "Older" links, when the post has either.
fn neighbours(app: AppContext, d: &PostData) -> Option<impl IntoView> {
    let words = app.strings();
    let (newer, older) = (d.newer.clone(), d.older.clone());
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="post-nav" aria-label=words.more_posts.as_str()>
                {newer
                    .map(|n| {
                        view! {
                            <A href=post_href(&n.slug) attr:rel="prev" attr:class="post-nav-newer">
                                <span class="post-nav-label">{words.newer.as_str()}</span>
                                <span class="post-nav-title">{n.title}</span>
                            </A>
                        }
                    })}
                {older
                    .map(|o| {
                        view! {
                            <A href=post_href(&o.slug) attr:rel="next" attr:class="post-nav-older">
                                <span class="post-nav-label">{words.older.as_str()}</span>
                                <span class="post-nav-title">{o.title}</span>
                            </A>
                        }
                    })}
            </nav>
        }
    })
}

fn scroll_to_hash() {
    {
        let hash = window().location().hash().unwrap_or_default();
        let id = hash.trim_start_matches('#');
        if id.is_empty() {
            return;
        }
        let id = js_sys::decode_uri_component(id)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| id.to_string());
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                el.scroll_into_view();
            }
        });
    }
}
