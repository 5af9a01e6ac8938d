//! Any text through the Markdown pipeline, with highlighting runs derived from the input that
//! may or may not fit each code block (as a stale or tampered data file would): no panic, and
//! the HTML passes the oracle.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::markdown::{code_blocks, render, summary};
use quire_core::render_options::RenderOptions;

#[path = "oracle.rs"]
mod oracle;

fuzz_target!(|text: &str| {
    let lookup = |p: &str| p.ends_with("a.md").then(|| "a".to_string());
    // Runs cut each block at byte positions taken from its text: sometimes a fit, sometimes a
    // cut inside a character, too short or too long, classes in and out of range.
    let code: Vec<Vec<u32>> = code_blocks(text)
        .iter()
        .map(|(_, block)| {
            let mut runs = Vec::new();
            let mut left = block.len() as u32;
            for (i, b) in block.bytes().enumerate().take(16) {
                let len = (u32::from(b) % 7).min(left);
                runs.extend([len, (u32::from(b) + i as u32) % 13]);
                left -= len;
            }
            if block.len() % 3 != 0 {
                runs.extend([left, 2]);
            }
            runs
        })
        .collect();
    let opts = RenderOptions {
        base: "/blog",
        source_dir: "posts",
        post_slug: Some(&lookup),
        code: &code,
        images: &[],
        math: &[],
    };
    let r = render(text, &opts);
    oracle::check(&r.html, text);
    let _ = summary(text, 100);
});
