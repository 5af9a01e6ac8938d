//! The app's routes loaded on demand (issue 24). The app marks the code of rarely first-opened
//! routes `#[lazy]` (its `split` feature, which index.html turns on); trunk then builds and
//! binds one module whose lazy functions import from a placeholder. Here, before anything else
//! reads the build, that module is split as cargo-leptos does: cargo's own output (with the
//! linker's relocations: the app's `build.rs`) goes through `wasm_split_cli_support`, its main
//! part through wasm-bindgen and wasm-opt again under trunk's names, and each split part is
//! named by a hash of its content, like trunk's files, so hosts and the service worker keep
//! them as they keep the rest.

use crate::collect::content_hash;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a bound module still imports when it has not been split.
const PLACEHOLDER: &str = "__wasm_split_placeholder__";
/// The link module's name as the splitter writes it, replaced by the hashed one.
const LINK: &str = "./__wasm_split.js";

/// Splits the app in `out` if trunk left it whole; nothing to do for a build already split
/// (`make serve`'s watcher rebuilding content) or without lazy routes.
pub fn apply(out: &Path, release: bool) -> Result<()> {
    let Some(stem) = unsplit_app(out)? else {
        return Ok(());
    };
    let raw = raw_module(release)?;
    let input = std::fs::read(&raw).with_context(|| format!("cannot read {}", raw.display()))?;
    let work = std::env::temp_dir().join(format!("quire-split-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let main = work.join("main.wasm");
    let main_module = format!("./{stem}.js");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = &work;
    opts.main_out_path = &main;
    opts.main_module = &main_module;
    opts.link_name = LINK;
    wasm_split_cli_support::transform(opts)
        .map_err(|e| anyhow::anyhow!("{e:#}"))
        .with_context(|| format!("cannot split {}", raw.display()))?;
    bind(&main, &work, &stem)?;
    let mut parts = vec![work.join(format!("{stem}_bg.wasm"))];
    parts.extend(split_parts(&work)?);
    if release {
        for part in &parts {
            optimize(part)?;
        }
    }
    publish(out, &work, &stem, &parts[1..])?;
    std::fs::remove_dir_all(&work)?;
    Ok(())
}

/// trunk's name for the app (`quire-<hash>`), when its glue still imports the placeholder.
fn unsplit_app(out: &Path) -> Result<Option<String>> {
    for entry in std::fs::read_dir(out)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".js") else {
            continue;
        };
        let is_app = stem
            .strip_prefix("quire-")
            .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()));
        if is_app && std::fs::read_to_string(out.join(&name))?.contains(PLACEHOLDER) {
            return Ok(Some(stem.to_string()));
        }
    }
    Ok(None)
}

/// cargo's module of the app, as trunk just built it.
fn raw_module(release: bool) -> Result<PathBuf> {
    let meta = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .context("cannot run cargo metadata to find the app's module")?;
    let meta: serde_json::Value =
        serde_json::from_slice(&meta.stdout).context("cargo metadata did not print its JSON")?;
    let target = meta["target_directory"]
        .as_str()
        .context("cargo metadata names no target directory")?;
    let profile = if release { "release" } else { "debug" };
    let path = Path::new(target)
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("quire.wasm");
    if !path.exists() {
        bail!(
            "the app uses lazy routes but {} is missing: build it with trunk",
            path.display()
        );
    }
    Ok(path)
}

/// wasm-bindgen over the main part, as trunk runs it, keeping the exports the parts import.
fn bind(main: &Path, work: &Path, stem: &str) -> Result<()> {
    run(Command::new("wasm-bindgen")
        .args(["--target=web", "--no-typescript", "--keep-lld-exports"])
        .arg(format!("--out-dir={}", work.display()))
        .arg(format!("--out-name={stem}"))
        .arg(main))
}

/// The parts split off, in a stable order.
fn split_parts(work: &Path) -> Result<Vec<PathBuf>> {
    let mut parts: Vec<PathBuf> = std::fs::read_dir(work)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
        })
        .collect();
    parts.sort();
    Ok(parts)
}

/// wasm-opt -Oz in place, as index.html asks trunk for the whole module.
fn optimize(part: &Path) -> Result<()> {
    run(Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(part)
        .arg("-o")
        .arg(part))
}

