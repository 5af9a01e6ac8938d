//! Every route as real HTML: the app's own components rendered by Leptos on the native side
//! (`ssr`), from the same state the browser will start with, inside trunk's shell (hashed
//! script and style tags), with head metadata for crawlers and social cards. The WASM app then
//! takes the page over (see `src/takeover.rs`).

use crate::feed::absolute;
use crate::shell::escape;
use quire::state::Initial;
use quire_core::manifest::{ListPage, Manifest, PageData, PostEntry, RouteData, Site};
use quire_core::site_build::{SiteBuild, SiteData};
use quire_core::url;
use std::collections::HashMap;

/// One page to write.
pub struct Page {
    /// Relative to the output root, e.g. `posts/a/index.html`.
    pub path: String,
    pub html: String,
}

/// One prerendered route: where it is written, what its head says, and the data the page
/// embeds, from which the prerenderer and the app's takeover both build the app's state.
/// Adding a route to the site is adding a row in [`routes`].
struct Row<'a> {
    /// Relative to the output root, e.g. `posts/a/index.html`.
    path: String,
    /// Route path including the base, e.g. `/blog/posts/a/`.
    route: String,
    /// Whether the page has a canonical address (404.html has none).
    canonical: bool,
    /// The title's first part, from [`RouteData::title`] where the page has data.
    title: Option<String>,
    description: &'a str,
    article: Option<&'a PostEntry>,
    data: PageData,
    /// The article's HTML by content hash, rendered once here and reused by the takeover.
    articles: HashMap<String, String>,
    /// The page in each language (hreflang), its own first; empty in a one-language site.
    alternates: Vec<(String, String)>,
}

/// What a page's `<head>` says about it.
struct Head<'a> {
    title: String,
    description: &'a str,
    /// Route path including the base, e.g. `/blog/posts/a/`; `None` for the 404 page.
    route: Option<String>,
    article: Option<&'a PostEntry>,
    /// A section's index or a tag's page: its own feed (path and title), for autodiscovery.
    own_feed: Option<(String, String)>,
    alternates: &'a [(String, String)],
}

/// Every route of the site, in writing order.
fn routes<'a>(
    base: &'a str,
    build: &'a SiteBuild,
    data: &'a SiteData,
) -> impl Iterator<Item = Row<'a>> + 'a {
    let rows = Rows {
        base,
        site: &build.manifest.site,
        empty: PageData::of_site(build.manifest.site.clone()),
    };
    let (tag_list, tag_pages) = build.tags();
    let archive = build.archive();
    let tags = rows.row(
        "tags/index.html",
        url::tags_route(base),
        tag_list,
        |d, t| d.tags = Some(t),
    );
    let archive = rows.row(
        "archive/index.html",
        url::archive_route(base),
        archive,
        |d, a| d.archive = Some(a),
    );
    rows.clone()
        .lists(&data.lists)
        .chain(rows.clone().articles(build, data))
        .chain([tags])
        .chain(rows.clone().grouped(
            tag_pages,
            "tags",
            url::tag_route,
            |t| &t.tag.slug,
            |d, t| d.tag = Some(t),
        ))
        .chain(rows.clone().grouped(
            build.categories(),
            "categories",
            url::category_route,
            |c| &c.0.tag.slug,
            |d, c| d.category = Some(c),
        ))
        .chain(rows.clone().grouped(
            build.series(),
            "series",
            url::series_route,
            |s| &s.0.tag.slug,
            |d, s| d.series = Some(s),
        ))
        .chain([archive])
        .chain(rows.clone().grouped(
            build.authors(),
            "authors",
            url::author_route,
            |a| &a.author.id,
            |d, a| d.author = Some(a),
        ))
        .chain(rows.clone().standalone(build, data))
        .chain(rows.without_data())
}

/// What every row of one site shares: its base, its settings, and the page data of a page
/// that shows nothing of its own, which each row fills.
#[derive(Clone)]
struct Rows<'a> {
    base: &'a str,
    site: &'a Site,
    empty: PageData,
}

