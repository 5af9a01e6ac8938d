//! A series as one of its parts shows it: which part this is, and the parts around it, each
//! linked but this one.

use crate::href::{post_href, series_href};
use leptos::prelude::*;
use leptos_router::components::A;
use quire_core::manifest::SeriesNav;

#[component]
pub fn SeriesBox(nav: SeriesNav) -> impl IntoView {
    let number = nav.first + nav.current;
    let more = nav.total > nav.parts.len();
    let say = crate::state::words();
    let total = nav.total.to_string();
    view! {
        <nav class="series" aria-label="Series">
            <p class="series-title">
                {say.series_part.replace("{n}", &number.to_string()).replace("{total}", &total)
                    + " "}
                <A href=series_href(&nav.slug)>{nav.name.clone()}</A>
            </p>
            <ol start=nav.first>
                {nav
                    .parts
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        if i == nav.current {
                            view! { <li aria-current="page">{p.title}</li> }.into_any()
                        } else {
                            view! {
                                <li>
                                    <A href=post_href(&p.slug)>{p.title}</A>
                                </li>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()}
            </ol>
            {more
                .then(|| {
                    view! {
                        <A href=series_href(&nav.slug)>{say.series_all.replace("{n}", &total)}</A>
                    }
                })}
        </nav>
    }
}
