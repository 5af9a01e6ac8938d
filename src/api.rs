//! Every network call the app makes, with errors a reader can act on.

use gloo_net::http::Request;
use quire_core::manifest::{PageData, VERSION};
use quire_core::response::{judge, Verdict};
use quire_core::strings::Words;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, connection refused, CORS.
    Network { what: String },
    /// The server answered with an error status.
    Status { what: String, status: u16 },
    /// The server answered with the app's own HTML page: the file is not deployed.
    Missing { what: String },
    /// The answer arrived but cannot be read.
    Invalid { what: String, detail: String },
    /// No answer within [`TIMEOUT_MS`].
    Timeout { what: String },
}

/// How long a request may take before the reader is told and offered Retry.
pub const TIMEOUT_MS: i32 = 8_000;

impl ApiError {
    /// What a reader is told, in the page's words.
    pub fn message(&self, w: &Words) -> String {
        let (text, what) = match self {
            ApiError::Network { what } => (&w.load_network, what),
            ApiError::Status { what, status: 404 } => (&w.load_gone, what),
            ApiError::Status { what, status } => {
                return w
                    .load_status
                    .replace("{what}", what)
                    .replace("{status}", &status.to_string())
            }
            ApiError::Missing { what } => (&w.load_page, what),
            ApiError::Invalid { what, detail } => {
                return w
                    .load_invalid
                    .replace("{what}", what)
                    .replace("{detail}", detail)
            }
            ApiError::Timeout { what } => {
                let seconds = (TIMEOUT_MS / 1000).to_string();
                return w
                    .load_timeout
                    .replace("{what}", what)
                    .replace("{n}", &seconds);
            }
        };
        text.replace("{what}", what)
    }
}

/// Aborts a request when the time is up; cancelled when dropped.
struct Deadline {
    controller: web_sys::AbortController,
    timer: i32,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
    fired: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Deadline {
    fn new(ms: i32) -> Option<Deadline> {
        use wasm_bindgen::JsCast;
        let controller = web_sys::AbortController::new().ok()?;
        let fired = std::rc::Rc::new(std::cell::Cell::new(false));
        let (c, f) = (controller.clone(), fired.clone());
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            f.set(true);
            c.abort();
        });
        let timer = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Deadline {
            controller,
            timer,
            _callback: callback,
            fired,
        })
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.timer);
        }
    }
}

/// Fetches a text resource and judges the answer (status, HTML fallback pages, time).
async fn fetch_text(url: &str, what: &str) -> Result<String, ApiError> {
    fetch_text_from(url, what, web_sys::RequestCache::Default).await
}

async fn fetch_text_from(
    url: &str,
    what: &str,
    cache: web_sys::RequestCache,
) -> Result<String, ApiError> {
    let what = what.to_string();
    let deadline = Deadline::new(TIMEOUT_MS);
    let failed = |deadline: &Option<Deadline>| {
        if deadline.as_ref().is_some_and(|d| d.fired.get()) {
            ApiError::Timeout { what: what.clone() }
        } else {
            ApiError::Network { what: what.clone() }
        }
    };
    let response = Request::get(url)
        .cache(cache)
        .abort_signal(deadline.as_ref().map(|d| d.controller.signal()).as_ref())
        .send()
        .await
        .map_err(|_| failed(&deadline))?;
    let status = response.status();
    let content_type = response.headers().get("content-type");
    let body = if (200..300).contains(&status) {
        response.text().await.map_err(|_| failed(&deadline))?
    } else {
        String::new()
    };
    drop(deadline);
    match judge(status, content_type.as_deref(), &body) {
        Verdict::Ok => Ok(body),
        Verdict::Status(status) => Err(ApiError::Status { what, status }),
        Verdict::HtmlInstead => Err(ApiError::Missing { what }),
    }
}

