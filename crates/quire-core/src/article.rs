//! A post's article body, rendered exactly as the app shows it: the one call the build tool
//! (prerendered pages, the feed) and the renderer worker (`crates/quire-render`, for the app)
//! make, with the links and highlighting the post's data carries. Also the messages between
//! the app and that worker: the Markdown pipeline is not in the app's own WASM, so the first
//! view of a page loads no parser it does not need.

use crate::markdown::render;
use crate::render_options::{ImageSize, RenderOptions};
use serde::{Deserialize, Serialize};

/// Where a rendered post's addresses start: its language's pages, and the site's files.
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    pub pages: &'a str,
    pub files: &'a str,
}

impl<'a> Base<'a> {
    /// A site in one language: both the same.
    pub fn one(base: &'a str) -> Self {
        Base {
            pages: base,
            files: base,
        }
    }
}

/// A post's Markdown body as its page shows it; `source` is its entry's (`posts/a/index.md`),
/// `links` maps other posts' source paths (`posts/other.md`) to their slugs, `code` holds the
/// build's highlighting, `images` the sizes of its local images, `math` its expressions'
/// MathML.
pub fn render_post(
    markdown: &str,
    source: &str,
    base: Base,
    links: &[(String, String)],
    code: &[crate::code::Tokens],
    images: &[ImageSize],
    math: &[String],
) -> String {
    let source_dir = source.rsplit_once('/').map_or("", |(dir, _)| dir);
    let lookup = |path: &str| {
        let path = path.trim_start_matches('/');
        links
            .iter()
            .find(|(src, _)| src == path)
            .map(|(_, slug)| slug.clone())
    };
    render(
        markdown,
        &RenderOptions {
            base: base.pages,
            files: (base.files != base.pages).then_some(base.files),
            source_dir,
            post_slug: Some(&lookup),
            code,
            images,
            math,
        },
    )
    .html
}

/// What the app asks the renderer worker for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// A post's or page's body as [`render_post`] renders it (`source`: its entry's).
    Article {
        markdown: String,
        source: String,
        base: String,
        /// The site's root, when not `base` (a language other than the default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        files: Option<String>,
        links: Vec<(String, String)>,
        code: Vec<crate::code::Tokens>,
        images: Vec<ImageSize>,
        #[serde(default)]
        math: Vec<String>,
    },
    /// A post's plain text, for search snippets ([`crate::markdown::plain_text`]).
    Text { markdown: String },
}

impl Job {
    pub fn run(&self) -> String {
        match self {
            Job::Article {
                markdown,
                source,
                base,
                files,
                links,
                code,
                images,
                math,
            } => {
                let base = Base {
                    pages: base,
                    files: files.as_deref().unwrap_or(base),
                };
                render_post(markdown, source, base, links, code, images, math)
            }
            Job::Text { markdown } => crate::markdown::plain_text(markdown),
        }
    }
}

/// A job and the id its answer carries. Sent as JSON text: the app already reads JSON, so
/// this adds no decoder to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToRenderer {
    pub id: u32,
    pub job: Job,
}

/// The worker's answer: the job's id and its result. Id 0 (no job has it) says the worker is
/// listening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FromRenderer {
    pub id: u32,
    pub out: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_renders_as_the_build_does() {
        let source = "posts/a/index.md";
        let links = vec![("posts/b.md".to_string(), "b".to_string())];
        let images = vec![("posts/a/p.png".to_string(), 4, 3)];
        let markdown = "### Hi\n\n[b](../b.md) ![p](p.png) <script>x</script>";
        let job = Job::Article {
            markdown: markdown.into(),
            source: source.into(),
            base: "/blog".into(),
            files: None,
            links: links.clone(),
            code: vec![],
            images: images.clone(),
            math: vec![],
        };
        let out = job.run();
        assert_eq!(
            out,
            render_post(
                markdown,
                source,
                Base::one("/blog"),
                &links,
                &[],
                &images,
                &[]
            )
        );
        assert!(out.contains("href=\"/blog/posts/b/\""), "{out}");
        assert!(out.contains("width=\"4\" height=\"3\""), "{out}");
        assert!(!out.contains("<script"), "{out}");
        let text = Job::Text {
            markdown: "# A *b*".into(),
        };
        assert_eq!(text.run(), crate::markdown::plain_text("# A *b*"));
    }
}
