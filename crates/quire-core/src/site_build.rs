//! Assembling the site: every post read, drafts and duplicate addresses dropped, the rest in
//! index order, and the data files, feed entries and search index computed once from that.

use crate::diagnostics::Diagnostic;
use crate::front_matter;
use crate::manifest::{
    self, ListPage, Manifest, PostData, PostEntry, SectionInfo, Site, StandalonePage, VERSION,
};
use crate::markdown;
use crate::post::{read_post, Post, SourceFile};
use crate::render_options::RenderOptions;

/// The result of reading every post of a site.
#[derive(Debug)]
pub struct SiteBuild {
    pub manifest: Manifest,
    /// Published posts, in manifest order.
    pub posts: Vec<Post>,
    /// Published standalone pages (`public/pages/`), by address.
    pub pages: Vec<Post>,
    /// The sections, by path, with what their `_index.md` says.
    pub sections: Vec<SectionInfo>,
    /// The home page's title and introduction, from `public/posts/_index.md`.
    pub home: Option<SectionInfo>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads all posts, drops drafts unless asked for, refuses duplicate slugs, and orders the rest
/// newest first (posts without a valid date last, by title).
pub fn build_site(files: &[SourceFile], mut site: Site, include_drafts: bool) -> SiteBuild {
    let mut files: Vec<&SourceFile> = files.iter().collect();
    files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let mut diagnostics = Vec::new();
    let mut posts: Vec<Post> = Vec::new();
    let mut pages: Vec<Post> = Vec::new();
    let (mut owners, languages) = reserved(&site);
    let mut section_files = Vec::new();
    let sources = crate::shortcodes::Sources::new(
        files
            .iter()
            .map(|f| f.source())
            .chain(site.templates.sources.iter().map(|(s, _)| s.as_str())),
    );
    let cx = crate::shortcodes::Context {
        site: &site,
        sources: &sources,
    };
    for file in files {
        if crate::post::is_section_index(&file.rel_path) {
            section_files.push(file);
            continue;
        }
        let (post, diags) = read_post(file, &cx);
        diagnostics.extend(diags);
        let Some(post) = post else { continue };
        let is_page = post.entry.is_page();
        let first = post.entry.slug.split('/').next().unwrap_or_default();
        let key = if is_page {
            // `about` and `about/x` clash with a reserved first folder, not with each other.
            let reserved = RESERVED.contains(&first) || languages.contains(&first);
            format!("page:{}", if reserved { first } else { &post.entry.slug })
        } else {
            post.entry.slug.clone()
        };
        if let Some((_, owner)) = owners.iter().find(|(s, _)| *s == key) {
            diagnostics.push(
                Diagnostic::error(
                    &file.display_path,
                    format!("already used by {owner}; this {} is skipped. Give one of them a different `slug:`", if is_page { "page" } else { "post" }),
                )
                .field("slug", Some(&post.entry.slug)),
            );
            continue;
        }
        owners.push((key, file.display_path.clone()));
        if post.entry.draft && !include_drafts {
            continue;
        }
        if is_page {
            pages.push(post);
        } else {
            posts.push(post);
        }
    }
    // Bylines take the names `quire.toml` gives authors, found by id or by name.
    for post in posts.iter_mut() {
        let e = &mut post.entry;
        for (name, id) in e.authors.iter_mut().zip(e.author_ids.iter_mut()) {
            if let Some(a) = site
                .authors
                .iter()
                .find(|a| a.id == *id || crate::slug::slugify(&a.name) == *id)
            {
                name.clone_from(&a.name);
                id.clone_from(&a.id);
            }
        }
    }
    pages.sort_by(|a, b| a.entry.slug.cmp(&b.entry.slug));
    // The video players the posts embed: the CSP's `frame-src` names only those.
    site.embeds = crate::embed::PROVIDERS
        .iter()
        .filter(|p| {
            let used = crate::embed::used_in;
            posts
                .iter()
                .chain(&pages)
                .any(|post| used(&post.text).contains(p))
        })
        .map(|p| p.name.to_string())
        .collect();
    site.pages = pages.iter().map(|p| p.entry.slug.clone()).collect();
    // Files were read in path order; within a file, report top to bottom.
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    posts.sort_by(|a, b| match (a.timestamp, b.timestamp) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.entry.title.cmp(&b.entry.title)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.entry.title.cmp(&b.entry.title),
    });
    let (section_paths, sections, home) = sections_of(&posts, section_files, &mut diagnostics);
    site.sections = section_paths;
    localize_dates(&site, &mut posts);
    let manifest = Manifest {
        version: VERSION,
        site,
        posts: posts.iter().map(|p| p.entry.clone()).collect(),
    };
    SiteBuild {
        manifest,
        posts,
        pages,
        sections,
        home,
        diagnostics,
    }
}

