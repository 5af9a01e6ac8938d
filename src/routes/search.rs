//! `/search/?q=…&tag=…&year=…`: results as you type, answered by the search worker. The URL
//! always holds the query, so a search can be linked, reloaded and shared.

use crate::components::status::FailurePanel;
use crate::dom::set_title;
use crate::href::{go, home};
use crate::search::{use_search, Status};
use crate::state::use_app;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use quire_core::escape::escape;
use quire_core::manifest::SEARCH_TITLE;
use quire_core::search::{Query, RESULTS_SHOWN};
use quire_core::url;

#[component]
pub fn SearchPage() -> impl IntoView {
    let app = use_app();
    let words = app.strings();
    let search = use_search();
    let params = use_query_map();
    let navigate = use_navigate();
    let read = |m: &leptos_router::params::ParamsMap| Query {
        text: m.get("q").unwrap_or_default(),
        tag: m.get("tag").filter(|t| !t.is_empty()),
        year: m.get("year").and_then(|y| y.parse().ok()),
    };
    let from_url = move || params.with(read);
    let from_url_untracked = move || params.with_untracked(read);
    let query = RwSignal::new(from_url_untracked());
    // The URL changed from outside (back, forward, a link): show that query. Only a change: on
    // its first run the query may already hold what the reader typed into the prerendered box
    // before the app took over (takeover.rs gives it back), which the URL does not have yet.
    Effect::new(move |before: Option<Query>| {
        let q = from_url();
        if before.is_some_and(|b| b != q) && q != query.get_untracked() {
            query.set(q.clone());
        }
        q
    });
    // The query changed (typed, or from the URL): ask. Typing asks from the input handler
    // itself, without waiting for this effect.
    Effect::new(move |_| search.ask(app.base, query.get()));
    // The URL follows the query (replacing, so Back leaves search), once typing pauses: a
    // router navigation per keystroke would delay the results it races with.
    let nav = navigate.clone();
    let sync_url = move || {
        let q = query.get_untracked();
        if q != from_url_untracked() {
            nav(
                &url::search_href(app.base, &q),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..go()
                },
            );
        }
    };
    let typed = StoredValue::new(0u32);
    let sync_later = {
        let sync_url = sync_url.clone();
        move || {
            let generation = typed.get_value() + 1;
            typed.set_value(generation);
            let sync_url = sync_url.clone();
            set_timeout(
                move || {
                    if typed.try_get_value() == Some(generation) {
                        sync_url();
                    }
                },
                std::time::Duration::from_millis(URL_DELAY_MS),
            );
        }
    };
    Effect::new(move |_| set_title(Some(SEARCH_TITLE), &app.site_title()));
    // Reached by the `/` key or a link inside the app, the box takes the typing at once (an
    // effect: it never runs while prerendering).
    Effect::new(move |_| {
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(input) = document()
                .get_element_by_id("search-input")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        });
    });

    // The highlighted result for the keyboard; none until an arrow key is pressed. The list
    // is the worker's HTML, so the choice is shown by setting its class on the DOM.
    let active = RwSignal::new(None::<usize>);
    Effect::new(move |previous: Option<Option<Query>>| {
        let shown = search.shown.with(|s| s.as_ref().map(|s| s.query.clone()));
        if previous.as_ref() == Some(&shown) {
            // The same results again, now with snippets: the choice stays, marked on the new
            // list once it is in the page (its HTML is set by an effect of its own, which may
            // run after this one: under load the mark was lost).
            request_animation_frame(move || show_active(active.get_untracked()));
        } else {
            active.set(None);
        }
        shown
    });
    Effect::new(move |_| show_active(active.get()));

    let open = {
        let navigate = navigate.clone();
        let sync_url = sync_url.clone();
        move |i: usize| {
            // The search's own history entry keeps what was typed, for Back.
            sync_url();
            if let Some(href) = result_href(i) {
                navigate(&href, go());
            }
        }
    };
    let leave = move || {
        let back = search.came_from.get_value().unwrap_or_else(home);
        navigate(&back, go());
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let count = result_count();
        match e.key().as_str() {
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1).min(count - 1))));
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                active.update(|a| *a = a.and_then(|i| i.checked_sub(1)));
            }
            "Enter" if count > 0 => {
                e.prevent_default();
                open(active.get_untracked().unwrap_or(0));
            }
            "Escape" => {
                e.prevent_default();
                leave();
            }
            _ => {}
        }
    };

    let summary_line = move || {
        let q = query.get();
        search.status.with(|status| {
            search
                .shown
                .with(|shown| summary(&q, status, shown.as_ref()))
        })
    };

    let empty = Memo::new(move |_| query.with(Query::is_empty));
    let status = move || match search.status.get() {
        Status::Failed(message) => {
            view! { <FailurePanel message on_retry=move || search.retry(app.base) /> }.into_any()
        }
        Status::Loading if !empty.get() => view! {
            <p class="search-status" role="status">
                <span class="spinner" aria-hidden="true"></span>
                "Loading the search index…"
            </p>
        }
        .into_any(),
        _ => view! { <p class="search-status" role="status">{summary_line}</p> }.into_any(),
    };
    // The worker writes the options and the results as escaped HTML: the page only sets it.
    // Memos, so typing in the box does not rebuild the filters.
    let tag = Memo::new(move |_| query.with(|q| q.tag.clone()));
    let year = Memo::new(move |_| query.with(|q| q.year));
    let tag_options = move || {
        let current = tag.get();
        let html = search.status.with(|s| match s {
            Status::Ready { tags, .. } => tags.clone(),
            _ => r#"<option value="">All tags</option>"#.to_string(),
        });
        with_current(html, current.as_deref())
    };
    let year_options = move || {
        let current = year.get().map(|y| y.to_string());
        let html = search.status.with(|s| match s {
            Status::Ready { years, .. } => years.clone(),
            _ => r#"<option value="">All years</option>"#.to_string(),
        });
        with_current(html, current.as_deref())
    };
    let results = move || search.shown.with(|s| s.as_ref().map(|s| s.html.clone()));
    let shown_query = move || {
        search
            .shown
            .with(|s| s.as_ref().map(|s| s.query.text.clone()))
    };

    view! {
        <section class="search-page" role="search">
            <h1>{words.search.as_str()}</h1>
            <div class="search-box">
                <input
                    id="search-input"
                    class="search-input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    autofocus=true
                    placeholder=format!("{}…", words.search_posts)
                    aria-label=words.search_posts.as_str()
                    role="combobox"
                    aria-autocomplete="list"
                    aria-controls="search-results"
                    aria-expanded=move || search.shown.with(|s| s.is_some()).to_string()
                    aria-activedescendant=move || active.get().map(|i| format!("search-result-{i}"))
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input={
                        let sync_later = sync_later.clone();
                        move |e| {
                            let text = event_target_value(&e);
                            query.update(|q| q.text = text);
                            search.ask(app.base, query.get_untracked());
                            sync_later();
                        }
                    }
                    on:keydown=on_key
                />
                <label class="search-filter">
                    <span>"Tag"</span>
                    <select
                        inner_html=tag_options
                        prop:value=move || tag.get().unwrap_or_default()
                        on:focus=move |_| search.warm(app.base)
                        on:change={
                            let sync_url = sync_url.clone();
                            move |e| {
                                let v = event_target_value(&e);
                                query.update(|q| q.tag = (!v.is_empty()).then_some(v));
                                sync_url();
                            }
                        }
                    ></select>
                </label>
                <label class="search-filter">
                    <span>"Year"</span>
                    <select
                        inner_html=year_options
                        prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:focus=move |_| search.warm(app.base)
                        on:change={
                            let sync_url = sync_url.clone();
                            move |e| {
                                let v = event_target_value(&e);
                                query.update(|q| q.year = v.parse().ok());
                                sync_url();
                            }
                        }
                    ></select>
                </label>
            </div>
            {status}
            <ol
                id="search-results"
                class="search-results"
                role="listbox"
                aria-label="Results"
                data-query=shown_query
                inner_html=results
            ></ol>
            <p class="search-help">
                <kbd>"↑"</kbd>" "<kbd>"↓"</kbd>" to choose, "<kbd>"Enter"</kbd>" to open, "
                <kbd>"Esc"</kbd>" to close. Press "<kbd>"/"</kbd>" on any page to search."
            </p>
        </section>
    }
}

