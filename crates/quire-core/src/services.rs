//! Services `quire.toml` may name: comments (giscus, utterances) and analytics (Plausible,
//! GoatCounter, Umami). None of their scripts runs in the blog: comments are the service's own
//! page in a frame, and a page view is one request the app sends. So the Content-Security-Policy
//! gains the service's origin for frames or for requests ([`csp_hosts`]), never for scripts, and
//! nothing at all when none is set.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentsService {
    Giscus,
    Utterances,
}

/// `[comments]`: a discussion under each post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comments {
    pub service: CommentsService,
    /// The service's origin: `https://giscus.app`, or a self-hosted one.
    pub host: String,
    /// The frame's own settings (repository, category, theme…) as a query, made at build time.
    pub query: String,
}

impl Comments {
    /// The frame's address for the page at `url` (its address without the fragment), whose path
    /// is `path`: the discussion is found by the path, as both services' scripts do by default
    /// (`pathname` mapping), so one moved-in blog keeps its threads.
    pub fn frame(&self, url: &str, path: &str, title: &str, language: &str) -> String {
        let term = term(path);
        let q = |s: &str| crate::url::encode_component(s);
        match self.service {
            CommentsService::Giscus => format!(
                "{}/{}/widget?{}&origin={}&backLink={}&term={}",
                self.host,
                q(language),
                self.query,
                q(url),
                q(url),
                q(&term)
            ),
            CommentsService::Utterances => format!(
                "{}/utterances.html?{}&url={}&origin={}&pathname={}&title={}",
                self.host,
                self.query,
                q(url),
                q(origin(url).unwrap_or_default()),
                q(&term),
                q(title)
            ),
        }
    }

    /// The height the frame asks for in a message, if `data` is one: giscus sends
    /// `{"giscus":{"resizeHeight":n}}`, utterances `{"type":"resize","height":n}`.
    pub fn height_key(&self) -> (&'static str, &'static str) {
        match self.service {
            CommentsService::Giscus => ("giscus", "resizeHeight"),
            CommentsService::Utterances => ("", "height"),
        }
    }
}

/// The path as the services' scripts name a page's thread: without the leading slash or a file
/// extension, `index` for the home page.
fn term(path: &str) -> String {
    if path.len() < 2 {
        return "index".into();
    }
    let p = &path[1..];
    match p.rsplit_once('.') {
        Some((stem, ext))
            if !ext.is_empty()
                && !ext.contains('/')
                && ext.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            stem.to_string()
        }
        _ => p.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnalyticsService {
    Plausible,
    Goatcounter,
    Umami,
}

/// `[analytics]`: one page view per page the reader sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub service: AnalyticsService,
    /// Where page views go: `https://plausible.io/api/event`,
    /// `https://mysite.goatcounter.com/count`, `https://cloud.umami.is/api/send`.
    pub endpoint: String,
    /// Plausible's domain or Umami's website id (GoatCounter's site is its endpoint).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub site: String,
}

/// The page a reader sees, for a page view.
pub struct Visit<'a> {
    /// The address without its fragment.
    pub url: &'a str,
    pub path: &'a str,
    pub title: &'a str,
    /// Where the reader came from: the previous page, or the document's referrer on the
    /// first.
    pub referrer: &'a str,
    pub language: &'a str,
}

/// One request: a `POST` of `body` when there is one (`json`: as `application/json`, which
/// Umami needs and which makes it a CORS request), else a `GET`.
#[derive(Debug, PartialEq)]
pub struct Beacon {
    pub url: String,
    pub body: Option<String>,
    pub json: bool,
}

impl Analytics {
    /// The request each service's own script would send for this page view.
    pub fn page_view(&self, v: &Visit) -> Beacon {
        let q = |s: &str| crate::url::encode_component(s);
        match self.service {
            AnalyticsService::Plausible => Beacon {
                url: self.endpoint.clone(),
                body: Some(format!(
                    "{{\"n\":\"pageview\",\"u\":{},\"d\":{},\"r\":{}}}",
                    json(v.url),
                    json(&self.site),
                    nullable(v.referrer)
                )),
                json: false,
            },
            AnalyticsService::Goatcounter => Beacon {
                url: format!(
                    "{}?p={}&t={}&r={}",
                    self.endpoint,
                    q(v.path),
                    q(v.title),
                    q(v.referrer)
                ),
                body: None,
                json: false,
            },
            AnalyticsService::Umami => Beacon {
                url: self.endpoint.clone(),
                body: Some(format!(
                    "{{\"type\":\"event\",\"payload\":{{\"website\":{},\"hostname\":{},\"language\":{},\"title\":{},\"url\":{},\"referrer\":{}}}}}",
                    json(&self.site),
                    json(origin(v.url).and_then(|o| o.split_once("://")).map_or("", |(_, h)| h)),
                    json(v.language),
                    json(v.title),
                    json(v.path),
                    json(v.referrer)
                )),
                json: true,
            },
        }
    }
}

