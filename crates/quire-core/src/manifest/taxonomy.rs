//! Tags, categories and series: posts grouped by name.

use super::{PostEntry, PostLink, RouteData, Site, VERSION};
use serde::{Deserialize, Serialize};

/// A tag and how many posts carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagInfo {
    pub name: String,
    pub slug: String,
    pub count: usize,
}

/// All tags (`tags/index.json`), most used first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagList {
    pub version: u32,
    pub site: Site,
    pub tags: Vec<TagInfo>,
}

/// The posts of one tag (`tags/<slug>.json`), in index order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagPage {
    pub version: u32,
    pub site: Site,
    pub tag: TagInfo,
    pub posts: Vec<PostEntry>,
    /// Tags, or categories (Jekyll's and Hugo's second taxonomy): the same pages elsewhere.
    #[serde(default, skip_serializing_if = "Taxonomy::is_tags")]
    pub taxonomy: Taxonomy,
}

/// `/categories/<slug>/`: a category's posts (a [`TagPage`] of [`Taxonomy::Categories`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CategoryPage(pub TagPage);

/// A taxonomy's own data type is its [`TagPage`] under another name, so the app's cache and
/// loader tell them apart.
macro_rules! tag_page_route_data {
    ($page:ty) => {
        impl RouteData for $page {
            fn data_path(&self) -> String {
                self.0.data_path()
            }
            fn title(&self) -> Option<String> {
                self.0.title()
            }
            fn site(&self) -> &Site {
                &self.0.site
            }
        }
    };
}

tag_page_route_data!(CategoryPage);

/// Which grouping of posts a [`TagPage`] is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Taxonomy {
    #[default]
    Tags,
    Categories,
    /// Parts of a series, in the series' order (`series_order`, then by date).
    Series,
}

impl Taxonomy {
    fn is_tags(&self) -> bool {
        *self == Taxonomy::Tags
    }

    /// A post's names and slugs in this taxonomy.
    fn of(self, p: &PostEntry) -> (&[String], &[String]) {
        match self {
            Taxonomy::Tags => (&p.tags, &p.tag_slugs),
            Taxonomy::Categories => (&p.categories, &p.category_slugs),
            Taxonomy::Series => (p.series.as_slice(), p.series_slug.as_slice()),
        }
    }
}

/// Groups posts by tag slug (tags that slugify alike are one tag, named as first written).
pub fn tags(site: &Site, posts: &[PostEntry]) -> (TagList, Vec<TagPage>) {
    let pages = group(site, posts, Taxonomy::Tags);
    let list = TagList {
        version: VERSION,
        site: site.clone(),
        tags: pages.iter().map(|p| p.tag.clone()).collect(),
    };
    (list, pages)
}

/// Groups posts by category, as [`tags`] does by tag.
pub fn categories(site: &Site, posts: &[PostEntry]) -> Vec<TagPage> {
    group(site, posts, Taxonomy::Categories)
}

/// Each series' parts, in reading order: those with a `series_order` by it, then the others
/// oldest first (undated last).
pub fn series(site: &Site, posts: &[PostEntry]) -> Vec<SeriesPage> {
    let position: std::collections::HashMap<&str, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut pages = group(site, posts, Taxonomy::Series);
    for page in &mut pages {
        // `posts` is newest first with undated posts last.
        page.posts.sort_by_key(|p| {
            (
                p.series_order.is_none(),
                p.series_order,
                p.date.is_none(),
                std::cmp::Reverse(position.get(p.slug.as_str()).copied()),
            )
        });
    }
    pages.into_iter().map(SeriesPage).collect()
}

/// What an article shows of its series: the parts around it (at most [`SERIES_SHOWN`]) and a
/// link to the series' page, so a 500-part series does not make each part's data grow.
pub fn series_nav(page: &SeriesPage, slug: &str) -> Option<SeriesNav> {
    let parts = &page.0.posts;
    let at = parts.iter().position(|p| p.slug == slug)?;
    let first = at
        .saturating_sub(SERIES_SHOWN / 2)
        .min(parts.len().saturating_sub(SERIES_SHOWN));
    Some(SeriesNav {
        name: page.0.tag.name.clone(),
        slug: page.0.tag.slug.clone(),
        total: parts.len(),
        first: first + 1,
        current: at - first,
        parts: parts
            .iter()
            .skip(first)
            .take(SERIES_SHOWN)
            .map(PostLink::of)
            .collect(),
    })
}

pub const SERIES_SHOWN: usize = 9;

/// A series as one of its parts shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesNav {
    pub name: String,
    pub slug: String,
    /// How many parts the series has.
    pub total: usize,
    /// The number of `parts[0]` in the series (1 for the first part).
    pub first: usize,
    /// Which of `parts` is this post.
    pub current: usize,
    pub parts: Vec<PostLink>,
}

