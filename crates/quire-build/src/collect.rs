//! File system side of the build: finding posts and static files, writing the output.

use crate::display_path;
use anyhow::{Context, Result};
use quire_core::diagnostics::Diagnostic;
use quire_core::manifest::{RouteData, Site};
use quire_core::post::SourceFile;
use quire_core::site_build::{SiteBuild, SiteData};
use std::fs;
use std::path::{Path, PathBuf};

pub struct ProjectInput {
    pub site: Site,
    /// The default language's posts and pages (every one, for a site in one language).
    pub posts: Vec<SourceFile>,
    /// The other languages' (`[languages]`), each named as a one-language site names its
    /// files (`posts/x.md` for `posts/x.fr.md`; see `quire_core::language::files`).
    pub translations: Vec<(String, Vec<SourceFile>)>,
    /// Static files: (source path, path relative to the output root).
    pub assets: Vec<(PathBuf, String)>,
    /// Page bundles' folders (`posts/x/`), whether their `index.md` could be read or not.
    pub bundles: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

pub const CONFIG_FILE: &str = "quire.toml";

pub fn read_project(root: &Path) -> Result<ProjectInput> {
    let mut diagnostics = Vec::new();
    let config = root.join(CONFIG_FILE);
    let site = match fs::read_to_string(&config) {
        Ok(text) => {
            let (site, d) = quire_core::site::parse(CONFIG_FILE, &text);
            diagnostics.extend(d);
            site
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Site::default(),
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                CONFIG_FILE,
                format!("cannot be read ({e}); default settings are used"),
            ));
            Site::default()
        }
    };

    let public = root.join("public");
    let mut posts = Vec::new();
    let mut assets = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    if !public.join("posts").is_dir() {
        diagnostics.push(Diagnostic::warning(
            display_path(root, &public.join("posts")),
            "the posts folder does not exist; the blog has no posts yet",
        ));
    }
    let mut stack = vec![public.clone()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let shown = display_path(root, &path);
            let rel = display_path(&public, &path);
            let meta =
                fs::symlink_metadata(&path).with_context(|| format!("cannot read {shown}"))?;
            if meta.file_type().is_symlink() {
                // A link could point anywhere on the author's disk; publishing its target is a leak.
                diagnostics.push(Diagnostic::warning(
                    &shown,
                    "symbolic links are not followed; the file is skipped. Copy the file into public/ instead",
                ));
                continue;
            }
            if meta.is_dir() {
                stack.push(path);
                continue;
            }
            let is_markdown = name.ends_with(".md") || name.ends_with(".markdown");
            // Posts, and standalone pages (`pages/about.md` → `/about/`).
            let is_post = (rel.starts_with("posts/") || rel.starts_with("pages/")) && is_markdown;
            if is_post {
                match fs::read(&path) {
                    Ok(bytes) => posts.push(SourceFile {
                        display_path: shown,
                        rel_path: rel,
                        bytes,
                    }),
                    Err(e) => {
                        let bundle = matches!(name.as_str(), "index.md" | "index.markdown");
                        let also = if bundle {
                            ", and the files beside it are not published either"
                        } else {
                            ""
                        };
                        diagnostics.push(Diagnostic::error(
                            &shown,
                            format!("cannot be read ({e}); the post is skipped{also}"),
                        ));
                        if bundle {
                            unreadable.push(rel.clone());
                        }
                    }
                }
            } else {
                assets.push((path, rel));
            }
        }
    }
    let (languages, d) = quire_core::language::files(&site, posts);
    diagnostics.extend(d);
    // Inside a page bundle (a folder with `index.md`), other Markdown files are the post's
    // resources, published as files (as in Hugo), not posts of their own.
    let bundles: Vec<String> = languages
        .iter()
        .flat_map(|(_, files)| files.iter().map(|p| &p.rel_path))
        .chain(&unreadable)
        .filter_map(|rel| {
            let (dir, file) = rel.rsplit_once('/')?;
            matches!(file, "index.md" | "index.markdown").then(|| format!("{dir}/"))
        })
        .collect();
    let mut languages = languages.into_iter().map(|(code, files)| {
        let (resources, posts): (Vec<SourceFile>, Vec<SourceFile>) = files
            .into_iter()
            .partition(|p| is_resource(&bundles, &p.rel_path));
        for r in resources {
            let rel = display_path(&public, &root.join(&r.display_path));
            assets.push((root.join(&r.display_path), rel));
        }
        (code, posts)
    });
    let posts = languages.next().map(|(_, p)| p).unwrap_or_default();
    let translations: Vec<(String, Vec<SourceFile>)> = languages.collect();
    // Where bundles really are (`posts/fr/x/` in a language's `content_dir`), for their files.
    let bundles = posts
        .iter()
        .chain(translations.iter().flat_map(|(_, f)| f))
        .map(|p| display_path(&public, &root.join(&p.display_path)))
        .chain(unreadable)
        .filter_map(|rel| {
            let (dir, file) = rel.rsplit_once('/')?;
            (file.split('.').next() == Some("index")).then(|| format!("{dir}/"))
        })
        .collect();
    Ok(ProjectInput {
        site,
        posts,
        translations,
        assets,
        bundles,
        diagnostics,
    })
}

