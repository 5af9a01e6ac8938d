//! Reading posts (build time): bytes → metadata + body + diagnostics, and a whole folder of
//! posts → the manifest. One broken post yields diagnostics and never stops the others.

use crate::date;
use crate::diagnostics::Diagnostic;
use crate::front_matter::{self, Format, FrontMatter, SplitError};
use crate::manifest::{self, ListPage, Manifest, PostData, PostEntry, Site, VERSION};
use crate::markdown::{self, RenderOptions};
use crate::slug;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// A post file as found on disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in diagnostics, e.g. `public/posts/hello.md`.
    pub display_path: String,
    /// The path relative to the site root (`public/`), e.g. `posts/hello.md`.
    pub rel_path: String,
    pub bytes: Vec<u8>,
}

/// A post that will be published.
#[derive(Debug, Clone)]
pub struct Post {
    pub entry: PostEntry,
    /// The whole file as UTF-8 (front matter included), as the app will fetch it.
    pub text: String,
    /// Seconds since the epoch of a valid date, for ordering.
    pub timestamp: Option<i64>,
    /// Highlighting of its code blocks, once [`SiteBuild::highlight`] ran.
    pub code: Vec<crate::code::Tokens>,
}

/// Front-matter fields quire reads; others are ignored, so files written for Jekyll, Hugo,
/// Zola or Astro keep working.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    pub slug: Option<String>,
    pub author: Option<String>,
}

const SUMMARY_CHARS: usize = 280;

