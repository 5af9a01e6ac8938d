//! The build tool as trunk and authors run it: files in, files and exit codes out.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn project(posts: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("public/posts/images")).unwrap();
    fs::write(
        dir.path().join("quire.toml"),
        "title = \"Test blog\"\nbase_url = \"https://example.com/blog/\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("public/posts/images/a.svg"), "<svg/>").unwrap();
    fs::write(dir.path().join("public/robots.txt"), "User-agent: *\n").unwrap();
    for (name, bytes) in posts {
        fs::write(dir.path().join("public/posts").join(name), bytes).unwrap();
    }
    dir
}

/// `root/out` holding a shell as trunk writes it, so a build prerenders pages into it.
fn shell_out(root: &Path) -> std::path::PathBuf {
    let out = root.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(
        out.join("index.html"),
        "<html><head><title>x</title></head><body></body></html>",
    )
    .unwrap();
    out
}

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quire-build"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("TRUNK_STAGING_DIR")
        .env_remove("TRUNK_PROFILE")
        .env_remove("TRUNK_SOURCE_DIR")
        .env_remove("TRUNK_PUBLIC_URL")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const GOOD: &[u8] = b"---\ntitle: Good\ndate: 2024-01-01\n---\nHello";
const SEED: &[u8] = include_bytes!("../../../public/posts/golang-vs-python-for-backend.md");

#[test]
fn build_writes_manifest_posts_and_static_files() {
    let p = project(&[("good.md", GOOD), ("golang-vs-python-for-backend.md", SEED)]);
    let out = shell_out(p.path());
    let o = run(
        p.path(),
        &["build", "--out", out.to_str().unwrap(), "--base", "/blog/"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: public/posts/golang-vs-python-for-backend.md:3: date \"2022-15-03 10:18:00\": month 15 does not exist"),
        "{err}"
    );
    assert!(
        err.contains("quire: 2 posts published, 0 errors, 2 warnings"),
        "{err}"
    );

    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["site"]["title"], "Test blog");
    assert_eq!(manifest["posts"][0]["slug"], "good");
    assert_eq!(manifest["posts"][1]["date_display"], "2022-15-03 10:18:00");
    assert_eq!(
        fs::read(out.join("posts/golang-vs-python-for-backend.md")).unwrap(),
        SEED
    );
    assert!(out.join("posts/images/a.svg").is_file());
    assert!(out.join("robots.txt").is_file());
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<meta name=\"quire-base\" content=\"/blog/\" />"),
        "{html}"
    );
    assert!(html.contains("<title>Test blog</title>"));

    // Every route prerendered by the app's own components, with the manifest embedded.
    assert!(
        html.contains("<div id=\"quire-root\">") && html.contains("id=\"quire-data\""),
        "{html}"
    );
    assert!(html.contains("href=\"/blog/posts/good/\""), "{html}");
    let article =
        fs::read_to_string(out.join("posts/golang-vs-python-for-backend/index.html")).unwrap();
    assert!(article.contains("<title>Golang vs Python for backend · Test blog</title>"));
    assert!(article.contains("If I must choose one for my every project"));
    assert!(article.contains("<link rel=\"canonical\" href=\"https://example.com/blog/posts/golang-vs-python-for-backend/\" />"));
    assert!(fs::read_to_string(out.join("404.html"))
        .unwrap()
        .contains("Page not found"));
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains("<link href=\"https://example.com/blog/posts/good/\" rel=\"alternate\""),
        "{feed}"
    );
    assert!(fs::read_to_string(out.join("sitemap.xml"))
        .unwrap()
        .contains("<loc>https://example.com/blog/posts/good/</loc>"));
    assert!(fs::read_to_string(out.join("robots.txt"))
        .unwrap()
        .starts_with("User-agent: *"));
    assert!(fs::read_to_string(out.join("_headers"))
        .unwrap()
        .contains("/blog/manifest.json\n  Cache-Control: public, max-age=0, must-revalidate"));
}

#[test]
fn embedded_data_cannot_close_its_script_tag() {
    let p = project(&[(
        "x.md",
        b"---\ntitle: \"</script><script>alert(1)</script>\"\n---\nx",
    )]);
    let out = shell_out(p.path());
    // A release build: a development one also loads the reload script of `make serve`.
    assert!(run(
        p.path(),
        &["build", "--release", "--out", out.to_str().unwrap()]
    )
    .status
    .success());
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the data block: {html}"
    );
    assert!(
        html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn check_fails_on_errors_and_strict_fails_on_warnings() {
    let p = project(&[("good.md", GOOD)]);
    assert!(run(p.path(), &["check"]).status.success());

    let p = project(&[("good.md", GOOD), ("golang-vs-python-for-backend.md", SEED)]);
    assert!(
        run(p.path(), &["check"]).status.success(),
        "warnings alone pass"
    );
    let strict = run(p.path(), &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));

    let p = project(&[("good.md", GOOD), ("bad.md", b"---\ntitle: [x\n---\n")]);
    let o = run(p.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: public/posts/bad.md:"),
        "{}",
        stderr(&o)
    );
    // The same broken post does not fail a build: the blog stays up.
    let out = p.path().join("out");
    let o = run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(out.join("posts/good.md").is_file());
    assert!(!out.join("posts/bad.md").exists());
}

