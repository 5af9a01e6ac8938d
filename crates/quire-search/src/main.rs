//! The search worker. The app starts it on the reader's first search, so its code and the
//! index cost nothing before then; queries, snippets and the results' HTML are made here, off
//! the main thread, where a long one cannot delay typing, and the app's own WASM stays small.
//!
//! Messages are arrays. In: `["load", base, index JSON]`, `["query", id, text, tag, year]`
//! (`""` and `0` for no filter), `["text", hash, plain text, ok]`. Out: `["ready"]` once the
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

use quire_core::search::{Index, Query, Reply, Request, RESULTS_SHOWN};
use std::collections::{HashMap, HashSet};

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
    /// Texts asked for (arrived or on their way).
    asked: HashSet<String>,
    /// The last query, answered again when one of its snippets arrives.
    latest: Option<Request>,
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
        let Reply::Results { id, total, found } = index.answer(&request) else {
            unreachable!("answer gives results")
        };
        let html = render::results(&self.base, &found, |h| {
            self.texts.get(h).map(String::as_str)
        });
        let mut wanted = Vec::new();
        for f in found.into_iter().take(SNIPPETS) {
            if self.asked.insert(f.hash.clone()) {
                wanted.push((f.slug, f.hash, f.title));
            }
        }
        self.latest = Some(request);
        Out::Results {
            id,
            total,
            html,
            wanted,
        }
    }

    /// A post's text arrived (`None`: it could not be had): the latest results again if they
    /// show it.
    fn text(&mut self, hash: &str, text: Option<&str>) -> Option<Out> {
        let Some(text) = text else {
            // Asked again the next time it shows.
            self.asked.remove(hash);
            return None;
        };
        self.texts.insert(hash.to_string(), text.to_string());
        let latest = self.latest.clone()?;
        let index = self.index.as_ref()?;
        let Reply::Results { found, .. } = index.answer(&latest) else {
            return None;
        };
        if !found.iter().take(SNIPPETS).any(|f| f.hash == hash) {
            return None;
        }
        Some(self.query(latest))
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
            "text" => {
                let ok = message.get(3).is_truthy();
                let text = s(2);
                let out = STATE.with(|st| st.borrow_mut().text(&s(1), ok.then_some(text.as_str())));
                if let Some(out) = out {
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
        // Asked once: the next keystroke does not ask for it again.
        let Out::Results { wanted, .. } = s.query(request(4, "python".into(), "".into(), 0)) else {
            panic!()
        };
        assert!(wanted.is_empty());

        let again = s.text("abc", Some("Why Python, then?"));
        let Some(Out::Results { id: 4, html, .. }) = again else {
            panic!("{again:?}")
        };
        assert!(html.contains("Why <mark>Python</mark>, then?"), "{html}");
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
    fn a_broken_index_or_a_lost_text_is_reported_or_retried() {
        let mut s = Searcher::default();
        let Out::Failed(reason) = s.load("", "<!DOCTYPE html>") else {
            panic!("accepted HTML")
        };
        assert!(reason.contains("not readable"), "{reason}");
        s.load("", INDEX);
        let wanted = |out: Out| match out {
            Out::Results { wanted, .. } => wanted.len(),
            _ => panic!("{out:?}"),
        };
        assert_eq!(
            wanted(s.query(request(1, "golang".into(), "".into(), 0))),
            1
        );
        assert_eq!(s.text("abc", None), None);
        assert_eq!(
            wanted(s.query(request(2, "golang".into(), "".into(), 0))),
            1,
            "a failed text is asked again"
        );
    }
}
