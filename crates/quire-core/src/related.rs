//! Related posts: for each post, up to [`SHOWN`] others on the same subject, scored by the tags
//! they share (Jaccard) plus how alike their words are (cosine of each post's most telling
//! words, tf-idf). Computed once per build; time stays near linear in the number of posts
//! (each post looks only at the posts sharing one of its tags or telling words, at most
//! [`WINDOW`] per tag or word), so a blog where every post has the same tag still builds fast.

use std::collections::HashMap;

/// Posts shown under an article.
pub const SHOWN: usize = 3;
/// A post's most telling words kept for comparing.
const WORDS: usize = 12;
/// At most this many other posts are looked at per tag or word: the nearest in index order.
const WINDOW: usize = 100;
/// Below this, posts have too little in common to call related.
const THRESHOLD: f32 = 0.1;
/// One rare word in common (a name, a typo) is chance, not a subject: words count from two.
const MIN_WORDS: u8 = 2;

/// One post as compared: its tag slugs and its plain text.
pub struct Subject<'a> {
    pub tags: &'a [String],
    pub text: &'a str,
}

/// For each subject (in index order), the indexes of its related ones, best first.
pub fn related(subjects: &[Subject]) -> Vec<Vec<usize>> {
    let n = subjects.len();
    let vectors = word_vectors(subjects);
    // Who has each tag and each kept word, in index order: (post, weight).
    let mut by_tag: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in subjects.iter().enumerate() {
        for t in s.tags {
            by_tag.entry(t.as_str()).or_default().push(i);
        }
    }
    let mut by_word: HashMap<&str, Vec<(usize, f32)>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for (w, weight) in v {
            by_word.entry(w.as_str()).or_default().push((i, *weight));
        }
    }
    // Scratch space reused for every post: shared tags and word similarity per other post.
    let mut shared = vec![0u16; n];
    let mut cosine = vec![0f32; n];
    let mut words = vec![0u8; n];
    let mut touched = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (i, s) in subjects.iter().enumerate() {
        for t in s.tags {
            let list = &by_tag[t.as_str()];
            for &j in near(list, |&j| j, i) {
                if j != i {
                    if shared[j] == 0 && cosine[j] == 0.0 {
                        touched.push(j);
                    }
                    shared[j] += 1;
                }
            }
        }
        for (w, weight) in &vectors[i] {
            let list = &by_word[w.as_str()];
            for &(j, other) in near(list, |&(j, _)| j, i) {
                if j != i {
                    if shared[j] == 0 && cosine[j] == 0.0 {
                        touched.push(j);
                    }
                    cosine[j] += weight * other;
                    words[j] += 1;
                }
            }
        }
        let mut scored: Vec<(f32, usize)> = touched
            .drain(..)
            .map(|j| {
                let common = f32::from(shared[j]);
                let union = (s.tags.len() + subjects[j].tags.len()) as f32 - common;
                let jaccard = if union > 0.0 { common / union } else { 0.0 };
                let text = if words[j] >= MIN_WORDS {
                    cosine[j]
                } else {
                    0.0
                };
                let score = jaccard + text;
                shared[j] = 0;
                cosine[j] = 0.0;
                words[j] = 0;
                (score, j)
            })
            .filter(|(score, _)| *score >= THRESHOLD)
            .collect();
        // Best first; equal scores: the post nearer in time.
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.abs_diff(i).cmp(&b.1.abs_diff(i)))
                .then(a.1.cmp(&b.1))
        });
        out.push(scored.into_iter().take(SHOWN).map(|(_, j)| j).collect());
    }
    out
}

/// The part of a posting list (sorted by post) nearest to post `i`: at most [`WINDOW`] items.
fn near<T>(list: &[T], post: impl Fn(&T) -> usize, i: usize) -> &[T] {
    if list.len() <= WINDOW {
        return list;
    }
    let at = list.partition_point(|x| post(x) < i);
    let start = at.saturating_sub(WINDOW / 2).min(list.len() - WINDOW);
    &list[start..start + WINDOW]
}

/// Each post's most telling words (tf-idf, at most [`WORDS`]), weights scaled to length 1.
fn word_vectors(subjects: &[Subject]) -> Vec<Vec<(String, f32)>> {
    let counts: Vec<HashMap<String, u32>> = subjects
        .iter()
        .map(|s| {
            let mut c = HashMap::new();
            // Short words are mostly grammar; numbers say little about a subject.
            for t in crate::search::terms(s.text) {
                if t.chars().count() >= 4 && !t.chars().all(|c| c.is_ascii_digit()) {
                    *c.entry(t).or_insert(0) += 1;
                }
            }
            c
        })
        .collect();
    let mut df: HashMap<&str, u32> = HashMap::new();
    for c in &counts {
        for w in c.keys() {
            *df.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let n = subjects.len() as f32;
    counts
        .iter()
        .map(|c| {
            let mut v: Vec<(String, f32)> = c
                .iter()
                .filter(|(w, _)| df[w.as_str()] > 1) // a word no other post has links nothing
                .map(|(w, &tf)| {
                    let idf = (n / df[w.as_str()] as f32).ln();
                    (w.clone(), (1.0 + (tf as f32).ln()) * idf)
                })
                .filter(|(_, weight)| *weight > 0.0)
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(WORDS);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, x) in &mut v {
                    *x /= norm;
                }
            }
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subjects<'a>(posts: &'a [(Vec<String>, &'a str)]) -> Vec<Subject<'a>> {
        posts
            .iter()
            .map(|(tags, text)| Subject { tags, text })
            .collect()
    }

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn shared_tags_and_words_pick_the_related_posts() {
        let posts = vec![
            (
                tags(&["rust"]),
                "Borrow checker lifetimes explained with examples",
            ),
            (
                tags(&["cooking"]),
                "Sourdough bread starter feeding schedule",
            ),
            (
                tags(&["rust", "wasm"]),
                "Lifetimes and the borrow checker in WebAssembly",
            ),
            (tags(&["python"]), "Async generators in asyncio"),
            (
                tags(&["cooking"]),
                "Baking bread at home: starter, flour, oven",
            ),
            (tags(&["rust"]), "Cargo workspaces"),
        ];
        let r = related(&subjects(&posts));
        assert_eq!(r[0], [2, 5]);
        assert_eq!(r[1], [4]);
        assert_eq!(
            r[3],
            Vec::<usize>::new(),
            "nothing in common: nothing shown"
        );
        assert!(r.iter().all(|x| x.len() <= SHOWN));
    }

    #[test]
    fn a_tag_every_post_shares_stays_fast_and_bounded() {
        let text = "same words in every single post here";
        let posts: Vec<_> = (0..20_000).map(|_| (tags(&["all"]), text)).collect();
        let start = std::time::Instant::now();
        let r = related(&subjects(&posts));
        assert!(r.iter().all(|x| x.len() == SHOWN));
        // The nearest posts are chosen among equals.
        assert_eq!(r[10_000], [9_999, 10_001, 9_998]);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    }
}
