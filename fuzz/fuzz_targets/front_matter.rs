//! Any bytes as a post: reading it never panics, and a published post's fields hold together.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::post::{read_post, SourceFile};

fuzz_target!(|data: &[u8]| {
    let file = SourceFile {
        display_path: "public/posts/fuzz.md".into(),
        rel_path: "posts/fuzz.md".into(),
        bytes: data.to_vec(),
    };
    let site = quire_core::manifest::Site::default();
    let sources = quire_core::shortcodes::Sources::default();
    let cx = quire_core::shortcodes::Context {
        site: &site,
        sources: &sources,
    };
    let (post, diags) = read_post(&file, &cx);
    for d in &diags {
        assert!(!d.reason.is_empty());
        let _ = d.to_string();
    }
    if let Some(p) = post {
        assert!(!p.entry.slug.is_empty());
        assert!(quire_core::slug::is_slug(&p.entry.slug) || p.entry.slug.starts_with("post-"));
        assert!(!p.entry.title.is_empty());
        assert!(p.entry.reading_minutes >= 1);
    }
});
