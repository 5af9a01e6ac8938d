//! Reading one post (build time): bytes → metadata + body + diagnostics. One broken post
//! yields diagnostics and never stops the others; [`crate::site_build`] assembles them.

use crate::diagnostics::Diagnostic;
use crate::front_matter::{self, Format, FrontMatter, Split, SplitError};
use crate::manifest::PostEntry;
use crate::markdown;
use crate::meta::{field_line, parse_meta, Meta};
use crate::shortcodes;
use crate::slug;
use dates::Dates;
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

impl SourceFile {
    /// Where the file really is under `public/`: `rel_path`, except for a translation, whose
    /// `rel_path` is its one-language name (`posts/x.md` for `posts/fr/x.md`: see
    /// `crate::language::files`). Its links and images are relative to this.
    pub fn source(&self) -> &str {
        if self.display_path.ends_with(&self.rel_path) {
            return &self.rel_path;
        }
        self.display_path
            .strip_prefix("public/")
            .unwrap_or(&self.rel_path)
    }
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
    /// Old addresses that lead to it, as `(field, address as written)`.
    pub old_addresses: Vec<(String, String)>,
    /// Its local images' sizes, once [`crate::site_build::SiteBuild::measure_images`] ran.
    pub images: Vec<crate::render_options::ImageSize>,
    /// Its math expressions as MathML, in order (see [`crate::math`]).
    pub math: Vec<String>,
    /// The file it was read from, as diagnostics name it.
    pub file: String,
    /// `translationKey`: what links it to its translations when their paths differ.
    pub translation_key: Option<String>,
    /// Its path as a site in one language names it (`posts/x.md` for `posts/x.fr.md`), which
    /// links translations with equal paths.
    pub rel_path: String,
}

/// Whether a Markdown file under `posts/` is a section's settings (`_index.md`, as in Zola and
/// Hugo): a title and introduction for its folder, never a post.
pub fn is_section_index(rel_path: &str) -> bool {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    matches!(name, "_index.md" | "_index.markdown")
}

mod dates;

const SUMMARY_CHARS: usize = 280;

/// Reads one post; `cx` is the site its templates may name (see [`crate::shortcodes`]). `None`
/// means it is not published (the diagnostics say why).
pub fn read_post(file: &SourceFile, cx: &shortcodes::Context) -> (Option<Post>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let post = read_text(file, &mut diags).and_then(|text| publish(file, text, cx, &mut diags));
    (post, diags)
}

/// The file as text without a byte order mark; bad UTF-8 is shown as �, an empty file is skipped.
fn read_text(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let path = file.display_path.as_str();
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
        return None;
    }
    Some(text)
}

/// Front matter and body; `None` (with the reason) when where the body starts is unknown.
fn split_file<'a>(text: &'a str, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Split<'a>> {
    match front_matter::split(text) {
        Ok(s) => Some(s),
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
            None
        }
    }
}

/// The front matter's fields; `None` when it cannot be read (it may hide `draft: true`, and
/// publishing it could leak a draft).
fn read_meta(split: &Split, path: &str, diags: &mut Vec<Diagnostic>) -> Option<Meta> {
    match &split.front_matter {
        None => {
            diags.push(Diagnostic::warning(
                path,
                "no front matter; the post is published with its title taken from its first heading or file name. Start the file with a `---` block holding at least `title:`",
            ).at_line(Some(1)));
            Some(Meta::default())
        }
        Some(fm) => parse_meta(fm, path, diags),
    }
}

/// Everything after the text is read: `None` when the file is not a post to publish.
fn publish(
    file: &SourceFile,
    text: String,
    cx: &shortcodes::Context,
    diags: &mut Vec<Diagnostic>,
) -> Option<Post> {
    let path = file.display_path.as_str();
    let split = split_file(&text, path, diags)?;
    let body_line = split.body_line;
    let (sections, stem) = slug::location(&file.rel_path);
    let (file_date, file_slug) = slug::from_file_stem(stem);
    let meta = read_meta(&split, path, diags)?;
    if is_foreign_template(&meta, split.body, path, diags) {
        return None;
    }
    let title = title(&meta, &split, stem, path, diags);
    let hash = content_hash(&file.bytes);
    let leaf = choose_slug(&meta, &split.front_matter, &file_slug, &hash, path, diags);
    // A section's posts live under it, so equal names in two sections never clash.
    let slug = sections
        .iter()
        .map(String::as_str)
        .chain([leaf.as_str()])
        .collect::<Vec<_>>()
        .join("/");
    let other_date = file_date
        .map(|d| (d.to_string(), "the file name".to_string()))
        .or_else(|| {
            let (field, address) = meta.old_address.as_ref()?;
            Some((slug::date_in_address(address)?, format!("`{field}`")))
        });
    let dates = Dates::read(&meta, &split, other_date, path, diags);

    // Other generators' template code becomes what they would have published: from here on
    // that is the post's text, for every reader of it (page, app, feed, search, summary).
    let page = shortcodes::Page {
        path,
        source_dir: file.source().rsplit_once('/').map_or("", |(d, _)| d),
        body_line,
        fields: &meta.fields,
        title: &title,
        date: dates.iso.as_deref().or(dates.written.as_deref()),
        url: if file.rel_path.starts_with("pages/") {
            crate::url::page_route("", &slug)
        } else {
            crate::url::post_route("", &slug)
        },
    };
    let head = text.len() - split.body.len();
    let expanded = shortcodes::expand(split.body, cx, &page);
    // Of the published text, not the file: a template's value (another post's address, the
    // site's title) may change while the file does not.
    let (text, hash) = match expanded {
        Some(e) => {
            diags.extend(e.diagnostics);
            let text = format!("{}{}", &text[..head], e.text);
            let hash = content_hash(text.as_bytes());
            (text, hash)
        }
        None => (text, hash),
    };
    let body = &text[head..];
    let math = math(body, body_line, path, diags);
    let image = meta
        .image
        .as_deref()
        .and_then(|raw| post_image(raw, file.source(), path, diags));
    let entry = entry(
        &meta,
        (slug, title),
        file.source(),
        &dates,
        body,
        image,
        hash,
    );
    Some(Post {
        entry,
        text,
        timestamp: dates.timestamp,
        code: Vec::new(),
        images: Vec::new(),
        math,
        old_addresses: meta
            .aliases
            .iter()
            .map(|a| ("aliases".to_string(), a.clone()))
            .chain(meta.old_address.clone())
            .collect(),
        file: path.to_string(),
        translation_key: meta.translation_key.clone(),
        rel_path: file.rel_path.clone(),
    })
}

