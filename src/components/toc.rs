//! The table of contents of an article: its second- and third-level headings, linked to the
//! ids the Markdown pipeline gave them.

use leptos::prelude::*;
use quire_core::markdown::Heading;

#[component]
pub fn Toc(headings: Vec<Heading>) -> impl IntoView {
    let contents = crate::state::words().contents.as_str();
    let label = contents;
    let items: Vec<Heading> = headings
        .into_iter()
        .filter(|h| (2..=3).contains(&h.level))
        .collect();
    (items.len() >= 2).then(|| {
        view! {
            <nav class="toc" aria-label=label>
                <details open>
                    <summary>{contents}</summary>
                    <ol>
                        {items
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <li class=format!("toc-level-{}", h.level)>
                                        <a href=format!("#{}", h.id)>{h.text}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </details>
            </nav>
        }
    })
}
