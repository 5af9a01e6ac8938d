//! Reading posts: both front-matter formats, dates, slugs, and the bad-input catalogue. Each bad
//! file gets one clear diagnostic (file, line where known, field, value, reason) and never
//! takes the other posts down.

use quire_core::diagnostics::{Diagnostic, Severity};
use quire_core::manifest::Site;
use quire_core::post::{self, SourceFile};
use quire_core::shortcodes::{Context, Sources};
use quire_core::site_build::{build_site, SiteBuild};

const SEED: &[u8] = include_bytes!("../../../public/posts/golang-vs-python-for-backend.md");

fn file(name: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        display_path: format!("public/posts/{name}"),
        rel_path: format!("posts/{name}"),
        bytes: bytes.to_vec(),
    }
}

/// One post read on its own, in a site with the default settings.
fn read_post(file: &SourceFile) -> (Option<post::Post>, Vec<Diagnostic>) {
    let site = Site::default();
    let sources = Sources::default();
    let cx = Context {
        site: &site,
        sources: &sources,
    };
    post::read_post(file, &cx)
}

fn read(name: &str, text: &str) -> (Option<quire_core::post::Post>, Vec<Diagnostic>) {
    read_post(&file(name, text.as_bytes()))
}

fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(
        diags.len(),
        1,
        "expected exactly one diagnostic, got {diags:#?}"
    );
    &diags[0]
}

fn build(files: &[SourceFile]) -> SiteBuild {
    build_site(files, Site::default(), false)
}

#[test]
fn the_seed_post_is_published_with_its_date_as_written_and_a_clear_warning() {
    let (post, diags) = read_post(&file("golang-vs-python-for-backend.md", SEED));
    let post = post.expect("published");
    let e = &post.entry;
    assert_eq!(e.title, "Golang vs Python for backend");
    assert_eq!(e.slug, "golang-vs-python-for-backend");
    assert_eq!(e.date, None, "an invalid date is never guessed");
    assert_eq!(e.date_written.as_deref(), Some("2022-15-03 10:18:00"));
    assert_eq!(e.date_display.as_deref(), Some("2022-15-03 10:18:00"));
    assert_eq!(
        e.description.as_deref(),
        Some("The ultimate fight between the two: Python or Goland for backend")
    );
    assert!(e.words > 300 && e.reading_minutes == 2, "{} words", e.words);
    assert_eq!(post.text.as_bytes(), SEED, "published byte for byte");

    let date = diags
        .iter()
        .find(|d| d.field.as_deref() == Some("date"))
        .unwrap();
    assert_eq!(date.severity, Severity::Warning);
    assert_eq!(date.line, Some(3));
    assert_eq!(date.value.as_deref(), Some("2022-15-03 10:18:00"));
    let shown = date.to_string();
    assert!(
        shown.starts_with("warning: public/posts/golang-vs-python-for-backend.md:3: date \"2022-15-03 10:18:00\": month 15 does not exist"),
        "{shown}"
    );
    assert!(shown.contains("shown as written"), "{shown}");
    // The description's unquoted `: ` is strict-YAML-invalid; it is read as text, with a warning.
    let desc = diags
        .iter()
        .find(|d| d.field.as_deref() == Some("description"))
        .unwrap();
    assert_eq!((desc.severity, desc.line), (Severity::Warning, Some(4)));
    assert_eq!(diags.len(), 2, "{diags:#?}");
}

