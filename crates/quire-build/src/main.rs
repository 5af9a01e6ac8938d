//! quire's native build tool. trunk runs `quire-build build` as a post-build hook; authors run
//! `quire-build check` (or `make check`) to validate posts without building.
//!
//! It reads `public/` (posts under `public/posts/`, other files copied as they are) and
//! `quire.toml`, and writes into the build output: `manifest.json`, each published post's
//! Markdown at `posts/<slug>.md`, and the static files.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use quire_core::diagnostics::{self, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod collect;
mod feed;
mod highlight;
mod image_size;
mod language;
mod offline;
mod prerender;
mod preview;
mod shell;
mod split;
mod watch;
mod worker;

/// quire's build tool: validates posts and writes the site (trunk runs `build` from a hook).
#[derive(Parser)]
#[command(
    name = "quire-build",
    override_usage = "quire-build <build|check> [options]"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Project root holding public/ and quire.toml [default: $QUIRE_CONTENT, else
    /// $TRUNK_SOURCE_DIR, else .]
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Build output [default: $TRUNK_STAGING_DIR, else dist]
    #[arg(long, global = true, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Include draft posts [default under `trunk serve`, i.e. when TRUNK_PROFILE is not release]
    #[arg(long, global = true, overrides_with = "no_drafts")]
    drafts: bool,
    /// Leave draft posts out [default for release builds]
    #[arg(long, global = true)]
    no_drafts: bool,
    /// A release build: no drafts, strict Content-Security-Policy [default when TRUNK_PROFILE
    /// is release]
    #[arg(long, global = true)]
    release: bool,
    /// Public URL path the site is served under [default: $TRUNK_PUBLIC_URL, else /]
    #[arg(long, global = true, value_name = "PATH")]
    base: Option<String>,
    /// Fail on warnings too
    #[arg(long, global = true)]
    strict: bool,
}

#[derive(Subcommand, Clone, PartialEq, Eq)]
enum Command {
    /// Validate posts and write the site: pages, data, feeds, static files
    Build,
    /// Validate posts only; exit 1 on errors (with --strict, on warnings too)
    Check,
    /// Rebuild the site's content into --out whenever a post, page or quire.toml is saved, and
    /// reload open pages (`make serve` runs it beside trunk serve; a development build)
    Watch,
    /// Start a post: write public/posts/<slug>.md with today's date and the front matter filled in
    New {
        /// The post's title
        title: String,
    },
}

/// The settings a run uses: the command line, with trunk's environment filling what it leaves
/// unsaid.
#[derive(Clone)]
struct Args {
    command: Command,
    root: PathBuf,
    out: PathBuf,
    drafts: bool,
    /// A release build: drafts out, strict CSP in.
    release: bool,
    strict: bool,
    /// Base path without trailing slash, from trunk's public URL.
    base: String,
}

