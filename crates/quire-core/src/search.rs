//! Full-text search, the part both hosts share: how text becomes terms, the index the build
//! tool writes, how a query is matched and ranked, the snippets, and what the search worker
//! is asked and answers. Browser-free so it is tested natively; the build writes
//! [`Index`], the worker (`crates/quire-search`) answers [`Request`]s with it.
//!
//! Terms are lowercase and without diacritics (`Überblick` → `uberblick`), so queries are
//! case- and accent-insensitive. A query word matches a term exactly, as a prefix (`back` →
//! `backend`), or within one edit for words of 4+ letters and two for 8+ (`pyhton` →
//! `python`, transpositions count as one edit).

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

/// A term a query word matched, its postings, and how closely it matched.
type Match<'a> = (&'a str, &'a [Posting], u32);

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

/// A query: its words, and the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub tag: Option<String>,
    pub year: Option<u16>,
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

/// How many results a search shows.
pub const RESULTS_SHOWN: usize = 20;

/// What the app asks the search worker: one query, and how many results it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub id: u32,
    pub query: Query,
    pub limit: usize,
}

/// One result as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub slug: String,
    pub title: String,
    pub date_display: Option<String>,
    pub hash: String,
    /// The index terms it matched, for highlighting.
    pub terms: Vec<String>,
}

/// The answer to a [`Request`]: its id, how many posts matched, the best ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub id: u32,
    pub total: usize,
    pub found: Vec<Found>,
}

impl Index {
    /// Answers a [`Request`] with what the results show.
    pub fn answer(&self, request: &Request) -> Answer {
        let r = self.search(&request.query, request.limit);
        Answer {
            id: request.id,
            total: r.total,
            found: r
                .hits
                .into_iter()
                .map(|h| {
                    let d = &self.docs[h.doc as usize];
                    Found {
                        slug: d.slug.clone(),
                        title: d.title.clone(),
                        date_display: d.date_display.clone(),
                        hash: d.hash.clone(),
                        terms: h.terms,
                    }
                })
                .collect(),
        }
    }
}

/// The words of a text with their byte offsets (the same splitting as [`terms`]).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = &text[rest..];
        let start = rest + tail.find(char::is_alphanumeric)?;
        let end = text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |e| start + e);
        rest = end;
        Some((start, &text[start..end]))
    })
}

/// The byte range of the first word of `text` that is one of `terms` (index terms, folded),
/// for highlighting it in the article.
pub fn first_match(text: &str, terms: &[String]) -> Option<std::ops::Range<usize>> {
    if terms.is_empty() {
        return None;
    }
    let mut is_term = term_test(terms);
    words(text)
        .find(|(_, w)| is_term(w))
        .map(|(at, w)| at..at + w.len())
}

/// Whether a word of a text folds to one of `terms`, without allocating per word: snippets
/// scan whole posts, for every result, on every keystroke.
fn term_test(terms: &[String]) -> impl FnMut(&str) -> bool + '_ {
    let mut folded = String::new();
    // A prefix query matches many terms (`b`: every term in b…): looked up, not scanned.
    let set: std::collections::HashSet<&str> = terms.iter().map(String::as_str).collect();
    move |word: &str| {
        fold_into(word, &mut folded);
        set.contains(folded.as_str())
    }
}

/// Text with every run of whitespace made one space, none at the ends: what a snippet shows.
/// The worker keeps posts' text this way, so a snippet made on every keystroke need not redo it.
pub fn collapse_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_collapsed(text: &str) -> bool {
    !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(|c: char| c.is_whitespace() && c != ' ')
}

/// A piece of a snippet, and whether it is a matched word.
pub type Piece = (String, bool);

/// About `max_chars` of `text` around its first match, cut at spaces, with every matched
/// word marked; the opening of the text when nothing matches (a title-only hit).
pub fn snippet(text: &str, terms: &[String], max_chars: usize) -> Vec<Piece> {
    let collapsed;
    let text = if is_collapsed(text) {
        text
    } else {
        collapsed = collapse_space(text);
        collapsed.as_str()
    };
    let at = first_match(text, terms).map_or(0, |r| r.start);
    // Some words of context before the match.
    let mut start = text[..at]
        .char_indices()
        .rev()
        .nth(max_chars / 4)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..]
            .find(' ')
            .map_or(at, |s| (start + s + 1).min(at));
    }
    let mut end = text[start..]
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&e| e > at).unwrap_or(end);
    }
    let window = &text[start..end];
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |s: &str, hit: bool| match pieces.last_mut() {
        Some((last, h)) if *h == hit => last.push_str(s),
        _ => pieces.push((s.to_string(), hit)),
    };
    if start > 0 {
        push("… ", false);
    }
    let mut done = 0;
    let mut is_term = term_test(terms);
    for (w_at, w) in words(window) {
        if is_term(w) {
            push(&window[done..w_at], false);
            push(w, true);
            done = w_at + w.len();
        }
    }
    push(&window[done..], false);
    if end < text.len() {
        push(" …", false);
    }
    pieces.retain(|(s, _)| !s.is_empty());
    pieces
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

