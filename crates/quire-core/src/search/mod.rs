//! Full-text search, the part both hosts share: how text becomes terms, the index the build
//! tool writes, how a query is matched and ranked, the snippets, and what the search worker
//! is asked and answers. Browser-free so it is tested natively; the build writes
//! [`Index`], the worker (`crates/quire-search`) answers [`Request`]s with it.
//!
//! Terms are lowercase and without diacritics (`Überblick` → `uberblick`), so queries are
//! case- and accent-insensitive. A query word matches a term exactly, as a prefix (`back` →
//! `backend`), or within one edit for words of 4+ letters and two for 8+ (`pyhton` →
//! `python`, transpositions count as one edit).

mod index;
mod protocol;
mod rank;
mod snippet;
mod text;

pub use index::{Doc, Index, Packed, Posting, Source, BODY, HEADING, TAG, TITLE};
pub use protocol::js;
pub use protocol::{Answer, Found, FromWorker, Request, ToWorker, Wanted, Wire, RESULTS_SHOWN};
pub use rank::{Facets, Hit, Query, Results};
pub use snippet::{first_match, snippet, Piece};
pub use text::{collapse_space, fold, terms};

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(slug: &str, title: &str, year: u16, tags: &[&str]) -> Doc {
        Doc {
            slug: slug.into(),
            title: title.into(),
            date_display: None,
            year: Some(year),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            hash: format!("h-{slug}"),
            page: false,
            at: String::new(),
        }
    }

    /// Newest first, as the manifest orders posts.
    fn index() -> Index {
        Index::build(vec![
            Source {
                doc: doc(
                    "errors",
                    "Errors in Rust without tears",
                    2024,
                    &["rust", "errors"],
                ),
                headings: vec!["Result", "The question mark"],
                tags: vec!["rust", "errors"],
                body: "Rust has no exceptions. A backend in Rust returns Result.",
            },
            Source {
                doc: doc("reading", "A reading list for the web", 2023, &["web"]),
                headings: vec!["Überblick"],
                tags: vec!["web"],
                body: "Notes on Python tooling and the café down the street.",
            },
            Source {
                doc: doc(
                    "seed",
                    "Golang vs Python for backend",
                    2022,
                    &["go", "python"],
                ),
                headings: vec![],
                tags: vec!["go", "python"],
                body: "If I must choose one for my every project, Golang or Python?",
            },
        ])
    }

    fn slugs(index: &Index, text: &str) -> Vec<String> {
        index
            .search(
                &Query {
                    text: text.into(),
                    ..Query::default()
                },
                usize::MAX,
            )
            .hits
            .into_iter()
            .map(|h| index.docs[h.doc as usize].slug.clone())
            .collect()
    }

    #[test]
    fn terms_are_lowercase_and_without_diacritics() {
        let t: Vec<String> = terms("Überblick: Ça, STRAßE — naïve 2024!").collect();
        assert_eq!(t, ["uberblick", "ca", "strasse", "naive", "2024"]);
        assert_eq!(fold("Δέλτα"), "δέλτα", "other scripts are lowercased only");
    }

    #[test]
    fn exact_prefix_and_typo_matches_find_the_seed_post() {
        let i = index();
        assert_eq!(slugs(&i, "golang"), ["seed"]);
        assert_eq!(slugs(&i, "GoLang"), ["seed"]);
        // Title hit above body hits; among equals, newer first.
        assert_eq!(slugs(&i, "python"), ["seed", "reading"]);
        assert_eq!(
            slugs(&i, "pyhton"),
            ["seed", "reading"],
            "a transposition is one edit"
        );
        assert_eq!(
            slugs(&i, "back"),
            ["seed", "errors"],
            "prefix; title above body"
        );
        assert_eq!(slugs(&i, "backend"), ["seed", "errors"]);
        assert_eq!(slugs(&i, "uberblick"), ["reading"]);
        assert_eq!(slugs(&i, "cafe"), ["reading"], "diacritics are ignored");
    }

    #[test]
    fn typo_tolerance_grows_with_the_word() {
        let i = index();
        assert!(
            slugs(&i, "rusq").contains(&"errors".to_string()),
            "one edit at 4 letters"
        );
        assert!(slugs(&i, "rsu").is_empty(), "no typos under 4 letters");
        assert_eq!(
            slugs(&i, "exeptoins"),
            ["errors"],
            "two edits at 8+ letters"
        );
        assert!(
            slugs(&i, "pyxxon").is_empty(),
            "two edits at 6 letters is too many"
        );
    }

    #[test]
    fn posts_with_every_word_come_first() {
        let i = index();
        // `rust backend`: only the Rust post has both words.
        assert_eq!(slugs(&i, "rust backend"), ["errors", "seed"]);
        assert_eq!(slugs(&i, "python backend"), ["seed", "errors", "reading"]);
    }

    #[test]
    fn filters_by_tag_and_year() {
        let i = index();
        let q = |text: &str, tag: Option<&str>, year: Option<u16>| -> Vec<String> {
            i.search(
                &Query {
                    text: text.into(),
                    tag: tag.map(str::to_string),
                    year,
                    all: false,
                },
                usize::MAX,
            )
            .hits
            .into_iter()
            .map(|h| i.docs[h.doc as usize].slug.clone())
            .collect()
        };
        assert_eq!(q("python", Some("web"), None), ["reading"]);
        assert_eq!(q("python", None, Some(2022)), ["seed"]);
        assert!(q("python", Some("rust"), None).is_empty());
        // A filter alone lists its posts, newest first.
        assert_eq!(q("", Some("python"), None), ["seed"]);
        assert_eq!(q("  ", None, Some(2023)), ["reading"]);
        assert!(q("", None, None).is_empty());
    }

    #[test]
    fn a_limit_keeps_the_best_and_counts_all() {
        let i = index();
        let q = Query {
            text: "python backend".into(),
            ..Query::default()
        };
        let all = i.search(&q, usize::MAX);
        let top = i.search(&q, 1);
        assert_eq!((all.total, top.total), (3, 3));
        assert_eq!(top.hits, all.hits[..1]);
    }

    #[test]
    fn facets_count_tags_and_years() {
        let f = index().facets();
        assert!(f.tags.contains(&("rust".to_string(), 1)));
        assert_eq!(f.years, [(2024, 1), (2023, 1), (2022, 1)]);
    }

    #[test]
    fn the_worker_answers_with_what_the_app_shows() {
        let i = index();
        let Answer { id, total, found } = i.answer(&Request {
            id: 7,
            query: Query {
                text: "golang".into(),
                ..Query::default()
            },
            limit: 10,
        });
        assert_eq!((id, total), (7, 1));
        assert_eq!(found[0].slug, "seed");
        assert_eq!(found[0].hash, "h-seed");
        assert_eq!(found[0].terms, ["golang"]);
    }

    #[test]
    fn the_first_match_is_found_by_its_folded_form() {
        let t = vec!["cafe".to_string(), "python".to_string()];
        let text = "Notes on Python tooling, and the Café.";
        assert_eq!(&text[first_match(text, &t).unwrap()], "Python");
        assert_eq!(
            first_match("Le Café", &t).map(|r| &"Le Café"[r]),
            Some("Café")
        );
        assert_eq!(first_match("Pythonic", &t), None, "whole words only");
        assert_eq!(first_match("anything", &[]), None);
    }

    #[test]
    fn snippets_show_the_match_in_context_and_mark_it() {
        let t = vec!["python".to_string()];
        let long = format!(
            "{} Then Python arrives, and python again. {}",
            "Lorem ipsum dolor sit amet. ".repeat(10),
            "More words follow here. ".repeat(20)
        );
        let s = snippet(&long, &t, 120);
        let text: String = s.iter().map(|(p, _)| p.as_str()).collect();
        assert!(text.starts_with("… ") && text.ends_with(" …"), "{text}");
        assert!(text.chars().count() <= 130, "{}", text.chars().count());
        let marked: Vec<&str> = s.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, ["Python", "python"]);
        // Nothing matched in the text (a title hit): its opening.
        let s = snippet("Short text.", &["zzz".to_string()], 120);
        assert_eq!(s, [("Short text.".to_string(), false)]);
        // Multi-byte text is cut on character boundaries.
        let s = snippet(&"é ".repeat(300), &["e".to_string()], 50);
        assert!(s.iter().any(|p| p.1));
    }

    #[test]
    fn matched_terms_are_reported_for_highlighting() {
        let i = index();
        let hits = i
            .search(
                &Query {
                    text: "pyhton back".into(),
                    ..Query::default()
                },
                usize::MAX,
            )
            .hits;
        let seed = hits
            .iter()
            .find(|h| i.docs[h.doc as usize].slug == "seed")
            .unwrap();
        assert!(
            seed.terms.contains(&"python".to_string()),
            "{:?}",
            seed.terms
        );
        assert!(
            seed.terms.contains(&"backend".to_string()),
            "{:?}",
            seed.terms
        );
    }

    #[test]
    fn empty_and_markup_only_queries_find_nothing() {
        let i = index();
        assert!(slugs(&i, "").is_empty());
        assert!(slugs(&i, " -- ** ").is_empty());
    }

    #[test]
    fn the_index_survives_json_compactly() {
        let i = index();
        let json = serde_json::to_string(&i).unwrap();
        let back: Index = serde_json::from_str(&json).unwrap();
        assert_eq!(back, i);
        // `python`: the seed post's title (doc 2) after the reading list's body (doc 1).
        assert!(json.contains("\"postings\":["), "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let at = v["terms"]
            .as_array()
            .unwrap()
            .iter()
            .position(|t| t == "python")
            .unwrap();
        assert_eq!(
            v["postings"][at],
            serde_json::json!([16 + BODY, 16 + (TITLE | TAG | BODY)])
        );
    }

    #[test]
    fn a_damaged_index_finds_less_and_never_panics() {
        let json = r#"{"docs":[{"slug":"a","title":"A"}],"terms":["zeta","alpha"],"postings":[[1],[4294967295,16,1]]}"#;
        let i: Index = serde_json::from_str(json).unwrap();
        assert_eq!(i.terms[0].0, "alpha", "sorted again");
        assert_eq!(
            i.terms[0].1,
            vec![],
            "postings past the last post are dropped"
        );
        assert_eq!(
            i.search(
                &Query {
                    text: "zeta".into(),
                    ..Query::default()
                },
                10
            )
            .total,
            1
        );
    }
}