#[test]
fn yaml_front_matter_with_every_field() {
    let (post, diags) = read(
        "x.md",
        "---\ntitle: \"Hello: world\"\ndate: 2024-05-01 09:30\nupdated: 2024-06-01\ndescription: Hi\ntags: [Rust, web, Rust]\ndraft: false\nslug: hello\nauthor: Ada\nlayout: post\n---\nBody text.\n",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let e = post.unwrap().entry;
    assert_eq!(e.title, "Hello: world");
    assert_eq!(e.date.as_deref(), Some("2024-05-01T09:30:00"));
    assert_eq!(e.date_display.as_deref(), Some("1 May 2024"));
    assert_eq!(e.updated.as_deref(), Some("2024-06-01"));
    assert_eq!(
        e.tags,
        ["Rust", "web"],
        "duplicates dropped, unknown fields ignored"
    );
    assert_eq!(
        (e.slug.as_str(), e.authors.as_slice()),
        ("hello", ["Ada".to_string()].as_slice())
    );
    assert_eq!(e.summary, "Hi", "the description is the summary");
}

#[test]
fn toml_front_matter() {
    let (post, diags) = read(
        "t.md",
        "+++\ntitle = \"TOML post\"\ndate = 2025-01-29T18:15:32+05:30\ntags = [\"a\", \"b\"]\ndraft = false\n[extra]\nx = 1\n+++\nFirst paragraph.\n\nSecond.\n",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let e = post.unwrap().entry;
    assert_eq!(e.title, "TOML post");
    assert_eq!(e.date.as_deref(), Some("2025-01-29T18:15:32+05:30"));
    assert_eq!(e.tags, ["a", "b"]);
    assert_eq!(e.summary, "First paragraph.");
}

#[test]
fn every_date_form_users_write() {
    for (raw, iso) in [
        ("2022-03-15", "2022-03-15"),
        ("2022-03-15 10:18:00", "2022-03-15T10:18:00"),
        ("2025-01-29 18:15:32 +0530", "2025-01-29T18:15:32+05:30"),
        ("2022-03-15T10:18:00Z", "2022-03-15T10:18:00+00:00"),
        ("\"2022-03-15T10:18:00-07:00\"", "2022-03-15T10:18:00-07:00"),
    ] {
        let (post, diags) = read("d.md", &format!("---\ntitle: D\ndate: {raw}\n---\nx"));
        assert!(diags.is_empty(), "{raw}: {diags:#?}");
        assert_eq!(post.unwrap().entry.date.as_deref(), Some(iso), "{raw}");
    }
}

#[test]
fn every_invalid_date_is_a_warning_and_the_post_stays() {
    for (raw, reason) in [
        ("2022-15-03", "month 15 does not exist"),
        ("2022-03-32", "day 32 does not exist"),
        ("2022-02-30", "February 2022 has 28 days"),
        ("last tuesday", "not a date"),
        ("15/03/2022", "not a date"),
    ] {
        let (post, diags) = read("d.md", &format!("---\ntitle: D\ndate: {raw}\n---\nx"));
        let e = post.expect("still published").entry;
        assert_eq!(e.date, None);
        assert_eq!(e.date_display.as_deref(), Some(raw));
        let d = only(&diags);
        assert_eq!((d.severity, d.line), (Severity::Warning, Some(3)));
        assert!(d.reason.contains(reason), "{raw}: {}", d.reason);
    }
}

#[test]
fn jekyll_file_names_give_date_and_slug() {
    let (post, diags) = read("2024-05-01-hello-world.md", "---\ntitle: Hi\n---\nx");
    assert!(diags.is_empty());
    let e = post.unwrap().entry;
    assert_eq!(e.slug, "hello-world");
    assert_eq!(e.date.as_deref(), Some("2024-05-01"));
    // The front matter's date wins over the file name's.
    let (post, _) = read(
        "2024-05-01-hello-world.md",
        "---\ntitle: Hi\ndate: 2023-01-02\n---\nx",
    );
    assert_eq!(post.unwrap().entry.date.as_deref(), Some("2023-01-02"));
}

#[test]
fn no_front_matter_publishes_with_a_title_from_the_first_heading_or_file_name() {
    let (post, diags) = read("plain.md", "# A plain post\n\nText.");
    assert_eq!(post.unwrap().entry.title, "A plain post");
    let d = only(&diags);
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.reason.starts_with("no front matter"), "{}", d.reason);

    let (post, _) = read("my first post.md", "Just text.");
    let e = post.unwrap().entry;
    assert_eq!(
        (e.title.as_str(), e.slug.as_str()),
        ("My first post", "my-first-post")
    );
}

#[test]
fn unterminated_front_matter_is_an_error_and_skips_the_post() {
    let (post, diags) = read("u.md", "---\ntitle: U\n\nBody with no closing line");
    assert!(post.is_none());
    let d = only(&diags);
    assert_eq!((d.severity, d.line), (Severity::Error, Some(1)));
    assert!(d.reason.contains("never closed"), "{}", d.reason);
}

#[test]
fn invalid_yaml_is_an_error_with_its_line() {
    let (post, diags) = read("y.md", "---\ntitle: Y\ntags: [a, b\ndraft: true\n---\nx");
    assert!(
        post.is_none(),
        "unreadable front matter might hide draft: true"
    );
    let d = only(&diags);
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.reason.starts_with("invalid YAML front matter"),
        "{}",
        d.reason
    );
    assert!(d.line.is_some_and(|l| (3..=5).contains(&l)), "{d:?}");
}

