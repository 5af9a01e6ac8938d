//! The search worker. The app starts it on the reader's first search, so its code and the
//! index cost nothing before then; queries, snippets and the results' HTML are made here, off
//! the main thread, where a long one cannot delay typing, and the app's own WASM stays small.
//!
//! Messages are arrays. In: `["load", base, index JSON]`, `["query", id, text, tag, year]`
//! (`""` and `0` for no filter), `["texts", [[hash, plain text], …]]`. Out: `["ready"]` once the
//! worker listens (messages posted before that would be lost, so the app waits for it),
//! `["loaded", posts, tag options, year options]`, `["failed", reason]`, and `["results",
//! id, total, html, wanted]` — sent again for the same id when snippet text arrives.
//!
//! Snippets need the posts' text, which the app fetches (`wanted`: `[slug, hash, title]`
//! each): it has the Markdown pipeline already, and the request it makes is the article's
//! own, so opening the result then needs no second one.

// On the host only the tests use the logic; the browser glue is wasm32-only.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod render;

use quire_core::search::{Answer, Found, Index, Query, Request, RESULTS_SHOWN};
use std::collections::HashMap;

/// What the worker sends.
#[derive(Debug, PartialEq)]
enum Out {
    Loaded {
        posts: usize,
        tags: String,
        years: String,
    },
    Failed(String),
    Results {
        id: u32,
        total: usize,
        html: String,
        /// Posts whose text the snippets need: `(slug, hash, title)`.
        wanted: Vec<(String, String, String)>,
    },
}

/// Results whose text is fetched for their snippets (about a screenful).
const SNIPPETS: usize = 10;

/// The worker's state, browser-free so it is tested natively.
#[derive(Default)]
struct Searcher {
    base: String,
    index: Option<Index>,
    /// Posts' plain text by content hash, for snippets.
    texts: HashMap<String, String>,
    /// The last answer (its id, total and results), shown again when one of its snippets
    /// arrives; kept rather than searched again, so a text arriving never delays the next
    /// keystroke's query.
    latest: Option<Answer>,
}

impl Searcher {
    fn load(&mut self, base: &str, json: &str) -> Out {
        self.base = base.to_string();
        match serde_json::from_str::<Index>(json) {
            Ok(index) => {
                let facets = index.facets();
                let out = Out::Loaded {
                    posts: index.docs.len(),
                    tags: render::options("All tags", &facets.tags),
                    years: render::options("All years", &facets.years),
                };
                self.index = Some(index);
                out
            }
            Err(e) => Out::Failed(format!(
                "the search index is not readable ({e}); rebuild the site"
            )),
        }
    }

    /// The answer, with the posts whose text its snippets still need.
    fn query(&mut self, request: Request) -> Out {
        let Some(index) = &self.index else {
            return Out::Failed("the search index is not loaded yet".into());
        };
        let answer = index.answer(&request);
        // The app decides when to fetch them (once typing pauses) and keeps track of
        // what is on its way.
        let wanted = answer
            .found
            .iter()
            .take(SNIPPETS)
            .filter(|f| !self.texts.contains_key(&f.hash))
            .map(|f| (f.slug.clone(), f.hash.clone(), f.title.clone()))
            .collect();
        let out = Out::Results {
            id: answer.id,
            total: answer.total,
            html: self.html_of(&answer.found),
            wanted,
        };
        self.latest = Some(answer);
        out
    }

    /// Results as HTML, with the snippets whose text is here.
    fn html_of(&self, found: &[Found]) -> String {
        render::results(&self.base, found, |h| self.texts.get(h).map(String::as_str))
    }

    /// Posts' texts arrived (`(hash, text)`): the latest results again if they show one.
    fn texts(&mut self, texts: Vec<(String, String)>) -> Option<Out> {
        let latest = self.latest.as_ref()?;
        let shown = texts
            .iter()
            .any(|(h, _)| latest.found.iter().take(SNIPPETS).any(|f| f.hash == *h));
        self.texts.extend(
            texts
                .into_iter()
                .map(|(h, t)| (h, quire_core::search::collapse_space(&t))),
        );
        if !shown {
            return None;
        }
        Some(Out::Results {
            id: latest.id,
            total: latest.total,
            html: self.html_of(&latest.found),
            wanted: Vec::new(),
        })
    }
}