impl From<Cli> for Args {
    fn from(cli: Cli) -> Self {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let release = cli.release || env("TRUNK_PROFILE").is_some_and(|p| p == "release");
        // `watch` is `make serve`'s: a development build, drafts shown as under trunk serve.
        let drafts = if cli.release || cli.no_drafts {
            false
        } else {
            cli.drafts
                || cli.command == Command::Watch
                || env("TRUNK_PROFILE").is_some_and(|p| p != "release")
        };
        Args {
            command: cli.command,
            // QUIRE_CONTENT points trunk's hook at another site's public/ and quire.toml (tests).
            root: cli.root.unwrap_or_else(|| {
                env("QUIRE_CONTENT")
                    .or_else(|| env("TRUNK_SOURCE_DIR"))
                    .map_or_else(|| PathBuf::from("."), PathBuf::from)
            }),
            out: cli.out.unwrap_or_else(|| {
                env("TRUNK_STAGING_DIR").map_or_else(|| PathBuf::from("dist"), PathBuf::from)
            }),
            drafts,
            release,
            strict: cli.strict,
            base: quire_core::url::normalize_base(
                &cli.base
                    .or_else(|| env("TRUNK_PUBLIC_URL"))
                    .unwrap_or_default(),
            ),
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) if e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        // --help, --version
        Err(e) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    match run(&cli.into()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("quire-build: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode> {
    if let Command::New { title } = &args.command {
        let path = new_post(&args.root, title, chrono::Local::now().naive_local())?;
        eprintln!("quire: wrote {}", display_path(&args.root, &path));
        return Ok(ExitCode::SUCCESS);
    }
    if args.command == Command::Watch {
        let build = Args {
            command: Command::Build,
            release: false,
            ..args.clone()
        };
        watch::run(&args.root, &args.out, || {
            if let Err(e) = run(&build) {
                eprintln!("quire-build: {e:#}");
            }
        });
    }
    let input = collect::read_project(&args.root)?;
    let (mut editions, link_diags) = language::editions(&input, &args.base, args.drafts);
    let mut diags: Vec<Diagnostic> = input.diagnostics.clone();
    let mut redirects = Vec::new();
    for e in editions.iter_mut() {
        let (r, d) = check(&input, e, &args.root.join("public"));
        diags.extend(d);
        redirects.push(r);
    }
    diags.extend(link_diags);

    for d in &diags {
        eprintln!("{d}");
    }
    let (errors, warnings) = diagnostics::count(&diags);
    let mut diags_after: Vec<Diagnostic> = Vec::new();
    let posts: usize = editions.iter().map(|e| e.build.posts.len()).sum();
    let drafts: usize = editions
        .iter()
        .map(|e| e.build.posts.iter().filter(|p| p.entry.draft).count())
        .sum();

    if args.command == Command::Build {
        let builds: Vec<&quire_core::site_build::SiteBuild> =
            editions.iter().map(|e| &e.build).collect();
        collect::copy_assets(&args.out, &builds, &input)?;
        let shell = read_shell(args)?;
        let mut policy = None;
        // Index pages and each post's data (neighbours, links, headings, highlighting): made
        // once, written as files and embedded in the prerendered pages.
        let data: Vec<_> = editions
            .iter_mut()
            .map(|e| {
                e.build.highlight(&highlight::highlight);
                e.build.data(&e.base)
            })
            .collect();
        for ((e, redirects), data) in editions.iter().zip(&redirects).zip(&data) {
            collect::write_output(&e.out(&args.out), &e.build, data)?;
            let p = write_pages(args, e, data, &shell, &mut diags_after)?;
            policy = policy.or(p);
            write_feeds(args, e, redirects)?;
        }
        language::write_search_all(&args.out, &editions, &data)?;
        write_host_files(
            args,
            &editions,
            &redirects,
            policy.as_deref(),
            &shell,
            &mut diags_after,
        )?;
    }
    for d in &diags_after {
        eprintln!("{d}");
    }
    let (errors, warnings) = {
        let (e, w) = diagnostics::count(&diags_after);
        (errors + e, warnings + w)
    };
    eprintln!(
        "quire: {posts} post{} published{}, {errors} error{}, {warnings} warning{}{}",
        plural(posts),
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
        if args.command == Command::Build {
            format!(" → {}", args.out.display())
        } else {
            String::new()
        },
    );
    let failed = errors > 0 || (args.strict && warnings > 0);
    // A build with broken posts still succeeds, so one bad post never takes the blog down;
    // `check` (and `build --strict`) are the gates.
    if failed && (args.command == Command::Check || args.strict) {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One language's checks: its posts' diagnostics, links, images' sizes and old addresses.
fn check(
    input: &collect::ProjectInput,
    e: &mut language::Edition,
    public: &Path,
) -> (Vec<quire_core::redirect::Redirect>, Vec<Diagnostic>) {
    let mut diags = e.build.diagnostics.clone();
    let exists = |rel: &str| {
        input.assets.iter().any(|(_, r)| r == rel)
            || input
                .posts
                .iter()
                .chain(input.translations.iter().flat_map(|(_, f)| f))
                .any(|p| p.source() == rel)
    };
    diags.extend(quire_core::links::check(&e.build, &exists));
    diags.extend(
        e.build
            .measure_images(&|path| image_size::read(&public.join(path))),
    );
    // Old addresses may not take a live page's or file's place.
    let mut live = e.build.addresses();
    if e.is_default() {
        for (_, rel) in &input.assets {
            live.insert(rel.clone(), format!("public/{rel}"));
        }
        for l in input.site.languages.iter().skip(1) {
            live.insert(
                format!("{}/", l.code),
                format!("the {} site's home page", l.name),
            );
        }
    }
    let (redirects, d) = quire_core::redirect::collect(&e.build, &live);
    diags.extend(d);
    (redirects, diags)
}

/// trunk's shell (`index.html`) as every page starts from: the workers' names stamped in,
/// the stylesheet inlined; an error when trunk did not write one (a build outside trunk).
fn read_shell(args: &Args) -> Result<std::io::Result<String>> {
    let write = |rel: &str, text: &str| collect::write(&args.out, rel, text);
    split::apply(&args.out, args.release)?;
    let shell = match std::fs::read_to_string(args.out.join("index.html")) {
        Ok(s) => Ok(shell::inline_stylesheet(
            &args.out,
            &shell::strip_comments(&worker::stamp(&args.out, &s)?),
        )?),
        Err(e) => Err(e),
    };
    // Development builds keep trunk's shell for `watch`, which rebuilds after trunk has put the
    // prerendered home page in its place, and load the reload script.
    let shell = match shell {
        _ if args.release => shell,
        Ok(s) if !s.contains(quire_core::url::ROOT_ID) => {
            let s = shell::with_dev_reload(&s, &args.base);
            write(watch::RELOAD_SCRIPT, watch::RELOAD_JS)?;
            write(watch::SHELL_COPY, &s)?;
            Ok(s)
        }
        other => std::fs::read_to_string(args.out.join(watch::SHELL_COPY)).or(other),
    };
    Ok(match shell {
        Ok(s) if args.release => Ok(offline::link(&s, &args.base)),
        other => other,
    })
}

/// One language's prerendered pages; its Content-Security-Policy (release builds).
fn write_pages(
    args: &Args,
    e: &language::Edition,
    data: &quire_core::site_build::SiteData,
    shell: &std::io::Result<String>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Option<String>> {
    let build = &e.build;
    let out = e.out(&args.out);
    let policy = match shell {
        Ok(html) if args.release => Some(shell::csp(html, &build.manifest.site)),
        _ => None,
    };
    match shell {
        Ok(shell) if shell.contains(quire_core::url::ROOT_ID) => diags.push(Diagnostic::warning(
            display_path(&args.out, &args.out.join("index.html")),
            "is already prerendered (not trunk's shell); pages were not rendered again. Run trunk build",
        )),
        // QUIRE_PRERENDER=0 builds the pure client-side site, for benchmarks that compare the two.
        Ok(_) if std::env::var("QUIRE_PRERENDER").is_ok_and(|v| v == "0") => {}
        Ok(shell) => {
            for page in prerender::pages(shell, &e.base, build, data, policy.as_deref()) {
                if page.path != preview::PAGE {
                    collect::write(&out, &page.path, &page.html)?;
                } else if e.is_default() {
                    preview::write(&args.out, &args.base, build, &page.html)?;
                }
            }
        }
        // Run outside trunk (tests, `check`-like use): the manifest and posts are still written.
        Err(_) => {}
    }
    Ok(policy)
}

/// One language's old addresses, feeds and sitemap, under its folder.
fn write_feeds(
    args: &Args,
    e: &language::Edition,
    redirects: &[quire_core::redirect::Redirect],
) -> Result<()> {
    let out = e.out(&args.out);
    let write = |rel: &str, text: &str| collect::write(&out, rel, text);
    let (build, base) = (&e.build, e.base.as_str());
    let manifest = &build.manifest;
    for r in redirects {
        let to = format!("{base}/{}", r.to);
        let canonical = feed::absolute(manifest, &to);
        write(&r.file(), &r.page(base, canonical.as_deref()))?;
    }
    write(
        quire_core::url::REDIRECTS_DATA_PATH,
        &serde_json::to_string(&quire_core::redirect::map(&manifest.site, redirects))?,
    )?;
    let tag_pages = build.tags().1;
    let scopes = std::iter::once(feed::Scope::Site)
        .chain(
            build
                .sections
                .iter()
                .map(|s| feed::Scope::Section(&s.path, &s.title)),
        )
        .chain(tag_pages.iter().map(feed::Scope::Tag));
    for scope in scopes {
        if let Some((path, atom)) = feed::atom(manifest, &build.posts, base, &scope) {
            write(&path, &atom)?;
        }
    }
    let pages: Vec<_> = build.pages.iter().map(|p| &p.entry).collect();
    if let Some(sitemap) = feed::sitemap(manifest, &pages, base) {
        write("sitemap.xml", &sitemap)?;
    }
    Ok(())
}

/// The files hosts and crawlers read at the root, for every language: `_redirects`,
/// `robots.txt`, `_headers`, and the service worker (release builds).
fn write_host_files(
    args: &Args,
    editions: &[language::Edition],
    redirects: &[Vec<quire_core::redirect::Redirect>],
    policy: Option<&str>,
    shell: &std::io::Result<String>,
    diags: &mut Vec<Diagnostic>,
) -> Result<()> {
    let write = |rel: &str, text: &str| collect::write(&args.out, rel, text);
    let Some(default) = editions.first() else {
        return Ok(());
    };
    let manifest = &default.build.manifest;
    if manifest.site.base_url.is_none() {
        diags.push(Diagnostic::warning(
            collect::CONFIG_FILE,
            "no `base_url` (the address the site is deployed at, e.g. \"https://example.com/blog/\"); feed.xml, sitemap.xml and canonical links need it and are left out",
        ));
    }
    let netlify: String = editions
        .iter()
        .zip(redirects)
        .map(|(e, r)| quire_core::redirect::netlify(&e.base, r))
        .collect();
    if !netlify.is_empty() {
        write("_redirects", &netlify)?;
    }
    if !args.out.join("robots.txt").exists() {
        let bases: Vec<&str> = editions.iter().map(|e| e.base.as_str()).collect();
        write("robots.txt", &feed::robots(manifest, &bases))?;
    }
    let hashed = collect::hashed_files(&args.out);
    write("_headers", &feed::headers(&args.base, &hashed, policy))?;
    if let Ok(shell) = shell.as_ref().map(String::as_str) {
        if args.release {
            let languages: Vec<(&str, usize)> = editions
                .iter()
                .map(|e| (e.dir.as_str(), e.build.posts.len()))
                .collect();
            offline::write(&args.out, &args.base, shell, &manifest.site, &languages)?;
        }
    }
    Ok(())
}

/// Writes a new post's file with its front matter filled in; never overwrites one.
fn new_post(root: &Path, title: &str, now: chrono::NaiveDateTime) -> Result<PathBuf> {
    let title = title.trim();
    anyhow::ensure!(
        !title.is_empty(),
        "a post needs a title: make new TITLE=\"My post\""
    );
    let slug = quire_core::slug::slugify(title);
    anyhow::ensure!(
        !slug.is_empty(),
        "the title {title:?} has no letters or digits to name the file after"
    );
    let path = root.join("public/posts").join(format!("{slug}.md"));
    anyhow::ensure!(
        !path.exists(),
        "{} already exists; choose another title",
        display_path(root, &path)
    );
    let text = format!(
        "---\ntitle: {}\ndate: {}\ndescription: \ntags: []\ndraft: true\n---\n\nWrite here. `draft: true` keeps it out of release builds until you remove it.\n",
        serde_json::to_string(title)?,
        now.format("%Y-%m-%d %H:%M")
    );
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
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
