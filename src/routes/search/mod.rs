//! `/search/?q=…&tag=…&year=…`: results as you type, answered by the search worker. The URL
//! always holds the query, so a search can be linked, reloaded and shared.

use crate::dom::set_title;
use crate::href::{go, home};
use crate::search::use_search;
use crate::state::{use_app, AppContext};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use quire_core::escape::escape;
use quire_core::search::Query;
use quire_core::url;
use std::rc::Rc;

mod filters;
mod status;

use filters::filters;
use status::status_line;

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

/// How long typing pauses before the URL follows the query.
const URL_DELAY_MS: u64 = 300;

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
    fn the_keys_help_shows_keys_and_escapes_the_words() {
        assert_eq!(
            keys_help("{up} {down} <b>to</b> {enter}, {esc}, {slash}"),
            "<kbd>↑</kbd> <kbd>↓</kbd> &lt;b&gt;to&lt;/b&gt; <kbd>Enter</kbd>, <kbd>Esc</kbd>, <kbd>/</kbd>"
        );
    }
}
