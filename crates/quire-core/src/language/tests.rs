use super::*;
use crate::site_build::build_site;

fn file(rel: &str, text: &str) -> SourceFile {
    SourceFile {
        display_path: format!("public/{rel}"),
        rel_path: rel.to_string(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn site(toml: &str) -> Site {
    let (s, d) = crate::site::parse("quire.toml", toml);
    assert!(d.is_empty(), "{d:?}");
    s
}

const BOTH: &str =
    "language = \"en\"\n[languages.fr]\ntitle = \"Mon blog\"\ncontent_dir = \"fr\"\n";

fn paths(groups: &[(String, Vec<SourceFile>)]) -> Vec<(String, Vec<String>)> {
    groups
        .iter()
        .map(|(c, f)| (c.clone(), f.iter().map(|f| f.rel_path.clone()).collect()))
        .collect()
}

#[test]
fn files_are_split_by_name_and_by_folder() {
    let (groups, d) = files(
        &site(BOTH),
        vec![
            file("posts/hello.md", "x"),
            file("posts/hello.fr.md", "x"),
            file("posts/fr/only.md", "x"),
            file("posts/trip/index.md", "x"),
            file("posts/trip/index.fr.md", "x"),
            file("posts/rust/_index.fr.md", "x"),
            file("pages/about.fr.md", "x"),
            file("posts/v1.2.md", "x"),
            file("posts/notes.old.md", "x"),
        ],
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        paths(&groups),
        [
            (
                "en".to_string(),
                vec![
                    "posts/hello.md".to_string(),
                    "posts/trip/index.md".into(),
                    "posts/v1.2.md".into(),
                    "posts/notes.old.md".into()
                ]
            ),
            (
                "fr".to_string(),
                vec![
                    "posts/hello.md".to_string(),
                    "posts/only.md".into(),
                    "posts/trip/index.md".into(),
                    "posts/rust/_index.md".into(),
                    "pages/about.md".into()
                ]
            )
        ]
    );
    // Diagnostics still name the real file.
    assert_eq!(groups[1].1[1].display_path, "public/posts/fr/only.md");
}

#[test]
fn a_site_in_one_language_keeps_its_files_as_they_are() {
    let (groups, d) = files(
        &site("title = \"x\"\n"),
        vec![file("posts/a.md", "x"), file("posts/a.fr.md", "x")],
    );
    assert_eq!(
        paths(&groups),
        [(
            "en".to_string(),
            vec!["posts/a.md".to_string(), "posts/a.fr.md".into()]
        )]
    );
    // `.fr` is probably a translation: the author hears how to make it one.
    assert_eq!(d.len(), 1);
    assert!(
        d[0].to_string().contains("public/posts/a.fr.md"),
        "{}",
        d[0]
    );
    assert!(d[0].to_string().contains("[languages.fr]"), "{}", d[0]);
}

#[test]
fn two_files_of_one_language_and_path_are_an_error_naming_both() {
    let (groups, d) = files(
        &site(BOTH),
        vec![file("posts/x.fr.md", "x"), file("posts/fr/x.md", "x")],
    );
    assert_eq!(groups[1].1.len(), 1);
    assert_eq!(d.len(), 1);
    let text = d[0].to_string();
    assert!(
        text.contains("public/posts/fr/x.md") && text.contains("public/posts/x.fr.md"),
        "{text}"
    );
}

#[test]
fn a_language_site_takes_its_settings() {
    let s = super::site(&site(BOTH), "fr");
    assert_eq!(s.language, "fr");
    assert_eq!(s.title, "Mon blog");
    assert_eq!(s.prefix(), "fr");
    assert_eq!(s.root("/blog/fr"), "/blog");
    assert_eq!(s.language_base("/blog/fr", "en"), "/blog");
    assert_eq!(s.language_base("/blog/fr", "fr"), "/blog/fr");
    assert_eq!(s.strings.search, "Recherche");
    let en = super::site(&site(BOTH), "en");
    assert_eq!(en.prefix(), "");
    assert!(en.strings.is_default());
}

fn builds(toml: &str, all: Vec<SourceFile>) -> (Vec<(String, SiteBuild)>, Vec<Diagnostic>) {
    let base = site(toml);
    let (groups, mut d) = files(&base, all);
    let mut builds: Vec<(String, SiteBuild)> = groups
        .into_iter()
        .map(|(code, files)| {
            let b = build_site(&files, super::site(&base, &code), false);
            (code, b)
        })
        .collect();
    let mut refs: Vec<(String, &mut SiteBuild)> =
        builds.iter_mut().map(|(c, b)| (c.clone(), b)).collect();
    d.extend(link(&mut refs));
    (builds, d)
}

fn translations(b: &SiteBuild, slug: &str) -> Vec<(String, String)> {
    let p = b
        .posts
        .iter()
        .chain(&b.pages)
        .find(|p| p.entry.slug == slug)
        .unwrap_or_else(|| panic!("{slug}"));
    p.entry.translations.clone()
}

#[test]
fn translations_are_linked_by_path_and_by_translation_key() {
    let post = |title: &str, extra: &str| {
        format!("---\ntitle: {title}\ndate: 2022-03-15\n{extra}---\nText.\n")
    };
    let (b, d) = builds(
        BOTH,
        vec![
            file("posts/hello.md", &post("Hello", "")),
            file("posts/hello.fr.md", &post("Bonjour", "")),
            file("posts/trip.md", &post("Trip", "translationKey: trip\n")),
            file(
                "posts/fr/voyage.md",
                &post("Voyage", "translationKey: trip\n"),
            ),
            file("posts/alone.md", &post("Alone", "")),
            file("pages/about.md", &post("About", "")),
            file("pages/about.fr.md", &post("À propos", "")),
        ],
    );
    assert!(d.is_empty(), "{d:?}");
    let (en, fr) = (&b[0].1, &b[1].1);
    assert_eq!(
        translations(en, "hello"),
        [("fr".to_string(), "hello".to_string())]
    );
    assert_eq!(
        translations(fr, "hello"),
        [("en".to_string(), "hello".to_string())]
    );
    assert_eq!(
        translations(en, "trip"),
        [("fr".to_string(), "voyage".to_string())]
    );
    assert_eq!(
        translations(fr, "voyage"),
        [("en".to_string(), "trip".to_string())]
    );
    assert!(translations(en, "alone").is_empty());
    assert_eq!(
        translations(fr, "about"),
        [("en".to_string(), "about".to_string())]
    );
    // Each language is a site of its own, with its dates in its words.
    assert_eq!(en.posts.len(), 3);
    assert_eq!(fr.posts.len(), 2);
    assert_eq!(fr.manifest.site.title, "Mon blog");
    assert_eq!(fr.manifest.posts[0].translations.len(), 1);
    let hello = fr.posts.iter().find(|p| p.entry.slug == "hello").unwrap();
    assert_eq!(hello.entry.date_display.as_deref(), Some("15 mars 2022"));
    let hello = en.posts.iter().find(|p| p.entry.slug == "hello").unwrap();
    assert_eq!(hello.entry.date_display.as_deref(), Some("15 March 2022"));
}

#[test]
fn a_translation_without_its_original_is_published_alone_with_a_warning() {
    let (b, d) = builds(
        BOTH,
        vec![file("posts/solo.fr.md", "---\ntitle: Solo\n---\nText.\n")],
    );
    assert_eq!(b[1].1.posts.len(), 1);
    assert_eq!(d.len(), 1, "{d:?}");
    let text = d[0].to_string();
    assert!(
        text.contains("public/posts/solo.fr.md") && text.contains("does not exist in en"),
        "{text}"
    );
}

#[test]
fn two_posts_claiming_one_translation_are_an_error_naming_both() {
    let post = |t: &str| format!("---\ntitle: {t}\ntranslationKey: k\n---\nText.\n");
    let (b, d) = builds(
        BOTH,
        vec![
            file("posts/a.md", &post("A")),
            file("posts/fr/b.md", &post("B")),
            file("posts/fr/c.md", &post("C")),
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");
    let text = d[0].to_string();
    assert!(
        text.contains("public/posts/fr/c.md") && text.contains("public/posts/fr/b.md"),
        "{text}"
    );
    assert_eq!(translations(&b[1].1, "b").len(), 1);
    assert!(translations(&b[1].1, "c").is_empty());
}
