//! The search worker. The app starts it on the reader's first search, so its code and the
//! index cost nothing before then; queries, snippets and the results' HTML are made here, off
//! the main thread, where a long one cannot delay typing, and the app's own WASM stays small.
//!
//! The messages are `quire_core::search`'s [`ToWorker`](quire_core::search::ToWorker) and
//! [`FromWorker`], typed on both sides and compact arrays on the wire.
//!
//! Snippets need the posts' text, which the app fetches (`wanted`) and has the renderer worker
//! turn into plain text: the request it makes is the article's own, so opening the result then
//! needs no second one.

// On the host only the tests use the logic; the browser glue is wasm32-only.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod render;

use quire_core::search::{Answer, Found, FromWorker, Index, Request, Wanted};
use std::collections::HashMap;

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
    fn load(&mut self, base: &str, json: &str) -> FromWorker {
        self.base = base.to_string();
        match serde_json::from_str::<Index>(json) {
            Ok(index) => {
                let facets = index.facets();
                let out = FromWorker::Loaded {
                    posts: index.docs.len(),
                    tags: render::options(&facets.tags),
                    years: render::options(&facets.years),
                };
                self.index = Some(index);
                out
            }
            Err(e) => FromWorker::Failed(format!(
                "the search index is not readable ({e}); rebuild the site"
            )),
        }
    }

    /// The answer, with the posts whose text its snippets still need.
    fn query(&mut self, request: Request) -> FromWorker {
        let Some(index) = &self.index else {
            return FromWorker::Failed("the search index is not loaded yet".into());
        };
        let answer = index.answer(&request);
        // The app decides when to fetch them (once typing pauses) and keeps track of
        // what is on its way.
        let wanted = answer
            .found
            .iter()
            .take(SNIPPETS)
            .filter(|f| !self.texts.contains_key(&f.hash))
            .map(|f| Wanted {
                slug: f.slug.clone(),
                hash: f.hash.clone(),
                title: f.title.clone(),
                page: f.page,
                at: f.at.clone(),
            })
            .collect();
        let out = FromWorker::Results {
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
    fn texts(&mut self, texts: Vec<(String, String)>) -> Option<FromWorker> {
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
        Some(FromWorker::Results {
            id: latest.id,
            total: latest.total,
            html: self.html_of(&latest.found),
            wanted: Vec::new(),
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use super::*;
    use quire_core::search::{js, ToWorker};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        static STATE: RefCell<Searcher> = RefCell::new(Searcher::default());
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(out: FromWorker) {
        let _ = scope().post_message(&js::to_js(&out.to_wire()));
    }

    fn on_message(data: &JsValue) {
        let out = STATE.with(|st| {
            let mut st = st.borrow_mut();
            match ToWorker::from_wire(js::from_js(data))? {
                ToWorker::Load { base, index } => Some(st.load(&base, &index)),
                ToWorker::Query(request) => Some(st.query(request)),
                ToWorker::Texts(texts) => st.texts(texts),
            }
        });
        if let Some(out) = out {
            post(out);
        }
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            on_message(&e.data());
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(FromWorker::Ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(test)]
mod tests {
    use super::*;
    use quire_core::search::{Query, RESULTS_SHOWN};

    fn request(id: u32, text: &str) -> Request {
        Request {
            id,
            query: Query {
                text: text.into(),
                ..Query::default()
            },
            limit: RESULTS_SHOWN,
        }
    }

    const INDEX: &str = r#"{"docs":[{"slug":"seed","title":"Golang vs Python for backend","year":2022,"tags":["go"],"hash":"abc"}],"terms":["backend","golang","python"],"postings":[[1],[1],[1]]}"#;

    #[test]
    fn loads_then_answers_then_adds_snippets() {
        let mut s = Searcher::default();
        let out = s.query(request(1, "golang"));
        assert!(matches!(out, FromWorker::Failed(_)), "not loaded yet");
        let FromWorker::Loaded { posts, tags, years } = s.load("/blog", INDEX) else {
            panic!("not loaded")
        };
        assert_eq!(posts, 1);
        assert!(tags.contains(">go (1)<") && years.contains(">2022 (1)<"));

        let out = s.query(request(3, "pyhton"));
        let FromWorker::Results {
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
            [Wanted {
                slug: "seed".into(),
                hash: "abc".into(),
                title: "Golang vs Python for backend".into(),
                page: false,
                at: String::new(),
            }]
        );
        // Still wanted by the next keystroke until it arrives (the app tracks requests).
        let FromWorker::Results { wanted, .. } = s.query(request(4, "python")) else {
            panic!()
        };
        assert_eq!(wanted.len(), 1);

        let again = s.texts(vec![("abc".into(), "Why Python, then?".into())]);
        let Some(FromWorker::Results { id: 4, html, .. }) = again else {
            panic!("{again:?}")
        };
        assert!(html.contains("Why <mark>Python</mark>, then?"), "{html}");
        let FromWorker::Results { wanted, .. } = s.query(request(5, "pyth")) else {
            panic!()
        };
        assert!(wanted.is_empty(), "its text is here");
        // A text no result on screen shows changes nothing on screen.
        assert_eq!(s.texts(vec![("zzz".into(), "other".into())]), None);
    }

    #[test]
    fn a_broken_index_is_reported() {
        let mut s = Searcher::default();
        let FromWorker::Failed(reason) = s.load("", "<!DOCTYPE html>") else {
            panic!("accepted HTML")
        };
        assert!(reason.contains("not readable"), "{reason}");
    }
}