impl<'a> Rows<'a> {
    /// A page showing `item`, which `put` stores in its data.
    fn row<T: RouteData>(
        &self,
        path: impl Into<String>,
        route: String,
        item: T,
        put: impl FnOnce(&mut PageData, T),
    ) -> Row<'a> {
        let mut data = self.empty.clone();
        let title = item.title();
        put(&mut data, item);
        self.plain(path.into(), route, title, data)
    }

    fn plain(&self, path: String, route: String, title: Option<String>, data: PageData) -> Row<'a> {
        Row {
            path,
            route,
            canonical: true,
            title,
            description: &self.site.description,
            article: None,
            data,
            articles: HashMap::new(),
            alternates: Vec::new(),
        }
    }

    /// The home page, its later pages, and each section's; the home page names its
    /// translations.
    fn lists(self, lists: &'a [ListPage]) -> impl Iterator<Item = Row<'a>> + 'a {
        lists.iter().map(move |l| {
            let home = l.page == 1 && l.section.as_ref().is_none_or(|s| s.path.is_empty());
            let alternates = match home {
                true => self.site.alternates(self.base, None),
                false => Vec::new(),
            };
            Row {
                alternates,
                ..self.row(l.page_path(), l.route(self.base), l.clone(), |d, l| {
                    d.list = Some(l)
                })
            }
        })
    }

    /// Each post, its HTML rendered here once.
    fn articles(
        self,
        build: &'a SiteBuild,
        data: &'a SiteData,
    ) -> impl Iterator<Item = Row<'a>> + 'a {
        build
            .posts
            .iter()
            .zip(&data.posts)
            .map(move |(post, data)| {
                let e = &post.entry;
                let row = self.row(
                    url::post_page_path(&e.slug),
                    url::post_route(self.base, &e.slug),
                    data.clone(),
                    |d, p| d.post = Some(p),
                );
                Row {
                    description: &e.summary,
                    article: Some(e),
                    articles: HashMap::from([(e.hash.clone(), data.render(&post.text, self.base))]),
                    alternates: self.site.alternates(self.base, Some(e)),
                    ..row
                }
            })
    }

    /// One page per name of a grouping (a tag, a category, a series, an author), at
    /// `<folder>/<key>/`.
    fn grouped<T: RouteData + 'a>(
        self,
        items: Vec<T>,
        folder: &'static str,
        route: fn(&str, &str) -> String,
        key: fn(&T) -> &str,
        put: fn(&mut PageData, T),
    ) -> impl Iterator<Item = Row<'a>> + 'a {
        items.into_iter().map(move |item| {
            let key = key(&item);
            self.row(
                format!("{folder}/{key}/index.html"),
                route(self.base, key),
                item,
                put,
            )
        })
    }

    /// `public/pages/`: each page, rendered here once. `data.pages` is in `build.pages`' order.
    fn standalone(
        self,
        build: &'a SiteBuild,
        data: &'a SiteData,
    ) -> impl Iterator<Item = Row<'a>> + 'a {
        build
            .pages
            .iter()
            .zip(&data.pages)
            .map(move |(post, page)| {
                let e = &page.0.entry;
                let row = self.row(
                    url::page_page_path(&e.slug),
                    url::page_route(self.base, &e.slug),
                    page.clone(),
                    |d, p| d.standalone = Some(p),
                );
                Row {
                    description: post.entry.summary.as_str(),
                    articles: HashMap::from([(
                        e.hash.clone(),
                        page.0.render(&post.text, self.base),
                    )]),
                    alternates: self.site.alternates(self.base, Some(e)),
                    ..row
                }
            })
    }

    /// Pages with no data of their own. The search page, so `/search/?q=…` links work on any
    /// static host (the app answers the query once it starts). The editor's page, the site's
    /// header and footer around it (`crate::preview`). 404.html, which static hosts serve for
    /// any missing address (GitHub Pages, Netlify, Cloudflare Pages, nginx's error_page); the
    /// app then shows the right not-found view for the URL.
    fn without_data(self) -> [Row<'a>; 3] {
        let (base, words) = (self.base, &self.site.strings);
        let page = |path: &str, route: String, title: &str| {
            self.plain(
                path.into(),
                route,
                Some(title.to_string()),
                self.empty.clone(),
            )
        };
        [
            page("search/index.html", url::search_route(base), &words.search),
            Row {
                canonical: false,
                ..page(
                    crate::preview::PAGE,
                    url::preview_route(base),
                    &words.preview_title,
                )
            },
            Row {
                canonical: false,
                ..page(
                    url::NOT_FOUND_FILE,
                    url::not_found_page(base),
                    &words.page_not_found,
                )
            },
        ]
    }
}

/// `csp` adds that Content-Security-Policy as a `<meta>` (release builds; `trunk serve`'s
/// live-reload script is inline, so development pages go without).
pub fn pages(
    shell: &str,
    base: &str,
    build: &SiteBuild,
    data: &SiteData,
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
    let manifest = &build.manifest;
    routes(base, build, data)
        .map(|row| {
            let initial = Initial {
                base: base.to_string(),
                articles: row.articles,
                ..Initial::from(row.data.clone())
            };
            let body = quire::ssr::render_route(initial, &row.route);
            let head = Head {
                title: url::page_title(row.title.as_deref(), &manifest.site.title),
                description: row.description,
                route: row.canonical.then_some(row.route),
                article: row.article,
                own_feed: crate::feed::Scope::of_page(&row.data).map(|scope| {
                    let (path, _, title) = scope.describe(&manifest.site.title, base);
                    (path, title)
                }),
                alternates: &row.alternates,
            };
            let html = assemble(
                &shell,
                base,
                manifest,
                &head,
                &body,
                &json_for_script(&row.data),
            );
            Page {
                path: row.path,
                html,
            }
        })
        .collect()
}

/// Page data as JSON that is safe inside `<script>`: no `</script>` or `<!--` can occur.
fn json_for_script(data: &PageData) -> String {
    serde_json::to_string(data)
        .expect("page data serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
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
        if let Some(image) = a.image_url(site.root(base)) {
            let image = if image.contains("://") {
                Some(image)
            } else {
                absolute(manifest, &image)
            };
            if let Some(u) = image {
                tag(format!(
                    "<meta property=\"og:image\" content=\"{}\" />",
                    escape(&u)
                ));
            }
        }
        if !a.authors.is_empty() {
            tag(format!(
                "<meta name=\"author\" content=\"{}\" />",
                escape(&a.authors.join(", "))
            ));
        }
        for name in &a.authors {
            tag(format!(
                "<meta property=\"article:author\" content=\"{}\" />",
                escape(name)
            ));
        }
    }
    let card = if head.article.is_some_and(|a| a.image.is_some()) {
        "summary_large_image"
    } else {
        "summary"
    };
    tag(format!("<meta name=\"twitter:card\" content=\"{card}\" />"));
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
    // A section's index and a tag's page also offer their own feed.
    if let Some((path, title)) = &head.own_feed {
        tag(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}/{}\" />",
            escape(title),
            escape(base),
            escape(path)
        ));
    }

    for (lang, href) in crate::feed::hreflang(manifest, head.alternates) {
        tag(format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />",
            escape(&lang),
            escape(&href)
        ));
    }

    let mut out = crate::shell::finish(shell, base, &head.title);
    out = crate::shell::with_lang(&out, &site.language);
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
