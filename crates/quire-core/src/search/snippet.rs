//! Snippets: the text around a result's first match, with its matched words marked.

use super::text::{collapse_space, fold_into, is_collapsed, words};

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
