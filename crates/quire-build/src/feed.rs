//! Files for feed readers, crawlers and CDNs: Atom `feed.xml`, `sitemap.xml`, `robots.txt`
//! and `_headers` (Netlify / Cloudflare Pages cache rules).

use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use quire_core::manifest::{Manifest, PostEntry};
use quire_core::post::Post;
use quire_core::url;
use std::collections::HashMap;

/// An RFC 3339 timestamp for a manifest date (`2024-05-02`, `2024-05-02T09:30:00`, or with an
/// offset). Dates without an offset are taken as UTC.
pub fn rfc3339(iso: &str) -> String {
    if iso.len() == 10 {
        format!("{iso}T00:00:00Z")
    } else if iso.ends_with('Z') || iso[10..].contains(['+', '-']) {
        iso.to_string()
    } else {
        format!("{iso}Z")
    }
}

fn entry_updated(e: &PostEntry) -> Option<String> {
    e.updated.as_deref().or(e.date.as_deref()).map(rfc3339)
}

fn date(rfc3339: &str) -> Option<FixedDateTime> {
    FixedDateTime::parse_from_rfc3339(rfc3339).ok()
}

fn link(href: String, rel: &str, mime_type: &str) -> Link {
    Link {
        href,
        rel: rel.into(),
        mime_type: Some(mime_type.into()),
        ..Link::default()
    }
}

fn person(name: &str) -> Person {
    Person {
        name: name.into(),
        ..Person::default()
    }
}

/// Which posts a feed holds.
pub enum Scope<'a> {
    /// Every post: `feed.xml`.
    Site,
    /// A section's (its path and title): `posts/<section>/feed.xml`.
    Section(&'a str, &'a str),
    /// A tag's: `tags/<slug>/feed.xml`.
    Tag(&'a quire_core::manifest::TagPage),
}

