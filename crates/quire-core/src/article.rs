//! A post's article body, rendered exactly as the app shows it: the one call the build tool
//! (prerendered pages, the feed) and the app make, with the links and highlighting the post's
//! data carries.

use crate::manifest::PostEntry;
use crate::markdown::render;
use crate::render_options::{ImageSize, RenderOptions};

/// A post's Markdown body as its page shows it; `links` maps other posts' source paths
/// (`posts/other.md`) to their slugs, `code` holds the build's highlighting, `images` the sizes
/// of its local images.
pub fn render_post(
    markdown: &str,
    entry: &PostEntry,
    base: &str,
    links: &[(String, String)],
    code: &[crate::code::Tokens],
    images: &[ImageSize],
) -> String {
    let source_dir = entry.source.rsplit_once('/').map_or("", |(dir, _)| dir);
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
            base,
            source_dir,
            post_slug: Some(&lookup),
            code,
            images,
        },
    )
    .html
}