#[test]
fn drafts_only_in_development_builds() {
    let p = project(&[
        ("good.md", GOOD),
        ("wip.md", b"---\ntitle: WIP\ndraft: true\n---\nx"),
    ]);
    let out = p.path().join("out");
    run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(!out.join("posts/wip.md").exists());
    assert!(!fs::read_to_string(out.join("manifest.json"))
        .unwrap()
        .contains("WIP"));
    let dev = p.path().join("dev");
    let o = run(
        p.path(),
        &["build", "--out", dev.to_str().unwrap(), "--drafts"],
    );
    assert!(stderr(&o).contains("1 draft shown"), "{}", stderr(&o));
    assert!(dev.join("posts/wip.md").exists());
    // Even in development, drafts stay out of the feed and the sitemap.
    assert!(!fs::read_to_string(dev.join("feed.xml"))
        .unwrap()
        .contains("WIP"));
    assert!(!fs::read_to_string(dev.join("sitemap.xml"))
        .unwrap()
        .contains("wip"));
    // …and out of the search index.
    assert!(!fs::read_to_string(dev.join("search/index.json"))
        .unwrap()
        .contains("WIP"));
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let p = project(&[("good.md", GOOD)]);
    let secret = p.path().join("secret.md");
    fs::write(&secret, "---\ntitle: Secret\n---\nkey").unwrap();
    std::os::unix::fs::symlink(&secret, p.path().join("public/posts/link.md")).unwrap();
    let out = p.path().join("out");
    let o = run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("warning: public/posts/link.md: symbolic links are not followed"),
        "{}",
        stderr(&o)
    );
    assert!(!fs::read_to_string(out.join("manifest.json"))
        .unwrap()
        .contains("Secret"));
}

#[test]
fn bad_usage_says_how() {
    let p = project(&[]);
    let o = run(p.path(), &["publish"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Usage: quire-build"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("publish"),
        "names what it did not understand"
    );
}

#[test]
fn broken_internal_links_and_images_are_warnings_that_strict_check_fails_on() {
    let p = project(&[
        ("good.md", GOOD),
        ("links.md", b"---\ntitle: Links\n---\n[ok](good.md) ![ok](images/a.svg)\n\n[gone](nope.md) ![gone](images/b.png)\n"),
    ]);
    let o = run(p.path(), &["check"]);
    assert!(o.status.success(), "warnings alone pass");
    let err = stderr(&o);
    assert!(err.contains("warning: public/posts/links.md:6: link \"nope.md\": there is no post at public/posts/nope.md"), "{err}");
    assert!(err.contains("warning: public/posts/links.md:6: image \"images/b.png\": public/posts/images/b.png does not exist"), "{err}");
    assert!(!err.contains("good.md\""), "{err}");
    assert_eq!(run(p.path(), &["check", "--strict"]).status.code(), Some(1));
}

#[test]
fn code_is_highlighted_once_at_build_and_shipped_beside_the_markdown() {
    let post = b"---\ntitle: Code\ndate: 2024-01-01\n---\n```rust\nfn main() {}\n```\n\n```klingon\nQapla'\n```\n";
    let p = project(&[("code.md", post), ("good.md", GOOD)]);
    let out = p.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(
        out.join("index.html"),
        "<html><head></head><body></body></html>",
    )
    .unwrap();
    let o = run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let data: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("posts/code.json")).unwrap()).unwrap();
    let code = data["code"].as_array().unwrap();
    assert_eq!(code.len(), 2, "one entry per block: {code:?}");
    assert_eq!(code[0][0], 2, "`fn` is the first run: {code:?}");
    assert_eq!(code[0][1], quire_core_class("hl-k"));
    assert_eq!(code[1], serde_json::json!([]), "unknown language: no runs");
    // A post without highlighted code ships no `code` field at all.
    let good: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("posts/good.json")).unwrap()).unwrap();
    assert!(good.get("code").is_none(), "{good}");
    let page = fs::read_to_string(out.join("posts/code/index.html")).unwrap();
    assert!(
        page.contains("<code class=\"language-rust\"><span class=\"hl-k\">fn</span> <span class=\"hl-f\">main</span>"),
        "{page}"
    );
}

fn quire_core_class(name: &str) -> usize {
    ["", "hl-c", "hl-k"]
        .iter()
        .position(|c| *c == name)
        .unwrap()
}

