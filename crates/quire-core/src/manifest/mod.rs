//! The manifest: what the build tool tells the app about the site and its published posts.
//! Typed and versioned so the app can trust it; `serde_json` on both sides.

use serde::{Deserialize, Serialize};

mod archive;
mod author;
mod list;
mod moved;
mod post;
mod site;
mod taxonomy;

pub use self::{archive::*, author::*, list::*, moved::*, post::*, site::*, taxonomy::*};

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

/// What every data file a route shows has in common: where it lives, what the page is called,
/// and the site it belongs to. The app's loader, its cache, the prerenderer and the takeover all
/// go through this, so a new route's data needs only this impl.
pub trait RouteData {
    /// Its file, relative to the site root (`posts/a.json`): also its key in the app's cache.
    fn data_path(&self) -> String;
    /// The document title's first part ("Page 2", "Posts tagged “go”"); `None` for the site's
    /// title alone. The app and the prerendered page both use it.
    fn title(&self) -> Option<String>;
    fn site(&self) -> &Site;
}

/// The title of a page whose data is missing (the app's own in English; pages the build
/// makes take their language's `page_not_found`).
pub const NOT_FOUND_TITLE: &str = "Page not found";

/// What a prerendered page embeds for the app (`<script type="application/json">`): only what
/// that page shows, so a page's size does not grow with the number of posts it does not list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageData {
    pub version: u32,
    pub site: Site,
    /// The interface's words in the site's language; left out when English. The app keeps
    /// those of the page it starts on: a page's language is its site's.
    #[serde(default, skip_serializing_if = "crate::strings::Strings::is_default")]
    pub strings: crate::strings::Strings,
    /// An index page embeds the list it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListPage>,
    /// An article embeds its own data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<PostData>,
    /// `/tags/` embeds the tag list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<TagList>,
    /// `/tags/<slug>/` (or `/categories/<slug>/`) embeds that tag's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<TagPage>,
    /// `/categories/<slug>/` embeds that category's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CategoryPage>,
    /// `/series/<slug>/` embeds that series' parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<SeriesPage>,
    /// `/archive/` embeds every post's title and date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<Archive>,
    /// `/authors/<id>/` embeds that author's posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorPage>,
    /// A standalone page embeds its own data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standalone: Option<StandalonePage>,
}

impl PageData {
    /// A page's data with the site and nothing else yet (a route adds its own piece).
    pub fn of_site(site: Site) -> Self {
        PageData {
            version: VERSION,
            #[cfg(feature = "meta")]
            strings: site.strings.clone(),
            #[cfg(not(feature = "meta"))]
            strings: crate::strings::Strings::default(),
            site,
            list: None,
            post: None,
            tags: None,
            tag: None,
            category: None,
            series: None,
            archive: None,
            author: None,
            standalone: None,
        }
    }
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

    pub(super) fn entry(slug: &str) -> PostEntry {
        PostEntry {
            slug: slug.into(),
            title: slug.to_uppercase(),
            source: format!("posts/{slug}.md"),
            words: 1,
            reading_minutes: 1,
            hash: "h".into(),
            ..PostEntry::default()
        }
    }

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
