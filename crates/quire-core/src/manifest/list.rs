//! The index and sections' pages of posts.

use super::{PostEntry, RouteData, Site, VERSION};
use serde::{Deserialize, Serialize};

/// One page of the index (`index/<n>.json`, embedded in `/` and `/page/<n>/`): the first view
/// costs one page's entries, however many posts the blog has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    pub version: u32,
    pub site: Site,
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    pub posts: Vec<PostEntry>,
    /// The section this index lists (a folder of `public/posts/`), or the home page's title
    /// and introduction from `public/posts/_index.md` (path `""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionInfo>,
}

/// A section: its path under `/posts/`, and the title and introduction its `_index.md` gives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionInfo {
    pub path: String,
    pub title: String,
    /// The introduction, as safe HTML rendered by the build.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
}

impl ListPage {
    /// Its address: `/blog/page/2/`, `/blog/posts/rust/`.
    pub fn route(&self, base: &str) -> String {
        self.route_of(base, self.page)
    }

    /// The address of another page of the same index (for the pager).
    pub fn route_of(&self, base: &str, page: usize) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_route(base, s, page),
            None => crate::url::index_route(base, page),
        }
    }

    /// Where the build writes its prerendered page.
    pub fn page_path(&self) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_page_path(s, self.page),
            None => crate::url::index_page_path(self.page),
        }
    }

    /// The section it lists, if it is not the home page's index.
    pub fn section_path(&self) -> Option<&str> {
        self.section
            .as_ref()
            .map(|s| s.path.as_str())
            .filter(|p| !p.is_empty())
    }
}

impl RouteData for ListPage {
    fn data_path(&self) -> String {
        match self.section_path() {
            Some(s) => crate::url::section_data_path(s, self.page),
            None => crate::url::list_data_path(self.page),
        }
    }
    fn title(&self) -> Option<String> {
        let page = (self.page > 1).then(|| format!("Page {}", self.page));
        match (&self.section, page) {
            (Some(s), page) if !s.path.is_empty() => Some(match page {
                Some(p) => format!("{} · {p}", s.title),
                None => s.title.clone(),
            }),
            (_, page) => page,
        }
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// Splits posts (already in index order) into pages of `per_page`; a blog without posts still
/// has one (empty) page.
pub fn paginate(site: &Site, posts: &[PostEntry], per_page: usize) -> Vec<ListPage> {
    let per_page = per_page.max(1);
    let pages = posts.len().div_ceil(per_page).max(1);
    (0..pages)
        .map(|i| ListPage {
            version: VERSION,
            site: site.clone(),
            page: i + 1,
            pages,
            total: posts.len(),
            posts: posts
                .iter()
                .skip(i * per_page)
                .take(per_page)
                .cloned()
                .collect(),
            section: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::tests::entry;

    #[test]
    fn pagination_splits_in_order() {
        let posts: Vec<_> = ["a", "b", "c", "d", "e"].iter().map(|s| entry(s)).collect();
        let site = Site::default();
        let pages = paginate(&site, &posts, 2);
        assert_eq!(pages.len(), 3);
        assert_eq!((pages[0].page, pages[0].pages, pages[0].total), (1, 3, 5));
        let slugs = |p: &ListPage| p.posts.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
        assert_eq!(slugs(&pages[0]), ["a", "b"]);
        assert_eq!(slugs(&pages[2]), ["e"]);
        assert_eq!(paginate(&site, &[], 10).len(), 1);
        assert_eq!(
            paginate(&site, &posts, 0).len(),
            5,
            "a page size of 0 means 1"
        );
    }
}
