//! `/search/?q=…&tag=…&year=…`: results as you type, answered by the search worker. The URL
//! always holds the query, so a search can be linked, reloaded and shared.

use crate::components::status::FailurePanel;
use crate::dom::set_title;
use crate::href::{go, home};
use crate::search::{use_search, Status};
use crate::state::{use_app, AppContext};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use quire_core::escape::escape;
use quire_core::search::{Query, RESULTS_SHOWN};
use quire_core::strings::Strings;
use quire_core::url;
use std::rc::Rc;

super::lazy_route!(
    /// `/search/`.
    route, search_view => SearchPage
);

#[component]
pub fn SearchPage() -> impl IntoView {
    let app = use_app();
    let words = app.strings();
    let search = use_search();
    let params = use_query_map();
    let navigate = use_navigate();
    let query = query_of_url(params);
    // The query changed (typed, or from the URL): ask. Typing asks from the input handler
    // itself, without waiting for this effect.
    Effect::new(move |_| search.ask(app.base, query.get()));
    let sync_url = url_follows(app, params, query, navigate.clone());
    let sync_later = after_a_pause(sync_url.clone());
    Effect::new(move |_| set_title(Some(&words.search), &app.site_title()));
    focus_the_box();

    let active = keyboard_choice(search);
    let open = {
        let navigate = navigate.clone();
        let sync_url = sync_url.clone();
        move |i: usize| {
            // The search's own history entry keeps what was typed, for Back.
            sync_url();
            match result_href(i) {
                // Another language's post: its own site, a full page load.
                Some((href, true)) => _ = window().location().set_href(&href),
                Some((href, false)) => navigate(&href, go()),
                None => {}
            }
        }
    };
    let leave = move || {
        let back = search.came_from.get_value().unwrap_or_else(home);
        navigate(&back, go());
    };
    let on_key = on_key(active, open, leave);

    let status = status_line(app, search, query);
    let filters = filters(app, search, query, Rc::new(sync_url.clone()));
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
                {filters}
            </div>
            {status}
            <ol
                id="search-results"
                class="search-results"
                role="listbox"
                aria-label=words.results.as_str()
                data-query=shown_query
                inner_html=results
            ></ol>
            <p class="search-help" inner_html=keys_help(&words.search_keys)></p>
        </section>
    }
}

/// The query the URL holds (`q`, `tag`, `year`, `lang=all`), kept in step with it.
fn query_of_url(params: Memo<ParamsMap>) -> RwSignal<Query> {
    let query = RwSignal::new(params.with_untracked(read_query));
    // The URL changed from outside (back, forward, a link): show that query. Only a change: on
    // its first run the query may already hold what the reader typed into the prerendered box
    // before the app took over (takeover.rs gives it back), which the URL does not have yet.
    Effect::new(move |before: Option<Query>| {
        let q = params.with(read_query);
        if before.is_some_and(|b| b != q) && q != query.get_untracked() {
            query.set(q.clone());
        }
        q
    });
    query
}

fn read_query(m: &ParamsMap) -> Query {
    Query {
        text: m.get("q").unwrap_or_default(),
        tag: m.get("tag").filter(|t| !t.is_empty()),
        year: m.get("year").and_then(|y| y.parse().ok()),
        all: m.get("lang").as_deref() == Some("all"),
    }
}

/// Puts the query in the URL, replacing the entry so Back leaves search.
fn url_follows(
    app: AppContext,
    params: Memo<ParamsMap>,
    query: RwSignal<Query>,
    navigate: impl Fn(&str, NavigateOptions) + Clone + 'static,
) -> impl Fn() + Clone + 'static {
    move || {
        let q = query.get_untracked();
        if q != params.with_untracked(read_query) {
            navigate(
                &url::search_href(app.base, &q),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..go()
                },
            );
        }
    }
}

/// `sync_url` once typing pauses: a router navigation per keystroke would delay the results
/// it races with.
fn after_a_pause(sync_url: impl Fn() + Clone + 'static) -> impl Fn() + Clone + 'static {
    let typed = StoredValue::new(0u32);
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
}

/// The combobox's keys: arrows choose a result, Enter opens it, Escape leaves.
fn on_key(
    active: RwSignal<Option<usize>>,
    open: impl Fn(usize) + 'static,
    leave: impl Fn() + 'static,
) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |e| {
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
    }
}

/// Reached by the `/` key or a link inside the app, the box takes the typing at once (an
/// effect: it never runs while prerendering).
fn focus_the_box() {
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
}

