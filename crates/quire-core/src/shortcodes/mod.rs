//! Other generators' template code in a post's body, turned into what those generators would
//! have published, once, when the site is built: Jekyll's Liquid (`{% raw %}`, `{% highlight %}`,
//! `{% link %}`, `{% post_url %}`, `{{ site.baseurl }}`, `{{ page.title }}` …), Hugo's shortcodes
//! (`{{< figure >}}`, `{{< youtube >}}`, `{{< ref >}}`, `{{% details %}}` …), Zola's
//! (`{{ youtube(id="…") }}`, `{% quote() %}…{% end %}`) and a site's own, defined in
//! `quire.toml` ([`custom`]).
//!
//! The result is Markdown and allowed HTML: the post's text from then on, so the prerendered
//! page, the app (which fetches it), the feed, search and its snippets, the summary and the
//! reading time all see the same thing, and it passes the one sanitiser like any post text.
//! Whatever cannot be honoured (a loop, an include of the old theme's files, an unknown
//! shortcode) is removed with a warning naming the file, line and tag; an unknown shortcode's
//! inner Markdown is kept. Code is never converted ([`scan`]).

pub mod args;
mod builtin;
mod custom;
mod lead;
pub mod liquid;
mod render;
pub mod scan;
mod scope;
pub mod targets;
mod tree;
mod zola_links;

use crate::diagnostics::Diagnostic;
use crate::manifest::Site;
use render::Renderer;
use serde_json::{Map, Value as Json};
pub use targets::Sources;

/// What expanding needs from the site: its settings (`site.*`, `[params]`, `[shortcodes]`) and
/// every post's and page's source path (for `{% link %}`, `{% post_url %}`, `{{< ref >}}`).
pub struct Context<'a> {
    pub site: &'a Site,
    pub sources: &'a Sources,
}

/// The post being expanded: for `page.*`, `param`, relative paths and messages.
pub struct Page<'a> {
    /// As messages show it (`public/posts/a.md`).
    pub path: &'a str,
    /// Its folder relative to `public/` (`posts/a`).
    pub source_dir: &'a str,
    /// The file line the body starts on.
    pub body_line: usize,
    /// Its front matter, every field.
    pub fields: &'a Map<String, Json>,
    pub title: &'a str,
    /// Its date as quire read it (ISO), or as written.
    pub date: Option<&'a str>,
    /// Its address from the site's root (`/posts/a/`).
    pub url: String,
}

/// The body with its template code expanded, and what could not be.
#[derive(Debug)]
pub struct Expanded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a body holds anything that may be template code (a tag, or a Zola `@/` link): most
/// posts do not, and skip all.
pub fn has_tags(body: &str) -> bool {
    body.contains("{{") || body.contains("{%") || zola_links::any(body)
}

/// Expands every template tag of `body`; `None` when it has none.
pub fn expand(body: &str, cx: &Context, page: &Page) -> Option<Expanded> {
    if !has_tags(body) {
        return None;
    }
    let nodes = tree::build(scan::scan(body));
    let mut r = Renderer::new(body, cx, page);
    let text = r.nodes(&nodes);
    Some(Expanded {
        text,
        diagnostics: r.finish(),
    })
}

/// `<em>a</em> b` → `a b`: a caption as an image's alt text.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
