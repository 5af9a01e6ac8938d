//! The options. Each finds the terms a query word matches: as a prefix, or within one edit
//! (4+ letters) or two (8+), the rule.

/// Edits allowed for a word of this length.
pub fn allowed(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// quire's own: sorted terms, prefix range, Damerau-Levenshtein by dynamic programming,
/// postings scored and ranked (the app's whole query, not only the terms).
#[cfg(any(feature = "quire", not(target_arch = "wasm32")))]
pub fn quire(index: &quire_core::search::Index, word: &str) -> usize {
    index
        .search(
            &quire_core::search::Query {
                text: word.into(),
                ..Default::default()
            },
            20,
        )
        .total
}

/// fst 0.4: the terms as a finite-state transducer; a prefix stream and its Levenshtein
/// automaton (insertions, deletions, substitutions: a transposition is two edits).
#[cfg(feature = "fst-levenshtein")]
pub struct Fst(fst::Set<Vec<u8>>);

#[cfg(feature = "fst-levenshtein")]
impl Fst {
    pub fn new(sorted_terms: &[&str]) -> Fst {
        Fst(fst::Set::from_iter(sorted_terms).expect("sorted, unique terms"))
    }

    pub fn bytes(&self) -> usize {
        self.0.as_fst().as_bytes().len()
    }

    pub fn matches(&self, word: &str) -> usize {
        use fst::{Automaton, IntoStreamer, Streamer};
        let mut n = 0;
        let prefix = fst::automaton::Str::new(word).starts_with();
        let mut s = self.0.search(prefix).into_stream();
        while s.next().is_some() {
            n += 1;
        }
        let d = allowed(word);
        if d > 0 {
            if let Ok(lev) = fst::automaton::Levenshtein::new(word, u32::from(d)) {
                let mut s = self.0.search(lev).into_stream();
                while s.next().is_some() {
                    n += 1;
                }
            }
        }
        n
    }
}

/// levenshtein_automata 0.2 (tantivy's): a DFA per query word, with transpositions as one
/// edit, run over every term.
#[cfg(feature = "levenshtein-automata")]
pub fn automata(terms: &[&str], word: &str) -> usize {
    use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder};
    let d = allowed(word);
    let prefix = terms.iter().filter(|t| t.starts_with(word)).count();
    if d == 0 {
        return prefix;
    }
    let dfa = LevenshteinAutomatonBuilder::new(d, true).build_dfa(word);
    prefix
        + terms
            .iter()
            .filter(|t| !t.starts_with(word) && matches!(dfa.eval(t), Distance::Exact(_)))
            .count()
}

/// strsim 0.11's Damerau-Levenshtein (optimal string alignment), run over every term.
#[cfg(feature = "strsim")]
pub fn strsim(terms: &[&str], word: &str) -> usize {
    let d = usize::from(allowed(word));
    terms
        .iter()
        .filter(|t| t.starts_with(word) || (d > 0 && strsim::osa_distance(word, t) <= d))
        .count()
}
