//! quire's native build tool. trunk runs `quire-build build` as a post-build hook; authors run
//! `quire-build check` (or `make check`) to validate posts without building.
//!
//! It reads `public/` (posts under `public/posts/`, other files copied as they are) and
//! `quire.toml`, and writes into the build output: `manifest.json`, each published post's
//! Markdown at `posts/<slug>.md`, and the static files.

use quire_core::diagnostics::{self, Diagnostic};
use quire_core::manifest::{ListPage, PostData};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod collect;
mod feed;
mod highlight;
mod prerender;
mod shell;
mod worker;

const USAGE: &str = "\
usage: quire-build <build|check> [options]

  build   validate posts and write manifest.json, posts/*.md and static files
  check   validate posts only; exit 1 on errors (with --strict, on warnings too)

options:
  --root DIR       project root holding public/ and quire.toml
                   (default: $QUIRE_CONTENT, else $TRUNK_SOURCE_DIR, else .)
  --out DIR        build output (default: $TRUNK_STAGING_DIR or dist)
  --drafts         include draft posts (default under `trunk serve`, i.e. when TRUNK_PROFILE is not release)
  --no-drafts      leave draft posts out (default for release builds)
  --release        a release build: no drafts, strict Content-Security-Policy (default when
                   TRUNK_PROFILE is release)
  --base PATH      public URL path the site is served under (default: $TRUNK_PUBLIC_URL or /)
  --strict         fail on warnings too
";

struct Args {
    command: String,
    root: PathBuf,
    out: PathBuf,
    drafts: bool,
    /// A release build: drafts out, strict CSP in.
    release: bool,
    strict: bool,
    /// Base path without trailing slash, from trunk's public URL.
    base: String,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or("missing command")?;
    if command == "-h" || command == "--help" {
        return Err(String::new());
    }
    if command != "build" && command != "check" {
        return Err(format!("unknown command {command:?}"));
    }
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let mut args = Args {
        command,
        // QUIRE_CONTENT points trunk's hook at another site's public/ and quire.toml (tests).
        root: env("QUIRE_CONTENT")
            .or_else(|| env("TRUNK_SOURCE_DIR"))
            .map_or_else(|| PathBuf::from("."), PathBuf::from),
        out: env("TRUNK_STAGING_DIR").map_or_else(|| PathBuf::from("dist"), PathBuf::from),
        drafts: env("TRUNK_PROFILE").is_some_and(|p| p != "release"),
        release: env("TRUNK_PROFILE").is_some_and(|p| p == "release"),
        strict: false,
        base: quire_core::url::normalize_base(&env("TRUNK_PUBLIC_URL").unwrap_or_default()),
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--root" => args.root = it.next().ok_or("--root needs a folder")?.into(),
            "--out" => args.out = it.next().ok_or("--out needs a folder")?.into(),
            "--drafts" => args.drafts = true,
            "--release" => {
                args.release = true;
                args.drafts = false;
            }
            "--no-drafts" => args.drafts = false,
            "--strict" => args.strict = true,
            "--base" => {
                args.base =
                    quire_core::url::normalize_base(&it.next().ok_or("--base needs a path")?)
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("quire-build: {e}");
            }
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quire-build: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let input = collect::read_project(&args.root)?;
    let mut build = quire_core::site_build::build_site(&input.posts, input.site, args.drafts);
    let mut diags: Vec<Diagnostic> = input.diagnostics;
    diags.extend(build.diagnostics.iter().cloned());
    let exists = |rel: &str| {
        input.assets.iter().any(|(_, r)| r == rel) || input.posts.iter().any(|p| p.rel_path == rel)
    };
    diags.extend(quire_core::links::check(&build, &exists));

    for d in &diags {
        eprintln!("{d}");
    }
    let (errors, warnings) = diagnostics::count(&diags);
    let mut diags_after: Vec<Diagnostic> = Vec::new();
    let drafts = build.posts.iter().filter(|p| p.entry.draft).count();

    if args.command == "build" {
        build.highlight(&highlight::highlight);
        // Index pages and each post's data (neighbours, links, headings, highlighting): made
        // once, written as files and embedded in the prerendered pages.
        let data = build.data();
        collect::write_output(&args.out, &build, &data, &input.assets)?;
        write_site_files(args, &build, &data, &mut diags_after)?;
    }
    for d in &diags_after {
        eprintln!("{d}");
    }
    let (errors, warnings) = {
        let (e, w) = diagnostics::count(&diags_after);
        (errors + e, warnings + w)
    };
    eprintln!(
        "quire: {} post{} published{}, {errors} error{}, {warnings} warning{}{}",
        build.posts.len(),
        plural(build.posts.len()),
        if drafts > 0 {
            format!(
                " ({drafts} draft{} shown: not a release build)",
                plural(drafts)
            )
        } else {
            String::new()
        },
        plural(errors),
        plural(warnings),
        if args.command == "build" {
            format!(" → {}", args.out.display())
        } else {
            String::new()
        },
    );
    let failed = errors > 0 || (args.strict && warnings > 0);
    // A build with broken posts still succeeds, so one bad post never takes the blog down;
    // `check` (and `build --strict`) are the gates.
    if failed && (args.command == "check" || args.strict) {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Prerendered pages, feeds and host files, written around trunk's shell (`index.html`).
fn write_site_files(
    args: &Args,
    build: &quire_core::site_build::SiteBuild,
    data: &(Vec<ListPage>, Vec<PostData>),
    diags: &mut Vec<Diagnostic>,
) -> Result<(), String> {
    let write = |rel: &str, text: &str| -> Result<(), String> {
        let dest = args.out.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&dest, text).map_err(|e| format!("cannot write {}: {e}", dest.display()))
    };
    let manifest = &build.manifest;
    let shell_path = args.out.join("index.html");
    let shell = match std::fs::read_to_string(&shell_path) {
        Ok(s) => Ok(worker::stamp(&args.out, &s)?),
        Err(e) => Err(e),
    };
    let policy = match &shell {
        Ok(html) if args.release => Some(shell::csp(html)),
        _ => None,
    };
    match shell {
        Ok(shell) if shell.contains(quire_core::url::ROOT_ID) => diags.push(Diagnostic::warning(
            display_path(&args.out, &shell_path),
            "is already prerendered (not trunk's shell); pages were not rendered again. Run trunk build",
        )),
        // QUIRE_PRERENDER=0 builds the pure client-side site, for benchmarks that compare the two.
        Ok(_) if std::env::var("QUIRE_PRERENDER").is_ok_and(|v| v == "0") => {}
        Ok(shell) => {
            for page in prerender::pages(&shell, &args.base, build, data, policy.as_deref()) {
                write(&page.path, &page.html)?;
            }
        }
        // Run outside trunk (tests, `check`-like use): the manifest and posts are still written.
        Err(_) => {}
    }
    if manifest.site.base_url.is_none() {
        diags.push(Diagnostic::warning(
            collect::CONFIG_FILE,
            "no `base_url` (the address the site is deployed at, e.g. \"https://example.com/blog/\"); feed.xml, sitemap.xml and canonical links need it and are left out",
        ));
    }
    if let Some(atom) = feed::atom(manifest, &build.posts, &args.base) {
        write("feed.xml", &atom)?;
    }
    if let Some(sitemap) = feed::sitemap(manifest, &args.base) {
        write("sitemap.xml", &sitemap)?;
    }
    if !args.out.join("robots.txt").exists() {
        write("robots.txt", &feed::robots(manifest, &args.base))?;
    }
    let hashed = collect::hashed_files(&args.out);
    write(
        "_headers",
        &feed::headers(&args.base, &hashed, policy.as_deref()),
    )?;
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// For messages: a path relative to the project root, with `/` separators.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
