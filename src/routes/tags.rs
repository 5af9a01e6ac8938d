//! `/tags/` (every tag with its number of posts) and `/tags/:tag/` (the posts of one tag).

use crate::components::not_found::missing;
use crate::components::post_list::PostList;
use crate::components::status::{ErrorPanel, Loading};
use crate::href::{tag_href, tags_href};
use crate::load::{use_data, Load};
use leptos::prelude::*;
use leptos_router::components::A;
use quire_core::manifest::{CategoryPage, RouteData, SeriesPage, TagList, TagPage, Taxonomy};
use quire_core::url;

/// The taxonomies' pages, one module for the four in a split build (`super::lazy_route!`).
#[cfg(feature = "split")]
#[leptos::lazy]
pub fn tags_view(page: u8) -> AnyView {
    match page {
        0 => Tags().into_any(),
        1 => Tag().into_any(),
        2 => Category().into_any(),
        _ => Series().into_any(),
    }
}

fn route(page: u8) -> impl IntoView {
    #[cfg(feature = "split")]
    return super::later(tags_view(page));
    #[cfg(not(feature = "split"))]
    match page {
        0 => Tags().into_any(),
        1 => Tag().into_any(),
        2 => Category().into_any(),
        _ => Series().into_any(),
    }
}

/// `/tags/`.
pub fn tags_route() -> impl IntoView {
    route(0)
}

/// `/tags/:tag/`.
pub fn tag_route() -> impl IntoView {
    route(1)
}

/// `/categories/:tag/`.
pub fn category_route() -> impl IntoView {
    route(2)
}

/// `/series/:tag/`.
pub fn series_route() -> impl IntoView {
    route(3)
}

#[component]
pub fn Tags() -> impl IntoView {
    let (list, retry) = use_data::<TagList>(|| url::TAGS_DATA_PATH.to_string());
    move || {
        match list.state.get() {
        Load::Loading => view! { <Loading what={crate::state::words().the_tags.as_str()} /> }.into_any(),
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        Load::Ready(None) => view! { <Loading what={crate::state::words().the_tags.as_str()} /> }.into_any(),
        Load::Ready(Some(list)) => view! {
            <section class="tags-page">
                <h1>{crate::state::words().tags.as_str()}</h1>
                {if list.tags.is_empty() {
                    view! { <p class="empty">{crate::state::words().no_tags_yet.as_str()}</p> }.into_any()
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
    let slug = super::param("tag");
    // `Ready(None)`: no post has this tag.
    let (page, retry) = use_data::<TagPage>(move || url::tag_data_path(&slug.get()));
    let state = Signal::derive(move || page.state.get());
    tag_page_view(Taxonomy::Tags, state, slug, retry)
}

/// `/categories/:tag/`: the posts of a category (Jekyll's and Hugo's second taxonomy).
#[component]
pub fn Category() -> impl IntoView {
    let slug = super::param("tag");
    let (page, retry) = use_data::<CategoryPage>(move || url::category_data_path(&slug.get()));
    tag_page_view(
        Taxonomy::Categories,
        inner(page.state, |c| c.0),
        slug,
        retry,
    )
}

/// `/series/:tag/`: a series' parts, in reading order.
#[component]
pub fn Series() -> impl IntoView {
    let slug = super::param("tag");
    let (page, retry) = use_data::<SeriesPage>(move || url::series_data_path(&slug.get()));
    tag_page_view(Taxonomy::Series, inner(page.state, |s| s.0), slug, retry)
}

/// The [`TagPage`] inside a taxonomy's own data type (`CategoryPage`, `SeriesPage`).
fn inner<P: Clone + Send + Sync + 'static>(
    state: RwSignal<Load<Option<P>>>,
    tag_page: fn(P) -> TagPage,
) -> Signal<Load<Option<TagPage>>> {
    Signal::derive(move || match state.get() {
        Load::Ready(p) => Load::Ready(p.map(tag_page)),
        Load::Loading => Load::Loading,
        Load::Failed(e) => Load::Failed(e),
    })
}

fn tag_page_view(
    taxonomy: Taxonomy,
    state: Signal<Load<Option<TagPage>>>,
    slug: Memo<String>,
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || match state.get() {
        Load::Loading => {
            let w = crate::state::words();
            let what = match taxonomy {
                Taxonomy::Tags => &w.the_tag,
                Taxonomy::Categories => &w.the_category,
                Taxonomy::Series => &w.the_series,
            };
            view! { <Loading what=what.as_str() /> }.into_any()
        }
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        Load::Ready(None) => {
            let w = crate::state::words();
            let (title, text) = match taxonomy {
                Taxonomy::Tags => (&w.tag_not_found, &w.tag_missing),
                Taxonomy::Categories => (&w.category_not_found, &w.category_missing),
                Taxonomy::Series => (&w.series_not_found, &w.series_missing),
            };
            missing(title, text, &slug.get_untracked()).into_any()
        }
        Load::Ready(Some(p)) => {
            let count = p.tag.count;
            let tags = p.taxonomy == Taxonomy::Tags;
            let w = crate::state::words();
            let count = if p.taxonomy == Taxonomy::Series {
                w.part_count(count)
            } else {
                w.post_count(count)
            };
            view! {
                <section class="index">
                    <h1 class="tag-title">{p.title()}</h1>
                    <p class="tag-summary">
                        {count}
                        {tags.then(|| view! { " · " <A href=tags_href() exact=true>{crate::state::words().all_tags.as_str()}</A> })}
                    </p>
                    <PostList posts=p.posts />
                </section>
            }
            .into_any()
        }
    }
}
