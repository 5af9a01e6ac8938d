//! Every URL quire builds, from one base path, so the app, the build tool and tests agree on them.
//!
//! The base path is trunk's `--public-url` without its trailing slash: `""` at the root,
//! `"/blog"` under a sub-path. leptos_router's `Router base` takes the same string.

/// `"/blog/"`, `"blog"`, `"/blog"` → `"/blog"`; `"/"`, `""` → `""`. A full URL keeps only its path.
pub fn normalize_base(public_url: &str) -> String {
    let mut s = public_url.trim();
    if let Some(i) = s.find("://") {
        s = s[i + 3..].find('/').map_or("", |j| &s[i + 3 + j..]);
    }
    let s = s.trim_matches('/');
    if s.is_empty() {
        String::new()
    } else {
        format!("/{s}")
    }
}

/// The route of a post: `/blog/posts/my-post/`. The trailing slash matches the prerendered
/// `posts/my-post/index.html`, which every static host serves at that address without a redirect.
pub fn post_route(base: &str, slug: &str) -> String {
    format!("{base}/posts/{slug}/")
}

/// Where the build writes a post's prerendered page, relative to the output root.
pub fn post_page_path(slug: &str) -> String {
    format!("posts/{slug}/index.html")
}

/// Where the build output keeps a post's Markdown, relative to the output root.
pub fn post_source_path(slug: &str) -> String {
    format!("posts/{slug}.md")
}

/// The fetch URL of a post's Markdown; `hash` busts caches when the post changes.
pub fn post_source_url(base: &str, slug: &str, hash: &str) -> String {
    format!("{base}/{}?v={hash}", post_source_path(slug))
}

/// A standalone page (`public/pages/about.md`) is at `/blog/about/`; nested folders nest.
pub fn page_route(base: &str, slug: &str) -> String {
    format!("{base}/{slug}/")
}