#[test]
fn invalid_toml_is_an_error_with_its_line() {
    let (post, diags) = read("t.md", "+++\ntitle = \"T\"\ndate = 2022-15-03\n+++\nx");
    assert!(post.is_none());
    let d = only(&diags);
    assert_eq!((d.severity, d.line), (Severity::Error, Some(3)));
    assert!(
        d.reason.starts_with("invalid TOML front matter"),
        "{}",
        d.reason
    );
}

#[test]
fn wrong_types_are_named() {
    let (post, diags) = read("w.md", "---\ntitle: [a]\ntags: 5\n---\n# Heading\n");
    let e = post.expect("published with fallbacks").entry;
    assert_eq!(e.title, "Heading");
    assert!(e.tags.is_empty());
    let title = diags
        .iter()
        .find(|d| d.reason.contains("`title` must be text, not a list"))
        .unwrap();
    assert_eq!((title.line, title.severity), (Some(2), Severity::Error));
    assert!(
        title.reason.contains("published as \"Heading\""),
        "{}",
        title.reason
    );
    let tags = diags
        .iter()
        .find(|d| d.field.as_deref() == Some("tags"))
        .unwrap();
    assert!(tags.reason.contains("not a number"), "{}", tags.reason);
    assert_eq!(tags.line, Some(3));
    assert_eq!(diags.len(), 2, "one diagnostic per problem: {diags:#?}");
}

#[test]
fn an_empty_or_missing_title_is_an_error_but_the_post_is_kept() {
    for fm in ["title: \"\"", "title:", "description: no title here"] {
        let (post, diags) = read(
            "2024-01-02-empty-title.md",
            &format!("---\n{fm}\n---\ntext"),
        );
        assert_eq!(post.expect("kept").entry.title, "Empty title");
        let d = only(&diags);
        assert_eq!(d.severity, Severity::Error);
        assert!(d.reason.contains("a title is required"), "{}", d.reason);
    }
}

#[test]
fn non_utf8_bytes_are_an_error_and_the_rest_is_kept() {
    let mut bytes = b"---\ntitle: Latin-1\n---\ncaf".to_vec();
    bytes.push(0xe9); // é in Latin-1
    bytes.extend_from_slice(b" au lait\n");
    let (post, diags) = read_post(&file("l.md", &bytes));
    let post = post.expect("published");
    assert!(post.text.contains("caf\u{fffd} au lait"));
    let d = only(&diags);
    assert_eq!((d.severity, d.line), (Severity::Error, Some(4)));
    assert!(d.reason.contains("not valid UTF-8"));
}

#[test]
fn bom_and_crlf_are_fine() {
    let (post, diags) = read(
        "b.md",
        "\u{feff}---\r\ntitle: BOM\r\ndate: 2024-01-01\r\n---\r\nText\r\n",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let post = post.unwrap();
    assert_eq!(post.entry.title, "BOM");
    assert_eq!(post.entry.date.as_deref(), Some("2024-01-01"));
    assert!(!post.text.starts_with('\u{feff}'));
}

#[test]
fn an_empty_file_is_skipped_with_an_error() {
    for text in ["", "  \n\n"] {
        let (post, diags) = read("e.md", text);
        assert!(post.is_none());
        assert!(only(&diags).reason.contains("the file is empty"));
    }
}

#[test]
fn a_five_megabyte_post_is_fine() {
    let body = "A paragraph of reasonably long text for a big post.\n\n".repeat(100_000);
    assert!(body.len() > 5_000_000);
    let (post, diags) = read("big.md", &format!("---\ntitle: Big\n---\n{body}"));
    assert!(diags.is_empty());
    assert_eq!(post.unwrap().entry.words, 1_000_000);
}

#[test]
fn unsafe_slugs_are_cleaned_with_a_warning() {
    for (slug, clean) in [
        ("a/b", "a-b"),
        ("../../etc/passwd", "etc-passwd"),
        ("with spaces", "with-spaces"),
        ("Crème Brûlée", "creme-brulee"),
    ] {
        let (post, diags) = read("s.md", &format!("---\ntitle: S\nslug: \"{slug}\"\n---\nx"));
        assert_eq!(post.unwrap().entry.slug, clean);
        let d = only(&diags);
        assert_eq!((d.severity, d.line), (Severity::Warning, Some(3)));
    }
    let (post, diags) = read("file name.md", "---\ntitle: S\nslug: \"///\"\n---\nx");
    assert_eq!(post.unwrap().entry.slug, "file-name");
    assert!(only(&diags).reason.contains("no letters or digits"));
}

#[test]
fn draft_values() {
    let (post, diags) = read("d.md", "---\ntitle: D\ndraft: true\n---\nx");
    assert!(post.unwrap().entry.draft && diags.is_empty());
    let (post, diags) = read("d.md", "---\ntitle: D\ndraft: maybe\n---\nx");
    assert!(post.unwrap().entry.draft, "unclear means draft, to be safe");
    assert!(only(&diags).reason.contains("treated as a draft"));
}

#[test]
fn one_broken_post_never_takes_the_others_down() {
    let files = vec![
        file(
            "a-good.md",
            b"---\ntitle: Good\ndate: 2024-01-01\n---\nGood body",
        ),
        file("b-broken.md", b"---\ntitle: [unclosed\n---\nx"),
        file("c-unterminated.md", b"---\ntitle: U\n"),
        file("d-empty.md", b""),
        file("golang-vs-python-for-backend.md", SEED),
        file("e-newer.md", b"---\ntitle: Newer\ndate: 2025-01-01\n---\nx"),
        file("f-undated.md", b"---\ntitle: Undated\n---\nx"),
    ];
    let b = build(&files);
    let titles: Vec<_> = b.manifest.posts.iter().map(|p| p.title.as_str()).collect();
    // Newest first; posts without a valid date after the dated ones.
    assert_eq!(
        titles,
        ["Newer", "Good", "Golang vs Python for backend", "Undated"]
    );
    let errors: Vec<_> = b
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "public/posts/b-broken.md",
            "public/posts/c-unterminated.md",
            "public/posts/d-empty.md"
        ]
    );
}

