//! `quire-build watch`: the writing loop of `make serve`. trunk rebuilds the app when Rust,
//! styles or `index.html` change; a saved post, page or `quire.toml` is this loop's: it builds
//! the site's content straight into trunk's `dist/` (no cargo, no wasm-bindgen: trunk's full
//! pipeline took 1.8 s per save, BENCHMARKS.md) and bumps [`RELOAD_FILE`], which the pages of a
//! development build poll ([`RELOAD_JS`]) to reload themselves.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Changed on every rebuild; development pages reload when it changes.
pub const RELOAD_FILE: &str = "quire-dev-reload.txt";
/// The script development pages load (never in a release build).
pub const RELOAD_SCRIPT: &str = "quire-dev-reload.js";
/// A copy of trunk's shell, kept by development builds: the watcher prerenders from it after
/// trunk has replaced `index.html` with the prerendered home page.
pub const SHELL_COPY: &str = "quire-dev-shell.html";

/// Polls `quire-dev-reload.txt` a few times a second and reloads the page when it changes or
/// first appears (trunk answers a missing file with index.html: that is "no file yet").
pub const RELOAD_JS: &str = r#"// quire's development reload (make serve): the content watcher rewrites the file below.
const url = new URL("quire-dev-reload.txt", import.meta.url);
let seen; // undefined: not asked yet; null: no file yet
setInterval(async () => {
  try {
    const r = await fetch(url, { cache: "no-store" });
    const text = r.ok && (r.headers.get("content-type") || "").startsWith("text/plain");
    const token = text ? await r.text() : null;
    if (seen === undefined) seen = token;
    else if (token !== null && token !== seen) location.reload();
  } catch {}
}, 200);
"#;

/// What the content is made of, as (path, modified, length) of every file under `public/`
/// and `quire.toml`: any save changes it.
fn fingerprint(root: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Option<SystemTime>, u64)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                walk(&path, out);
            } else {
                out.push((path, meta.modified().ok(), meta.len()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root.join("public"), &mut out);
    if let Ok(meta) = std::fs::metadata(root.join("quire.toml")) {
        out.push((root.join("quire.toml"), meta.modified().ok(), meta.len()));
    }
    out.sort();
    out
}

/// Watches `root` and calls `rebuild` after each change (a burst of saves is one rebuild),
/// then writes a new reload token into `out`. Runs until killed.
pub fn run(root: &Path, out: &Path, mut rebuild: impl FnMut()) -> ! {
    eprintln!(
        "quire: watching {} for saved posts, pages and settings",
        root.display()
    );
    let mut last = fingerprint(root);
    let mut generation: u64 = 0;
    let mut pause = Duration::from_millis(100);
    loop {
        std::thread::sleep(pause);
        let scan = std::time::Instant::now();
        let now = fingerprint(root);
        // Every 100 ms, or less often where listing the content takes long (thousands of
        // posts): the watcher never takes more than a tenth of a core.
        pause = (scan.elapsed() * 10).max(Duration::from_millis(100));
        if now == last {
            continue;
        }
        // An editor may write a file in several steps: wait until it settles.
        std::thread::sleep(Duration::from_millis(30));
        last = fingerprint(root);
        rebuild();
        generation += 1;
        let token = format!("{generation} {:?}", SystemTime::now());
        if let Err(e) = crate::collect::write(out, RELOAD_FILE, token) {
            eprintln!("quire: cannot write {RELOAD_FILE}: {e:#}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_post_or_setting_changes_the_fingerprint_and_nothing_else_does() {
        let root = std::env::temp_dir().join(format!("quire-watch-{}", std::process::id()));
        std::fs::create_dir_all(root.join("public/posts/a")).unwrap();
        std::fs::write(root.join("public/posts/a/index.md"), "x").unwrap();
        std::fs::write(root.join("quire.toml"), "title = \"t\"").unwrap();
        let before = fingerprint(&root);
        assert_eq!(before.len(), 2);
        assert_eq!(fingerprint(&root), before, "nothing saved");
        std::fs::write(root.join("other.txt"), "outside the content").unwrap();
        assert_eq!(fingerprint(&root), before, "not content");
        std::fs::write(root.join("public/posts/a/index.md"), "xy").unwrap();
        assert_ne!(fingerprint(&root), before, "a post saved");
        let after_post = fingerprint(&root);
        std::fs::write(root.join("public/posts/b.md"), "new").unwrap();
        assert_ne!(fingerprint(&root), after_post, "a post added");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
