//! Reading offline: what the build's service worker and the app agree on. The worker
//! (`sw.js`, written by the build) keeps every page and file the reader opens in one cache,
//! [`PAGES_CACHE`], under its address without the query; the app reads that cache to mark
//! the posts that are there; saving the whole blog is the worker's, from the list the build
//! writes ([`OFFLINE_LIST_PATH`]).

use std::collections::HashSet;

/// The service worker's file, at the base path (so its scope is the whole site).
pub const SERVICE_WORKER: &str = "sw.js";
/// The web app manifest, beside it: its `<link rel="manifest">` is also what tells `boot.js`
/// that this is a release build with a service worker to start.
pub const WEB_MANIFEST: &str = "manifest.webmanifest";
/// What saving the whole blog fetches, written by the build.
pub const OFFLINE_LIST_PATH: &str = "offline.json";
/// Pages, data, Markdown and pictures the reader opened or saved. Kept across deployments:
/// the worker fetches from the network first, so this only answers when the network does not.
pub const PAGES_CACHE: &str = "quire-pages";
/// The app's own files, one cache per build (`quire-app-<version>`): a new build's worker
/// drops the others.
pub const APP_CACHE_PREFIX: &str = "quire-app-";

/// The posts readable offline, from the addresses (paths) the pages cache holds: a post whose
/// page is there, or whose data and Markdown both are (the app renders it from those; the
/// worker answers its page with the app's shell).
pub fn saved_posts<'a>(base: &str, paths: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let prefix = format!("{base}/posts/");
    let mut pages = HashSet::new();
    let mut data = HashSet::new();
    let mut sources = HashSet::new();
    for path in paths {
        let Some(rest) = path.strip_prefix(&prefix) else {
            continue;
        };
        if let Some(slug) = rest.strip_suffix('/') {
            pages.insert(slug.to_string());
        } else if let Some(slug) = rest.strip_suffix("/index.html") {
            pages.insert(slug.to_string());
        } else if let Some(slug) = rest.strip_suffix(".json") {
            data.insert(slug.to_string());
        } else if let Some(slug) = rest.strip_suffix(".md") {
            sources.insert(slug.to_string());
        }
    }
    pages
        .into_iter()
        .chain(data.intersection(&sources).cloned())
        .collect()
}

/// The path of a cached request's URL (`https://host/blog/posts/a.json?v=1` →
/// `/blog/posts/a.json`): the worker keeps answers under their address without the query.
pub fn path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path = url[after_scheme..]
        .find('/')
        .map_or("/", |i| &url[after_scheme + i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

/// `1.3 MB`, `820 KB`, `512 B`: what saving costs, for the reader.
pub fn size_label(bytes: u64) -> String {
    const KB: u64 = 1000;
    const MB: u64 = 1000 * KB;
    // Whole numbers only: formatting a float would add ≈ 10 KB to the app's WASM.
    if bytes >= MB {
        let tenths = (bytes + MB / 20) / (MB / 10);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_saved_by_its_page_or_by_its_data_and_markdown_together() {
        let paths = [
            "/blog/posts/opened/",
            "/blog/posts/nested/part/index.html",
            "/blog/posts/saved.json",
            "/blog/posts/saved.md",
            "/blog/posts/half.json",
            "/blog/posts/other.md",
            "/blog/tags/rust.json",
            "/posts/wrong-base.json",
            "/posts/wrong-base.md",
        ];
        let mut saved: Vec<_> = saved_posts("/blog", paths).into_iter().collect();
        saved.sort();
        assert_eq!(saved, ["nested/part", "opened", "saved"]);
        let at_root: Vec<_> = saved_posts("", paths).into_iter().collect();
        assert_eq!(at_root, ["wrong-base"]);
    }

    #[test]
    fn cached_urls_become_paths() {
        assert_eq!(
            path_of("http://127.0.0.1:4173/blog/posts/a.md?v=12"),
            "/blog/posts/a.md"
        );
        assert_eq!(path_of("https://example.com"), "/");
        assert_eq!(path_of("https://example.com/#x"), "/");
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(512), "512 B");
        assert_eq!(size_label(1_001), "2 KB");
        assert_eq!(size_label(820_000), "820 KB");
        assert_eq!(size_label(1_349_999), "1.3 MB");
        assert_eq!(size_label(1_350_000), "1.4 MB");
        assert_eq!(size_label(9_960_000), "10.0 MB");
    }
}
