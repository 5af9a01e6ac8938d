//! The preview worker: the `/preview/` page (`src/preview.js`) sends each draft, this answers
//! with the page the build would publish and what the build would say, off the page's main
//! thread, so typing never waits. Messages are JSON text: [`Draft`] in, [`Answer`] out.

// On the host only the tests use the logic; the browser glue is wasm32-only.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use quire_core::manifest::Site;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Draft {
    id: u64,
    /// The file's name (`my-post.md`): its diagnostics name `public/posts/<name>`.
    name: String,
    text: String,
    /// The site's settings, as the page embeds them.
    site: Site,
    /// What template code may use (the page embeds it beside the settings).
    #[serde(default)]
    templates: quire_core::manifest::Templates,
    /// A blog in several languages: each with its settings (the site's data names them only).
    #[serde(default)]
    languages: Vec<quire_core::manifest::LanguageTable>,
    base: String,
}

#[derive(Serialize)]
struct Answer {
    id: u64,
    /// The article, as the published page's `<main>` holds it.
    main: String,
    slug: Option<String>,
    diagnostics: Vec<Said>,
}

/// One diagnostic: its line in the draft, if known, and the build's message.
#[derive(Serialize)]
struct Said {
    line: Option<usize>,
    error: bool,
    text: String,
}

fn answer(message: &str) -> Option<String> {
    let draft: Draft = serde_json::from_str(message).ok()?;
    let mut site = Site {
        templates: draft.templates,
        ..draft.site
    };
    if !draft.languages.is_empty() {
        site.languages = draft.languages.into_iter().map(Into::into).collect();
    }
    let p = quire_preview::preview(&draft.name, &draft.text, site, &draft.base);
    let out = Answer {
        id: draft.id,
        main: p.main,
        slug: p.slug,
        diagnostics: p
            .diagnostics
            .iter()
            .map(|d| Said {
                line: d.line,
                error: d.severity == quire_core::diagnostics::Severity::Error,
                text: d.to_string(),
            })
            .collect(),
    };
    serde_json::to_string(&out).ok()
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            if let Some(out) = e.data().as_string().and_then(|m| super::answer(&m)) {
                let _ = scope().post_message(&JsValue::from_str(&out));
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Ready: the page sends its first draft now.
        let _ = scope().post_message(&JsValue::from_str("{\"id\":0}"));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_a_draft_with_its_page_and_the_builds_words() {
        let draft = serde_json::json!({
            "id": 3,
            "name": "hello.md",
            "text": "---\ntitle: Hello\ndate: 2024-13-01\n---\n## Hi\n",
            "site": { "title": "Blog" },
            "base": "/blog",
        });
        let out: serde_json::Value =
            serde_json::from_str(&answer(&draft.to_string()).unwrap()).unwrap();
        assert_eq!(out["id"], 3);
        assert_eq!(out["slug"], "hello");
        assert!(out["main"].as_str().unwrap().contains("<h2 id=\"hi\">"));
        let said = &out["diagnostics"][0];
        assert_eq!(said["line"], 3);
        assert_eq!(said["error"], false);
        assert!(said["text"]
            .as_str()
            .unwrap()
            .starts_with("warning: public/posts/hello.md:3"));
        assert_eq!(answer("not json"), None);
    }
}
