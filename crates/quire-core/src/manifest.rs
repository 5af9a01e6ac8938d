//! The manifest: what the build tool tells the app about the site and its published posts.
//! Typed and versioned so the app can trust it; `serde_json` on both sides.

use serde::{Deserialize, Serialize};

/// Bumped when a field changes meaning; the app refuses a manifest of another version with a
/// clear message rather than misreading it.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub site: Site,
    /// Published posts, newest first; undated or invalid-dated posts last.
    pub posts: Vec<PostEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// Absolute URL of the deployed site (for feeds and canonical links), if configured.
    #[serde(default)]
    pub base_url: Option<String>,
}

fn default_language() -> String {
    "en".to_string()
}

impl Default for Site {
    fn default() -> Self {
        Site {
            title: "quire".to_string(),
            description: String::new(),
            author: None,
            language: default_language(),
            base_url: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostEntry {
    pub slug: String,
    pub title: String,
    /// The source file relative to `public/`, e.g. `posts/hello.md` (for links between posts).
    pub source: String,
    /// The date as parsed, ISO 8601 (`2022-03-15` or `2022-03-15T10:18:00+05:30`); `None` when
    /// the post has no date or its date is invalid.
    #[serde(default)]
    pub date: Option<String>,
    /// The date exactly as the author wrote it.
    #[serde(default)]
    pub date_written: Option<String>,
    /// What readers see: `15 March 2022` for a valid date, else the date as written.
    #[serde(default)]
    pub date_display: Option<String>,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Plain-text summary for the index: the description, else the text before
    /// `<!-- more -->`, else the first paragraph.
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub draft: bool,
    pub words: usize,
    pub reading_minutes: u32,
    /// Content hash of the source file, for cache busting.
    pub hash: String,
}

/// What a prerendered page embeds for the app (`<script type="application/json">`): only what
/// that page shows, so a page's size does not grow with the number of posts it does not list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub version: u32,
    pub site: Site,
    /// The index embeds the list it shows.
    #[serde(default)]
    pub manifest: Option<Manifest>,
    /// An article embeds its own entry.
    #[serde(default)]
    pub post: Option<PostEntry>,
}

impl Manifest {
    pub fn post(&self, slug: &str) -> Option<&PostEntry> {
        self.posts.iter().find(|p| p.slug == slug)
    }

    /// Slug of the post whose source is at this root-relative path (`/posts/a.md`).
    pub fn slug_for_source(&self, path: &str) -> Option<String> {
        let path = path.trim_start_matches('/');
        self.posts
            .iter()
            .find(|p| p.source == path)
            .map(|p| p.slug.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerates_missing_optional_fields() {
        let json = r#"{"version":1,"site":{"title":"T"},"posts":[
            {"slug":"a","title":"A","source":"posts/a.md","words":3,"reading_minutes":1,"hash":"h"}]}"#;
        let m: Manifest = serde_json::from_str(json).unwrap();
        assert_eq!(m.site.language, "en");
        assert_eq!(m.post("a").unwrap().title, "A");
        assert_eq!(m.slug_for_source("/posts/a.md").as_deref(), Some("a"));
        assert!(m.post("b").is_none());
    }
}