#[test]
fn duplicate_slugs_keep_the_first_and_name_both_files() {
    let files = vec![
        file("2024-01-01-same.md", b"---\ntitle: One\n---\nx"),
        file("other.md", b"---\ntitle: Two\nslug: same\n---\nx"),
    ];
    let b = build(&files);
    assert_eq!(b.manifest.posts.len(), 1);
    assert_eq!(b.manifest.posts[0].title, "One");
    let d = only(&b.diagnostics);
    assert_eq!(d.file, "public/posts/other.md");
    assert!(
        d.reason
            .contains("already used by public/posts/2024-01-01-same.md"),
        "{}",
        d.reason
    );
}

#[test]
fn drafts_are_left_out_of_release_builds_only() {
    let files = vec![
        file("p.md", b"---\ntitle: Published\n---\nx"),
        file("d.md", b"---\ntitle: Draft\ndraft: true\n---\nx"),
    ];
    assert_eq!(
        build_site(&files, Site::default(), false)
            .manifest
            .posts
            .len(),
        1
    );
    let dev = build_site(&files, Site::default(), true);
    assert_eq!(dev.manifest.posts.len(), 2);
    assert!(dev.manifest.posts.iter().any(|p| p.draft));
}

#[test]
fn the_manifest_round_trips_through_json() {
    let b = build(&[file("golang-vs-python-for-backend.md", SEED)]);
    let json = serde_json::to_string(&b.manifest).unwrap();
    let back: quire_core::manifest::Manifest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, b.manifest);
    assert_eq!(back.version, quire_core::manifest::VERSION);
    assert_eq!(back.posts[0].hash.len(), 12);
}

// --- Blogs moving in from Zola, Hugo, Jekyll and Astro ------------------------------------

