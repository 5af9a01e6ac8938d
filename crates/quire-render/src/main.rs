//! The renderer worker: quire's Markdown pipeline (`quire_core::article`), off the app's main
//! thread and out of its WASM. The app needs it only to show an article it has no HTML for
//! (in-app navigation to a post not yet rendered) and for search snippets' text; a first
//! view never waits for it. The app starts it once the page is idle.
//!
//! Messages are JSON text: [`ToRenderer`] in, [`FromRenderer`] out.

// On the host only the tests use the logic; the browser glue is wasm32-only.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use quire_core::article::{FromRenderer, ToRenderer};

/// A message's answer, as JSON text; a message that is not a job gets none.
fn answer(message: &str) -> Option<String> {
    let job: ToRenderer = serde_json::from_str(message).ok()?;
    let out = FromRenderer {
        id: job.id,
        out: job.job.run(),
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
        let ready = quire_core::article::FromRenderer {
            id: 0,
            out: String::new(),
        };
        let _ = scope().post_message(&JsValue::from_str(
            &serde_json::to_string(&ready).unwrap_or_default(),
        ));
    }

    /// The article pipeline on any Markdown, exactly as the app gets it, for
    /// `bench/throughput.mjs` (which loads this module in a page and calls it directly).
    #[wasm_bindgen]
    pub fn render_markdown(markdown: &str) -> String {
        quire_core::markdown::render(
            markdown,
            &quire_core::render_options::RenderOptions::default(),
        )
        .html
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(test)]
mod tests {
    use super::*;
    use quire_core::article::Job;

    #[test]
    fn answers_a_job_with_its_id_and_ignores_anything_else() {
        let job = ToRenderer {
            id: 7,
            job: Job::Article {
                markdown: "### Hi\n\n[b](../b.md) <script>x</script>".into(),
                source: "posts/a/index.md".into(),
                base: "/blog".into(),
                files: None,
                links: vec![("posts/b.md".into(), "b".into())],
                code: vec![],
                images: vec![],
                math: vec![],
            },
        };
        let out: FromRenderer =
            serde_json::from_str(&answer(&serde_json::to_string(&job).unwrap()).unwrap()).unwrap();
        assert_eq!(out.id, 7);
        assert_eq!(out.out, job.job.run());
        assert!(out.out.starts_with("<h2 id=\"hi\">"), "{}", out.out);
        assert!(out.out.contains("href=\"/blog/posts/b/\""), "{}", out.out);
        assert!(!out.out.contains("<script"), "{}", out.out);
        assert_eq!(answer("not json"), None);
        assert_eq!(answer("{\"id\":1}"), None);
    }
}