/// Zola's `template = "latest.html"` with no title or text: a page of another generator's
/// theme, with nothing of its own to publish.
fn is_foreign_template(meta: &Meta, body: &str, path: &str, diags: &mut Vec<Diagnostic>) -> bool {
    let (Some(template), None, true) = (&meta.template, &meta.title, body.trim().is_empty()) else {
        return false;
    };
    diags.push(
        Diagnostic::warning(
            path,
            format!("the file only names a template of another generator ({template:?}) and has no title or text; it is skipped"),
        )
        .at_line(Some(1)),
    );
    true
}

/// The title, or (with an error, since one is required) the first heading or the file name.
fn title(
    meta: &Meta,
    split: &Split,
    stem: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if let Some(t) = &meta.title {
        return t.clone();
    }
    let fallback = markdown::first_h1(split.body).unwrap_or_else(|| title_from_stem(stem));
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

/// Its math as MathML; math the converter cannot read is shown as its source, and the author
/// hears where.
fn math(body: &str, body_line: usize, path: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let (math, errors) = markdown::math_all(body);
    for (offset, tex, reason) in errors {
        diags.push(
            Diagnostic::warning(
                path,
                format!("this math cannot be converted to MathML ({reason}); it is shown as its TeX source"),
            )
            .field("math", Some(&tex))
            .at_line(Some(body_line + body[..offset].matches('\n').count())),
        );
    }
    math
}

fn post_image(
    raw: &str,
    rel_path: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let dir = rel_path.rsplit_once('/').map_or("", |(d, _)| d);
    let image = image_path(raw, dir);
    if image.is_none() {
        diags.push(
            Diagnostic::warning(
                path,
                "the image must be a path or an http(s) address; the post is shown without it",
            )
            .field("image", Some(raw)),
        );
    }
    image
}

/// Its manifest entry, from its fields and published body.
fn entry(
    meta: &Meta,
    (slug, title): (String, String),
    source: &str,
    dates: &Dates,
    body: &str,
    image: Option<String>,
    hash: String,
) -> PostEntry {
    let words = markdown::word_count(body);
    let slugs = |names: &[String]| names.iter().map(|t| tag_slug(t)).collect();
    PostEntry {
        slug,
        title,
        source: source.to_string(),
        date: dates.iso.clone(),
        date_written: dates.written.clone(),
        date_display: dates.display.clone(),
        updated: dates.updated.clone(),
        description: meta.description.clone(),
        summary: match &meta.description {
            Some(d) => d.clone(),
            None => markdown::summary(body, SUMMARY_CHARS),
        },
        tags: meta.tags.clone(),
        tag_slugs: slugs(&meta.tags),
        category_slugs: slugs(&meta.categories),
        categories: meta.categories.clone(),
        image,
        author_ids: slugs(&meta.authors),
        authors: meta.authors.clone(),
        series_slug: meta.series.as_deref().map(tag_slug),
        series: meta.series.clone(),
        series_order: meta.series_order,
        draft: meta.draft,
        words,
        reading_minutes: markdown::reading_minutes(words),
        hash,
        translations: Vec::new(),
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

/// A post's image as the manifest keeps it: from the site root (`posts/a/cover.png`) or an
/// http(s) address; `None` for anything else (`javascript:`, `data:` …).
fn image_path(raw: &str, dir: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some((scheme, _)) = raw.split_once("://") {
        return matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
            .then(|| raw.to_string());
    }
    if raw.contains(':') || raw.starts_with("//") || raw.is_empty() {
        return None;
    }
    let resolved = crate::url::resolve_relative(dir, raw);
    Some(resolved.trim_start_matches('/').to_string())
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

fn title_from_stem(stem: &str) -> String {
    let (_, slug) = slug::from_file_stem(stem);
    let words = slug.replace('-', " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => "Untitled".to_string(),
    }
}

fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