/// A route's data file (`posts/a.json`, from `quire_core::url`) as text, called `what` in
/// messages; read it with [`read`]. `Ok(None)` when it does not exist and `may_be_missing`
/// (an unknown post or tag: a static host answers 404, an SPA-style host with its page); a
/// failure otherwise. Apart from reading, so the fetching is one copy for every route's type.
pub async fn data_text(
    base: &str,
    path: &str,
    what: &str,
    may_be_missing: bool,
) -> Result<Option<String>, ApiError> {
    match fetch_text(&format!("{base}/{path}"), what).await {
        Ok(text) => Ok(Some(text)),
        Err(ApiError::Status { status: 404, .. } | ApiError::Missing { .. }) if may_be_missing => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// One of the build's JSON files, read; `what` names it in the failure.
pub fn read<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, ApiError> {
    parse(text).map_err(|detail| ApiError::Invalid {
        what: what.to_string(),
        detail,
    })
}

/// The search index's text, for the search worker to read. With the network down, the copy in
/// the browser's cache (any age) rather than nothing.
/// `path`: this language's index (`quire_core::url::SEARCH_INDEX_PATH`) or every language's;
/// `what`: its name in failure messages.
pub async fn search_index(base: &str, path: &str, what: &str) -> Result<String, ApiError> {
    let url = format!("{base}/{path}");
    match fetch_text(&url, what).await {
        Err(e @ (ApiError::Network { .. } | ApiError::Timeout { .. })) => {
            fetch_text_from(&url, what, web_sys::RequestCache::ForceCache)
                .await
                .map_err(|_| e)
        }
        r => r,
    }
}

/// A page's HTML; `None` when it is not there. With the network down, the browser answers
/// from the service worker's cache (a page it kept) or not at all.
pub async fn page_html(url: &str) -> Option<String> {
    let response = Request::get(url).send().await.ok()?;
    let html = response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    if !response.ok() || !html {
        return None;
    }
    response.text().await.ok()
}

/// A page view, sent as the analytics service's own script would; its answer does not matter,
/// and a failure (the service blocked or down) costs the reader nothing.
pub fn page_view(beacon: quire_core::services::Beacon) {
    let request = match beacon.body {
        Some(body) => Request::post(&beacon.url)
            .header(
                "content-type",
                if beacon.json {
                    "application/json"
                } else {
                    "text/plain"
                },
            )
            .mode(if beacon.json {
                web_sys::RequestMode::Cors
            } else {
                web_sys::RequestMode::NoCors
            })
            .body(body),
        None => Request::get(&beacon.url)
            .mode(web_sys::RequestMode::NoCors)
            .build(),
    };
    if let Ok(request) = request {
        leptos::task::spawn_local(async move {
            let _ = request.send().await;
        });
    }
}

/// The data a prerendered page embeds.
pub fn parse_page_data(text: &str) -> Result<PageData, String> {
    parse(text)
}

/// Any of the build's versioned JSON files.
pub fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    check_version(text)?;
    serde_json::from_str(text).map_err(|e| format!("it does not have the expected fields ({e})"))
}

fn check_version(text: &str) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Versioned {
        version: u32,
    }
    let v: Versioned =
        serde_json::from_str(text).map_err(|e| format!("it is not valid JSON ({e})"))?;
    if v.version != VERSION {
        return Err(format!(
            "it was written by another version of quire (format {}, this app reads {VERSION}); rebuild the site",
            v.version
        ));
    }
    Ok(())
}

/// A post's Markdown body being fetched, awaitable by several readers.
pub type Body =
    futures::future::Shared<futures::future::LocalBoxFuture<'static, Result<String, ApiError>>>;

/// `path`: where the Markdown is published under `base` (`posts/a.md`, `pages/about.md`);
/// `what`: the post's name in failure messages.
pub fn body(base: String, path: String, hash: String, what: String) -> Body {
    use futures::FutureExt;
    async move { post_body(&base, &path, &hash, &what).await }
        .boxed_local()
        .shared()
}

/// The Markdown body of a post (front matter removed), ready to render.
pub async fn post_body(base: &str, path: &str, hash: &str, what: &str) -> Result<String, ApiError> {
    // `hash` busts caches when the post changes.
    let text = fetch_text(&format!("{base}/{path}?v={hash}"), what).await?;
    Ok(quire_core::front_matter::body(&text).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_errors_are_specific() {
        type L = quire_core::manifest::ListPage;
        assert!(parse::<L>("{\"version\":1,")
            .unwrap_err()
            .starts_with("it is not valid JSON"));
        assert!(parse::<L>("{\"version\":99}")
            .unwrap_err()
            .contains("format 99"));
        assert!(parse::<L>("{\"version\":1}")
            .unwrap_err()
            .starts_with("it does not have the expected fields"));
        let ok = "{\"version\":1,\"site\":{\"title\":\"t\"},\"page\":1,\"pages\":1,\"total\":0,\"posts\":[]}";
        assert!(parse::<L>(ok).is_ok());
    }

    #[test]
    fn messages_name_what_failed() {
        let e = ApiError::Status {
            what: "the list of posts".into(),
            status: 500,
        };
        let message = e.message(&quire_core::strings::Strings::default());
        assert!(
            message.contains("the list of posts") && message.contains("500"),
            "{message}"
        );
        let french = quire_core::strings::Strings::builtin("fr");
        let e = ApiError::Timeout {
            what: french.the_posts.clone(),
        };
        assert_eq!(
            e.message(&french),
            "Impossible de charger la liste des articles : le serveur a mis plus de 8 secondes à répondre. Il est peut-être occupé ; réessayez."
        );
    }
}
