//! A few arbitrary posts through the whole site build: no panic, unique slugs, and the manifest
//! survives a JSON round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::manifest::{Manifest, Site};
use quire_core::post::SourceFile;
use quire_core::site_build::build_site;

fuzz_target!(|data: &[u8]| {
    let files: Vec<SourceFile> = data
        .split(|b| *b == 0)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| SourceFile {
            display_path: format!("public/posts/p{i}.md"),
            rel_path: format!("posts/p{i}.md"),
            bytes: bytes.to_vec(),
        })
        .collect();
    let drafts = data.first().is_some_and(|b| b & 1 == 1);
    let build = build_site(&files, Site::default(), drafts);
    let mut slugs: Vec<_> = build.manifest.posts.iter().map(|p| p.slug.clone()).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), build.manifest.posts.len(), "duplicate slugs");
    let json = serde_json::to_string(&build.manifest).unwrap();
    let back: Manifest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, build.manifest);
});