/// A query message's fields.
fn request(id: u32, text: String, tag: String, year: u16) -> Request {
    Request {
        id,
        query: Query {
            text,
            tag: (!tag.is_empty()).then_some(tag),
            year: (year != 0).then_some(year),
        },
        limit: RESULTS_SHOWN,
    }
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::*;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        static STATE: RefCell<Searcher> = RefCell::new(Searcher::default());
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(out: Out) {
        let a = js_sys::Array::new();
        match out {
            Out::Loaded { posts, tags, years } => {
                a.push(&"loaded".into());
                a.push(&(posts as f64).into());
                a.push(&tags.into());
                a.push(&years.into());
            }
            Out::Failed(reason) => {
                a.push(&"failed".into());
                a.push(&reason.into());
            }
            Out::Results {
                id,
                total,
                html,
                wanted,
            } => {
                a.push(&"results".into());
                a.push(&id.into());
                a.push(&(total as f64).into());
                a.push(&html.into());
                let w = js_sys::Array::new();
                for (slug, hash, title) in wanted {
                    w.push(&js_sys::Array::of3(
                        &slug.into(),
                        &hash.into(),
                        &title.into(),
                    ));
                }
                a.push(&w);
            }
        }
        let _ = scope().post_message(&a);
    }

    fn on_message(message: js_sys::Array) {
        let s = |i| message.get(i).as_string().unwrap_or_default();
        let n = |i| message.get(i).as_f64().unwrap_or(0.0);
        match s(0).as_str() {
            "load" => post(STATE.with(|st| st.borrow_mut().load(&s(1), &s(2)))),
            "query" => {
                let r = request(n(1) as u32, s(2), s(3), n(4) as u16);
                post(STATE.with(|st| st.borrow_mut().query(r)));
            }
            "texts" => {
                let texts: Vec<(String, String)> = js_sys::Array::from(&message.get(1))
                    .iter()
                    .map(|t| {
                        let t = js_sys::Array::from(&t);
                        let s = |i| t.get(i).as_string().unwrap_or_default();
                        (s(0), s(1))
                    })
                    .collect();
                if let Some(out) = STATE.with(|st| st.borrow_mut().texts(texts)) {
                    post(out);
                }
            }
            _ => {}
        }
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            on_message(js_sys::Array::from(&e.data()));
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&js_sys::Array::of1(&"ready".into()));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"{"docs":[{"slug":"seed","title":"Golang vs Python for backend","year":2022,"tags":["go"],"hash":"abc"}],"terms":["backend","golang","python"],"postings":[[1],[1],[1]]}"#;

    #[test]
    fn loads_then_answers_then_adds_snippets() {
        let mut s = Searcher::default();
        let out = s.query(request(1, "golang".into(), "".into(), 0));
        assert!(matches!(out, Out::Failed(_)), "not loaded yet");
        let Out::Loaded { posts, tags, years } = s.load("/blog", INDEX) else {
            panic!("not loaded")
        };
        assert_eq!(posts, 1);
        assert!(tags.contains(">go (1)<") && years.contains(">2022 (1)<"));

        let out = s.query(request(3, "pyhton".into(), "".into(), 0));
        let Out::Results {
            id: 3,
            total: 1,
            html,
            wanted,
        } = out
        else {
            panic!("{out:?}")
        };
        assert!(
            html.contains("/blog/posts/seed/?highlight=python"),
            "{html}"
        );
        assert_eq!(
            wanted,
            [(
                "seed".to_string(),
                "abc".to_string(),
                "Golang vs Python for backend".to_string()
            )]
        );
        // Still wanted by the next keystroke until it arrives (the app tracks requests).
        let Out::Results { wanted, .. } = s.query(request(4, "python".into(), "".into(), 0)) else {
            panic!()
        };
        assert_eq!(wanted.len(), 1);

        let again = s.texts(vec![("abc".into(), "Why Python, then?".into())]);
        let Some(Out::Results { id: 4, html, .. }) = again else {
            panic!("{again:?}")
        };
        assert!(html.contains("Why <mark>Python</mark>, then?"), "{html}");
        let Out::Results { wanted, .. } = s.query(request(5, "pyth".into(), "".into(), 0)) else {
            panic!()
        };
        assert!(wanted.is_empty(), "its text is here");
        // A text no result on screen shows changes nothing on screen.
        assert_eq!(s.texts(vec![("zzz".into(), "other".into())]), None);
    }

    #[test]
    fn filters_arrive_as_empty_string_and_zero() {
        let r = request(1, "x".into(), "".into(), 0);
        assert_eq!((r.query.tag, r.query.year), (None, None));
        let r = request(1, "".into(), "go".into(), 2022);
        assert_eq!(
            (r.query.tag.as_deref(), r.query.year),
            (Some("go"), Some(2022))
        );
    }

    #[test]
    fn a_broken_index_is_reported() {
        let mut s = Searcher::default();
        let Out::Failed(reason) = s.load("", "<!DOCTYPE html>") else {
            panic!("accepted HTML")
        };
        assert!(reason.contains("not readable"), "{reason}");
    }
}
