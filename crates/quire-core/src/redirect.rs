//! Old addresses keep working. Every `aliases` (Zola, Hugo), `redirect_from` (Jekyll) and
//! previous address (`path` in Zola, `permalink` in Jekyll, `url` in Hugo) of a published post
//! becomes a tiny page at that exact path, which sends the reader on to the post on any static
//! host without rewrite rules, plus a line in `_redirects` for hosts that answer with a real
//! 301 (Netlify, Cloudflare Pages).

use crate::diagnostics::Diagnostic;
use crate::escape::escape;
use crate::site_build::SiteBuild;
use std::collections::HashMap;

/// One old address and the post it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// Relative to the site root, as written but without a leading `/`: `2019/03/01/x/`,
    /// `old.html`, `old`.
    pub from: String,
    /// Where it leads, from the site root: `posts/x/`, or a standalone page's `about/`.
    pub to: String,
    pub title: String,
}

impl Redirect {
    /// The file that answers at the old address: `x/` and `x` are `x/index.html` (hosts serve
    /// a folder's index at both), `x.html` is itself.
    pub fn file(&self) -> String {
        if self.from.ends_with(".html") || self.from.ends_with(".htm") {
            self.from.clone()
        } else {
            format!("{}/index.html", self.from.trim_end_matches('/'))
        }
    }

    /// The page at the old address: an instant refresh to the post, a canonical link, a
    /// visible link for anyone whose browser does not follow it, and `noindex`. No script.
    pub fn page(&self, base: &str, absolute: Option<&str>) -> String {
        let to = format!("{base}/{}", self.to);
        let canonical = absolute.unwrap_or(&to);
        let (to, canonical, title) = (escape(&to), escape(canonical), escape(&self.title));
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\" />\n<link rel=\"canonical\" href=\"{canonical}\" />\n<meta http-equiv=\"refresh\" content=\"0; url={to}\" />\n</head>\n<body>\n<p>This page has moved to <a href=\"{to}\">{title}</a>.</p>\n</body>\n</html>\n"
        )
    }
}

/// `redirects.json`: what the app's not-found page follows when a link inside the app leads to
/// an old address.
pub fn map(site: &crate::manifest::Site, redirects: &[Redirect]) -> crate::manifest::RedirectMap {
    crate::manifest::RedirectMap {
        version: crate::manifest::VERSION,
        site: site.clone(),
        redirects: redirects
            .iter()
            .map(|r| (key(&r.from), r.to.clone()))
            .collect(),
    }
}

/// `_redirects` for Netlify and Cloudflare Pages: one permanent redirect per old address.
pub fn netlify(base: &str, redirects: &[Redirect]) -> String {
    redirects
        .iter()
        .map(|r| format!("{base}/{} {base}/{} 301\n", r.from, r.to))
        .collect()
}

/// An old address as a path relative to the site root, or why it cannot be one.
pub fn normalize(address: &str) -> Result<String, &'static str> {
    let a = address.trim();
    // An absolute URL (Hugo allows them) counts by its path.
    let a = match a.split_once("://") {
        Some((scheme, rest)) if scheme.chars().all(|c| c.is_ascii_alphabetic()) => {
            rest.find('/').map_or("/", |i| &rest[i..])
        }
        _ => a,
    };
    let path = a.trim_start_matches('/');
    if path.is_empty() {
        return Err("it is the home page");
    }
    if path.contains(['?', '#', '\\', '"', '<', '>', ' '])
        || path.chars().any(char::is_control)
        || path.contains("//")
    {
        return Err("it holds characters an address path cannot (`?`, `#`, `\\`, spaces, quotes)");
    }
    if path.split('/').any(|s| s == ".." || s == ".") {
        return Err("it climbs folders with `.` or `..`");
    }
    Ok(path.to_string())
}

use crate::url::address_key as key;

/// Every old address of the published posts and pages, checked: one that is not a path, or that points
/// where a live page or file already is (`live`: path → the file or route that owns it), or
/// that two posts both claim, is an error naming both and gets no redirect.
pub fn collect(
    build: &SiteBuild,
    live: &HashMap<String, String>,
) -> (Vec<Redirect>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut taken: HashMap<String, String> =
        live.iter().map(|(p, o)| (key(p), o.clone())).collect();
    let mut redirects = Vec::new();
    // Pages keep their old addresses too (Hugo's `aliases` on an About page).
    for post in build.posts.iter().chain(&build.pages) {
        let file = post.file.clone();
        let to = post.entry.route("").trim_start_matches('/').to_string();
        let own = key(&to);
        for (field, address) in &post.old_addresses {
            let from = match normalize(address) {
                Ok(p) => p,
                Err(reason) => {
                    diags.push(
                        Diagnostic::warning(&file, format!("not an old address quire can keep: {reason}; no redirect is written"))
                            .field(field, Some(address)),
                    );
                    continue;
                }
            };
            let k = key(&from);
            // The post's own address already answers there.
            if k == own {
                continue;
            }
            if let Some(owner) = taken.get(&k) {
                if *owner != file {
                    diags.push(
                        Diagnostic::error(
                            &file,
                            format!("the old address /{from} is already {owner}; no redirect is written. Remove one of them"),
                        )
                        .field(field, Some(address)),
                    );
                }
                continue;
            }
            taken.insert(k, file.clone());
            redirects.push(Redirect {
                from,
                to: to.clone(),
                title: post.entry.title.clone(),
            });
        }
    }
    (redirects, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_addresses_are_paths() {
        assert_eq!(normalize("/2019/03/01/x/").unwrap(), "2019/03/01/x/");
        assert_eq!(normalize("2025/06/26/slug").unwrap(), "2025/06/26/slug");
        assert_eq!(normalize("/old.html").unwrap(), "old.html");
        assert_eq!(normalize("https://old.example/a/b/").unwrap(), "a/b/");
        assert!(normalize("/").is_err());
        assert!(normalize("/../etc/passwd").is_err());
        assert!(normalize("/a?b=1").is_err());
        assert!(normalize("/a\"><script>").is_err());
    }

    #[test]
    fn files_answer_at_the_address_as_written() {
        let r = |from: &str| Redirect {
            from: from.into(),
            to: "posts/x/".into(),
            title: "X".into(),
        };
        assert_eq!(r("2019/03/01/x/").file(), "2019/03/01/x/index.html");
        assert_eq!(r("old.html").file(), "old.html");
        assert_eq!(r("old").file(), "old/index.html");
        let page = r("old").page("/blog", Some("https://e.org/blog/posts/x/"));
        assert!(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/blog/posts/x/\" />"));
        assert!(page.contains("<link rel=\"canonical\" href=\"https://e.org/blog/posts/x/\" />"));
        assert!(page.contains("noindex") && page.contains("<a href=\"/blog/posts/x/\">X</a>"));
        assert!(!page.contains("<script"));
        assert_eq!(
            netlify("/blog", &[r("old.html")]),
            "/blog/old.html /blog/posts/x/ 301\n"
        );
    }
}