/// A JSON string.
fn json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn nullable(s: &str) -> String {
    if s.is_empty() {
        "null".into()
    } else {
        json(s)
    }
}

/// `https://host[:port]` of an address.
pub fn origin(url: &str) -> Option<&str> {
    let after = url.find("://")? + 3;
    let end = url[after..].find('/').map_or(url.len(), |i| after + i);
    (end > after).then(|| &url[..end])
}

/// What the Content-Security-Policy gains: the origins frames may come from, and those the app
/// may send requests to. Empty when no service is set.
pub fn csp_hosts(comments: Option<&Comments>, analytics: Option<&Analytics>) -> (String, String) {
    (
        comments.map(|c| c.host.clone()).unwrap_or_default(),
        analytics
            .and_then(|a| origin(&a.endpoint))
            .map(str::to_string)
            .unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn giscus() -> Comments {
        Comments {
            service: CommentsService::Giscus,
            host: "https://giscus.app".into(),
            query: "repo=ann%2Fblog&repoId=R_1&category=Comments&categoryId=DIC_1".into(),
        }
    }

    #[test]
    fn each_page_has_its_own_thread_by_path() {
        let src = giscus().frame(
            "https://ann.dev/blog/posts/a/",
            "/blog/posts/a/",
            "A · Ann",
            "en",
        );
        assert_eq!(
            src,
            "https://giscus.app/en/widget?repo=ann%2Fblog&repoId=R_1&category=Comments&categoryId=DIC_1&origin=https%3A%2F%2Fann.dev%2Fblog%2Fposts%2Fa%2F&backLink=https%3A%2F%2Fann.dev%2Fblog%2Fposts%2Fa%2F&term=blog%2Fposts%2Fa%2F"
        );
        let u = Comments {
            service: CommentsService::Utterances,
            host: "https://utteranc.es".into(),
            query: "repo=ann%2Fblog&issue-term=pathname".into(),
        };
        assert!(u
            .frame(
                "https://ann.dev/2019/01/hello.html",
                "/2019/01/hello.html",
                "Hello",
                "en"
            )
            .ends_with("&origin=https%3A%2F%2Fann.dev&pathname=2019%2F01%2Fhello&title=Hello"));
        assert_eq!(term("/"), "index");
        assert_eq!(term("/posts/v1.2/"), "posts/v1.2/");
    }

    #[test]
    fn page_views_are_what_each_services_script_sends() {
        let visit = Visit {
            url: "https://ann.dev/posts/a/",
            path: "/posts/a/",
            title: "\"A\" · Ann",
            referrer: "",
            language: "en",
        };
        let plausible = Analytics {
            service: AnalyticsService::Plausible,
            endpoint: "https://plausible.io/api/event".into(),
            site: "ann.dev".into(),
        };
        assert_eq!(
            plausible.page_view(&visit),
            Beacon {
                url: "https://plausible.io/api/event".into(),
                body: Some("{\"n\":\"pageview\",\"u\":\"https://ann.dev/posts/a/\",\"d\":\"ann.dev\",\"r\":null}".into()),
                json: false,
            }
        );
        let goat = Analytics {
            service: AnalyticsService::Goatcounter,
            endpoint: "https://ann.goatcounter.com/count".into(),
            site: String::new(),
        };
        assert_eq!(
            goat.page_view(&visit).url,
            "https://ann.goatcounter.com/count?p=%2Fposts%2Fa%2F&t=%22A%22%20%C2%B7%20Ann&r="
        );
        let umami = Analytics {
            service: AnalyticsService::Umami,
            endpoint: "https://cloud.umami.is/api/send".into(),
            site: "0b1e".into(),
        };
        let b = umami.page_view(&visit);
        assert!(b.json);
        assert_eq!(b.body.unwrap(), "{\"type\":\"event\",\"payload\":{\"website\":\"0b1e\",\"hostname\":\"ann.dev\",\"language\":\"en\",\"title\":\"\\\"A\\\" · Ann\",\"url\":\"/posts/a/\",\"referrer\":\"\"}}");
    }

    #[test]
    fn the_policy_gains_only_the_services_origins() {
        assert_eq!(csp_hosts(None, None), (String::new(), String::new()));
        let a = Analytics {
            service: AnalyticsService::Plausible,
            endpoint: "http://127.0.0.1:4190/api/event".into(),
            site: "x".into(),
        };
        assert_eq!(
            csp_hosts(Some(&giscus()), Some(&a)),
            ("https://giscus.app".into(), "http://127.0.0.1:4190".into())
        );
    }
}
