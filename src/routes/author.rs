//! `/authors/:id/`: who an author is (from `[authors.<id>]` in `quire.toml`) and their posts.

use crate::components::not_found::missing;
use crate::components::post_list::PostList;
use crate::components::status::{ErrorPanel, Loading};
use crate::load::{use_data, Load};
use leptos::prelude::*;
use quire_core::manifest::{AuthorPage, RouteData};
use quire_core::url;

super::lazy_route!(
    /// `/authors/:id/`.
    route, author_view => Author
);

#[component]
pub fn Author() -> impl IntoView {
    let id = super::param("id");
    // `Ready(None)`: no post names this author.
    let (page, retry) = use_data::<AuthorPage>(move || url::author_data_path(&id.get()));
    move || match page.state.get() {
        Load::Loading => {
            view! { <Loading what={crate::state::words().the_author.as_str()} /> }.into_any()
        }
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        Load::Ready(None) => {
            let w = crate::state::words();
            missing(&w.author_not_found, &w.author_missing, &id.get_untracked()).into_any()
        }
        Load::Ready(Some(p)) => {
            let count = p.author.count;
            view! {
                <section class="index author-page">
                    <h1 class="tag-title">{p.title()}</h1>
                    {p.author.bio.clone().map(|b| view! { <p class="author-bio">{b}</p> })}
                    <p class="tag-summary">
                        {crate::state::words().post_count(count)}
                        {p.author.url.clone().map(|u| view! { " · " <a href=u rel="me noopener">{crate::state::words().website.as_str()}</a> })}
                    </p>
                    <PostList posts=p.posts />
                </section>
            }
            .into_any()
        }
    }
}
