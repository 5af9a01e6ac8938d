//! Files for feed readers, crawlers and CDNs: Atom `feed.xml`, `sitemap.xml`, `robots.txt`
//! and `_headers` (Netlify / Cloudflare Pages cache rules).

use crate::prerender::absolute;
use crate::shell::escape;
use quire_core::manifest::{Manifest, PostEntry};
use quire_core::post::Post;
use quire_core::url;

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

/// Atom 1.0 with full content. Needs the site's `base_url` for absolute links. Drafts (present
/// in development builds) never appear in feeds or the sitemap.
pub fn atom(manifest: &Manifest, posts: &[Post], base: &str) -> Option<String> {
    let posts: Vec<&Post> = posts.iter().filter(|p| !p.entry.draft).collect();
    let home = absolute(manifest, &url::home(base))?;
    let site = &manifest.site;
    // Atom requires an `updated` everywhere; undated posts take the newest date of the feed.
    let newest = posts
        .iter()
        .filter_map(|p| entry_updated(&p.entry))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\" xml:base=\"{}\">\n",
        escape(&site.language),
        escape(&home)
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(&site.title)));
    if !site.description.is_empty() {
        xml.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            escape(&site.description)
        ));
    }
    xml.push_str(&format!(
        "  <link href=\"{}feed.xml\" rel=\"self\" type=\"application/atom+xml\" />\n",
        escape(&home)
    ));
    xml.push_str(&format!(
        "  <link href=\"{}\" rel=\"alternate\" type=\"text/html\" />\n",
        escape(&home)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", escape(&home)));
    xml.push_str(&format!("  <updated>{newest}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(site.author.as_deref().unwrap_or(&site.title))
    ));
    xml.push_str("  <generator>quire</generator>\n");
    let links: Vec<(String, String)> = manifest
        .posts
        .iter()
        .map(|p| (p.source.clone(), p.slug.clone()))
        .collect();
    for post in &posts {
        let e = &post.entry;
        let link = absolute(manifest, &url::post_route(base, &e.slug))?;
        let markdown = quire_core::front_matter::body(&post.text);
        // Feed readers drop classes, so highlighting would only add bytes.
        let html = quire_core::article::render_post(markdown, e, base, &links, &[]);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <title>{}</title>\n", escape(&e.title)));
        xml.push_str(&format!(
            "    <link href=\"{}\" rel=\"alternate\" type=\"text/html\" />\n",
            escape(&link)
        ));
        xml.push_str(&format!("    <id>{}</id>\n", escape(&link)));
        if let Some(d) = &e.date {
            xml.push_str(&format!("    <published>{}</published>\n", rfc3339(d)));
        }
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            entry_updated(e).unwrap_or_else(|| newest.clone())
        ));
        if let Some(a) = &e.author {
            xml.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(a)
            ));
        }
        for t in &e.tags {
            xml.push_str(&format!("    <category term=\"{}\" />\n", escape(t)));
        }
        if !e.summary.is_empty() {
            xml.push_str(&format!("    <summary>{}</summary>\n", escape(&e.summary)));
        }
        xml.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&html)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

pub fn sitemap(manifest: &Manifest, base: &str) -> Option<String> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    xml.push_str(&format!(
        "  <url><loc>{}</loc></url>\n",
        escape(&absolute(manifest, &url::home(base))?)
    ));
    for e in manifest.posts.iter().filter(|e| !e.draft) {
        let loc = absolute(manifest, &url::post_route(base, &e.slug))?;
        match entry_updated(e) {
            Some(d) => xml.push_str(&format!(
                "  <url><loc>{}</loc><lastmod>{d}</lastmod></url>\n",
                escape(&loc)
            )),
            None => xml.push_str(&format!("  <url><loc>{}</loc></url>\n", escape(&loc))),
        }
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

pub fn robots(manifest: &Manifest, base: &str) -> String {
    let mut txt = String::from("User-agent: *\nAllow: /\n");
    if let Some(u) = absolute(manifest, &format!("{base}/sitemap.xml")) {
        txt.push_str(&format!("Sitemap: {u}\n"));
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