/// The result the keyboard highlights; none until an arrow key is pressed. The list is the
/// worker's HTML, so the choice is shown by setting its class on the DOM.
fn keyboard_choice(search: crate::search::Search) -> RwSignal<Option<usize>> {
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
    active
}

/// The line under the box: loading, a failure to retry, or how many posts match.
fn status_line(
    app: crate::state::AppContext,
    search: crate::search::Search,
    query: RwSignal<Query>,
) -> impl Fn() -> AnyView + Copy {
    let words = app.strings();
    let summary_line = move || {
        let q = query.get();
        search.status.with(|status| {
            search
                .shown
                .with(|shown| summary(words, &q, status, shown.as_ref()))
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
                {words.search_loading.as_str()}
            </p>
        }
        .into_any(),
        _ => view! { <p class="search-status" role="status">{summary_line}</p> }.into_any(),
    };
    status
}

/// The tag, year and (in a blog in several languages) language filters. A change updates the
/// query and, at once, the address (`sync_url`).
fn filters(
    app: crate::state::AppContext,
    search: crate::search::Search,
    query: RwSignal<Query>,
    sync_url: Rc<dyn Fn()>,
) -> impl IntoView {
    let words = app.strings();
    // The worker writes the options and the results as escaped HTML: the page only sets it.
    // Memos, so typing in the box does not rebuild the filters.
    let tag = Memo::new(move |_| query.with(|q| q.tag.clone()));
    let year = Memo::new(move |_| query.with(|q| q.year));
    // The worker lists the values; "all" is the page's, in its words.
    let options = move |all: &str, listed: Option<String>, current: Option<String>| {
        let html = format!(
            "<option value=\"\">{}</option>{}",
            escape(all),
            listed.unwrap_or_default()
        );
        with_current(html, current.as_deref())
    };
    let listed = move |tags: bool| {
        search.status.with(|s| match s {
            Status::Ready {
                tags: t, years: y, ..
            } => Some(if tags { t.clone() } else { y.clone() }),
            _ => None,
        })
    };
    let changed = |set: fn(&mut Query, String)| -> Rc<dyn Fn(String)> {
        let sync_url = sync_url.clone();
        Rc::new(move |v| {
            query.update(|q| set(q, v));
            sync_url();
        })
    };
    let tag_filter = filter(
        &words.tag,
        Signal::derive(move || options(&words.all_tags, listed(true), tag.get())),
        Signal::derive(move || tag.get().unwrap_or_default()),
        changed(|q, v| q.tag = (!v.is_empty()).then_some(v)),
        search,
        app.base,
    );
    let year_filter = filter(
        &words.year,
        Signal::derive(move || {
            options(
                &words.all_years,
                listed(false),
                year.get().map(|y| y.to_string()),
            )
        }),
        Signal::derive(move || year.get().map(|y| y.to_string()).unwrap_or_default()),
        changed(|q, v| q.year = v.parse().ok()),
        search,
        app.base,
    );
    // A blog in several languages: this one's posts, or every language's.
    let language_filter = untrack(|| app.site())
        .filter(|s| !s.languages.is_empty())
        .and_then(|s| s.languages.into_iter().find(|l| l.code == s.language))
        .map(|own| {
            let html = format!(
                "<option value=\"\">{}</option><option value=\"all\">{}</option>",
                escape(&own.name),
                escape(&words.all_languages)
            );
            filter(
                &words.language,
                Signal::derive(move || html.clone()),
                Signal::derive(move || {
                    if query.with(|q| q.all) {
                        "all".into()
                    } else {
                        String::new()
                    }
                }),
                changed(|q, v| q.all = v == "all"),
                search,
                app.base,
            )
        });
    (tag_filter, year_filter, language_filter)
}

/// One of the filters: its label, its options' markup and value, what a change does. One
/// function for every filter, not generic over its closures: the app's WASM has one copy.
fn filter(
    label: &'static str,
    options: Signal<String>,
    value: Signal<String>,
    on_change: Rc<dyn Fn(String)>,
    search: crate::search::Search,
    base: &'static str,
) -> impl IntoView {
    view! {
        <label class="search-filter">
            <span>{label}</span>
            <select
                inner_html=options
                prop:value=value
                on:focus=move |_| search.warm(base)
                on:change=move |e| on_change(event_target_value(&e))
            ></select>
        </label>
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

/// The line under the box, in the page's words: how many posts there are to search, or how
/// many match.
fn summary(
    say: &Strings,
    q: &Query,
    status: &Status,
    shown: Option<&crate::search::Shown>,
) -> String {
    let n = |text: &str, n: usize| text.replace("{n}", &n.to_string());
    if q.is_empty() {
        return match status {
            Status::Ready { posts: 1, .. } => say.search_count_one.clone(),
            Status::Ready { posts, .. } => n(&say.search_count, *posts),
            _ => say.search_hint.clone(),
        };
    }
    match shown {
        Some(s) if s.query == *q => {
            let text = match s.total {
                0 => say.matches_none.clone(),
                1 => say.matches_one.clone(),
                total if total > RESULTS_SHOWN => {
                    n(&say.matches_more, total).replace("{shown}", &RESULTS_SHOWN.to_string())
                }
                total => n(&say.matches, total),
            };
            text.replace("{what}", &describe(say, q))
        }
        _ => String::new(),
    }
}

/// `“golang” in tag “go” in 2024`.
fn describe(say: &Strings, q: &Query) -> String {
    let mut parts = Vec::new();
    if !q.text.trim().is_empty() {
        parts.push(say.query_text.replace("{text}", q.text.trim()));
    }
    if let Some(t) = &q.tag {
        parts.push(say.query_tag.replace("{tag}", t));
    }
    if let Some(y) = q.year {
        parts.push(y.to_string());
    }
    parts.join(&say.query_in)
}

/// The keys' help, its keys as keys: the words are escaped, then the keys put in.
fn keys_help(words: &str) -> String {
    let mut html = escape(words);
    for (name, key) in [
        ("{up}", "↑"),
        ("{down}", "↓"),
        ("{enter}", "Enter"),
        ("{esc}", "Esc"),
        ("{slash}", "/"),
    ] {
        html = html.replace(name, &format!("<kbd>{key}</kbd>"));
    }
    html
}

/// How many results are on screen.
fn result_count() -> usize {
    crate::dom::elements("#search-results > li").len()
}

/// Result `i`'s address, and whether it is another language's site.
fn result_href(i: usize) -> Option<(String, bool)> {
    let a = document()
        .query_selector(&format!("#search-result-{i} a"))
        .ok()
        .flatten()?;
    let external = a.get_attribute("rel").is_some();
    a.get_attribute("href").map(|h| (h, external))
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
        let en = Strings::default();
        let ready = |posts| Status::Ready {
            posts,
            tags: String::new(),
            years: String::new(),
        };
        assert_eq!(
            summary(&en, &Query::default(), &ready(1), None),
            "Type to search 1 post."
        );
        assert_eq!(
            summary(&en, &Query::default(), &ready(7), None),
            "Type to search 7 posts."
        );
        assert_eq!(
            summary(&en, &Query::default(), &Status::Loading, None),
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
            summary(&en, &q, &ready(1), Some(&shown(0))),
            "No post matches “go”."
        );
        assert_eq!(
            summary(&en, &q, &ready(1), Some(&shown(1))),
            "1 post matches “go”."
        );
        assert_eq!(
            summary(&en, &q, &ready(1), Some(&shown(RESULTS_SHOWN + 1))),
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
        assert_eq!(summary(&en, &other, &ready(1), Some(&shown(3))), "");
        let fr = Strings::builtin("fr");
        assert_eq!(
            summary(&fr, &q, &ready(1), Some(&shown(2))),
            "2 articles correspondent à « go »."
        );
        assert_eq!(
            summary(&fr, &Query::default(), &ready(7), None),
            "Tapez pour chercher dans 7 articles."
        );
    }

    #[test]
    fn the_summary_names_the_query_and_filters() {
        let q = Query {
            text: " golang ".into(),
            tag: Some("go".into()),
            year: Some(2022),
            all: false,
        };
        let en = Strings::default();
        assert_eq!(describe(&en, &q), "“golang” in tag “go” in 2022");
        assert_eq!(
            describe(
                &en,
                &Query {
                    year: Some(2022),
                    ..Query::default()
                }
            ),
            "2022"
        );
        assert_eq!(
            describe(&Strings::builtin("fr"), &q),
            "« golang », l’étiquette « go », 2022"
        );
    }

    #[test]
    fn the_keys_help_shows_keys_and_escapes_the_words() {
        assert_eq!(
            keys_help("{up} {down} <b>to</b> {enter}, {esc}, {slash}"),
            "<kbd>↑</kbd> <kbd>↓</kbd> &lt;b&gt;to&lt;/b&gt; <kbd>Enter</kbd>, <kbd>Esc</kbd>, <kbd>/</kbd>"
        );
    }
}
