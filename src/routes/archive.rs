//! `/archive/`: every post by year and month, titles and dates only (`archive.json`).

use crate::components::status::{ErrorPanel, Loading};
use crate::load::{use_data, Load};
use crate::state::use_app;
use leptos::prelude::*;
use quire_core::manifest::{Archive as ArchiveData, ArchiveEntry, MONTHS};
use quire_core::url;

super::lazy_route!(
    /// `/archive/`.
    route, archive_view => Archive
);

#[component]
pub fn Archive() -> impl IntoView {
    let app = use_app();
    let (archive, retry) = use_data::<ArchiveData>(|| url::ARCHIVE_DATA_PATH.to_string());
    move || match archive.state.get() {
        Load::Loading | Load::Ready(None) => {
            view! { <Loading what={crate::state::words().the_archive.as_str()} /> }.into_any()
        }
        Load::Failed(error) => view! { <ErrorPanel error on_retry=retry /> }.into_any(),
        Load::Ready(Some(a)) => {
            let count = a.posts.len();
            // Plain links (the router still takes their clicks): thousands of `<A>`s would
            // each carry their own reactive state.
            let item = |p: &ArchiveEntry| {
                let when = match (&p.date, &p.written) {
                    (Some(d), _) => Some(
                        view! {
                            <time datetime=d.clone()>{day_and_month(d)}</time>
                        }
                        .into_any(),
                    ),
                    (None, Some(w)) => {
                        Some(view! { <span class="archive-date">{w.clone()}</span> }.into_any())
                    }
                    (None, None) => None,
                };
                view! {
                    <li>
                        {when}
                        <a href=url::post_route(app.base, &p.slug)>{p.title.clone()}</a>
                    </li>
                }
            };
            let mut year = None;
            let months = a
                .months()
                .into_iter()
                .map(|m| {
                    // A year's heading before its first month.
                    let new_year = (m.year != year).then(|| {
                        year = m.year;
                        let id = m.year.map_or("undated".into(), |y| format!("y{y}"));
                        view! { <h2 id=id>{m.year.unwrap_or(&crate::state::words().undated).to_string()}</h2> }
                    });
                    let month = m
                        .month
                        .checked_sub(1)
                        .and_then(|i| MONTHS.get(usize::from(i)))
                        .map(|name| view! { <h3>{*name}</h3> });
                    view! {
                        {new_year}
                        {month}
                        <ul class="archive-list">{m.posts.into_iter().map(item).collect_view()}</ul>
                    }
                })
                .collect_view();
            view! {
                <section class="index archive">
                    <h1>{crate::state::words().archive.as_str()}</h1>
                    <p class="tag-summary">
                        {format!("{count} post{}", if count == 1 { "" } else { "s" })}
                    </p>
                    {months}
                </section>
            }
            .into_any()
        }
    }
}

/// `2024-03-09` → `9 March`.
fn day_and_month(date: &str) -> String {
    let day = date.get(8..10).and_then(|d| d.parse::<u8>().ok());
    let month = date
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.checked_sub(1)?));
    match (day, month) {
        (Some(d), Some(m)) => format!("{d} {m}"),
        _ => date.to_string(),
    }
}
