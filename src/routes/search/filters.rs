//! The search page's filters: tag, year and language, their options drawn by the worker.

use crate::search::Status;
use leptos::prelude::*;
use quire_core::escape::escape;
use quire_core::search::Query;
use std::rc::Rc;

/// The tag, year and (in a blog in several languages) language filters. A change updates the
/// query and, at once, the address (`sync_url`).
pub(super) fn filters(
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
}