/// Reads one post. `None` means it is not published (the diagnostics say why).
pub fn read_post(file: &SourceFile) -> (Option<Post>, Vec<Diagnostic>) {
    let path = file.display_path.as_str();
    let mut diags = Vec::new();

    let text = match String::from_utf8(file.bytes.clone()) {
        Ok(t) => t,
        Err(e) => {
            let good = &file.bytes[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            diags.push(
                Diagnostic::error(
                    path,
                    "the file is not valid UTF-8; it is published with the bad bytes shown as �. Save it as UTF-8",
                )
                .at_line(Some(line)),
            );
            String::from_utf8_lossy(&file.bytes).into_owned()
        }
    };
    let text = front_matter::strip_bom(&text).to_string();
    if text.trim().is_empty() {
        diags.push(Diagnostic::error(
            path,
            "the file is empty; there is nothing to publish, so it is skipped",
        ));
        return (None, diags);
    }

    let split = match front_matter::split(&text) {
        Ok(s) => s,
        Err(SplitError::Unterminated { format }) => {
            let delim = if format == Format::Yaml { "---" } else { "+++" };
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "the {} front matter opened with `{delim}` is never closed, so where the post starts is unknown; the post is skipped. Add a line `{delim}` after the last field",
                        format.name()
                    ),
                )
                .at_line(Some(1)),
            );
            return (None, diags);
        }
    };

    let stem = file_stem(&file.rel_path);
    let (file_date, file_slug) = slug::from_file_stem(stem);

    let meta = match &split.front_matter {
        None => {
            diags.push(Diagnostic::warning(
                path,
                "no front matter; the post is published with its title taken from its first heading or file name. Start the file with a `---` block holding at least `title:`",
            ).at_line(Some(1)));
            Meta::default()
        }
        Some(fm) => match parse_meta(fm, path, &mut diags) {
            Some(m) => m,
            // Unreadable front matter may hide `draft: true`: publishing it could leak a draft.
            None => return (None, diags),
        },
    };

    let body = split.body;
    let title = match meta.title.clone() {
        Some(t) => t,
        None => {
            let fallback = first_heading(body).unwrap_or_else(|| title_from_stem(stem));
            let published_as = format!("the post is published as {fallback:?} (from its first heading or file name) until it has one");
            if let Some(d) = diags
                .iter_mut()
                .find(|d| d.field.as_deref() == Some("title"))
            {
                // A title of the wrong type: one diagnostic, as an error, since a title is required.
                d.severity = crate::diagnostics::Severity::Error;
                d.reason = d.reason.replace("the field is ignored", &published_as);
            } else if split.front_matter.is_some() {
                diags.push(
                    Diagnostic::error(path, format!("a title is required; {published_as}"))
                        .field("title", None)
                        .at_line(split.front_matter.as_ref().map(|f| f.first_line)),
                );
            }
            fallback
        }
    };

    let hash = content_hash(&file.bytes);
    let slug = choose_slug(
        &meta,
        &split.front_matter,
        &file_slug,
        &hash,
        path,
        &mut diags,
    );

    // Date: front matter wins; a Jekyll file name supplies one otherwise.
    let (date_written, date_line) = match (&meta.date, file_date) {
        (Some(d), _) => (Some(d.clone()), field_line(&split.front_matter, "date")),
        (None, Some(d)) => (Some(d.to_string()), None),
        (None, None) => (None, None),
    };
    let mut date_iso = None;
    let mut timestamp = None;
    let mut date_display = date_written.clone();
    if let Some(raw) = &date_written {
        match date::parse(raw) {
            Ok(d) => {
                date_iso = Some(d.iso);
                timestamp = Some(d.timestamp);
                date_display = Some(d.display);
            }
            Err(reason) => diags.push(
                Diagnostic::warning(
                    path,
                    format!("{reason}; the post is published with the date shown as written and listed after dated posts"),
                )
                .field("date", Some(raw))
                .at_line(date_line),
            ),
        }
    }
    let updated = meta
        .updated
        .as_ref()
        .and_then(|raw| match date::parse(raw) {
            Ok(d) => Some(d.iso),
            Err(reason) => {
                diags.push(
                    Diagnostic::warning(path, format!("{reason}; the field is ignored"))
                        .field("updated", Some(raw))
                        .at_line(field_line(&split.front_matter, "updated")),
                );
                None
            }
        });

    let words = markdown::word_count(body);
    let summary = match &meta.description {
        Some(d) => d.clone(),
        None => markdown::summary(body, SUMMARY_CHARS),
    };

    let entry = PostEntry {
        slug,
        title,
        source: file.rel_path.clone(),
        date: date_iso,
        date_written,
        date_display,
        updated,
        description: meta.description.clone(),
        summary,
        tags: meta.tags.clone(),
        tag_slugs: meta.tags.iter().map(|t| tag_slug(t)).collect(),
        author: meta.author.clone(),
        draft: meta.draft,
        words,
        reading_minutes: markdown::reading_minutes(words),
        hash,
    };
    (
        Some(Post {
            entry,
            text,
            timestamp,
            code: Vec::new(),
        }),
        diags,
    )
}

/// The result of reading every post of a site.
#[derive(Debug)]
pub struct SiteBuild {
    pub manifest: Manifest,
    /// Published posts, in manifest order.
    pub posts: Vec<Post>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads all posts, drops drafts unless asked for, refuses duplicate slugs, and orders the rest
/// newest first (posts without a valid date last, by title).
pub fn build_site(files: &[SourceFile], site: Site, include_drafts: bool) -> SiteBuild {
    let mut files: Vec<&SourceFile> = files.iter().collect();
    files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    let mut diagnostics = Vec::new();
    let mut posts: Vec<Post> = Vec::new();
    let mut owners: Vec<(String, String)> = Vec::new();
    for file in files {
        let (post, diags) = read_post(file);
        diagnostics.extend(diags);
        let Some(post) = post else { continue };
        if let Some((_, owner)) = owners.iter().find(|(s, _)| *s == post.entry.slug) {
            diagnostics.push(
                Diagnostic::error(
                    &file.display_path,
                    format!("already used by {owner}; this post is skipped. Give one of them a different `slug:`"),
                )
                .field("slug", Some(&post.entry.slug)),
            );
            continue;
        }
        owners.push((post.entry.slug.clone(), file.display_path.clone()));
        if post.entry.draft && !include_drafts {
            continue;
        }
        posts.push(post);
    }
    // Files were read in path order; within a file, report top to bottom.
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    posts.sort_by(|a, b| match (a.timestamp, b.timestamp) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.entry.title.cmp(&b.entry.title)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.entry.title.cmp(&b.entry.title),
    });
    let manifest = Manifest {
        version: VERSION,
        site,
        posts: posts.iter().map(|p| p.entry.clone()).collect(),
    };
    SiteBuild {
        manifest,
        posts,
        diagnostics,
    }
}