/// `/series/<slug>/`: a series' parts in order (a [`TagPage`] of [`Taxonomy::Series`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeriesPage(pub TagPage);

tag_page_route_data!(SeriesPage);

/// The posts of each name of a taxonomy, most used first.
fn group(site: &Site, posts: &[PostEntry], taxonomy: Taxonomy) -> Vec<TagPage> {
    let mut pages: Vec<TagPage> = Vec::new();
    for p in posts {
        let (names, slugs) = taxonomy.of(p);
        for (name, slug) in names.iter().zip(slugs) {
            match pages.iter_mut().find(|t| t.tag.slug == *slug) {
                Some(t) => {
                    if !t.posts.iter().any(|q| q.slug == p.slug) {
                        t.posts.push(p.clone());
                        t.tag.count += 1;
                    }
                }
                None => pages.push(TagPage {
                    version: VERSION,
                    site: site.clone(),
                    tag: TagInfo {
                        name: name.clone(),
                        slug: slug.clone(),
                        count: 1,
                    },
                    posts: vec![p.clone()],
                    taxonomy,
                }),
            }
        }
    }
    pages.sort_by(|a, b| {
        b.tag
            .count
            .cmp(&a.tag.count)
            .then_with(|| a.tag.slug.cmp(&b.tag.slug))
    });
    pages
}

impl RouteData for TagList {
    fn data_path(&self) -> String {
        crate::url::TAGS_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some("Tags".into())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

impl RouteData for TagPage {
    fn data_path(&self) -> String {
        match self.taxonomy {
            Taxonomy::Tags => crate::url::tag_data_path(&self.tag.slug),
            Taxonomy::Categories => crate::url::category_data_path(&self.tag.slug),
            Taxonomy::Series => crate::url::series_data_path(&self.tag.slug),
        }
    }
    fn title(&self) -> Option<String> {
        Some(match self.taxonomy {
            Taxonomy::Tags => format!("Posts tagged “{}”", self.tag.name),
            Taxonomy::Categories => format!("Posts in “{}”", self.tag.name),
            Taxonomy::Series => format!("Series: {}", self.tag.name),
        })
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::tests::entry;

    #[test]
    fn series_parts_follow_their_order_then_their_dates() {
        // Index order: newest first, undated last.
        let part = |slug: &str, date: Option<&str>, order: Option<u32>| PostEntry {
            series: Some("Learn Rust".into()),
            series_slug: Some("learn-rust".into()),
            series_order: order,
            date: date.map(str::to_string),
            ..entry(slug)
        };
        let posts = [
            part("newest", Some("2024-03-01"), None),
            part("second", Some("2024-02-01"), Some(2)),
            entry("other"),
            part("older", Some("2024-01-01"), None),
            part("first", Some("2023-12-01"), Some(1)),
            part("undated", None, None),
        ];
        let series = series(&Site::default(), &posts);
        assert_eq!(series.len(), 1);
        let s = &series[0].0;
        let order: Vec<_> = s.posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(order, ["first", "second", "older", "newest", "undated"]);
        assert_eq!(
            (s.tag.count, series[0].title().unwrap().as_str()),
            (5, "Series: Learn Rust")
        );
        let nav = series_nav(&series[0], "older").unwrap();
        assert_eq!((nav.total, nav.first, nav.current), (5, 1, 2));
        assert_eq!(nav.parts[nav.current].slug, "older");
    }

    #[test]
    fn a_long_series_shows_the_parts_around_the_current_one() {
        let posts: Vec<_> = (0..500)
            .map(|i| PostEntry {
                series: Some("Daily".into()),
                series_slug: Some("daily".into()),
                series_order: Some(i),
                ..entry(&format!("p{i}"))
            })
            .collect();
        let series = series(&Site::default(), &posts);
        let nav = series_nav(&series[0], "p250").unwrap();
        assert_eq!(nav.parts.len(), SERIES_SHOWN);
        assert_eq!(nav.parts[nav.current].slug, "p250");
        assert_eq!(nav.first + nav.current, 251, "part 251 of 500");
        let last = series_nav(&series[0], "p499").unwrap();
        assert_eq!((last.first, last.current + 1), (492, SERIES_SHOWN));
    }

    #[test]
    fn tags_group_posts_by_slug() {
        let mut a = entry("a");
        a.tags = vec!["Rust".into(), "web".into()];
        a.tag_slugs = vec!["rust".into(), "web".into()];
        let mut b = entry("b");
        b.tags = vec!["rust".into()];
        b.tag_slugs = vec!["rust".into()];
        let (list, pages) = tags(&Site::default(), &[a, b]);
        let counts: Vec<_> = list
            .tags
            .iter()
            .map(|t| (t.name.as_str(), t.count))
            .collect();
        assert_eq!(counts, [("Rust", 2), ("web", 1)]);
        assert_eq!(pages[0].posts.len(), 2);
    }
}