#[test]
fn page_bundles_are_named_by_their_folder() {
    let (post, diags) = read(
        "charts/index.md",
        "---\ntitle: Charts\n---\n![c](chart.png)",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(post.unwrap().entry.slug, "charts");
    let (post, _) = read("2024-01-02-dated/index.markdown", "---\ntitle: D\n---\nx");
    let e = post.unwrap().entry;
    assert_eq!(
        (e.slug.as_str(), e.date.as_deref()),
        ("dated", Some("2024-01-02"))
    );
}

#[test]
fn sections_are_part_of_the_address_so_equal_names_never_clash() {
    let site = build(&[
        file("blog/intro.md", b"---\ntitle: Blog intro\n---\nx"),
        file("notes/intro.md", b"---\ntitle: Notes intro\n---\nx"),
        file(
            "Rust Notes/x/index.md",
            b"---\ntitle: X\nslug: better-name\n---\nx",
        ),
        file("_posts/2023-01-01-jekyll.md", b"---\ntitle: J\n---\nx"),
    ]);
    assert!(site.diagnostics.is_empty(), "{:#?}", site.diagnostics);
    let mut slugs: Vec<&str> = site.posts.iter().map(|p| p.entry.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(
        slugs,
        [
            "blog/intro",
            "jekyll",
            "notes/intro",
            "rust-notes/better-name"
        ]
    );
}

#[test]
fn section_files_are_not_posts() {
    assert!(quire_core::post::is_section_index("posts/blog/_index.md"));
    assert!(quire_core::post::is_section_index("posts/_index.markdown"));
    assert!(!quire_core::post::is_section_index("posts/blog/index.md"));
}

#[test]
fn a_file_that_only_names_another_generators_template_is_skipped_with_a_warning() {
    let (post, diags) = read("latest.md", "+++\ntemplate = \"latest.html\"\n+++\n");
    assert!(post.is_none());
    let d = only(&diags);
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.reason.contains("latest.html") && d.reason.contains("skipped"),
        "{d}"
    );
    // A Jekyll post names its layout and has text: a post.
    let (post, diags) = read("x.md", "---\nlayout: post\ntitle: X\n---\nText");
    assert!(post.is_some() && diags.is_empty(), "{diags:#?}");
}

#[test]
fn dates_come_from_the_file_name_or_the_old_address_when_the_front_matter_has_none_readable() {
    // Jekyll accepted this date; its file name carries a readable one.
    let (post, diags) = read(
        "2023-01-29-odd.md",
        "---\ntitle: Odd\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nx",
    );
    let e = post.unwrap().entry;
    assert_eq!(e.date.as_deref(), Some("2023-01-29"));
    let d = only(&diags);
    assert!(
        d.reason
            .contains("the date 2023-01-29 from the file name is used"),
        "{d}"
    );
    assert_eq!(d.line, Some(3));
    // Zola keeps the date only in `path`.
    let (post, diags) = read(
        "charts.md",
        "+++\ntitle = \"C\"\npath = \"2025/06/26/charts\"\n+++\nx",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(post.unwrap().entry.date.as_deref(), Some("2025-06-26"));
    // Jekyll's permalink, after an unreadable date.
    let (post, diags) = read(
        "p.md",
        "---\ntitle: P\ndate: someday\npermalink: /2019/03/01/p/\n---\nx",
    );
    assert_eq!(post.unwrap().entry.date.as_deref(), Some("2019-03-01"));
    assert!(only(&diags).reason.contains("from `permalink` is used"));
    // With no other source, the seed post's rule: shown as written, never guessed.
    let (post, _) = read("s.md", "---\ntitle: S\ndate: 2022-15-03\n---\nx");
    let e = post.unwrap().entry;
    assert_eq!(
        (e.date, e.date_display.as_deref()),
        (None, Some("2022-15-03"))
    );
}

#[test]
fn other_generators_fields_are_read_as_they_mean_them() {
    let (post, diags) = read(
        "astro.md",
        "---\ntitle: A\npubDate: 'Jul 08 2022'\nupdatedDate: 2022-07-10\nexcerpt: Short.\n---\nx",
    );
    assert!(diags.is_empty(), "{diags:#?}");
    let e = post.unwrap().entry;
    assert_eq!(e.date.as_deref(), Some("2022-07-08"));
    assert_eq!(e.updated.as_deref(), Some("2022-07-10"));
    assert_eq!(e.description.as_deref(), Some("Short."));
    let (post, _) = read("h.md", "---\ntitle: H\nlastmod: 2021-08-01\n---\nx");
    assert_eq!(post.unwrap().entry.updated.as_deref(), Some("2021-08-01"));
    let (post, _) = read(
        "z.md",
        "+++\ntitle = \"Z\"\n[taxonomies]\ntags = [\"rust\", \"zola\"]\n+++\nx",
    );
    assert_eq!(post.unwrap().entry.tags, ["rust", "zola"]);
    let (post, _) = read("j.md", "---\ntitle: J\npublished: false\n---\nx");
    assert!(
        post.unwrap().entry.draft,
        "Jekyll's published: false is a draft"
    );
}

#[test]
fn old_addresses_are_collected_from_every_generators_field() {
    let (post, _) = read(
        "a.md",
        "---\ntitle: A\naliases: [/a/, /b.html]\nredirect_from: /c/\npermalink: /2019/01/01/a.html\n---\nx",
    );
    let old: Vec<String> = post
        .unwrap()
        .old_addresses
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    assert_eq!(old, ["/a/", "/b.html", "/c/", "/2019/01/01/a.html"]);
}

#[test]
fn thousands_of_tags_are_capped_in_bounded_time_with_a_warning() {
    let tags: Vec<String> = (0..20_000).map(|i| format!("t{i}")).collect();
    let text = format!("---\ntitle: T\ntags: [{}]\n---\nx", tags.join(", "));
    let started = std::time::Instant::now();
    let (post, diags) = read("t.md", &text);
    assert!(started.elapsed().as_secs() < 5);
    assert_eq!(post.unwrap().entry.tags.len(), quire_core::meta::MAX_TAGS);
    let d = only(&diags);
    assert!(
        d.reason.contains("20000 tags") && d.reason.contains("at most 64"),
        "{d}"
    );
}

#[test]
fn old_addresses_that_clash_are_errors_naming_both_files() {
    let site = build(&[
        file(
            "a.md",
            b"---\ntitle: A\naliases: [/posts/b/, /old/]\n---\nx",
        ),
        file("b.md", b"---\ntitle: B\naliases: [/old/, /tags/]\n---\nx"),
        file(
            "c.md",
            b"---\ntitle: C\naliases: [\"/../x\", /posts/c/]\n---\nx",
        ),
    ]);
    let (redirects, diags) = quire_core::redirect::collect(&site, &site.addresses());
    let from: Vec<&str> = redirects.iter().map(|r| r.from.as_str()).collect();
    assert_eq!(from, ["old/"], "only the one address nobody else holds");
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(
        text.iter()
            .any(|d| d.starts_with("error: public/posts/a.md")
                && d.contains("/posts/b/ is already the address of public/posts/b.md")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|d| d.starts_with("error: public/posts/b.md")
                && d.contains("/old/ is already public/posts/a.md")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|d| d.contains("/tags/ address")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|d| d.starts_with("warning: public/posts/c.md") && d.contains("..")),
        "{text:#?}"
    );
    assert_eq!(diags.len(), 4, "its own address is no clash: {text:#?}");
}

fn page(name: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        display_path: format!("public/pages/{name}"),
        rel_path: format!("pages/{name}"),
        bytes: bytes.to_vec(),
    }
}

#[test]
fn pages_are_apart_from_posts_and_may_not_take_quires_addresses() {
    let site = build(&[
        page("about.md", b"---\ntitle: About\ntags: [x]\n---\nMe."),
        page("projects/quire.md", b"---\ntitle: Q\n---\nx"),
        page("tags.md", b"---\ntitle: Tags?\n---\nx"),
        page("search/x.md", b"---\ntitle: S\n---\nx"),
        file("about.md", b"---\ntitle: A post called about\n---\nx"),
    ]);
    let slugs: Vec<&str> = site.pages.iter().map(|p| p.entry.slug.as_str()).collect();
    assert_eq!(slugs, ["about", "projects/quire"]);
    assert_eq!(site.manifest.site.pages, ["about", "projects/quire"]);
    assert_eq!(site.manifest.posts.len(), 1, "pages are never in the index");
    assert!(site.tags().1.is_empty(), "nor in the tags");
    let text: Vec<String> = site.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(text.len(), 2, "{text:#?}");
    assert!(
        text[0].starts_with("error: public/pages/search/x.md")
            && text[0].contains("quire's built-in /search/ address"),
        "{text:#?}"
    );
    assert!(
        text[1].starts_with("error: public/pages/tags.md")
            && text[1].contains("this page is skipped"),
        "{text:#?}"
    );
    // The post `about` lives at /posts/about/: no clash with the page /about/.
    let live = site.addresses();
    assert_eq!(live["about/"], "the address of public/pages/about.md");
    assert_eq!(live["posts/about/"], "the address of public/posts/about.md");
}

#[test]
fn authors_from_a_list_or_one_name_take_the_names_quire_toml_gives_them() {
    let (site, d) = quire_core::site::parse(
        "quire.toml",
        "[authors.ann]\nname = \"Ann Example\"\nbio = \"Writes.\"\nurl = \"javascript:x\"\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let built = build_site(
        &[
            file(
                "a.md",
                b"+++\ntitle = \"A\"\nauthors = [\"ann\", \"Carol Jones\"]\n+++\nx",
            ),
            file("b.md", b"---\ntitle: B\nauthor: Ann Example\n---\nx"),
        ],
        site,
        false,
    );
    let a = built.posts.iter().find(|p| p.entry.slug == "a").unwrap();
    assert_eq!(a.entry.authors, ["Ann Example", "Carol Jones"]);
    assert_eq!(a.entry.author_ids, ["ann", "carol-jones"]);
    let b = built.posts.iter().find(|p| p.entry.slug == "b").unwrap();
    assert_eq!(b.entry.author_ids, ["ann"], "found by name too");
    let pages = built.authors();
    let ann = pages.iter().find(|p| p.author.id == "ann").unwrap();
    assert_eq!(
        (ann.author.count, ann.author.bio.as_deref()),
        (2, Some("Writes."))
    );
    assert_eq!(ann.author.url, None, "only http(s) addresses");
}

#[test]
fn sections_get_their_own_index_titled_by_their_index_file() {
    let files = [
        file("_index.md", b"+++\ntitle = \"Home\"\n+++\nWelcome."),
        file(
            "blog/_index.md",
            b"+++\ntitle = \"The blog\"\nsort_by = \"date\"\n+++\nLong-form, see [the first](first/).",
        ),
        file("blog/a.md", b"---\ntitle: A\ndate: 2024-01-02\n---\nx"),
        file("blog/deep/b.md", b"---\ntitle: B\ndate: 2024-01-01\n---\nx"),
        file(
            "rust-notes/c.md",
            b"---\ntitle: C\ndate: 2024-01-03\n---\nx",
        ),
        file("top.md", b"---\ntitle: Top\ndate: 2024-01-04\n---\nx"),
    ];
    let site = build(&files);
    assert!(site.diagnostics.is_empty(), "{:#?}", site.diagnostics);
    assert_eq!(
        site.manifest.site.sections,
        ["blog", "blog/deep", "rust-notes"]
    );
    let lists = site.data("/b").lists;
    let titles: Vec<(String, String, usize)> = lists
        .iter()
        .map(|l| {
            let s = l.section.clone().unwrap_or_default();
            (s.path, s.title, l.posts.len())
        })
        .collect();
    assert_eq!(
        titles,
        [
            (String::new(), "Home".to_string(), 4),
            ("blog".into(), "The blog".into(), 2),
            ("blog/deep".into(), "Deep".into(), 1),
            ("rust-notes".into(), "Rust notes".into(), 1),
        ]
    );
    // The introduction is rendered by the build, its links under the base path.
    assert_eq!(
        lists[1].section.as_ref().unwrap().intro,
        "<p>Long-form, see <a href=\"/b/posts/blog/first/\">the first</a>.</p>\n"
    );
    use quire_core::manifest::RouteData;
    assert_eq!(lists[1].data_path(), "sections/blog/1.json");
    assert_eq!(lists[1].route("/b"), "/b/posts/blog/");
    assert_eq!(lists[0].data_path(), "index/1.json");

    // A blog may keep its sections' posts off the home page.
    let settings = Site {
        section_posts_on_home: false,
        ..Site::default()
    };
    let site = build_site(&files, settings, false);
    let lists = site.data("").lists;
    let home: Vec<&str> = lists[0].posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(home, ["Top"]);
}

#[test]
fn categories_as_jekyll_hugo_and_zola_write_them() {
    let (post, diags) = read("a.md", "---\ntitle: A\ncategories: ruby web\n---\nx");
    assert!(diags.is_empty(), "{diags:#?}");
    let e = post.unwrap().entry;
    assert_eq!(
        (e.categories, e.category_slugs),
        (
            vec!["ruby".to_string(), "web".to_string()],
            vec!["ruby".to_string(), "web".to_string()]
        )
    );
    let (post, _) = read("b.md", "---\ntitle: B\ncategory: Data Science\n---\nx");
    assert_eq!(post.unwrap().entry.category_slugs, ["data-science"]);
    let (post, _) = read(
        "c.md",
        "+++\ntitle = \"C\"\n[taxonomies]\ncategories = [\"notes\"]\n+++\nx",
    );
    assert_eq!(post.unwrap().entry.categories, ["notes"]);
    let site = build(&[
        file("a.md", b"---\ntitle: A\ncategories: [ruby]\n---\nx"),
        file(
            "b.md",
            b"---\ntitle: B\ncategories: [ruby, web]\ntags: [ruby]\n---\nx",
        ),
    ]);
    let pages = site.categories();
    let counts: Vec<(&str, usize)> = pages
        .iter()
        .map(|c| (c.0.tag.slug.as_str(), c.0.tag.count))
        .collect();
    assert_eq!(counts, [("ruby", 2), ("web", 1)]);
    use quire_core::manifest::RouteData;
    assert_eq!(pages[0].data_path(), "categories/ruby.json");
    assert_eq!(
        site.tags().1[0].data_path(),
        "tags/ruby.json",
        "tags stay apart"
    );
}

#[test]
fn a_posts_image_from_any_generators_field_and_never_a_script() {
    let image = |text: &str| read("x/index.md", text).0.unwrap().entry.image;
    assert_eq!(
        image("---\ntitle: A\nheroImage: /hero.jpg\n---\nx").as_deref(),
        Some("hero.jpg")
    );
    assert_eq!(
        image("---\ntitle: A\nimage: cover.png\n---\nx").as_deref(),
        Some("posts/x/cover.png")
    );
    assert_eq!(
        image("---\ntitle: A\ncover:\n  image: c.png\n---\nx").as_deref(),
        Some("posts/x/c.png")
    );
    assert_eq!(
        image("+++\ntitle = \"A\"\n[extra]\nimage = \"https://cdn.example/a.png\"\n+++\nx")
            .as_deref(),
        Some("https://cdn.example/a.png")
    );
    let (post, diags) = read(
        "y.md",
        "---\ntitle: A\nimage: \"javascript:alert(1)\"\n---\nx",
    );
    assert_eq!(post.unwrap().entry.image, None);
    assert!(only(&diags).reason.contains("without it"));
}

#[test]
fn a_pages_old_addresses_lead_to_the_page() {
    let site = build(&[
        page(
            "about.md",
            b"---\ntitle: About\naliases: [/about-me/, /about/]\n---\nMe.",
        ),
        file("a.md", b"---\ntitle: A\naliases: [/about/]\n---\nx"),
    ]);
    let (redirects, diags) = quire_core::redirect::collect(&site, &site.addresses());
    let found: Vec<(&str, &str)> = redirects
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        found,
        [("about-me/", "about/")],
        "its own address is no redirect"
    );
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(
        text.len() == 1
            && text[0].starts_with("error: public/posts/a.md")
            && text[0].contains("public/pages/about.md"),
        "{text:#?}"
    );
    assert_eq!(
        quire_core::redirect::netlify("/blog", &redirects),
        "/blog/about-me/ /blog/about/ 301\n"
    );
}

