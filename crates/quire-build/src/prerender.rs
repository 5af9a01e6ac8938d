//! Every route as real HTML: the app's own components rendered by Leptos on the native side
//! (`ssr`), from the same state the browser will start with, inside trunk's shell (hashed
//! script and style tags), with head metadata for crawlers and social cards. The WASM app then
//! takes the page over (see `src/takeover.rs`).

use crate::shell::escape;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use quire::app::{App, Initial};
use quire_core::manifest::{ListPage, Manifest, PageData, PostData, PostEntry, VERSION};
use quire_core::post::SiteBuild;
use quire_core::url;
use std::collections::HashMap;

/// One page to write.
pub struct Page {
    /// Relative to the output root, e.g. `posts/a/index.html`.
    pub path: String,
    pub html: String,
}

/// What a page's `<head>` says about it.
struct Head<'a> {
    title: String,
    description: &'a str,
    /// Route path including the base, e.g. `/blog/posts/a/`; `None` for the 404 page.
    route: Option<String>,
    article: Option<&'a PostEntry>,
}

/// `csp` adds that Content-Security-Policy as a `<meta>` (release builds; `trunk serve`'s
/// live-reload script is inline, so development pages go without).
pub fn pages(
    shell: &str,
    base: &str,
    build: &SiteBuild,
    (lists, datas): &(Vec<ListPage>, Vec<PostData>),
    csp: Option<&str>,
) -> Vec<Page> {
    let shell = match csp {
        Some(policy) => shell.replacen(
            "<head>",
            &format!("<head>\n    {}", crate::shell::csp_meta(policy)),
            1,
        ),
        None => shell.to_string(),
    };
    let shell = shell.as_str();
    let manifest = &build.manifest;
    let site = &manifest.site;
    let empty = PageData {
        version: VERSION,
        site: site.clone(),
        list: None,
        post: None,
        tags: None,
        tag: None,
    };
    let embed = |list: Option<&ListPage>, post: Option<&PostData>| {
        json_for_script(&PageData {
            list: list.cloned(),
            post: post.cloned(),
            ..empty.clone()
        })
    };
    let mut pages = Vec::with_capacity(build.posts.len() + lists.len() + 1);

    for list in lists {
        let route = url::index_route(base, list.page);
        let initial = Initial {
            base: base.to_string(),
            site: Some(site.clone()),
            lists: vec![list.clone()],
            ..Initial::default()
        };
        let body = render_route(initial, &route);
        let title = match list.page {
            1 => site.title.clone(),
            n => url::page_title(Some(&format!("Page {n}")), &site.title),
        };
        let head = Head {
            title,
            description: &site.description,
            route: Some(route),
            article: None,
        };
        pages.push(Page {
            path: url::index_page_path(list.page),
            html: assemble(
                shell,
                base,
                manifest,
                &head,
                &body,
                &embed(Some(list), None),
            ),
        });
    }

    for (post, data) in build.posts.iter().zip(datas) {
        let e = &post.entry;
        let markdown = quire_core::front_matter::body(&post.text);
        let html = quire::routes::article::render_post(markdown, e, base, &data.links, &data.code);
        let route = url::post_route(base, &e.slug);
        let initial = Initial {
            base: base.to_string(),
            site: Some(site.clone()),
            posts: vec![data.clone()],
            articles: HashMap::from([(e.hash.clone(), html)]),
            ..Initial::default()
        };
        let body = render_route(initial, &route);
        let head = Head {
            title: url::page_title(Some(&e.title), &site.title),
            description: &e.summary,
            route: Some(route),
            article: Some(e),
        };
        pages.push(Page {
            path: url::post_page_path(&e.slug),
            html: assemble(
                shell,
                base,
                manifest,
                &head,
                &body,
                &embed(None, Some(data)),
            ),
        });
    }

    let (tag_list, tag_pages) = build.tags();
    let route = url::tags_route(base);
    let initial = Initial {
        base: base.to_string(),
        site: Some(site.clone()),
        tags: Some(tag_list.clone()),
        ..Initial::default()
    };
    let body = render_route(initial, &route);
    let head = Head {
        title: url::page_title(Some("Tags"), &site.title),
        description: &site.description,
        route: Some(route),
        article: None,
    };
    let data = json_for_script(&PageData {
        tags: Some(tag_list),
        ..empty.clone()
    });
    pages.push(Page {
        path: "tags/index.html".into(),
        html: assemble(shell, base, manifest, &head, &body, &data),
    });
    for tag in &tag_pages {
        let route = url::tag_route(base, &tag.tag.slug);
        let initial = Initial {
            base: base.to_string(),
            site: Some(site.clone()),
            tag_pages: vec![tag.clone()],
            ..Initial::default()
        };
        let body = render_route(initial, &route);
        let title = format!("Posts tagged “{}”", tag.tag.name);
        let head = Head {
            title: url::page_title(Some(&title), &site.title),
            description: &site.description,
            route: Some(route),
            article: None,
        };
        let data = json_for_script(&PageData {
            tag: Some(tag.clone()),
            ..empty.clone()
        });
        pages.push(Page {
            path: format!("tags/{}/index.html", tag.tag.slug),
            html: assemble(shell, base, manifest, &head, &body, &data),
        });
    }

    // Pages with no data of their own. The search page, so `/search/?q=…` links work on any
    // static host (the app answers the query once it starts). 404.html, which static hosts
    // serve for any missing address (GitHub Pages, Netlify, Cloudflare Pages, nginx's
    // error_page); the app then shows the right not-found view for the URL.
    let plain = [
        (url::search_route(base), "search/index.html", "Search", true),
        (
            format!("{base}/404.html"),
            "404.html",
            "Page not found",
            false,
        ),
    ];
    for (route, path, title, canonical) in plain {
        let initial = Initial {
            base: base.to_string(),
            site: Some(site.clone()),
            ..Initial::default()
        };
        let body = render_route(initial, &route);
        let head = Head {
            title: url::page_title(Some(title), &site.title),
            description: &site.description,
            route: canonical.then_some(route),
            article: None,
        };
        pages.push(Page {
            path: path.into(),
            html: assemble(shell, base, manifest, &head, &body, &embed(None, None)),
        });
    }
    pages
}

