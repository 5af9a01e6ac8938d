//! Native timings of every option on one index: `search-crates <search/index.json>`.
//! Prints a JSON line per query: the terms (or posts) each option matched and its median time.

use search_crates::options;

fn median_ms(mut f: impl FnMut() -> usize) -> (usize, f64) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..21 {
        let t = std::time::Instant::now();
        n = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (n, times[times.len() / 2])
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: search-crates <search/index.json>");
    let json = std::fs::read_to_string(&path).expect("the index");
    let index: quire_core::search::Index = serde_json::from_str(&json).expect("an index");
    let terms: Vec<&str> = index.terms.iter().map(|(t, _)| t.as_str()).collect();
    let fst = options::Fst::new(&terms);
    let terms_json = serde_json::to_string(&terms).unwrap().len();
    println!(
        "{{\"posts\":{},\"terms\":{},\"fst_bytes\":{},\"terms_json_bytes\":{}}}",
        index.docs.len(),
        terms.len(),
        fst.bytes(),
        terms_json
    );
    for word in [
        "pyhton",
        "backend",
        "containr",
        "paragraphs",
        "e",
        "markdown",
    ] {
        let quire = median_ms(|| options::quire(&index, word));
        let fst = median_ms(|| fst.matches(word));
        let automata = median_ms(|| options::automata(&terms, word));
        let strsim = median_ms(|| options::strsim(&terms, word));
        println!(
            "{{\"word\":\"{word}\",\"quire\":[{},{:.3}],\"fst\":[{},{:.3}],\"automata\":[{},{:.3}],\"strsim\":[{},{:.3}]}}",
            quire.0, quire.1, fst.0, fst.1, automata.0, automata.1, strsim.0, strsim.1
        );
    }
}