#[test]
fn series_as_each_generator_writes_it() {
    let part = |fm: &str| read("p.md", &format!("{fm}\n# Body\n")).0.unwrap().entry;
    let hugo = part("---\ntitle: A\nseries: [\"Learn Rust\"]\nseries_weight: 2\n---");
    assert_eq!(hugo.series.as_deref(), Some("Learn Rust"));
    assert_eq!(hugo.series_slug.as_deref(), Some("learn-rust"));
    assert_eq!(hugo.series_order, Some(2));
    let zola = part("+++\ntitle = \"A\"\n[taxonomies]\nseries = [\"Learn Rust\"]\n[extra]\nseries_order = 3\n+++");
    assert_eq!(
        (zola.series.as_deref(), zola.series_order),
        (Some("Learn Rust"), Some(3))
    );
    let plain = part("---\ntitle: A\nseries: Learn Rust\n---");
    assert_eq!(
        (plain.series.as_deref(), plain.series_order),
        (Some("Learn Rust"), None)
    );

    let (post, diags) = read(
        "p.md",
        "---\ntitle: A\nseries: [One, Two]\nseries_order: first\n---\nx\n",
    );
    let entry = post.unwrap().entry;
    assert_eq!(
        (entry.series.as_deref(), entry.series_order),
        (Some("One"), None)
    );
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(
        diags[0].reason.contains("one series; it is shown in “One”"),
        "{diags:#?}"
    );
    assert_eq!(diags[0].line, Some(3));
    assert!(
        diags[1]
            .reason
            .contains("`series_order` must be a whole number"),
        "{diags:#?}"
    );
    assert_eq!(diags[1].line, Some(4));
}

#[test]
fn math_that_cannot_be_converted_is_a_warning_with_its_line() {
    let (post, diags) = read(
        "m.md",
        "---\ntitle: M\n---\nFine: $x^2$ and\n\n$$\n\\oops{y}\n$$\n",
    );
    assert!(post.is_some());
    let d = only(&diags);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.line, Some(6));
    assert_eq!(d.field.as_deref(), Some("math"));
    assert_eq!(d.value.as_deref(), Some("\n\\oops{y}\n"));
    assert!(d.reason.contains("shown as its TeX source"), "{d:?}");
}
