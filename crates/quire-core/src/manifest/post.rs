//! A post: its index entry, the article's data, its neighbours; standalone pages.

use super::{RouteData, SeriesNav, Site};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostEntry {
    pub slug: String,
    pub title: String,
    /// The source file relative to `public/`, e.g. `posts/hello.md` (for links between posts).
    pub source: String,
    /// The date as parsed, ISO 8601 (`2022-03-15` or `2022-03-15T10:18:00+05:30`); `None` when
    /// the post has no date or its date is invalid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date exactly as the author wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_written: Option<String>,
    /// What readers see: `15 March 2022` for a valid date, else the date as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_display: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Plain-text summary for the index: the description, else the text before
    /// `<!-- more -->`, else the first paragraph.
    #[serde(default)]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// URL slugs of `tags`, in the same order (`/tags/<slug>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_slugs: Vec<String>,
    /// `categories` (Jekyll, Hugo), a second taxonomy, and their slugs (`/categories/<slug>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_slugs: Vec<String>,
    /// The post's image, shown at the top of the article and as its `og:image`: a path from the
    /// site root (`posts/a/cover.png`) or an `https://` address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The byline: each author's name (from `[authors.<id>]` in `quire.toml` when set there).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Their ids, in the same order (`/authors/<id>/`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author_ids: Vec<String>,
    /// The series the post is a part of, its slug (`/series/<slug>/`) and its place in it
    /// (`series_order`; by date when `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_slug: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_order: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    pub words: usize,
    pub reading_minutes: u32,
    /// Content hash of the source file, for cache busting.
    pub hash: String,
    /// The same post in the site's other languages: (language, slug there). Pairs, which the
    /// app decodes already (a struct of its own would cost its WASM a decoder).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<(String, String)>,
}

impl PostEntry {
    /// A standalone page (`public/pages/…`) rather than a post.
    pub fn is_page(&self) -> bool {
        self.source.starts_with("pages/")
    }

    /// Where its Markdown is published, relative to the site root.
    pub fn markdown_path(&self) -> String {
        crate::url::markdown_path(&self.slug, self.is_page())
    }

    /// The image's address under `base`.
    pub fn image_url(&self, base: &str) -> Option<String> {
        let image = self.image.as_deref()?;
        Some(if image.contains("://") {
            image.to_string()
        } else {
            format!("{base}/{image}")
        })
    }

    /// Its address: `/blog/posts/a/` for a post, `/blog/about/` for a page.
    pub fn route(&self, base: &str) -> String {
        if self.is_page() {
            crate::url::page_route(base, &self.slug)
        } else {
            crate::url::post_route(base, &self.slug)
        }
    }
}

/// A standalone page's data: a post's, without neighbours, tags or dates shown, at
/// `pages/<slug>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StandalonePage(pub PostData);

impl RouteData for StandalonePage {
    fn data_path(&self) -> String {
        crate::url::page_data_path(&self.0.entry.slug)
    }
    fn title(&self) -> Option<String> {
        Some(self.0.entry.title.clone())
    }
    fn site(&self) -> &Site {
        &self.0.site
    }
}

/// A neighbour for "previous / next post" links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostLink {
    pub slug: String,
    pub title: String,
}

impl PostLink {
    pub fn of(p: &PostEntry) -> Self {
        PostLink {
            slug: p.slug.clone(),
            title: p.title.clone(),
        }
    }
}

/// Everything the article view needs besides the Markdown (`posts/<slug>.json`, embedded in the
/// article's page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostData {
    pub version: u32,
    pub site: Site,
    pub entry: PostEntry,
    /// The newer post (listed before this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostLink>,
    /// The older post (listed after this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostLink>,
    /// Source paths of other posts this one links to (`posts/other.md`) → their slugs, so the
    /// app resolves those links without the whole manifest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<(String, String)>,
    /// The post's headings, for its table of contents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headings: Vec<crate::markdown::Heading>,
    /// Highlighting runs for the post's code blocks (see [`crate::code`]); empty when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<crate::code::Tokens>,
    /// Its local images' sizes, read at build time (see [`crate::render_options::ImageSize`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<crate::render_options::ImageSize>,
    /// Its math expressions as MathML, in order, converted by the build (see [`crate::math`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub math: Vec<String>,
    /// The series it is a part of, as the article shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesNav>,
    /// Up to three posts on the same subject (shared tags, similar words), chosen at build
    /// time (see [`crate::related`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<PostLink>,
}

impl PostData {
    /// The post's body as its page shows it, from its file's text (front matter and all): the
    /// one call the prerenderer, the feed and the preview make.
    pub fn render(&self, text: &str, base: &str) -> String {
        let base = crate::article::Base {
            pages: base,
            files: self.site.root(base),
        };
        crate::article::render_post(
            crate::front_matter::body(text),
            &self.entry.source,
            base,
            &self.links,
            &self.code,
            &self.images,
            &self.math,
        )
    }
}

impl RouteData for PostData {
    fn data_path(&self) -> String {
        crate::url::post_data_path(&self.entry.slug)
    }
    fn title(&self) -> Option<String> {
        Some(self.entry.title.clone())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// Neighbours in index order: (newer, older).
pub fn neighbours(posts: &[PostEntry], index: usize) -> (Option<PostLink>, Option<PostLink>) {
    let newer = index
        .checked_sub(1)
        .and_then(|i| posts.get(i))
        .map(PostLink::of);
    let older = posts.get(index + 1).map(PostLink::of);
    (newer, older)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::tests::entry;

    #[test]
    fn neighbours_follow_index_order() {
        let posts: Vec<_> = ["new", "mid", "old"].iter().map(|s| entry(s)).collect();
        let (newer, older) = neighbours(&posts, 1);
        assert_eq!(newer.unwrap().slug, "new");
        assert_eq!(older.unwrap().slug, "old");
        assert_eq!(neighbours(&posts, 0).0, None);
        assert_eq!(neighbours(&posts, 2).1, None);
    }
}