impl<'a> Scope<'a> {
    /// The feed of the page `data` shows, when it has one of its own (a section's index, a
    /// tag's page); the site's feed is offered on every page anyway.
    pub fn of_page(data: &'a quire_core::manifest::PageData) -> Option<Scope<'a>> {
        if let Some(s) = data
            .list
            .as_ref()
            .and_then(|l| l.section.as_ref())
            .filter(|s| !s.path.is_empty())
        {
            return Some(Scope::Section(&s.path, &s.title));
        }
        data.tag.as_ref().map(Scope::Tag)
    }

    /// The feed's file, the page it is the feed of, and its title.
    pub fn describe(&self, site: &str, base: &str) -> (String, String, String) {
        match self {
            Scope::Site => ("feed.xml".into(), url::home(base), site.to_string()),
            Scope::Section(s, t) => (
                url::section_feed_path(s),
                url::section_route(base, s, 1),
                url::page_title(Some(t), site),
            ),
            Scope::Tag(tag) => (
                url::tag_feed_path(&tag.tag.slug),
                url::tag_route(base, &tag.tag.slug),
                url::page_title(
                    quire_core::manifest::RouteData::title(*tag).as_deref(),
                    site,
                ),
            ),
        }
    }

    fn holds(&self, post: &Post) -> bool {
        match self {
            Scope::Site => true,
            Scope::Section(s, _) => post.entry.slug.starts_with(&format!("{s}/")),
            Scope::Tag(tag) => tag.posts.iter().any(|e| e.slug == post.entry.slug),
        }
    }
}

/// A feed (the site's, a section's or a tag's) and its own path.
pub fn atom(
    manifest: &Manifest,
    posts: &[Post],
    base: &str,
    scope: &Scope,
) -> Option<(String, String)> {
    let (path, page, title) = scope.describe(&manifest.site.title, base);
    let posts: Vec<&Post> = posts.iter().filter(|p| scope.holds(p)).collect();
    let xml = atom_of(manifest, &posts, base, &page, &path, &title)?;
    Some((path, xml))
}

/// A feed holds the newest posts only, as jekyll-feed and most readers expect: with full
/// content, every post of a 10,000-post blog made `feed.xml` 77 MB (and each tag's 16 MB).
pub const FEED_ENTRIES: usize = 20;

/// Atom 1.0 with full content. Needs the site's `base_url` for absolute links. Drafts (present
/// in development builds) never appear in feeds or the sitemap.
fn atom_of(
    manifest: &Manifest,
    posts: &[&Post],
    base: &str,
    page: &str,
    feed_path: &str,
    title: &str,
) -> Option<String> {
    let posts: Vec<&Post> = posts
        .iter()
        .copied()
        .filter(|p| !p.entry.draft)
        .take(FEED_ENTRIES)
        .collect();
    let home = absolute(manifest, &url::home(base))?;
    let page = absolute(manifest, page)?;
    let site = &manifest.site;
    // Atom requires an `updated` everywhere; undated posts take the newest date of the feed.
    let newest = posts
        .iter()
        .filter_map(|p| entry_updated(&p.entry))
        .filter_map(|d| date(&d))
        .max()
        .or_else(|| date("1970-01-01T00:00:00Z"))?;
    let links: Vec<(String, String)> = manifest
        .posts
        .iter()
        .map(|p| (p.source.clone(), p.slug.clone()))
        .collect();
    // Feed readers show entries away from the site: every link and image absolute.
    let absolute_base = home.trim_end_matches('/').to_string();
    let absolute_root = absolute(manifest, &url::home(manifest.site.root(base)))?;
    let absolute_root = absolute_root.trim_end_matches('/');
    let mut entries = Vec::with_capacity(posts.len());
    for post in &posts {
        let e = &post.entry;
        let href = absolute(manifest, &url::post_route(base, &e.slug))?;
        let markdown = quire_core::front_matter::body(&post.text);
        // Feed readers drop classes, so highlighting would only add bytes.
        let html = quire_core::article::render_post(
            markdown,
            &e.source,
            quire_core::article::Base {
                pages: &absolute_base,
                files: absolute_root,
            },
            &links,
            &[],
            &post.images,
            &post.math,
        );
        entries.push(Entry {
            title: Text::plain(e.title.as_str()),
            id: href.clone(),
            links: vec![link(href, "alternate", "text/html")],
            published: e.date.as_deref().and_then(|d| date(&rfc3339(d))),
            updated: entry_updated(e).and_then(|d| date(&d)).unwrap_or(newest),
            authors: e.authors.iter().map(|a| person(a)).collect(),
            categories: e
                .categories
                .iter()
                .chain(&e.tags)
                .map(|t| Category {
                    term: t.clone(),
                    ..Category::default()
                })
                .collect(),
            summary: (!e.summary.is_empty()).then(|| Text::plain(e.summary.as_str())),
            content: Some(Content {
                value: Some(html),
                content_type: Some("html".into()),
                ..Content::default()
            }),
            ..Entry::default()
        });
    }
    let feed = Feed {
        lang: Some(site.language.clone()),
        base: Some(home.clone()),
        title: Text::plain(title),
        subtitle: (!site.description.is_empty()).then(|| Text::plain(site.description.as_str())),
        links: vec![
            link(format!("{home}{feed_path}"), "self", "application/atom+xml"),
            link(page.clone(), "alternate", "text/html"),
        ],
        id: page,
        updated: newest,
        authors: vec![person(site.author.as_deref().unwrap_or(&site.title))],
        generator: Some(Generator {
            value: "quire".into(),
            ..Generator::default()
        }),
        entries,
        ..Feed::default()
    };
    let mut xml = String::from_utf8(feed.write_to(Vec::new()).ok()?).ok()?;
    xml.push('\n');
    Some(xml)
}

/// A page's hreflang links: every language's version (absolute with `base_url`), and
/// `x-default`, the default language's, for readers of any other language.
pub fn hreflang(manifest: &Manifest, alternates: &[(String, String)]) -> Vec<(String, String)> {
    let site = &manifest.site;
    let href = |route: &str| absolute(manifest, route).unwrap_or_else(|| route.to_string());
    let mut links: Vec<(String, String)> = alternates
        .iter()
        .map(|(lang, route)| (lang.clone(), href(route)))
        .collect();
    let default = site.languages.first().map(|l| l.code.as_str());
    if let Some((_, route)) = alternates.iter().find(|(l, _)| Some(l.as_str()) == default) {
        links.push(("x-default".into(), href(route)));
    }
    links
}

/// Every address of the site, with each one's versions in the other languages: `pages` are
/// the standalone pages' entries (their translations; the manifest names them only).
pub fn sitemap(manifest: &Manifest, pages: &[&PostEntry], base: &str) -> Option<String> {
    let site = &manifest.site;
    let mut locs = vec![(absolute(manifest, &url::home(base))?, None)];
    for e in manifest.site.pages.iter() {
        locs.push((absolute(manifest, &url::page_route(base, e))?, None));
    }
    for s in manifest.site.sections.iter() {
        locs.push((absolute(manifest, &url::section_route(base, s, 1))?, None));
    }
    if manifest.posts.iter().any(|e| !e.draft) {
        locs.push((absolute(manifest, &url::archive_route(base))?, None));
    }
    let mut series: Vec<&str> = manifest
        .posts
        .iter()
        .filter(|e| !e.draft)
        .filter_map(|e| e.series_slug.as_deref())
        .collect();
    series.sort_unstable();
    series.dedup();
    for s in series {
        locs.push((absolute(manifest, &url::series_route(base, s))?, None));
    }
    for e in manifest.posts.iter().filter(|e| !e.draft) {
        locs.push((
            absolute(manifest, &url::post_route(base, &e.slug))?,
            entry_updated(e),
        ));
    }
    // Each address's versions in the other languages (`xhtml:link`, as Google reads them).
    let posts = manifest.posts.iter().filter(|e| !e.draft);
    let alternates: HashMap<String, Vec<(String, String)>> =
        std::iter::once(site.alternates(base, None))
            .chain(
                posts
                    .chain(pages.iter().copied())
                    .map(|e| site.alternates(base, Some(e))),
            )
            .filter_map(|a| {
                let own = absolute(manifest, &a.first()?.1)?;
                Some((own, hreflang(manifest, &a)))
            })
            .collect();
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .ok()?;
    let mut urlset = w
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    if !alternates.is_empty() {
        urlset = urlset.with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"));
    }
    urlset
        .write_inner_content(|w| {
            for (loc, lastmod) in &locs {
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(loc))?;
                    if let Some(d) = lastmod {
                        w.create_element("lastmod")
                            .write_text_content(BytesText::new(d))?;
                    }
                    for (lang, href) in alternates.get(loc).into_iter().flatten() {
                        w.create_element("xhtml:link")
                            .with_attributes([
                                ("rel", "alternate"),
                                ("hreflang", lang.as_str()),
                                ("href", href.as_str()),
                            ])
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })
        .ok()?;
    let mut xml = String::from_utf8(w.into_inner()).ok()?;
    xml.push('\n');
    Some(xml)
}

/// `bases`: each language's base, the default first (one for a site in one language).
pub fn robots(manifest: &Manifest, bases: &[&str]) -> String {
    let mut txt = String::from("User-agent: *\nAllow: /\n");
    for base in bases {
        if let Some(u) = absolute(manifest, &format!("{base}/sitemap.xml")) {
            txt.push_str(&format!("Sitemap: {u}\n"));
        }
    }
    txt
}

/// Cache rules: trunk's hashed files never change (a new build gets new names), so they are
/// cached for a year; pages, the manifest, posts and feeds must be revalidated so edits show.
pub fn headers(base: &str, hashed_files: &[String], csp: Option<&str>) -> String {
    let mut out = format!("{base}/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n");
    if let Some(policy) = csp {
        out.push_str(&format!(
            "  Content-Security-Policy: {policy}; frame-ancestors 'none'\n"
        ));
    }
    for f in hashed_files {
        out.push_str(&format!(
            "{base}/{f}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    for pattern in [
        "/",
        "/*.html",
        "/posts/*",
        "/search/*",
        "/manifest.json",
        "/feed.xml",
        "/sitemap.xml",
        "/sw.js",
        "/offline.json",
        "/manifest.webmanifest",
    ] {
        let p = if pattern == "/" {
            url::home(base)
        } else {
            format!("{base}{pattern}")
        };
        out.push_str(&format!(
            "{p}\n  Cache-Control: public, max-age=0, must-revalidate\n"
        ));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_forms() {
        assert_eq!(rfc3339("2024-05-02"), "2024-05-02T00:00:00Z");
        assert_eq!(rfc3339("2024-05-02T09:30:00"), "2024-05-02T09:30:00Z");
        assert_eq!(
            rfc3339("2024-05-02T09:30:00+05:30"),
            "2024-05-02T09:30:00+05:30"
        );
        assert_eq!(
            rfc3339("2024-05-02T09:30:00-07:00"),
            "2024-05-02T09:30:00-07:00"
        );
    }
}
