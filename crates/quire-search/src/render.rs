//! The results as HTML: built here, in the worker, so the app's own WASM only sets it. Every
//! piece of text is escaped (titles and snippets come from posts).

use quire_core::escape::escape;
use quire_core::search::{snippet, Found};
use quire_core::url;

/// How much text a snippet shows.
pub const SNIPPET_CHARS: usize = 160;

/// The results list: each a link to the post (asking it to highlight the match), its date,
/// and its snippet with the matched words in `<mark>` (empty until the post's text is here).
/// Another language's post links to its own site, a full page load (`rel="external"` keeps
/// the app's router out).
pub fn results<'a>(base: &str, found: &[Found], text: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut html = String::new();
    for (i, f) in found.iter().enumerate() {
        let (site, rel) = match f.at.as_str() {
            "" => (base, ""),
            at => (at, " rel=\"alternate external\""),
        };
        html.push_str(&format!(
            "<li id=\"search-result-{i}\" role=\"option\" class=\"search-result\" aria-selected=\"false\"><a class=\"search-result-title\" tabindex=\"-1\" href=\"{}\"{rel}>{}</a>",
            escape(&if f.page {
                url::page_route(site, &f.slug)
            } else {
                url::highlight_href(site, &f.slug, &f.terms)
            }),
            escape(&f.title),
        ));
        if let Some(d) = &f.date_display {
            html.push_str(&format!(
                "<span class=\"search-result-date\">{}</span>",
                escape(d)
            ));
        }
        html.push_str("<p class=\"search-snippet\">");
        if let Some(t) = text(&f.hash) {
            for (piece, hit) in snippet(t, &f.terms, SNIPPET_CHARS) {
                if hit {
                    html.push_str(&format!("<mark>{}</mark>", escape(&piece)));
                } else {
                    html.push_str(&escape(&piece));
                }
            }
        }
        html.push_str("</p></li>");
    }
    html
}

/// `<option>`s for a filter: "All …", then each value with its number of posts.
pub fn options<T: std::fmt::Display>(values: &[(T, u32)]) -> String {
    let mut html = String::new();
    for (v, n) in values {
        html.push_str(&format!(
            "<option value=\"{0}\">{0} ({n})</option>",
            escape(&v.to_string())
        ));
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(slug: &str, title: &str, terms: &[&str]) -> Found {
        Found {
            slug: slug.into(),
            title: title.into(),
            date_display: Some("1 May 2024".into()),
            hash: format!("h-{slug}"),
            terms: terms.iter().map(|t| t.to_string()).collect(),
            page: slug == "about",
            at: String::new(),
        }
    }

    #[test]
    fn another_languages_post_links_to_its_own_site_outside_the_router() {
        let fr = Found {
            at: "/blog/fr".into(),
            ..found("bonjour", "Bonjour", &["bonjour"])
        };
        let html = results("/blog", &[found("hello", "Hello", &[]), fr], |_| None);
        assert!(
            html.contains("href=\"/blog/posts/hello/\">Hello<"),
            "{html}"
        );
        assert!(
            html.contains("href=\"/blog/fr/posts/bonjour/?highlight=bonjour\" rel=\"alternate external\">Bonjour<"),
            "{html}"
        );
    }

    #[test]
    fn a_standalone_page_is_linked_at_its_own_address() {
        let html = results("/blog", &[found("about", "About", &["me"])], |_| None);
        assert!(html.contains("href=\"/blog/about/\""), "{html}");
    }

    #[test]
    fn results_link_to_the_match_and_escape_everything() {
        let f = [
            found("seed", "Golang <vs> Python", &["python"]),
            found("other", "Other", &[]),
        ];
        let html = results("/blog", &f, |hash| {
            (hash == "h-seed").then_some("Why <script>alert(1)</script> Python wins")
        });
        assert!(
            html.contains("href=\"/blog/posts/seed/?highlight=python\""),
            "{html}"
        );
        assert!(html.contains("Golang &lt;vs&gt; Python"), "{html}");
        assert!(
            html.contains("&lt;script&gt;") && !html.contains("<script"),
            "{html}"
        );
        assert!(html.contains("<mark>Python</mark>"), "{html}");
        assert!(html.contains("id=\"search-result-1\""), "{html}");
        assert!(html.contains("<span class=\"search-result-date\">1 May 2024</span>"));
        assert_eq!(html.matches("<li ").count(), 2);
        assert_eq!(
            html.matches("<p class=\"search-snippet\"></p>").count(),
            1,
            "no text yet: empty"
        );
    }

    #[test]
    fn options_list_values_with_counts() {
        let html = options(&[("go\"".to_string(), 2), ("web".into(), 1)]);
        assert_eq!(
            html,
            "<option value=\"go&quot;\">go&quot; (2)</option><option value=\"web\">web (1)</option>"
        );
        assert_eq!(
            options(&[(2024u16, 3)]),
            "<option value=\"2024\">2024 (3)</option>"
        );
    }
}