#[test]
fn the_search_index_finds_the_seed_post() {
    let p = project(&[("good.md", GOOD), ("golang-vs-python-for-backend.md", SEED)]);
    let out = p.path().join("out");
    let o = run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index: quire_core::search::Index =
        serde_json::from_str(&fs::read_to_string(out.join("search/index.json")).unwrap()).unwrap();
    for query in ["golang", "pyhton", "backend", "GOLANG python"] {
        let hits = index
            .search(
                &quire_core::search::Query {
                    text: query.into(),
                    ..Default::default()
                },
                10,
            )
            .hits;
        let first = hits
            .first()
            .map(|h| index.docs[h.doc as usize].slug.as_str());
        assert_eq!(first, Some("golang-vs-python-for-backend"), "{query}");
    }
    // The seed's date is invalid (month 15): no year to filter by, and never a guess.
    let seed = index
        .docs
        .iter()
        .find(|d| d.slug == "golang-vs-python-for-backend")
        .unwrap();
    assert_eq!(seed.year, None);
    // Its Markdown address is the article's (the same cached copy serves the snippet).
    assert_eq!(seed.hash.len(), 12, "{seed:?}");
}

/// A feed holds the newest 20 posts, site-wide and per tag, however many the blog has.
#[test]
fn feeds_hold_the_newest_twenty_posts() {
    let posts: Vec<(String, Vec<u8>)> = (1..=25)
        .map(|d| {
            let text =
                format!("---\ntitle: Day {d}\ndate: 2024-01-{d:02}\ntags: [daily]\n---\nText.\n");
            (format!("day-{d}.md"), text.into_bytes())
        })
        .collect();
    let files: Vec<(&str, &[u8])> = posts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let p = project(&files);
    let out = p.path().join("out");
    let o = run(p.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for feed in ["feed.xml", "tags/daily/feed.xml"] {
        let xml = fs::read(out.join(feed)).unwrap();
        let parsed = feed_rs::parser::parse(&xml[..]).unwrap();
        let titles: Vec<String> = parsed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.clone())
            .collect();
        assert_eq!(titles.len(), 20, "{feed}");
        assert_eq!(
            (titles[0].as_str(), titles[19].as_str()),
            ("Day 25", "Day 6"),
            "{feed}"
        );
    }
}