/// Shows valid dates in the site's words (`15 mars 2022`); a date that could not be read stays
/// as written.
fn localize_dates(site: &Site, posts: &mut [Post]) {
    if site.strings.months.is_empty() && site.strings.date_format.is_empty() {
        return;
    }
    for post in posts {
        let e = &mut post.entry;
        let Some(iso) = e.date.as_deref() else {
            continue;
        };
        let parts: Vec<&str> = iso.get(..10).unwrap_or_default().split('-').collect();
        if let [y, m, d] = parts[..] {
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
                e.date_display = Some(site.strings.date(y, m, d));
            }
        }
    }
}

/// `rust-notes` → `Rust notes`: a section's title when its `_index.md` gives none.
fn title_of_folder(name: &str) -> String {
    let words = name.replace('-', " ");
    let mut c = words.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The data files the app loads, computed once per build and shared by the files written, the
/// prerendered pages and the search index: index pages (home and sections), each post's data
/// (neighbours, links, headings, highlighting, image sizes), each standalone page's.
pub struct SiteData {
    pub lists: Vec<ListPage>,
    pub posts: Vec<PostData>,
    pub pages: Vec<StandalonePage>,
}

/// An image's width and height, or why they cannot be read.
pub type MeasuredSize = Result<(u32, u32), String>;

/// The sections: every folder that holds a post (at any depth), named and introduced by its
/// `_index.md` (`section_files`); and the home page's own `_index.md`, if any.
fn sections_of(
    posts: &[Post],
    section_files: Vec<&SourceFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<String>, Vec<SectionInfo>, Option<SectionInfo>) {
    let mut section_paths: Vec<String> = Vec::new();
    for p in posts {
        let mut parts: Vec<&str> = p.entry.slug.split('/').collect();
        parts.pop();
        for n in 1..=parts.len() {
            let path = parts[..n].join("/");
            if !section_paths.contains(&path) {
                section_paths.push(path);
            }
        }
    }
    section_paths.sort();
    let mut sections: Vec<SectionInfo> = section_paths
        .iter()
        .map(|path| SectionInfo {
            path: path.clone(),
            title: title_of_folder(path.rsplit('/').next().unwrap_or(path)),
            intro: String::new(),
        })
        .collect();
    let mut home = None;
    for file in section_files {
        let (folders, _) = crate::slug::location(&file.rel_path);
        let path = folders.join("/");
        let text = String::from_utf8_lossy(&file.bytes);
        let Ok(split) = crate::front_matter::split(&text) else {
            diagnostics.push(Diagnostic::warning(
                &file.display_path,
                "the section's front matter is never closed; its title and introduction are not used",
            ));
            continue;
        };
        let meta = split
            .front_matter
            .as_ref()
            .and_then(|fm| crate::meta::parse_meta(fm, &file.display_path, diagnostics));
        let info = SectionInfo {
            path: path.clone(),
            title: meta
                .and_then(|m| m.title)
                .unwrap_or_else(|| title_of_folder(&path)),
            intro: split.body.trim().to_string(),
        };
        if path.is_empty() {
            home = Some(info);
        } else if let Some(s) = sections.iter_mut().find(|s| s.path == path) {
            *s = info;
        }
    }
    (section_paths, sections, home)
}

/// The addresses taken before any post: quire's own (`/tags/` …) and, at the root of a blog
/// in several languages, the other languages' sites (`/fr/`), as (key, owner) for the slug
/// check; and those languages' codes (a page's first folder may not be one either).
fn reserved(site: &Site) -> (Vec<(String, String)>, Vec<&str>) {
    let mut owners: Vec<(String, String)> = RESERVED
        .iter()
        .map(|r| {
            (
                format!("page:{r}"),
                format!("quire's built-in /{r}/ address"),
            )
        })
        .collect();
    let others = match site.prefix() {
        "" => site.languages.get(1..).unwrap_or_default(),
        _ => &[],
    };
    for l in others {
        let (code, name) = (&l.code, &l.name);
        owners.push((
            format!("page:{code}"),
            format!("the {name} site at /{code}/"),
        ));
    }
    (owners, others.iter().map(|l| l.code.as_str()).collect())
}

/// First folders of the addresses quire itself answers at; a standalone page may not take them.
pub const RESERVED: &[&str] = &[
    "posts",
    "pages",
    "tags",
    "categories",
    "authors",
    "series",
    "archive",
    "search",
    "preview",
    "page",
    "index",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "manifest.json",
    "redirects.json",
    "robots.txt",
    "sw.js",
    "offline.json",
    "manifest.webmanifest",
];

impl SiteBuild {
    /// Every address the site answers at, relative to its root (`posts/a/`, `tags/`, `page/2/`),
    /// with what owns it for messages: a post's file, or quire's own page.
    pub fn addresses(&self) -> std::collections::HashMap<String, String> {
        let mut live = std::collections::HashMap::new();
        let builtin = |what: &str| format!("quire's {what}");
        live.insert(String::new(), builtin("home page"));
        live.insert("index.html".into(), builtin("home page"));
        for route in [
            "posts/", "tags/", "search/", "page/", "index/", "archive/", "404.html",
        ] {
            live.insert(route.to_string(), builtin(&format!("/{route} address")));
        }
        let per_page = self.manifest.site.posts_per_page.max(1);
        for n in 2..=self.manifest.posts.len().div_ceil(per_page) {
            live.insert(format!("page/{n}/"), builtin(&format!("index page {n}")));
        }
        for s in &self.manifest.site.sections {
            live.insert(
                format!("posts/{s}/"),
                builtin(&format!("section /posts/{s}/")),
            );
        }
        for p in &self.pages {
            let e = &p.entry;
            live.insert(
                format!("{}/", e.slug),
                format!("the address of public/{}", e.source),
            );
        }
        for p in &self.manifest.posts {
            live.insert(
                format!("posts/{}/", p.slug),
                format!("the address of public/{}", p.source),
            );
            for c in &p.category_slugs {
                let what = format!("category page /categories/{c}/");
                live.insert(format!("categories/{c}/"), builtin(&what));
            }
            for a in &p.author_ids {
                live.insert(
                    format!("authors/{a}/"),
                    builtin(&format!("author page /authors/{a}/")),
                );
            }
            if let Some(s) = &p.series_slug {
                live.insert(
                    format!("series/{s}/"),
                    builtin(&format!("series page /series/{s}/")),
                );
            }
            for t in &p.tag_slugs {
                live.insert(
                    format!("tags/{t}/"),
                    builtin(&format!("tag page /tags/{t}/")),
                );
            }
        }
        live
    }
}

impl SiteBuild {
    /// Highlights every post's code blocks with `highlight(language, text)` (empty runs: leave
    /// the block plain). The app and the prerendered pages get the runs through [`Self::data`].
    pub fn highlight(&mut self, highlight: &dyn Fn(&str, &str) -> crate::code::Tokens) {
        for post in self.posts.iter_mut().chain(&mut self.pages) {
            post.code = markdown::code_blocks(front_matter::body(&post.text))
                .into_iter()
                .map(|(lang, text)| lang.map_or_else(Vec::new, |l| highlight(&l, &text)))
                .collect();
            // No highlighted block: nothing to ship.
            if post.code.iter().all(Vec::is_empty) {
                post.code.clear();
            }
        }
    }

    /// Reads the size of every local image the posts and pages show with `measure(path)`
    /// (relative to `public/`): `None` for a file that is not there (the link check reports
    /// it), `Some(Err(reason))` for one whose size cannot be read, which is published without
    /// a size, with a warning.
    pub fn measure_images(
        &mut self,
        measure: &dyn Fn(&str) -> Option<MeasuredSize>,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for post in self.posts.iter_mut().chain(&mut self.pages) {
            let dir = post.entry.source.rsplit_once('/').map_or("", |(d, _)| d);
            let cover = post.entry.image.clone().filter(|i| !i.contains("://"));
            let shown = markdown::local_images(front_matter::body(&post.text), dir);
            for path in cover.into_iter().chain(shown) {
                if post.images.iter().any(|(p, _, _)| *p == path) {
                    continue;
                }
                match measure(&path) {
                    Some(Ok((w, h))) => post.images.push((path, w, h)),
                    Some(Err(reason)) => diags.push(
                        Diagnostic::warning(
                            &post.file,
                            format!("the size of the image cannot be read ({reason}); it is shown without one, so the page may shift as it loads"),
                        )
                        .field("image", Some(&path)),
                    ),
                    None => {}
                }
            }
        }
        diags
    }

    /// Each category's page of posts (drafts included only in development builds).
    pub fn categories(&self) -> Vec<manifest::CategoryPage> {
        manifest::categories(&self.manifest.site, &self.manifest.posts)
            .into_iter()
            .map(manifest::CategoryPage)
            .collect()
    }

    /// Each author's page of posts (drafts included only in development builds).
    pub fn authors(&self) -> Vec<manifest::AuthorPage> {
        manifest::authors(&self.manifest.site, &self.manifest.posts)
    }

    /// Each series' parts in order (drafts included only in development builds).
    pub fn series(&self) -> Vec<manifest::SeriesPage> {
        manifest::series(&self.manifest.site, &self.manifest.posts)
    }

    /// Every post's title and date, for `/archive/`.
    pub fn archive(&self) -> manifest::Archive {
        manifest::Archive::of(&self.manifest.site, &self.manifest.posts)
    }

    /// The tag list and each tag's posts (drafts included only in development builds).
    pub fn tags(&self) -> (manifest::TagList, Vec<manifest::TagPage>) {
        manifest::tags(&self.manifest.site, &self.manifest.posts)
    }

    /// The data files the app loads: index pages, and each post's data (neighbours, links to
    /// other posts), in manifest order. `base` is the site's base path (`/blog` or ``): the
    /// sections' introductions are rendered here, once, so the app needs no Markdown pipeline
    /// to show an index.
    pub fn data(&self, base: &str) -> SiteData {
        let site = &self.manifest.site;
        let rendered = |s: &SectionInfo| {
            let dir = format!("posts/{}", s.path);
            let math = crate::markdown::math_all(&s.intro).0;
            let opts = crate::render_options::RenderOptions {
                base,
                files: Some(site.root(base)),
                source_dir: dir.trim_end_matches('/'),
                math: &math,
                ..Default::default()
            };
            SectionInfo {
                intro: markdown::render(&s.intro, &opts).html,
                ..s.clone()
            }
        };
        let home_section = self.home.as_ref().map(rendered);
        let entries = &self.manifest.posts;
        // The home index: every post, or only those outside sections (`section_posts_on_home`).
        let home: Vec<PostEntry> = entries
            .iter()
            .filter(|e| site.section_posts_on_home || !e.slug.contains('/'))
            .cloned()
            .collect();
        let mut lists = manifest::paginate(site, &home, site.posts_per_page);
        for l in &mut lists {
            l.section.clone_from(&home_section);
        }
        for section in &self.sections {
            let section = &rendered(section);
            let prefix = format!("{}/", section.path);
            let posts: Vec<PostEntry> = entries
                .iter()
                .filter(|e| e.slug.starts_with(&prefix))
                .cloned()
                .collect();
            for mut l in manifest::paginate(site, &posts, site.posts_per_page) {
                l.section = Some(section.clone());
                lists.push(l);
            }
        }
        let series = self.series();
        let texts: Vec<String> = self
            .posts
            .iter()
            .map(|p| markdown::plain_text(front_matter::body(&p.text)))
            .collect();
        let subjects: Vec<_> = self
            .posts
            .iter()
            .zip(&texts)
            .map(|(p, text)| crate::related::Subject {
                tags: &p.entry.tag_slugs,
                text,
            })
            .collect();
        let related = crate::related::related(&subjects);
        let posts = self
            .posts
            .iter()
            .zip(related)
            .enumerate()
            .map(|(i, (post, related))| {
                let (newer, older) = manifest::neighbours(entries, i);
                let (links, headings) = links_and_headings(post, &self.manifest);
                let e = &post.entry;
                PostData {
                    version: VERSION,
                    site: site.clone(),
                    entry: post.entry.clone(),
                    newer,
                    older,
                    links,
                    headings,
                    code: post.code.clone(),
                    images: post.images.clone(),
                    math: post.math.clone(),
                    series: e.series_slug.as_ref().and_then(|slug| {
                        let page = series.iter().find(|s| s.0.tag.slug == *slug)?;
                        manifest::series_nav(page, &e.slug)
                    }),
                    related: related
                        .into_iter()
                        .map(|j| manifest::PostLink::of(&entries[j]))
                        .collect(),
                }
            })
            .collect();
        SiteData {
            lists,
            posts,
            pages: self.page_data(),
        }
    }

    /// Each standalone page's data (no neighbours: pages are not in the index's order).
    fn page_data(&self) -> Vec<StandalonePage> {
        self.pages
            .iter()
            .map(|page| {
                let (links, headings) = links_and_headings(page, &self.manifest);
                StandalonePage(PostData {
                    version: VERSION,
                    site: self.manifest.site.clone(),
                    entry: page.entry.clone(),
                    newer: None,
                    older: None,
                    links,
                    headings,
                    code: page.code.clone(),
                    images: page.images.clone(),
                    math: page.math.clone(),
                    series: None,
                    related: Vec::new(),
                })
            })
            .collect()
    }
}

impl SiteBuild {
    /// The search index of the published posts (drafts never, even in development builds),
    /// from their data (for the headings).
    pub fn search_index(&self, data: &SiteData) -> crate::search::Index {
        search_index(&[(self, data, "")])
    }
}

/// The search index of several sites' published posts, each `(build, data, at)`: `at` is the
/// base path of a site other than the one the index is for (a blog in several languages), empty
/// for its own.
pub fn search_index(sites: &[(&SiteBuild, &SiteData, &str)]) -> crate::search::Index {
    let sources = sites
        .iter()
        .flat_map(|(build, data, at)| {
            build
                .posts
                .iter()
                .zip(&data.posts)
                .chain(build.pages.iter().zip(data.pages.iter().map(|p| &p.0)))
                .filter(|(p, _)| !p.entry.draft)
                .map(move |(p, d)| (p, d, *at, markdown::plain_text(front_matter::body(&p.text))))
        })
        .collect::<Vec<_>>();
    crate::search::Index::build(
        sources
            .iter()
            .map(|(p, d, at, text)| search_source(p, d, at, text))
            .collect(),
    )
}

fn search_source<'a>(
    p: &'a Post,
    d: &'a PostData,
    at: &str,
    body: &'a str,
) -> crate::search::Source<'a> {
    let e = &p.entry;
    crate::search::Source {
        doc: crate::search::Doc {
            slug: e.slug.clone(),
            title: e.title.clone(),
            date_display: e.date_display.clone(),
            year: e
                .date
                .as_deref()
                .and_then(|d| d.get(..4))
                .and_then(|y| y.parse().ok()),
            tags: e.tag_slugs.clone(),
            hash: e.hash.clone(),
            page: e.is_page(),
            at: at.to_string(),
        },
        headings: d.headings.iter().map(|h| h.text.as_str()).collect(),
        tags: e.tags.iter().map(String::as_str).collect(),
        body,
    }
}

/// The other posts a post links to by file (`[x](./other.md)`), source path → slug, and the
/// post's headings.
fn links_and_headings(
    post: &Post,
    manifest: &Manifest,
) -> (Vec<(String, String)>, Vec<markdown::Heading>) {
    let found = std::cell::RefCell::new(Vec::new());
    let lookup = |path: &str| {
        let known = &manifest.site.templates.sources;
        let slug = manifest.slug_for_source(path).or_else(|| {
            let path = path.trim_start_matches('/');
            let (_, slug) = known.iter().find(|(s, _)| s == path)?;
            Some(slug.clone())
        })?;
        let source = path.trim_start_matches('/').to_string();
        let mut f = found.borrow_mut();
        if !f.iter().any(|(s, _): &(String, String)| *s == source) {
            f.push((source, slug.clone()));
        }
        Some(slug)
    };
    let dir = post.entry.source.rsplit_once('/').map_or("", |(d, _)| d);
    let rendered = markdown::render(
        crate::front_matter::body(&post.text),
        &RenderOptions {
            base: "",
            files: None,
            source_dir: dir,
            post_slug: Some(&lookup),
            code: &[],
            images: &[],
            math: &[],
        },
    );
    (found.into_inner(), rendered.headings)
}
