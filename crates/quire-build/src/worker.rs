//! The search worker's files. trunk names a worker's files without a content hash (the app
//! must know the name at run time), so a browser could pair an old worker with a new index,
//! and a host cannot let browsers keep them. The build renames them with a hash of their
//! content, like trunk's other files (so `_headers` marks them immutable and a reader who
//! searched once can search offline), rewrites the loader to match, and names the loader in
//! every page through a `<meta>`.

use anyhow::Context;
use quire_core::url::{SEARCH_WORKER, SEARCH_WORKER_META};
use sha2::Digest;
use std::path::Path;

const JS: &str = "quire-search.js";
const WASM: &str = "quire-search_bg.wasm";

/// Renames the worker's files in `out` and returns the shell with its `<meta>`; the shell
/// unchanged when trunk built no worker (a build outside trunk).
pub fn stamp(out: &Path, shell: &str) -> anyhow::Result<String> {
    let (Ok(js), Ok(wasm)) = (std::fs::read(out.join(JS)), std::fs::read(out.join(WASM))) else {
        return Ok(shell.to_string());
    };
    let mut hasher = sha2::Sha256::new();
    hasher.update(&js);
    hasher.update(&wasm);
    let hash: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let names = Names::new(&hash);
    let rename = |from: &str, to: &str| {
        std::fs::rename(out.join(from), out.join(to))
            .with_context(|| format!("cannot rename {from} to {to} in {}", out.display()))
    };
    rename(JS, &names.js)?;
    rename(WASM, &names.wasm)?;
    crate::collect::write(
        out,
        &names.loader,
        format!(
            "importScripts(\"./{}\");wasm_bindgen({{module_or_path:\"./{}\"}});",
            names.js, names.wasm
        ),
    )?;
    // trunk's own loader names the unhashed files, which are gone.
    let _ = std::fs::remove_file(out.join(SEARCH_WORKER));
    Ok(with_meta(shell, &names.loader))
}

/// `quire-search-<hash>.js`, `quire-search-<hash>_bg.wasm` and
/// `quire-search-loader-<hash>.js`: the shapes `collect::hashed_files` recognises.
struct Names {
    js: String,
    wasm: String,
    loader: String,
}

impl Names {
    fn new(hash: &str) -> Names {
        Names {
            js: format!("quire-search-{hash}.js"),
            wasm: format!("quire-search-{hash}_bg.wasm"),
            loader: format!("quire-search-loader-{hash}.js"),
        }
    }
}

/// The shell with `<meta name="quire-search" content="…">`, replacing one already there
/// (`trunk serve` runs the hook again on the shell it finished).
fn with_meta(shell: &str, src: &str) -> String {
    let meta = format!("<meta name=\"{SEARCH_WORKER_META}\" content=\"{src}\" />");
    let mut out = shell.to_string();
    let marker = format!("<meta name=\"{SEARCH_WORKER_META}\"");
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
            std::fs::write(dir.join(JS), "js").unwrap();
            std::fs::write(dir.join(WASM), wasm).unwrap();
            std::fs::write(dir.join(SEARCH_WORKER), "trunk's").unwrap();
            stamp(&dir, shell).unwrap()
        };
        let once = build("wasm", shell);
        let hashed = crate::collect::hashed_files(&dir);
        assert_eq!(hashed.len(), 3, "{hashed:?}");
        let loader = hashed.iter().find(|f| f.contains("loader")).unwrap();
        assert!(
            once.contains(&format!(
                "<meta name=\"quire-search\" content=\"{loader}\" />"
            )),
            "{once}"
        );
        let code = std::fs::read_to_string(dir.join(loader)).unwrap();
        let wasm = hashed.iter().find(|f| f.ends_with("_bg.wasm")).unwrap();
        assert!(
            code.contains(&format!("module_or_path:\"./{wasm}\"")),
            "{code}"
        );
        assert!(!dir.join(JS).exists() && !dir.join(SEARCH_WORKER).exists());

        // A new module, new names; the shell keeps one meta.
        let twice = build("wasm 2", &once);
        assert_eq!(twice.matches("<meta name=\"quire-search\"").count(), 1);
        assert!(!twice.contains(loader.as_str()), "{twice}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