/// feed.xml read back by a feed parser, as a reader's app would: every published post with its
/// title, link, dates, author and content; the site's own fields; drafts absent.
#[test]
fn the_feed_parses_back_with_every_post() {
    let dated = b"---\ntitle: \"Fish & <chips>\"\ndate: 2024-03-02 09:30\nupdated: 2024-04-01\nauthor: Ann\ntags: [food, uk]\n---\nText with **bold** and [a link](./good.md).\n";
    let draft = b"---\ntitle: Secret\ndraft: true\ndate: 2024-05-01\n---\nHidden";
    let p = project(&[
        ("good.md", GOOD),
        ("fish.md", dated),
        ("golang-vs-python-for-backend.md", SEED),
        ("secret.md", draft),
    ]);
    let out = p.path().join("out");
    let o = run(
        p.path(),
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base",
            "/blog/",
            "--drafts",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let xml = fs::read(out.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&xml[..]).expect("feed.xml is a valid feed");
    assert_eq!(feed.title.unwrap().content, "Test blog");
    assert_eq!(feed.id, "https://example.com/blog/");
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let published: Vec<&serde_json::Value> = manifest["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["draft"].as_bool().unwrap_or(false))
        .collect();
    assert_eq!(published.len(), 3);
    assert_eq!(
        feed.entries.len(),
        published.len(),
        "every published post, no draft"
    );
    for (entry, post) in feed.entries.iter().zip(&published) {
        let slug = post["slug"].as_str().unwrap();
        let link = format!("https://example.com/blog/posts/{slug}/");
        assert_eq!(
            entry.title.as_ref().unwrap().content,
            post["title"].as_str().unwrap()
        );
        assert_eq!(entry.links[0].href, link);
        assert_eq!(entry.id, link);
        let content = entry.content.as_ref().unwrap().body.as_ref().unwrap();
        assert!(content.contains("<p>"), "{slug}: {content}");
        match post["date"].as_str() {
            Some(d) => assert!(
                entry.published.unwrap().to_rfc3339().starts_with(&d[..10]),
                "{slug}: {:?}",
                entry.published
            ),
            None => assert!(
                entry.published.is_none(),
                "the seed post's date is unreadable"
            ),
        }
    }
    let fish = feed
        .entries
        .iter()
        .find(|e| e.id.ends_with("/posts/fish/"))
        .unwrap();
    assert_eq!(fish.title.as_ref().unwrap().content, "Fish & <chips>");
    assert_eq!(fish.authors[0].name, "Ann");
    assert_eq!(
        fish.updated.unwrap().to_rfc3339(),
        "2024-04-01T00:00:00+00:00"
    );
    let tags: Vec<&str> = fish.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(tags, ["food", "uk"]);
    let content = fish.content.as_ref().unwrap().body.as_ref().unwrap();
    assert!(content.contains("<strong>bold</strong>"), "{content}");
    assert!(
        content.contains("href=\"https://example.com/blog/posts/good/\""),
        "links to other posts resolved, absolute for feed readers: {content}"
    );
}

/// Each tag has its own feed beside its page (`tags/<slug>/feed.xml`), holding that tag's
/// published posts only, and the tag's page names it for feed readers' autodiscovery.
#[test]
fn each_tag_has_its_own_feed() {
    let fish = b"---\ntitle: Fish\ndate: 2024-03-02\ntags: [food, uk]\n---\nFish.\n";
    let tea = b"---\ntitle: Tea\ndate: 2024-03-03\ntags: [uk]\n---\nTea.\n";
    let secret = b"---\ntitle: Secret\ndraft: true\ndate: 2024-05-01\ntags: [uk]\n---\nHidden";
    let p = project(&[("fish.md", fish), ("tea.md", tea), ("secret.md", secret)]);
    let out = shell_out(p.path());
    let o = run(
        p.path(),
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base",
            "/blog/",
            "--drafts",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let titles = |slug: &str| {
        let xml = fs::read(out.join(format!("tags/{slug}/feed.xml"))).unwrap();
        let feed = feed_rs::parser::parse(&xml[..]).expect("a valid feed");
        let titles: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().unwrap().content.clone())
            .collect();
        (feed.title.unwrap().content, titles)
    };
    let (title, uk) = titles("uk");
    assert_eq!(
        uk,
        ["Tea", "Fish"],
        "the tag's published posts, newest first"
    );
    assert!(title.contains("uk"), "{title}");
    assert_eq!(titles("food").1, ["Fish"]);
    let page = fs::read_to_string(out.join("tags/uk/index.html")).unwrap();
    assert!(
        page.contains("type=\"application/atom+xml\"")
            && page.contains("href=\"/blog/tags/uk/feed.xml\""),
        "{page}"
    );
}

#[test]
fn new_writes_a_dated_post_that_builds_and_never_overwrites() {
    let p = project(&[]);
    let o = run(p.path(), &["new", "Crème brûlée: a recipe"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let path = p.path().join("public/posts/creme-brulee-a-recipe.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"Crème brûlée: a recipe\"\ndate: 20"),
        "{text}"
    );
    assert!(text.contains("draft: true"));
    let check = run(p.path(), &["check", "--strict", "--drafts"]);
    assert!(
        check.status.success(),
        "the new post is valid: {}",
        stderr(&check)
    );
    let again = run(p.path(), &["new", "Crème brûlée: a recipe"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "not overwritten");
}

/// A bundle whose post is not published (a draft in a release build, or broken front matter)
/// publishes none of its files: a draft's images never leak.
#[test]
fn an_unpublished_bundle_publishes_none_of_its_files() {
    let p = project(&[("good.md", GOOD)]);
    let posts = p.path().join("public/posts");
    for (dir, text) in [
        (
            "secret",
            "---\ntitle: Secret\ndraft: true\n---\n![x](plan.png)",
        ),
        ("broken", "---\ntitle: Broken\n"),
        ("fine", "---\ntitle: Fine\n---\n![x](plan.png)"),
    ] {
        fs::create_dir_all(posts.join(dir)).unwrap();
        fs::write(posts.join(dir).join("index.md"), text).unwrap();
        fs::write(posts.join(dir).join("plan.png"), "png").unwrap();
    }
    let out = p.path().join("out");
    let o = run(
        p.path(),
        &["build", "--out", out.to_str().unwrap(), "--release"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("posts/fine/plan.png").exists());
    assert!(
        !out.join("posts/secret/plan.png").exists(),
        "a draft's file leaked"
    );
    assert!(!out.join("posts/broken/plan.png").exists());
    assert!(
        stderr(&o).contains("error: public/posts/broken/index.md:1:"),
        "{}",
        stderr(&o)
    );
}

/// Under a base path (`PUBLIC_URL=/blog/`) every address a moved-in blog needs carries it: a
/// bundle's image, a standalone page, the menu, an old address's redirect page and
/// `_redirects`, a section's index and feed.
#[test]
fn moved_in_blogs_work_under_a_base_path() {
    let p = project(&[]);
    let root = p.path();
    fs::write(
        root.join("quire.toml"),
        "title = \"T\"\nbase_url = \"https://example.com/blog/\"\n[[menu]]\nname = \"About\"\nurl = \"/about/\"\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("public/posts/notes/x")).unwrap();
    fs::write(
        root.join("public/posts/notes/x/index.md"),
        "---\ntitle: X\ndate: 2024-01-01\naliases: [/old/x/]\n---\n![c](c.png)",
    )
    .unwrap();
    fs::write(
        root.join("public/posts/notes/x/c.png"),
        fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/blogs/public/posts/hugo-leaf/cover.png"),
        )
        .unwrap(),
    )
    .unwrap();
    fs::create_dir_all(root.join("public/pages")).unwrap();
    fs::write(
        root.join("public/pages/about.md"),
        "---\ntitle: About\n---\nMe.",
    )
    .unwrap();
    let out = shell_out(root);
    let o = run(
        root,
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base",
            "/blog/",
            "--release",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |rel: &str| fs::read_to_string(out.join(rel)).unwrap();
    let post = read("posts/notes/x/index.html");
    assert!(
        post.contains("width=\"240\" height=\"120\" src=\"/blog/posts/notes/x/c.png\""),
        "{post}"
    );
    assert!(
        post.contains("<a href=\"/blog/about/\""),
        "the menu: {post}"
    );
    assert!(out.join("posts/notes/x/c.png").exists());
    assert!(read("about/index.html").contains("<h1 class=\"article-title\">About</h1>"));
    let old = read("old/x/index.html");
    assert!(
        old.contains("content=\"0; url=/blog/posts/notes/x/\""),
        "{old}"
    );
    assert!(
        old.contains("href=\"https://example.com/blog/posts/notes/x/\""),
        "{old}"
    );
    assert_eq!(
        read("_redirects"),
        "/blog/old/x/ /blog/posts/notes/x/ 301\n"
    );
    let section = read("posts/notes/index.html");
    assert!(
        section.contains("href=\"/blog/posts/notes/feed.xml\""),
        "{section}"
    );
    assert!(read("posts/notes/feed.xml").contains("https://example.com/blog/posts/notes/x/c.png"));
}

#[test]
fn release_builds_can_be_read_offline_and_installed_and_development_builds_cannot() {
    let p = project(&[("good.md", GOOD), ("golang-vs-python-for-backend.md", SEED)]);
    let out = shell_out(p.path());
    let o = run(
        p.path(),
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--release",
            "--base",
            "/blog/",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(out.join("posts/good/index.html")).unwrap();
    assert!(page.contains("<link rel=\"manifest\" href=\"/blog/manifest.webmanifest\">"));
    let worker = fs::read_to_string(out.join("sw.js")).unwrap();
    assert!(worker.contains("\"base\":\"/blog\""), "{worker}");
    assert!(worker.contains("\"404.html\""));
    let list: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("offline.json")).unwrap()).unwrap();
    let files: Vec<&str> = list["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    for f in [
        "posts/good.json",
        "posts/good.md",
        "posts/images/a.svg",
        "search/index.json",
        "index/1.json",
    ] {
        assert!(files.contains(&f), "{f} in {files:?}");
    }
    assert!(!files
        .iter()
        .any(|f| f.ends_with(".html") || f.ends_with(".xml")));
    let bytes: u64 = files
        .iter()
        .map(|f| fs::metadata(out.join(f)).unwrap().len())
        .sum();
    assert_eq!(list["bytes"].as_u64(), Some(bytes));
    assert_eq!(list["posts"].as_u64(), Some(2));
    let app: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.webmanifest")).unwrap())
            .unwrap();
    assert_eq!(app["name"], "Test blog");
    assert_eq!(app["start_url"], "/blog/");
    assert_eq!(app["scope"], "/blog/");
    let headers = fs::read_to_string(out.join("_headers")).unwrap();
    assert!(headers.contains("/blog/sw.js\n  Cache-Control: public, max-age=0, must-revalidate"));

    // A new post: a new version of the worker, so browsers pick up the new build.
    fs::write(p.path().join("public/posts/more.md"), GOOD).unwrap();
    let fresh = shell_out(&p.path().join("again"));
    run(
        p.path(),
        &["build", "--out", fresh.to_str().unwrap(), "--release"],
    );
    assert_ne!(fs::read_to_string(fresh.join("sw.js")).unwrap(), worker);

    // Development (make serve): no worker, nothing to install.
    let dev = shell_out(&p.path().join("dev"));
    run(p.path(), &["build", "--out", dev.to_str().unwrap()]);
    assert!(!dev.join("sw.js").exists() && !dev.join("manifest.webmanifest").exists());
    let page = fs::read_to_string(dev.join("posts/good/index.html")).unwrap();
    assert!(!page.contains("rel=\"manifest\""));
}

#[test]
fn the_preview_shows_a_post_exactly_as_the_build_publishes_it() {
    // No fenced code: the build highlights it, the preview (in the browser) does not.
    let text = "---\ntitle: \"Parity: lists & tables\"\ndate: 2024-03-05 09:30\ntags: [rust, web]\ndescription: One post, two renderings.\nauthor: Ann\n---\n## First\n\nSome *text*, a [link](https://example.com) and `code`.\n\n### Deeper\n\n- one\n- two\n\n> [!NOTE]\n> A callout.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![A picture](images/a.svg)\n\n## Second\n\nMore.[^1]\n\n[^1]: A note.\n";
    let p = project(&[("parity.md", text.as_bytes())]);
    let out = shell_out(p.path());
    let o = run(
        p.path(),
        &["build", "--out", out.to_str().unwrap(), "--release"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = fs::read_to_string(out.join("posts/parity/index.html")).unwrap();
    let published = quire_preview::main_of(&page);
    let (site, _) = quire_core::site::parse(
        "quire.toml",
        &fs::read_to_string(p.path().join("quire.toml")).unwrap(),
    );
    let preview = quire_preview::preview("parity.md", text, site, "");
    assert!(published.contains("<h1 class=\"article-title\">Parity: lists &amp; tables</h1>"));
    assert_eq!(preview.main, published);
}

/// Every page's text outside `<pre>`, `<code>` and `<script>` (data): where template code must
/// never show.
fn prose_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        let next = ["<pre", "<code", "<script"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, *t)))
            .min();
        let Some((i, tag)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..i]);
        let close = format!("</{}>", &tag[1..]);
        rest = rest[i..]
            .find(&close)
            .map_or("", |j| &rest[i + j + close.len()..]);
    }
}

fn html_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html" || e == "xml") {
            found.push(path);
        }
    }
}

