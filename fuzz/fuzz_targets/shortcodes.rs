//! Any post body through the template expansion, with a site that defines its own shortcodes:
//! no panic, bounded output, and the expanded text rendered by the pipeline passes the oracle
//! (nothing a shortcode makes can run script).
#![no_main]
use libfuzzer_sys::fuzz_target;
use quire_core::render_options::RenderOptions;
use quire_core::shortcodes::{expand, Context, Page, Sources};

#[path = "oracle.rs"]
mod oracle;

fuzz_target!(|body: &str| {
    let mut site = quire_core::manifest::Site::default();
    site.templates.shortcodes = vec![
        ("twice".into(), "{{ inner }}{{ inner }}".into()),
        ("note".into(), "> [!{{ 0 | upcase }}]\n> {{ inner }}".into()),
        ("tag".into(), "<a href=\"{{ href }}\">{{ inner }}</a>".into()),
    ];
    let sources = Sources::new(["posts/a.md", "posts/_posts/2020-01-01-b.md", "pages/about.md"]);
    let cx = Context { site: &site, sources: &sources };
    let fields = serde_json::Map::new();
    let page = Page {
        path: "public/posts/fuzz.md",
        source_dir: "posts",
        body_line: 1,
        fields: &fields,
        title: "t",
        date: None,
        url: "/posts/fuzz/".into(),
    };
    if let Some(e) = expand(body, &cx, &page) {
        assert!(e.text.len() <= body.len() * 8 + (40 << 20));
        let html = quire_core::markdown::render(&e.text, &RenderOptions::default()).html;
        oracle::check(&html, body);
    }
});
