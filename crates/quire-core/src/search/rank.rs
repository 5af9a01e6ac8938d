//! Matching and ranking a query against the index, and the filters' counts.

use super::index::{Index, Posting, HEADING, TAG, TITLE};
use super::text::terms;

/// A term a query word matched, its postings, and how closely it matched.
type Match<'a> = (&'a str, &'a [Posting], u32);

/// A query: its words, and the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub tag: Option<String>,
    pub year: Option<u16>,
    /// Every language's posts (a blog in several languages; `lang=all` in the address): which
    /// index the app loads, so the worker never sees it.
    pub all: bool,
}

impl Query {
    /// Whether there is anything to search for: words, or a filter alone (every post of a tag
    /// or a year).
    pub fn is_empty(&self) -> bool {
        terms(&self.text).next().is_none() && self.tag.is_none() && self.year.is_none()
    }
}

/// One result: the post, how well it matched, and the index terms that matched (for
/// highlighting the snippet and the article).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    /// How many of the query's words the post matched.
    pub words: usize,
    pub score: u32,
    pub terms: Vec<String>,
}

/// The best `limit` hits of a query, and how many posts matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// How close a term is to a query word: exact beats prefix beats a typo.
const EXACT: u32 = 3;
const PREFIX: u32 = 2;
const TYPO: u32 = 1;

fn field_weight(fields: u8) -> u32 {
    if fields & TITLE != 0 {
        8
    } else if fields & HEADING != 0 {
        4
    } else if fields & TAG != 0 {
        3
    } else {
        1
    }
}

impl Index {
    /// The best `limit` results: posts with all the words before posts with some, then by
    /// where and how well they matched (title and headings above body; exact above prefix
    /// above typo), then newer first. A query with filters and no words lists every post of
    /// that tag or year, newest first.
    ///
    /// Scores live in arrays indexed by post rather than maps: a one-letter prefix at 10,000
    /// posts touches most of them on every keystroke.
    pub fn search(&self, query: &Query, limit: usize) -> Results {
        let n = self.docs.len();
        let allowed = |doc: usize| {
            let d = &self.docs[doc];
            query
                .tag
                .as_ref()
                .is_none_or(|t| d.tags.iter().any(|x| x == t))
                && query.year.is_none_or(|y| d.year == Some(y))
        };
        let words: Vec<String> = terms(&query.text).collect();
        if words.is_empty() {
            if query.tag.is_none() && query.year.is_none() {
                return Results::default();
            }
            let all: Vec<usize> = (0..n).filter(|&d| allowed(d)).collect();
            return Results {
                total: all.len(),
                hits: all
                    .into_iter()
                    .take(limit)
                    .map(|doc| Hit {
                        doc: doc as u32,
                        words: 0,
                        score: 0,
                        terms: Vec::new(),
                    })
                    .collect(),
            };
        }
        let mut matched = vec![0u16; n];
        let mut score = vec![0u32; n];
        let mut best = vec![0u32; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut found: Vec<Match> = Vec::new();
        for word in &words {
            let matches = self.matches(word);
            for &(_, postings, closeness) in &matches {
                for &(doc, fields) in postings {
                    let d = doc as usize;
                    let s = closeness * field_weight(fields);
                    if best[d] == 0 {
                        touched.push(d);
                    }
                    best[d] = best[d].max(s);
                }
            }
            for d in touched.drain(..) {
                matched[d] += 1;
                score[d] += best[d];
                best[d] = 0;
            }
            found.extend(matches);
        }
        let mut hits: Vec<usize> = (0..n).filter(|&d| matched[d] > 0 && allowed(d)).collect();
        let total = hits.len();
        let order = |a: &usize, b: &usize| {
            matched[*b]
                .cmp(&matched[*a])
                .then(score[*b].cmp(&score[*a]))
                .then(a.cmp(b))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        let hits = hits
            .into_iter()
            .map(|d| {
                let doc = d as u32;
                let mut terms: Vec<String> = Vec::new();
                for (term, postings, _) in &found {
                    if postings.binary_search_by_key(&doc, |p| p.0).is_ok()
                        && !terms.iter().any(|t| t == term)
                    {
                        terms.push(term.to_string());
                    }
                }
                Hit {
                    doc,
                    words: usize::from(matched[d]),
                    score: score[d],
                    terms,
                }
            })
            .collect();
        Results { total, hits }
    }

    /// Every tag and year with its number of posts, for the filters.
    pub fn facets(&self) -> Facets {
        let mut tags: std::collections::BTreeMap<&str, u32> = Default::default();
        let mut years: std::collections::BTreeMap<u16, u32> = Default::default();
        for d in &self.docs {
            for t in &d.tags {
                *tags.entry(t).or_default() += 1;
            }
            if let Some(y) = d.year {
                *years.entry(y).or_default() += 1;
            }
        }
        Facets {
            tags: tags.into_iter().map(|(t, c)| (t.to_string(), c)).collect(),
            years: years.into_iter().rev().collect(),
        }
    }

    /// The terms a query word matches, with how closely.
    fn matches<'a>(&'a self, word: &str) -> Vec<Match<'a>> {
        let mut out = Vec::new();
        // Prefix range (the exact term, if any, is its first element).
        let start = self.terms.partition_point(|(t, _)| t.as_str() < word);
        let mut end = start;
        while end < self.terms.len() && self.terms[end].0.starts_with(word) {
            let (t, p) = &self.terms[end];
            out.push((
                t.as_str(),
                p.as_slice(),
                if t == word { EXACT } else { PREFIX },
            ));
            end += 1;
        }
        let len = word.chars().count();
        let allowed = match len {
            0..=3 => return out,
            4..=7 => 1,
            _ => 2,
        };
        let w: Vec<char> = word.chars().collect();
        for (i, (t, p)) in self.terms.iter().enumerate() {
            if (start..end).contains(&i) {
                continue;
            }
            // Byte length bounds the letter count from above: a cheap first cut.
            if t.len() + allowed < len {
                continue;
            }
            let tl = t.chars().count();
            if tl + allowed < len || tl > len + allowed {
                continue;
            }
            if within(&w, t, allowed) {
                out.push((t.as_str(), p.as_slice(), TYPO));
            }
        }
        out
    }
}

/// The tags and years of the indexed posts, with their counts (years newest first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub tags: Vec<(String, u32)>,
    pub years: Vec<(u16, u32)>,
}

/// Whether `term` is within `max` edits of `word` (insertions, deletions, substitutions and
/// transpositions of neighbours).
fn within(word: &[char], term: &str, max: usize) -> bool {
    let t: Vec<char> = term.chars().collect();
    let (n, m) = (word.len(), t.len());
    let mut rows = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(word[i - 1] != t[j - 1]);
            let mut v = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && word[i - 1] == t[j - 2] && word[i - 2] == t[j - 1] {
                v = v.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
    }
    rows[n][m] <= max
}