fn run(command: &mut Command) -> Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = command
        .output()
        .with_context(|| format!("cannot run {program}: is it installed (make setup)?"))?;
    if !output.status.success() {
        bail!(
            "{program} failed while splitting the app: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Writes the parts under hashed names, the link module naming them, and the main part with
/// its glue in place of trunk's.
fn publish(out: &Path, work: &Path, stem: &str, parts: &[PathBuf]) -> Result<()> {
    let mut link = canonical_link(&std::fs::read_to_string(work.join(LINK))?);
    for part in parts {
        let bytes = std::fs::read(part)?;
        let file = part.file_name().unwrap_or_default().to_string_lossy();
        let hashed = format!(
            "quire-split-{}-{}.wasm",
            part_name(&file),
            content_hash([&bytes[..]])
        );
        link = link.replace(&format!("\"./{file}\""), &format!("\"./{hashed}\""));
        std::fs::write(out.join(&hashed), bytes)?;
    }
    let link_name = format!("quire-split-{}.js", content_hash([link.as_bytes()]));
    std::fs::write(out.join(&link_name), &link)?;
    let glue = std::fs::read_to_string(work.join(format!("{stem}.js")))?;
    // The import statements only: the module's own import names (the keys of its imports
    // object) stay as the main part declares them.
    let glue = glue.replace(
        &format!("from \"{LINK}\""),
        &format!("from \"./{link_name}\""),
    );
    std::fs::write(out.join(format!("{stem}.js")), glue)?;
    std::fs::copy(
        work.join(format!("{stem}_bg.wasm")),
        out.join(format!("{stem}_bg.wasm")),
    )?;
    Ok(())
}

/// The link module with what the splitter writes in hash-map order sorted: the shared names
/// the main part lends the parts, and the routes' loaders. Without it the same app gives a
/// loader under another name on every build, and the glue naming it changes under trunk's
/// unchanged name, which a CDN may keep.
fn canonical_link(link: &str) -> String {
    const LOADER: &str = "export const __wasm_split_load_";
    let (head, loaders) = link.split_at(link.find(LOADER).unwrap_or(link.len()));
    let head: String = head
        .split_inclusive('\n')
        .map(|line| {
            if line.contains("initSync(undefined, undefined)")
                || line.contains("Object.assign(sharedImports.__wasm_split, {")
            {
                sorted_braces(line)
            } else {
                line.to_string()
            }
        })
        .collect();
    let mut blocks: Vec<String> = loaders
        .split(LOADER)
        .filter(|b| !b.is_empty())
        .map(|b| format!("{LOADER}{}", b.trim_end_matches('\n')))
        .collect();
    blocks.sort();
    let mut out = head;
    for block in blocks {
        out.push_str(&block);
        out.push('\n');
    }
    out
}

/// `… { b, a,  } …` → `… { a, b, } …`: the names in a line's first braces, sorted.
fn sorted_braces(line: &str) -> String {
    let (Some(open), Some(close)) = (line.find('{'), line.find('}')) else {
        return line.to_string();
    };
    if close < open {
        return line.to_string();
    }
    let mut names: Vec<&str> = line[open + 1..close]
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    let list: String = names.iter().map(|n| format!("{n}, ")).collect();
    format!("{}{{ {list}}}{}", &line[..open], &line[close + 1..])
}

/// `split_archive_view_1416…` → `archive-view`; `chunk_3` (code two parts share) → `chunk-3`.
fn part_name(file: &str) -> String {
    let name = file.trim_end_matches(".wasm");
    let name = match name.strip_prefix("split_") {
        Some(split) => split
            .rsplit_once('_')
            .filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit()))
            .map_or(split, |(name, _)| name),
        None => name,
    };
    name.replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::{canonical_link, part_name};

    #[test]
    fn the_link_module_is_the_same_whatever_order_the_splitter_wrote() {
        let head = "import { initSync } from \"./quire-1.js\";\n        const { memory, __wasm_split_shared0, __indirect_function_table,  } = initSync(undefined, undefined);\n        Object.assign(sharedImports.__wasm_split, { memory, __indirect_function_table,  });\nconst __chunk_5 = makeLoad(() => {}, []);\n";
        let a = "export const __wasm_split_load_tags_view_1 = wrap(makeLoad(() => {\n}, [__chunk_5]));\n";
        let b = "export const __wasm_split_load_archive_view_2 = wrap(makeLoad(() => {\n}, []));\n";
        let one = canonical_link(&format!("{head}{a}{b}"));
        let other = canonical_link(&format!(
            "{}{b}{a}",
            head.replace(
                "memory, __wasm_split_shared0, __indirect_function_table,",
                "__wasm_split_shared0, __indirect_function_table, memory,"
            )
        ));
        assert_eq!(one, other);
        assert!(one.contains(
            "const { __indirect_function_table, __wasm_split_shared0, memory, } = initSync(undefined, undefined);\n"
        ));
        assert!(one.contains("{ __indirect_function_table, memory, });\n"));
        assert!(one.ends_with(&format!(
            "const __chunk_5 = makeLoad(() => {{}}, []);\n{b}{a}"
        )));
    }

    #[test]
    fn parts_are_named_by_their_route() {
        assert_eq!(
            part_name("split_archive_view_14169503843966164787.wasm"),
            "archive-view"
        );
        assert_eq!(part_name("split_tags_view_1996.wasm"), "tags-view");
        assert_eq!(part_name("chunk_3.wasm"), "chunk-3");
    }
}
