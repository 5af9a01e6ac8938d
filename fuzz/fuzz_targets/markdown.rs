//! Any text through the Markdown pipeline: no panic, and the HTML passes the oracle.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::markdown::{render, summary, RenderOptions};

#[path = "oracle.rs"]
mod oracle;

fuzz_target!(|text: &str| {
    let lookup = |p: &str| p.ends_with("a.md").then(|| "a".to_string());
    let opts = RenderOptions {
        base: "/blog",
        source_dir: "posts",
        post_slug: Some(&lookup),
        code: &[],
    };
    let r = render(text, &opts);
    oracle::check(&r.html, text);
    let _ = summary(text, 100);
});
