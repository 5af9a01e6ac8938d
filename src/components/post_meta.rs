//! Byline, date, reading time, word count, tags and draft badge: the line under a post's title, on the
//! index and on the article. Tag links are plain anchors (the router takes over their clicks),
//! so the component needs no router around it.

use crate::href::{author_href, category_href, tag_href};
use leptos::prelude::*;
use quire_core::manifest::PostEntry;

#[component]
pub fn PostMeta(entry: PostEntry) -> impl IntoView {
    let date = match (entry.date.clone(), entry.date_display.clone()) {
        (Some(iso), Some(shown)) => Some(view! { <time datetime=iso>{shown}</time> }.into_any()),
        // An unreadable date is shown exactly as written, never guessed.
        (None, Some(written)) => Some(
            view! {
                <span class="date-as-written" title="This date could not be read, so it is shown as written">
                    {written}
                </span>
            }
            .into_any(),
        ),
        _ => None,
    };
    let minutes = entry.reading_minutes;
    let words = entry.words;
    let say = crate::state::words();
    let authors: Vec<(String, String)> = entry
        .authors
        .iter()
        .cloned()
        .zip(entry.author_ids.iter().cloned())
        .collect();
    let and = format!(" {} ", say.and);
    let by = format!("{} ", say.by);
    let byline = (!authors.is_empty()).then(move || {
        let last = authors.len() - 1;
        view! {
            <span class="byline">
                {by}
                {authors
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, id))| {
                        let sep = match i {
                            0 => String::new(),
                            i if i == last => and.clone(),
                            _ => ", ".to_string(),
                        };
                        view! { {sep}<a class="author" href=author_href(&id)>{name}</a> }
                    })
                    .collect_view()}
            </span>
        }
    });
    let categories: Vec<(String, String)> = entry
        .categories
        .iter()
        .cloned()
        .zip(entry.category_slugs.iter().cloned())
        .collect();
    let categories = (!categories.is_empty()).then(|| {
        view! {
            <span class="categories">
                {format!("{} ", say.in_categories)}
                {categories
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, slug))| {
                        let sep = if i == 0 { "" } else { ", " };
                        view! { {sep}<a class="category" href=category_href(&slug)>{name}</a> }
                    })
                    .collect_view()}
            </span>
        }
    });
    let tags: Vec<(String, String)> = entry
        .tags
        .iter()
        .cloned()
        .zip(entry.tag_slugs.iter().cloned())
        .collect();
    view! {
        <div class="post-meta">
            {entry.draft.then(|| view! { <span class="badge draft">"Draft"</span> })}
            {byline}
            {categories}
            {date}
            <span class="reading-time">{say.minutes(minutes)}</span>
            <span class="word-count">{say.words(words)}</span>
            {(!tags.is_empty())
                .then(|| {
                    view! {
                        <ul class="tags" aria-label=say.tags.clone()>
                            {tags
                                .into_iter()
                                .map(|(t, s)| {
                                    view! {
                                        <li class="tag">
                                            <a href=tag_href(&s)>{t}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
    }
}