/// The terms of a text: runs of letters and digits, lowercase, without diacritics.
pub fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(|(_, w)| fold(w))
}

/// Lowercase, with the diacritics of Latin letters removed (`Ça` → `ca`, `straße` →
/// `strasse`). Other scripts are only lowercased.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into `out` (cleared first).
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // Most words are lowercase ASCII already.
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        out.push_str(word);
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out.push('c'),
            'ď' | 'đ' | 'ð' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => out.push('g'),
            'ĥ' | 'ħ' => out.push('h'),
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out.push('i'),
            'ĵ' => out.push('j'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ŕ' | 'ŗ' | 'ř' => out.push('r'),
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ţ' | 'ť' | 'ŧ' | 'ț' => out.push('t'),
            'þ' => out.push_str("th"),
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ŵ' => out.push('w'),
            'ý' | 'ÿ' | 'ŷ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(slug: &str, title: &str, year: u16, tags: &[&str]) -> Doc {
        Doc {
            slug: slug.into(),
            title: title.into(),
            date_display: None,
            year: Some(year),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            hash: format!("h-{slug}"),
        }
    }

    /// Newest first, as the manifest orders posts.
    fn index() -> Index {
        Index::build(vec![
            Source {
                doc: doc(
                    "errors",
                    "Errors in Rust without tears",
                    2024,
                    &["rust", "errors"],
                ),
                headings: vec!["Result", "The question mark"],
                tags: vec!["rust", "errors"],
                body: "Rust has no exceptions. A backend in Rust returns Result.",
            },
            Source {
                doc: doc("reading", "A reading list for the web", 2023, &["web"]),
                headings: vec!["Überblick"],
                tags: vec!["web"],
                body: "Notes on Python tooling and the café down the street.",
            },
            Source {
                doc: doc(
                    "seed",
                    "Golang vs Python for backend",
                    2022,
                    &["go", "python"],
                ),
                headings: vec![],
                tags: vec!["go", "python"],
                body: "If I must choose one for my every project, Golang or Python?",
            },
        ])
    }

    fn slugs(index: &Index, text: &str) -> Vec<String> {
        index
            .search(
                &Query {
                    text: text.into(),
                    ..Query::default()
                },
                usize::MAX,
            )
            .hits
            .into_iter()
            .map(|h| index.docs[h.doc as usize].slug.clone())
            .collect()
    }

    #[test]
    fn terms_are_lowercase_and_without_diacritics() {
        let t: Vec<String> = terms("Überblick: Ça, STRAßE — naïve 2024!").collect();
        assert_eq!(t, ["uberblick", "ca", "strasse", "naive", "2024"]);
        assert_eq!(fold("Δέλτα"), "δέλτα", "other scripts are lowercased only");
    }

    #[test]
    fn exact_prefix_and_typo_matches_find_the_seed_post() {
        let i = index();
        assert_eq!(slugs(&i, "golang"), ["seed"]);
        assert_eq!(slugs(&i, "GoLang"), ["seed"]);
        // Title hit above body hits; among equals, newer first.
        assert_eq!(slugs(&i, "python"), ["seed", "reading"]);
        assert_eq!(
            slugs(&i, "pyhton"),
            ["seed", "reading"],
            "a transposition is one edit"
        );
        assert_eq!(
            slugs(&i, "back"),
            ["seed", "errors"],
            "prefix; title above body"
        );
        assert_eq!(slugs(&i, "backend"), ["seed", "errors"]);
        assert_eq!(slugs(&i, "uberblick"), ["reading"]);
        assert_eq!(slugs(&i, "cafe"), ["reading"], "diacritics are ignored");
    }

    #[test]
    fn typo_tolerance_grows_with_the_word() {
        let i = index();
        assert!(
            slugs(&i, "rusq").contains(&"errors".to_string()),
            "one edit at 4 letters"
        );
        assert!(slugs(&i, "rsu").is_empty(), "no typos under 4 letters");
        assert_eq!(
            slugs(&i, "exeptoins"),
            ["errors"],
            "two edits at 8+ letters"
        );
        assert!(
            slugs(&i, "pyxxon").is_empty(),
            "two edits at 6 letters is too many"
        );
    }

    #[test]
    fn posts_with_every_word_come_first() {
        let i = index();
        // `rust backend`: only the Rust post has both words.
        assert_eq!(slugs(&i, "rust backend"), ["errors", "seed"]);
        assert_eq!(slugs(&i, "python backend"), ["seed", "errors", "reading"]);
    }

    #[test]
    fn filters_by_tag_and_year() {
        let i = index();
        let q = |text: &str, tag: Option<&str>, year: Option<u16>| -> Vec<String> {
            i.search(
                &Query {
                    text: text.into(),
                    tag: tag.map(str::to_string),
                    year,
                },
                usize::MAX,
            )
            .hits
            .into_iter()
            .map(|h| i.docs[h.doc as usize].slug.clone())
            .collect()
        };
        assert_eq!(q("python", Some("web"), None), ["reading"]);
        assert_eq!(q("python", None, Some(2022)), ["seed"]);
        assert!(q("python", Some("rust"), None).is_empty());
        // A filter alone lists its posts, newest first.
        assert_eq!(q("", Some("python"), None), ["seed"]);
        assert_eq!(q("  ", None, Some(2023)), ["reading"]);
        assert!(q("", None, None).is_empty());
    }

    #[test]
    fn a_limit_keeps_the_best_and_counts_all() {
        let i = index();
        let q = Query {
            text: "python backend".into(),
            ..Query::default()
        };
        let all = i.search(&q, usize::MAX);
        let top = i.search(&q, 1);
        assert_eq!((all.total, top.total), (3, 3));
        assert_eq!(top.hits, all.hits[..1]);
    }

    #[test]
    fn facets_count_tags_and_years() {
        let f = index().facets();
        assert!(f.tags.contains(&("rust".to_string(), 1)));
        assert_eq!(f.years, [(2024, 1), (2023, 1), (2022, 1)]);
    }

    #[test]
    fn the_worker_answers_with_what_the_app_shows() {
        let i = index();
        let Answer { id, total, found } = i.answer(&Request {
            id: 7,
            query: Query {
                text: "golang".into(),
                ..Query::default()
            },
            limit: 10,
        });
        assert_eq!((id, total), (7, 1));
        assert_eq!(found[0].slug, "seed");
        assert_eq!(found[0].hash, "h-seed");
        assert_eq!(found[0].terms, ["golang"]);
    }

    #[test]
    fn the_first_match_is_found_by_its_folded_form() {
        let t = vec!["cafe".to_string(), "python".to_string()];
        let text = "Notes on Python tooling, and the Café.";
        assert_eq!(&text[first_match(text, &t).unwrap()], "Python");
        assert_eq!(
            first_match("Le Café", &t).map(|r| &"Le Café"[r]),
            Some("Café")
        );
        assert_eq!(first_match("Pythonic", &t), None, "whole words only");
        assert_eq!(first_match("anything", &[]), None);
    }

    #[test]
    fn snippets_show_the_match_in_context_and_mark_it() {
        let t = vec!["python".to_string()];
        let long = format!(
            "{} Then Python arrives, and python again. {}",
            "Lorem ipsum dolor sit amet. ".repeat(10),
            "More words follow here. ".repeat(20)
        );
        let s = snippet(&long, &t, 120);
        let text: String = s.iter().map(|(p, _)| p.as_str()).collect();
        assert!(text.starts_with("… ") && text.ends_with(" …"), "{text}");
        assert!(text.chars().count() <= 130, "{}", text.chars().count());
        let marked: Vec<&str> = s.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, ["Python", "python"]);
        // Nothing matched in the text (a title hit): its opening.
        let s = snippet("Short text.", &["zzz".to_string()], 120);
        assert_eq!(s, [("Short text.".to_string(), false)]);
        // Multi-byte text is cut on character boundaries.
        let s = snippet(&"é ".repeat(300), &["e".to_string()], 50);
        assert!(s.iter().any(|p| p.1));
    }

    #[test]
    fn matched_terms_are_reported_for_highlighting() {
        let i = index();
        let hits = i
            .search(
                &Query {
                    text: "pyhton back".into(),
                    ..Query::default()
                },
                usize::MAX,
            )
            .hits;
        let seed = hits
            .iter()
            .find(|h| i.docs[h.doc as usize].slug == "seed")
            .unwrap();
        assert!(
            seed.terms.contains(&"python".to_string()),
            "{:?}",
            seed.terms
        );
        assert!(
            seed.terms.contains(&"backend".to_string()),
            "{:?}",
            seed.terms
        );
    }

    #[test]
    fn empty_and_markup_only_queries_find_nothing() {
        let i = index();
        assert!(slugs(&i, "").is_empty());
        assert!(slugs(&i, " -- ** ").is_empty());
    }

    #[test]
    fn the_index_survives_json_compactly() {
        let i = index();
        let json = serde_json::to_string(&i).unwrap();
        let back: Index = serde_json::from_str(&json).unwrap();
        assert_eq!(back, i);
        // `python`: the seed post's title (doc 2) after the reading list's body (doc 1).
        assert!(json.contains("\"postings\":["), "{json}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let at = v["terms"]
            .as_array()
            .unwrap()
            .iter()
            .position(|t| t == "python")
            .unwrap();
        assert_eq!(
            v["postings"][at],
            serde_json::json!([16 + BODY, 16 + (TITLE | TAG | BODY)])
        );
    }

    #[test]
    fn a_damaged_index_finds_less_and_never_panics() {
        let json = r#"{"docs":[{"slug":"a","title":"A"}],"terms":["zeta","alpha"],"postings":[[1],[4294967295,16,1]]}"#;
        let i: Index = serde_json::from_str(json).unwrap();
        assert_eq!(i.terms[0].0, "alpha", "sorted again");
        assert_eq!(
            i.terms[0].1,
            vec![],
            "postings past the last post are dropped"
        );
        assert_eq!(
            i.search(
                &Query {
                    text: "zeta".into(),
                    ..Query::default()
                },
                10
            )
            .total,
            1
        );
    }
}
