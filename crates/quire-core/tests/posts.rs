//! Reading posts: both front-matter formats, dates, slugs, and the bad-input catalogue. Each bad
//! file gets one clear diagnostic (file, line where known, field, value, reason) and never
//! takes the other posts down.

use quire_core::diagnostics::{Diagnostic, Severity};
use quire_core::manifest::Site;
use quire_core::post::{read_post, SourceFile};
use quire_core::site_build::{build_site, SiteBuild};

const SEED: &[u8] = include_bytes!("../../../public/posts/golang-vs-python-for-backend.md");

fn file(name: &str, bytes: &[u8]) -> SourceFile {
    SourceFile {
        display_path: format!("public/posts/{name}"),
        rel_path: format!("posts/{name}"),
        bytes: bytes.to_vec(),
    }
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
        (e.slug.as_str(), e.author.as_deref()),
        ("hello", Some("Ada"))
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
