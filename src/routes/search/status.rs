//! The search page's status line: how many posts there are to search, how many match.

use crate::components::status::FailurePanel;
use crate::search::Status;
use leptos::prelude::*;
use quire_core::search::{Query, RESULTS_SHOWN};
use quire_core::strings::Strings;

/// The line under the box: loading, a failure to retry, or how many posts match.
pub(super) fn status_line(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