/// A Markdown file inside a page bundle other than its `index.md`: a file the post links to.
fn is_resource(bundles: &[String], rel: &str) -> bool {
    let (dir, _) = rel.rsplit_once('/').unwrap_or(("", ""));
    let dir = format!("{dir}/");
    bundles.iter().any(|b| {
        dir.starts_with(b.as_str())
            && !rel.ends_with("/index.md")
            && !rel.ends_with("/index.markdown")
    })
}

/// The build's name for content: the first 8 bytes of the SHA-256 of `parts` in order, in hex
/// (16 digits, as trunk names its files), for the workers', the route modules' and `sw.js`'s.
pub fn content_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes one output file, creating its folders: every file the build writes goes through here.
pub fn write(out: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> Result<()> {
    let dest = out.join(rel);
    if let Some(parent) = dest.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(&dest, bytes).with_context(|| format!("cannot write {}", dest.display()))
}

/// Copies `public/`'s static files, except those of a bundle whose post is not published (a
/// draft in a release build, or a post that could not be read): its images could otherwise
/// leak a draft.
pub fn copy_assets(out: &Path, builds: &[&SiteBuild], input: &ProjectInput) -> Result<()> {
    let published: Vec<String> = builds
        .iter()
        .flat_map(|b| b.posts.iter().chain(&b.pages))
        .filter_map(|p| {
            let rel = p.file.strip_prefix("public/").unwrap_or(&p.file);
            let (dir, file) = rel.rsplit_once('/')?;
            let file = file.split('.').next().unwrap_or(file);
            (file == "index").then(|| format!("{dir}/"))
        })
        .collect();
    let withheld = |rel: &str| {
        input
            .bundles
            .iter()
            .filter(|b| rel.starts_with(b.as_str()))
            .max_by_key(|b| b.len())
            .is_some_and(|b| !published.contains(b))
    };
    for (src, rel) in input.assets.iter().filter(|(_, rel)| !withheld(rel)) {
        let dest = out.join(rel);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::copy(src, &dest)
            .with_context(|| format!("cannot copy {} to {}", src.display(), dest.display()))?;
    }
    Ok(())
}

/// One language's Markdown, data files and search index, under its folder `out`.
pub fn write_output(out: &Path, build: &SiteBuild, data: &SiteData) -> Result<()> {
    for post in build.posts.iter().chain(&build.pages) {
        write(out, &post.entry.markdown_path(), &post.text)?;
    }
    for page in &data.pages {
        write_json(out, &page.data_path(), page)?;
    }
    // The whole manifest, for tools and search; the app loads the smaller files below.
    write_json(out, quire_core::url::MANIFEST_PATH, &build.manifest)?;
    for list in &data.lists {
        write_json(out, &list.data_path(), list)?;
    }
    for post in &data.posts {
        write_json(
            out,
            &quire_core::url::post_data_path(&post.entry.slug),
            post,
        )?;
    }
    let started = std::time::Instant::now();
    let index = build.search_index(data);
    let json = serde_json::to_string(&index)?;
    // For `bench/search.mjs`: the index's own build time, apart from the rest of the hook.
    if std::env::var_os("QUIRE_TIMINGS").is_some() {
        eprintln!(
            "quire timing: search index of {} posts and {} terms built in {:.1} ms",
            index.docs.len(),
            index.terms.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    write(out, quire_core::url::SEARCH_INDEX_PATH, json)?;
    let (tag_list, tag_pages) = build.tags();
    write_json(out, quire_core::url::TAGS_DATA_PATH, &tag_list)?;
    for page in &tag_pages {
        write_json(out, &quire_core::url::tag_data_path(&page.tag.slug), page)?;
    }
    for page in build.categories() {
        write_json(out, &page.data_path(), &page)?;
    }
    for page in build.series() {
        write_json(out, &page.data_path(), &page)?;
    }
    let archive = build.archive();
    write_json(out, &archive.data_path(), &archive)?;
    for page in build.authors() {
        write_json(out, &page.data_path(), &page)?;
    }
    Ok(())
}

/// [`write`] for one of the build's JSON files.
fn write_json<T: serde::Serialize>(out: &Path, rel: &str, value: &T) -> Result<()> {
    write(out, rel, serde_json::to_string(value)?)
}

/// trunk's content-hashed output files (`quire-0123456789abcdef_bg.wasm`, `main-….css`), by name.
pub fn hashed_files(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| is_hashed(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        // trunk prints its 64-bit hash without leading zeros: usually 16 digits, not always.
        .is_some_and(|(_, h)| {
            (12..=16).contains(&h.len()) && h.chars().all(|c| c.is_ascii_hexdigit())
        })
}
