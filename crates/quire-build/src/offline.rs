//! Reading offline and installing: the service worker (`sw.js`, from the template beside this
//! file, versioned by the build), the list "Save the whole blog" fetches (`offline.json`) and
//! the web app manifest. Release builds only: under `make serve` no worker is started, so
//! nothing stale gets between the author and the page they are writing.

use anyhow::Result;
use quire_core::manifest::Site;
use quire_core::offline::{APP_CACHE_PREFIX, PAGES_CACHE, SERVICE_WORKER};
use quire_core::offline::{OFFLINE_LIST_PATH, WEB_MANIFEST};
use serde_json::json;
use std::path::Path;

const TEMPLATE: &str = include_str!("sw.js");

/// Everything the app may fetch, for "Save the whole blog": every post's and page's data and
/// Markdown, the index pages, tags, series, the archive, the search index, pictures and other
/// files. Paths are relative to the base path. The worker reads it.
#[derive(Default, serde::Serialize)]
struct OfflineList {
    /// Content-hashed files not already kept at install (the search worker), for the
    /// build's own cache.
    assets: Vec<String>,
    /// The rest, for the pages cache.
    files: Vec<String>,
    /// Their total size as stored, in bytes: what the reader is told before saving.
    bytes: u64,
    /// How many posts that is.
    posts: usize,
    /// A blog in several languages: each language's part (its folder, `""` for the default),
    /// which is what saving keeps unless the reader asks for every language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    languages: Vec<LanguageList>,
}

#[derive(Default, serde::Serialize)]
struct LanguageList {
    dir: String,
    files: Vec<String>,
    bytes: u64,
    posts: usize,
}

/// The search worker's files are kept when the reader searches or saves the blog, not at
/// install: most visits never search.
const LATER: &str = "quire-search-";
/// The preview worker's are kept only by whoever opens `/preview/` (it is the build's reading
/// of front matter, far larger than the app).
const PREVIEW: &str = "quire-preview-";

/// The theme's background (style/main.css, `--bg` light): the splash screen and title bar of an
/// installed blog.
const BACKGROUND: &str = "#fbf7f0";

/// The shell with what installing needs: the web app manifest's link (which is also how
/// `boot.js` knows to start the worker). The favicon's `integrity` goes: browsers check it on
/// scripts and stylesheets only, and every page carried its 90 bytes.
pub fn link(shell: &str, base: &str) -> String {
    let mut out = without_icon_integrity(shell);
    let tag = format!("<link rel=\"manifest\" href=\"{base}/{WEB_MANIFEST}\">");
    if !out.contains(&tag) {
        out = out.replacen("</head>", &format!("{tag}\n</head>"), 1);
    }
    out
}

fn without_icon_integrity(shell: &str) -> String {
    let Some(start) = shell.find("<link rel=\"icon\"") else {
        return shell.to_string();
    };
    let end = shell[start..].find('>').map_or(shell.len(), |e| start + e);
    let tag = &shell[start..end];
    let Some(i) = tag.find(" integrity=\"") else {
        return shell.to_string();
    };
    let close = tag[i + 12..]
        .find('"')
        .map_or(tag.len(), |e| i + 12 + e + 1);
    format!("{}{}{}", &shell[..start + i], &tag[close..], &shell[end..])
}