pub fn page_page_path(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// A page's data and Markdown live under `pages/`, apart from the page's own address.
pub fn page_data_path(slug: &str) -> String {
    format!("pages/{slug}.json")
}

pub fn page_source_path(slug: &str) -> String {
    format!("pages/{slug}.md")
}

/// Where a post's or a standalone page's Markdown is published.
pub fn markdown_path(slug: &str, page: bool) -> String {
    if page {
        page_source_path(slug)
    } else {
        post_source_path(slug)
    }
}

/// `<meta name="quire-base" content="/blog/">`: how the app learns its base path.
pub const BASE_META: &str = "quire-base";

/// The element the app's markup lives in, prerendered or live.
pub const ROOT_ID: &str = "quire-root";

/// `<script type="application/json" id="quire-data">`: the manifest, embedded in each page.
pub const DATA_ID: &str = "quire-data";

/// Index page `n` (1-based): `/blog/` for the first, `/blog/page/2/` after.
pub fn index_route(base: &str, page: usize) -> String {
    if page <= 1 {
        home(base)
    } else {
        format!("{base}/page/{page}/")
    }
}

/// A section's index: `/blog/posts/rust/`, then `/blog/posts/rust/page/2/`.
pub fn section_route(base: &str, section: &str, page: usize) -> String {
    if page <= 1 {
        format!("{base}/posts/{section}/")
    } else {
        format!("{base}/posts/{section}/page/{page}/")
    }
}

pub fn section_page_path(section: &str, page: usize) -> String {
    if page <= 1 {
        format!("posts/{section}/index.html")
    } else {
        format!("posts/{section}/page/{page}/index.html")
    }
}

/// A section's index pages' data: apart from posts' data, so no post's address can clash.
pub fn section_data_path(section: &str, page: usize) -> String {
    format!("sections/{section}/{page}.json")
}

/// A section's own feed: `/blog/posts/rust/feed.xml`.
pub fn section_feed_path(section: &str) -> String {
    format!("posts/{section}/feed.xml")
}

/// Where the build writes index page `n`'s prerendered HTML.
pub fn index_page_path(page: usize) -> String {
    if page <= 1 {
        "index.html".to_string()
    } else {
        format!("page/{page}/index.html")
    }
}

/// The data of index page `n`.
pub fn list_data_path(page: usize) -> String {
    format!("index/{page}.json")
}

/// The data of a post's page (entry, neighbours, links).
pub fn post_data_path(slug: &str) -> String {
    format!("posts/{slug}.json")
}

/// The page static hosts serve for any missing address, one per language.
pub const NOT_FOUND_FILE: &str = "404.html";

/// `/blog/fr/404.html`.
pub fn not_found_page(base: &str) -> String {
    format!("{base}/{NOT_FOUND_FILE}")
}

/// `/blog/tags/` and `/blog/tags/<slug>/`.
pub fn tags_route(base: &str) -> String {
    format!("{base}/tags/")
}

pub fn tag_route(base: &str, slug: &str) -> String {
    format!("{base}/tags/{slug}/")
}

pub const TAGS_DATA_PATH: &str = "tags/index.json";

/// `/blog/categories/<slug>/`: a category's posts; their data at `categories/<slug>.json`.
pub fn category_route(base: &str, slug: &str) -> String {
    format!("{base}/categories/{slug}/")
}

pub fn category_data_path(slug: &str) -> String {
    format!("categories/{slug}.json")
}

/// `/blog/series/<slug>/`: a series' parts; their data at `series/<slug>.json`.
pub fn series_route(base: &str, slug: &str) -> String {
    format!("{base}/series/{slug}/")
}

pub fn series_data_path(slug: &str) -> String {
    format!("series/{slug}.json")
}

/// `/blog/archive/`: every post by year and month.
pub fn archive_route(base: &str) -> String {
    format!("{base}/archive/")
}

pub const ARCHIVE_DATA_PATH: &str = "archive.json";

/// `/blog/authors/<id>/`: an author's posts; their data at `authors/<id>.json`.
pub fn author_route(base: &str, id: &str) -> String {
    format!("{base}/authors/{id}/")
}

pub fn author_data_path(id: &str) -> String {
    format!("authors/{id}.json")
}

pub fn tag_data_path(slug: &str) -> String {
    format!("tags/{slug}.json")
}

/// A tag's own feed, beside its page: `tags/<slug>/feed.xml`.
pub fn tag_feed_path(slug: &str) -> String {
    format!("tags/{slug}/feed.xml")
}

pub const MANIFEST_PATH: &str = "manifest.json";
/// Old addresses and the posts they lead to, for the app's not-found page.
pub const REDIRECTS_DATA_PATH: &str = "redirects.json";

/// An address as two spellings of it compare: without the base's slash, a trailing slash or
/// `index.html` (`/old/`, `old` and `old/index.html` are one address).
pub fn address_key(path: &str) -> String {
    let p = path.trim_start_matches('/');
    let p = p.strip_suffix("index.html").unwrap_or(p);
    p.trim_end_matches('/').to_string()
}
/// The search index ([`crate::search`]), fetched on the first search only.
pub const SEARCH_INDEX_PATH: &str = "search/index.json";
/// A blog in several languages: every language's posts, for each language's search page.
pub const SEARCH_ALL_PATH: &str = "search/all.json";
/// Where a site writes its data and posts' files, under its base: in a blog in several
/// languages, what is there is that language's; the rest (the app's files, `public/`'s) is
/// every language's.
pub const DATA_PATHS: [&str; 12] = [
    "posts/",
    "pages/",
    "sections/",
    "index/",
    "tags/",
    "categories/",
    "series/",
    "authors/",
    "search/",
    ARCHIVE_DATA_PATH,
    MANIFEST_PATH,
    REDIRECTS_DATA_PATH,
];
/// The search page: `/blog/search/`; `?q=…&tag=…&year=…` holds the query.
/// `/preview/`: write or drop a post and see it as the build would publish it (its own page,
/// which the app does not take over).
pub fn preview_route(base: &str) -> String {
    format!("{base}/preview/")
}

/// The preview worker's name (trunk's `data-bin`); only the preview page names its loader.
pub const PREVIEW_WORKER: &str = "quire-preview";

pub fn search_route(base: &str) -> String {
    format!("{base}/search/")
}

/// The search page showing `query`: `/blog/search/?q=golang&tag=go`.
pub fn search_href(base: &str, query: &crate::search::Query) -> String {
    let mut params = Vec::new();
    if !query.text.is_empty() {
        params.push(format!("q={}", encode_component(&query.text)));
    }
    if let Some(t) = &query.tag {
        params.push(format!("tag={}", encode_component(t)));
    }
    if let Some(y) = query.year {
        params.push(format!("year={y}"));
    }
    if query.all {
        params.push("lang=all".into());
    }
    let route = search_route(base);
    if params.is_empty() {
        route
    } else {
        format!("{route}?{}", params.join("&"))
    }
}

/// A post opened from a search result: the article highlights the first of `terms`.
pub fn highlight_href(base: &str, slug: &str, terms: &[String]) -> String {
    let route = post_route(base, slug);
    if terms.is_empty() {
        route
    } else {
        format!("{route}?highlight={}", encode_component(&terms.join(" ")))
    }
}

/// Percent-encoding for a query value: everything but ASCII letters, digits and `-._~`.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
/// The search worker's script as trunk names it (`crates/quire-search`), and the `<meta>`
/// through which the build gives its content-hashed address.
pub const SEARCH_WORKER: &str = "quire-search_loader.js";
pub const SEARCH_WORKER_META: &str = "quire-search";

/// The same for the renderer worker (`crates/quire-render`): the Markdown pipeline the app
/// uses for articles it did not get prerendered.
pub const RENDER_WORKER: &str = "quire-render_loader.js";
pub const RENDER_WORKER_META: &str = "quire-render";

/// The home page: `/blog/` or `/`.
pub fn home(base: &str) -> String {
    format!("{base}/")
}

/// The document title: "Post · Site", or the site title alone.
pub fn page_title(page: Option<&str>, site: &str) -> String {
    match (page, site.is_empty()) {
        (Some(p), false) => format!("{p} · {site}"),
        (Some(p), true) => p.to_string(),
        (None, _) => site.to_string(),
    }
}

/// Resolves a relative reference (`./images/a.png`, `../x.md#h`) against a directory that is
/// relative to the site root (`posts`), giving a root-relative path without the base. `..` never
/// climbs above the site root. Query and fragment are kept.
pub fn resolve_relative(dir: &str, reference: &str) -> String {
    let split_at = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, rest) = reference.split_at(split_at);
    let mut segments: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut out = format!("/{}", segments.join("/"));
    if path.ends_with('/') && out.len() > 1 {
        out.push('/');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/blog/"), "/blog");
        assert_eq!(normalize_base("blog"), "/blog");
        assert_eq!(normalize_base("https://example.com/blog/"), "/blog");
        assert_eq!(normalize_base("https://example.com"), "");
    }

    #[test]
    fn urls() {
        assert_eq!(post_route("/blog", "a"), "/blog/posts/a/");
        assert_eq!(post_source_url("", "a", "h1"), "/posts/a.md?v=h1");
        assert_eq!(home(""), "/");
    }

    #[test]
    fn relative_references() {
        assert_eq!(
            resolve_relative("posts", "./images/a.png"),
            "/posts/images/a.png"
        );
        assert_eq!(
            resolve_relative("posts", "images/a.png"),
            "/posts/images/a.png"
        );
        assert_eq!(
            resolve_relative("posts", "../img/a.png?x=1#y"),
            "/img/a.png?x=1#y"
        );
        assert_eq!(
            resolve_relative("posts", "../../../etc/passwd"),
            "/etc/passwd"
        );
        assert_eq!(resolve_relative("posts", "/about/"), "/about/");
    }

    #[test]
    fn search_addresses_carry_the_query() {
        use crate::search::Query;
        assert_eq!(search_href("", &Query::default()), "/search/");
        let q = Query {
            text: "go & rust/é".into(),
            tag: Some("web dev".into()),
            year: Some(2024),
            all: false,
        };
        assert_eq!(
            search_href("/blog", &q),
            "/blog/search/?q=go%20%26%20rust%2F%C3%A9&tag=web%20dev&year=2024"
        );
        let every = Query { all: true, ..q };
        assert!(search_href("/blog", &every).ends_with("&year=2024&lang=all"));
        assert_eq!(
            highlight_href("", "seed", &["golang".into(), "python".into()]),
            "/posts/seed/?highlight=golang%20python"
        );
        assert_eq!(highlight_href("", "seed", &[]), "/posts/seed/");
    }
}