impl SiteBuild {
    /// Highlights every post's code blocks with `highlight(language, text)` (empty runs: leave
    /// the block plain). The app and the prerendered pages get the runs through [`Self::data`].
    pub fn highlight(&mut self, highlight: &dyn Fn(&str, &str) -> crate::code::Tokens) {
        for post in &mut self.posts {
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

    /// The tag list and each tag's posts (drafts included only in development builds).
    pub fn tags(&self) -> (manifest::TagList, Vec<manifest::TagPage>) {
        manifest::tags(&self.manifest.site, &self.manifest.posts)
    }

    /// The data files the app loads: index pages, and each post's data (neighbours, links to
    /// other posts), in manifest order.
    pub fn data(&self) -> (Vec<ListPage>, Vec<PostData>) {
        let site = &self.manifest.site;
        let entries = &self.manifest.posts;
        let lists = manifest::paginate(site, entries, site.posts_per_page);
        let posts = self
            .posts
            .iter()
            .enumerate()
            .map(|(i, post)| {
                let (newer, older) = manifest::neighbours(entries, i);
                let (links, headings) = links_and_headings(post, &self.manifest);
                PostData {
                    version: VERSION,
                    site: site.clone(),
                    entry: post.entry.clone(),
                    newer,
                    older,
                    links,
                    headings,
                    code: post.code.clone(),
                }
            })
            .collect();
        (lists, posts)
    }
}

impl SiteBuild {
    /// The search index of the published posts (drafts never, even in development builds),
    /// from their data (for the headings).
    pub fn search_index(&self, data: &[PostData]) -> crate::search::Index {
        let sources = self
            .posts
            .iter()
            .zip(data)
            .filter(|(p, _)| !p.entry.draft)
            .map(|(p, d)| (p, d, markdown::plain_text(front_matter::body(&p.text))))
            .collect::<Vec<_>>();
        crate::search::Index::build(
            sources
                .iter()
                .map(|(p, d, text)| crate::search::Source {
                    doc: crate::search::Doc {
                        slug: p.entry.slug.clone(),
                        title: p.entry.title.clone(),
                        date_display: p.entry.date_display.clone(),
                        year: p
                            .entry
                            .date
                            .as_deref()
                            .and_then(|d| d.get(..4))
                            .and_then(|y| y.parse().ok()),
                        tags: p.entry.tag_slugs.clone(),
                        hash: p.entry.hash.clone(),
                    },
                    headings: d.headings.iter().map(|h| h.text.as_str()).collect(),
                    tags: p.entry.tags.iter().map(String::as_str).collect(),
                    body: text,
                })
                .collect(),
        )
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
        let slug = manifest.slug_for_source(path)?;
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
            source_dir: dir,
            post_slug: Some(&lookup),
            code: &[],
        },
    );
    (found.into_inner(), rendered.headings)
}

/// Parses the front matter into fields. `None` when its syntax is broken (reported as an error).
pub fn parse_meta(fm: &FrontMatter, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Meta> {
    let map = match to_map(fm) {
        Ok((m, repaired)) => {
            for (key, line, value) in repaired {
                diags.push(
                    Diagnostic::warning(
                        path,
                        "the value contains `: `, which strict YAML rejects; it is read as plain text. Put it in quotes to silence this",
                    )
                    .field(&key, Some(&value))
                    .at_line(Some(line)),
                );
            }
            m
        }
        Err((reason, line)) => {
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "invalid {} front matter: {reason}; the post is skipped until it is fixed",
                        fm.format.name()
                    ),
                )
                .at_line(line.or(Some(fm.first_line))),
            );
            return None;
        }
    };
    let fm_opt = Some(fm.clone());
    let line = |key: &str| field_line(&fm_opt, key);
    let mut meta = Meta::default();
    let text = |key: &str, diags: &mut Vec<Diagnostic>| -> Option<String> {
        match map.get(key)? {
            Value::Null => None,
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                diags.push(
                    Diagnostic::warning(
                        path,
                        format!(
                            "`{key}` must be text, not {}; the field is ignored",
                            kind(other)
                        ),
                    )
                    .field(key, Some(&compact(other)))
                    .at_line(line(key)),
                );
                None
            }
        }
    };
    meta.title = text("title", diags);
    meta.date = text("date", diags);
    meta.updated = text("updated", diags);
    meta.description = text("description", diags);
    meta.slug = text("slug", diags);
    meta.author = text("author", diags);

    meta.tags = match map.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s.split(',').map(|t| t.trim().to_string()).collect(),
        Some(Value::Array(items)) => {
            let mut tags = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => tags.push(s.trim().to_string()),
                    Value::Number(n) => tags.push(n.to_string()),
                    other => diags.push(
                        Diagnostic::warning(
                            path,
                            format!(
                                "each tag must be text, not {}; that tag is ignored",
                                kind(other)
                            ),
                        )
                        .field("tags", Some(&compact(other)))
                        .at_line(line("tags")),
                    ),
                }
            }
            tags
        }
        Some(other) => {
            diags.push(
                Diagnostic::warning(
                    path,
                    format!("`tags` must be a list of text (tags: [go, python]), not {}; the field is ignored", kind(other)),
                )
                .field("tags", Some(&compact(other)))
                .at_line(line("tags")),
            );
            Vec::new()
        }
    };
    let mut seen = Vec::new();
    meta.tags.retain(|t| {
        !t.is_empty() && !seen.contains(t) && {
            seen.push(t.clone());
            true
        }
    });

    meta.draft = match map.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            let value = compact(other);
            let (draft, how) = match value.to_ascii_lowercase().trim_matches('"') {
                "true" | "yes" | "on" => (true, "read as true"),
                "false" | "no" | "off" => (false, "read as false"),
                _ => (true, "the post is treated as a draft to be safe"),
            };
            diags.push(
                Diagnostic::warning(
                    path,
                    format!("`draft` must be true or false, not {}; {how}", kind(other)),
                )
                .field("draft", Some(&value))
                .at_line(line("draft")),
            );
            draft
        }
    };
    Some(meta)
}

