//! The preview's engine: what `make check` and `make dist` would say and show for one post,
//! computed from its text alone. The build's reading (`site_build::build_site`, the same
//! front-matter parsing, date and slug rules and warnings) and the app's components (rendered by
//! `quire::ssr`, as the prerenderer renders every page) make it; nothing here decides how a
//! post looks or what is wrong with it.
//!
//! Issue 16 runs this in a web worker of its own on the `/preview/` page, so the YAML and TOML
//! parsers stay out of the app's WASM; the worker and the page are still to come.

use quire::state::Initial;
use quire_core::diagnostics::Diagnostic;
use quire_core::manifest::{PageData, Site};
use quire_core::post::SourceFile;
use std::collections::HashMap;

/// A draft as the build would publish it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The page's `<main>`: the article with its header, byline, tags, table of contents and
    /// body, or the view for a post that cannot be published. Safe to lay into a page: the
    /// body went through the one Markdown pipeline and its sanitiser, every value is escaped.
    pub main: String,
    /// Where the post would be published (`my-post`), if it can be.
    pub slug: Option<String>,
    /// Everything the build would report about it, in the build's words.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `text` as the file `public/posts/<file_name>` of a site with `site`'s settings, under
/// the base path `base` (`""` or `/blog`). Drafts (`draft: true`) are shown, as under
/// `make serve`. Code is not highlighted (syntect stays out of the browser). In a blog in
/// several languages the name says the draft's language, as it does to the build
/// (`x.fr.md`): it is read and shown as that language's site would publish it.
pub fn preview(file_name: &str, text: &str, site: Site, base: &str) -> Preview {
    let file = SourceFile {
        display_path: format!("public/posts/{file_name}"),
        rel_path: format!("posts/{file_name}"),
        bytes: text.as_bytes().to_vec(),
    };
    let (languages, mut diagnostics) = quire_core::language::files(&site, vec![file]);
    let (code, files) = languages
        .into_iter()
        .find(|(_, files)| !files.is_empty())
        .unwrap_or_default();
    let base = &site.language_base(base, &code);
    let site = match site.languages.is_empty() {
        true => site,
        false => quire_core::language::site(&site, &code),
    };
    let build = quire_core::site_build::build_site(&files, site, true);
    let data = build.data(base);
    diagnostics.extend(build.diagnostics.iter().cloned());
    let Some((post, post_data)) = build.posts.first().zip(data.posts.first()) else {
        return Preview {
            main: String::new(),
            slug: None,
            diagnostics,
        };
    };
    let html = post_data.render(&post.text, base);
    let initial = Initial {
        base: base.to_string(),
        articles: HashMap::from([(post.entry.hash.clone(), html)]),
        page: Some(PageData {
            post: Some(post_data.clone()),
            ..PageData::of_site(build.manifest.site.clone())
        }),
    };
    let slug = post.entry.slug.clone();
    let page = quire::ssr::render_route(initial, &quire_core::url::post_route(base, &slug));
    Preview {
        main: main_of(&page).to_string(),
        slug: Some(slug),
        diagnostics,
    }
}

/// The `<main …>…</main>` element of the app's markup (the app has one).
pub fn main_of(page: &str) -> &str {
    let start = page.find("<main").unwrap_or(0);
    let end = page
        .rfind("</main>")
        .map_or(page.len(), |i| i + "</main>".len());
    &page[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../public/posts/golang-vs-python-for-backend.md");

    #[test]
    fn the_seed_post_reads_and_looks_as_the_build_makes_it() {
        let p = preview("golang-vs-python-for-backend.md", SEED, Site::default(), "");
        assert_eq!(p.slug.as_deref(), Some("golang-vs-python-for-backend"));
        // The build's two warnings: the month-15 date (line 3) and the description's unquoted
        // `: ` (line 4), with file and line, as `make check` prints them.
        let lines: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.line, d.to_string()))
            .collect();
        assert!(
            lines.iter().any(|(l, m)| *l == Some(3)
                && m.starts_with("warning: public/posts/golang-vs-python-for-backend.md:3")
                && m.contains("2022-15-03")),
            "{lines:?}"
        );
        assert!(lines.iter().any(|(l, _)| *l == Some(4)), "{lines:?}");
        assert!(p.main.starts_with("<main"), "{}", &p.main[..80]);
        assert!(p.main.contains("<h1 class=\"article-title\">"));
        // The date as written, never guessed.
        assert!(p.main.contains("2022-15-03 10:18:00"));
        assert!(p.main.contains("<h2 id="));
        assert!(p.main.contains("min read"));
    }

    #[test]
    fn a_draft_named_as_a_translation_previews_in_its_language() {
        let config = "title = \"Field notes\"\nlanguage = \"en\"\n[languages.fr]\ntitle = \"Carnet\"\n[languages.fr.strings]\nmin_read = \"{n} min à lire\"\n";
        let (site, d) = quire_core::site::parse("quire.toml", config);
        assert!(d.is_empty(), "{d:?}");
        let draft = "---\ntitle: Bonjour\ndate: 2024-03-15\ntags: [voyage]\n---\nUn texte.\n";
        let p = preview("bonjour.fr.md", draft, site.clone(), "/blog");
        assert_eq!(
            p.slug.as_deref(),
            Some("bonjour"),
            "the language is not in the slug"
        );
        assert!(p.main.contains("15 mars 2024"), "{}", p.main);
        assert!(p.main.contains("1 min à lire"), "{}", p.main);
        assert!(
            p.main.contains("href=\"/blog/fr/tags/voyage/\""),
            "{}",
            p.main
        );
        // The same draft under its plain name is English, at the root.
        let en = preview("bonjour.md", draft, site.clone(), "/blog");
        assert!(en.main.contains("15 March 2024") && en.main.contains("/blog/tags/voyage/"));
        // A language the site does not have: a post of its own, with the build's warning.
        let de = preview("hallo.de.md", draft, site, "/blog");
        assert_eq!(de.slug.as_deref(), Some("hallo-de"));
        assert!(
            de.diagnostics
                .iter()
                .any(|d| d.to_string().contains("[languages.de]")),
            "{:?}",
            de.diagnostics
        );
    }

    #[test]
    fn a_draft_without_front_matter_says_why_and_shows_what_it_can() {
        let p = preview(
            "notes.md",
            "Just text, no front matter.",
            Site::default(),
            "/blog",
        );
        let all: Vec<String> = p.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(!all.is_empty(), "the build says something about it");
        assert!(
            all.iter().all(|m| m.contains("public/posts/notes.md")),
            "{all:?}"
        );
    }

    #[test]
    fn a_hostile_draft_is_escaped_and_sanitised() {
        let text = "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2024-01-01\n---\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n";
        let p = preview("x.md", text, Site::default(), "");
        assert!(!p.main.contains("<script"), "{}", p.main);
        assert!(!p.main.contains("onerror"));
        assert!(!p.main.contains("javascript:"));
        assert!(p.main.contains("&lt;script&gt;"));
    }
}
