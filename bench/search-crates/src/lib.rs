//! Each option, behind one exported function for its WASM build: load the index (the JSON
//! `search/index.json`) and return how many terms a word matches (prefix, or within the
//! issue's edit distance). quire's option also ranks posts, as the app does.

pub mod options;

/// Memory for the host to write the index and the word into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Builds one option per module; with several features the first listed wins.
///
/// # Safety
/// `index` and `word` point to `index_len` and `word_len` bytes of UTF-8 written by the host.
#[no_mangle]
#[allow(unreachable_code)]
pub unsafe extern "C" fn matches(
    index: *const u8,
    index_len: usize,
    word: *const u8,
    word_len: usize,
) -> usize {
    let index = std::str::from_utf8_unchecked(std::slice::from_raw_parts(index, index_len));
    let word = std::str::from_utf8_unchecked(std::slice::from_raw_parts(word, word_len));
    let index: quire_core::search::Index = serde_json::from_str(index).unwrap_or_default();
    let terms: Vec<&str> = index.terms.iter().map(|(t, _)| t.as_str()).collect();
    let _ = &terms;
    #[cfg(feature = "quire")]
    return options::quire(&index, word);
    #[cfg(feature = "fst-levenshtein")]
    return options::Fst::new(&terms).matches(word);
    #[cfg(feature = "levenshtein-automata")]
    return options::automata(&terms, word);
    #[cfg(feature = "strsim")]
    return options::strsim(&terms, word);
    let _ = (terms, word);
    0
}