/// How long typing pauses before the URL follows the query.
const URL_DELAY_MS: u64 = 300;

/// The filter's options, plus the current value when the index does not list it (a link's
/// filter, before the index arrives or for a tag no post has), selected.
fn with_current(mut html: String, current: Option<&str>) -> String {
    if let Some(c) = current {
        let c = escape(c);
        let option = format!("<option value=\"{c}\">");
        if html.contains(&option) {
            html = html.replacen(&option, &format!("<option value=\"{c}\" selected>"), 1);
        } else {
            html.push_str(&format!("<option value=\"{c}\" selected>{c}</option>"));
        }
    }
    html
}

/// “golang” in tag go, 2024.
/// The line under the box: how many posts there are to search, or how many match.
fn summary(q: &Query, status: &Status, shown: Option<&crate::search::Shown>) -> String {
    if q.is_empty() {
        return match status {
            Status::Ready { posts, .. } => format!(
                "Type to search {posts} post{}.",
                if *posts == 1 { "" } else { "s" }
            ),
            _ => "Type to search titles, headings, tags and text.".to_string(),
        };
    }
    match shown {
        Some(s) if s.query == *q => {
            let what = describe(q);
            match s.total {
                0 => format!("No post matches {what}."),
                1 => format!("1 post matches {what}."),
                n if n > RESULTS_SHOWN => {
                    format!("{n} posts match {what}; the best {RESULTS_SHOWN} are shown.")
                }
                n => format!("{n} posts match {what}."),
            }
        }
        _ => String::new(),
    }
}

