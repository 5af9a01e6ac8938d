//! `/<name>/`: a standalone page (`public/pages/<name>.md`: About, Projects …), rendered like
//! an article but outside the index, the feeds and the tags. Any other address is not found.

use crate::components::not_found::NotFound;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::{load_article, use_article_body, use_data, Load};
use crate::state::use_app;
use leptos::prelude::*;
use quire_core::manifest::StandalonePage;
use quire_core::url;

#[component]
pub fn Page() -> impl IntoView {
    let app = use_app();
    let path = super::param("path");
    // The site lists its pages, so an unknown address is not found at once, without asking the
    // server (and the prerendered 404 page is taken over without a flash).
    let known = Memo::new(move |_| app.has_page(&path.get()));
    move || {
        if known.get() {
            view! { <PageView path /> }.into_any()
        } else {
            view! { <NotFound /> }.into_any()
        }
    }
}

#[component]
fn PageView(path: Memo<String>) -> impl IntoView {
    let app = use_app();
    let (data, retry) = use_data::<StandalonePage>(move || url::page_data_path(&path.get()));
    let body = use_article_body(move || match data.state.get() {
        Load::Ready(Some(StandalonePage(d))) => Some(d),
        _ => None,
    });
    move || match data.state.get() {
        Load::Loading => {
            view! { <Loading what={crate::state::words().the_page.as_str()} /> }.into_any()
        }
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        Load::Ready(None) => view! { <NotFound /> }.into_any(),
        Load::Ready(Some(StandalonePage(d))) => {
            let hash = d.entry.hash.clone();
            view! {
                <article class="article page">
                    <header class="article-header">
                        <h1 class="article-title">{d.entry.title.clone()}</h1>
                    </header>
                    {move || match body.state.get() {
                        Load::Ready(html) => {
                            view! { <div class="prose" data-hash=hash.clone() inner_html=html></div> }
                                .into_any()
                        }
                        Load::Failed(error) => {
                            let d = d.clone();
                            let retry = move || load_article(app, body, d.clone());
                            view! { <ErrorPanel error on_retry=retry /> }.into_any()
                        }
                        Load::Loading => view! { <Loading what={crate::state::words().the_page.as_str()} /> }.into_any(),
                    }}
                </article>
            }
            .into_any()
        }
    }
}
