//! The archive: every post's title and date, by month.

use super::{PostEntry, RouteData, Site, VERSION};
use serde::{Deserialize, Serialize};

/// `/archive/` (`archive.json`): every post's title and date, in index order, and nothing
/// else, so the page stays small at 10,000 posts (short keys: they repeat for every post).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    pub version: u32,
    pub site: Site,
    pub posts: Vec<ArchiveEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    #[serde(rename = "s")]
    pub slug: String,
    #[serde(rename = "t")]
    pub title: String,
    /// `YYYY-MM-DD`, for a valid date.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date as written, when it is not a valid one: shown as it is, never guessed.
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
}

/// One month of the archive; `month` 0 holds the posts without a valid date.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveMonth<'a> {
    pub year: Option<&'a str>,
    pub month: u8,
    pub posts: Vec<&'a ArchiveEntry>,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Archive {
    pub fn of(site: &Site, posts: &[PostEntry]) -> Self {
        Archive {
            version: VERSION,
            site: site.clone(),
            posts: posts
                .iter()
                .map(|p| ArchiveEntry {
                    slug: p.slug.clone(),
                    title: p.title.clone(),
                    date: p
                        .date
                        .as_deref()
                        .and_then(|d| d.get(..10))
                        .map(str::to_string),
                    written: p.date.is_none().then(|| p.date_written.clone()).flatten(),
                })
                .collect(),
        }
    }

    /// The posts by month, newest first (the index's order), undated ones last.
    pub fn months(&self) -> Vec<ArchiveMonth<'_>> {
        let mut months: Vec<ArchiveMonth> = Vec::new();
        let mut undated = Vec::new();
        for p in &self.posts {
            let Some((year, month)) = p
                .date
                .as_deref()
                .and_then(|d| Some((d.get(..4)?, d.get(5..7)?.parse::<u8>().ok()?)))
            else {
                undated.push(p);
                continue;
            };
            match months.last_mut() {
                Some(m) if m.year == Some(year) && m.month == month => m.posts.push(p),
                _ => months.push(ArchiveMonth {
                    year: Some(year),
                    month,
                    posts: vec![p],
                }),
            }
        }
        if !undated.is_empty() {
            months.push(ArchiveMonth {
                year: None,
                month: 0,
                posts: undated,
            });
        }
        months
    }
}

impl RouteData for Archive {
    fn data_path(&self) -> String {
        crate::url::ARCHIVE_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some("Archive".into())
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
    fn the_archive_groups_by_month_and_keeps_bad_dates_as_written() {
        let dated = |slug: &str, date: &str| PostEntry {
            date: Some(date.into()),
            ..entry(slug)
        };
        let posts = [
            dated("c", "2024-03-09T10:00:00+02:00"),
            dated("b", "2024-03-01"),
            dated("a", "2023-12-24"),
            PostEntry {
                date_written: Some("2022-15-03 10:18:00".into()),
                ..entry("seed")
            },
        ];
        let archive = Archive::of(&Site::default(), &posts);
        let months: Vec<_> = archive
            .months()
            .iter()
            .map(|m| (m.year, m.month, m.posts.len()))
            .collect();
        assert_eq!(
            months,
            [(Some("2024"), 3, 2), (Some("2023"), 12, 1), (None, 0, 1)]
        );
        assert_eq!(archive.posts[0].date.as_deref(), Some("2024-03-09"));
        assert_eq!(
            archive.posts[3].written.as_deref(),
            Some("2022-15-03 10:18:00")
        );
        let json = serde_json::to_string(&archive.posts[1]).unwrap();
        assert_eq!(json, r#"{"s":"b","t":"B","d":"2024-03-01"}"#);
    }
}