fn describe(q: &Query) -> String {
    let mut parts = Vec::new();
    if !q.text.trim().is_empty() {
        parts.push(format!("“{}”", q.text.trim()));
    }
    if let Some(t) = &q.tag {
        parts.push(format!("tag “{t}”"));
    }
    if let Some(y) = q.year {
        parts.push(format!("{y}"));
    }
    parts.join(" in ")
}

/// How many results are on screen.
fn result_count() -> usize {
    crate::dom::elements("#search-results > li").len()
}

/// Result `i`'s address.
fn result_href(i: usize) -> Option<String> {
    document()
        .query_selector(&format!("#search-result-{i} a"))
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
}

/// Marks the keyboard's result (`active` class, `aria-selected`) and keeps it in view.
fn show_active(active: Option<usize>) {
    for (i, li) in crate::dom::elements("#search-results > li")
        .iter()
        .enumerate()
    {
        let on = active == Some(i);
        let _ = li.class_list().toggle_with_force("active", on);
        let _ = li.set_attribute("aria-selected", if on { "true" } else { "false" });
        if on {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            li.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_filter_is_selected_and_added_when_unlisted() {
        let all = r#"<option value="">All tags</option>"#.to_string();
        assert_eq!(with_current(all.clone(), None), all);
        let html = with_current(all.clone(), Some("go\""));
        assert!(
            html.ends_with(r#"<option value="go&quot;" selected>go&quot;</option>"#),
            "{html}"
        );
        let listed = format!(r#"{all}<option value="go">go (2)</option>"#);
        assert_eq!(
            with_current(listed, Some("go")),
            format!(r#"{all}<option value="go" selected>go (2)</option>"#)
        );
    }

    #[test]
    fn the_summary_counts_posts_then_matches() {
        let ready = Status::Ready {
            posts: 1,
            tags: String::new(),
            years: String::new(),
        };
        assert_eq!(
            summary(&Query::default(), &ready, None),
            "Type to search 1 post."
        );
        assert_eq!(
            summary(&Query::default(), &Status::Loading, None),
            "Type to search titles, headings, tags and text."
        );
        let q = Query {
            text: "go".into(),
            ..Query::default()
        };
        let shown = |total| crate::search::Shown {
            query: q.clone(),
            total,
            html: String::new(),
        };
        assert_eq!(
            summary(&q, &ready, Some(&shown(0))),
            "No post matches “go”."
        );
        assert_eq!(
            summary(&q, &ready, Some(&shown(RESULTS_SHOWN + 1))),
            format!(
                "{} posts match “go”; the best {RESULTS_SHOWN} are shown.",
                RESULTS_SHOWN + 1
            )
        );
        // An answer to an older query says nothing about this one.
        let other = Query {
            text: "g".into(),
            ..Query::default()
        };
        assert_eq!(summary(&other, &ready, Some(&shown(3))), "");
    }

    #[test]
    fn the_summary_names_the_query_and_filters() {
        let q = Query {
            text: " golang ".into(),
            tag: Some("go".into()),
            year: Some(2022),
        };
        assert_eq!(describe(&q), "“golang” in tag “go” in 2022");
        assert_eq!(
            describe(&Query {
                year: Some(2022),
                ..Query::default()
            }),
            "2022"
        );
    }
}
