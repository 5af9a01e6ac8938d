//! The workers' files (search: `crates/quire-search`; the Markdown renderer:
//! `crates/quire-render`). trunk names a worker's files without a content hash (the app must
//! know the name at run time), so a browser could pair an old worker with a new index, and a
//! host cannot let browsers keep them. The build renames them with a hash of their content,
//! like trunk's other files (so `_headers` marks them immutable and a reader who searched once
//! can search offline), rewrites the loader to match, and names the loader in every page
//! through a `<meta>`.

use anyhow::Context;
use quire_core::url::{RENDER_WORKER_META, SEARCH_WORKER_META};
use std::path::Path;

/// The workers: trunk's name for each (its `data-bin`), which is also its `<meta>`'s name.
const WORKERS: [&str; 2] = [SEARCH_WORKER_META, RENDER_WORKER_META];

/// Renames every worker's files in `out` and returns the shell with their `<meta>`s; the shell
/// unchanged for a worker trunk did not build (a build outside trunk).
pub fn stamp(out: &Path, shell: &str) -> anyhow::Result<String> {
    let mut shell = shell.to_string();
    for name in WORKERS {
        shell = stamp_one(out, name, &shell)?;
    }
    Ok(shell)
}

fn stamp_one(out: &Path, name: &str, shell: &str) -> anyhow::Result<String> {
    Ok(match rename(out, name)? {
        Some(loader) => with_meta(shell, name, &loader),
        None => shell.to_string(),
    })
}

/// Renames one worker's files by their content and writes its loader; the loader's name, or
/// `None` when trunk did not build the worker. The preview worker goes through here alone: only
/// the `/preview/` page names it (`crate::preview`), so other pages carry no `<meta>` for it.
pub fn rename(out: &Path, name: &str) -> anyhow::Result<Option<String>> {
    let (js_file, wasm_file) = (format!("{name}.js"), format!("{name}_bg.wasm"));
    let (Ok(js), Ok(wasm)) = (
        std::fs::read(out.join(&js_file)),
        std::fs::read(out.join(&wasm_file)),
    ) else {
        return Ok(None);
    };
    let hash = crate::collect::content_hash([&js[..], &wasm[..]]);
    let names = Names::new(name, &hash);
    let rename = |from: &str, to: &str| {
        std::fs::rename(out.join(from), out.join(to))
            .with_context(|| format!("cannot rename {from} to {to} in {}", out.display()))
    };
    rename(&js_file, &names.js)?;
    rename(&wasm_file, &names.wasm)?;
    crate::collect::write(
        out,
        &names.loader,
        format!(
            "importScripts(\"./{}\");wasm_bindgen({{module_or_path:\"./{}\"}});",
            names.js, names.wasm
        ),
    )?;
    // trunk's own loader names the unhashed files, which are gone.
    let _ = std::fs::remove_file(out.join(format!("{name}_loader.js")));
    Ok(Some(names.loader))
}

/// `<name>-<hash>.js`, `<name>-<hash>_bg.wasm` and `<name>-loader-<hash>.js`: the shapes
/// `collect::hashed_files` recognises.
struct Names {
    js: String,
    wasm: String,
    loader: String,
}

impl Names {
    fn new(name: &str, hash: &str) -> Names {
        Names {
            js: format!("{name}-{hash}.js"),
            wasm: format!("{name}-{hash}_bg.wasm"),
            loader: format!("{name}-loader-{hash}.js"),
        }
    }
}

/// The shell with `<meta name="<name>" content="…">`, replacing one already there
/// (`trunk serve` runs the hook again on the shell it finished).
fn with_meta(shell: &str, name: &str, src: &str) -> String {
    let meta = format!("<meta name=\"{name}\" content=\"{src}\" />");
    let mut out = shell.to_string();
    let marker = format!("<meta name=\"{name}\"");
    if let Some(start) = out.find(&marker) {
        if let Some(len) = out[start..].find("/>") {
            out.replace_range(start..start + len + 2, &meta);
            return out;
        }
    }
    if let Some(i) = out.find("<head>") {
        out.insert_str(i + "<head>".len(), &format!("\n    {meta}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_by_content_and_names_the_loader_in_the_shell() {
        let dir = std::env::temp_dir().join(format!("quire-worker-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let shell = "<html><head><title>t</title></head></html>";
        assert_eq!(stamp(&dir, shell).unwrap(), shell, "no worker: unchanged");

        let build = |wasm: &str, shell: &str| {
            for name in WORKERS {
                std::fs::write(dir.join(format!("{name}.js")), "js").unwrap();
                std::fs::write(
                    dir.join(format!("{name}_bg.wasm")),
                    format!("{name} {wasm}"),
                )
                .unwrap();
                std::fs::write(dir.join(format!("{name}_loader.js")), "trunk's").unwrap();
            }
            stamp(&dir, shell).unwrap()
        };
        let once = build("wasm", shell);
        let hashed = crate::collect::hashed_files(&dir);
        assert_eq!(hashed.len(), 6, "{hashed:?}");
        for name in WORKERS {
            let loader = hashed
                .iter()
                .find(|f| f.starts_with(&format!("{name}-loader-")))
                .unwrap();
            assert!(
                once.contains(&format!("<meta name=\"{name}\" content=\"{loader}\" />")),
                "{once}"
            );
            let code = std::fs::read_to_string(dir.join(loader)).unwrap();
            let wasm = hashed
                .iter()
                .find(|f| f.starts_with(&format!("{name}-")) && f.ends_with("_bg.wasm"))
                .unwrap();
            assert!(
                code.contains(&format!("module_or_path:\"./{wasm}\"")),
                "{code}"
            );
            assert!(!dir.join(format!("{name}.js")).exists());
            assert!(!dir.join(format!("{name}_loader.js")).exists());
        }

        // A new module, new names; the shell keeps one meta per worker.
        let twice = build("wasm 2", &once);
        for name in WORKERS {
            assert_eq!(twice.matches(&format!("<meta name=\"{name}\"")).count(), 1);
        }
        let loader = hashed.iter().find(|f| f.contains("loader")).unwrap();
        assert!(!twice.contains(loader.as_str()), "{twice}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
