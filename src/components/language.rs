//! The language switcher of a multilingual site: the page in each of the site's languages
//! (the post's or page's translation where it has one, else that language's home). Each
//! language is a site of its own, so the links are full page loads (`rel="external"` keeps
//! the router out of them). Its links are one piece of markup, made by [`links`]: a view per
//! link would cost the app's WASM several kilobytes for a list the page never edits.

use crate::state::{use_app, AppContext};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use quire_core::escape::escape;
use quire_core::manifest::{PostEntry, Site, StandalonePage};
use quire_core::url;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let location = use_location();
    move || {
        let site = app.site().filter(|s| !s.languages.is_empty())?;
        app.track_data();
        let entry = entry_at(app, &site, &location.pathname.get());
        let html = links(&site, app.base, entry.as_ref());
        let label = app.strings().language.as_str();
        Some(view! { <nav class="language-switch" aria-label=label inner_html=html></nav> })
    }
}

/// The switcher's list: each language's version of the page (`entry`'s translation, or the
/// language's home), the page's own marked current.
pub fn links(site: &Site, base: &str, entry: Option<&PostEntry>) -> String {
    let versions = site.alternates(base, entry);
    let mut html = String::from("<ul>");
    for l in &site.languages {
        let href = versions
            .iter()
            .find(|(code, _)| *code == l.code)
            .map(|(_, href)| href.clone())
            .unwrap_or_else(|| url::home(&site.language_base(base, &l.code)));
        let how = if l.code == site.language {
            "aria-current=\"true\""
        } else {
            "rel=\"alternate external\""
        };
        let (code, href, name) = (escape(&l.code), escape(&href), escape(&l.name));
        html.push_str(&format!(
            "<li><a href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\" {how}>{name}</a></li>"
        ));
    }
    html.push_str("</ul>");
    html
}

/// The post or standalone page at `path`, if the app has its entry.
fn entry_at(app: AppContext, site: &Site, path: &str) -> Option<PostEntry> {
    let rest = path.strip_prefix(app.base).unwrap_or(path);
    let rest = rest.trim_matches('/');
    if let Some(slug) = rest.strip_prefix("posts/") {
        return app.known_entry(slug);
    }
    site.pages
        .iter()
        .any(|p| p == rest)
        .then(|| app.cached::<StandalonePage>(&url::page_data_path(rest)))
        .flatten()
        .map(|p| p.0.entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quire_core::manifest::Language;

    fn site(language: &str) -> Site {
        let l = |code: &str, name: &str| Language {
            code: code.into(),
            name: name.into(),
            ..Language::default()
        };
        Site {
            language: language.into(),
            languages: vec![l("en", "English"), l("fr", "Français <FR>")],
            ..Site::default()
        }
    }

    #[test]
    fn a_post_links_to_its_translation_and_other_pages_to_the_homes() {
        let entry = PostEntry {
            slug: "voyage".into(),
            source: "posts/fr/voyage.md".into(),
            translations: vec![("en".into(), "journey".into())],
            ..PostEntry::default()
        };
        assert_eq!(
            links(&site("fr"), "/blog/fr", Some(&entry)),
            "<ul><li><a href=\"/blog/posts/journey/\" hreflang=\"en\" lang=\"en\" rel=\"alternate external\">English</a></li>\
             <li><a href=\"/blog/fr/posts/voyage/\" hreflang=\"fr\" lang=\"fr\" aria-current=\"true\">Français &lt;FR&gt;</a></li></ul>"
        );
        let home = links(&site("en"), "", None);
        assert!(home.contains("<a href=\"/fr/\" hreflang=\"fr\""), "{home}");
        assert!(
            home.contains("<a href=\"/\" hreflang=\"en\" lang=\"en\" aria-current"),
            "{home}"
        );
    }
}