/// Writes `sw.js`, `offline.json` and the web app manifest. Call it last: the list covers every
/// file already in `out`. `languages`: each language's folder (`""` for the default, first)
/// and posts.
pub fn write(
    out: &Path,
    base: &str,
    shell: &str,
    site: &Site,
    languages: &[(&str, usize)],
) -> Result<()> {
    let hashed = crate::collect::hashed_files(out);
    let manifest = std::fs::read(out.join(quire_core::url::MANIFEST_PATH)).unwrap_or_default();
    let version = version(&hashed, &manifest);
    let cache = format!("{APP_CACHE_PREFIX}{version}");
    let icon = icon(shell);
    // What a page needs to start with the network down: the app, its loader, the renderer
    // worker (articles the app has no HTML for), the favicon, and the shell the worker answers
    // unopened pages with (404.html: the app routes by address, as on any static host).
    let mut precache: Vec<String> = hashed
        .iter()
        .filter(|f| !f.starts_with(LATER) && !f.starts_with(PREVIEW))
        .filter(|f| !f.ends_with(".css") || shell.contains(f.as_str()))
        .cloned()
        .collect();
    // (A build without prerendered pages, QUIRE_PRERENDER=0, has no 404.html: a file missing
    // here would fail the whole install.)
    precache.extend(
        ["boot.js", "404.html", WEB_MANIFEST]
            .into_iter()
            .filter(|f| *f == WEB_MANIFEST || out.join(f).exists())
            .map(String::from),
    );
    // The preview page's own files: kept when the worker starts under that page (it was loaded
    // before the worker could keep them), or when it is next opened.
    let mut preview: Vec<String> = hashed
        .iter()
        .filter(|f| f.starts_with(PREVIEW))
        .cloned()
        .collect();
    preview.extend(
        ["preview.js", "preview.css"]
            .into_iter()
            .filter(|f| out.join(f).exists())
            .map(String::from),
    );
    let config = json!({
        "version": version,
        "base": base,
        "app": cache,
        "pages": PAGES_CACHE,
        "precache": precache,
        "hashed": hashed,
        "needs": { quire_core::url::preview_route(base): preview },
    });
    let worker = TEMPLATE.replacen("__CONFIG__", &config.to_string(), 1);
    crate::collect::write(out, SERVICE_WORKER, worker)?;

    let list = offline_list(files(out)?, &hashed, languages);
    crate::collect::write(out, OFFLINE_LIST_PATH, serde_json::to_string(&list)?)?;

    let icons: Vec<_> = icon
        .iter()
        .map(|src| json!({ "src": src, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }))
        .collect();
    let title = if site.title.is_empty() {
        "quire"
    } else {
        &site.title
    };
    let app = json!({
        "name": title,
        "short_name": title,
        "description": site.description,
        "lang": site.language,
        "start_url": format!("{base}/"),
        "scope": format!("{base}/"),
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": BACKGROUND,
        "icons": icons,
    });
    crate::collect::write(
        out,
        WEB_MANIFEST,
        serde_json::to_string_pretty(&app)? + "\n",
    )
}

/// What saving keeps, of the files in the output (path, size): every language's, and each one's
/// part when there are several (a file under another language's folder is not this one's; the
/// rest, the app's and `public/`'s, is every language's).
fn offline_list(
    files: Vec<(String, u64)>,
    hashed: &[String],
    languages: &[(&str, usize)],
) -> OfflineList {
    let mut list = OfflineList {
        posts: languages.iter().map(|(_, n)| n).sum(),
        ..OfflineList::default()
    };
    if languages.len() > 1 {
        list.languages = languages
            .iter()
            .map(|(dir, posts)| LanguageList {
                dir: dir.to_string(),
                posts: *posts,
                ..LanguageList::default()
            })
            .collect();
    }
    // The language a file is the data of (its folder, `""` for the default), if any: a
    // bundle's pictures are published once, at the root, for every language.
    let owner = |rel: &str| -> Option<String> {
        let dir = languages
            .iter()
            .find(|(d, _)| !d.is_empty() && rel.starts_with(&format!("{d}/")));
        match dir {
            Some((d, _)) => Some(d.to_string()),
            None => (quire_core::url::DATA_PATHS
                .iter()
                .any(|p| rel.starts_with(p))
                && (rel.ends_with(".json") || rel.ends_with(".md")))
            .then(String::new),
        }
    };
    for (rel, size) in files {
        if hashed.contains(&rel) {
            if rel.starts_with(LATER) {
                for l in list.languages.iter_mut() {
                    l.bytes += size;
                }
                list.assets.push(rel);
                list.bytes += size;
            }
        } else if saved(&rel) {
            for l in list.languages.iter_mut() {
                if owner(&rel).is_none_or(|d| d == l.dir) {
                    l.files.push(rel.clone());
                    l.bytes += size;
                }
            }
            list.files.push(rel);
            list.bytes += size;
        }
    }
    list
}

/// The build's version: its content-hashed files (the app) and the manifest (every post's
/// hash, the site's settings). A new deployment changes it, and so `sw.js`.
fn version(hashed: &[String], manifest: &[u8]) -> String {
    let names = hashed.iter().flat_map(|f| [f.as_bytes(), &[0u8][..]]);
    crate::collect::content_hash(names.chain([manifest]))
}

