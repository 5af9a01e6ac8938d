//! Full-text search, the part both hosts share (issue 5, in progress): how text becomes terms,
//! the index the build tool writes, and how a query is matched and ranked. Browser-free so it
//! is tested natively; the build writes [`Index`], the app will query it.
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
        let mut map: std::collections::BTreeMap<String, Vec<Posting>> = Default::default();
        let mut docs = Vec::with_capacity(sources.len());
        for (n, s) in sources.into_iter().enumerate() {
            let n = n as u32;
            let mut add = |text: &str, field: u8| {
                for term in terms(text) {
                    let postings = map.entry(term).or_default();
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
        Index {
            docs,
            terms: map.into_iter().collect(),
        }
    }
}

/// A query: its words, and the filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub tag: Option<String>,
    pub year: Option<u16>,
}

/// One result: the post, how well it matched, and the index terms that matched (for
/// highlighting the snippet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    /// How many of the query's words the post matched.
    pub words: usize,
    pub score: u32,
    pub terms: Vec<String>,
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
    /// Results, best first: posts with all the words before posts with some, then by where
    /// and how well they matched (title and headings above body; exact above prefix above
    /// typo), then newer first.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let words: Vec<String> = terms(&query.text).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let allowed = |doc: u32| {
            let d = &self.docs[doc as usize];
            query
                .tag
                .as_ref()
                .is_none_or(|t| d.tags.iter().any(|x| x == t))
                && query.year.is_none_or(|y| d.year == Some(y))
        };
        // doc → (words matched, score, matched terms)
        let mut found: std::collections::HashMap<u32, (usize, u32, Vec<String>)> =
            Default::default();
        for word in &words {
            let mut best: std::collections::HashMap<u32, u32> = Default::default();
            for (term, postings, closeness) in self.matches(word) {
                for &(doc, fields) in postings {
                    if !allowed(doc) {
                        continue;
                    }
                    let s = closeness * field_weight(fields);
                    let e = best.entry(doc).or_default();
                    *e = (*e).max(s);
                    let terms = &mut found.entry(doc).or_default().2;
                    if !terms.iter().any(|t| t == term) {
                        terms.push(term.to_string());
                    }
                }
            }
            for (doc, s) in best {
                let e = found.entry(doc).or_default();
                e.0 += 1;
                e.1 += s;
            }
        }
        let mut hits: Vec<Hit> = found
            .into_iter()
            .filter(|(_, (words, _, _))| *words > 0)
            .map(|(doc, (words, score, terms))| Hit {
                doc,
                words,
                score,
                terms,
            })
            .collect();
        hits.sort_by(|a, b| {
            b.words
                .cmp(&a.words)
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits
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
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// Lowercase, with the diacritics of Latin letters removed (`Ça` → `ca`, `straße` →
/// `strasse`). Other scripts are only lowercased.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
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
    out
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
            .search(&Query {
                text: text.into(),
                ..Query::default()
            })
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
            i.search(&Query {
                text: text.into(),
                tag: tag.map(str::to_string),
                year,
            })
            .into_iter()
            .map(|h| i.docs[h.doc as usize].slug.clone())
            .collect()
        };
        assert_eq!(q("python", Some("web"), None), ["reading"]);
        assert_eq!(q("python", None, Some(2022)), ["seed"]);
        assert!(q("python", Some("rust"), None).is_empty());
    }

    #[test]
    fn matched_terms_are_reported_for_highlighting() {
        let i = index();
        let hits = i.search(&Query {
            text: "pyhton back".into(),
            ..Query::default()
        });
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
            i.search(&Query {
                text: "zeta".into(),
                ..Query::default()
            })
            .len(),
            1
        );
    }
}