#[test]
fn moved_in_posts_show_no_template_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/blogs");
    let tmp = tempfile::tempdir().unwrap();
    let out = shell_out(tmp.path());
    let o = run(
        &root,
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base",
            "/blog/",
            "--release",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stderr(&o);
    // What cannot be honoured is said, with file and line.
    assert!(said.contains("warning: public/posts/_posts/2016-10-06-jekyll-3-3-is-here.md:50: liquid \"{% include docs_contents.html %}\""), "{said}");
    assert!(said.contains("2015-02-26-introducing-jekyll-talk.md:12: liquid \"{% for post in site.posts limit: 3 %}\": a loop"), "{said}");
    let mut pages = Vec::new();
    html_files(&out, &mut pages);
    assert!(pages.len() > 20);
    for page in &pages {
        let mut text = fs::read_to_string(page).unwrap();
        if page.extension().is_some_and(|e| e == "xml") {
            // A feed's content is HTML, escaped once more.
            text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        }
        // What a reader sees: text with its entities read.
        let text = prose_of(&text).replace("&lt;", "<").replace("&gt;", ">");
        for code in ["{%", "{{<", "{{%", "{{ "] {
            assert!(!text.contains(code), "{code} in {}", page.display());
        }
    }
    let read = |rel: &str| fs::read_to_string(out.join(rel)).unwrap();
    // Jekyll: links to pages and posts under the base path, Liquid's values, highlighted code.
    let jekyll = read("posts/jekyll-3-3-is-here/index.html");
    assert!(
        jekyll.contains("<a href=\"/blog/docs/themes/\">themes documentation</a>"),
        "{jekyll}"
    );
    assert!(jekyll.contains("<a href=\"/blog/docs/templates/\">templates documentation</a>"));
    assert!(jekyll.contains("<a href=\"/blog/posts/introducing-jekyll-talk/\">Jekyll Talk</a>"));
    assert!(
        jekyll
            .contains("<a href=\"/blog/posts/jekyll-3-3-is-here/\">/posts/jekyll-3-3-is-here/</a>"),
        "{jekyll}"
    );
    assert!(jekyll.contains("https://blogs.example/feed.xml"));
    assert!(jekyll.contains("Released October 6, 2016"));
    assert!(jekyll.contains("<code>{{ site.url }}</code>"));
    assert!(
        jekyll.contains("{{ \"/about/\" | relative_url }}"),
        "raw's content as written"
    );
    assert!(jekyll.contains("language-ruby"));
    assert!(
        jekyll.contains("<span class=\"hl-t\">Jekyll</span>::<span class=\"hl-t\">Hooks</span>"),
        "highlighted"
    );
    // Hugo: the figure sized at build, the video a link to the player, ref, param, a custom
    // shortcode as a callout, details.
    let hugo = read("posts/hugo-shortcodes/index.html");
    assert!(hugo.contains("<figure><img width=\"240\" height=\"120\" src=\"/blog/posts/hugo-shortcodes/workflow.png\" alt=\"A diagram of the workflow\"><figcaption><h4>The workflow</h4><p>How a post moves from <em>draft</em> to published <a href=\"https://ann.example/\">Ann Example</a></p></figcaption></figure>"), "{hugo}");
    assert!(hugo.contains("<figure data-embed=\"youtube\"><a href=\"https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?autoplay=1\">Play the video on YouTube</a></figure>"));
    assert!(hugo.contains("player.vimeo.com/video/146022717"));
    assert!(hugo.contains("<a href=\"/blog/posts/hugo-leaf/\">the leaf bundle</a>"));
    assert!(hugo.contains("<a href=\"/blog/posts/blog/charts/\">charts post</a>"));
    assert!(hugo.contains("Today's mood is cheerful, and the site's author is Ann Example."));
    assert!(hugo.contains("callout-tip"), "{hugo}");
    assert!(hugo.contains("<details><summary>What about <em>gists</em>?</summary>"));
    assert!(hugo.contains("https://gist.github.com/spf13/7896402"));
    assert!(hugo.contains("https://x.com/SanDiegoZoo/status/1453110110599868418"));
    // Zola: the built-in video, the theme's paired shortcode from quire.toml.
    let zola = read("posts/zola-shortcodes/index.html");
    assert!(zola.contains("youtube-nocookie.com/embed/dQw4w9WgXcQ"));
    assert!(zola.contains("streamable.com/e/2cdno"));
    assert!(zola.contains("<p>— Vincent Prouillet</p>"), "{zola}");
    // A documentation post's code shows the syntax, escapes undone.
    let docs = read("posts/writing-shortcodes/index.html");
    assert!(
        docs.contains("{{&lt; figure src=\"/img/y.png\" &gt;}}"),
        "{docs}"
    );
    assert!(docs.contains("<code>{{&lt; youtube w7Ft2ymGmfc &gt;}}</code>"));
    assert!(
        docs.contains("<code>{{ youtube(id=\"abc\") }}</code>"),
        "{docs}"
    );
    assert!(docs.contains("{% link _posts/2016-10-06-jekyll-3-3-is-here.md %}"));
    // The players' origins are framed, and only on this site.
    assert!(jekyll.contains("frame-src http://127.0.0.1:4191 https://www.youtube-nocookie.com https://player.vimeo.com https://streamable.com;"), "{jekyll}");
    // The app fetches the published text: expanded too. So do the feed and search.
    let md = read("posts/hugo-shortcodes.md");
    assert!(!md.contains("{{<") && md.contains("data-embed"), "{md}");
    let index = read("search/index.json");
    assert!(!index.contains("{{<") && !index.contains("{%"));
}