/// The favicon the shell links, if it is an SVG (any size, as the manifest needs).
fn icon(shell: &str) -> Option<String> {
    let start = shell.find("<link rel=\"icon\"")?;
    let tag = &shell[start..start + shell[start..].find('>')?];
    let href = tag.split_once("href=\"")?.1.split_once('"')?.0;
    href.ends_with(".svg").then(|| href.to_string())
}

/// Whether saving the blog keeps a file: everything the app fetches, not the pages (the
/// worker answers them with the shell), feeds or files for hosts and crawlers.
fn saved(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    !matches!(ext, "html" | "xml" | "map" | "txt")
        && !name.starts_with('_')
        && !matches!(
            rel,
            SERVICE_WORKER | OFFLINE_LIST_PATH | WEB_MANIFEST | "boot.js"
        )
        && !rel.starts_with("quire-dev-")
}

/// Every file under `out` with its size, by path relative to it.
fn files(out: &Path) -> Result<Vec<(String, u64)>> {
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let meta = entry.metadata()?;
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                found.push((crate::display_path(out, &entry.path()), meta.len()));
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_is_linked_once_and_the_icons_integrity_goes() {
        let shell = "<head><link rel=\"icon\" href=\"/b/favicon-1.svg\" integrity=\"sha384-abc\"/><script src=\"x\" integrity=\"sha384-keep\"></script></head>";
        let once = link(shell, "/b");
        assert_eq!(
            once,
            "<head><link rel=\"icon\" href=\"/b/favicon-1.svg\"/><script src=\"x\" integrity=\"sha384-keep\"></script><link rel=\"manifest\" href=\"/b/manifest.webmanifest\">\n</head>"
        );
        assert_eq!(link(&once, "/b"), once);
        assert_eq!(icon(&once).as_deref(), Some("/b/favicon-1.svg"));
    }

    #[test]
    fn each_language_saves_its_own_files_and_the_shared_ones() {
        let files: Vec<(String, u64)> = [
            ("posts/a.json", 10),
            ("fr/posts/a.json", 20),
            ("img/photo.png", 100),
            ("quire-search-1.wasm", 1000),
            ("fr/index.html", 5),
            ("search/index.json", 7),
            ("posts/trip/photo.png", 1),
        ]
        .iter()
        .map(|(f, n)| (f.to_string(), *n))
        .collect();
        let hashed = vec!["quire-search-1.wasm".to_string()];
        let list = offline_list(files.clone(), &hashed, &[("", 3), ("fr", 2)]);
        assert_eq!((list.bytes, list.posts), (1138, 5));
        let [en, fr] = &list.languages[..] else {
            panic!()
        };
        let shared = ["img/photo.png", "posts/trip/photo.png"];
        assert_eq!(
            en.files,
            ["posts/a.json", shared[0], "search/index.json", shared[1]]
        );
        assert_eq!((en.bytes, en.posts), (1118, 3));
        assert_eq!(fr.files, ["fr/posts/a.json", shared[0], shared[1]]);
        assert_eq!((fr.bytes, fr.posts), (1121, 2));
        // One language: no parts, the same list as before.
        let one = offline_list(files, &hashed, &[("", 3)]);
        assert!(one.languages.is_empty());
        assert!(!serde_json::to_string(&one).unwrap().contains("languages"));
    }

    #[test]
    fn saving_keeps_what_the_app_fetches() {
        for kept in [
            "posts/a.json",
            "posts/a.md",
            "posts/a/photo.jpg",
            "index/1.json",
            "search/index.json",
            "archive.json",
            "files/talk.pdf",
        ] {
            assert!(saved(kept), "{kept}");
        }
        for left in [
            "posts/a/index.html",
            "404.html",
            "feed.xml",
            "tags/rust/feed.xml",
            "_headers",
            "_redirects",
            "robots.txt",
            "sw.js",
            "offline.json",
            "manifest.webmanifest",
            "quire-dev-reload.js",
        ] {
            assert!(!saved(left), "{left}");
        }
    }

    #[test]
    fn a_new_post_is_a_new_version() {
        let names = ["quire-0123456789abcdef.js".to_string()];
        let a = version(&names, b"{\"posts\":[]}");
        assert_eq!(a.len(), 16);
        assert_eq!(a, version(&names, b"{\"posts\":[]}"));
        assert_ne!(a, version(&names, b"{\"posts\":[{}]}"));
    }
}