/// The app's markup for one URL, rendered by the same components the browser runs.
fn render_route(initial: Initial, path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        view! { <App initial /> }.to_html()
    })
}

/// Page data as JSON that is safe inside `<script>`: no `</script>` or `<!--` can occur.
fn json_for_script(data: &PageData) -> String {
    serde_json::to_string(data)
        .expect("page data serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// An absolute URL for a route path, from the site's `base_url` (scheme and host).
pub fn absolute(manifest: &Manifest, route: &str) -> Option<String> {
    let base_url = manifest.site.base_url.as_deref()?;
    let scheme_end = base_url.find("://")? + 3;
    let origin_end = base_url[scheme_end..]
        .find('/')
        .map_or(base_url.len(), |i| scheme_end + i);
    Some(format!("{}{route}", &base_url[..origin_end]))
}

fn assemble(
    shell: &str,
    base: &str,
    manifest: &Manifest,
    head: &Head,
    body: &str,
    data: &str,
) -> String {
    let site = &manifest.site;
    let mut tags = String::new();
    let mut tag = |s: String| {
        tags.push_str("\n    ");
        tags.push_str(&s);
    };
    if !head.description.is_empty() {
        tag(format!(
            "<meta name=\"description\" content=\"{}\" />",
            escape(head.description)
        ));
    }
    let page_url = head.route.as_deref().and_then(|r| absolute(manifest, r));
    if let Some(u) = &page_url {
        tag(format!("<link rel=\"canonical\" href=\"{}\" />", escape(u)));
    }
    let og_title = head
        .article
        .map_or(site.title.as_str(), |a| a.title.as_str());
    tag(format!(
        "<meta property=\"og:site_name\" content=\"{}\" />",
        escape(&site.title)
    ));
    tag(format!(
        "<meta property=\"og:title\" content=\"{}\" />",
        escape(og_title)
    ));
    if !head.description.is_empty() {
        tag(format!(
            "<meta property=\"og:description\" content=\"{}\" />",
            escape(head.description)
        ));
    }
    tag(format!(
        "<meta property=\"og:type\" content=\"{}\" />",
        if head.article.is_some() {
            "article"
        } else {
            "website"
        }
    ));
    if let Some(u) = &page_url {
        tag(format!(
            "<meta property=\"og:url\" content=\"{}\" />",
            escape(u)
        ));
    }
    if let Some(a) = head.article {
        if let Some(iso) = &a.date {
            tag(format!(
                "<meta property=\"article:published_time\" content=\"{}\" />",
                escape(iso)
            ));
        }
        for t in &a.tags {
            tag(format!(
                "<meta property=\"article:tag\" content=\"{}\" />",
                escape(t)
            ));
        }
    }
    tag("<meta name=\"twitter:card\" content=\"summary\" />".to_string());
    tag(format!(
        "<meta name=\"twitter:title\" content=\"{}\" />",
        escape(og_title)
    ));
    if !head.description.is_empty() {
        tag(format!(
            "<meta name=\"twitter:description\" content=\"{}\" />",
            escape(head.description)
        ));
    }
    tag(format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}/feed.xml\" />",
        escape(&site.title),
        escape(base)
    ));

    let mut out = crate::shell::finish(shell, base, &head.title);
    if let Some(i) = out.find("</title>") {
        out.insert_str(i + "</title>".len(), &tags);
    }
    let content = format!(
        "\n    <div id=\"{}\">{body}</div>\n    <script type=\"application/json\" id=\"{}\">{data}</script>",
        url::ROOT_ID,
        url::DATA_ID
    );
    if let Some(i) = out.find("<body>") {
        out.insert_str(i + "<body>".len(), &content);
    }
    out
}
