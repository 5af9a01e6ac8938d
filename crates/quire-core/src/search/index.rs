//! The index the build writes: the posts, and every term with the posts it occurs in.

use super::text::{fold_into, words};
use serde::{Deserialize, Serialize};

/// Where in a post a term occurs; a title hit outranks a heading hit, and so on.
pub const TITLE: u8 = 1;
pub const HEADING: u8 = 2;
pub const TAG: u8 = 4;
pub const BODY: u8 = 8;

/// One post as the index knows it. Posts are in manifest order (newest first), so a lower
/// number is a newer post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub date_display: Option<String>,
    /// The year, for the year filter (`None`: undated).
    #[serde(default)]
    pub year: Option<u16>,
    /// Tag slugs, for the tag filter.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The post's content hash, so its Markdown is fetched at the address the article uses
    /// (one cached copy for the snippet and the article).
    #[serde(default)]
    pub hash: String,
    /// A standalone page (`/about/`) rather than a post.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub page: bool,
    /// Another language's post, in a blog in several languages: the base path its site is at
    /// (`/blog`, `/blog/fr`), which its links and Markdown are under; empty for the index's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
}

/// The search index: the posts, and every term with the posts it occurs in, sorted by term so
/// prefixes are a range. Written compactly (see [`Packed`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(into = "Packed", from = "Packed")]
pub struct Index {
    pub docs: Vec<Doc>,
    /// `(term, [(doc, fields)…])`, sorted by term; `fields` is a set of [`TITLE`] … [`BODY`].
    pub terms: Vec<(String, Vec<Posting>)>,
}

/// A post a term occurs in, and where: `(doc, fields)`.
pub type Posting = (u32, u8);

/// The index as the build writes it: terms and their postings in parallel arrays, each posting
/// one number, `(doc − previous doc) × 16 + fields`. Posts are mostly consecutive, so the
/// numbers are small and repeat, which gzip likes.
#[derive(Serialize, Deserialize)]
pub struct Packed {
    pub docs: Vec<Doc>,
    pub terms: Vec<String>,
    pub postings: Vec<Vec<u32>>,
}

impl From<Index> for Packed {
    fn from(index: Index) -> Packed {
        let (terms, postings) = index
            .terms
            .into_iter()
            .map(|(term, list)| {
                let mut previous = 0;
                let packed = list
                    .into_iter()
                    .map(|(doc, fields)| {
                        let n = (doc - previous) * 16 + u32::from(fields & 15);
                        previous = doc;
                        n
                    })
                    .collect();
                (term, packed)
            })
            .unzip();
        Packed {
            docs: index.docs,
            terms,
            postings,
        }
    }
}

impl From<Packed> for Index {
    /// Malformed input (a stale or damaged file) gives an index that finds less, never a panic.
    fn from(packed: Packed) -> Index {
        let count = packed.docs.len() as u64;
        let terms = packed
            .terms
            .into_iter()
            .zip(packed.postings)
            .map(|(term, list)| {
                let mut doc = 0u64;
                let list = list
                    .into_iter()
                    .filter_map(|n| {
                        doc += u64::from(n / 16);
                        (doc < count).then_some((doc as u32, (n % 16) as u8))
                    })
                    .collect();
                (term, list)
            })
            .collect();
        let mut index = Index {
            docs: packed.docs,
            terms,
        };
        // Prefix search needs the order; a file that lost it is sorted again.
        if !index.terms.is_sorted_by(|a, b| a.0 <= b.0) {
            index.terms.sort_by(|a, b| a.0.cmp(&b.0));
        }
        index
    }
}

/// What the build indexes of one post.
pub struct Source<'a> {
    pub doc: Doc,
    pub headings: Vec<&'a str>,
    pub tags: Vec<&'a str>,
    /// The post's text (Markdown is fine: markup characters are not letters).
    pub body: &'a str,
}

impl Index {
    pub fn build(sources: Vec<Source>) -> Index {
        // A hash map looked up by the folded word in a reused buffer: a term is allocated
        // once, not once per occurrence (10,000 posts hold millions of words).
        let mut map: std::collections::HashMap<String, Vec<Posting>> = Default::default();
        let mut docs = Vec::with_capacity(sources.len());
        let mut folded = String::new();
        for (n, s) in sources.into_iter().enumerate() {
            let n = n as u32;
            let mut add = |text: &str, field: u8| {
                for (_, word) in words(text) {
                    fold_into(word, &mut folded);
                    let postings = match map.get_mut(folded.as_str()) {
                        Some(p) => p,
                        None => map.entry(folded.clone()).or_default(),
                    };
                    match postings.last_mut() {
                        Some((doc, fields)) if *doc == n => *fields |= field,
                        _ => postings.push((n, field)),
                    }
                }
            };
            add(&s.doc.title, TITLE);
            for h in &s.headings {
                add(h, HEADING);
            }
            for t in &s.tags {
                add(t, TAG);
            }
            add(s.body, BODY);
            docs.push(s.doc);
        }
        let mut terms: Vec<(String, Vec<Posting>)> = map.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { docs, terms }
    }
}