/// A top-level field whose value was quoted so YAML could read it: (key, file line, value).
type Repaired = Vec<(String, usize, String)>;

/// Why front matter could not be read, and the file line where known.
type SyntaxError = (String, Option<usize>);

fn to_map(fm: &FrontMatter) -> Result<(Map<String, Value>, Repaired), SyntaxError> {
    let mut repaired = Vec::new();
    let value = match fm.format {
        Format::Yaml => {
            if fm.text.trim().is_empty() {
                return Ok((Map::new(), repaired));
            }
            match serde_yaml_ng::from_str::<Value>(fm.text) {
                Ok(v) => v,
                Err(e) => {
                    let error = || {
                        let line = e
                            .location()
                            .map(|l| fm.first_line + l.line().saturating_sub(1));
                        (first_sentence(&e.to_string()), line)
                    };
                    // Blog front matter is often written like `description: Python or Go: which?`,
                    // which strict YAML rejects. Quoting such one-line values and letting the
                    // YAML parser try again publishes what the author meant, with a warning.
                    let (text, fixed) = quote_colon_values(fm.text, fm.first_line);
                    if fixed.is_empty() {
                        return Err(error());
                    }
                    match serde_yaml_ng::from_str::<Value>(&text) {
                        Ok(v) => {
                            repaired = fixed;
                            v
                        }
                        Err(_) => return Err(error()),
                    }
                }
            }
        }
        Format::Toml => {
            let table = toml::from_str::<toml::Table>(fm.text).map_err(|e| {
                let line = e.span().map(|s| {
                    fm.first_line + fm.text[..s.start.min(fm.text.len())].matches('\n').count()
                });
                (e.message().trim().to_string(), line)
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    match value {
        Value::Object(m) => Ok((m, repaired)),
        Value::Null => Ok((Map::new(), repaired)),
        other => Err((
            format!("expected `key: value` fields, found {}", kind(&other)),
            Some(fm.first_line),
        )),
    }
}

/// Single-quotes top-level `key: value` lines whose plain value contains `: `.
fn quote_colon_values(text: &str, first_line: usize) -> (String, Repaired) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut fixed = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = &line[content.len()..];
        let candidate = content.split_once(": ").and_then(|(key, value)| {
            let key_ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            let value = value.trim();
            let plain = !value.starts_with([
                '\'', '"', '[', '{', '|', '>', '&', '*', '!', '#', '%', '@', '`',
            ]);
            (key_ok && plain && value.contains(": ")).then_some((key, value))
        });
        match candidate {
            Some((key, value)) => {
                out.push_str(&format!("{key}: '{}'{ending}", value.replace('\'', "''")));
                fixed.push((key.to_string(), first_line + i, value.to_string()));
            }
            None => out.push_str(line),
        }
    }
    (out, fixed)
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn first_sentence(s: &str) -> String {
    // serde_yaml_ng appends " at line X column Y"; the line is reported separately.
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table of fields",
    }
}

fn compact(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn choose_slug(
    meta: &Meta,
    fm: &Option<FrontMatter>,
    file_slug: &str,
    hash: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if let Some(wanted) = &meta.slug {
        let clean = slug::slugify(wanted);
        if clean.is_empty() {
            diags.push(
                Diagnostic::warning(
                    path,
                    "the slug has no letters or digits; the file name is used instead",
                )
                .field("slug", Some(wanted))
                .at_line(field_line(fm, "slug")),
            );
        } else {
            if clean != *wanted {
                diags.push(
                    Diagnostic::warning(
                        path,
                        format!("a slug may hold only lowercase letters, digits and `-` (no `/`, `..`, spaces or accents); {clean:?} is used"),
                    )
                    .field("slug", Some(wanted))
                    .at_line(field_line(fm, "slug")),
                );
            }
            return clean;
        }
    }
    if file_slug.is_empty() {
        let fallback = format!("post-{}", &hash[..8]);
        diags.push(Diagnostic::warning(
            path,
            format!("the file name gives no usable slug; {fallback:?} is used. Rename the file or set `slug:`"),
        ));
        return fallback;
    }
    file_slug.to_string()
}

/// 1-based file line of a top-level front-matter key, found by its `key:` / `key =` line.
pub fn field_line(fm: &Option<FrontMatter>, key: &str) -> Option<usize> {
    let fm = fm.as_ref()?;
    fm.text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map(|i| fm.first_line + i)
}

/// A tag's URL slug; a tag of only symbols (`C++`, `#`) still gets one.
pub fn tag_slug(tag: &str) -> String {
    let s = slug::slugify(tag);
    if s.is_empty() {
        format!("tag-{}", &content_hash(tag.as_bytes())[..8])
    } else {
        s
    }
}

fn file_stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".markdown")
        .or_else(|| name.strip_suffix(".md"))
        .unwrap_or(name)
}

fn title_from_stem(stem: &str) -> String {
    let (_, slug) = slug::from_file_stem(stem);
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => "Untitled".to_string(),
    }
}

fn first_heading(body: &str) -> Option<String> {
    let r = markdown::render(body, &RenderOptions::default());
    r.headings
        .into_iter()
        .find(|h| h.level == 1)
        .map(|h| h.text)
        .filter(|t| !t.is_empty())
}

fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