#[test]
fn the_preview_expands_shortcodes_as_the_build_does() {
    let text = "---\ntitle: Shorts\ndate: 2024-03-05\n---\n{{% note %}}\nA *note*.\n{{% /note %}}\n\n{{< youtube w7Ft2ymGmfc >}}\n\nSee [the other]({{< ref \"other\" >}}) and [again](other.md), by {{< param who >}}.\n\n{{< unknown >}}x{{< /unknown >}}\n";
    let p = project(&[
        ("shorts.md", text.as_bytes()),
        ("other.md", b"---\ntitle: Other\nslug: elsewhere\n---\nHi"),
    ]);
    fs::write(
        p.path().join("quire.toml"),
        "title = \"T\"\n[params]\nwho = \"Ann\"\n[shortcodes.note]\nmarkdown = \"> [!NOTE]\\n> {{ inner }}\"\n",
    )
    .unwrap();
    let out = shell_out(p.path());
    let o = run(
        p.path(),
        &["build", "--out", out.to_str().unwrap(), "--release"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let published = fs::read_to_string(out.join("posts/shorts/index.html")).unwrap();
    assert!(
        published.contains("<a href=\"/posts/elsewhere/\">the other</a>"),
        "{published}"
    );
    // The preview's page carries what the worker needs: the site's shortcodes and posts.
    let page = fs::read_to_string(out.join("preview/index.html")).unwrap();
    let json = page
        .split("<script type=\"application/json\" id=\"quire-templates\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let templates: quire_core::manifest::Templates = serde_json::from_str(json).unwrap();
    let (mut site, _) = quire_core::site::parse(
        "quire.toml",
        &fs::read_to_string(p.path().join("quire.toml")).unwrap(),
    );
    site.templates = templates;
    let preview = quire_preview::preview("shorts.md", text, site, "");
    // The article's body (the preview has no neighbours to link to).
    let prose = |html: &str| {
        let start = html.find("class=\"prose\"").unwrap();
        html[start..start + html[start..].find("</div><footer").unwrap()].to_string()
    };
    assert_eq!(prose(&preview.main), prose(&published));
    let said: Vec<String> = preview.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("warning: public/posts/shorts.md:13: shortcode \"{{< unknown >}}\""),
        "{said:?}"
    );
    assert!(stderr(&o).contains(&said[0]), "the build says the same");
}

/// The English and French fixture blog, built under /blog/ into a shell as trunk writes one.
#[test]
fn a_blog_in_two_languages_is_two_sites_linked_by_their_translations() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/languages");
    let dir = tempfile::tempdir().unwrap();
    let out = shell_out(dir.path());
    let o = run(
        &fixture,
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--base",
            "/blog/",
            "--release",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("10 posts published, 0 errors, 0 warnings"),
        "{}",
        stderr(&o)
    );
    let read = |rel: &str| fs::read_to_string(out.join(rel)).unwrap();
    let fr = read("fr/posts/voyage-en-train/index.html");
    assert!(fr.starts_with("<html lang=\"fr\">"), "{fr}");
    assert!(
        fr.contains("<meta name=\"quire-base\" content=\"/blog/fr/\" />"),
        "{fr}"
    );
    for link in [
        "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://notes.example/blog/fr/posts/voyage-en-train/\" />",
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://notes.example/blog/posts/train-journey/\" />",
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://notes.example/blog/posts/train-journey/\" />",
    ] {
        assert!(fr.contains(link), "{link} in {fr}");
    }
    assert!(fr.contains("<a href=\"/blog/posts/train-journey/\" hreflang=\"en\" lang=\"en\" rel=\"alternate external\">English</a>"), "{fr}");
    assert!(
        fr.contains("<title>Un long voyage en train · Carnet de terrain</title>"),
        "{fr}"
    );
    // Each language's data holds its posts only; a site in one language would hold the same
    // files as before, at the root.
    let en: serde_json::Value = serde_json::from_str(&read("manifest.json")).unwrap();
    let fr: serde_json::Value = serde_json::from_str(&read("fr/manifest.json")).unwrap();
    let titles = |m: &serde_json::Value| -> Vec<String> {
        m["posts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&en).len(), 5, "{:?}", titles(&en));
    assert_eq!(titles(&fr).len(), 5, "{:?}", titles(&fr));
    assert!(titles(&fr).contains(&"Une note seulement en français".to_string()));
    assert_eq!(fr["site"]["language"], "fr");
    assert!(!read("index.html").contains("Bonjour"));
    assert!(read("index.html").starts_with("<html lang=\"en\">"));
    // The bundle's picture is published once, at the root, and both languages show it.
    assert!(out.join("posts/trip/photo.png").exists());
    assert!(!out.join("fr/posts/trip/photo.png").exists());
    assert!(read("fr/posts/trip/index.html").contains("src=\"/blog/posts/trip/photo.png\""));
    assert!(read("fr/feed.xml").contains("Un voyage sur la côte"));
    assert!(!read("fr/feed.xml").contains("A trip to the coast"));
    assert!(read("robots.txt").contains("Sitemap: https://notes.example/blog/fr/sitemap.xml"));
    // Standalone pages' translations are in the sitemap too.
    assert!(
        read("fr/sitemap.xml").contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://notes.example/blog/about/\"/>"),
        "{}",
        read("fr/sitemap.xml")
    );

    // Search: each language's index holds its posts; "all languages" beside it holds every
    // one, the others' linked to their own site.
    let index = |rel: &str| -> Vec<(String, String)> {
        let v: serde_json::Value = serde_json::from_str(&read(rel)).unwrap();
        v["docs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let at = d["at"].as_str().unwrap_or_default().to_string();
                (d["title"].as_str().unwrap().to_string(), at)
            })
            .collect()
    };
    let fr_only = index("fr/search/index.json");
    assert!(fr_only.iter().all(|(_, at)| at.is_empty()));
    assert!(!fr_only.iter().any(|(t, _)| t == "Hello, world"));
    let fr_all = index("fr/search/all.json");
    assert!(
        fr_all.contains(&("Hello, world".into(), "/blog".into())),
        "{fr_all:?}"
    );
    assert!(
        fr_all.contains(&("Bonjour le monde".into(), String::new())),
        "{fr_all:?}"
    );
    assert!(index("search/all.json").contains(&("Bonjour le monde".into(), "/blog/fr".into())));

    // Saving offline: each language's part of the list, the shared files in both.
    let list: serde_json::Value = serde_json::from_str(&read("offline.json")).unwrap();
    let part = |dir: &str| -> Vec<String> {
        let l = list["languages"].as_array().unwrap();
        let p = l.iter().find(|p| p["dir"] == dir).unwrap();
        p["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect()
    };
    let (en_files, fr_files) = (part(""), part("fr"));
    assert!(
        en_files.contains(&"posts/hello.json".to_string()),
        "{en_files:?}"
    );
    assert!(
        !en_files.iter().any(|f| f.starts_with("fr/")),
        "{en_files:?}"
    );
    assert!(
        fr_files.contains(&"fr/posts/hello.json".to_string()),
        "{fr_files:?}"
    );
    assert!(
        !fr_files.contains(&"posts/hello.json".to_string()),
        "{fr_files:?}"
    );
    // The bundle's picture, published once for both.
    let photo = "posts/trip/photo.png".to_string();
    assert!(en_files.contains(&photo) && fr_files.contains(&photo));

    // The preview page carries each language's settings for its worker.
    let preview = read("preview/index.html");
    assert!(
        preview
            .contains("<script type=\"application/json\" id=\"quire-languages\">[{\"code\":\"en\""),
        "{preview}"
    );
    assert!(preview.contains("\"title\":\"Carnet de terrain\""));
}

#[test]
fn language_mistakes_are_reported_with_file_and_reason() {
    let p = project(&[
        ("a.md", b"---\ntitle: A\n---\nx" as &[u8]),
        ("a.de.md", b"---\ntitle: A auf Deutsch\n---\nx"),
        ("solo.fr.md", b"---\ntitle: Solo\n---\nx"),
        ("v1.2.md", b"---\ntitle: Version\n---\nx"),
    ]);
    fs::write(
        p.path().join("quire.toml"),
        "title = \"T\"\n[languages.fr]\n[languages.Deutsch]\n",
    )
    .unwrap();
    // A page at the French site's address.
    fs::create_dir_all(p.path().join("public/pages")).unwrap();
    fs::write(
        p.path().join("public/pages/fr.md"),
        "---\ntitle: FR\n---\nx",
    )
    .unwrap();
    let o = run(p.path(), &["check"]);
    let err = stderr(&o);
    assert!(
        err.contains("[languages.Deutsch] `Deutsch` is not a language code"),
        "{err}"
    );
    assert!(
        err.contains("public/posts/a.de.md: `.de` in the file name looks like a language"),
        "{err}"
    );
    assert!(
        err.contains(
            "public/posts/solo.fr.md: is a fr translation of a post that does not exist in en"
        ),
        "{err}"
    );
    assert!(!err.contains("v1.2.md"), "{err}");
    assert!(
        err.contains("public/pages/fr.md: slug \"fr\": already used by the Français site at /fr/"),
        "{err}"
    );
    assert!(err.contains("4 posts published"), "{err}");
}
