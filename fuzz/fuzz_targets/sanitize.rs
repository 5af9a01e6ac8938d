//! Any raw HTML through the allow-list: no panic, and the output passes the oracle.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::render_options::RenderOptions;
use quire_core::sanitize::Sanitizer;

#[path = "oracle.rs"]
mod oracle;

fuzz_target!(|html: &str| {
    let mut s = Sanitizer::default();
    let mut out = s.clean(html, &RenderOptions::default());
    out.push_str(&s.finish());
    oracle::check(&out, html);
});
